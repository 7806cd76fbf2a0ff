"""Stage: places (geocoding) and demonyms.

1. Gazetteer aliases are found clitic-aware (بكازاخستان → كازاخستان, multi-word names such as
   الضفة الغربية); stop phrases (قناة الجزيرة) hide the names inside. Each word form is looked
   up once per process (``Gazetteer.word``), so most tokens cost one dict probe.
2. Each hit gets a context level from the words before it: 2 after a place-type word (مدينة،
   محافظة، مطار ...) or in the dateline, 1 after a preposition or direction word or with a ب/ل
   proclitic, and the level of its neighbour when coordinated with a place (وأكتاو، ...). A
   gazetteer place counts only when its ``need`` (population, stoplist, common word, spelling
   source) is at most that level.
3. Unknown words in strong context (مدينتي جاناوزين) are matched by transliteration against
   GeoNames Latin names, preferring the countries the article mentions.
4. Among candidates, the one consistent with the article's countries wins, then the kind the
   context asks for, then curated entries, countries and population. A town abroad named
   without a place-type word needs its country mentioned elsewhere in the article (من طراز
   شاهد in a report on Ukraine is not Taraz).
5. Place spans of the dateline (``باماكو - ...``, ``صفاقس (تونس) - ...``) carry
   ``data["dateline"] = True``: the place of the reporting, not necessarily of the events.

>>> from rasd.pipeline import read
>>> doc = read("اندلعت احتجاجات في مدينتي جاناوزين وأكتاو بكازاخستان", until="places")
>>> [(doc.text[s.start:s.end], s.data["name"], s.data["country"]) for s in doc.get("place")]
[('جاناوزين', 'Zhanaozen', 'KZ'), ('أكتاو', 'Aktau', 'KZ'), ('كازاخستان', 'Kazakhstan', 'KZ')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rasd.arabic.normalise import fold
from rasd.arabic.transliterate import transliterate
from rasd.doc import Doc, Token
from rasd.gazetteer import Place, gazetteer
from rasd.gazetteer.build import ARAB_COUNTRIES, SAFE_POPULATION, prior
from rasd.gazetteer.lookup import BLOCKED, Gazetteer, Word
from rasd.outlets import home_country

STRONG_ROLES = frozenset(("city", "region", "facility", "capital"))
WEAK_ROLES = frozenset(("prep", "direction"))
COMMAS = frozenset({"،", ","})
DASHES = frozenset({"-", "–", "—"})
PRONOUN_SUFFIXES = ("تها", "تهم", "تهما", "يتها", "اتها", "اتهم")  # not how a place name ends
SHORT_NAME = 3  # letters: a name this short after a split-off proclitic is doubtful
DATELINE_TOKENS = 12  # a dateline ends with a dash within this many tokens of the start
SUPPORTED_POPULATION = 1_000_000  # a city abroad this big needs no support from the article
HOME_MENTIONS = 2  # a national outlet's home country counts as this many mentions
DOMINANT_RATIO = 10  # a city of 100,000+ hides foreign namesakes this many times smaller
KINDS = {"city": "city", "region": "region", "facility": "place"}  # a local name's kind by role


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
    dateline: bool = False
    told: str = ""  # the country of a nationality adjective right after it (طرابلس الليبية)

    def accepted(self) -> bool:
        if self.unknown:
            return self.level >= 2 or bool(self.guesses)
        return any(need <= self.level for _, need in self.entries)


class _Article:
    """Per-document state: tokens, their ``Word`` records, demonyms and the dateline."""

    def __init__(self, gaz: Gazetteer, doc: Doc) -> None:
        self.gaz = gaz
        self.doc = doc
        self.toks: list[Token] = doc.tokens
        self.words: list[Word] = gaz.words(self.toks)
        self.demonym_hits: dict[int, tuple[int, int, str]] = {}
        for h in gaz.match(self.toks, self.words, demonyms=True):
            ns = self.toks[h.i].nstart + len(h.prefix)
            self.demonym_hits[h.i] = (ns, self.toks[h.j - 1].nend, h.payload)
        self.dateline_end = _dateline_end(gaz, doc)
        self.blocked: set[int] = set()  # tokens of stop phrases (filled by ``_matches``)

    def demonym_at(self, i: int) -> bool:
        return i in self.demonym_hits

    def context(self, i: int, prefix: str, short: bool = False) -> tuple[int, str, int | None]:
        """(level, role, type-word token) for a name starting at token ``i``.

        A ب or ل proclitic ("in", "to") is weak context, except on a short name, where splitting
        it off is itself a guess (كريم is not ك + ريم).
        """
        level = 0
        bare = prefix.lstrip("وف")
        if bare[:1] in ("ب", "ل") and not short:
            level = 1
        k = i - 1
        if k >= 1 and k in self.demonym_hits and self.words[k - 1].role in STRONG_ROLES:
            k -= 1  # العاصمة الكازاخية أستانا
        if k < 0:
            return level, "", None
        role = self.words[k].role
        if role in STRONG_ROLES:
            return 2, role, k
        if role in WEAK_ROLES:
            return max(level, 1), "", None
        return level, "", None


def _dateline_end(gaz: Gazetteer, doc: Doc) -> int:
    """Token index of the dash that ends the dateline (``باماكو - ...``), or 0 when none.

    The dateline is the first few tokens of the text, before a dash (or a tatweel used as one,
    ``القاهرة ـ``), with no sentence end before it.
    """
    toks = doc.tokens
    if not toks or toks[0].kind != "word":
        return 0
    first = gaz.word(toks[0])
    if toks[0].norm in gaz.data.common or first.role or not (first.places or first.unknown):
        return 0  # قال مسؤول في بغداد - ...: a dateline opens with a name
    return dateline_dash(doc)


def dateline_dash(doc: Doc) -> int:
    """Token index of the dash that ends the first few tokens of the text (or of the token after
    a tatweel used as one), or 0 when a sentence or a line ends first: where a dateline would
    end. The events stage reads it for articles whose dateline the places stage found."""
    toks = doc.tokens
    for k, tok in enumerate(toks[:DATELINE_TOKENS]):
        if tok.norm in DASHES:
            return k
        if tok.norm in (".", "!", "؟", "?", ":") or "\n" in doc.text[tok.start : tok.end]:
            return 0
        if k + 1 < len(toks):
            gap = doc.text[tok.end : toks[k + 1].start]
            if "\n" in gap:
                return 0
            if "ـ" in gap and k < DATELINE_TOKENS - 1:
                return k + 1
    return 0


def _matches(art: _Article) -> list[Candidate]:
    gaz, toks = art.gaz, art.toks
    out = []
    for m in gaz.match(toks, art.words):
        if m.payload == BLOCKED:
            art.blocked.update(range(m.i, m.j))  # ولاية سيناء: an organisation, no place in it
            continue
        if m.j - m.i == 1 and art.words[m.i].role:
            continue  # a place-type word itself (سوق بمدينة الموصل)
        if m.prefix and m.i > 0 and art.words[m.i - 1].role in STRONG_ROLES:
            continue  # قرية فاحل is no ف + احل: a name right after a place-type word has no proclitic
        if m.prefix and toks[m.i].norm in gaz.data.common_words:
            continue  # وزارة، وقفة: a common word, not و + زارة
        if m.j - m.i == 1 and toks[m.i].text.endswith(("ً", "اً")) and m.payload.endswith("يا"):
            continue  # مهاجرا غامبياً: an adjective with its tanween, not the country
        c = Candidate(
            m.i, m.j, toks[m.i].nstart + len(m.prefix), toks[m.j - 1].nend, m.prefix, m.payload,
            gaz.candidates(m.payload),
        )  # fmt: skip
        short = len(m.payload.replace(" ", "")) <= SHORT_NAME
        conj_only = m.prefix and not m.prefix.lstrip("وف")
        if (m.prefix.lstrip("وف") and (short or "ك" in m.prefix)) or (
            conj_only and short and "ف" in m.prefix
        ):
            # a guessed proclitic (كريم, فرقه): only names that are safe on their own
            c.entries = [(idx, need) for idx, need in c.entries if need == 0 and _safe(gaz.place(idx))]
            if not c.entries:
                continue
        c.level, c.role, c.type_tok = art.context(m.i, m.prefix, short)
        if m.j <= art.dateline_end:
            c.dateline = True
            if m.i == 0:  # a dateline opens with a city (بغداد، جدة) ...
                c.level = 2
                if not _names_country_and_capital(gaz, c):
                    c.role = c.role or "city"  # ... but تونس، الكويت stay the country
            else:  # صفاقس (تونس) -
                c.level = max(c.level, 1)
        out.append(c)
    return out


def _names_country_and_capital(gaz: Gazetteer, c: Candidate) -> bool:
    """Does the alias name a country and its capital (تونس، الكويت، الجزائر، جيبوتي)? Such a
    surface is read as the country, in a dateline too."""
    places = [gaz.place(idx) for idx, _ in c.entries]
    countries = {p.country for p in places if p.kind == "country"}
    return any(p.capital and p.country in countries for p in places)


def _adjectival(art: _Article, c: Candidate) -> bool:
    """A definite one-word name right after a definite noun reads as an adjective
    (القوات السعودية، المنطقة الشرقية), unless a preposition or place word says otherwise."""
    if c.j - c.i != 1 or c.prefix or c.level > 0 or not c.alias.startswith("ال") or c.i == 0:
        return False
    prev = art.words[c.i - 1]
    if art.toks[c.i - 1].kind != "word" or prev.role:
        return False
    return prev.definite


def _linked(doc: Doc, a_end: int, b_start: int, b_prefix: str) -> bool:
    """Is the name at ``b_start`` coordinated with the one ending at ``a_end``?"""
    if b_start == a_end and b_prefix.startswith("و"):
        return True
    return b_start == a_end + 1 and doc.tokens[a_end].norm in COMMAS


def _propagate(doc: Doc, cands: list[Candidate], gaz: Gazetteer | None = None) -> None:
    """Coordination: X وY / X، Y share context, forwards (role too) and backwards (weak). A
    common word (وأمين سر اللجنة) is lifted no higher than weak context."""
    for _ in range(2):
        for a, b in zip(cands, cands[1:], strict=False):
            if not _linked(doc, a.j, b.i, b.prefix):
                continue
            if a.accepted() and b.type_tok is None and a.level > b.level:
                cap = 1 if gaz is not None and gaz.is_common(b.alias) else a.level
                # قرطاجنة، كولومبيا: a country after a city keeps its own reading, not the city's role
                country = gaz is not None and any(gaz.place(idx).kind == "country" for idx, _ in b.entries)
                b.level, b.role = (
                    max(b.level, min(a.level, cap)),
                    a.role if a.role in ("city", "region") and not country else b.role,
                )
            elif a.accepted() and b.type_tok is None and b.prefix.startswith("و"):
                b.level = max(b.level, 1)  # النيجر وبوركينا فاسو ومالي: a list of places
            if b.accepted() and not a.accepted():
                a.level = max(a.level, 1)
        # في ذيبان والبصيرة والشحيل: a name between two places of a list is a place of the list
        for a, b, c in zip(cands, cands[1:], cands[2:], strict=False):
            if (
                a.accepted()
                and c.accepted()
                and _linked(doc, a.j, b.i, b.prefix)
                and _linked(doc, b.j, c.i, c.prefix)
                and b.type_tok is None
            ):
                b.level = max(b.level, 2)


def _repeated(cands: list[Candidate], gaz: Gazetteer) -> None:
    """A name read as a place where its context said so (بلدة طمون) is that place each time the
    article names it again (اقتحمت طمون): one sense a name in one article. Common words
    (الأمن، كان) are left to their own context."""
    level: dict[str, int] = {}
    for c in cands:
        if c.accepted() and c.level >= 1:
            level[c.alias] = max(level.get(c.alias, 0), c.level)
    for c in cands:
        if not c.accepted() and c.alias in level and not gaz.is_common(c.alias):
            c.level = level[c.alias]


def _unknowns(art: _Article, cands: list[Candidate]) -> list[Candidate]:
    """Words that no alias covers but that stand where a place name stands."""
    covered = {k for c in cands for k in range(c.i, c.j)}
    starts = {c.i: c for c in cands}
    ends = {c.j: c for c in cands}
    toks, words = art.toks, art.words
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w.unknown is None or i in covered or i in art.blocked or art.demonym_at(i):
            continue
        prefix, base = w.unknown
        if prefix and i > 0 and words[i - 1].role in STRONG_ROLES:
            continue  # قرية فاحل is no ف + احل: the local names take the whole word
        near = (
            i == 0
            or bool(words[i - 1].role)
            or (i - 1) in art.demonym_hits
            or i in ends
            or (i + 1) in starts
            or bool(out and out[-1].j == i)
        )
        if not near:
            continue  # no context word before it and no place beside it: the common case
        if not prefix and i > 0 and _local_word(art, i - 1) and _agrees(art, toks[i].norm, i - 1):
            continue  # أحياء متفرقة، مقاطعة شاملة: an adjective, no name
        level, role, type_tok = art.context(i, prefix)
        dateline = i == 0 and art.dateline_end > 0
        if dateline:
            level, role = 2, role or "city"
        prev = ends.get(i) or (out[-1] if out and out[-1].j == i else None)
        if level < 2 and prev is not None and prefix.startswith("و") and prev.level == 2:
            level, role = 2, prev.role if prev.role in ("city", "region") else ""
        nxt = starts.get(i + 1)
        coordinated = nxt is not None and nxt.prefix.startswith("و") and nxt.accepted()
        if level < 1 and not coordinated:
            continue
        tok = toks[i]
        c = Candidate(i, i + 1, tok.nstart + len(prefix), tok.nend, prefix, base, [], level, role, type_tok)
        c.level, c.unknown, c.dateline = max(level, 1), True, dateline
        out.append(c)
    return out


class _Countries:
    """The countries an article mentions unambiguously (places and demonyms), with the share of
    each alias's weak mentions, so that a mention can be checked against the rest of the
    article (a mention after a place-type word, مدينة الزاوية, supports later bare ones)."""

    def __init__(self, gaz: Gazetteer, cands: list[Candidate], demonyms: list[str]) -> None:
        self.counts: Counter[str] = Counter(demonyms)
        self.own: Counter[tuple[str, str]] = Counter()
        self.own_all: Counter[tuple[str, str]] = Counter()
        for c in cands:
            isos = {gaz.place(idx).country for idx, need in c.entries if need <= c.level}
            if len(isos) == 1:
                iso = isos.pop()
                if iso:
                    self.counts[iso] += 1
                    self.own_all[(c.alias, iso)] += 1
                    if c.level < 2:
                        self.own[(c.alias, iso)] += 1
        self.total = sum(self.counts.values())

    def others(self, alias: str, iso: str | None) -> tuple[int, int]:
        """(mentions of ``iso``, mentions of any country) outside the alias's own mentions."""
        if not iso:
            return 0, self.total
        own = self.own.get((alias, iso), 0)
        return self.counts.get(iso, 0) - own, self.total - own

    def support(self, alias: str, iso: str | None) -> int:
        """Mentions of ``iso`` other than the alias's own: الجزائر alone says nothing for
        Algiers over Algeria."""
        return self.counts.get(iso or "", 0) - self.own_all.get((alias, iso or ""), 0)


