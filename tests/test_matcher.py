"""Clitic-aware phrase matching."""

from rasd.matcher import PhraseMatcher
from rasd.pipeline import read


def _find(m: PhraseMatcher, text: str) -> list[tuple[str, object]]:
    doc = read(text, until="sentences")
    out = []
    for x in m.find(doc):
        assert doc.text[x.start : x.end] == x.text
        out.append((x.text, x.payload))
    return out


def test_multiword_with_proclitic() -> None:
    m = PhraseMatcher()
    m.add("لجنة الأمن القومي", "ORG")
    assert _find(m, "أعلنت لجنة الأمن القومي وللجنة الأمن القومي") == [
        ("لجنة الأمن القومي", "ORG"),
        ("لجنة الأمن القومي", "ORG"),
    ]


def test_longest_match_wins() -> None:
    m = PhraseMatcher()
    m.add("مجلس الأمن", "short")
    m.add("مجلس الأمن الدولي", "long")
    assert _find(m, "دعا مجلس الأمن الدولي") == [("مجلس الأمن الدولي", "long")]


def test_article_option() -> None:
    plain, with_article = PhraseMatcher(), PhraseMatcher(article=True)
    for m in (plain, with_article):
        m.add("اعتقال", "arrest")
    text = "تم الاعتقال"
    assert _find(plain, text) == []
    assert _find(with_article, text) == [("الاعتقال", "arrest")]


def test_suffix_option() -> None:
    m = PhraseMatcher(suffixes=True)
    m.add("إحراق", "burn")
    assert _find(m, "وقاموا بإحراقها") == [("إحراق", "burn")]
    assert _find(PhraseMatcher(), "بإحراقها") == []


def test_lam_lam_article() -> None:
    m = PhraseMatcher()
    m.add("الشرطة", "police")
    assert _find(m, "قال للشرطة") == [("شرطة", "police")]


def test_variant_spellings_fold() -> None:
    m = PhraseMatcher()
    m.add("ألما آتا", "KZ")
    assert _find(m, "في الما اتا") == [("الما اتا", "KZ")]
    assert "الما اتا" in m and len(m) == 1
