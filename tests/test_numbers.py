"""Tests for the numbers stage and its lexicons (docs/lexicon-numbers.md)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from rasd.arabic.normalise import fold
from rasd.lexicons import alternatives, read_tsv
from rasd.pipeline import read
from rasd.stages.numbers import (
    QUALIFIER_ROWS,
    QUALIFIERS,
    VAGUE_READINGS,
    WORD_KINDS,
    parse_digits,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

EXACT, ABOUT, MORE, LESS, LEAST = "exact", "about", "more_than", "less_than", "at_least"


def numbers_of(text: str) -> list[tuple[str, int | float, str, bool]]:
    """(span text, value, qualifier, ordinal) of every number span, in order."""
    doc = read(text, until="numbers")
    return [
        (doc.text[s.start : s.end], s.data["value"], s.data["qualifier"], s.data["ordinal"])
        for s in doc.get("number")
    ]


# (sentence, span text, value, qualifier, ordinal): the sentence must hold exactly one number
# span with this text, and it must carry these data.
CASES = [
    # digits, separators, Arabic-Indic and Persian digits
    ("اعتقلت قوات الأمن 4266 متظاهرا في العاصمة.", "4266", 4266, EXACT, False),
    ("وأوقفت السلطات 4,266 شخصا منذ بدء الحملة.", "4,266", 4266, EXACT, False),
    ("وأوقفت السلطات ٤٬٢٦٦ شخصا منذ بدء الحملة.", "٤٬٢٦٦", 4266, EXACT, False),
    ("وصل عدد النازحين إلى ١٢٣٤٥ نازحا.", "١٢٣٤٥", 12345, EXACT, False),
    ("أحصت المنظمة ۳۲ ضحية في القرية.", "۳۲", 32, EXACT, False),
    ("تراجع النمو إلى 3,5 في الربع الأخير.", "3,5", 3.5, EXACT, False),
    ("بلغ معدل التضخم ٤٫٢ خلال الشهر.", "٤٫٢", 4.2, EXACT, False),
    ("وقدرت الخسائر بـ 1,250,000 دولار.", "1,250,000", 1250000, EXACT, False),
    ("وأحصت البلدية 1.500 منزل متضرر.", "1.500", 1500, EXACT, False),
    ("وقدرت الحكومة العجز بـ 2,345.75 دينار.", "2,345.75", 2345.75, EXACT, False),
    ("شارك في المسيرة 12 500 متظاهر.", "12 500", 12500, EXACT, False),
    ("تأسست الحركة عام 1987 في المدينة.", "1987", 1987, EXACT, False),
    # digits with a scale word
    ("تم توقيف أكثر من 4.2 ألف شخص خلال أسبوع.", "أكثر من 4.2 ألف", 4200, MORE, False),
    ("ويعيش في المخيمات 1.5 مليون لاجئ.", "1.5 مليون", 1500000, EXACT, False),
    ("ونزح 3 آلاف شخص من البلدة.", "3 آلاف", 3000, EXACT, False),
    ("وأصيب 20 ألفا خلال الاحتجاجات.", "20 ألفا", 20000, EXACT, False),
    ("ورصدت الميزانية ٢٫٥ مليار درهم للإعمار.", "٢٫٥ مليار", 2500000000, EXACT, False),
    ("وخرج في المسيرة 3 آلاف و500 شخص.", "3 آلاف و500", 3500, EXACT, False),
    ("وأوقفت الشرطة أكثر من ألف و200 مشتبه به.", "أكثر من ألف و200", 1200, MORE, False),
    # number words, case and gender forms
    ("قتل واحد من الحراس في الهجوم.", "واحد", 1, EXACT, False),
    ("وأصيب شرطي واحد بجروح طفيفة.", "واحد", 1, EXACT, False),
    ("واعتقلت الشرطة اثنين من المشتبه بهم.", "اثنين", 2, EXACT, False),
    ("ولقي ثلاثة جنود حتفهم في الكمين.", "ثلاثة", 3, EXACT, False),
    ("وأحرق المحتجون ثلاث سيارات للشرطة.", "ثلاث", 3, EXACT, False),
    ("وقتل عشرة مدنيين في القصف.", "عشرة", 10, EXACT, False),
    ("واعتقل أحد عشر ناشطا في المدينة.", "أحد عشر", 11, EXACT, False),
    ("وأصيبت إحدى عشرة امرأة في الانفجار.", "إحدى عشرة", 11, EXACT, False),
    ("واعتقل اثنا عشر شخصا بعد المواجهات.", "اثنا عشر", 12, EXACT, False),
    ("وأفرجت السلطات عن اثني عشر موقوفا.", "اثني عشر", 12, EXACT, False),
    ("وتضررت ثلاث عشرة مدرسة في العاصفة.", "ثلاث عشرة", 13, EXACT, False),
    ("ونقل عشرون جريحا إلى المستشفى.", "عشرون", 20, EXACT, False),
    ("وقتل خمسة وعشرون شخصا في الغارة.", "خمسة وعشرون", 25, EXACT, False),
    ("وأعلنت الوزارة مقتل ثلاثة وثلاثين مسلحا.", "ثلاثة وثلاثين", 33, EXACT, False),
    ("وحضر الاجتماع مائة نائب.", "مائة", 100, EXACT, False),
    ("واحتجزت الشرطة مئتي متظاهر.", "مئتي", 200, EXACT, False),
    ("وشارك مائتان من الأطباء في الإضراب.", "مائتان", 200, EXACT, False),
    ("وأصيب مائة وخمسون شخصا في التدافع.", "مائة وخمسون", 150, EXACT, False),
    ("وغادر ثلاثمائة عامل المصنع.", "ثلاثمائة", 300, EXACT, False),
    ("وغادر ثلاث مئة عامل المصنع.", "ثلاث مئة", 300, EXACT, False),
    ("وتظاهر ألف طالب أمام الجامعة.", "ألف", 1000, EXACT, False),
    ("واحتشد ألفا متظاهر في الميدان.", "ألفا", 1000, EXACT, False),
    ("وتجمع ألفان من أنصار الحزب.", "ألفان", 2000, EXACT, False),
    ("وخصصت الحكومة ألفين وخمسمائة وحدة سكنية.", "ألفين وخمسمائة", 2500, EXACT, False),
    ("وشارك عشرة آلاف شخص في المسيرة.", "عشرة آلاف", 10000, EXACT, False),
    ("ونزح ثلاثة آلاف مواطن عن بيوتهم.", "ثلاثة آلاف", 3000, EXACT, False),
    ("ويقيم في المدينة خمسة وعشرون ألف لاجئ.", "خمسة وعشرون ألف", 25000, EXACT, False),
    ("ويقطن المخيم مائة وخمسون ألفا.", "مائة وخمسون ألفا", 150000, EXACT, False),
    ("وبلغ عدد السكان مليون ومائتي ألف نسمة.", "مليون ومائتي ألف", 1200000, EXACT, False),
    ("ويسكن الجزيرة نصف مليون نسمة.", "نصف مليون", 500000, EXACT, False),
    ("وفر من البلاد مليون ونصف لاجئ.", "مليون ونصف", 1500000, EXACT, False),
    ("ويعيش في المدينة أكثر من مليوني نسمة.", "أكثر من مليوني", 2000000, MORE, False),
    ("وتبلغ الديون ثلاثة مليارات دولار.", "ثلاثة مليارات", 3000000000, EXACT, False),
    # vague amounts: the conservative reading
    ("وأسفرت المواجهات عن مقتل عشرات الأشخاص.", "عشرات", 10, "tens", False),
    ("ونقل مئات المصابين إلى المستشفيات.", "مئات", 100, "hundreds", False),
    ("وخرج آلاف المتظاهرين إلى الشوارع.", "آلاف", 1000, "thousands", False),
    ("وتسببت الاشتباكات في إصابة الآلاف.", "الآلاف", 1000, "thousands", False),
    ("وتدفق عشرات الآلاف على الحدود.", "عشرات الآلاف", 10000, "tens", False),
    ("وخسر المزارعون مئات الآلاف من الدولارات.", "مئات الآلاف", 100000, "hundreds", False),
    ("ونزح عدة آلاف من سكان الريف.", "عدة آلاف", 1000, "thousands", False),
    ("وتجمع بضع مئات أمام السفارة.", "بضع مئات", 100, "hundreds", False),
    ("ويعاني ملايين الأطفال من سوء التغذية.", "ملايين", 1000000, MORE, False),
    ("وقد يتحول الاحتجاج إلى مواجهة وعشرات الجرحى.", "عشرات", 10, "tens", False),
    ("وطالبت المنظمة بعشرات الأسرّة الإضافية.", "عشرات", 10, "tens", False),
    ("وتظاهر الطلاب بالآلاف في الساحة.", "الآلاف", 1000, "thousands", False),
    # qualifiers before and after
    ("واعتقل أكثر من مائة شخص في القرية.", "أكثر من مائة", 100, MORE, False),
    ("وتعرض لأكثر من 20 هجوما منذ بداية العام.", "أكثر من 20", 20, MORE, False),
    ("وقتل ما يزيد على 30 مسلحا في المعارك.", "ما يزيد على 30", 30, MORE, False),
    ("ونزح وما يزيد عن 400 أسرة.", "ما يزيد عن 400", 400, MORE, False),
    ("وقتل نحو 50 شخصا في القصف.", "نحو 50", 50, ABOUT, False),
    ("وقدرت الأضرار بنحو مليون دولار.", "نحو مليون", 1000000, ABOUT, False),
    ("وشارك حوالي ثلاثة آلاف شخص.", "حوالي ثلاثة آلاف", 3000, ABOUT, False),
    ("ويعمل في الشركة قرابة 900 موظف.", "قرابة 900", 900, ABOUT, False),
    ("ويبلغ عدد القتلى زهاء 200 شخص.", "زهاء 200", 200, ABOUT, False),
    ("ويعيش في المخيم ما يقارب 12 ألفا.", "ما يقارب 12 ألفا", 12000, ABOUT, False),
    ("وقتل ما لا يقل عن خمسة مدنيين.", "ما لا يقل عن خمسة", 5, LEAST, False),
    ("وأصيب على الأقل 7 أشخاص.", "على الأقل 7", 7, LEAST, False),
    ("وأصيب 3 شرطيين على الأقل في المواجهات.", "3", 3, LEAST, False),
    ("وقتل 15 على الأقل في التفجير.", "15 على الأقل", 15, LEAST, False),
    ("وتوفي 40 تقريبا بسبب الحر.", "40 تقريبا", 40, ABOUT, False),
    ("واعتقل أقل من 10 أشخاص.", "أقل من 10", 10, LESS, False),
    ("ويضم السجن مائة ونيف من المعتقلين.", "مائة ونيف", 100, MORE, False),
    # percentages
    ("وانخفضت قيمة العملة 50% خلال عام.", "50%", 50, EXACT, False),
    ("وصوت 63 بالمئة من الناخبين بنعم.", "63 بالمئة", 63, EXACT, False),
    ("وارتفعت الأسعار بنسبة ١٥٪ خلال الشهر.", "١٥٪", 15, EXACT, False),
    ("ونمت الصادرات 7,2 في المائة.", "7,2 في المائة", 7.2, EXACT, False),
    # ordinals
    ("ويغلق المطار حتى العاشر من الشهر الجاري.", "العاشر", 10, EXACT, True),
    ("وعقدت الجولة الأولى من المفاوضات في جنيف.", "الأولى", 1, EXACT, True),
    ("وبدأ الإضراب في الأول من مارس.", "الأول", 1, EXACT, True),
    ("وهذه هي المرة الثالثة التي يتظاهرون فيها.", "الثالثة", 3, EXACT, True),
    ("وتنتهي المهلة في الحادي عشر من الشهر.", "الحادي عشر", 11, EXACT, True),
    ("وتعود الوقائع إلى القرن التاسع عشر.", "التاسع عشر", 19, EXACT, True),
    ("وتجرى الانتخابات في العشرين من الشهر المقبل.", "العشرين", 20, EXACT, True),
    ("وتنطلق القمة في الحادي والعشرين من أبريل.", "الحادي والعشرين", 21, EXACT, True),
    ("وتظاهروا لأول مرة منذ سنوات.", "أول", 1, EXACT, True),
    # dual nouns and "one of"
    ("وقتل شخصان في إطلاق نار.", "شخصان", 2, EXACT, False),
    ("وأسفرت المواجهات عن قتيلين وعشرات الجرحى.", "قتيلين", 2, EXACT, False),
    ("وقتل شخصان على الأقل في الغارة.", "شخصان على الأقل", 2, LEAST, False),
    ("واعتقلت الشرطة أحد المتظاهرين.", "أحد", 1, EXACT, False),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier", "ordinal"), CASES)
def test_number_cases(text: str, span: str, value: float, qualifier: str, ordinal: bool) -> None:
    found = [n for n in numbers_of(text) if n[0] == span]
    assert found == [(span, value, qualifier, ordinal)], numbers_of(text)


def test_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


# whole sentences: every number span, in order
SEQUENCES = [
    (
        "أدت المواجهات إلى مقتل عشرات الأشخاص وإصابة الآلاف.",
        [("عشرات", 10, "tens", False), ("الآلاف", 1000, "thousands", False)],
    ),
    (
        "بين 5 و15 أيار قتل 3 وأصيب 5.",
        [("5", 5, EXACT, False), ("15", 15, EXACT, False), ("3", 3, EXACT, False), ("5", 5, EXACT, False)],
    ),
    (
        "وشارك عشرة آلاف وثلاثة آلاف و500 شخص.",
        [("عشرة آلاف", 10000, EXACT, False), ("ثلاثة آلاف و500", 3500, EXACT, False)],
    ),
    (
        "وقتل 78 شخصا وجرح 900 آخرين في الفترة 1979-1990.",
        [
            ("78", 78, EXACT, False),
            ("900", 900, EXACT, False),
            ("1979", 1979, EXACT, False),
            ("1990", 1990, EXACT, False),
        ],
    ),
    (
        "تراجع النمو من 5,4 - 7,2 بالمئة إلى 3 بالمئة.",
        [("5,4", 5.4, EXACT, False), ("7,2 بالمئة", 7.2, EXACT, False), ("3 بالمئة", 3, EXACT, False)],
    ),
    (
        "ورصدت الدولة مليون دولار و2022 موعدا للتنفيذ، و3 ملايين و500 ألف للإعمار.",
        [
            ("مليون", 1000000, EXACT, False),
            ("2022", 2022, EXACT, False),
            ("3 ملايين و500 ألف", 3500000, EXACT, False),
        ],
    ),
    (
        "ووقع ألف و2022 شخصا على العريضة.",
        [("ألف", 1000, EXACT, False), ("2022", 2022, EXACT, False)],
    ),
    (
        "وتقع الحادثة الثانية في الثاني من كانون الثاني الماضي.",
        [("الثانية", 2, EXACT, True), ("الثاني", 2, EXACT, True)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEQUENCES)
def test_number_sequences(text: str, expected: list[tuple[str, float, str, bool]]) -> None:
    assert numbers_of(text) == expected


# sentences without any number
NO_NUMBERS = [
    "وأصيب عدة أشخاص في الحادث.",  # عدة is "several", not a number
    "ولم يصب أحد بأذى في الانفجار.",  # أحد not before a definite noun
    "ووقع الهجوم يوم الأحد الماضي.",  # Sunday
    "واجتمع الوزراء يوم الاثنين.",  # Monday
    "وقال مصدر أمني إنه لست أدري ماذا حدث.",  # لست is not ل + ست
    "ووقعت الحادثة أول أمس في المدينة.",  # the day before yesterday
    "وحدث ذلك الأول من أمس قرب الحدود.",
    "وبدأت الاحتجاجات في تشرين الأول الماضي.",  # a month name
    "ويمثل نصف السكان من الشباب.",  # a fraction alone is not a count
    "وحاول المسلحون أكثر من مرة اقتحام المبنى.",  # a qualifier without a number
]


@pytest.mark.parametrize("text", NO_NUMBERS)
def test_no_number(text: str) -> None:
    assert numbers_of(text) == []


def test_span_data_and_unit() -> None:
    doc = read("وارتفعت الأسعار 15% خلال أسبوعين.", until="numbers")
    spans = doc.get("number")
    assert [s.label for s in spans] == ["number", "number"]
    assert spans[0].data == {"value": 15, "qualifier": "exact", "ordinal": False, "unit": "percent"}
    assert spans[1].data == {"value": 2, "qualifier": "exact", "ordinal": False, "dual": True}


def test_proclitics_are_outside_the_span() -> None:
    doc = read("وبعشرات وللآلاف ولأكثر من 30", until="numbers")
    texts = [doc.text[s.start : s.end] for s in doc.get("number")]
    assert texts == ["عشرات", "آلاف", "أكثر من 30"]  # لل = ل + the article


def test_diacritics_and_tatweel_stay_inside_the_span() -> None:
    doc = read("قُتِلَ خَمْسَةُ أشخاص وأصيب عشــرات", until="numbers")
    assert [(doc.text[s.start : s.end], s.data["value"]) for s in doc.get("number")] == [
        ("خَمْسَةُ", 5),
        ("عشــرات", 10),
    ]


@pytest.mark.parametrize(
    ("text", "before_scale", "value"),
    [
        ("4266", False, Fraction(4266)),
        ("4,266", False, Fraction(4266)),
        ("3,5", False, Fraction(7, 2)),
        ("10,25", False, Fraction(41, 4)),
        ("4.2", False, Fraction(21, 5)),
        ("1.500", False, Fraction(1500)),
        ("1.500", True, Fraction(3, 2)),
        ("0.125", False, Fraction(1, 8)),
        ("1,234,567", False, Fraction(1234567)),
        ("1.234.567", False, Fraction(1234567)),
        ("1.234,5", False, Fraction(2469, 2)),
        ("8.1.2022", False, None),
        ("12,34,5", False, None),
    ],
)
def test_parse_digits(text: str, before_scale: bool, value: Fraction | None) -> None:
    assert parse_digits(text, before_scale) == value


def test_empty_text() -> None:
    assert read("", until="numbers").get("number") == []


# ------------------------------------------------------------------------------------------
# lexicon formats


def _is_number(cell: str) -> bool:
    try:
        Fraction(cell)
    except ValueError:
        return False
    return True


def test_number_words_format() -> None:
    rows = read_tsv("number_words.tsv")
    assert rows
    seen: dict[str, str] = {}
    for row in rows:
        forms = alternatives(row["forms"])
        assert forms, row
        assert _is_number(row["value"]), row
        assert row["kind"] in WORD_KINDS, row
        if row["kind"] in ("vague", "scale_plural"):
            assert row["vague"] in VAGUE_READINGS, row
        else:
            assert not row.get("vague"), row
        for form in forms:
            key = " ".join(fold(form).split())
            assert key not in seen or seen[key] == row["value"], (form, seen.get(key), row)
            seen[key] = row["value"]


def test_number_qualifiers_format() -> None:
    rows = read_tsv("number_qualifiers.tsv")
    assert {r["position"] for r in rows} == {"before", "after"}
    for row in rows:
        assert alternatives(row["phrases"]), row
        assert row["qualifier"] in QUALIFIER_ROWS, row
        assert row["qualifier"] == "vague" or row["qualifier"] in QUALIFIERS


def test_number_units_format() -> None:
    rows = read_tsv("number_units.tsv")
    for row in rows:
        assert alternatives(row["forms"]), row
        assert row["unit"], row
        assert row["position"] in ("before", "after"), row


def test_number_duals_format() -> None:
    rows = read_tsv("number_duals.tsv")
    for row in rows:
        assert alternatives(row["forms"]), row
        assert _is_number(row["value"]), row
        assert row["gloss"], row


def test_number_exclusions_format() -> None:
    for row in read_tsv("number_exclusions.tsv"):
        assert alternatives(row["phrases"]), row
        assert row["reason"], row


SINGLE_KINDS = ("unit", "teen", "ten", "hundred", "scale", "scale_dual")


@pytest.mark.parametrize(
    ("form", "value"),
    [
        (form, Fraction(row["value"]) * (2 if row["kind"] == "scale_dual" else 1))
        for row in read_tsv("number_words.tsv")
        if row["kind"] in SINGLE_KINDS
        for form in alternatives(row["forms"])
    ],
)
def test_every_cardinal_form_is_read(form: str, value: Fraction) -> None:
    assert numbers_of(f"قال المصدر إن {form} شخصا وصلوا") == [(form, int(value), EXACT, False)]


@pytest.mark.parametrize(
    ("form", "value"),
    [
        (form, int(row["value"]))
        for row in read_tsv("number_words.tsv")
        if row["kind"] == "ordinal"
        for form in alternatives(row["forms"])
    ],
)
def test_every_ordinal_form_is_read(form: str, value: int) -> None:
    assert numbers_of(f"وقعت المرة {form} في المدينة") == [(form, value, EXACT, True)]


@pytest.mark.parametrize(
    "form",
    [form for row in read_tsv("number_duals.tsv") for form in alternatives(row["forms"])],
)
def test_every_dual_form_is_read(form: str) -> None:
    assert numbers_of(f"وذكر المصدر أن {form} وصلوا") == [(form, 2, EXACT, False)]


# ------------------------------------------------------------------------------------------
# the dev article (read from the shared corpus, never copied)


@pytest.mark.skipif(not (DEV / "articles.jsonl").exists(), reason="dev corpus not available")
def test_dev_article_quantities() -> None:
    with (DEV / "articles.jsonl").open(encoding="utf-8") as f:
        article = next(json.loads(line) for line in f if "kazakhstan" in line)
    found = numbers_of(article["text"])
    for expected in [
        ("أكثر من 4.2 ألف", 4200, MORE, False),
        ("4266", 4266, EXACT, False),
        ("أكثر من مائة", 100, MORE, False),
        ("عشرات", 10, "tens", False),
        ("الآلاف", 1000, "thousands", False),
        ("العاشر", 10, EXACT, True),
    ]:
        assert expected in found