def _supported(gaz: Gazetteer, p: Place, c: Candidate, countries: _Countries) -> bool:
    """May ``p`` stand here? A GeoNames city without a place-type word before it needs its
    country among the article's other mentions (or an article that mentions no country),
    unless it is a capital, has 1,000,000+ people, or is an Arab city of 100,000+ after a
    preposition. A common word (سلطات، وقف) always needs the support, and can't have it from
    an article without countries."""
    if c.level >= 2 or p.source != "geonames" or p.kind != "city":
        return True
    common = gaz.is_common(c.alias)
    if not common and (p.capital or p.population >= SUPPORTED_POPULATION):
        return True
    if not common and c.level == 1 and p.country in ARAB_COUNTRIES and p.population >= SAFE_POPULATION:
        return True  # في الموصل: an Arab city of 100,000+ after a preposition
    same, anything = countries.others(c.alias, p.country)
    return same > 0 or (anything == 0 and not common)


def _score(p: Place, c: Candidate, countries: _Countries, admin1s: set[tuple[str, str]]) -> float:
    s = prior(p)
    support = countries.support(c.alias, p.country)
    if p.country and support > 0:
        s += 3.0
    elif p.country and countries.counts.get(p.country):
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


def _without_small_namesakes(options: list[Place]) -> list[Place]:
    """Drop GeoNames towns outside the Arab world that share their name with a city of
    SAFE_POPULATION+ and are under SAFE_POPULATION or DOMINANT_RATIO times smaller than it:
    موسكو is Moscow and جنيف Geneva even in a report that names the United States, not Mesquite
    (Texas) or Geneva (New York). Arab towns stay (الإسكندرية in Babil is not hidden by
    Alexandria)."""
    biggest = max((p.population for p in options if p.kind == "city"), default=0)
    if biggest < SAFE_POPULATION:
        return options
    floor = max(biggest / DOMINANT_RATIO, SAFE_POPULATION)
    return [
        p
        for p in options
        if p.kind != "city" or p.source != "geonames" or p.country in ARAB_COUNTRIES or p.population >= floor
    ]


