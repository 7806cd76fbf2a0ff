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
    ("عثرت الشرطة على مخبأ أسلحة في منطقة زامبيل بكازاخستان", "زامبيل", None, "KZ", "region"),
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
    # a country that shares its name with its capital is the country unless told otherwise
    ("أعلنت الجزائر رفضها للقرار الفرنسي", "الجزائر", 2589581, "DZ", "country"),
    ("وصل الوزير إلى الكويت أمس في زيارة رسمية", "الكويت", 285570, "KW", "country"),
    ("تظاهر المئات في الجزائر العاصمة أمس", "الجزائر العاصمة", 2507480, "DZ", "city"),
    # a big city is not hidden by a small namesake abroad in a country the article names ...
    ("موسكو - قال مسؤول أمريكي في واشنطن إن الولايات المتحدة تدرس الرد", "موسكو", 524901, "RU", "city"),
    ("قال المبعوث الأممي في جنيف إن الولايات المتحدة وافقت على المحادثات", "جنيف", 2660646, "CH", "city"),
    # ... but an Arab town keeps its name beside a bigger one abroad
    ("اعتقلت القوات العراقية مطلوبين في ناحية الإسكندرية شمال بابل", "ناحية الإسكندرية", None, "IQ", "city"),
    # the usual Arabic spelling of Van (GeoNames has وان)
    ("أعلنت ولاية فان حظر التظاهرات واعتقلت الشرطة 29 شخصا في فان", "فان", 298117, "TR", "city"),
    ("أعلنت ولاية فان حظر التظاهرات واعتقلت الشرطة 29 شخصا في فان", "ولاية فان", 298113, "TR", "region"),
    # a city named with its region (طرابلس الغرب), a district, a village name written as one word
    ("وصل الوفد إلى طرابلس الغرب قادما من تونس", "طرابلس الغرب", 2210247, "LY", "city"),
    ("شهد جانب الكرخ من بغداد انتشارا أمنيا", "الكرخ", None, "IQ", "place"),
    ("سقطت قذائف على بلدة كفرشوبا في جنوب لبنان", "كفرشوبا", 272816, "LB", "city"),
    # a camp or strait GeoNames lacks (or knows only as a town abroad): the article's country
    ("نزح آلاف إلى مخيم كلمة في ولاية جنوب دارفور بالسودان", "مخيم كلمة", None, "SD", "place"),
    ("لجأت عائلات إلى مخيم زمزم جنوب الفاشر", "مخيم زمزم", None, "SD", "place"),
    ("عبرت ناقلة نفط مضيق هرمز باتجاه ميناء بندر عباس الإيراني", "مضيق هرمز", None, None, "place"),
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
def test_toponyms(text: str, surface: str, geonameid: int | None, country: str | None, kind: str) -> None:
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
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم",  # جهة is a Moroccan region word; a pronoun ends no name
    "استهدفت غارة سوقا شعبية في بلدة قريبة من الحدود",  # قريبة is "nearby", not a town
    "وأدانا الهجوم على السفارة بأشد العبارات",  # "the two condemned", not Adana (أضنة)
    "وأصاب ثلاثة منهم بجروح",  # a verb
    "وقال الطبيب إن حالته مستقرة",  # his condition
    "واستولت القوات على 12 عربة قتالية",  # a vehicle, not Wadi Araba
    "دعا إلى فتح المعابر وتسيير قوافل يومية",  # running convoys
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_common_words_are_not_places(text: str) -> None:
    _, found = _places(text)
    assert found == []


def test_a_street_named_for_a_place_abroad_is_a_local_street() -> None:
    doc, found = _places("تجمع المحتجون في شارع الجزائر وسط مدينة البصرة.")
    street = dict(found)["شارع الجزائر"]
    assert (street["country"], street["kind"], street["geonameid"]) == ("IQ", "place", None)
    # a square in the sentence's country, not in the country of a namesake town
    doc, found = _places("وفي مدينة درعا، تجمع المئات في ساحة الكرامة وسط المدينة.")
    assert dict(found)["ساحة الكرامة"]["country"] == "SY"


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وفي أم درمان، سقطت قذائف على سوق ليبيا غربي المدينة.", "سوق ليبيا", "SD"),
        ("وفي مدينة حلب، نزح السكان إلى مخيم فلسطين شرقي المدينة.", "مخيم فلسطين", "SY"),
    ],
)
def test_a_market_or_camp_named_for_a_country_lies_where_its_sentence_is(
    text: str, surface: str, country: str
) -> None:
    _, found = _places(text)
    place = dict(found)[surface]
    assert (place["country"], place["geonameid"]) == (country, None)


def test_a_local_name_takes_the_country_of_its_sentence_not_a_namesake_abroad() -> None:
    # GeoNames has a Leeds that ليدو transliterates to; the beach is in Mogadishu
    _, found = _places("فجر انتحاري نفسه في مطعم على شاطئ ليدو في العاصمة مقديشو.")
    assert dict(found)["شاطئ ليدو"]["country"] == "SO"
    # بيكين is Dakar's suburb Pikine (Beijing is بكين); الصعيد is Upper Egypt
    _, found = _places("وأحرق المحتجون الإطارات في ضاحية بيكين قرب داكار.")
    assert [(d["name"], d["country"]) for t, d in found if "بيكين" in t] == [("Pikine", "SN")]
    _, found = _places("وشنت مديريات الأمن حملات في محافظات الصعيد جنوبي مصر.")
    assert dict(found)["الصعيد"]["country"] == "EG"


def test_a_caesarean_is_no_town() -> None:
    _, found = _places("توفيت ثلاث نساء خلال عمليات قيصرية في مستشفى المدينة.")
    assert found == []


def test_a_noun_with_a_pronoun_is_no_local_place_in_a_located_article() -> None:
    # another place gives the article a country: the unknown name would be put there
    _, found = _places("قتل جنديان في ديالى. ولم تعلن أي جهة مسؤوليتها عن الهجوم.")
    assert [t for t, _ in found] == ["ديالى"]


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
        assert set(d) == {
            "geonameid",
            "name",
            "country",
            "admin1",
            "kind",
            "lat",
            "lon",
            "dateline",
            "capital",
            "local",
        }
        assert d["dateline"] is False
        assert isinstance(d["geonameid"], int) and d["lat"] is not None and d["lon"] is not None
    assert [d["country"] for _, d in found] == ["IQ", "EG", "FR"]
    assert [d["capital"] for _, d in found] == [False, True, True]  # a capital may stand for its state
    assert not any(d["local"] for _, d in found)  # towns of the gazetteer, not local districts


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


