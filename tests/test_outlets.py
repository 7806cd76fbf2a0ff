"""The home country of a national outlet (rasd.outlets, organisations.tsv column ``home``)."""

from __future__ import annotations

import pytest

from rasd.api import extract
from rasd.lexicons import read_tsv
from rasd.outlets import home_country
from rasd.pipeline import read


@pytest.mark.parametrize(
    ("outlet", "country"),
    [
        ("القبس", "KW"),
        ("صحيفة القبس", "KW"),
        ("الغد الأردنية", "JO"),
        ("الرأي الأردنية", "JO"),  # not Kuwait's Al-Rai: the nationality says whose
        ("الصباح التونسية", "TN"),
        ("هسبريس", "MA"),
        ("Al-Yaum", "SA"),
        ("Shafaq News", "IQ"),
        ("كونا", "KW"),
        # pan-Arab channels, world wires and unknown names have no home
        ("الجزيرة نت", None),
        ("سكاي نيوز عربية", None),
        ("رويترز", None),
        ("France 24 Arabic", None),
        ("Gulf Daily", None),
        ("", None),
        (None, None),
    ],
)
def test_home_country(outlet: str | None, country: str | None) -> None:
    assert home_country(outlet) == country


def test_home_column_format() -> None:
    rows = [r for r in read_tsv("organisations.tsv") if r.get("home")]
    assert len(rows) > 50
    for row in rows:
        assert row["home"] == "1" and row["kind"] in ("agency", "outlet") and len(row["country"]) == 2, row


LOCAL = (
    "تمكن رجال المباحث من ضبط عصابة في منطقة الصليبخات أمس. وفي سياق آخر، زار وفد أمني البحرين لبحث التعاون."
)


def _country_of(outlet: str | None, surface: str) -> str | None:
    doc = read(LOCAL, published="2025-03-01", outlet=outlet, until="places")
    return next(s.data.get("country") for s in doc.get("place") if s.text_of(doc) == surface)


def test_a_national_paper_locates_what_it_leaves_unlocated() -> None:
    # the only country named is Bahrain; a Kuwaiti paper's local district is in Kuwait
    assert _country_of(None, "الصليبخات") == "BH"
    assert _country_of("الجزيرة نت", "الصليبخات") == "BH"
    assert _country_of("القبس", "الصليبخات") == "KW"
    assert _country_of("القبس", "البحرين") == "BH"


def test_a_national_paper_gives_its_statements_a_country() -> None:
    text = "أعلنت وزارة الداخلية أنها أبعدت 46 وافدا خلال الأسبوع الماضي."
    assert [e["country"] for e in extract(text, published="2025-03-01").events] == [None]
    assert [e["country"] for e in extract(text, published="2025-03-01", outlet="القبس").events] == ["KW"]