def _choose(
    gaz: Gazetteer, c: Candidate, countries: _Countries, admin1s: set[tuple[str, str]]
) -> Place | None:
    every = [gaz.place(idx) for idx, need in c.entries if need <= c.level]
    kept = every if c.role == "facility" else _without_small_namesakes(every)
    # a city that hides its namesakes needs no support: جنيف is Geneva
    famous = len(kept) < len(every) and not gaz.is_common(c.alias)
    options = [
        p for p in kept if _supported(gaz, p, c, countries) or (famous and p.population >= SAFE_POPULATION)
    ]
    if not options:
        return None
    told = [p for p in options if c.told and p.country == c.told]
    return max(told or options, key=lambda p: _score(p, c, countries, admin1s))


def _told(art: _Article, j: int) -> str:
    """The country of a nationality adjective at token ``j`` (طرابلس الليبية), or ''."""
    hit = art.demonym_hits.get(j)
    return hit[2] if hit else ""


def _guess(art: _Article, c: Candidate, countries: Counter[str]) -> None:
    """Transliteration for an unknown word (and the word after it, for two-word names)."""
    gaz = art.gaz
    mentioned = [iso for iso, _ in countries.most_common()]
    weak = c.level < 2
    best = gaz.transliterate(c.alias, mentioned, strict=weak)
    if c.j < len(art.toks):
        nxt, nw = art.toks[c.j], art.words[c.j]
        if nw.unknown is not None and not nw.unknown[0] and not nw.role:
            two = gaz.transliterate(f"{c.alias} {nxt.norm}", mentioned, strict=weak)
            if two and (not best or two[0][0] >= best[0][0] + 3):
                best, c.j, c.nend = two, c.j + 1, nxt.nend
                c.told = _told(art, c.j)
    if best and c.told:
        # ولاية تاتشيرا الفنزويلية: the nationality after the name says where it is
        best = [(s, p) for s, p in best if p.country == c.told]
    if not best:
        return
    top = best[0][0]
    tied = [p for s, p in best if s >= top - 2]
    tied.sort(key=lambda p: (-countries.get(p.country or "", 0), -p.population))
    c.guesses = [(top, tied[0])]