def test_unlocated_local_places_are_named_as_the_press_names_them() -> None:
    _, found = _places("أغلق محتجون شارع الحمرا في بيروت أمس")
    assert (_find(found, "شارع الحمرا")["name"], _find(found, "شارع الحمرا")["country"]) == ("Hamra", "LB")


def test_a_small_town_abroad_is_not_a_village_at_home() -> None:
    # Tacoma (Washington) has the Arabic name تاكوما; a village in a report on Niger is local
    _, found = _places("قتل مسلحون عشرة مدنيين في بلدة تاكوما غربي النيجر")
    place = _find(found, "تاكوما")
    assert (place["country"], place["geonameid"]) == ("NE", None)


def test_transliteration_abroad_only_without_countries_and_by_main_name() -> None:
    # a report on Mauritania: an unknown camp name is not a big city elsewhere
    assert gazetteer().transliterate("تاكوما", {"NE"}) == []
    # Edinburgh's Scots alternate name "Embra" does not reach abroad
    assert all(p.name != "Edinburgh" for _, p in gazetteer().transliterate("امبره"))


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


# My own sentences from many regions: (text, surface, expected geonameid, country)
REGIONAL = [
    ("اعتقلت الشرطة الجزائرية عشرة أشخاص في مدينة وهران غربي البلاد", "وهران", 2485926, "DZ"),
    ("تظاهر مئات العاطلين أمام مقر ولاية تمنراست جنوب الجزائر", "ولاية تمنراست", 2478217, "DZ"),
    ("أغلق محتجون الطريق الوطني قرب مدينة القصرين وسط غرب تونس", "القصرين", 2473457, "TN"),
    ("شهدت مدينة سيدي بوزيد مواجهات بين الشبان وقوات الأمن", "سيدي بوزيد", 2465840, "TN"),
    ("نظم المعطلون وقفة احتجاجية أمام عمالة أغادير في المغرب", "أغادير", 2561668, "MA"),
    ("أعلنت السلطات الموريتانية إغلاق الحدود قرب مدينة نواذيبو", "نواذيبو", 2377457, "MR"),
    ("اعترضت الدفاعات الجوية السعودية صاروخا فوق مدينة جازان", "جازان", 105299, "SA"),
    ("تظاهر عشرات العمال في مدينة صلالة جنوبي سلطنة عمان", "صلالة", 286621, "OM"),
    ("شنت قوات الأمن حملة مداهمات في قرية الدراز غرب المنامة", "المنامة", 290340, "BH"),
    ("قصفت طائرات التحالف مواقع في محافظة صعدة شمالي اليمن", "محافظة صعدة", 71333, "YE"),
    ("سقطت قذائف على بلدة عرسال اللبنانية قرب الحدود مع سوريا", "عرسال", 273675, "LB"),
    ("اعتقلت قوات الاحتلال خمسة شبان من مدينة نابلس بالضفة الغربية", "نابلس", 282615, "PS"),
    ("تظاهر الأهالي في مدينة الزرقاء شمال شرق عمان", "الزرقاء", 250090, "JO"),
    ("قتل جنديان في هجوم على حاجز للجيش قرب مدينة دير الزور شرقي سوريا", "دير الزور", 170794, "SY"),
    ("خرج مئات المحتجين في مدينة الناصرية جنوبي العراق", "الناصرية", 98854, "IQ"),
    ("أعلنت القوات المسلحة المالية مقتل عشرين مسلحا قرب مدينة تمبكتو", "تمبكتو", 2449067, "ML"),
    ("هاجم مسلحون قرية قرب مدينة أغاديز شمالي النيجر", "أغاديز", 2448085, "NE"),
    ("فرضت السلطات حظر التجول في مدينة مايدوغوري بشمال شرق نيجيريا", "مايدوغوري", 2331447, "NG"),
    ("قتل عشرة أشخاص في انفجار بسوق في مدينة كيسمايو جنوب الصومال", "كيسمايو", 55671, "SO"),
    ("اشتبك متظاهرون مع الشرطة في مدينة جيجيغا شرقي إثيوبيا", "جيجيغا", 333795, "ET"),
    ("دخلت قوات إريترية إلى مدينة أسمرة", "أسمرة", 343300, "ER"),
    ("خرج محتجون إلى شوارع مدينة نوكوس في أوزبكستان", "نوكوس", 601294, "UZ"),
    ("وقعت اشتباكات على الحدود بين قيرغيزستان وطاجيكستان قرب مدينة إسفرة", "إسفرة", 1514896, "TJ"),
    ("تظاهر آلاف في العاصمة الأذربيجانية باكو", "باكو", 587084, "AZ"),
    ("اعتقلت الشرطة الأرمينية عشرات المحتجين في يريفان", "يريفان", 616052, "AM"),
    ("قصفت القوات الروسية مدينة زابوريجيا جنوبي أوكرانيا", "زابوريجيا", 687700, "UA"),
    ("سقطت صواريخ على مدينة دنيبرو وسط أوكرانيا", "دنيبرو", 709930, "UA"),
    ("أعلن حاكم مقاطعة خيرسون أن القصف أوقع قتلى", "مقاطعة خيرسون", 706442, "UA"),
    ("تظاهر المئات في مدينة بورتسودان شرقي السودان", "بورتسودان", 377039, "SD"),
    ("وصل الوفد إلى مدينة جوبا عاصمة جنوب السودان", "جوبا", 373303, "SS"),
    ("اقتحمت الشرطة التركية منازل في ديار بكر جنوب شرقي تركيا", "ديار بكر", 316541, "TR"),
    ("انطلقت مظاهرة من مدينة مشهد شمال شرقي إيران", "مشهد", 124665, "IR"),
    ("وصل الوفد الروسي إلى مدينة محج قلعة عاصمة داغستان", "محج قلعة", 532096, "RU"),
]


@pytest.mark.parametrize(("text", "surface", "geonameid", "country"), REGIONAL)
def test_regional_places(text: str, surface: str, geonameid: int, country: str) -> None:
    _, found = _places(text)
    data = _find(found, surface)
    assert (data["geonameid"], data["country"]) == (geonameid, country)


