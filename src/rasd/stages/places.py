"""Stage: places (geocoding) and demonyms.

1. Gazetteer aliases are found with the clitic-aware PhraseMatcher (بكازاخستان → كازاخستان,
   multi-word names such as الضفة الغربية); stop phrases (قناة الجزيرة) hide the names inside.
2. Each hit gets a context level from the words before it: 2 after a place-type word (مدينة،
   محافظة، مطار ...), 1 after a preposition or direction word or with a ب/ل proclitic, and the
   level of its neighbour when coordinated with a place (وأكتاو، ...). A gazetteer place counts
   only when its ``need`` (population, stoplist, spelling source) is at most that level.
3. Unknown words in strong context (مدينتي جاناوزين) are matched by transliteration against
   GeoNames Latin names, preferring the countries the article mentions.
4. Among candidates, the one consistent with the article's countries wins, then the kind the
   context asks for, then curated entries, countries and population.

>>> from rasd.pipeline import read
>>> doc = read("اندلعت احتجاجات في مدينتي جاناوزين وأكتاو بكازاخستان", until="places")
>>> [(doc.text[s.start:s.end], s.data["name"], s.data["country"]) for s in doc.get("place")]
[('جاناوزين', 'Zhanaozen', 'KZ'), ('أكتاو', 'Aktau', 'KZ'), ('كازاخستان', 'Kazakhstan', 'KZ')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rasd.arabic.clitics import segmentations
from rasd.doc import Doc, Token
from rasd.gazetteer import Place, gazetteer
from rasd.gazetteer.build import prior
from rasd.gazetteer.lookup import BLOCKED, Gazetteer

STRONG_ROLES = ("city", "region", "facility", "capital")
WEAK_ROLES = ("prep", "direction")
COMMAS = frozenset({"،", ","})
MIN_UNKNOWN = 3  # letters of an unknown word worth transliterating
SHORT_NAME = 3  # letters: a name this short after a split-off proclitic is doubtful


def _safe(p: Place) -> bool:
    return p.kind == "country" or p.curated


@dataclass
class Candidate:
    """A possible place mention over tokens [i, j)."""

    i: int
    j: int
    nstart: int  # normalised offsets of the name (proclitics excluded)
    nend: int
    prefix: str
    alias: str
    entries: list[tuple[int, int]]  # (place index, need); empty for transliterated/unknown
    level: int = 0
    role: str = ""
    type_tok: int | None = None  # the place-type word before it, when there is one
    guesses: list[tuple[float, Place]] = field(default_factory=list)
    chosen: Place | None = None
    unknown: bool = False  # no alias: a word to transliterate

    def accepted(self) -> bool:
        if self.unknown:
            return self.level >= 2 or bool(self.guesses)
        return any(need <= self.level for _, need in self.entries)


def _readings(tok: Token) -> list[tuple[str, str]]:
    """(prefix, base) readings of a word token, least stripped first."""
    if tok.kind != "word":
        return [("", tok.norm)]
    return [(s.prefix, s.base) for s in segmentations(tok.norm)]


def _role_of(gaz: Gazetteer, tok: Token) -> str:
    for _prefix, base in _readings(tok):
        role = gaz.role(base)
        if role:
            return role
    return ""


def _context(
    gaz: Gazetteer, doc: Doc, i: int, prefix: str, demonym_at: dict[int, str], short: bool = False
) -> tuple[int, str, int | None]:
    """(level, role, type-word token) for a name starting at token ``i``.

    A ب or ل proclitic ("in", "to") is weak context, except on a short name, where splitting
    it off is itself a guess (كريم is not ك + ريم).
    """
    level = 0
    bare = prefix.lstrip("وف")
    if bare[:1] in ("ب", "ل") and not short:
        level = 1
    k = i - 1
    if k >= 1 and k in demonym_at and _role_of(gaz, doc.tokens[k - 1]) in STRONG_ROLES:
        k -= 1  # العاصمة الكازاخية أستانا
    if k < 0:
        return level, "", None
    role = _role_of(gaz, doc.tokens[k])
    if role in STRONG_ROLES:
        return 2, role, k
    if role in WEAK_ROLES:
        return max(level, 1), "", None
    return level, "", None


def _find_demonyms(gaz: Gazetteer, doc: Doc) -> dict[int, tuple[int, int, str]]:
    """Token index → (normalised start, end, country) of demonym matches."""
    out: dict[int, tuple[int, int, str]] = {}
    toks = doc.tokens
    for m in gaz.demonym_matcher.find(doc):
        ns = toks[m.i].nstart + len(m.prefix)
        ne = toks[m.j - 1].nend - len(m.suffix)
        out[m.i] = (ns, ne, m.payload)
    return out


def _matches(gaz: Gazetteer, doc: Doc, demonym_at: dict[int, str]) -> list[Candidate]:
    toks = doc.tokens
    out = []
    for m in gaz.matcher.find(doc):
        if m.payload == BLOCKED:
            continue
        c = Candidate(
            m.i, m.j, toks[m.i].nstart + len(m.prefix), toks[m.j - 1].nend, m.prefix, m.payload,
            gaz.candidates(m.payload),
        )  # fmt: skip
        short = len(m.payload.replace(" ", "")) <= SHORT_NAME
        if m.prefix.lstrip("وف") and (short or "ك" in m.prefix):
            # a guessed proclitic: only names that are safe on their own (countries, curated)
            c.entries = [(idx, need) for idx, need in c.entries if need == 0 and _safe(gaz.place(idx))]
            if not c.entries:
                continue
        c.level, c.role, c.type_tok = _context(gaz, doc, m.i, m.prefix, demonym_at, short)
        out.append(c)
    return out


def _adjectival(gaz: Gazetteer, doc: Doc, c: Candidate) -> bool:
    """A definite one-word name right after a definite noun reads as an adjective
    (القوات السعودية، المنطقة الشرقية), unless a preposition or place word says otherwise."""
    if c.j - c.i != 1 or c.prefix or c.level > 0 or not c.alias.startswith("ال") or c.i == 0:
        return False
    prev = doc.tokens[c.i - 1]
    if prev.kind != "word" or _role_of(gaz, prev):
        return False
    return any(base.startswith("ال") and len(base) > 3 for _, base in _readings(prev))


def _linked(doc: Doc, a_end: int, b_start: int, b_prefix: str) -> bool:
    """Is the name at ``b_start`` coordinated with the one ending at ``a_end``?"""
    if b_start == a_end and b_prefix.startswith("و"):
        return True
    return b_start == a_end + 1 and doc.tokens[a_end].norm in COMMAS


def _propagate(doc: Doc, cands: list[Candidate]) -> None:
    """Coordination: X وY / X، Y share context, forwards (role too) and backwards (weak)."""
    for _ in range(2):
        for a, b in zip(cands, cands[1:], strict=False):
            if not _linked(doc, a.j, b.i, b.prefix):
                continue
            if a.accepted() and b.type_tok is None and a.level > b.level:
                b.level, b.role = a.level, a.role if a.role in ("city", "region") else b.role
            if b.accepted() and not a.accepted():
                a.level = max(a.level, 1)


def _unknown_word(gaz: Gazetteer, tok: Token) -> tuple[str, str] | None:
    """(prefix, base) of a word worth transliterating (only و/ف stripped), or None."""
    if tok.kind != "word":
        return None
    readings = [(p, b) for p, b in _readings(tok) if p in ("", "و", "ف")]
    if not readings:
        return None
    prefix, base = readings[-1]
    if len(base) < MIN_UNKNOWN or base.startswith("ال") or gaz.role(base) or gaz.is_demonym(base):
        return None
    if gaz.rule(base) in ("never", "strong"):
        return None
    return prefix, base


def _unknowns(
    gaz: Gazetteer, doc: Doc, cands: list[Candidate], demonym_at: dict[int, str]
) -> list[Candidate]:
    """Words that no alias covers but that stand where a place name stands."""
    covered = {k for c in cands for k in range(c.i, c.j)}
    starts = {c.i: c for c in cands}
    ends = {c.j: c for c in cands}
    toks = doc.tokens
    out: list[Candidate] = []
    for i, tok in enumerate(toks):
        if i in covered or i in demonym_at:
            continue
        unk = _unknown_word(gaz, tok)
        if unk is None:
            continue
        prefix, base = unk
        level, role, type_tok = _context(gaz, doc, i, prefix, demonym_at)
        prev = ends.get(i) or (out[-1] if out and out[-1].j == i else None)
        if level < 2 and prev is not None and prefix.startswith("و") and prev.level == 2:
            level, role = 2, prev.role if prev.role in ("city", "region") else ""
        nxt = starts.get(i + 1)
        coordinated = nxt is not None and nxt.prefix.startswith("و") and nxt.accepted()
        if level < 1 and not coordinated:
            continue
        c = Candidate(i, i + 1, tok.nstart + len(prefix), tok.nend, prefix, base, [], level, role, type_tok)
        c.level, c.unknown = max(level, 1), True
        out.append(c)
    return out


def _article_countries(gaz: Gazetteer, cands: list[Candidate], demonyms: list[str]) -> Counter[str]:
    """Countries the article mentions unambiguously (places and demonyms)."""
    counts: Counter[str] = Counter(demonyms)
    for c in cands:
        isos = {gaz.place(idx).country for idx, need in c.entries if need <= c.level}
        if len(isos) == 1:
            iso = isos.pop()
            if iso:
                counts[iso] += 1
    return counts


def _score(p: Place, c: Candidate, countries: Counter[str], admin1s: set[tuple[str, str]]) -> float:
    s = prior(p)
    if p.country and countries.get(p.country, 0) > (1 if p.kind == "country" else 0):
        s += 3.0
    elif p.country and countries.get(p.country):
        s += 1.5
    if c.role in ("city", "capital") and p.kind == "city":
        s += 3.0
    if c.role == "capital" and p.capital:
        s += 1.0
    if c.role == "region" and p.kind == "region":
        s += 3.0
    if not c.role and p.kind == "country":
        s += 2.0
    if not c.role and p.kind == "city":
        s += 0.8  # a bare name is the city rather than the province named after it
    if p.source == "extra":
        s += 1.0
    if p.capital:
        s += 0.5
    if p.country and p.admin1 and (p.country, p.admin1) in admin1s:
        s += 0.5
    return s


def _choose(
    gaz: Gazetteer, c: Candidate, countries: Counter[str], admin1s: set[tuple[str, str]]
) -> Place | None:
    options = [gaz.place(idx) for idx, need in c.entries if need <= c.level]
    if not options:
        return None
    return max(options, key=lambda p: _score(p, c, countries, admin1s))


def _guess(gaz: Gazetteer, doc: Doc, c: Candidate, countries: Counter[str]) -> None:
    """Transliteration for an unknown word (and the word after it, for two-word names)."""
    mentioned = [iso for iso, _ in countries.most_common()]
    weak = c.level < 2
    best = gaz.transliterate(c.alias, mentioned, strict=weak)
    nxt = doc.tokens[c.j] if c.j < len(doc.tokens) else None
    if nxt is not None and nxt.kind == "word" and not _role_of(gaz, nxt) and not nxt.norm.startswith("و"):
        two = gaz.transliterate(f"{c.alias} {nxt.norm}", mentioned, strict=weak)
        if two and (not best or two[0][0] >= best[0][0] + 3):
            best, c.j, c.nend = two, c.j + 1, nxt.nend
    if not best:
        return
    top = best[0][0]
    tied = [p for s, p in best if s >= top - 2]
    tied.sort(key=lambda p: (-countries.get(p.country or "", 0), -p.population))
    c.guesses = [(top, tied[0])]


def _emit(doc: Doc, c: Candidate, p: Place) -> None:
    kind = p.kind
    gid: int | None = p.geonameid
    ns = c.nstart
    if c.role == "region":
        if p.kind != "region":
            kind, gid = "region", None
        if c.type_tok is not None:
            ns = _type_start(doc, c.type_tok)
    elif c.role == "facility":
        if p.kind != "place":
            kind, gid = "place", None
        if c.type_tok is not None:
            ns = _type_start(doc, c.type_tok)
    span = doc.span_from_norm(
        ns, c.nend, "place",
        geonameid=gid, name=p.name or None, country=p.country, admin1=p.admin1, kind=kind, lat=p.lat, lon=p.lon,
    )  # fmt: skip
    doc.add("place", span)


def _type_start(doc: Doc, k: int) -> int:
    """Normalised start of a place-type word without its proclitics (بمحافظة → محافظة)."""
    gaz = gazetteer()
    tok = doc.tokens[k]
    for prefix, base in _readings(tok):
        if gaz.role(base):
            return tok.nstart + len(prefix)
    return tok.nstart


def places(doc: Doc) -> Doc:
    """Add ``place`` and ``demonym`` spans (see the module docstring)."""
    if not doc.tokens:
        return doc
    gaz = gazetteer()
    demonym_hits = _find_demonyms(gaz, doc)
    demonym_at = {i: hit[2] for i, hit in demonym_hits.items()}
    cands = _matches(gaz, doc, demonym_at)
    kept: list[Candidate] = []
    for c in cands:
        if _adjectival(gaz, doc, c):
            country = gaz.is_demonym(c.alias)
            if country:
                demonym_hits[c.i] = (c.nstart, c.nend, country)
                demonym_at[c.i] = country
            continue
        kept.append(c)
    _propagate(doc, kept)
    unknowns = _unknowns(gaz, doc, kept, demonym_at)
    _propagate(doc, sorted(kept + unknowns, key=lambda c: c.i))
    place_tokens = {k for c in kept for k in range(c.i, c.j)}
    demonyms = [country for i, (_, _, country) in demonym_hits.items() if i not in place_tokens]
    accepted = [c for c in kept if c.accepted()]
    countries = _article_countries(gaz, accepted, demonyms)
    for c in unknowns:
        _guess(gaz, doc, c, countries)
    admin1s: set[tuple[str, str]] = set()
    for c in accepted:
        c.chosen = _choose(gaz, c, countries, admin1s)
        if c.chosen and c.chosen.kind == "city" and c.chosen.country and c.chosen.admin1:
            admin1s.add((c.chosen.country, c.chosen.admin1))
    for c in unknowns:
        if c.guesses:
            c.chosen = c.guesses[0][1]
    found = sorted((c for c in accepted + unknowns if c.chosen), key=lambda c: c.nstart)
    for c in found:
        assert c.chosen is not None
        _emit(doc, c, c.chosen)
    for i, (ns, ne, country) in sorted(demonym_hits.items()):
        if i not in place_tokens:
            doc.add("demonym", doc.span_from_norm(ns, ne, "demonym", country=country))
    return doc