# a past verb of a plural subject, or with an object pronoun: اعتقلوه، أحرقوها، فرّوا
VERB_ENDINGS = ("وه", "وها", "وهم", "وهما", "وا")
KNOWN_TOWN = 40_000  # a transliterated town this big in a country the article names may stand


def _local_facility(
    art: _Article, c: Candidate, countries: Counter[str], own: int, located: list[Candidate]
) -> Place | None:
    """A camp, a village or a district named after a local place-type word that GeoNames doesn't
    know, or knows only as a small town abroad (مخيم زمزم، مخيم كلمة in a report on Sudan; حي
    الكرامة in Tal Afar), in the article's main country, unlocated. Not for an adjective (مخيم
    صيفي). ``own``: the mentions of the alias counted among ``countries``; ``located``: the
    places read from the gazetteer, whose country in the sentence the local place takes."""
    p = c.chosen
    name = c.alias.split()[-1]
    if not c.unknown and not (p and p.curated) and art.gaz.rule(c.alias) == "generic":
        return None  # مديرية أمن إسطنبول: the security directorate, not a town named أمن
    if (
        not c.unknown
        and p is not None
        and not p.curated
        and countries.get(p.country or "", 0) <= own
        and _adjective(art, name, c.type_tok)
    ):
        return None  # منفذ بحري "a seaport" in a report on Somaliland, not Khartoum North (بحري)
    if c.unknown:
        # مخيم صيفي, مخيم للنازحين; but a town the transliteration found (بلدة نيافونكي) stays
        nisba = name.endswith("ي") and (p is None or _adjective(art, name, c.type_tok))
        if nisba or name.startswith(("لل", "ال", "بال", "كال")) or art.gaz.is_demonym(name):
            return None
        if name.endswith(PRONOUN_SUFFIXES) and len(name) >= 5:
            return None  # أي جهة مسؤوليتها: a noun with a pronoun
        if p is not None:
            # a transliteration (معبر مالانفيل) keeps its country when a town of its sentence
            # agrees or, with none, the article's main country, or a country it names twice for a
            # town of KNOWN_TOWN people: not Leeds for شاطئ ليدو in Mogadishu, not Columbine for
            # حي كولوبان in Dakar
            towns = [x for x in located if x.chosen is not None and x.chosen.kind != "country"]
            near = _sentence_country(art, towns, c)
            main = countries.most_common(1)[0][0] if countries else None
            named = countries.get(p.country or "", 0) >= 2 and p.population >= KNOWN_TOWN
            if p.country == (near or main) or (near is None and named):
                return p
            p = None
    elif p is not None and _street_named_for(art, c, p):
        named = _named_street(art, c, p, located, countries)
        if named is not p:
            return named
    elif (
        p is None
        or p.kind not in ("city", "region")
        or p.capital
        or p.curated
        or (
            p.population >= SUPPORTED_POPULATION
            and (countries.get(p.country or "", 0) > own or not countries)
        )
    ):
        return p  # a curated town (بوكروفسك) is what the data says it is; منطقة صلاح الدين in
        # Tripoli is no Iraqi province: a region abroad is checked like a small town, and so is
        # a big city of a country the article names nowhere else (حي كولون in Hong Kong: no Köln)
    others = countries.copy()
    if p is not None:
        others[p.country or ""] -= own
        if others[p.country or ""] > 0:
            return p
    others = +others
    if not others:
        return p
    if c.unknown and not c.prefix and c.type_tok is not None:
        # حي حمر ججب: the local name may go on past the unknown word
        named = _type_word(art, c.type_tok) in art.gaz.data.named
        end = _local_name_end(art, c.i, set(), named, "", c.type_tok)
        if end is not None and end > c.j:
            c.j, c.nend = end, art.toks[end - 1].nend
    # وفي مدينة السويداء، تجمعوا في ساحة الكرامة: the country of its sentence, else the article's
    iso = c.told or _sentence_country(art, located, c) or others.most_common(1)[0][0]
    return _local_place(_unclitic_text(art, c), iso, c.role)