# Common words that GeoNames also lists as towns, in sentences that name other places:
# (text, the wrongly geocoded reading that must not appear: (surface, country))
FALSE_PLACES = [
    # معسكر "camp" (Mascara, DZ): a facility word now, heading the camp's name
    ("استهدف قصف مدفعي معسكر أبو شوك للنازحين قرب الفاشر في السودان", ("معسكر", "DZ")),
    # طراز "model" (Taraz, KZ): a town abroad needs its country in the article
    ("أطلقت روسيا 12 مسيرة من طراز شاهد على مدن أوكرانيا", ("طراز", "KZ")),
    # وادي heads a longer name (El Oued, DZ): place-type words are not GeoNames aliases
    ("قتل ثلاثة جنود في منطقة وادي الشاي جنوب غربي كركوك", ("منطقة وادي", "DZ")),
    # وقف "ceasefire" (Al Waqf, EG): a common word needs the article's support
    ("دعت الأمم المتحدة إلى وقف لإطلاق النار في طرابلس الليبية", ("وقف", "EG")),
    ("أعلنت مصر التوصل إلى وقف لإطلاق النار في غزة", ("وقف", "EG")),
    # سلطات "authorities" (Settat, MA)
    ("اعتقلت سلطات طالبان في كابول ثلاثة صحفيين", ("سلطات", "MA")),
    # ولاية is not و + لاية (Lae, PG)
    ("قتل خمسة في ولاية ننكرهار شرقي أفغانستان", ("لاية", "PG")),
    # فرقه "its teams" is not ف + رقه (Raqqa)
    ("قال الدفاع المدني في إدلب إن فرقه انتشلت جثثا", ("رقه", "SY")),
    # جامعة "university" (Djamaa, DZ); الحي "the neighbourhood" (Al Hayy, IQ)
    ("نظم الطلاب وقفة داخل جامعة بالإسكندرية في مصر", ("جامعة", "DZ")),
    ("قال سكان في صفاقس إن الهدوء عاد إلى الحي صباح اليوم", ("الحي", "IQ")),
    # صيفي "summer" (Tsevie, TG): an adjective after a facility word
    ("أقيم مخيم صيفي للأطفال في تونس", ("مخيم صيفي", "TG")),
    # an airport abroad is not in the article's country
    ("هبطت الطائرة في مطار هيثرو قادمة من بغداد", ("مطار هيثرو", "IQ")),
    # عالية "high" (Aley, LB) in a report on Ukraine
    ("قصفت روسيا مدينة خاركيف بأسلحة عالية الدقة", ("عالية", "LB")),
]


@pytest.mark.parametrize(("text", "wrong"), FALSE_PLACES)
def test_common_words_are_not_towns_abroad(text: str, wrong: tuple[str, str]) -> None:
    _, found = _places(text)
    assert [t for t, d in found if (t, d["country"]) == wrong] == []
    assert found  # the real places of the sentence are still found


def test_a_town_named_by_a_common_word_still_counts_after_a_place_word() -> None:
    _, found = _places("امتدت الاحتجاجات إلى مدينة طراز في كازاخستان")
    assert _find(found, "طراز")["geonameid"] == 1516905


DATELINES = [
    # (text, surfaces with dateline=True, surfaces with dateline=False)
    (
        "باماكو - طردت السلطات في مالي السفير وقالت إن قواتها قصفت مواقع قرب موبتي",
        ["باماكو"],
        ["مالي", "موبتي"],
    ),
    ("صفاقس (تونس) - اندلعت مواجهات في حي شعبي", ["صفاقس", "تونس"], []),
    ("بيشاور (أ ف ب) - قتل شرطيان في هجوم", ["بيشاور"], []),
    ("القاهرة ـ أعلنت الحكومة المصرية", ["القاهرة"], []),
    ("قال مسؤول في بغداد - وفق بيان - إن القوات وصلت", [], ["بغداد"]),
]


@pytest.mark.parametrize(("text", "dateline", "clause"), DATELINES)
def test_dateline_places_are_marked(text: str, dateline: list[str], clause: list[str]) -> None:
    _, found = _places(text)
    assert sorted(t for t, d in found if d["dateline"]) == sorted(dateline)
    assert sorted(t for t, d in found if not d["dateline"]) == sorted(clause)


def test_dateline_prefers_the_city() -> None:
    _, found = _places("بغداد - نفذ المحامون إضرابا عاما في العراق")
    assert (found[0][1]["kind"], found[0][1]["geonameid"], found[0][1]["dateline"]) == ("city", 98182, True)
    # a surface naming a country and its capital is the country, in the dateline too
    _, found = _places("تونس - نفذ المحامون إضرابا عاما في تونس")
    first, second = found
    assert (first[1]["kind"], first[1]["geonameid"], first[1]["dateline"]) == ("country", 2464461, True)
    assert (second[1]["kind"], second[1]["dateline"]) == ("country", False)
    _, found = _places("الكويت - 17 - 2 (كونا) -- استقبل وزير الخارجية نظيره العراقي")
    assert (found[0][1]["kind"], found[0][1]["geonameid"]) == ("country", 285570)
    _, found = _places("جدة - أعلنت السعودية استئناف المحادثات")
    assert _find(found, "جدة")["geonameid"] == 105343


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("محافظة الشرقية تشهد احتجاجات للمزارعين", "محافظة الشرقية", "EG"),
        ("ولاية بشار تستقبل قوافل المساعدات", "ولاية بشار", "DZ"),
    ],
)
def test_designated_region_names_need_no_context(text: str, surface: str, country: str) -> None:
    _, found = _places(text)
    data = _find(found, surface)
    assert (data["country"], data["kind"]) == (country, "region")


def test_country_is_drawn_at_its_current_capital() -> None:
    _, found = _places("أعلنت كازاخستان حالة الطوارئ")
    kz = _find(found, "كازاخستان")
    assert abs(kz["lat"] - 51.18) < 0.5 and abs(kz["lon"] - 71.45) < 0.5  # Astana, not Almaty


