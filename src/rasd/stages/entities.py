"""Stage: named entities, spans labelled ``entity`` with data ``{type, latin}`` (PER, ORG, LOC).

Sources, from the most to the least trusted:

- the lexicons of named organisations and public figures (``organisations.tsv``,
  ``public_figures.tsv``), matched clitic-aware; an ambiguous bare name (الجزيرة، الخارجية) needs
  a cue before it (``org_patterns.tsv`` role ``cue``), quotes, or an earlier cued mention;
- LOC from the places stage's ``place`` spans (latin = the place's English name);
- organisation patterns: a head word (وزارة، لجنة، حركة …) and its complement, cut where the name
  ends: a trailing nationality adjective is not part of it (وزارة الداخلية الكازاخية → وزارة
  الداخلية), generic phrases (قوات الأمن) are not names;
- persons after a title or role cue (titles.tsv), in apposition after a comma, or opened by a
  given name (given_names.tsv) followed by name-like tokens (not in ``entity_stopwords.tsv``);
- propagation of a recognised name to its partial mentions (توكايف after قاسم جومارت توكايف).

Overlaps resolve longest first, then by trust. Spans exclude clitics (لتوكايف → توكايف).

>>> from rasd.pipeline import read
>>> doc = read("وقال وزير الخارجية الروسي سيرغي لافروف إن لافروف سيزور أنقرة.", until="entities")
>>> [(s.text_of(doc), s.data["type"], s.data["latin"]) for s in doc.get("entity")][:2]
[('سيرغي لافروف', 'PER', 'Sergei Lavrov'), ('لافروف', 'PER', 'Lavrov')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any

from rasd.arabic.clitics import light_stem, segmentations
from rasd.arabic.normalise import fold
from rasd.arabic.transliterate import transliterate
from rasd.doc import Doc, Token
from rasd.lexicons import alternatives, read_tsv
from rasd.matcher import Match, PhraseMatcher
from rasd.stages.places import DATELINE_TOKENS  # a credit stands within the dateline

# trust of each source, used to break ties between overlapping candidates of equal length
P_LEXICON = 5.0
P_TITLE = 4.0
P_GIVEN = 4.0
P_PLACE = 3.5
P_PATTERN = 3.0
P_PROPAGATED = 2.0

MAX_NAME_PARTS = 4
MAX_COMPLEMENT = 8
MAX_ORG_WORDS = 7
OPEN_QUOTES = frozenset('«"“')
CLOSE_QUOTES = frozenset('»"”')
STRICT_STOP = frozenset({"fn", "verb", "time"})
# weak heads that do not name a body after a place: قوات بغداد (the forces in Baghdad), مركز
# حلب (the centre of Aleppo)
NOT_OF_PLACE = frozenset(fold(w) for w in ("قوات", "جيش", "وحدات", "فرقة", "مركز"))
SUFFIX_READINGS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "نا"})
SITE_HEADS = frozenset({"موقع"})  # "site" before a definite word: موقع المطلة، موقع الانفجار


@dataclass(frozen=True)
class OrgEntry:
    latin: str
    kind: str
    country: str
    cue: bool
    key: str


@dataclass(frozen=True)
class Given:
    latin: str
    gender: str
    common: bool


@dataclass
class Lexicon:
    """Every entity lexicon, folded and indexed once."""

    # organisations, public figures and given names in one matcher: payload [(kind, value), ...]
    names: PhraseMatcher = field(default_factory=PhraseMatcher)
    phrases: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    titles: PhraseMatcher = field(default_factory=lambda: PhraseMatcher(suffixes=True))
    given_single: dict[str, Given] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    generic: set[tuple[str, ...]] = field(default_factory=set)
    generic_adj: set[str] = field(default_factory=set)
    trailing: set[str] = field(default_factory=set)
    breakers: set[str] = field(default_factory=set)
    nationality: set[str] = field(default_factory=set)
    ordinals: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    complements: dict[str, str] = field(default_factory=dict)  # folded complement -> English
    # letter abbreviations (ا ف ب، د.ب.ا) without spaces or dots -> their lexicon phrase key
    abbreviations: dict[str, str] = field(default_factory=dict)
    cues: set[tuple[str, ...]] = field(default_factory=set)
    stop: dict[str, str] = field(default_factory=dict)
    stop_stems: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)  # words of known names: never stopwords
    title_words: set[str] = field(default_factory=set)

    def phrase(self, text: str, kind: str, value: Any) -> None:
        key = " ".join(fold(text).split())
        if key:
            entries = self.phrases.setdefault(key, [])
            if all(k != kind for k, _ in entries):
                entries.append((kind, value))


def _load_orgs(lex: Lexicon) -> None:
    for row in read_tsv("organisations.tsv"):
        names = alternatives(row.get("arabic", ""))
        if not names:
            continue
        entry = OrgEntry(
            row.get("latin", ""),
            row.get("kind", ""),
            row.get("country", ""),
            row.get("cue") == "1",
            fold(names[0]),
        )
        for name in names:
            lex.phrase(name, "org", entry)


def _load_people(lex: Lexicon) -> None:
    for row in read_tsv("public_figures.tsv"):
        latin, country = row.get("latin", ""), row.get("country", "")
        for name in alternatives(row.get("arabic", "")):
            lex.phrase(name, "fig", (latin, False, country))
            lex.name_words.update(fold(name).split())
        last = latin.split()[-1] if latin else ""
        for short in alternatives(row.get("short", "")):
            lex.phrase(short, "fig", (last if " " not in short else latin, True, country))
            lex.name_words.update(fold(short).split())
    for row in read_tsv("given_names.tsv"):
        g = Given(row.get("latin", ""), row.get("gender", ""), row.get("common") == "1")
        for name in alternatives(row.get("arabic", "")):
            key = fold(name)
            if g.gender == "link":
                lex.links[key] = g.latin
            elif g.gender == "prefix":
                lex.prefixes[key] = g.latin
            else:
                lex.phrase(name, "given", g)
                if " " not in key:
                    lex.given_single[key] = g
                if not g.common:
                    lex.name_words.update(key.split())
    for row in read_tsv("titles.tsv"):
        title = row.get("title", "")
        if title:
            lex.titles.add(title, row.get("kind", ""))
            lex.title_words.add(fold(title).split()[0])


def _load_patterns(lex: Lexicon) -> None:
    for row in read_tsv("org_patterns.tsv"):
        word, role = fold(row.get("word", "")), row.get("role", "")
        if not word:
            continue
        if role in ("head", "weak_head", "outlet_head"):
            lex.heads[word] = (role, row.get("latin", ""))
        elif role == "generic":
            lex.generic.add(tuple(strip_def(w) for w in word.split()))
        elif role == "generic_adj":
            lex.generic_adj.add(word)
        elif role == "trailing":
            lex.trailing.add(word)
        elif role == "breaker":
            lex.breakers.add(word)
        elif role == "cue":
            lex.cues.add(tuple(word.split()))
        elif role == "nationality":
            bare = word[2:] if word.startswith("ال") else word
            lex.nationality.update({"ال" + bare, "ال" + bare + "ه", bare, bare + "ه"})
            if bare.endswith("ي"):
                lex.nationality.update({"ال" + bare + "ون", "ال" + bare + "ين"})
        elif role == "ordinal":
            lex.ordinals.update({word, word + "ه"})
        elif role == "unit":
            lex.units.add(word)
        elif role == "function":
            lex.functions.add(word)


def _load_complements(lex: Lexicon) -> None:
    for row in read_tsv("org_complements.tsv"):
        for arabic in alternatives(row.get("arabic", "")):
            lex.complements[fold(arabic)] = row.get("english", "")


def _load_stopwords(lex: Lexicon) -> None:
    for row in read_tsv("entity_stopwords.tsv"):
        word, kind = fold(row.get("word", "")), row.get("kind", "")
        if not word:
            continue
        lex.stop.setdefault(word, kind)
        if kind in ("noun", "adj"):
            lex.stop.setdefault(word + "ا", kind)  # accusative tanween: اجتماعا
        if kind != "fn" and len(word) >= 3:
            stem = light_stem(word)
            if len(stem) >= 3:
                lex.stop_stems.add(stem)


@cache
def lexicon() -> Lexicon:
    """The entity lexicons, built on first use."""
    lex = Lexicon()
    _load_orgs(lex)
    _load_people(lex)
    _load_patterns(lex)
    _load_complements(lex)
    _load_stopwords(lex)
    for key, entries in lex.phrases.items():
        lex.names.add(key, tuple(entries))
        letters = key.replace(".", " ").split()
        if len(letters) >= 2 and all(len(w) == 1 for w in letters):
            lex.abbreviations["".join(letters)] = key
    # words of known names override the stoplist, unless they are common words themselves
    lex.name_words = {w for w in lex.name_words if w not in lex.stop} | {
        k for k, g in lex.given_single.items() if not g.common
    }
    return lex


@lru_cache(maxsize=100_000)
def stop_kind(norm: str) -> str | None:
    """The stoplist class of a word, with or without clitics; None for a possible name part.

    >>> stop_kind("وقال"), stop_kind("توكايف")
    ('verb', None)
    """
    lex = lexicon()
    if norm in lex.name_words:
        return None
    kind = lex.stop.get(norm)
    if kind:
        return kind
    for seg in segmentations(norm, True):
        if seg.suffix and seg.suffix not in SUFFIX_READINGS:
            continue
        base = seg.base
        kind = lex.stop.get(base) or (lex.stop.get("ال" + base) if seg.prefix.endswith("لل") else None)
        if kind == "fn" and seg.prefix not in ("و", "ف"):
            continue  # باليه is not بـ + إليه
        if kind:
            return kind
    stem = light_stem(norm)
    if stem != norm and stem in lex.stop_stems:
        return "noun"
    return None


@dataclass
class Cand:
    """A candidate mention: tokens [i, j), normalised offsets [ns, ne)."""

    i: int
    j: int
    ns: int
    ne: int
    type: str
    latin: str | None
    prio: float
    source: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.ne - self.ns


class Reader:
    """Finds the entity candidates of one document."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.toks: list[Token] = doc.tokens
        self.n = len(self.toks)
        self.by_start: dict[int, int] = {t.start: t.i for t in self.toks}
        self.by_end: dict[int, int] = {t.end: t.i for t in self.toks}
        self.place_at: dict[int, Cand] = {}  # first token -> place candidate
        self.in_place: set[int] = set()
        self.demonym: set[int] = set()
        self.org_at: dict[int, Cand] = {}  # first token -> ORG candidate (lexicon or pattern)
        self.in_org: set[int] = set()
        self.person_at: dict[int, Cand] = {}
        self.given_at: dict[int, Match] = {}
        self.title_at: dict[int, Match] = {}
        self.matches: dict[str, list[Match]] = {"org": [], "fig": [], "given": []}

    @cached_property
    def date_toks(self) -> set[int]:
        """Tokens of dates (اليوم الاثنين، وأعلنت اليوم): never the newspaper اليوم."""
        out: set[int] = set()
        starts = [t.start for t in self.toks]
        for s in self.doc.get("date"):
            k = max(0, bisect.bisect_right(starts, s.start) - 1)  # the token holding its start (واليوم)
            while k < self.n and self.toks[k].start < s.end:
                out.add(k)
                k += 1
        return out

    def split_matches(self, found: list[Match]) -> None:
        """Matches of the joint name matcher by kind; org and figure matches leftmost-longest."""
        ends = {"org": 0, "fig": 0}
        for m in found:
            for kind, value in m.payload:
                if kind in ends:
                    if m.i < ends[kind]:
                        continue
                    ends[kind] = m.j
                self.matches[kind].append(replace(m, payload=value))

    # ---- token tests -------------------------------------------------------------------
    def same_sentence(self, a: int, b: int) -> bool:
        return self.toks[a].sentence == self.toks[b].sentence

    def is_nationality(self, k: int) -> bool:
        return k in self.demonym or self.toks[k].norm in self.lex.nationality

    def is_stop(self, k: int) -> str | None:
        tok = self.toks[k]
        if tok.text.endswith("ى") and tok.norm in self.lex.stop:
            return self.lex.stop[tok.norm]  # على, not علي
        if tok.text.endswith("ي") and tok.norm in self.lex.given_single and self._surname_next(k):
            return None  # علي البياتي: the name Ali, written with ي, before a family name
        return stop_kind(tok.norm)

    def _surname_next(self, k: int) -> bool:
        """Is the word after ``k`` a family name: a nisba (البياتي) or a known name word?"""
        if k + 1 >= self.n or self.toks[k + 1].kind != "word":
            return False
        norm = self.toks[k + 1].norm
        known = norm in self.lex.name_words or norm in self.lex.given_single
        return known or (norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 6)

    def namey(self, k: int, first: bool) -> bool:
        """Can token ``k`` be a part of a person's name?"""
        if k >= self.n:
            return False
        tok = self.toks[k]
        if tok.kind != "word" or k in self.in_place or k in self.in_org or len(tok.norm) < 2:
            return False
        norm = tok.norm
        known = norm in self.lex.name_words or norm in self.lex.given_single
        if self.is_stop(k) or norm in self.lex.links or norm in self.lex.prefixes:
            return False
        if known:
            return True
        if norm in self.lex.title_words or norm in self.lex.heads or self.is_nationality(k):
            return False
        if any(seg.prefix and seg.article and len(seg.base) >= 5 for seg in tok.segments):
            return False  # للقمح، والمعابر: a definite word with a clitic is no name part
        if any(seg.prefix in ("و", "ف") and future_verb(seg.base) for seg in tok.segments):
            return False  # وسيظل: a verb after "and" ends a name
        if first:
            if norm.startswith("ال"):
                return False
            if norm[0] in "يت" and len(norm) <= 5 and norm[1:2] != "و":
                return False  # an imperfect verb: يعقد، تؤكد
            if verbal_noun_shape(norm):
                return False
            if any(seg.prefix and verbal_noun_shape(seg.base) for seg in tok.segments):
                return False  # بمعاقبة، بتعويض: a preposition on a verbal noun
        return True

    def after_prefix(self, k: int) -> bool:
        """Can token ``k`` follow عبد or أبو (أبو سلمية، عبد المومونوف)?"""
        if k >= self.n:
            return False
        tok = self.toks[k]
        if tok.kind != "word" or k in self.in_org or k in self.in_place or len(tok.norm) < 2:
            return False
        return (
            self.is_stop(k) not in STRICT_STOP
            and tok.norm not in self.lex.links
            and tok.norm not in self.lex.prefixes
        )

    # ---- name extent -------------------------------------------------------------------
    def name_extent(self, k: int, started: bool = False) -> tuple[int, int]:
        """(end token, number of name parts) of a name that starts (or goes on) at token ``k``."""
        j, parts = k, 0
        while j < self.n and parts < MAX_NAME_PARTS and self.same_sentence(k, j):
            norm = self.toks[j].norm
            if norm in self.lex.prefixes and self.after_prefix(j + 1):
                j, parts = j + 2, parts + 1
                continue
            if (parts or started) and norm in self.lex.links and j + 1 < self.n:
                nxt = self.toks[j + 1].norm
                if nxt in self.lex.prefixes and self.after_prefix(j + 2):
                    j, parts = j + 3, parts + 1
                    continue
                if self.namey(j + 1, False):
                    j, parts = j + 2, parts + 1
                    continue
                break
            if self.namey(j, parts == 0 and not started):
                if (
                    parts + started >= 2
                    and len(norm) <= 3
                    and norm not in self.lex.name_words
                    and not norm.startswith("ال")
                ):
                    break  # هاني الفردان فسر: a short past-tense verb after a full name
                j, parts = j + 1, parts + 1
                continue
            break
        return j, parts

    # ---- candidate makers ----------------------------------------------------------------
    def cand(
        self,
        i: int,
        j: int,
        prefix: str,
        type_: str,
        latin: str | None,
        prio: float,
        source: str,
        **data: Any,
    ) -> Cand:
        ns = self.toks[i].nstart + len(prefix)
        return Cand(i, j, ns, self.toks[j - 1].nend, type_, latin, prio, source, dict(data))

    def person_latin(self, i: int, j: int, prefix: str) -> str:
        """Known renderings of given names and links, else a transliteration, token by token."""
        out: list[str] = []
        k = i
        while k < j:
            m = self.given_at.get(k)
            if m is not None and m.j <= j and (k > i or m.prefix == prefix):
                out.append(m.payload.latin)
                k = m.j
                continue
            norm = self.toks[k].norm
            if k > i and norm in self.lex.links:
                out.append(self.lex.links[norm])
            elif norm in self.lex.prefixes:
                out.append(self.lex.prefixes[norm])
            else:
                text = self.toks[k].text
                out.append(transliterate(text[len(prefix) :] if k == i else text))
            k += 1
        return " ".join(w for w in out if w)

    # places ---------------------------------------------------------------------------
    def places(self) -> list[Cand]:
        out = []
        for span in self.doc.get("demonym"):
            i = self._token_covering(span.start)
            j = self._token_covering(span.end - 1)
            if i is not None and j is not None:
                self.demonym.update(range(i, j + 1))
        for span in self.doc.get("place"):
            i = self._token_covering(span.start)
            j = self._token_covering(span.end - 1)
            if i is None or j is None:
                continue
            norm = self.toks[i].norm
            if span.start > self.toks[i].start and (
                norm in self.lex.given_single or norm in self.lex.name_words
            ):
                continue  # كريم is a name, not ك + ريم
            given = self.lex.given_single.get(norm)
            if i == j and given is not None and not given.common and span.start == self.toks[i].start:
                continue  # a given name read as a place
            ti, tj = self.toks[i], self.toks[j]
            ns = ti.nstart + len(fold(self.doc.text[ti.start : span.start]))
            ne = tj.nend - len(fold(self.doc.text[span.end : tj.end]))
            c = Cand(i, j + 1, ns, ne, "LOC", span.data.get("name"), P_PLACE, "place", {"span": span})
            out.append(c)
            self.place_at.setdefault(i, c)
            self.in_place.update(range(i, j + 1))
        return out

    def _token_covering(self, pos: int) -> int | None:
        lo, hi = 0, self.n - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            t = self.toks[mid]
            if t.end <= pos:
                lo = mid + 1
            elif t.start > pos:
                hi = mid - 1
            else:
                return mid
        return None

    # organisations from the lexicon -----------------------------------------------------
    def cued(self, m: Match) -> bool:
        """Does context confirm an ambiguous organisation name (الجزيرة، الخارجية)?"""
        i = m.i
        prev = [self.toks[k] for k in range(max(0, i - 2), i) if self.same_sentence(k, i)]
        if prev and prev[-1].kind == "punct" and prev[-1].text in OPEN_QUOTES:
            if m.j < self.n and self.toks[m.j].text in CLOSE_QUOTES:
                return True
        if prev and prev[-1].text == "(" and m.j < self.n and self.toks[m.j].text == ")" and not m.prefix:
            return True  # أنقرة (الأناضول): a credit in brackets
        if (
            m.payload.kind in ("agency", "outlet")
            and 0 < i <= DATELINE_TOKENS
            and not m.prefix
            and i not in self.place_at
        ):
            # أنقرة/ الأناضول، مسقط - العمانية، جنين 20-1-2026 وفا-: the credit of the dateline
            near = [self.toks[k].text for k in range(max(0, i - 1), min(self.n, m.j + 1)) if k != i]
            if any(t.strip() in DATELINE_MARKS for t in near):
                return True
        if (
            m.payload.kind == "ministry"
            and m.j < self.n
            and self.is_nationality(m.j)
            and not (prev and prev[-1].norm.startswith("ال"))
        ):
            return True  # الخارجية الأمريكية (but not السياسة الخارجية الأمريكية)
        if len(prev) == 2 and prev[-1].text in (":", "：") and prev[0].norm == CREDIT_WORD:
            return True  # المصدر: الجزيرة + وكالات: a closing credit
        if not prev or prev[-1].kind != "word" or " ".join(m.phrase) in self.lex.title_words:
            return False  # استدعت السفير: a title, not the newspaper, unless quoted
        last = prev[-1]
        if any((seg.base,) in self.lex.cues for seg in last.segments):
            return True
        if len(prev) == 2 and (prev[0].norm, last.norm) in self.lex.cues:
            return True
        # "قال للجزيرة", "في تصريح للجزيرة": a preposition on the name after a speech verb
        return "ل" in m.prefix and stop_kind(last.norm) == "verb"

    def after_head(self, m: Match) -> bool:
        """Is an ambiguous bare name the complement of a title or head (وزير الخارجية)?"""
        if m.i == 0 or m.prefix:
            return False
        prev = self.toks[m.i - 1]
        if prev.kind != "word":
            return False
        if m.payload.kind in ("outlet", "agency") and any(
            (seg.base,) in self.lex.cues for seg in prev.segments
        ):
            return False  # مراسلة الجزيرة: the outlet a correspondent works for
        head = self.head_at(m.i - 1)
        if head is not None and head[1] != "outlet_head":
            return True
        return any(seg.base in self.lex.title_words for seg in prev.segments)

    def lexicon_orgs(self) -> list[Cand]:
        matches = self.matches["org"]
        confirmed = {
            m.payload.key for m in matches if not m.payload.cue or (not self.after_head(m) and self.cued(m))
        }
        out = []
        for m in matches:
            e: OrgEntry = m.payload
            if e.cue and (e.key not in confirmed or self.after_head(m) or m.i in self.date_toks):
                continue
            if m.j - m.i == 1 and len(m.phrase[0]) <= 4 and m.prefix and m.prefix not in ("و", "ل", "لل"):
                continue
            c = self.cand(
                m.i, m.j, m.prefix, "ORG", e.latin, P_LEXICON, "org_lexicon", kind=e.kind, country=e.country
            )
            out.append(c)
            self.org_at.setdefault(m.i, c)
            self.in_org.update(range(m.i, m.j))
        return out + self.abbreviations()

    def abbreviations(self) -> list[Cand]:
        """Letter abbreviations of the lexicon (أ ف ب، د.ب.أ): runs of one-letter words and dots."""
        out: list[Cand] = []
        k = 0
        while k < self.n:
            j, letters = k, []
            while j < self.n and (
                (self.toks[j].kind == "word" and len(self.toks[j].norm) == 1)
                or (
                    self.toks[j].text == "."
                    and letters
                    and j + 1 < self.n
                    and len(self.toks[j + 1].norm) == 1
                )
            ):
                if self.toks[j].kind == "word":
                    letters.append(self.toks[j].norm)
                j += 1
            key = self.lex.abbreviations.get("".join(letters)) if len(letters) >= 2 else None
            entries = self.lex.phrases.get(key, []) if key else []
            org = next((v for kind, v in entries if kind == "org"), None)
            if org is not None and k not in self.org_at:
                c = self.cand(k, j, "", "ORG", org.latin, P_LEXICON, "org_lexicon", kind=org.kind)
                out.append(c)
                self.org_at[k] = c
                self.in_org.update(range(k, j))
            k = max(j, k + 1)
        return out

    # organisations from head words ----------------------------------------------------
    def head_at(self, i: int) -> tuple[str, str, str, bool] | None:
        """(prefix, role, latin, definite) when token ``i`` is an organisation head word."""
        tok = self.toks[i]
        if tok.kind != "word":
            return None
        if i in self.in_org:
            return None  # inside a lexicon name: حركة حماس
        return head_reading(tok.norm)

    def head_at_plain(self, k: int) -> bool:
        tok = self.toks[k]
        return tok.kind == "word" and any(strip_def(seg.base) in self.lex.heads for seg in tok.segments)

    def complement(self, i: int, definite_head: bool = False) -> tuple[list[int], set[int]]:
        """Token indices of a head's complement, and those that came from an inner span."""
        words: list[int] = []
        inner: set[int] = set()
        k = i + 1
        last_definite = False
        after_place = False
        while k < self.n and len(words) < MAX_ORG_WORDS and self.same_sentence(i, k):
            if self.preposition_on(k):
                break  # جامعة بالإسكندرية: "a university in Alexandria"
            span = self.org_at.get(k) or self.place_at.get(k)
            if span is not None:
                if (last_definite or (definite_head and not words)) and self.place_at.get(k) is span:
                    break  # القوات حي الشجاعية: a definite head takes no place as its complement
                bare = span.ns == self.toks[k].nstart  # no clitic: قوات, not لمنظمة or بحكومة
                if last_definite and span.j - k > 1 and bare and not self.toks[k].norm.startswith("ال"):
                    break  # وزارة الخارجية قوات الدعم السريع: a definite genitive ends the name
                if words and not bare and self.toks[k].norm.startswith("و") and self.org_at.get(k) is span:
                    break  # وزارة الأوقاف ومجلس الأمن القومي: two names joined by و
                words.extend(range(k, span.j))
                inner.update(range(k, span.j))
                after_place = self.place_at.get(k) is span
                k = span.j
                last_definite = True
                continue
            tok = self.toks[k]
            if tok.kind != "word":
                break
            norm = tok.norm
            if norm == "غير" and last_definite and self._negated_adjective(k + 1):
                words.extend((k, k + 1))  # الهجرة غير الشرعية، المنظمات غير الحكومية
                k += 2
                continue
            kind = self.is_stop(k)
            if kind in STRICT_STOP:
                break
            if self.is_nationality(k):
                nxt = self.toks[k + 1] if k + 1 < self.n else None
                if (
                    nxt is not None
                    and nxt.kind == "word"
                    and nxt.norm.startswith("ل")
                    and not nxt.norm.startswith("ال")
                    and stop_kind(nxt.norm) not in STRICT_STOP
                ):
                    words.append(k)
                    k += 1
                    continue
                break
            definite = norm.startswith("ال") and len(norm) > 3
            if after_place and definite and not norm.endswith(("يه", "ي", "ى", "ا")):
                break  # مديرية أمن إسطنبول القبض: after the city only an adjective (بلدية إسطنبول الكبرى)
            after_place = False
            if definite and last_definite and words and norm.endswith("ات") and k - 1 in words:
                break  # هيئة الاتصالات القنوات: a plural noun after the genitive is no adjective
            if definite and last_definite and words and norm in self.lex.breakers:
                break  # اتهمت نقابة الأطباء الوزارة: the verb's object
            if definite:
                words.append(k)
                last_definite = True
            elif norm.startswith("وال") and words and (stop_kind(norm) is None or self.conjoined_pair(k)):
                words.append(k)
            elif norm in self.lex.units and words and self.toks[words[-1]].norm in self.lex.ordinals:
                words.append(k)  # الفرقة السادسة مشاة
                break
            elif (
                norm.startswith("ل")
                and words
                and k + 1 < self.n
                and (norm.startswith("لل") or self.toks[k + 1].norm.startswith("ال"))
            ):
                words.append(k)
                last_definite = False
            elif (
                not last_definite
                and not definite_head
                and norm not in self.lex.title_words
                and self.head_at(k) is None
            ):
                words.append(k)
            else:
                break
            k += 1
        return words, inner

    def _negated_adjective(self, k: int) -> bool:
        """A definite adjective after غير in the same sentence: غير الشرعية، غير النظامية."""
        if k >= self.n or not self.same_sentence(k - 1, k):
            return False
        norm = self.toks[k].norm
        return self.toks[k].kind == "word" and norm.startswith("ال") and norm.endswith(("ي", "يه"))

    def preposition_on(self, k: int) -> bool:
        """Does token ``k`` carry a ب or ك proclitic on a definite word or a place (بالإسكندرية)?"""
        tok = self.toks[k]
        if tok.kind != "word" or tok.norm[:1] not in "بك":
            return False
        place = self.place_at.get(k)
        if place is not None:
            return place.ns > tok.nstart  # the place starts after the proclitic
        return tok.norm[1:3] == "ال" and len(tok.norm) > 5 and tok.norm not in self.lex.name_words

    def conjoined_pair(self, k: int) -> bool:
        """و + a common noun and its adjective inside a name (والبحث العلمي، والحماية الاجتماعية)."""
        if k + 1 >= self.n or self.is_stop(k) not in ("noun", "adj") or not self.same_sentence(k, k + 1):
            return False
        nxt = self.toks[k + 1].norm
        return (
            nxt.startswith("ال")
            and nxt.endswith(("ي", "يه"))
            and nxt not in self.lex.generic_adj
            and not self.is_nationality(k + 1)
        )

    def _trim(self, words: list[int], inner: set[int]) -> list[int]:
        while words:
            k = words[-1]
            norm = self.toks[k].norm
            if k in inner:
                break
            if norm in self.lex.trailing or self.is_nationality(k):
                words.pop()
            elif norm.startswith("ل") and not norm.startswith("لل") and len(words) > 1:
                words.pop()  # a "ل" word needs its genitive
            elif (
                not norm.startswith("ال")
                and self.is_stop(k)
                and len(words) > 1
                and not self.toks[words[-2]].norm.startswith("ال")
            ):
                words.pop()
            else:
                break
        return words

    def _construct(self, k: int, words: list[int]) -> bool:
        """نقابة موظفي المصارف، لجنة أهالي المعتقلين: a plural in the construct state (its ن
        dropped) before a definite noun or a name, not a nisba adjective."""
        norm = self.toks[k].norm
        if not norm.endswith("ي") or len(norm) < 4:
            return False
        nxt = k + 1
        if nxt not in words:
            return False
        follower = self.toks[nxt].norm
        return follower.startswith("ال") or nxt in self.place_at or nxt in self.org_at

    def _adjective_like(self, k: int) -> bool:
        norm = self.toks[k].norm
        return norm.endswith(("يه", "ي")) and norm not in self.lex.name_words

    def _distinctive(self, words: list[int], inner: set[int]) -> bool:
        """Does a complement make a weak head a name: a name, a distinctive adjective, a ل phrase?"""
        for k in words:
            norm = self.toks[k].norm
            if k in inner and self.org_at.get(k) is not None:
                return True
            if (
                norm.startswith("ال")
                and norm.endswith(("ي", "يه"))
                and norm not in self.lex.generic_adj
                and not self.is_nationality(k)
                # القرية: a noun in -iya, not an adjective (الطوارئ folds to -ي and stays a name)
                and not (self.lex.stop.get(norm) == "noun" and self.toks[k].text.endswith("ية"))
            ):
                return True
            if norm.startswith("ل") and not norm.startswith("ال") and k != words[0]:
                return True
            if norm in self.lex.ordinals:
                return True  # الفرقة الرابعة، الجيش الثاني
            if (
                not norm.startswith(("ال", "وال", "ل"))
                and k not in inner
                and self.namey(k, True)
                and not self._adjective_like(k)
            ):
                if not norm.endswith("ه"):
                    return True
        return False

    def _function_of(self, first: int, words: list[int]) -> bool:
        """A task noun with a definite object opens the complement: جهاز مكافحة الإرهاب،
        إدارة حماية المنشآت (not جهاز الأمن، a description)."""
        nxt = first + 1
        return (
            self.toks[first].norm in self.lex.functions
            and nxt in words
            and self.toks[nxt].norm.startswith("ال")
        )

    def _of_place(self, words: list[int], inner: set[int]) -> bool:
        """A weak head's complement that ends in a place, after at most one bare noun, names the
        place's own body: حكومة إقليم كردستان، دائرة صحة البصرة، قيادة عمليات بغداد."""
        spans = [(k, self.place_at[k]) for k in words if k in inner and k in self.place_at]
        if not spans or spans[-1][1].j != words[-1] + 1:
            return False
        if spans[-1][1].data["span"].data.get("kind") == "country":
            return False  # بعثة روسيا، حكومة بنين: a country's mission or government, no name
        own = [k for k in words if k < spans[-1][0]]
        return len(own) <= 1 and all(
            not self.toks[k].norm.startswith(("ال", "ل", "و")) and self.is_stop(k) in (None, "noun")
            for k in own
        )

    def generic(self, i: int, prefix: str, words: list[int]) -> bool:
        """Does the phrase start with a generic description (قوات الأمن، حركة السير)?"""
        head = strip_def(strip_clitic_head(self.toks[i].norm, prefix))
        phrase = (head, *(strip_def(self.toks[k].norm) for k in words))
        return any(phrase[: len(g)] == g for g in self.lex.generic)

    def pattern_org(self, i: int) -> Cand | None:
        head = self.head_at(i)
        if head is None:
            return None
        prefix, role, head_latin, definite = head
        words, inner = self.complement(i, definite)
        if self.generic(i, prefix, words):
            return None
        words = self._trim(words, inner)
        if not words or self.generic(i, prefix, words):
            return None
        first = words[0]
        inner_org = self.org_at.get(first)
        if inner_org is not None and first in inner and self.head_at_plain(first):
            return None  # لحزب حزب العمال الكردستاني
        if role == "outlet_head":
            return self._outlet(i, prefix, words, inner, definite)
        if definite and not self._distinctive(words, inner):
            return None
        # جهاز مكافحة الهجرة غير الشرعية: a task noun with its object names the body
        task = self._function_of(first, words)
        if not self.toks[first].norm.startswith("ال") and first not in inner:
            if (self._adjective_like(first) and not self._construct(first, words) and not task) or (
                self.toks[first].norm.endswith("ه") and len(words) == 1
            ):
                return None
            if len(words) == 1 and self.is_stop(first):
                return None
        strip = strip_def(strip_clitic_head(self.toks[i].norm, prefix))
        if (
            role == "weak_head"
            and not task
            and not (not definite and strip not in NOT_OF_PLACE and self._of_place(words, inner))
        ):
            if first not in inner and not self.toks[first].norm.startswith("ال"):
                return None
            if not self._distinctive(words, inner):
                return None
        end = words[-1] + 1
        text = self.doc.text[self.toks[first].start : self.toks[end - 1].end]
        latin = _pattern_latin(head_latin, self.lex.complements.get(fold(text)), text)
        if latin is None:
            latin = transliterate(self.doc.text[self.toks[i].start : self.toks[end - 1].end])
        return self.cand(i, end, prefix, "ORG", latin, P_PATTERN, "org_pattern")

    def _outlet(self, i: int, prefix: str, words: list[int], inner: set[int], definite: bool) -> Cand | None:
        if definite:
            return None  # الصحيفة، القناة: a description
        first = words[0]
        org = self.org_at.get(first)
        if org is not None and org.data.get("kind") in ("outlet", "agency", "company"):
            return self.cand(i, org.j, prefix, "ORG", org.latin, P_PATTERN + 0.5, "org_pattern")
        if first in inner:
            return None
        head = strip_def(strip_clitic_head(self.toks[i].norm, prefix))
        if len(words) == 1 and head not in SITE_HEADS and self.outlet_name(first):
            latin = transliterate(self.toks[first].text)
            return self.cand(i, first + 1, prefix, "ORG", latin, P_PATTERN, "org_pattern")
        j = first
        while j < self.n and j - first < 3 and self.namey(j, j == first) and not self._adjective_like(j):
            j += 1
        if j > first:
            latin = transliterate(self.doc.text[self.toks[first].start : self.toks[j - 1].end])
            return self.cand(i, j, prefix, "ORG", latin, P_PATTERN, "org_pattern")
        return None

    def outlet_name(self, k: int) -> bool:
        """A definite word that names an outlet on its own (قناة المسيرة، قناة السومرية)."""
        tok = self.toks[k]
        norm = tok.norm
        return (
            tok.kind == "word"
            and norm.startswith("ال")
            and len(norm) >= 5
            and not self.is_stop(k)
            and not self.is_nationality(k)
            and norm not in self.lex.generic_adj
            and norm not in self.lex.trailing
            and head_reading(norm) is None
            and not verbal_noun_shape(norm[2:])
        )

    def quoted_outlet(self, i: int) -> Cand | None:
        """صحيفة «الوسط»: the quoted name after an outlet head."""
        head = self.head_at(i)
        if head is None or head[1] != "outlet_head" or head[3]:
            return None
        q = i + 1
        if q >= self.n or self.toks[q].text not in OPEN_QUOTES:
            return None
        k = q + 1
        while k < self.n and k - q <= 5 and self.toks[k].kind == "word":
            k += 1
        if k == q + 1 or k >= self.n or self.toks[k].text not in CLOSE_QUOTES:
            return None
        latin = transliterate(self.doc.text[self.toks[q + 1].start : self.toks[k - 1].end])
        return self.cand(q + 1, k, "", "ORG", latin, P_PATTERN, "org_pattern")

    def pattern_orgs(self) -> list[Cand]:
        out = []
        for i in range(self.n):
            c = self.quoted_outlet(i) or self.pattern_org(i)
            if c is None:
                continue
            out.append(c)
            if i not in self.org_at or self.org_at[i].j < c.j:
                self.org_at[i] = c
            self.in_org.update(range(c.i, c.j))
        return out

    # persons --------------------------------------------------------------------------
    def figures(self) -> list[Cand]:
        out = []
        for m in self.matches["fig"]:
            latin, short, country = m.payload
            if any(k in self.in_org or k in self.in_place for k in range(m.i, m.j)) and short:
                continue
            prio = P_LEXICON - (0.5 if short else 0)
            c = self.cand(m.i, m.j, m.prefix, "PER", latin, prio, "figure", full=not short, country=country)
            out.append(c)
            self.person_at.setdefault(m.i, c)
        return out

    def skip_complement(self, k: int) -> tuple[int, int]:
        """(first token after a title's complement, number of complement tokens skipped)."""
        start = k
        while k < self.n and k - start < MAX_COMPLEMENT and self.same_sentence(start, k):
            if k in self.person_at:
                break
            span = self.org_at.get(k) or self.place_at.get(k)
            if span is not None:
                k = span.j
                continue
            t = self.title_at.get(k)
            if t is not None:
                k = t.j
                continue
            tok = self.toks[k]
            if tok.kind != "word":
                break
            norm = tok.norm
            if (
                norm in ("باسم", "في", "لدي")
                and k + 1 < self.n
                and (
                    k + 1 in self.place_at
                    or k + 1 in self.org_at
                    or self.toks[k + 1].norm.startswith("ال")
                    or self._construct_chain(k + 1)  # في حكومة تصريف الأعمال
                )
            ):
                k += 1
                continue
            kind = self.is_stop(k)
            if kind in STRICT_STOP:
                break
            if norm in self.lex.given_single and not self.lex.given_single[norm].common:
                break
            if any(seg.article for seg in tok.segments) or norm.startswith("لل"):
                k += 1
                continue
            if (
                (kind in ("noun", "adj") or verbal_noun_shape(norm))
                and k + 1 < self.n
                and (self.toks[k + 1].norm.startswith("ال") or k + 1 in self.org_at or k + 1 in self.place_at)
            ) or self._construct_chain(k):
                k += 1
                continue
            break
        return k, k - start

    def _construct_chain(self, k: int) -> bool:
        """Two common nouns before a definite one (حكومة تصريف الأعمال، فرع حزب البعث): a title's
        complement goes on through them."""
        if k + 2 >= self.n or not self.same_sentence(k, k + 2):
            return False
        first, second = self.toks[k], self.toks[k + 1]
        if first.kind != "word" or second.kind != "word" or first.norm.startswith("ال"):
            return False
        nouns = all(
            self.is_stop(x) in ("noun",) or verbal_noun_shape(self.toks[x].norm) or x in self.org_at
            for x in (k, k + 1)
        )
        after = self.toks[k + 2].norm
        return nouns and (after.startswith("ال") or k + 2 in self.org_at or k + 2 in self.place_at)

    def titled_person(self, m: Match) -> Cand | None:
        k, skipped = self.skip_complement(m.j)
        comma = False
        if k < self.n and self.toks[k].text in ("،", ",") and skipped <= MAX_COMPLEMENT:
            comma = True
            k += 1
        if k >= self.n or not self.same_sentence(m.i, k):
            return None
        if k in self.person_at or (
            k + 1 < self.n and k + 1 in self.person_at and self.person_at[k + 1].data.get("full")
        ):
            return None
        end, parts = self.name_extent(k)
        if not parts and not comma and (skipped or m.j - m.i >= 2) and self._foreign_first(k):
            # وزير الخارجية السلوفاكي إيفان كورتشوك، التشيكي يان هاماتشيك: after a title and a
            # nationality a name begins, though its first word looks like a verbal noun or a verb;
            # after a definite complement (وزير الداخلية يان هاماتشيك) when two name words follow
            started = self.name_extent(k, started=True)
            foreign = (
                m.payload not in ("profession", "honorific")
                and started[1] >= 2
                and not any(
                    self.toks[x].norm.startswith("ال") or self.is_stop(x) for x in range(k, started[0])
                )
            )  # not بمحاسبة الجناة
            if self.is_nationality(k - 1) or (self.toks[k - 1].norm.startswith("ال") and foreign):
                end, parts = started
        if any(x in self.person_at for x in range(k + 1, end)):
            return None  # رئيس نيكاراغوا دانيال أورتيغا: the known name is the person
        if (
            parts
            and end + 1 < self.n
            and self.toks[end].text in ("،", ",")
            and (end + 1 in self.person_at or end + 1 in self.given_at)
        ):
            return None  # رئيس كازاخستان، قاسم …: the first word was the complement
        if parts:
            norm = self.toks[k].norm
            known = norm in self.lex.name_words or norm in self.lex.given_single
            definite_title = self.toks[m.i].norm.startswith(("ال", "وال")) or skipped > 0
            single_ok = known or (
                m.payload not in ("profession", "honorific")
                and definite_title
                and not self._adjective_like(k)
            )
            if parts >= 2 or (single_ok and not comma):
                return self.cand(k, end, "", "PER", self.person_latin(k, end, ""), P_TITLE, "title")
            return None
        # "الرئيس الأسد": a definite surname right after the title (not after a profession:
        # الشاب المتوفى is an adjective)
        last = m.j
        if not comma and skipped == 1 and m.payload != "profession" and self._definite_surname(last):
            return self.cand(
                last, last + 1, "", "PER", self.person_latin(last, last + 1, ""), P_TITLE, "title"
            )
        return None

    def _foreign_first(self, k: int) -> bool:
        """Can token ``k``, right after a title and a nationality, open a foreign name? Not an
        imperfect verb of four letters or more (الرئيس الأمريكي يزور), not a definite word."""
        norm = self.toks[k].norm
        if not self.namey(k, False) or norm.startswith("ال"):
            return False
        if norm[:1] in "بلك" and (verbal_noun_shape(norm[1:]) or stop_kind(norm[1:])):
            return False  # تعهد الرئيس بملاحقة منفذي الهجوم: a preposition and a verbal noun
        return not (norm[0] in "يت" and len(norm) >= 4 and norm[1:2] != "و")

    def _definite_surname(self, k: int) -> bool:
        tok = self.toks[k]
        norm = tok.norm
        if not norm.startswith("ال") or k in self.in_org or k in self.in_place or self.is_nationality(k):
            return False
        if (
            self.is_stop(k)
            or norm in self.lex.generic_adj
            or norm in self.lex.trailing
            or norm in self.lex.title_words
            or head_reading(norm) is not None
        ):
            return False  # المتحدث باسم الوزارة: a head word is a body, not a surname
        nxt = self.toks[k + 1] if k + 1 < self.n else None
        return nxt is None or nxt.kind != "word" or bool(self.is_stop(nxt.i))

    def titled_persons(self) -> list[Cand]:
        out = []
        for m in self.title_at.values():
            c = self.titled_person(m)
            if c is not None:
                out.append(c)
        return out

    def apposed_persons(self) -> list[Cand]:
        """قال شكيب بنموسى، وزير التربية: two or three name-like words after a verb and before a
        comma and a title are a person, named before the office they hold."""
        out = []
        for t in self.title_at:
            if t < 3 or self.toks[t - 1].text not in ("،", ","):
                continue
            end = t - 1
            i = end
            while i > 0 and end - i < 3 and self.same_sentence(i - 1, end) and self.namey(i - 1, False):
                i -= 1  # namey: no word of a place or an organisation
            if end - i < 2 or not self.namey(i, True) or any(x in self.person_at for x in range(i, end)):
                continue
            before = self.toks[i - 1] if i > 0 else None
            if before is not None and before.kind == "word" and stop_kind(before.norm) != "verb":
                continue  # the words must open the clause after a verb of saying (قال، أكد)
            out.append(self.cand(i, end, "", "PER", self.person_latin(i, end, ""), P_GIVEN, "apposed"))
        return out

    def given_persons(self) -> list[Cand]:
        out = []
        for i, m in self.given_at.items():
            if i in self.in_org or i in self.in_place or i in self.person_at:
                continue
            g: Given = m.payload
            if self.toks[i].text.endswith("ى") and self.toks[i].norm in self.lex.stop:
                continue  # على, not علي
            if m.prefix and self.toks[i].norm in self.lex.stop:
                continue  # لجان مقاومة: committees, not ل + Jean
            nxt = m.j
            if nxt >= self.n or not self.same_sentence(i, nxt):
                continue
            if g.common:
                nt = self.toks[nxt]
                ok = (
                    nt.norm in self.lex.given_single
                    or nt.norm in self.lex.prefixes
                    or (not nt.norm.startswith("ال") and self.namey(nxt, True))
                )
                if not ok or (
                    i > 0
                    and self.toks[i - 1].norm.startswith("ال")
                    and self.toks[i - 1].kind == "word"
                    and self.toks[i - 1].norm not in self.lex.title_words
                ):
                    continue
            end, parts = self.name_extent(nxt, started=True)
            if parts < 1:
                continue
            out.append(
                self.cand(i, end, m.prefix, "PER", self.person_latin(i, end, m.prefix), P_GIVEN, "given")
            )
        return out