def _unclitic_text(art: _Article, c: Candidate) -> str:
    """The words of ``c`` as written, less the proclitic of the first."""
    words = [t.text for t in art.toks[c.i : c.j]]
    words[0] = words[0][len(c.prefix) :]
    return " ".join(words)


def _street_named_for(art: _Article, c: Candidate, p: Place | None) -> bool:
    """A street, square or bridge word (شارع، ساحة، جسر) before the name of a country or a
    city, or a market, camp or other local facility before a country's: the name may honour it
    (شارع الجزائر، ساحة بغداد، سوق ليبيا in Omdurman) rather than locate it."""
    if p is None or p.kind not in ("city", "country") or c.type_tok is None:
        return False
    word = _type_word(art, c.type_tok)
    if p.kind == "country" and art.words[c.type_tok].role == "facility":
        return word in art.gaz.data.local
    return word in art.gaz.data.named


def _named_street(
    art: _Article, c: Candidate, p: Place, located: list[Candidate], countries: Counter[str]
) -> Place:
    """شارع الجزائر in Basra, ساحة الكرامة in Suwayda: a local street of its sentence's country
    when that differs from the country of the place it is named for; with no country in the
    sentence, of the article's main country when the article names the place's country nowhere
    else; else that place."""
    near = _sentence_country(art, located, c)
    if near is None and countries and countries.get(p.country or "", 0) <= 1:
        near = countries.most_common(1)[0][0]
    if near is not None and near != p.country:
        return _local_place(_unclitic_text(art, c), near, c.role)
    return p


def _local_place(name: str, iso: str | None, role: str) -> Place:
    """An unlocated place no gazetteer knows, named by the transliteration of ``name``, its kind
    from the role of its place-type word."""
    kind = KINDS.get(role, "place")
    latin = transliterate(name)
    if latin.startswith("al-") and len(latin) > 3:
        latin = latin[3].upper() + latin[4:]  # the press drops the article: Hamra, Sheikh Radwan
    return Place(None, latin, iso, None, kind, None, None, source="context")


