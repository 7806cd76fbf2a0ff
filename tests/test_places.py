"""The gazetteer and the places stage: toponyms, clitics, ambiguity, common words, demonyms,
transliteration. The gazetteer is built (or loaded from its cache) once per session."""

from __future__ import annotations

import time

import pytest

from rasd.doc import Doc
from rasd.gazetteer import gazetteer
from rasd.gazetteer.build import nisba_forms, phrase_key
from rasd.gazetteer.cache import load
from rasd.gazetteer.translit import arabic_key, latin_keys
from rasd.pipeline import read


@pytest.fixture(scope="session", autouse=True)
def gaz():  # type: ignore[no-untyped-def]
    return gazetteer()


def _places(text: str) -> tuple[Doc, list[tuple[str, dict]]]:
    doc = read(text, until="places")
    out = []
    for s in doc.get("place"):
        assert doc.text[s.start : s.end] == s.text_of(doc)
        out.append((s.text_of(doc), s.data))
    return doc, out


def _find(found: list[tuple[str, dict]], surface: str) -> dict:
    hits = [d for t, d in found if t == surface]
    assert hits, f"{surface!r} not found among {[t for t, _ in found]}"
    return hits[0]


# (text, surface, geonameid or None to skip the check, country, kind)
TOPONYMS = [
    # Kazakhstan: no Arabic form (transliteration), old spelling, coordination
    ("اندلعت احتجاجات في مدينتي جاناوزين وأكتاو غربي كازاخستان", "جاناوزين", 607610, "KZ", "city"),
    ("اندلعت احتجاجات في مدينتي جاناوزين وأكتاو غربي كازاخستان", "أكتاو", 610612, "KZ", "city"),
    ("اندلعت احتجاجات في مدينتي جاناوزين وأكتاو غربي كازاخستان", "كازاخستان", 1522867, "KZ", "country"),
    ("ألما آتا، أكبر مدينة في كازاخستان، شهدت اشتباكات عنيفة", "ألما آتا", 1526384, "KZ", "city"),
    ("وصل الرئيس إلى ألماتي صباح اليوم", "ألماتي", 1526384, "KZ", "city"),
    ("التقى الرئيس في العاصمة الكازاخية أستانا نظيره الروسي", "أستانا", 1526273, "KZ", "city"),
    ("تظاهر المئات في مدينة شيمكنت جنوب كازاخستان", "شيمكنت", 1518980, "KZ", "city"),
    ("عثرت الشرطة على مخبأ أسلحة في منطقة زامبيل بكازاخستان", "منطقة زامبيل", None, "KZ", "region"),
    # clitics stay outside the span
    ("أرسلت روسيا قوات إلى كازاخستان وبقيت بكازاخستان أسبوعين", "كازاخستان", 1522867, "KZ", "country"),
    ("وصلت المساعدات لبغداد أمس", "بغداد", 98182, "IQ", "city"),
    ("وفي الموصل اعتقلت القوات عشرة أشخاص", "الموصل", None, "IQ", "city"),
    # ambiguity resolved by the article's other places and demonyms
    ("زار الوزير بيروت ثم توجه إلى طرابلس في شمال لبنان", "طرابلس", 266826, "LB", "city"),
    ("اندلعت اشتباكات في طرابلس الليبية قرب مطار معيتيقة", "طرابلس", 2210247, "LY", "city"),
    ("انفجرت سيارة مفخخة في طرابلس", "طرابلس", 2210247, "LY", "city"),
    ("وصل الملك إلى عمان قادما من العقبة في الأردن", "عمان", 250441, "JO", "city"),
    ("وقعت عمان اتفاقية تجارية مع إيران", "عمان", 286963, "OM", "country"),
    ("استقبل السلطان في سلطنة عمان وفدا إيرانيا", "سلطنة عمان", 286963, "OM", "country"),
    # country names: pycountry, added forms, Türkiye
    ("فر اللاجئون من حلب إلى تركيا", "تركيا", 298795, "TR", "country"),
    ("فر اللاجئون من حلب إلى تركيا", "حلب", 170063, "SY", "city"),
    ("نشرت الولايات المتحدة الأمريكية قوات في سورية", "الولايات المتحدة الأمريكية", None, "US", "country"),
    ("نشرت الولايات المتحدة الأمريكية قوات في سورية", "سورية", None, "SY", "country"),
    ("قصفت الطائرات مواقع في شمال مالي", "مالي", None, "ML", "country"),
    # regions, facilities, multi-word names
    ("تظاهر العمال في محافظة البصرة جنوبي العراق", "محافظة البصرة", None, "IQ", "region"),
    ("تظاهر العمال في مدينة البصرة جنوبي العراق", "البصرة", None, "IQ", "city"),
    ("وصلت التعزيزات إلى محافظتي البصرة وميسان", "ميسان", None, "IQ", "region"),
    ("هبطت الطائرة في مطار بغداد الدولي", "مطار بغداد", None, "IQ", "place"),
    ("اقتحمت القوات بلدات في الضفة الغربية", "الضفة الغربية", None, "PS", "region"),
    ("عقدت القمة في شرم الشيخ", "شرم الشيخ", 349340, "EG", "city"),
    ("أغلقت السلطات معبر رفح أمام المسافرين", "معبر رفح", None, "PS", "place"),
    ("قتل ثلاثة في هجوم على بلدة الشيخ مسكين بريف درعا", "الشيخ مسكين", 164328, "SY", "city"),
    ("أعلنت السلطات حظر التجول في دارفور", "دارفور", None, "SD", "region"),
    ("قصفت القوات الإسرائيلية قطاع غزة", "قطاع غزة", None, "PS", "region"),
    ("نقل الجرحى إلى مستشفى في مدينة غزة", "غزة", 281133, "PS", "city"),
]