def test_cache_falls_back_when_its_folder_is_not_writable(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rasd.gazetteer import cache

    key = cache.cache_key()
    name = f"gazetteer-{key}.pickle"
    source = next(p / name for p in (cache.cache_dir(), cache.fallback_dir()) if (p / name).exists())
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("RASD_CACHE", str(blocked / "rasd"))
    monkeypatch.setattr(cache, "fallback_dir", lambda: tmp_path / "fallback")
    (tmp_path / "fallback").mkdir()
    (tmp_path / "fallback" / name).write_bytes(source.read_bytes())
    data = cache.load()  # read from the fallback folder, no rebuild
    assert len(data.places) > 10_000


def test_cache_write_reports_an_unwritable_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rasd.gazetteer import cache
    from rasd.gazetteer.build import GazetteerData

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert cache._write(GazetteerData(), blocked / "sub" / "x.pickle") is False
    assert cache._write(GazetteerData(), tmp_path / "ok" / "x.pickle") is True


# ==== BEGIN data-breadth block (branch data): rows added to gazetteer/places_extra.tsv.
# ==== My own sentences; each place was missed (or geocoded elsewhere) before those rows.
# (text, surface, geonameid or None to skip the check, country or None, kind)
BREADTH_PLACES = [
    ("هاجم الحوثيون سفينة تجارية في خليج عدن قرب باب المندب", "خليج عدن", None, None, "place"),
    ("هاجم الحوثيون سفينة تجارية في خليج عدن قرب باب المندب", "باب المندب", None, None, "place"),
    ("تتصاعد هجمات الجماعات المسلحة في منطقة الساحل الأفريقي", "منطقة الساحل الأفريقي", None, None, "region"),
    ("تعاني دول آسيا الوسطى من موجة جفاف", "آسيا الوسطى", None, None, "region"),
    ("تمتد أزمة الجوع في القرن الأفريقي", "القرن الأفريقي", None, None, "region"),
    ("قتل جنود في هجوم بجنوب وزيرستان", "جنوب وزيرستان", None, "PK", "region"),
    ("قصفت المدفعية أطراف العرقوب وتلال كفرشوبا", "العرقوب", None, "LB", "region"),
    ("دوت صفارات الإنذار في الجليل الأعلى", "الجليل الأعلى", None, "IL", "region"),
    ("سيطرت القوات على حقل العمر النفطي شرقي دير الزور", "حقل العمر النفطي", None, "SY", "place"),
    ("استهدفت مسيرة قاعدة التنف قرب الحدود", "قاعدة التنف", None, "SY", "place"),
    ("أغلقت السلطات معبر المصنع أمام المسافرين", "معبر المصنع", None, "LB", "place"),
    ("نقل الجرحى إلى مستشفى الشفاء في غزة", "مستشفى الشفاء", None, "PS", "place"),
    ("اندلعت اشتباكات في حي أبو سليم بطرابلس", "حي أبو سليم", None, "LY", "city"),
    ("استهدفت غارة مبنى في الضاحية الجنوبية لبيروت", "الضاحية الجنوبية", None, "LB", "region"),
    ("تعرضت بلدات كفركلا والخيام وعيتا الشعب للقصف", "كفركلا", 272849, "LB", "city"),
    ("تعرضت بلدات كفركلا والخيام وعيتا الشعب للقصف", "الخيام", None, "LB", "city"),
    ("تعرضت بلدات كفركلا والخيام وعيتا الشعب للقصف", "عيتا الشعب", None, "LB", "city"),
    ("وقع زلزال في إقليم اشتوكة آيت باها جنوب المغرب", "إقليم اشتوكة آيت باها", None, "MA", "region"),
    ("نظم تجار وقفة احتجاجية في مدينة إنزكان", "إنزكان", 2545957, "MA", "city"),
    ("نزح الآلاف من مخيم زمزم قرب الفاشر", "مخيم زمزم", None, "SD", "place"),
    ("هاجم مسلحون بلدة دجيبو شمالي بوركينا فاسو", "دجيبو", 2361177, "BF", "city"),
    ("نفذ الجيش عملية أمنية في كويتا عاصمة بلوشستان", "كويتا", 1167528, "PK", "city"),
    ("قصفت القوات الروسية مدينة بوكروفسك شرقي أوكرانيا", "بوكروفسك", 704422, "UA", "city"),
    ("تقدمت القوات نحو تشاسيف يار", "تشاسيف يار", 710915, "UA", "city"),
    ("قتل ثلاثة أشخاص في غارة على جرف الصخر جنوب بغداد", "جرف الصخر", None, "IQ", "city"),
    ("أعلن الجيش السيطرة على محور فيلادلفيا", "محور فيلادلفيا", None, "PS", "place"),
    # towns GeoNames lists without an Arabic name
    ("أغلق محتجون الطريق بين تمارة والرباط", "تمارة", 2529013, "MA", "city"),
    ("اعتقلت الشرطة شبانا من برشيد وسطات", "برشيد", 2556272, "MA", "city"),  # not ب + رشيد (EG)
    ("نظم عمال مسيرة في ساقية الزيت بصفاقس", "ساقية الزيت", 2467242, "TN", "city"),
    ("اندلعت مواجهات في العلمة شرقي الجزائر", "العلمة", 2498392, "DZ", "city"),
    ("سيطرت قوات الدعم السريع على مدينة المناقل في ولاية الجزيرة", "المناقل", 379149, "SD", "city"),
    ("وصل الوزير إلى مدينة نصر شرق القاهرة", "مدينة نصر", 353225, "EG", "city"),
    ("وقعت مواجهات ليلية في دوار هيشر", "دوار هيشر", 13132711, "TN", "city"),
    ("قتل جنود في هجوم على نقطة تفتيش في لكي مروت شمال غربي باكستان", "لكي مروت", 1172339, "PK", "city"),
    ("استهدفت الضربات الهندية مواقع في بهاولبور ومريدكي", "بهاولبور", 1183880, "PK", "city"),
    ("استهدفت الضربات الهندية مواقع في بهاولبور ومريدكي", "مريدكي", 1169692, "PK", "city"),
    ("أعلنت الهند أن هجوم باهالغام أودى بحياة 26 شخصا", "باهالغام", 1260880, "IN", "city"),
    ("قتل عشرة مسلحين في وادي تيراه", "وادي تيراه", None, "PK", "region"),
    # regions.tsv: first-level regions of Mexico, Colombia, Ecuador, the DRC and Mozambique
    ("قتل عشرون شخصا في اشتباكات بين عصابتين في ولاية سينالوا", "ولاية سينالوا", None, "MX", "region"),
    ("سيطر المتمردون على مدينة غوما عاصمة إقليم شمال كيفو", "إقليم شمال كيفو", None, "CD", "region"),
    ("هاجم مسلحون قرية في مقاطعة كابو ديلغادو شمالي موزمبيق", "مقاطعة كابو ديلغادو", None, "MZ", "region"),
    ("أعلنت السلطات حالة الطوارئ في إقليم غواياس", "إقليم غواياس", None, "EC", "region"),
    ("قتل جنود في كاوكا جنوب غربي كولومبيا", "كاوكا", None, "CO", "region"),
]


@pytest.mark.parametrize(("text", "surface", "geonameid", "country", "kind"), BREADTH_PLACES)
def test_breadth_places(
    text: str, surface: str, geonameid: int | None, country: str | None, kind: str
) -> None:
    _, found = _places(text)
    data = _find(found, surface)
    assert (data["country"], data["kind"]) == (country, kind)
    if geonameid is not None:
        assert data["geonameid"] == geonameid


# demonyms.tsv additions: (text, surface, country)
BREADTH_DEMONYMS = [
    ("أعلن الجيش البوركيني مقتل عشرات المسلحين", "البوركيني", "BF"),
    ("اعتقلت الشرطة الإكوادورية زعيم العصابة", "الإكوادورية", "EC"),
    ("نقلت السلطات السلفادورية السجناء", "السلفادورية", "SV"),
    ("قتل ثلاثة جنود موزمبيقيين في الهجوم", "موزمبيقيين", "MZ"),
    ("واتهمت الحكومة الكونغولية الحركة بخرق الهدنة", "الكونغولية", "CD"),
    ("أطلق الجيش الكوري الشمالي صاروخين", "الكوري الشمالي", "KP"),
    ("وصل عمال فيتناميون إلى الميناء", "فيتناميون", "VN"),
    ("قالت الشرطة الهندوراسية إن العصابة فرت", "الهندوراسية", "HN"),
]


@pytest.mark.parametrize(("text", "surface", "country"), BREADTH_DEMONYMS)
def test_breadth_demonyms(text: str, surface: str, country: str) -> None:
    doc = read(text, until="places")
    spans = {s.text_of(doc): s.data["country"] for s in doc.get("demonym")}
    assert spans.get(surface) == country


# Risky curated names in their common-word sense: (text, surface that must not be a place)
BREADTH_NOT_PLACES = [
    ("يعيش النازحون في الخيام منذ شهور في غزة", "الخيام"),  # Khiam (LB) needs a place-type word
    ("قال الخبير إن المتوسط الحسابي للأسعار ارتفع في مصر", "المتوسط"),  # only البحر المتوسط
    ("ركب الصياد مركبا صغيرا نحو الشاطئ في صور", "مركبا"),  # Markaba (LB) needs a place-type word
    ("كتم الشهود أقوالهم أمام المحكمة في الخرطوم", "كتم"),  # Kutum (SD) needs a place-type word
    ("انتمى الشاعر إلى بنو تميم في نجد", "بنو"),  # Bannu is بانو only
    ("قال على وجه الخصوص إن الوضع في مصر صعب", "الخصوص"),  # Al Khusus (EG) needs a place-type word
    ("يبحث السكان عن المروج الخضراء في تونس", "المروج"),  # El Mourouj (TN) needs context
    ("وصل القائد إلى منطقة الساحل السوري", "الساحل"),  # the Syrian coast, not the Sahel
]


@pytest.mark.parametrize(("text", "surface"), BREADTH_NOT_PLACES)
def test_breadth_risky_names_are_not_places(text: str, surface: str) -> None:
    _, found = _places(text)
    assert [(t, d["name"]) for t, d in found if t == surface] == []


# ==== END data-breadth block


# ==== Local places: unknown names after a local place-type word (context.tsv, local = yes)
# (text, surface, country, kind): put in the country of the nearest place of the sentence (some,
# like بيت فجار, are also in GeoNames: the rule must not hide them)
LOCAL_PLACES = [
    ("قتل ثلاثة مدنيين في قرية أم الصفا جنوب مدينة حلب", "أم الصفا", "SY", "city"),
    ("داهمت القوات بلدة بيت فجار قرب الخليل", "بيت فجار", "PS", "city"),
    ("اندلعت اشتباكات في حي الزهراء بمدينة حمص", "الزهراء", "SY", "city"),
    ("انفجرت عبوة في منطقة الشعلة غربي بغداد", "الشعلة", "IQ", "region"),
    ("قصفت الطائرات ناحية البغدادي في محافظة الأنبار", "ناحية البغدادي", "IQ", "region"),
    ("تجمع المحتجون في شارع الرشيد وسط بغداد", "شارع الرشيد", "IQ", "place"),
    ("هاجم مسلحون قرية تونغو تونغو في ولاية بورنو بنيجيريا", "تونغو", "NG", "city"),
    ("وقع الانفجار في سوق الشورجة وسط بغداد", "سوق الشورجة", "IQ", "place"),
    ("اقتحم مستوطنون قرية المغير شرق رام الله", "المغير", "PS", "city"),
    ("قصفت المدفعية مخيم الفارعة قرب نابلس", "مخيم الفارعة", "PS", "place"),
    # squares, streets and bridges are often named by common words
    ("تظاهر العشرات في ميدان الشهداء وسط طرابلس", "ميدان الشهداء", "LY", "place"),
    ("قطع المحتجون جسر الحرية في مدينة الناصرية", "جسر الحرية", "IQ", "place"),
    # a name right after a place-type word carries no proclitic (فاحل is not ف + احل)
    ("قتل شابان قرب قرية فاحل في ريف حماة", "فاحل", "SY", "city"),
    # two names after a dual type word
    ("قصفت القوات مخيمي كلمة وأبو شوك للنازحين في ولاية شمال دارفور", "أبو شوك", "SD", "place"),
    ("شنت الشرطة حملة مداهمات بمديريتي حمروين ودينيلي في العاصمة مقديشو", "دينيلي", "SO", "region"),
    # a town, a valley, a field, two crossings: local names after more place-type words
    ("تم إيواؤهم في مدارس بمدينة بن قردان جنوب شرقي تونس", "بن قردان", "TN", "city"),
    ("تعرض حقل كورمور في قضاء جمجمال بمحافظة السليمانية لهجوم", "حقل كورمور", "IQ", "place"),
    ("عبر الفارون منفذي أرقين وقسطل إلى مصر", "قسطل", "EG", "place"),
    # foreign names that end like an Arabic adjective (ـي) are names when their stem is no word
    ("أصابت قذيفة السوق الأسبوعي في بلدة نيافونكي شمال مالي", "نيافونكي", "ML", "city"),
    ("أطلقت الشرطة الغاز على المحتجين في حي كانغيمي بالعاصمة نيروبي", "كانغيمي", "KE", "city"),
    # a list after a plural place-type word; a province; a locality and a roundabout
    ("هاجم مسلحو التنظيم قرى الشبكي والشريحي ورامي وطربا في ريف السويداء", "طربا", "SY", "city"),
    (
        "أوقف زعيم الاتحاد قرب بلدة باستوكالي في مقاطعة كوتوباكسي في الإكوادور",
        "مقاطعة كوتوباكسي",
        "EC",
        "region",
    ),
    ("وأطلق قناصة النار على المتظاهرين عند مستديرة الطيونة في بيروت", "مستديرة الطيونة", "LB", "place"),
]


@pytest.mark.parametrize(("text", "surface", "country", "kind"), LOCAL_PLACES)
def test_local_names_after_a_place_type_word(text: str, surface: str, country: str, kind: str) -> None:
    _, found = _places(text)
    got = {t: (d["country"], d["kind"]) for t, d in found}
    assert got.get(surface) == (country, kind), got


# a local place-type word before a common word, an adjective, a participle or a preposition
LOCAL_NOT_PLACES = [
    "تظاهر السكان في منطقة متنازع عليها",
    "يعيش السكان في قرية نائية",
    "أقيم مخيم صيفي للأطفال",
    "ارتفع الدولار في سوق الصرف",
    "نقل الجرحى إلى مستشفى ميداني",
    "أقام الجيش حاجزا أمنيا",
    "تعمل الشركة في منطقة للتنقيب عن الذهب",
    "شارك العمال في سوق العمل",
    "قتل جنديان في ساحة المعركة",
    "وكانا عائدين من العمل",
    "تقدمت القوات نحو أراضيه الشمالية",
    "أزالت السلطات مخيمات عشوائية أقامها مهاجرون",
    "استهدفت الضربة ساحة عامة وسط البلدة",
    "يقيم السكان في حي شعبي مكتظ",
    "وطالب نواب عن المحافظة وزارة الداخلية بتكثيف الإجراءات",
    "سقطت قذيفة على سوق شعبية في بلدة قريبة من المدينة",
    "أعادت المنظمة 147 مهاجراً غامبياً إلى بلادهم",
    "ونظم العشرات من الأهالي وقفة مساء أمس",
    "صلى المصلون في مسجد صغير",
    "دعت المعارضة إلى مقاطعة الانتخابات",
]


@pytest.mark.parametrize("text", LOCAL_NOT_PLACES)
def test_local_place_words_before_common_words_are_no_places(text: str) -> None:
    _, found = _places(text)
    assert found == []


def test_a_place_type_word_is_no_name_after_another() -> None:
    # سوق بمدينة الموصل: بمدينة is a place-type word, not the market's name
    _, found = _places("قتل ثلاثة أشخاص في هجوم على سوق بمدينة الموصل")
    assert [t for t, _ in found] == ["الموصل"]


def test_a_local_place_is_drawn_at_the_town_of_its_sentence() -> None:
    _, found = _places("اعتقلت قوات الأمن خمسة مسلحين في حي البتاويين وسط بغداد")
    got = dict(found)
    assert got["البتاويين"]["geonameid"] is None
    assert (got["البتاويين"]["lat"], got["البتاويين"]["lon"]) == (got["بغداد"]["lat"], got["بغداد"]["lon"])


def test_a_curated_district_has_its_own_point() -> None:
    _, found = _places("وفرقت القوات العمومية وقفة أمام المديرية الإقليمية بعين السبع في الدار البيضاء.")
    got = dict(found)
    assert (got["عين السبع"]["country"], got["عين السبع"]["geonameid"]) == ("MA", None)
    assert got["عين السبع"]["lat"] is not None


def test_a_country_in_a_list_of_countries_needs_no_other_context() -> None:
    # مالي is also "financial" (weak); in a list of countries it is Mali
    _, found = _places("وتواجه النيجر وبوركينا فاسو ومالي هجمات متكررة")
    assert ("مالي", "ML") in [(t, d["country"]) for t, d in found]


def test_a_definite_word_after_a_proclitic_is_no_unknown_name() -> None:
    # بالإقليم is ب + "the region", not a town to transliterate
    _, found = _places("اندلعت احتجاجات في عدة مدن بالإقليم")
    assert found == []


def test_a_dual_type_word_stays_out_of_each_span() -> None:
    _, found = _places("قصفت القوات مخيمي زمزم وأبو شوك قرب الفاشر")
    spans = [t for t, _ in found]
    assert "زمزم" in spans and "أبو شوك" in spans and not any(t.startswith("مخيمي") for t in spans)


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("تعد الشركة أكبر مصنع للغزل في الشرق الأوسط", "الشرق الأوسط", "Middle East"),
        ("وصل مهاجرون من أفريقيا جنوب الصحراء إلى صفاقس", "أفريقيا جنوب الصحراء", "Sub-Saharan Africa"),
        ("أدانت حكومة إقليم كوردستان الهجوم على أربيل", "إقليم كوردستان", "Kurdistan Region"),
    ],
)
def test_world_regions_and_spellings(text: str, surface: str, name: str) -> None:
    _, found = _places(text)
    assert (surface, name) in [(t, d["name"]) for t, d in found]