def _type_word(art: _Article, k: int) -> str:
    """The place-type word at token ``k`` without its proclitics."""
    return art.toks[k].norm[len(art.words[k].role_prefix) :]


def _local_word(art: _Article, k: int) -> bool:
    """Is token ``k`` a place-type word whose unknown names are local places (a camp, a village,
    a district, a street: context.tsv, local = yes), unlike an airport or a river, which may be
    abroad (مطار هيثرو in a report from Baghdad)? Not a definite one (المنطقة is no name's head)."""
    return bool(art.words[k].role) and _type_word(art, k) in art.gaz.data.local


def _name_word(art: _Article, i: int, named: bool = False, type_tok: int | None = None) -> bool:
    """Can token ``i`` be (part of) a local place name: a word that is not a context word, a
    common word, a demonym or an indefinite adjective (قرية نائية، حي سكني)? After a word whose
    names may be common words (``named``: ساحة الشهداء) only the generic ones are out (ساحة
    المعركة)."""
    tok, w = art.toks[i], art.words[i]
    if tok.kind != "word" or w.role or i in art.demonym_hits:
        return False
    form = tok.norm
    core = form[2:] if form.startswith("ال") else form
    data = art.gaz.data
    rule = art.gaz.rule(form)
    if len(core) < 2 or rule == "generic" or art.gaz.is_demonym(form) or form.startswith("ل"):
        return False  # منطقة للتنقيب: a preposition, not a name
    if form[:1] in "بك" and form[1:] in data.common_words:
        return False  # مدن بالإقليم، مقاطعة كوتوباكسي بتهمة: a preposition and a common noun
    definite = form.startswith("ال")
    if (not named or not definite) and (
        form in data.common_words or core in data.common_words or rule == "never"
    ):
        return False  # ساحة عامة; but ساحة الشهداء
    if definite:
        return True
    if form.startswith(("مت", "مست")) and len(form) >= 6:
        return False  # a participle: منطقة متنازع عليها
    if form.endswith(PRONOUN_SUFFIXES) and len(form) >= 5:
        return False  # a noun with a pronoun: أي جهة مسؤوليتها
    return not _adjective(art, form, type_tok)


BROKEN_PLURAL_TYPES = frozenset(fold(w) for w in ("مدن", "قرى", "أحياء"))
BOYCOTT = fold("مقاطعة")  # a province, and a boycott


def _agrees(art: _Article, form: str, type_tok: int) -> bool:
    """An indefinite feminine word that agrees with the place-type word before it as its
    adjective: after a plural (أحياء متفرقة، مدن ميتة، مقاطعات عدة), or a فاعلة participle
    after مقاطعة (مقاطعة شاملة: a boycott, not a province; but منطقة ساقية سيدي يوسف)."""
    if not form.endswith("ه") or form.startswith("ال"):
        return False
    word = _type_word(art, type_tok)
    if word.endswith("ات") or word in BROKEN_PLURAL_TYPES:
        return True
    return word == BOYCOTT and len(form) == 5 and form[1] == "ا"


def _adjective(art: _Article, form: str, type_tok: int | None) -> bool:
    """An indefinite nisba adjective after a place-type word: its stem is a common word (حي
    سكني، سوق شعبي، مستشفى ميداني), or it is feminine after a feminine word (قرية نائية، بلدة
    حدودية). Foreign names that end alike stay names (بلدة نيافونكي، حي كانغيمي)."""
    data = art.gaz.data
    if form.endswith("ه") and form[:-1] in data.common_words:
        return True  # بلدة قريبة من المدينة: the feminine of a common word
    if type_tok is not None and _agrees(art, form, type_tok):
        return True
    for ending in ("يه", "ي"):
        if form.endswith(ending):
            stem = form[: -len(ending)]
            if stem in data.common_words or "ال" + stem in data.common_words or stem in data.context:
                return True
            if ending != "ي" and stem + "ي" in data.common_words:
                return True  # عسكرية: the feminine of a listed adjective
            if ending != "ي" and type_tok is not None:
                return _type_word(art, type_tok).endswith(("ه", "تي", "تا"))
            return False
    return False


def _local_names(art: _Article, found: list[Candidate], countries: Counter[str]) -> list[Candidate]:
    """Names that no gazetteer knows right after a local place-type word (قرية أم التينة، حي
    الشجاعية، ناحية العلم، شارع الجمهورية): one word, or two after a name head (أم، بيت، كفر ...),
    and a second name joined by و (مخيمي زمزم وأبو شوك). They are put in the country of the
    nearest place of their sentence, else the article's main country, unlocated."""
    toks, words = art.toks, art.words
    covered = {k for c in found for k in range(c.i, c.j)}
    out: list[Candidate] = []
    n = len(toks)
    after_type = {c.type_tok: c.j for c in found if c.type_tok is not None}
    for k in range(n - 1):
        if k in covered or not _local_word(art, k):
            continue
        w = words[k]
        named = _type_word(art, k) in art.gaz.data.named
        start, prefix = k + 1, ""
        if k + 1 in covered:
            if k not in after_type:
                continue
            start, prefix = after_type[k], "و"  # مخيمي زمزم (known) وأبو شوك
            if start >= n or not toks[start].norm.startswith("و") or start in covered:
                continue
        while start < n:
            j = _local_name_end(art, start, covered, named, prefix, k)
            if j is None:
                break
            text = " ".join(t.text for t in toks[start:j])[len(prefix) :]
            c = Candidate(
                start, j, toks[start].nstart + len(prefix), toks[j - 1].nend, prefix, fold(text), []
            )
            # the second of two names joined by و does not take the type word into its span
            c.level, c.role, c.type_tok, c.unknown = 2, w.role, None if prefix else k, True
            iso = _sentence_country(art, found, c) or (countries.most_common(1)[0][0] if countries else None)
            c.chosen = _local_place(text, iso, w.role)
            covered.update(range(k, j))
            out.append(c)
            # مخيمي زمزم وأبو شوك، بمديريتي هودن وكاران: a second name joined by و
            if j >= n or not toks[j].norm.startswith("و") or j in covered:
                break
            start, prefix = j, "و"
    return out


