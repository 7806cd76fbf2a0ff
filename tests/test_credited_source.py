"""The credited source: label lines, opening parentheticals, inline cues."""

import pytest

from rasd.pipeline import read

CASES = [
    ("القاهرة (رويترز) - قال مسؤول إن الحكومة ستجتمع.", "رويترز"),
    ("(أ ف ب) - تظاهر المئات في تونس.", "أ ف ب"),
    ("دمشق (د ب أ) - أعلنت وزارة الدفاع.", "د ب أ"),
    ("اجتمع المجلس اليوم.\nالمصدر: وكالة الأنباء السعودية", "وكالة الأنباء السعودية"),
    ("اجتمع المجلس اليوم.\nالمصدر : وكالات", "وكالات"),
    ("اجتمع المجلس.\n(المصدر: سكاي نيوز عربية)", "سكاي نيوز عربية"),
    ("ذكرت الصحيفة نقلاً عن وكالة الأنباء الألمانية أن الشرطة فرقت المحتجين.", "وكالة الأنباء الألمانية"),
    ("وقال مسؤول نقلا عن صحيفة الأهرام، إن الوزير استقال.", "صحيفة الأهرام"),
    ("(رويترز) نص.\nالمصدر: الجزيرة", "الجزيرة"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_credited_source(text: str, expected: str) -> None:
    doc = read(text, until="credited_source")
    spans = doc.get("credited_source")
    assert [s.text_of(doc) for s in spans] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول إن الحكومة (التي تشكلت حديثا) ستجتمع.",
        "وتشهد البلاد (منذ عام 2011) أزمة.",
        "قالت مصادر أمنية إن الهجوم وقع ليلا.",
    ],
)
def test_no_credited_source(text: str) -> None:
    doc = read(text, until="credited_source")
    assert doc.get("credited_source") == []
