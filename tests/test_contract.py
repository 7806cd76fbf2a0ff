"""Every report validates against the shared contract and every span is exact."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import rasd
from conftest import DEV, walk_spans

TEXTS = [
    "بغداد - قالت الشرطة العراقية اليوم الأحد إنها اعتقلت 12 شخصا في حي الكرادة.\nالمصدر: رويترز",
    "وقُتِلَ أكثـــر من ٤٫٢ ألف شخصٍ في الاشتباكات بمدينة حلب، بحسب وكالة سانا.",
    "\u200fأعلنت وزارة الداخلية المصرية القبض على ۱۵ متهما\u200e في الإسكندرية منذ 3 مارس.",
    "(أ ف ب) - تظاهر الآلاف في الخرطوم وأم درمان أمس للمطالبة برحيل الحكومة 🇸🇩.",
    'قال الرئيس التونسي في كلمة متلفزة إن "الوضع تحت السيطرة".\r\nوأضاف أن الجيش انتشر في ولاية قفصة.',
    "ﻻ صحة لما تداولته وسائل إعلام عن سقوط قذائف على بيروت، نقلا عن وكالة الأنباء اللبنانية.",
    "Reuters: اشتباكات في طرابلس الليبية وسقوط 3 قتلى و17 جريحا يوم السبت الماضي.",
]


def _check(report: dict, text: str, validator: Draft202012Validator) -> None:
    errors = sorted(validator.iter_errors(report), key=str)
    assert not errors, [e.message for e in errors[:3]]
    for where, span in walk_spans(report):
        assert text[span["start"] : span["end"]] == span["text"], where


@pytest.fixture(scope="module")
def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("published", ["2024-03-05", None])
def test_reports_follow_the_contract(
    text: str, published: str | None, validator: Draft202012Validator
) -> None:
    report = rasd.extract(text, published=published, id="t").to_dict()
    _check(report, text, validator)
    assert report["published"] == published


def test_dev_articles_follow_the_contract(dev_articles: list[dict], validator: Draft202012Validator) -> None:
    for art in dev_articles:
        report = rasd.extract(art["text"], published=art.get("published"), id=art["id"]).to_dict()
        _check(report, art["text"], validator)


def test_the_example_wire_report(validator: Draft202012Validator) -> None:
    path = DEV / "kazakhstan-2022-01-08.txt"
    if not path.exists():
        pytest.skip("the dev corpus is not here")
    text = path.read_text(encoding="utf-8")
    report = rasd.extract(text, published="2022-01-08", id=path.stem).to_dict()
    _check(report, text, validator)
    assert report["credited_source"]["text"] == "نوفوستي"