def test_a_common_word_after_a_place_type_word_is_no_town() -> None:
    # مديرية أمن إسطنبول: the security directorate, not a town named أمن; ومخيمها: "and its camp"
    _, found = _places("ألقت الشرطة في مديرية أمن إسطنبول القبض على 22 شخصا")
    assert [t for t, _ in found] == ["إسطنبول"]
    _, found = _places("واصل الجيش عملياته في مدينة جنين ومخيمها")
    assert [t for t, _ in found] == ["جنين"]


def test_a_common_word_after_a_place_is_no_second_name() -> None:
    # مدينة بصرى الشام وقفة: "a sit-in", not و + a village قفة
    _, found = _places("ونظم العشرات من أهالي مدينة بصرى الشام وقفة مساء أمس")
    assert [t for t, _ in found] == ["بصرى الشام"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a region name of two words needs no context word before it
        ("أعلن أرمن قره باغ موافقتهم على وقف إطلاق النار", "قره باغ"),
        ("وشهدت جهة سوس ماسة أمطارا غزيرة", "جهة سوس ماسة"),
        # mosques and stadiums after their place-type word; palaces and sites as data
        ("فجر انتحاري نفسه أمام مسجد بيعة الرضوان في بنغازي", "مسجد بيعة الرضوان"),
        ("عقد الاجتماع في قصر بعبدا بحضور الوزراء", "قصر بعبدا"),
        ("هدمت الجرافات منازل في مسافر يطا جنوب الخليل", "مسافر يطا"),
        # forests and Moroccan regions after their place-type word
        ("قصفت الطائرات مخابئ في غابة سامبيسا شمال شرقي نيجيريا", "غابة سامبيسا"),
    ],
)
def test_multiword_regions_and_more_place_words(text: str, surface: str) -> None:
    _, found = _places(text)
    assert surface in [t for t, _ in found]


