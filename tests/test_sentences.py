"""Sentence splitting."""

import pytest

from rasd.pipeline import read

CASES = [
    ("اعتقلت الشرطة 4.2 ألف شخص. وأفرجت عن 20 منهم.", ["اعتقلت الشرطة 4.2 ألف شخص.", "وأفرجت عن 20 منهم."]),
    ("هل انتهت الأزمة؟ لا أحد يعرف!", ["هل انتهت الأزمة؟", "لا أحد يعرف!"]),
    ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
    ('قال: "الوضع هادئ." ثم غادر.', ['قال: "الوضع هادئ."', "ثم غادر."]),
    ("قال د. محمد إن الوضع هادئ.", ["قال د. محمد إن الوضع هادئ."]),
    ("Reuters reported it. U.S. officials agreed.", ["Reuters reported it.", "U.S. officials agreed."]),
    ("قتل 3 أشخاص؛ وأصيب 5 آخرون", ["قتل 3 أشخاص؛", "وأصيب 5 آخرون"]),
    ("نسبة 2.5 في المئة فقط", ["نسبة 2.5 في المئة فقط"]),
    ("انتهى...  وبدأ غيره", ["انتهى...", "وبدأ غيره"]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    doc = read(text, until="sentences")
    assert [s.text_of(doc) for s in doc.sentences] == expected


def test_tokens_know_their_sentence() -> None:
    doc = read("جملة أولى. جملة ثانية.", until="sentences")
    assert [t.sentence for t in doc.tokens] == [0, 0, 0, 1, 1, 1]
    assert doc.sentence_of(doc.tokens[4].start) == 1
