"""What the events stage reads from a ``Doc``, indexed by token.

Earlier stages give spans in original offsets (``number``, ``date``, ``place``, ``demonym``,
``entity``); the events stage reasons over token positions, so ``Context`` maps every span to
its token range once. All of these stages are optional: without them the lists are empty
(numbers fall back to digit tokens).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.events.lexicon import ActorTerm, CountNoun, Lexicons, ModalityCue, ModeCue, lexicons
from rasd.lexicons import read_tsv
from rasd.matcher import Match
from rasd.outlets import home_country
from rasd.stages.places import dateline_dash

# words that end a clause inside a sentence (folded)
CLAUSE_WORDS = frozenset(fold(w) for w in ("بينما", "فيما", "حيث", "إذ", "كما", "بعدما", "عقب"))
CLAUSE_BIGRAMS = frozenset(tuple(fold(w).split()) for w in ("في حين", "بعد أن", "قبل أن", "في وقت", "إلى أن"))
TIME_ADJECTIVES = frozenset(fold(w) for w in ("سابق", "لاحق", "متأخر", "مبكر", "قريب", "واحد"))
HOME_VOTE = 1.5  # a national outlet's home country, as votes for the article's main country
CLAUSE_PUNCT = frozenset('،,:؛;"«»“”()')
PREPOSITIONS = frozenset(
    fold(w)
    for w in (
        "في",
        "على",
        "إلى",
        "الى",
        "من",
        "عن",
        "مع",
        "ضد",
        "بين",
        "داخل",
        "قرب",
        "نحو",
        "لدى",
        "عند",
        "حول",
        "خلال",
        "منذ",
        "حتى",
        "بعد",
        "قبل",
        "أمام",
        "خلف",
        "وسط",
        "تحت",
        "فوق",
        "عبر",
        "ضمن",
    )
)


@dataclass
class Mention:
    """A possible actor or target: a generic actor term, a named entity or a country."""

    i: int
    j: int
    start: int
    end: int
    kind: str | None
    country: str | None
    named: bool  # a named entity (PER/ORG) or a country, not a description
    etype: str | None = None  # PER, ORG, LOC for named mentions
    capital: bool = False  # a capital standing for its government (أعلنت واشنطن): never a target


@dataclass
class Quantity:
    i: int
    j: int
    start: int
    end: int
    value: float
    qualifier: str
    dual: bool = False  # a dual noun read as two (منزلين): a count only when the noun is one


@dataclass
class Context:
    doc: Doc
    lex: Lexicons
    starts: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    places: list[tuple[int, int, Span]] = field(default_factory=list)
    dates: list[tuple[int, int, Span]] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    demonyms: dict[int, str] = field(default_factory=dict)
    count_nouns: dict[int, tuple[int, CountNoun]] = field(default_factory=dict)
    modality: list[Match] = field(default_factory=list)
    mode_cues: list[Match] = field(default_factory=list)
    clause_break: list[bool] = field(default_factory=list)
    strong_break: list[bool] = field(default_factory=list)
    _break_memo: dict[int, tuple[list[bool], list[int], list[int]]] = field(default_factory=dict)
    origins: tuple[int, set[int]] | None = None  # (number of places, places named as origins)
    _starts_memo: dict[int, tuple[list, list[int] | None]] = field(default_factory=dict)
    _place_reach: tuple[list[tuple[int, int, Span]] | None, list[int]] = (None, [])
    main_country: str | None = None
    main_place: Span | None = None
    dateline_country: str | None = None  # the country of the place the story is reported from
    home_country: str | None = None  # the home country of a national outlet (rasd.outlets)
    date_toks: set[int] = field(default_factory=set)
    # (first token, place) of the actions placed so far: what البلدة، المدينة may refer back to
    event_places: list[tuple[int, Span]] = field(default_factory=list)
    named_countries: set[str | None] | None = None  # the countries of the article's places and demonyms

    q_at: dict[int, Quantity] = field(default_factory=dict)
    arg_cues: dict[int, tuple[int, str]] = field(default_factory=dict)  # start -> (end, role)
    cue_starts: dict[tuple[str, int], int] = field(default_factory=dict)  # (role, end) -> first start

    def cue_at(self, i: int, role: str) -> int | None:
        """The end of an argument cue of ``role`` (argument_cues.tsv) starting at token ``i``."""
        hit = self.arg_cues.get(i)
        return hit[0] if hit is not None and hit[1] == role else None

    def cue_ending(self, j: int, role: str) -> int | None:
        """The start of the first argument cue of ``role`` that ends at token ``j``."""
        return self.cue_starts.get((role, j))

    def quantity_at(self, i: int) -> Quantity | None:
        """The quantity that starts at token ``i``."""
        return self.q_at.get(i)

    def modifier(self, i: int) -> bool:
        """Token ``i`` is inside a longer mention that starts before it (سفير روسيا)."""
        return any(m.i < i < m.j for m in self.mentions if m.i <= i)

    def in_date(self, i: int) -> bool:
        """Token ``i`` is part of a date (فجر اليوم is a time, not 'blew up')."""
        return i in self.date_toks

    # ---------------------------------------------------------------- token geometry
    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Token range [i, j) of the tokens overlapping original offsets [start, end)."""
        toks = self.doc.tokens
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        if i < len(toks) and toks[i].end <= start:
            i += 1
        j = i
        while j < len(toks) and toks[j].start < end:
            j += 1
        return i, max(j, i + 1)

    def sentence_range(self, i: int) -> tuple[int, int]:
        if not self.sent_bounds:
            return 0, len(self.doc.tokens)
        s = self.doc.tokens[i].sentence
        return self.sent_bounds[min(s, len(self.sent_bounds) - 1)]

    def segment_range(self, i: int) -> tuple[int, int]:
        """The part of the sentence around token ``i`` between strong clause words (بينما،
        فيما، كما): a new action usually starts after them."""
        lo, hi = self.sentence_range(i)
        last, nxt = self._break_index(self.strong_break)
        return max(lo, last[i]), min(hi, nxt[i + 1])

    def clause_range(self, i: int, j: int) -> tuple[int, int]:
        """The clause around tokens [i, j): bounded by clause punctuation and clause words."""
        lo, hi = self.sentence_range(i)
        last, nxt = self._break_index(self.clause_break)
        return max(lo, last[i - 1] + 1 if i > 0 else 0), (j if j >= hi else min(hi, nxt[j]))

    def _break_index(self, breaks: list[bool]) -> tuple[list[int], list[int]]:
        """For break flags: the last break at or before each token (-1 if none) and the first
        at or after it (len if none), so that ranges cost O(1) in long sentences, not O(n)."""
        key = id(breaks)
        hit = self._break_memo.get(key)
        if hit is None or hit[0] is not breaks:
            n = len(breaks)
            last, nxt = [-1] * (n + 1), [n] * (n + 2)
            prev = -1
            for k, flag in enumerate(breaks):
                prev = k if flag else prev
                last[k] = prev
            for k in range(n - 1, -1, -1):
                nxt[k] = k if breaks[k] else nxt[k + 1]
            hit = (breaks, last, nxt)
            self._break_memo[key] = hit
        return hit[1], hit[2]

    def norm(self, i: int) -> str:
        return self.doc.tokens[i].norm

    def past_partitive(self, k: int) -> int:
        """The position after a partitive at ``k`` (عدد من، مجموعة من، بعض) and its من, or ``k``;
        ``k`` when a party's own name begins there (وحدات من الحرس الوطني is one description)."""
        end = self.cue_at(k, "partitive")
        if end is None or self.mention_from(k) > end:
            return k
        return self.past_min(end)

    def mention_from(self, k: int) -> int:
        """The end of the longest mention that starts at token ``k``, or ``k`` (a scan, as in
        ``mentions_in``: it runs only where a partitive cue stands)."""
        return max((m.j for m in self.mentions if m.i == k), default=k)

    def past_min(self, k: int, hi: int | None = None) -> int:
        """``k``, or one past it when من stands there before ``hi`` (the end of the text by
        default): the group after a count or a partitive (مئات من الأهالي، عدد من المسلحين)."""
        end = len(self.doc.tokens) if hi is None else hi
        return k + 1 if k < end and self.doc.tokens[k].norm == "من" else k

    def count_nouns_in(self, lo: int, hi: int) -> list[tuple[int, tuple[int, CountNoun]]]:
        """The count nouns that start in tokens [lo, hi), in order (O(hi - lo), not O(article))."""
        get = self.count_nouns.get
        return [(k, hit) for k in range(max(lo, 0), hi) if (hit := get(k)) is not None]

    def inside_place(self, i: int, j: int) -> bool:
        """Tokens [i, j) lie within one place name (places are sorted by their first token)."""
        places = self.places
        bounds = _bounds_in(self._starts_memo, places, 0, i + 1)
        if bounds is None:
            return any(a <= i and j <= b for a, b, _ in places)
        if self._place_reach[0] is not places or len(self._place_reach[1]) != len(places):
            reach, top = [], -1  # the furthest end of the places up to each one
            for _, b, _ in places:
                top = max(top, b)
                reach.append(top)
            self._place_reach = (places, reach)
        k = bounds[1]
        return k > 0 and self._place_reach[1][k - 1] >= j

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in tokens [lo, hi), in their order (a scan: the events stage
        removes mentions and moves their starts, so no index would stay true)."""
        return [m for m in self.mentions if lo <= m.i < hi]

    def place_indexes_in(self, lo: int, hi: int) -> range | list[int]:
        """Indexes into ``places`` of the places that start in tokens [lo, hi), in order."""
        bounds = _bounds_in(self._starts_memo, self.places, lo, hi)
        if bounds is None:
            return [k for k, x in enumerate(self.places) if lo <= x[0] < hi]
        return range(*bounds)

    def dates_in(self, lo: int, hi: int) -> list[tuple[int, int, Span]]:
        """The dates that start in tokens [lo, hi), in their order."""
        return _starting_in(self._starts_memo, self.dates, lo, hi)

    def quantities_in(self, lo: int, hi: int) -> list[Quantity]:
        """The quantities that start in tokens [lo, hi), in their order."""
        return _starting_in(self._starts_memo, self.quantities, lo, hi)


def _first_token(x: Any) -> int:
    """The first token of a span tuple (i, j, span) or of an object with ``i``."""
    return x[0] if isinstance(x, tuple) else x.i


def _bounds_in(
    memo: dict[int, tuple[list, list[int] | None]], items: list, lo: int, hi: int
) -> tuple[int, int] | None:
    """The slice [a, b) of ``items`` (each with a first token: ``x.i``, or ``x[0]`` for a tuple)
    that starts in tokens [lo, hi), by bisection over their starts, kept in ``memo`` until the
    list is replaced or changes length; None when the items are not in token order."""
    hit = memo.get(id(items))
    if hit is None or hit[0] is not items or (hit[1] is not None and len(hit[1]) != len(items)):
        starts = [_first_token(x) for x in items]
        hit = (items, starts if all(a <= b for a, b in zip(starts, starts[1:], strict=False)) else None)
        memo[id(items)] = hit
    starts = hit[1]
    if starts is None:
        return None
    return bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)


def _starting_in(memo: dict[int, tuple[list, list[int] | None]], items: list, lo: int, hi: int) -> list:
    """The items that start in tokens [lo, hi), in their order."""
    bounds = _bounds_in(memo, items, lo, hi)
    if bounds is None:  # not in token order: filter them all
        return [x for x in items if lo <= _first_token(x) < hi]
    return items[bounds[0] : bounds[1]]


def _sent_bounds(doc: Doc) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    first = 0
    toks = doc.tokens
    for k in range(1, len(toks) + 1):
        if k == len(toks) or toks[k].sentence != toks[k - 1].sentence:
            out.append((first, k))
            first = k
    # index by sentence number
    by_sent: list[tuple[int, int]] = [(0, 0)] * (max((t.sentence for t in toks), default=-1) + 1)
    for a, b in out:
        by_sent[toks[a].sentence] = (a, b)
    return by_sent


def _quantities(ctx: Context) -> list[Quantity]:
    doc = ctx.doc
    out: list[Quantity] = []
    spans = [s for s in doc.get("number") if not s.data.get("ordinal")]
    if spans:
        for s in spans:
            value = s.data.get("value")
            if not isinstance(value, int | float):
                continue
            i, j = ctx.tok_range(s.start, s.end)
            qual = s.data.get("qualifier") or "exact"
            out.append(Quantity(i, j, s.start, s.end, float(value), qual, bool(s.data.get("dual"))))
        return out
    # fallback without the numbers stage: digit tokens
    for t in doc.tokens:
        if t.kind == "number":
            try:
                value = float(t.norm.replace(",", ""))
            except ValueError:
                continue
            out.append(Quantity(t.i, t.i + 1, t.start, t.end, value, "exact"))
    return out


def _government_seat(ctx: Context, i: int, j: int, s: Span) -> bool:
    """A capital city written bare (no preposition, no clitic ب ل ك, not the dateline) right
    after a word or opening its sentence: it may stand for its government."""
    if s.data.get("kind") != "city" or not s.data.get("capital") or s.data.get("dateline"):
        return False
    tok = ctx.doc.tokens[i]
    if s.start > tok.start and any(ch in fold(ctx.doc.text[tok.start : s.start]) for ch in "بلك"):
        return False
    if tok.norm.startswith("و") and any(b == i for _, b, _ in ctx.places):
        return False  # بين عمان وبغداد: the second of two places
    return i == 0 or (ctx.doc.tokens[i - 1].kind == "word" and ctx.norm(i - 1) not in PREPOSITIONS)


def _known_country(ctx: Context, country: str | None) -> str | None:
    """A known figure's or body's country, when the article names that country (a namesake
    abroad keeps none: Colombia's defence minister Pedro Sánchez is no Spaniard)."""
    if not country or country in ("UN", "EU"):
        return None
    if ctx.named_countries is None:
        ctx.named_countries = {s.data.get("country") for _, _, s in ctx.places} | set(ctx.demonyms.values())
    return country if country in ctx.named_countries else None


def _actor_mentions(ctx: Context) -> list[Mention]:
    doc = ctx.doc
    toks = doc.tokens
    out: list[Mention] = []
    taken: set[int] = set()
    for s in doc.get("entity"):
        etype = s.data.get("type")
        if etype not in ("PER", "ORG"):
            continue
        i, j = ctx.tok_range(s.start, s.end)
        country = ctx.demonyms.get(j) or _known_country(ctx, s.data.get("country"))
        kind = "person" if etype == "PER" else None
        out.append(Mention(i, j, s.start, s.end, kind, country, True, etype))
        taken.update(range(i, j))
    for i, j, s in ctx.places:
        if s.data.get("kind") == "country" and not taken.intersection(range(i, j)):
            out.append(Mention(i, j, s.start, s.end, "government", s.data.get("country"), True, "LOC"))
            taken.update(range(i, j))
        elif _government_seat(ctx, i, j, s) and not taken.intersection(range(i, j)):
            # وتتهم إسلام آباد كابل، ردت موسكو: a capital that acts is its government
            seat = Mention(i, j, s.start, s.end, "government", s.data.get("country"), True, "LOC", True)
            out.append(seat)
            taken.update(range(i, j))
    for m in ctx.lex.actors.find(doc):
        if taken.intersection(range(m.i, m.j)):
            # a description inside a name (الشرطة in شرطة دبي) gives the name its kind
            for x in out:
                if x.i <= m.i and m.j <= x.j and x.kind is None:
                    x.kind = m.payload.kind
            continue
        term: ActorTerm = m.payload
        j, end, country = m.j, m.end, None
        # a trailing adjective of nationality, or a country after a genitive: قوات الأمن التركية
        if j in ctx.demonyms:
            country = ctx.demonyms[j]
            end = toks[j].end
            j += 1
        out.append(Mention(m.i, j, m.start, end, term.kind, country, False))
        taken.update(range(m.i, j))
    out.sort(key=lambda x: x.i)
    return _shared_names(ctx, _spokesmen(ctx, _appositions(ctx, out)))


TITLE_KINDS = frozenset({"government", "officials", "judiciary", "opposition", "media", "international"})


def _title(m: Mention) -> bool:
    return m.kind in TITLE_KINDS and (not m.named or m.etype == "LOC")


def _definite(ctx: Context, i: int, j: int) -> bool:
    return all(t.norm.startswith("ال") for t in ctx.doc.tokens[i:j])


def _described(ctx: Context, title: Mention, mentions: list[Mention], k: int) -> bool:
    """Mention ``k`` is a definite complement of ``title`` before the person's name:
    المدني in وزير التخطيط المدني رؤوف حكيم."""
    m = mentions[k]
    if m.named or not _title(title) or m.i - title.j > 2 or not _definite(ctx, title.j, m.j):
        return False
    for n in mentions[k + 1 :]:
        if n.i - title.j > 3 or not _definite(ctx, title.j, n.i):
            return False
        if n.etype == "PER":
            return True
    return False


def _office(ctx: Context, title: Mention, m: Mention) -> bool:
    """A one-word title and the body it heads: وزير + الخارجية، محافظ + البنك المركزي."""
    toks = ctx.doc.tokens
    return (
        _title(title)
        and not title.named
        and title.j - title.i == 1
        and not toks[title.i].norm.startswith("ال")
        and not m.named
        and m.i == title.j
        and m.kind in TITLE_KINDS
        and toks[m.i].norm.startswith("ال")
    )


@cache
def _title_words() -> frozenset[str]:
    """First words of the titles lexicon (الرئيس، العقيد، الشيخ), folded."""
    from rasd.stages.entities import lexicon

    return frozenset(lexicon().title_words)


@cache
def _ranks() -> frozenset[tuple[str, ...]]:
    """Military ranks of the titles lexicon (العقيد، الفريق أول), as folded word tuples."""
    return frozenset(tuple(fold(r["title"]).split()) for r in read_tsv("titles.tsv") if r["kind"] == "rank")


def _rank_before(gap: list[str]) -> int:
    """The number of words of a military rank that ends ``gap`` (0 if none)."""
    for n in (2, 1):
        if len(gap) >= n and tuple(gap[-n:]) in _ranks():
            return n
    return 0


def _officer_of(ctx: Context, title: Mention, m: Mention) -> bool:
    """A title and the named body after it with ل ("of"): الأمين العام للأمم المتحدة."""
    if not _title(title) or title.named or m.i != title.j or not m.named or m.etype not in ("ORG", "LOC"):
        return False
    tok = ctx.doc.tokens[m.i]
    return fold(ctx.doc.text[tok.start : m.start]).lstrip("و") in ("ل", "لل")  # للأمم: ل + (ا)ل


# the post of an envoy or a deputy: المبعوث إلى اليمن، السفير لدى العراق، النائب عن البصرة
POSTS = frozenset(fold(w) for w in ("إلى", "في", "لدى", "عن"))


def _posted_name(ctx: Context, title: Mention | None, m: Mention, nxt: Mention | None) -> Mention | None:
    """The name after a title and the country of its post: المبعوث الخاص إلى اليمن هانس
    غروندبرغ → the name's mention, else None."""
    if title is None or not _title(title) or title.named or title.j >= len(ctx.doc.tokens):
        return None
    if ctx.doc.tokens[title.j].norm not in POSTS:
        return None
    if m.etype == "LOC" and m.i == title.j + 1:
        return nxt if nxt is not None and nxt.etype == "PER" and nxt.i == m.j else None
    # النائب عن محافظة البصرة عدي عواد: a place that is no mention of its own, then the name
    place = next((p for p in ctx.places if p[0] == title.j + 1), None)
    if place is not None and m.etype == "PER" and m.i == place[1]:
        return m
    return None


def _in_brackets_after(ctx: Context, prev: Mention, m: Mention) -> bool:
    """``m`` is written in brackets right after ``prev``: حلف شمال الأطلسي (الناتو)."""
    text = ctx.doc.text
    return text[prev.end : m.start].strip() == "(" and text[m.end : m.end + 2].lstrip()[:1] == ")"


def _construct_of(ctx: Context, i: int, j: int, body: Mention | None = None) -> bool:
    """The words [i, j) are a noun in the construct state and a definite genitive, or the named
    ``body`` after it: مفوضية + الاتحاد الأفريقي، خارجية + روسيا."""
    toks = ctx.doc.tokens
    if j - i < 2 or toks[i].kind != "word" or toks[i].norm.startswith("ال"):
        return False
    if body is not None:
        return body.i == i + 1 and body.j == j
    return all(t.kind == "word" for t in toks[i + 1 : j]) and _definite(ctx, i + 1, j)


def _of_phrase(ctx: Context, title: Mention, j: int) -> bool:
    """The words from the end of an unnamed title to ``j`` are a phrase with ل: لحقوق الإنسان."""
    toks = ctx.doc.tokens[title.j : j]
    return (
        not title.named
        and bool(toks)
        and toks[0].norm.startswith("ل")
        and not toks[0].norm.startswith("ال")
        and all(t.kind == "word" for t in toks)
    )


def _described_body(ctx: Context, j: int, k: int) -> bool:
    """The words between a title's body and the name, at most three: none, or an adjective of
    the title and its ل phrase (مفوضة الأمم المتحدة السامية لحقوق الإنسان ميشيل باشليه)."""
    words = [ctx.norm(x) for x in range(j, k)]
    return len(words) <= 3 and all(w.startswith(("ال", "ل")) for w in words)


def _joinable(ctx: Context, prev: Mention, m: Mention) -> bool:
    """Not a country then another party (كندا للولايات المتحدة), nor a name after a preposition."""
    if prev.named and m.etype != "PER":
        return False
    tok = ctx.doc.tokens[m.i]
    return not any(ch in fold(ctx.doc.text[tok.start : m.start]) for ch in "بلك")


def _appositions(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A title and the name it introduces are one mention: الرئيس قاسم جومارت توكايف،
    رئيس كازاخستان، سفير روسيا، وزير الخارجية الأردني، وزير التخطيط المدني رؤوف حكيم."""
    toks = ctx.doc.tokens
    out: list[Mention] = []
    skip = -1
    for k, m in enumerate(mentions):
        if k == skip:
            continue
        prev = out[-1] if out else None
        if prev is not None and _described(ctx, prev, mentions, k):
            if prev.country is None:
                prev.country = m.country  # وزير الخارجية البريطاني: the complement's nationality
            continue  # absorbed by the title when the name comes
        name = _posted_name(ctx, prev, m, mentions[k + 1] if k + 1 < len(mentions) else None)
        if prev is not None and name is not None:
            # المبعوث الأممي إلى اليمن هانس غروندبرغ، السفير الأمريكي لدى العراق ...
            out[-1] = Mention(prev.i, name.j, prev.start, name.end, prev.kind, prev.country, True, "PER")
            skip = k + 1 if name is not m else -1
            continue
        if prev is not None and prev.named and m.named and _in_brackets_after(ctx, prev, m):
            continue  # حلف شمال الأطلسي (الناتو): the short name is the same party
        if (
            prev is not None
            and not prev.named
            and prev.kind in ("police", "military", "security")
            and m.etype == "LOC"
            and m.i == prev.j
            and not toks[prev.j - 1].norm.startswith("ال")
            and m.start == toks[m.i].start
        ):
            # شرطة هونغ كونغ، جيش ميانمار: a force in the construct state with its place is one party
            out[-1] = Mention(prev.i, m.j, prev.start, m.end, prev.kind, m.country or prev.country, False)
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (
            prev is not None
            and _title(prev)
            and not prev.named
            and m.named
            and m.etype in ("ORG", "LOC")
            and nxt is not None
            and nxt.etype == "PER"
            and _described_body(ctx, m.j, nxt.i)
            and _construct_of(ctx, prev.j, m.j, m)
        ):
            # رئيس مفوضية الاتحاد الأفريقي موسى فقي محمد: the title, its body, then the name
            out[-1] = Mention(
                prev.i, nxt.j, prev.start, nxt.end, prev.kind, m.country or prev.country, True, "PER"
            )
            skip = k + 1
            continue
        if prev is not None and _officer_of(ctx, prev, m):
            # الأمين العام للأمم المتحدة، المبعوث الخاص للأمم المتحدة: a title of a body
            out[-1] = Mention(prev.i, m.j, prev.start, m.end, prev.kind, m.country or prev.country, False)
            continue
        if prev is not None and _office(ctx, prev, m):
            out[-1] = Mention(prev.i, m.j, prev.start, m.end, prev.kind, m.country or prev.country, False)
            continue
        if prev is not None and m.named and _title(prev) and _joinable(ctx, prev, m):
            gap = [t.norm for t in toks[prev.j : m.i]]
            # وزير التخطيط المدني رؤوف حكيم: a title, its definite complements, then the name;
            # المفوض السامي لحقوق الإنسان فولكر تورك: or a phrase with ل ("of")
            # وزير المصالحة الوطنية، العقيد إسماعيل واغي: the complements, a comma, the name
            body = m.i
            rank = _rank_before(gap)
            if len(gap) > 2 and gap[-1] in _title_words() and gap[-2] in ("،", ","):
                body = m.i - 2  # ، العقيد إسماعيل واغي
            elif len(gap) > 1 and gap[-1] in ("،", ","):
                body = m.i - 1
            elif rank:
                body = m.i - rank  # رئيس المجلس الفريق أول عبد الفتاح البرهان: a rank before the name
            described = (
                0 < len(gap) <= 4
                and m.etype == "PER"
                and (
                    _definite(ctx, prev.j, body)
                    or _of_phrase(ctx, prev, body)
                    or _construct_of(ctx, prev.j, body)
                    or _described_body(ctx, prev.j, body)
                )
            )
            # الرئيس الولايات المتحدة: a definite title takes no country as its genitive
            construct = not (m.etype == "LOC" and gap == [] and toks[prev.j - 1].norm.startswith("ال"))
            if (
                (gap == [] or gap in (["،"], [","]) or described)
                and (m.etype in ("PER", "LOC") or gap == [])
                and construct
            ):
                country = prev.country or m.country  # وزير الخارجية الأردني، or a known figure's
                merged = Mention(
                    prev.i,
                    m.j,
                    prev.start,
                    m.end,
                    prev.kind,
                    country,
                    True,
                    m.etype if m.etype == "PER" else "LOC",
                )
                if m.etype == "LOC" and m.country:
                    merged.country = m.country
                out[-1] = merged
                continue
        out.append(m)
    return out


def _shared_names(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """An office and the spokesmanship joined to it by و before one name are one person:
    وزير الصحة والمتحدث باسم الحكومة راجيتا سيناراتني (not وزير الخارجية ووزير الدفاع X, two
    people)."""
    toks = ctx.doc.tokens
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _title(prev)
            and not prev.named
            and m.named
            and m.etype == "PER"
            and 0 <= m.i - prev.j <= 2
            and _definite(ctx, prev.j, m.i)
            and toks[m.i].norm.startswith("و")
            and ctx.cue_at(m.i, "spokesman") is not None
        ):
            out[-1] = Mention(prev.i, m.j, prev.start, m.end, m.kind, m.country or prev.country, True, "PER")
            continue
        out.append(m)
    return out


def _spokesmen(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """المتحدث باسم حماس فوزي برهوم: one mention that speaks for the party (its kind and
    country), spanning the cue, the party and the spokesman's name."""
    toks = ctx.doc.tokens
    out: list[Mention] = []
    by_start = {m.i: m for m in mentions}
    skip: set[int] = set()
    for m in mentions:
        if m.i in skip:
            continue
        cue = ctx.cue_ending(m.i, "spokesman")
        if cue is None:
            out.append(m)
            continue
        last = m
        after = m.j + 1 if m.j in ctx.demonyms else m.j  # الخارجية الأردنية سنان المجالي
        name = by_start.get(after + 1) if after < len(toks) and toks[after].norm in ("،", ",") else None
        name = by_start.get(after) or name
        if name is not None and name.etype == "PER":
            last = name
            skip.add(name.i)
        kind = m.kind if m.kind and m.kind != "person" else "officials"
        first = cue
        before = out[-1] if out else None
        if before is not None and before.etype == "PER" and cue - before.j <= 1:
            first = out.pop().i  # فوزي برهوم، المتحدث باسم حماس
        end, j = (last.end, last.j) if last is not m or after == m.j else (toks[after - 1].end, after)
        country = m.country or ctx.demonyms.get(m.j)
        out.append(Mention(first, j, toks[first].start, end, kind, country, m.named, m.etype))
    return out


def _main_country(ctx: Context) -> tuple[str | None, Span | None]:
    """The dominant country (places and demonyms) and the most mentioned place of the article."""
    votes: dict[str, float] = {}
    place_votes: dict[Any, tuple[float, Span]] = {}
    for k, (_, _, s) in enumerate(ctx.places):
        c = s.data.get("country")
        if c:
            votes[c] = votes.get(c, 0) + 1.0 + (0.5 if k < 3 else 0)
        key = s.data.get("geonameid") or fold(s.text_of(ctx.doc))
        w, first = place_votes.get(key, (0.0, s))
        place_votes[key] = (w + 1.0, first)
    for c in ctx.demonyms.values():
        votes[c] = votes.get(c, 0) + 0.5
    if ctx.home_country:
        votes[ctx.home_country] = votes.get(ctx.home_country, 0) + HOME_VOTE
    country = max(votes, key=lambda c: votes[c]) if votes else None
    place = None
    if place_votes:
        best = max(place_votes.values(), key=lambda x: (x[0], -x[1].start))
        place = best[1]
    return country, place


def _dateline_end(ctx: Context) -> int:
    """The token that ends a dateline opened by its city (مقديشو 22 يناير (د ب أ)-), or 0 when
    the places stage found none."""
    return dateline_dash(ctx.doc) if any(s.data.get("dateline") for _, _, s in ctx.places) else 0


def build(doc: Doc) -> Context:
    lex = lexicons()
    ctx = Context(doc, lex)
    toks = doc.tokens
    ctx.starts = [t.start for t in toks]
    ctx.sent_bounds = _sent_bounds(doc)
    brk = [False] * len(toks)
    strong = [False] * len(toks)
    for t in toks:
        word = (
            t.norm[1:] if t.kind == "word" and t.norm[:1] in "وف" and t.norm[1:] in CLAUSE_WORDS else t.norm
        )
        bigram = (
            t.i + 1 < len(toks)
            and (word, toks[t.i + 1].norm) in CLAUSE_BIGRAMS
            # في وقت سابق، في وقت لاحق، في وقت متأخر: a time, not "while"
            and not (t.i + 2 < len(toks) and toks[t.i + 2].norm in TIME_ADJECTIVES)
        )
        if word in CLAUSE_WORDS or bigram:
            brk[t.i] = strong[t.i] = True
            if t.i > 0:
                brk[t.i - 1] = brk[t.i - 1] or toks[t.i - 1].kind == "punct"
        elif t.kind == "punct" and t.norm in CLAUSE_PUNCT:
            brk[t.i] = True
    ctx.clause_break = brk
    ctx.strong_break = strong
    for s in doc.get("place"):
        i, j = ctx.tok_range(s.start, s.end)
        ctx.places.append((i, j, s))
    ctx.places.sort(key=lambda x: x[0])
    in_place = {k for i, j, _ in ctx.places for k in range(i, j)}
    dateline_end = _dateline_end(ctx)
    for s in doc.get("date"):
        i, j = ctx.tok_range(s.start, s.end)
        if in_place.intersection(range(i, j)):
            continue  # ساحة باب الأحد: a weekday in the name of a place is no date
        if j <= dateline_end:
            continue  # مقديشو 22 يناير (د ب أ)-: the day of the report, not of its actions
        ctx.dates.append((i, j, s))
        ctx.date_toks.update(range(i, j))
    for s in doc.get("demonym"):
        if s.data.get("country"):
            i, _ = ctx.tok_range(s.start, s.end)
            ctx.demonyms[i] = s.data["country"]
    ctx.quantities = _quantities(ctx)
    ctx.q_at = {q.i: q for q in ctx.quantities}
    ctx.arg_cues = {m.i: (m.j, m.payload.role) for m in lex.arg_cues.find(doc)}
    for i, (j, role) in ctx.arg_cues.items():
        ctx.cue_starts.setdefault((role, j), i)
    ctx.mentions = _actor_mentions(ctx)
    for m in lex.counts.find(doc):
        ctx.count_nouns[m.i] = (m.j, m.payload)
    ctx.modality = lex.modality.find(doc)
    ctx.mode_cues = lex.mode_cues.find(doc)
    ctx.home_country = home_country(doc.outlet)
    ctx.main_country, ctx.main_place = _main_country(ctx)
    dateline = next((s for _, _, s in ctx.places if s.data.get("dateline")), None)
    ctx.dateline_country = dateline.data.get("country") if dateline is not None else None
    if ctx.dateline_country is None and ctx.home_country == ctx.main_country:
        ctx.dateline_country = ctx.home_country  # a national paper on its own country
    return ctx


__all__ = ["Context", "Mention", "Quantity", "build", "PREPOSITIONS", "ModalityCue", "ModeCue"]