def test_an_unknown_local_name_keeps_its_second_word() -> None:
    _, found = _places("انفجار في مطعم مزدحم في حي حمر ججب بالعاصمة الصومالية مقديشو")
    assert [t for t, _ in found] == ["حمر ججب", "مقديشو"]


def test_a_name_read_as_a_place_once_is_that_place_each_time() -> None:
    # طمون needs context; بلدة gives it once, and the later bare mention is the same town
    text = "اقتحمت القوات بلدة طمون فجر اليوم. وكانت القوات قد اقتحمت طمون الشهر الماضي."
    _, found = _places(text)
    assert [s for s, _ in found] == ["طمون", "طمون"]
    assert len({d["geonameid"] for _, d in found}) == 1
    _, alone = _places("وكانت القوات قد اقتحمت طمون الشهر الماضي.")
    assert alone == []


def test_a_common_word_read_as_a_place_once_is_not_a_place_everywhere() -> None:
    _, found = _places("وصل الوفد إلى مدينة الأمل. وقال إن الأمل كبير في التوصل إلى حل.")
    assert [s for s, _ in found].count("الأمل") <= 1


def test_a_verb_after_a_list_of_places_is_no_place() -> None:
    _, found = _places("قتل مئة شخص في منطقة باتكين ونزح على إثرها أكثر من 130 ألفا.")
    assert [s for s, _ in found] == ["باتكين"]


