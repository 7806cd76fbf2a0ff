"""The dates stage: spans, values, precision, roles; Hijri arithmetic; the lexicon files."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.arabic import hijri
from rasd.arabic.normalise import fold
from rasd.lexicons import alternatives, read_tsv
from rasd.pipeline import read
from rasd.stages.dates import lexicon

PUB = "2022-01-08"  # a Saturday

# (text, published, [(span text, value, precision, role)]) — every date span of the text, in order
CASES: list[tuple[str, str | None, list[tuple[str, str | None, str | None, str | None]]]] = [
    # --- relative days
    ("قالت الشرطة اليوم إن الوضع هادئ.", PUB, [("اليوم", "2022-01-08", "day", None)]),
    ("تجدد القصف صباح اليوم على الأحياء الشرقية.", PUB, [("صباح اليوم", "2022-01-08", "day", None)]),
    ("خرج المتظاهرون مساء اليوم إلى الساحة.", PUB, [("مساء اليوم", "2022-01-08", "day", None)]),
    ("يلتقي الوزيران الليلة في الرباط.", PUB, [("الليلة", "2022-01-08", "day", None)]),
    ("قتل جنديان الليلة الماضية في هجوم.", PUB, [("الليلة الماضية", "2022-01-07", "day", None)]),
    ("اعتقلت الشرطة أمس خمسة أشخاص.", PUB, [("أمس", "2022-01-07", "day", None)]),
    ("وقال بالأمس إن المفاوضات متعثرة.", PUB, [("الأمس", "2022-01-07", "day", None)]),
    ("انفجرت سيارة مفخخة أول أمس.", PUB, [("أول أمس", "2022-01-06", "day", None)]),
    ("وصل الوفد أمس الأول إلى القاهرة.", PUB, [("أمس الأول", "2022-01-06", "day", None)]),
    ("يصوت البرلمان غدا على الموازنة.", PUB, [("غدا", "2022-01-09", "day", None)]),
    ("تبدأ المحادثات بعد غد في جنيف.", PUB, [("بعد غد", "2022-01-10", "day", None)]),
    # --- a month of the year named before (من ذلك العام، من العام نفسه)
    (
        "اندلعت الاحتجاجات في أكتوبر 2019. وقتل 25 متظاهرا في 28 تشرين الثاني من ذلك العام.",
        PUB,
        [
            ("أكتوبر 2019", "2019-10", "month", None),
            ("28 تشرين الثاني من ذلك العام", "2019-11-28", "day", None),
        ],
    ),
    (
        "وقعت الحادثة في مارس 2020، ثم اعتقل في مايو من العام نفسه.",
        PUB,
        [("مارس 2020", "2020-03", "month", None), ("مايو من العام نفسه", "2020-05", "month", None)],
    ),
    ("يعقد المجلس جلسة يوم الغد.", PUB, [("يوم الغد", "2022-01-09", "day", None)]),
    ("اندلع الحريق فجر أمس في المصنع.", PUB, [("فجر أمس", "2022-01-07", "day", None)]),
    ("أعلنت الوزارة اليوم السبت حظر التجول.", PUB, [("اليوم السبت", "2022-01-08", "day", None)]),
    ("بدأ إضراب عام أمس الجمعة في المدينة.", PUB, [("أمس الجمعة", "2022-01-07", "day", None)]),
    ("العالم اليوم أمام أزمة غذاء.", PUB, [("اليوم", "2022-01-08", "day", None)]),
    ("تستمر المعارك حتى اليوم في الريف الغربي.", PUB, [("حتى اليوم", "2022-01-08", "day", "until")]),
    ("وصلت التعزيزات قبل يومين إلى المعبر.", PUB, [("قبل يومين", "2022-01-06", "day", None)]),
    ("اعتقل قبل 3 أيام في مطار العاصمة.", PUB, [("قبل 3 أيام", "2022-01-05", "day", None)]),
    ("يعتصم العمال منذ يومين أمام الوزارة.", PUB, [("منذ يومين", "2022-01-06", "day", "since")]),
    ("يحاصر الجيش البلدة منذ 15 يوما.", PUB, [("منذ 15 يوما", "2021-12-24", "day", "since")]),
    # --- weekdays
    ("شنت الطائرات غارات السبت على مواقع المسلحين.", PUB, [("السبت", "2022-01-08", "day", None)]),
    ("قال مسؤول الأربعاء إن الحدود ستغلق.", PUB, [("الأربعاء", "2022-01-05", "day", None)]),
    ("اعتقل الناشط يوم السبت الماضي في منزله.", PUB, [("يوم السبت الماضي", "2022-01-01", "day", None)]),
    ("أفرج عنه السبت الماضي بكفالة.", PUB, [("السبت الماضي", "2022-01-01", "day", None)]),
    ("تستأنف الدراسة السبت المقبل في المدارس.", PUB, [("السبت المقبل", "2022-01-15", "day", None)]),
    ("تظاهر المئات مساء الخميس أمام البرلمان.", PUB, [("مساء الخميس", "2022-01-06", "day", None)]),
    ("أغلق المعبر حتى الأحد المقبل.", PUB, [("حتى الأحد المقبل", "2022-01-09", "day", "until")]),
    ("ومن المقرر أن يزور الرئيس بغداد الاثنين.", PUB, [("الاثنين", "2022-01-10", "day", None)]),
    ("التقى أحد المسؤولين بالوفد.", PUB, []),
    ("انتقد خطيب الجمعة الحكومة بشدة.", PUB, []),
    # --- day and month
    ("اعتقل الموقوف منذ 6 يناير بتهمة الخيانة.", PUB, [("منذ 6 يناير", "2022-01-06", "day", "since")]),
    ("وقع الهجوم في السادس من يناير.", PUB, [("السادس من يناير", "2022-01-06", "day", None)]),
    (
        "جرت الانتخابات في 6 كانون الثاني/يناير 2022.",
        PUB,
        [("6 كانون الثاني/يناير 2022", "2022-01-06", "day", None)],
    ),
    # the two names of a month with no mark between them
    ("قتل العشرات في احتجاجات أبريل نيسان 2010.", PUB, [("أبريل نيسان 2010", "2010-04", "month", None)]),
    ("وقعت الاشتباكات في 12 أيار مايو 2019.", PUB, [("12 أيار مايو 2019", "2019-05-12", "day", None)]),
    (
        "أغلق المطار حتى العاشر من الشهر الجاري.",
        PUB,
        [("حتى العاشر من الشهر الجاري", "2022-01-10", "day", "until")],
    ),
    ("تأسس الحزب في 12 أيار 2011.", PUB, [("12 أيار 2011", "2011-05-12", "day", None)]),
    ("سقطت الحكومة في 20 ديسمبر.", PUB, [("20 ديسمبر", "2021-12-20", "day", None)]),
    ("تنتهي المهلة في 15 فبراير.", PUB, [("15 فبراير", "2022-02-15", "day", None)]),
    ("عاد اللاجئون في 3 مارس.", PUB, [("3 مارس", "2021-03-03", "day", None)]),
    (
        "اندلعت الاحتجاجات في الحادي والعشرين من ديسمبر الماضي.",
        PUB,
        [("الحادي والعشرين من ديسمبر الماضي", "2021-12-21", "day", None)],
    ),
    ("صدر الحكم يوم الخميس 6 يناير.", PUB, [("يوم الخميس 6 يناير", "2022-01-06", "day", None)]),
    (
        "وقعت الاتفاقية في 14 يوليو/تموز 2015 في فيينا.",
        PUB,
        [("14 يوليو/تموز 2015", "2015-07-14", "day", None)],
    ),
    ("أعلنت الهدنة في الـ 25 من الشهر الماضي.", PUB, [("الـ 25 من الشهر الماضي", "2021-12-25", "day", None)]),
    (
        "غادر البلاد في 3 جانفي وعاد في 2 فيفري 2021.",
        PUB,
        [("3 جانفي", "2022-01-03", "day", None), ("2 فيفري 2021", "2021-02-02", "day", None)],
    ),
    (
        "نظمت مسيرة في 5 جوان 2021 وأخرى في 7 أوت 2021.",
        PUB,
        [("5 جوان 2021", "2021-06-05", "day", None), ("7 أوت 2021", "2021-08-07", "day", None)],
    ),
    (
        "استمر الاعتصام من 6 إلى 10 يناير.",
        PUB,
        [("من 6", "2022-01-06", "day", "since"), ("إلى 10 يناير", "2022-01-10", "day", "until")],
    ),
    (
        "أجري الاستطلاع بين 3 و5 يناير.",
        PUB,
        [("3", "2022-01-03", "day", None), ("5 يناير", "2022-01-05", "day", None)],
    ),
    (
        "قتل 40 شخصا في الفترة من 7 ديسمبر الماضي، وحتى الخامس من الشهر الجاري.",
        PUB,
        [
            ("من 7 ديسمبر الماضي", "2021-12-07", "day", "since"),
            ("حتى الخامس من الشهر الجاري", "2022-01-05", "day", "until"),
        ],
    ),
    # --- numeric dates
    ("صدر المرسوم بتاريخ 2022/01/06 ونشر في الجريدة.", PUB, [("2022/01/06", "2022-01-06", "day", None)]),
    ("انتهى التحقيق في 06-01-2022.", PUB, [("06-01-2022", "2022-01-06", "day", None)]),
    ("أوقف المتهم في 8.1.2022 في تونس.", PUB, [("8.1.2022", "2022-01-08", "day", None)]),
    # --- months and years
    ("ارتفعت الأسعار في يناير 2022.", PUB, [("يناير 2022", "2022-01", "month", None)]),
    (
        "تشهد البلاد منذ مطلع شهر يناير الحالي مظاهرات.",
        PUB,
        [("منذ مطلع شهر يناير الحالي", "2022-01", "month", "since")],
    ),
    ("زار الرئيس دمشق في آب الماضي.", PUB, [("آب الماضي", "2021-08", "month", None)]),
    ("فاز الحزب في انتخابات نوفمبر.", PUB, [("نوفمبر", "2021-11", "month", None)]),
    ("يعقد المؤتمر في فبراير.", PUB, [("فبراير", "2022-02", "month", None)]),
    ("مارس الجيش ضغطا كبيرا على المسلحين.", PUB, []),
    ("غادر في ماي 2021 وقال ماي إن الأمر انتهى.", PUB, [("ماي 2021", "2021-05", "month", None)]),
    ("قتل 30 شخصا الشهر الماضي في المنطقة.", PUB, [("الشهر الماضي", "2021-12", "month", None)]),
    ("ستجرى الانتخابات الشهر المقبل.", PUB, [("الشهر المقبل", "2022-02", "month", None)]),
    ("ارتفع عدد الضحايا خلال الشهر الجاري.", PUB, [("الشهر الجاري", "2022-01", "month", None)]),
    ("تنتهي المهلة منتصف الشهر.", PUB, [("منتصف الشهر", "2022-01", "month", None)]),
    ("بدأت الأزمة أواخر الشهر الماضي.", PUB, [("أواخر الشهر الماضي", "2021-12", "month", None)]),
    ("تراجع الاقتصاد العام الماضي بنسبة كبيرة.", PUB, [("العام الماضي", "2021", "year", None)]),
    ("ينمو الاقتصاد هذا العام.", PUB, [("هذا العام", "2022", "year", None)]),
    ("قال الأمين العام الحالي إن الوضع خطير.", PUB, []),
    ("تراجعت الصادرات خلال العام الجاري.", PUB, [("العام الجاري", "2022", "year", None)]),
    ("اعتقل مئات الناشطين الأسبوع الماضي.", PUB, [("الأسبوع الماضي", "2022-01", "month", None)]),
    (
        "أطيح بالنظام عام 2011 وعاد الحزب سنة 2014.",
        PUB,
        [("عام 2011", "2011", "year", None), ("سنة 2014", "2014", "year", None)],
    ),
    (
        "تحكم الحركة القطاع منذ 2007 وحتى 2021.",
        PUB,
        [("منذ 2007", "2007", "year", "since"), ("حتى 2021", "2021", "year", "until")],
    ),
    ("نظمت الانتخابات في 2019.", PUB, [("2019", "2019", "year", None)]),
    ("حكم البلاد أواخر العام 2013.", PUB, [("أواخر العام 2013", "2013", "year", None)]),
    # --- Hijri
    ("بدأ الصيام في 1 رمضان 1443 هـ.", PUB, [("1 رمضان 1443 هـ", "2022-04-03", "day", None)]),
    (
        "حدث ذلك في الخامس من جمادى الآخرة 1443 هـ الموافق 8 يناير 2022م.",
        PUB,
        [
            ("الخامس من جمادى الآخرة 1443 هـ", "2022-01-09", "day", None),
            ("8 يناير 2022م", "2022-01-08", "day", None),
        ],
    ),
    ("تزايدت الحوادث خلال شهر رمضان المبارك.", PUB, [("شهر رمضان المبارك", "2021-04", "month", None)]),
    ("أكد رجب طيب أردوغان أن صفر الأهداف تحقق.", PUB, []),
    # --- names, not dates
    ("نقلت قناة روسيا اليوم عن مصدر أن الوفد وصل.", PUB, []),
    ("استمر الإضراب لليوم الثامن على التوالي وفي اليوم التالي توقف.", PUB, []),
    ('ذكرت صحيفة "اليوم" أن القرار صدر.', PUB, []),
    ("احتفل المصريون بذكرى ثورة 25 يناير وقوى 14 آذار في لبنان.", PUB, []),
    ("تجمع المحتجون في شارع 26 يوليو.", PUB, []),
    # --- another publication date
    ("أغلقت المدارس الثلاثاء بسبب الثلوج.", "2018-03-07", [("الثلاثاء", "2018-03-06", "day", None)]),
    (
        "طردت الإدارة 60 دبلوماسيا اليوم الاثنين.",
        "2018-03-26",
        [("اليوم الاثنين", "2018-03-26", "day", None)],
    ),
    ("يجرى الاستفتاء في يناير المقبل.", "2021-11-20", [("يناير المقبل", "2022-01", "month", None)]),
    ("وصل في 28 ديسمبر.", "2022-01-02", [("28 ديسمبر", "2021-12-28", "day", None)]),
    # --- no publication date: relative dates stay unresolved, absolute ones resolve
    ("اعتقل أمس في منزله.", None, [("أمس", None, None, None)]),
    ("الموقوف منذ 6 يناير.", None, [("منذ 6 يناير", None, None, "since")]),
    ("وقع الانفجار السبت الماضي.", None, [("السبت الماضي", None, None, None)]),
    ("تراجع الاقتصاد العام الماضي.", None, [("العام الماضي", None, None, None)]),
    ("وقع الانفجار في 6 يناير 2022.", None, [("6 يناير 2022", "2022-01-06", "day", None)]),
    ("صدر المرسوم في 2022/01/06.", None, [("2022/01/06", "2022-01-06", "day", None)]),
    ("تأسس الحزب عام 1990.", None, [("عام 1990", "1990", "year", None)]),
    # --- a night from one day to the next: one span, dated by the first day
    ("اندلعت ليلة الجمعة السبت مواجهات في الضاحية.", PUB, [("ليلة الجمعة السبت", "2022-01-07", "day", None)]),
    ("سقطت قذائف ليل الخميس الجمعة على الميناء.", PUB, [("ليل الخميس الجمعة", "2022-01-06", "day", None)]),
    (
        "دوت انفجارات ليل الأربعاء-الخميس في المدينة.",
        PUB,
        [("ليل الأربعاء-الخميس", "2022-01-05", "day", None)],
    ),
    (
        "التقى الوفدان الجمعة السبت.",
        PUB,
        [("الجمعة", "2022-01-07", "day", None), ("السبت", "2022-01-08", "day", None)],
    ),
]


def _dates(text: str, published: str | None) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = read(text, published=published, until="dates")
    return [(s.text_of(doc), s.data["value"], s.data["precision"], s.data["role"]) for s in doc.get("date")]


@pytest.mark.parametrize("text,published,expected", CASES, ids=range(len(CASES)))
def test_dates(text: str, published: str | None, expected: list) -> None:
    assert _dates(text, published) == expected


def test_case_table_is_large() -> None:
    assert len(CASES) >= 60


def test_span_data_shape_and_relative_flag() -> None:
    doc = read("اعتقل أمس، وفي 6 يناير، وفي 6 يناير 2022.", published=PUB, until="dates")
    spans = doc.get("date")
    assert [s.data["relative"] for s in spans] == [True, True, False]
    for s in spans:
        assert set(s.data) == {"value", "precision", "relative", "role"}
        assert doc.text[s.start : s.end] == s.text_of(doc)


def test_span_excludes_clitics() -> None:
    doc = read("وأمس قتل ثلاثة، وبيناير 2020 وقع الهجوم.", published=PUB, until="dates")
    assert [s.text_of(doc) for s in doc.get("date")] == ["أمس", "يناير 2020"]


def test_weekday_mismatch_is_reported() -> None:
    # 6 January 2022 is a Thursday, not a Friday
    doc = read("وقع الهجوم يوم الجمعة 6 يناير 2022.", published=PUB, until="dates")
    assert doc.get("date")[0].data["value"] == "2022-01-06"
    assert any("weekday" in w for w in doc.warnings)


def test_today_weekday_a_day_off_follows_the_weekday() -> None:
    # published on Sunday (e.g. just after midnight), the text says "today, Saturday"
    doc = read("أعلنت الوزارة اليوم السبت حظر التجول.", published="2022-01-09", until="dates")
    assert doc.get("date")[0].data["value"] == "2022-01-08"
    assert doc.warnings


def test_diacritics_and_arabic_indic_digits() -> None:
    doc = read("وَقَعَ الهُجُومُ فِي ٦ يَنَايِر ٢٠٢٢.", until="dates")
    (span,) = doc.get("date")
    assert span.data["value"] == "2022-01-06"
    assert span.text_of(doc) == "٦ يَنَايِر ٢٠٢٢"


def test_numbers_stage_cardinals_are_read_when_present() -> None:
    from rasd.doc import Span
    from rasd.stages.dates import dates

    doc = read("اعتقل قبل ثلاثة أيام في المطار.", published=PUB, until="sentences")
    start = doc.text.index("ثلاثة")
    doc.add(
        "number",
        Span(start, start + len("ثلاثة"), "number", {"value": 3, "qualifier": "exact", "ordinal": False}),
    )
    dates(doc)
    assert [(s.text_of(doc), s.data["value"]) for s in doc.get("date")] == [("قبل ثلاثة أيام", "2022-01-05")]


# --- Hijri arithmetic


@pytest.mark.parametrize(
    "h,g",
    [
        ((1444, 1, 1), dt.date(2022, 7, 30)),
        ((1445, 9, 1), dt.date(2024, 3, 11)),
        ((1, 1, 1), dt.date(622, 7, 19)),
        ((1443, 6, 4), dt.date(2022, 1, 8)),
    ],
)
def test_hijri_known_dates(h: tuple[int, int, int], g: dt.date) -> None:
    assert hijri.to_gregorian(*h) == g
    assert hijri.from_gregorian(g) == h


def test_hijri_round_trip() -> None:
    start = dt.date(1900, 1, 1)
    for k in range(0, 80_000, 13):
        d = start + dt.timedelta(days=k)
        y, m, day = hijri.from_gregorian(d)
        assert 1 <= day <= hijri.month_length(y, m)
        assert hijri.to_gregorian(y, m, day) == d


def test_hijri_rejects_bad_dates() -> None:
    with pytest.raises(ValueError):
        hijri.to_gregorian(1443, 13, 1)


# --- lexicon files


def test_months_lexicon_format() -> None:
    rows = read_tsv("months.tsv")
    assert {r["calendar"] for r in rows} == {"gregorian", "levantine", "hijri"}
    for cal in ("gregorian", "levantine", "hijri"):
        assert sorted({int(r["month"]) for r in rows if r["calendar"] == cal}) == list(range(1, 13))
    for r in rows:
        names = {fold(n) for n in alternatives(r["names"])}
        assert names, r
        assert {fold(a) for a in alternatives(r["ambiguous"])} <= names, r


def test_weekdays_and_ordinals_lexicon_format() -> None:
    weekdays = read_tsv("weekdays.tsv")
    assert sorted(int(r["weekday"]) for r in weekdays) == list(range(7))
    assert all(fold(n).startswith("ال") for r in weekdays for n in alternatives(r["names"]))
    ordinals = read_tsv("day_ordinals.tsv")
    assert sorted(int(r["day"]) for r in ordinals) == list(range(1, 32))


def test_relative_and_word_lexicon_format() -> None:
    for r in read_tsv("relative_dates.tsv"):
        int(r["offset"])
        assert r["standalone"] in ("yes", "no")
        assert alternatives(r["phrase"])
    kinds = {r["kind"] for r in read_tsv("date_words.tsv")}
    assert {"since", "until", "of", "unit", "modifier", "part", "era", "timeofday"} <= kinds


def test_no_spelling_has_two_meanings() -> None:
    """One folded spelling belongs to one row of one file (the matcher keeps one payload)."""
    seen: dict[str, str] = {}
    sources = [
        ("months.tsv", "names", ("month", "calendar")),
        ("weekdays.tsv", "names", ("weekday",)),
        ("day_ordinals.tsv", "names", ("day",)),
        ("relative_dates.tsv", "phrase", ("offset",)),
        ("date_words.tsv", "names", ("kind", "value")),
    ]
    for name, column, key in sources:
        for r in read_tsv(name):
            owner = name + ":" + "/".join(r[k] for k in key)
            for spelling in {fold(a) for a in alternatives(r[column])}:
                assert seen.setdefault(spelling, owner) == owner, (spelling, seen[spelling], owner)


def test_lexicon_builds_one_matcher() -> None:
    lex = lexicon()
    assert len(lex.matcher) > 200
    assert "م" in lex.short and "ه" in lex.short


def test_candidate_memo_agrees_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.stages import dates as dates_stage

    text = "وصل الوفد يوم الخميس الماضي وبالأمس غادر إلى القاهرة"
    lex = lexicon()
    doc = read(text, published="2022-01-08")
    found = [s.text_of(doc) for s in doc.get("date")]
    assert found == ["يوم الخميس الماضي", "الأمس"]
    words = [t.norm for t in doc.tokens if t.kind == "word"]
    assert set(words) <= set(lex.candidates)
    for w in words:
        assert lex.candidates[w] == dates_stage._candidate(w, lex.first_words)
    monkeypatch.setattr(lex, "candidates", {})
    monkeypatch.setattr(dates_stage, "CANDIDATES_MAX", 2)
    doc = read(text, published="2022-01-08")
    assert [s.text_of(doc) for s in doc.get("date")] == found
    assert len(lex.candidates) == 2