def _local_name_end(
    art: _Article, i: int, covered: set[int], named: bool, prefix: str, type_tok: int
) -> int | None:
    """The end of a local name starting at token ``i`` (after ``prefix``, a و), or None: one
    word, or two after a name head (أم التينة) or for two indefinite name words (حمر ججب)."""
    toks, words, n = art.toks, art.words, len(art.toks)
    data = art.gaz.data
    if i in covered or toks[i].kind != "word":
        return None
    first = toks[i].norm[len(prefix) :]
    j = i + 1
    if first in data.name_heads:
        if j >= n or j in covered or toks[j].kind != "word" or words[j].role or j in art.demonym_hits:
            return None  # a head alone (قرية أم) is no name
        return j + 1
    if prefix:
        core = first[2:] if first.startswith("ال") else first
        if art.gaz.context_with_pronoun(first):
            return None  # مدينة جنين ومخيمها: "and its camp"
        whole = toks[i].norm
        if len(core) < 3 or first in data.common_words or core in data.common_words or art.gaz.role(first):
            return None  # وقال، وفي: the clause goes on, no second name
        if whole in data.common_words or art.gaz.rule(whole) == "never" or art.gaz.rule(first) == "never":
            return None  # وقفة، وأصاب: a word of its own, not و + a name
        if len(first) >= 5 and first.endswith(VERB_ENDINGS):
            return None  # حي سيبينيكورو واعتقلوه: a verb with its object, not a second name
    elif not _name_word(art, i, named, type_tok):
        return None
    if first.startswith("ال") or j >= n or j in covered:
        return j
    second = toks[j].norm
    if second.startswith("و"):
        return j  # حمروين ودينيلي: a second place joined by و, not a second word of this one
    if second[:1] in "بل" and (second[1:] in data.aliases or second[1:] in data.multi_first):
        return j  # ساحة مسقل بأديس أبابا: the city it lies in, after ب
    if not second.startswith("ال"):
        return j + 1 if _name_word(art, j, named, type_tok) else j  # حي حمر ججب، بلدة مير علي
    if _name_word(art, j, True, type_tok) and not second.endswith(("يه", "ي")):
        return j + 1  # منطقة جليب الشيوخ: a name in the construct state (its genitive may be any noun)
    return j


def _one_country(found: list[Candidate], countries: _Countries) -> None:
    """A name read in two countries in one article is one place: the reading in the country the
    rest of the article names most (المنصورة of Aden's districts is not Egypt's Mansoura two
    sentences on). Readings in one country (محافظة بغداد and بغداد) stay as they are."""
    readings: dict[str, list[Candidate]] = {}
    for c in found:
        if c.chosen is not None and c.chosen.country and c.chosen.kind != "country":
            readings.setdefault(c.alias, []).append(c)
    for group in readings.values():
        if len({c.chosen.country for c in group if c.chosen}) < 2:
            continue
        best = max(
            group, key=lambda c: (countries.support(c.alias, c.chosen.country if c.chosen else None), -c.i)
        )
        for c in group:
            if c.chosen is not None and best.chosen is not None and c.chosen.country != best.chosen.country:
                c.chosen = best.chosen


def _locate_locals(art: _Article, found: list[Candidate]) -> None:
    """A local place (حي الكرادة وسط بغداد) takes the coordinates and admin1 of the nearest town or
    region of its sentence in the same country: approximate, but on the map where it belongs."""
    towns = [
        (x.i, x.chosen)
        for x in found
        if x.chosen is not None and x.chosen.lat is not None and x.chosen.kind in ("city", "region")
    ]
    for c in found:
        p = c.chosen
        if p is None or p.source != "context" or p.lat is not None:
            continue
        near = _in_sentence(art, [(i, t) for i, t in towns if t.country == p.country], c)
        if near:
            town = min(near, key=lambda t: t[0])[1]
            c.chosen = p._replace(lat=town.lat, lon=town.lon, admin1=town.admin1)


def _sentence_country(art: _Article, found: list[Candidate], c: Candidate) -> str | None:
    """The country of the place nearest to ``c`` in its sentence (``c`` itself aside)."""
    chosen = [(x.i, x.chosen) for x in found if x is not c and x.chosen is not None and x.chosen.country]
    near = [(d, p.country) for d, p in _in_sentence(art, chosen, c)]
    return min(near)[1] if near else None