def test_the_countryside_of_a_city_is_its_province() -> None:
    _, found = _places("قصف مدفعي على ريف إدلب الجنوبي وعلى مدينة إدلب.")
    assert [(s, d["kind"]) for s, d in found] == [("إدلب", "region"), ("إدلب", "city")]
    _, whole = _places("وفي ريف دمشق، قتل شخصان.")
    assert [(s, d["kind"]) for s, d in whole] == [("ريف دمشق", "region")]


def test_a_town_found_by_its_latin_name_keeps_it_though_it_ends_like_an_adjective() -> None:
    _, found = _places("قتل ثلاثة في بلدة نيافونكي في مالي.")
    assert [(s, d["geonameid"], d["country"]) for s, d in found][0] == ("نيافونكي", 2452830, "ML")
    _, camp = _places("أقام الجيش مخيم صيفي للأطفال في مالي.")
    assert [s for s, _ in camp] == ["مالي"]


def test_an_adjective_after_a_facility_word_is_no_town_abroad() -> None:
    # منفذ بحري is "a seaport"; بحري is also Khartoum North, which stays a place in Sudan
    _, found = _places("تحصل إثيوبيا بموجبها على منفذ بحري على البحر الأحمر.")
    assert [s for s, _ in found] == ["إثيوبيا"]
    _, sudan = _places("وقعت اشتباكات في مدينة بحري شمال الخرطوم.")
    assert [s for s, _ in sudan] == ["بحري", "الخرطوم"]


def test_a_name_read_in_two_countries_is_one_place_in_the_articles_country() -> None:
    # Aden's district named first, then bare: not Egypt's Mansoura the second time
    _, found = _places(
        "عدن - خرج مئات المحتجين في مديريتي المنصورة والشيخ عثمان بمدينة عدن احتجاجا على انقطاع "
        "الكهرباء. وأطلقت قوات الأمن النار لتفريق المحتجين في المنصورة."
    )
    assert {d["country"] for t, d in found if t == "المنصورة"} == {"YE"}
    # one name in one country keeps its two readings: the province and its city
    _, found = _places("وصل المحافظ إلى مدينة كربلاء، ثم تفقد مشاريع محافظة كربلاء.")
    assert sorted(d["kind"] for t, d in found if "كربلاء" in t) == ["city", "region"]


def test_no_place_is_read_inside_the_name_of_an_islamic_state_province() -> None:
    _, found = _places("وقال تنظيم ولاية سيناء إنه نفذ الهجوم في مدينة العريش.")
    assert [t for t, _ in found] == ["العريش"]


def test_a_verb_joined_after_a_street_is_no_second_street() -> None:
    _, found = _places("دهس رجل بسيارته عددا من المحتجين في شارع نيمانيينا وأصاب ثلاثة منهم.")
    assert [t for t, _ in found] == ["شارع نيمانيينا"]


def test_a_nationality_after_a_name_says_its_country() -> None:
    # no Tyler, Texas: the unknown state is Venezuela's, unlocated
    _, found = _places("وعبرت الشاحنات إلى بلدة حدودية في ولاية تاتشيرا الفنزويلية.")
    state = _find(found, "ولاية تاتشيرا")
    assert (state["country"], state["kind"], state["name"]) == ("VE", "region", "Tachira")


def test_a_district_named_like_a_big_city_abroad_is_local() -> None:
    # Kowloon is written like Köln: a district of the article's country, not Germany's city
    _, found = _places(
        "هونغ كونغ - وفي حي كولون، تظاهر آلاف من السكان مساء الأحد. وقالت شرطة هونغ كونغ إنها اعتقلت عشرات."
    )
    assert _find(found, "كولون")["country"] == "HK"