DATELINE_MARKS = frozenset({"-", "–", "—", "/", ":"})
CREDIT_WORD = fold("المصدر")


@lru_cache(maxsize=100_000)
def head_reading(norm: str) -> tuple[str, str, str, bool] | None:
    """(prefix, role, latin, definite) when ``norm`` is an organisation head word (وزارة، للجنة)."""
    heads = lexicon().heads
    for seg in segmentations(norm):
        base = seg.base
        if seg.prefix.endswith("لل"):
            base = "ال" + base
        if base in heads:
            role, latin = heads[base]
            return seg.prefix, role, latin, False
        if base.startswith("ال") and base[2:] in heads:
            role, latin = heads[base[2:]]
            pre = seg.prefix[:-1] if seg.prefix.endswith("لل") else seg.prefix
            return pre, role, latin, True
    return None


def verbal_noun_shape(norm: str) -> bool:
    """Shapes of verbal nouns and plurals that rarely open a name: إغلاق، اعتقال، استهداف، تحركات.

    >>> verbal_noun_shape("اغلاق"), verbal_noun_shape("اعتقال"), verbal_noun_shape("ماسيموف")
    (True, True, False)
    """
    n = len(norm)
    if n == 5 and norm[0] == "ا" and norm[3] == "ا":
        return True  # إفعال
    if n == 6 and norm[0] == "ا" and norm[2] == "ت" and norm[4] == "ا":
        return True  # افتعال
    if n == 6 and norm.startswith("ان") and norm[4] == "ا":
        return True  # انفعال
    if n >= 7 and norm.startswith("است"):
        return True  # استفعال
    if n == 5 and norm[0] == "ت" and norm[3] == "ي":
        return True  # تفعيل
    if n == 6 and norm[0] == "م" and norm[2] == "ا" and norm[4] != "ي" and norm[5] == "ه":
        return True  # مفاعلة: ملاحقة، محاسبة
    if n == 6 and norm[0] == "ت" and norm[3] == "ي" and norm[5] == "ه":
        return True  # تفعيلة: تدوينة، تغريدة
    return n >= 5 and norm.endswith("ات")