@pytest.mark.parametrize(("text", "surface", "geonameid", "country", "kind"), TOPONYMS)
def test_toponyms(text: str, surface: str, geonameid: int | None, country: str, kind: str) -> None:
    _, found = _places(text)
    data = _find(found, surface)
    assert data["country"] == country
    assert data["kind"] == kind
    if geonameid is not None:
        assert data["geonameid"] == geonameid
    assert data["name"]


# texts with words that are also place names in GeoNames, but are not places here
NOT_PLACES = [
    "كان الرئيس قد أعلن لأول مرة في إطار الخطة",
    "قدمت الحكومة دعم مالي كبير للمزارعين",
    "نقلت قناة الجزيرة أن المصلين أدوا صلاة المغرب",
    "وتحدث كريم عن أمل الناس بعد صدور بيان رسمي",
    "أكد الوزير بأنه لن يستقيل من منصب في الدولة",
    "نشرت الصحيفة الصور على موقعها",
    "قال المتحدث إن هوية الشهداء لم تعرف بعد",
    "تأثر الاقتصاد بحركة الإضرابات في القطاع",
    "تظاهر السكان في مدينة صغيرة",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_common_words_are_not_places(text: str) -> None:
    _, found = _places(text)
    assert found == []


def test_adjective_after_definite_noun_is_a_demonym() -> None:
    doc, found = _places("قصفت القوات السعودية مواقع في اليمن")
    assert [t for t, _ in found] == ["اليمن"]
    assert [(s.text_of(doc), s.data["country"]) for s in doc.get("demonym")] == [("السعودية", "SA")]


DEMONYMS = [
    ("قالت وزارة الداخلية الكازاخية إن الوضع مستقر", "الكازاخية", "KZ"),
    ("غادر المصريين المدينة", "المصريين", "EG"),
    ("وصل الروس إلى المطار", "الروس", "RU"),
    ("أعلن الجيش العراقي السيطرة على الطريق", "العراقي", "IQ"),
    ("اعتقلت الشرطة ثلاثة أتراك وأمريكيين", "أمريكيين", "US"),
]


@pytest.mark.parametrize(("text", "surface", "country"), DEMONYMS)
def test_demonyms(text: str, surface: str, country: str) -> None:
    doc = read(text, until="places")
    spans = {s.text_of(doc): s.data["country"] for s in doc.get("demonym")}
    assert spans.get(surface) == country
    assert not doc.get("place")


def test_demonym_steers_disambiguation() -> None:
    _, found = _places("قال مسؤول لبناني إن الاشتباكات في طرابلس توقفت")
    assert _find(found, "طرابلس")["country"] == "LB"


def test_every_place_has_full_data() -> None:
    _, found = _places("نقلت الطائرة الجرحى من أربيل إلى القاهرة ثم إلى باريس")
    assert [t for t, _ in found] == ["أربيل", "القاهرة", "باريس"]
    for _, d in found:
        assert set(d) == {"geonameid", "name", "country", "admin1", "kind", "lat", "lon"}
        assert isinstance(d["geonameid"], int) and d["lat"] is not None and d["lon"] is not None
    assert [d["country"] for _, d in found] == ["IQ", "EG", "FR"]


# Arabic spellings and Latin names that must share a phonetic key
KEY_PAIRS = [
    ("جاناوزين", "Zhanaozen"),
    ("أكتاو", "Aktau"),
    ("ألما آتا", "Alma-Ata"),
    ("زامبيل", "Zhambyl"),
    ("سيلوبي", "Silopi"),
    ("مانيسا", "Manisa"),
    ("كولومبو", "Colombo"),
    ("فارنا", "Varna"),
    ("سياتل", "Seattle"),
]


@pytest.mark.parametrize(("arabic", "latin"), KEY_PAIRS)
def test_phonetic_keys_meet(arabic: str, latin: str) -> None:
    assert arabic_key(arabic) in latin_keys(latin)


TRANSLIT = [
    # (Arabic, countries the article mentions, expected geonameid, expected country)
    ("جاناوزين", {"KZ"}, 607610, "KZ"),
    ("جاناوزين", set(), 607610, "KZ"),  # big enough to be found anywhere
    ("سيلوبي", {"TR"}, 300797, "TR"),
    ("شيمكنت", {"KZ"}, 1518980, "KZ"),
]


@pytest.mark.parametrize(("arabic", "countries", "geonameid", "country"), TRANSLIT)
def test_transliteration_matcher(arabic: str, countries: set[str], geonameid: int, country: str) -> None:
    best = gazetteer().transliterate(arabic, countries)
    assert best
    score, place = best[0]
    assert place.geonameid == geonameid and place.country == country and score >= 84


@pytest.mark.parametrize("word", ["الاقتصاد", "الحكومة", "مقابلة"])
def test_transliteration_rejects_ordinary_words(word: str) -> None:
    assert gazetteer().transliterate(word, {"KZ", "TR"}, strict=True) == []


def test_weak_context_transliteration_needs_a_mentioned_country() -> None:
    _, found = _places("قتل شخصان في سيلوبي قرب الحدود مع العراق جنوب شرق تركيا")
    assert _find(found, "سيلوبي")["geonameid"] == 300797
    _, found = _places("قتل شخصان في سيلوبي")
    assert [t for t, _ in found] == []


def test_helpers() -> None:
    assert phrase_key("تيمور-ليستي") == "تيمور - ليستي"
    assert "مصريين" in nisba_forms("مصري")
    assert nisba_forms("الأكراد") == ["الاكراد"]


def test_cache_loads_fast() -> None:
    load()  # warm
    t = time.perf_counter()
    data = load()
    assert time.perf_counter() - t < 1.5
    assert len(data.places) > 10_000