def test_a_verb_with_its_object_joined_after_a_district_is_no_second_name() -> None:
    _, found = _places("وطوق الجنود مقر إقامة الرئيس في حي سيبينيكورو واعتقلوه مع رئيس الوزراء.")
    assert [t for t, _ in found] == ["سيبينيكورو"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a plural place-type word takes a feminine adjective; مقاطعة is also a boycott
        ("داهمت قوات الأمن منازل في أحياء متفرقة من جانب الكرخ ببغداد", ["الكرخ", "بغداد"]),
        ("اتهمت قوات الدعم السريع الجيش بقصف أحياء مدنية في الخرطوم", ["الخرطوم"]),
        ("نفذ المحامون في تونس مقاطعة شاملة للجلسات", ["تونس"]),
    ],
)
def test_an_adjective_after_a_plural_place_word_or_a_boycott_is_no_place(
    text: str, places: list[str]
) -> None:
    _, found = _places(text)
    assert [t for t, _ in found] == places


def test_the_tunisian_curfew_word_is_no_golan() -> None:
    _, found = _places("وقررت السلطات الجهوية فرض حظر الجولان بالمدينة من الساعة السابعة مساء")
    assert [t for t, _ in found] == []
    _, found = _places("قصفت إسرائيل مواقع في الجولان السوري المحتل")
    assert [t for t, _ in found] == ["إسرائيل", "الجولان"]


def test_a_country_after_a_city_keeps_its_country_reading() -> None:
    text = (
        "قرطاجنة، كولومبيا (CNN)-- وقع الرئيس اتفاق السلام. وحضر المراسم وزير الخارجية الأمريكي "
        "جون كيري القادم من واشنطن، وقال إن الولايات المتحدة ستدعم الاتفاق."
    )
    _, found = _places(text)
    got = {t: (d["kind"], d["country"]) for t, d in found}
    assert got["كولومبيا"] == ("country", "CO")


def test_a_word_with_a_preposition_ends_a_local_name() -> None:
    _, found = _places("أوقف الزعيم قرب بلدة باستوكالي في مقاطعة كوتوباكسي بتهمة تعطيل الخدمات في الإكوادور")
    assert "مقاطعة كوتوباكسي" in [t for t, _ in found]


@pytest.mark.parametrize(
    ("text", "surface", "geonameid", "country"),
    [
        # towns of the Arab world that GeoNames names in Latin letters only (places_extra.tsv)
        ("قتل مسلحون عشرة من الأمنيين في بن قردان فجر الاثنين", "بن قردان", 2472431, "TN"),
        ("تظاهر المئات في برشيد احتجاجا على غلاء الأسعار", "برشيد", 2556272, "MA"),
        ("أغلق محتجون الطريق في العلمة شرق البلاد", "العلمة", 2498392, "DZ"),
        ("قتل شخصان في حادث بمدينة كوم أمبو جنوب مصر", "كوم أمبو", 353802, "EG"),
    ],
)
def test_arab_towns_named_only_in_latin_by_geonames(
    text: str, surface: str, geonameid: int, country: str
) -> None:
    _, found = _places(text)
    place = _find(found, surface)
    assert (place["geonameid"], place["country"]) == (geonameid, country)


def test_a_sheet_of_paper_is_no_raqqa() -> None:
    _, found = _places("واتهم الحوثيين باستخدام ملف الأسرى ورقة للابتزاز السياسي")
    assert found == []


def test_a_local_name_stops_before_the_city_it_lies_in() -> None:
    _, found = _places("تجمع الآلاف في ساحة مسقل بأديس أبابا")
    assert [t for t, _ in found] == ["ساحة مسقل", "أديس أبابا"]


def test_jordans_refugee_camps_are_in_jordan() -> None:
    _, found = _places("وتجمع المئات أمام مخيم البقعة شمال العاصمة، ثم ساروا نحو مخيم الوحدات.")
    assert dict(found)["مخيم البقعة"]["country"] == "JO"
    assert dict(found)["مخيم الوحدات"]["country"] == "JO"


@pytest.mark.parametrize(
    ("text", "surface", "geonameid", "country"),
    [
        ("وشهدت مدن يوجياكرتا وسورابايا وباندونغ مظاهرات مماثلة.", "باندونغ", 1650357, "ID"),
        ("وقتل ثلاثة مدنيين في مدينة إب وسط اليمن.", "إب", 74477, "YE"),
        ("وقصفت القوات الروسية مدينة ماريوبول الساحلية في أوكرانيا.", "ماريوبول", 701822, "UA"),
        ("واقتحم مستوطنون المسجد الأقصى صباح اليوم.", "المسجد الأقصى", None, "PS"),
    ],
)
def test_session_9_gazetteer_additions(text: str, surface: str, geonameid: int | None, country: str) -> None:
    _, found = _places(text)
    place = dict(found)[surface]
    assert (place["geonameid"], place["country"]) == (geonameid, country)


def test_a_birthplace_is_no_muscat() -> None:
    _, found = _places("وقع تفجير في مدينة دافاو، مسقط رأس الرئيس.")
    assert "مسقط" not in dict(found)
    assert dict(found)["دافاو"]["country"] == "PH"


def test_a_two_letter_town_needs_its_place_type_word() -> None:
    _, found = _places("وقال أب لثلاثة أطفال إنه فقد منزله في القصف.")
    assert found == []
    _, found = _places("وقتل ثلاثة مدنيين في محافظة إب.")
    assert "محافظة إب" in dict(found)


def test_a_two_letter_name_from_geonames_stays_out() -> None:
    _, found = _places("واقتحم مستوطنون منطقة تل الرميدة في الخليل.")
    assert "تل" not in dict(found)


def test_an_anniversary_is_no_place() -> None:
    _, found = _places("وتأتي الاحتجاجات قبل أيام من إحياء الذكرى السابعة للثورة في تونس.")
    assert "الذكرى" not in dict(found)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("وتجمع المحتجون في ساحة تقسيم وسط إسطنبول.", "ساحة تقسيم", "TR"),
        ("وفرقت الشرطة المحتجين في حي كيبيرا بنيروبي.", "كيبيرا", "KE"),
        ("وفرقت القوات العمومية وقفة في سيدي مومن بالدار البيضاء.", "سيدي مومن", "MA"),
    ],
)
def test_session_9_districts_and_squares(text: str, surface: str, country: str) -> None:
    _, found = _places(text)
    assert dict(found)[surface]["country"] == country