def future_verb(norm: str) -> bool:
    """A future verb: سيظل، ستواصل، سنعمل (not سيف، سيم).

    >>> future_verb("سيظل"), future_verb("ستواصل"), future_verb("سيم")
    (True, True, False)
    """
    return len(norm) >= 4 and norm[0] == "س" and norm[1] in "يتن"


def _pattern_latin(head: str, english: str | None, complement: str) -> str | None:
    """The English of a head and its complement: Ministry of Interior, Human Rights Committee
    (org_complements.tsv), else the head and a transliteration (Ministry of al-Awqaf)."""
    if not head:
        return None
    if english is None:
        return f"{head} {transliterate(complement)}"
    return f"{head} {english}" if head.endswith(" of") else f"{english} {head}"


def strip_def(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def strip_clitic_head(norm: str, prefix: str) -> str:
    return norm[len(prefix) :] if prefix and norm.startswith(prefix) else norm


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest first, then the most trusted."""
    chosen: list[Cand] = []
    taken: set[int] = set()  # normalised offsets already covered: overlap costs the span's length
    for c in sorted(cands, key=lambda c: (-c.length, -c.prio, c.ns)):
        if c.length <= 0:
            continue
        span = range(c.ns, c.ne)
        if not taken.isdisjoint(span):
            continue
        chosen.append(c)
        taken.update(span)
    return chosen


def _propagation_keys(reader: Reader, chosen: list[Cand]) -> dict[str, str]:
    """Partial forms of recognised person names: surname (and last two words) -> latin."""
    lex = reader.lex
    keys: dict[str, str] = {}
    for c in chosen:
        if c.type != "PER" or c.source == "propagated":
            continue
        toks = reader.toks[c.i : c.j]
        norms = [t.norm for t in toks]
        if c.i == toks[0].i and c.ns > toks[0].nstart:
            norms[0] = norms[0][c.ns - toks[0].nstart :]
        latin_words = (c.latin or "").split()
        if len(norms) == 1:
            if c.source in ("title", "figure") and stop_kind(norms[0]) is None and len(norms[0]) >= 3:
                keys.setdefault(norms[0], c.latin or "")
            continue
        last = norms[-1]
        if len(norms) >= 2 and norms[-2] in lex.prefixes:
            keys.setdefault(" ".join(norms[-2:]), " ".join(latin_words[-2:]))
        elif (
            last not in lex.given_single
            and last not in lex.links
            and stop_kind(last) is None
            and len(last) >= 3
        ):
            keys.setdefault(last, latin_words[-1] if latin_words else transliterate(last))
            if len(norms) >= 3 and norms[-2] not in lex.links:
                keys.setdefault(" ".join(norms[-2:]), " ".join(latin_words[-2:]))
    return keys


def propagate(reader: Reader, chosen: list[Cand]) -> list[Cand]:
    keys = _propagation_keys(reader, chosen)
    if not keys:
        return []
    m = PhraseMatcher()
    for k, latin in keys.items():
        m.add(k, latin)
    taken = [(c.ns, c.ne) for c in chosen]
    out = []
    for x in m.find(reader.doc):
        if x.suffix:
            continue
        c = reader.cand(x.i, x.j, x.prefix, "PER", x.payload, P_PROPAGATED, "propagated")
        if any(c.ns < e and s < c.ne for s, e in taken):
            continue
        out.append(c)
        taken.append((c.ns, c.ne))
    return out


def find_candidates(doc: Doc) -> tuple[Reader, list[Cand]]:
    """Every candidate mention of ``doc`` before overlaps are resolved."""
    lex = lexicon()
    r = Reader(doc, lex)
    r.split_matches(lex.names.find(doc, overlapping=True))
    cands = r.places()
    cands += r.lexicon_orgs()
    r.given_at = {m.i: m for m in r.matches["given"]}
    r.title_at = {
        m.i: m
        for m in lex.titles.find(doc)
        if not m.suffix or (m.suffix in SUFFIX_READINGS and not m.phrase[0].startswith("ال"))
    }
    cands += r.figures()
    cands += r.pattern_orgs()
    cands += r.titled_persons()
    cands += r.given_persons()
    cands += r.apposed_persons()
    return r, cands


def entities(doc: Doc) -> Doc:
    """Add ``entity`` spans (PER, ORG, LOC) to ``doc``."""
    if not doc.tokens or doc.view is None:
        return doc
    reader, cands = find_candidates(doc)
    chosen = resolve(cands)
    chosen += propagate(reader, chosen)
    for c in sorted(chosen, key=lambda c: c.ns):
        if c.source == "place":
            span = c.data["span"]
            doc.add("entity", type(span)(span.start, span.end, "entity", {"type": "LOC", "latin": c.latin}))
            continue
        extra = {"country": c.data["country"]} if c.data.get("country") else {}  # a known figure's or body's
        doc.add("entity", doc.span_from_norm(c.ns, c.ne, "entity", type=c.type, latin=c.latin, **extra))
    return doc