def _in_sentence(art: _Article, places: list[tuple[int, Place]], c: Candidate) -> list[tuple[int, Place]]:
    """(distance to ``c``, place) for the places (first token, place) of ``c``'s sentence."""
    sent = art.toks[c.i].sentence
    return [(abs(i - c.i), p) for i, p in places if art.toks[i].sentence == sent]


def _emit(art: _Article, c: Candidate, p: Place) -> None:
    doc = art.doc
    kind = p.kind
    gid: int | None = p.geonameid
    ns = c.nstart
    if c.role == "region":
        if p.kind != "region":
            kind, gid = "region", None
        if c.type_tok is not None and not _plural_type(art, c.type_tok):
            ns = _type_start(art, c.type_tok)
    elif c.role == "facility":
        if p.kind != "place":
            kind, gid = "place", None
        if c.type_tok is not None and not _plural_type(art, c.type_tok):
            ns = _type_start(art, c.type_tok)
    # a local district, camp or street (مديرية المنصورة، مخيم زمزم): it lies within a town
    local = p.source == "context" or (c.type_tok is not None and _local_word(art, c.type_tok))
    span = doc.span_from_norm(
        ns, c.nend, "place",
        geonameid=gid, name=p.name or None, country=p.country, admin1=p.admin1, kind=kind, lat=p.lat,
        lon=p.lon, dateline=c.dateline, capital=p.capital, local=local,
    )  # fmt: skip
    doc.add("place", span)


def _plural_type(art: _Article, k: int) -> bool:
    """A dual or plural place-type word (مخيمي، مديريتي، محافظات) names several places: it
    stays out of each one's span (مخيمي زمزم وأبو شوك → زمزم، أبو شوك); so does a generic
    region word (context.tsv span = out: منطقة، جزيرة)."""
    word = _type_word(art, k)
    if word.endswith(("تي", "تا", "ات")) or word in art.gaz.data.span_out:
        return True  # منطقة المواصي → المواصي
    return word.endswith("ي") and word[:-1] in art.gaz.data.context


def _type_start(art: _Article, k: int) -> int:
    """Normalised start of a place-type word without its proclitics (بمحافظة → محافظة)."""
    return art.toks[k].nstart + len(art.words[k].role_prefix)


def places(doc: Doc) -> Doc:
    """Add ``place`` and ``demonym`` spans (see the module docstring)."""
    if not doc.tokens:
        return doc
    gaz = gazetteer()
    art = _Article(gaz, doc)
    demonym_hits = art.demonym_hits
    kept: list[Candidate] = []
    for c in _matches(art):
        if _adjectival(art, c):
            country = gaz.is_demonym(c.alias)
            if country:
                demonym_hits[c.i] = (c.nstart, c.nend, country)
            continue
        kept.append(c)
    _propagate(doc, kept, gaz)
    _repeated(kept, gaz)
    unknowns = _unknowns(art, kept)
    if unknowns:
        _propagate(doc, sorted(kept + unknowns, key=lambda c: c.i), gaz)
    place_tokens = {k for c in kept for k in range(c.i, c.j)}
    demonyms = [country for i, (_, _, country) in demonym_hits.items() if i not in place_tokens]
    accepted = [c for c in kept if c.accepted()]
    for c in kept + unknowns:
        c.told = _told(art, c.j)
    home = home_country(doc.outlet)  # القبس reports Kuwait without naming it
    countries = _Countries(gaz, accepted, demonyms + [home] * HOME_MENTIONS if home else demonyms)
    for c in unknowns:
        _guess(art, c, countries.counts)
    admin1s: set[tuple[str, str]] = set()
    for c in accepted:
        c.chosen = _choose(gaz, c, countries, admin1s)
        if c.chosen and c.chosen.kind == "city" and c.chosen.country and c.chosen.admin1:
            admin1s.add((c.chosen.country, c.chosen.admin1))
    for c in unknowns:
        if c.guesses:
            c.chosen = c.guesses[0][1]
        elif c.told and c.type_tok is not None:
            c.chosen = _local_place(_unclitic_text(art, c), c.told, c.role)  # ولاية تاتشيرا الفنزويلية
    own = Counter(c.alias for c in accepted)
    for c in accepted + unknowns:
        # the places read from the gazetteer locate local ones (their choices as they stand)
        if c.type_tok is not None and _local_word(art, c.type_tok):
            c.chosen = _local_facility(art, c, countries.counts, 0 if c.unknown else own[c.alias], accepted)
        elif c.chosen is not None and _street_named_for(art, c, c.chosen):
            c.chosen = _named_street(art, c, c.chosen, accepted, countries.counts)
    found = [c for c in accepted + unknowns if c.chosen]
    found = sorted(found + _local_names(art, found, countries.counts), key=lambda c: c.nstart)
    _one_country(found, countries)
    _locate_locals(art, found)
    for c in found:
        assert c.chosen is not None
        _emit(art, c, c.chosen)
    for i, (ns, ne, country) in sorted(demonym_hits.items()):
        if i not in place_tokens:
            doc.add("demonym", doc.span_from_norm(ns, ne, "demonym", country=country))
    return doc
