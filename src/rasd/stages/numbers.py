"""Stage: numbers and quantities.

Every number in the text becomes one ``number`` span over the ORIGINAL text, covering the
qualifier before it, the whole number expression and a unit after it. Numbers are read in
digits (4266, 4,266, ٤٫٢, 5,4), in words (خمسة وعشرون، مائة وخمسون، ثلاثة آلاف), in mixed form
(4.2 ألف، 1.5 مليون، ألف و500), as vague amounts with the conservative reading (عشرات 10
"tens", مئات الآلاف 100000 "hundreds", الآلاف 1000 "thousands"), as ordinals (العاشر،
الحادي والعشرين) and as dual nouns that state a count of two (شخصان). Proclitics (و ب ل ك ف)
are left out of the span: ``وبعشرات`` gives the span ``عشرات``.

Span data: ``value`` (int or float), ``qualifier`` (exact, about, more_than, less_than,
at_least, tens, hundreds, thousands), ``ordinal`` (bool); ``unit`` ('percent') when a unit
follows; ``dual`` (True) for a dual noun.

All words come from lexicons (``number_words.tsv``, ``number_qualifiers.tsv``,
``number_units.tsv``, ``number_duals.tsv``, ``number_exclusions.tsv``), documented in
docs/lexicon-numbers.md.

>>> from rasd.pipeline import read
>>> doc = read("تم احتجاز أكثر من 4.2 ألف شخص ومقتل عشرات", until="numbers")
>>> [(doc.text[s.start : s.end], s.data["value"], s.data["qualifier"]) for s in doc.get("number")]
[('أكثر من 4.2 ألف', 4200, 'more_than'), ('عشرات', 10, 'tens')]
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from rasd.arabic.charsets import ARTICLE, PROCLITIC_CONJ, PROCLITIC_PREP
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.lexicons import alternatives, read_tsv
from rasd.matcher import Match, PhraseMatcher

LABEL = "number"
AND = PROCLITIC_CONJ[0]  # the conjunction و, which joins the parts of a compound number

WORD_KINDS = frozenset(
    [
        "unit",
        "teen",
        "ten",
        "hundred",
        "scale",
        "scale_dual",
        "scale_plural",
        "vague",
        "fraction",
        "ordinal",
        "one_of",
    ]
)
QUALIFIERS = frozenset(
    ["exact", "about", "more_than", "less_than", "at_least", "tens", "hundreds", "thousands"]
)
# the readings a vague amount may carry (number_words.tsv, column "vague")
VAGUE_READINGS = frozenset(["tens", "hundreds", "thousands", "more_than"])
# what a qualifier row may say: a qualifier, or "vague" (عدة/بضعة, kept only before a vague amount)
QUALIFIER_ROWS = frozenset(["exact", "about", "more_than", "less_than", "at_least", "vague"])

# states of a cardinal being read; GROUPED states hold a sub-scale group a scale can multiply
_GROUPED = frozenset(["digits", "unit", "teen", "ten", "unit_ten", "hundred", "fraction"])
_SCALES = frozenset(["scale", "scale_plural"])


@dataclass(frozen=True)
class Atom:
    """One number word: its ``value``, ``kind`` (see WORD_KINDS, or 'dual') and vague reading."""

    value: Fraction
    kind: str
    vague: str = ""


# the roles a lexicon phrase can play; one phrase may have several (تقريبا: before and after)
WORD, BEFORE, AFTER, UNIT, EXCLUDE = "word", "before", "after", "unit", "exclude"


@dataclass(frozen=True)
class Lexicon:
    """The number lexicons compiled once: one matcher whose payloads map role -> data.

    ``phrases`` holds every number word and dual noun (role ``word``: an ``Atom``), qualifier
    (``before``/``after``: the qualifier), unit (``unit``: its name) and exclusion
    (``exclude``: the reason), so that a document is scanned once.
    """

    phrases: PhraseMatcher
    before_phrases: dict[str, str]
    symbols_after: dict[str, str]
    symbols_before: dict[str, str]


def _is_symbol(form: str) -> bool:
    """True for a form without letters or digits (``%``), which the tokeniser keeps as punct."""
    return not any(c.isalnum() for c in form)


def _key(form: str) -> str:
    return " ".join(fold(form).split())


@cache
def lexicon() -> Lexicon:
    """Load and compile the number lexicons (once per process)."""
    roles: dict[str, dict[str, object]] = {}

    def put(form: str, role: str, data: object) -> None:
        roles.setdefault(_key(form), {})[role] = data

    for row in read_tsv("number_words.tsv"):
        atom = Atom(Fraction(row["value"]), row["kind"], row.get("vague", ""))
        for form in alternatives(row["forms"]):
            put(form, WORD, atom)
    for row in read_tsv("number_duals.tsv"):
        atom = Atom(Fraction(row["value"]), "dual")
        for form in alternatives(row["forms"]):
            put(form, WORD, atom)
    before_phrases: dict[str, str] = {}
    for row in read_tsv("number_qualifiers.tsv"):
        for form in alternatives(row["phrases"]):
            put(form, row["position"], row["qualifier"])
            if row["position"] == BEFORE:
                before_phrases[_key(form)] = row["qualifier"]
    symbols_after: dict[str, str] = {}
    symbols_before: dict[str, str] = {}
    for row in read_tsv("number_units.tsv"):
        for form in alternatives(row["forms"]):
            if _is_symbol(form):
                table = symbols_after if row["position"] == AFTER else symbols_before
                table[fold(form)] = row["unit"]
            elif row["position"] == AFTER:
                put(form, UNIT, row["unit"])
    for row in read_tsv("number_exclusions.tsv"):
        for form in alternatives(row["phrases"]):
            put(form, EXCLUDE, row["reason"])

    phrases = PhraseMatcher()
    for key, payload in roles.items():
        phrases.add(key, payload)
    return Lexicon(phrases, before_phrases, symbols_after, symbols_before)


MAX_DIGITS = 40


def parse_digits(text: str, before_scale: bool = False) -> Fraction | None:
    """The value of a digit string with ``.`` and ``,`` separators (normalised: ٫ is ``.``, ٬ ``,``).

    A single separator followed by exactly three digits groups thousands (4,266 and 1.500),
    unless a scale word follows (1.500 مليون is one and a half million); any other single
    separator is a decimal point (4.2, 5,4). Several separators of one kind group thousands
    when every group has three digits; with both kinds, the last one is the decimal point.
    Anything else (8.1.2022) is not a number: ``None``.

    >>> [parse_digits(t) for t in ("4266", "4,266", "3,5", "4.2", "1,234,567.5")]
    [Fraction(4266, 1), Fraction(4266, 1), Fraction(7, 2), Fraction(21, 5), Fraction(2469135, 2)]
    >>> parse_digits("1.500", before_scale=True), parse_digits("8.1.2022")
    (Fraction(3, 2), None)
    """
    if len(text) > MAX_DIGITS:
        return None  # a run of digits this long is an identifier or noise, not a count
    seps = [c for c in text if c in ".,"]
    if not seps:
        return Fraction(int(text))
    if len(set(seps)) == 2:
        dec = seps[-1]
        if seps.count(dec) != 1:
            return None
        head, _, tail = text.rpartition(dec)
        groups = head.split("," if dec == "." else ".")
        return _decimal(_grouped(groups), tail)
    parts = text.split(seps[0])
    if len(parts) > 2:
        return _grouped(parts)
    head, tail = parts
    if len(tail) == 3 and len(head) <= 3 and int(head) != 0 and not before_scale:
        return _grouped(parts)
    return _decimal(Fraction(int(head)), tail)


def _grouped(groups: list[str]) -> Fraction | None:
    """``['1', '234', '567']`` -> 1234567 when the groups are thousands groups, else None."""
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return Fraction(int("".join(groups)))


def _decimal(head: Fraction | None, tail: str) -> Fraction | None:
    if head is None:
        return None
    return head + Fraction(int(tail), 10 ** len(tail))


def plain(value: Fraction) -> int | float:
    """``value`` as an int when whole, else a float rounded to 6 places."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 6)


@dataclass
class Piece:
    """A number word or digits at tokens [i, j); ``start``/``end`` are original offsets."""

    kind: str
    value: Fraction
    i: int
    j: int
    start: int
    end: int
    prefix: str = ""
    conj: bool = False
    vague: str = ""


@dataclass
class Reading:
    """A number read from tokens [i, j) with its original span and data."""

    i: int
    j: int
    start: int
    end: int
    value: Fraction
    qualifier: str = "exact"
    ordinal: bool = False
    unit: str | None = None
    dual: bool = False

    def data(self) -> dict[str, object]:
        out: dict[str, object] = {
            "value": plain(self.value),
            "qualifier": self.qualifier,
            "ordinal": self.ordinal,
        }
        if self.unit:
            out["unit"] = self.unit
        if self.dual:
            out["dual"] = True
        return out


class Cardinal:
    """Accumulates the pieces of a cardinal number by the rules of Arabic compound numbers.

    ``total`` holds finished scale groups (ألف، مليون ...), ``group`` the value below the next
    scale, ``floor`` the smallest scale used so far (a later group must be smaller), ``last``
    the value of the last piece.
    """

    def __init__(self, first: Piece) -> None:
        self.total = Fraction(0)
        self.group: Fraction | None = None
        self.floor: Fraction | None = None
        self.last = first.value
        self.vague = first.vague
        kind = first.kind
        if kind == "scale":
            self.total, self.floor, self.state = first.value, first.value, "scaled"
        elif kind == "scale_dual":
            self.total, self.floor, self.state = 2 * first.value, first.value, "scaled"
        elif kind == "scale_plural":
            self.group, self.state = first.value, "vague_done"
        else:
            self.group, self.state = first.value, kind

    @property
    def value(self) -> Fraction | None:
        if self.state == "fraction":  # نصف alone is not a count
            return None
        return self.total + (self.group or 0)

    def take(self, p: Piece) -> bool:
        """Add ``p`` when Arabic number grammar joins it to what was read; False to stop."""
        ok = self._join(p) if p.conj else self._multiply(p)
        if ok:
            self.last = p.value
        return ok

    def _multiply(self, p: Piece) -> bool:
        """Pieces that follow without و: a scale after a group, مئة after a unit."""
        v = p.value
        if p.kind in _SCALES and self.state in _GROUPED and (self.floor is None or v < self.floor):
            self.total += (self.group or 0) * v
            self.group, self.floor, self.state = None, v, "scaled"
            return True
        if p.kind == "scale_plural" and self.state == "vague":
            self.group, self.state = (self.group or 0) * v, "vague_done"
            return True
        if (
            p.kind == "hundred"
            and v == 100
            and self.state == "unit"
            and self.group == self.last
            and 3 <= self.last <= 9
        ):
            self.group, self.state = self.group * v, "hundred"
            return True
        if p.kind == "scale" and self.state == "scaled" and self.group is None and self.floor is not None:
            if v > self.floor:  # ألف مليون
                self.total, self.floor = self.total * v, v
                return True
        return False

    def _join(self, p: Piece) -> bool:
        """Pieces joined by و: خمسة وعشرون، مائة وخمسون، ألف و500، مليون ونصف."""
        v, kind, state = p.value, p.kind, self.state
        if state == "unit" and kind == "ten" and self.last <= 9:
            self.group, self.state = (self.group or 0) + v, "unit_ten"
            return True
        if state == "hundred" and kind in ("unit", "teen", "ten"):
            self.group, self.state = (self.group or 0) + v, kind
            return True
        if state == "hundred" and kind == "digits" and v < 100 and v.denominator == 1:
            self.group, self.state = (self.group or 0) + v, "unit_ten"
            return True
        if state != "scaled" or self.group is not None or self.floor is None:
            return False
        # digits after "scale و" stay below a thousand (ألف و500، مليون و200 ألف), so that
        # "مليون و2022" is two numbers
        small = kind == "digits" and v < min(self.floor, 1000) and v.denominator == 1
        if kind in ("unit", "teen", "ten", "hundred") or small:
            self.group, self.state = v, kind
            return True
        if kind in ("scale", "scale_dual") and v < self.floor:
            self.total += v * (2 if kind == "scale_dual" else 1)
            self.floor = v
            return True
        if kind == "fraction":
            self.total += v * self.floor
            self.state = "end"
            return True
        return False


class Reader:
    """Reads the numbers of one document, using the lexicon matches computed once for it."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.n = len(doc.tokens)
        self.lex = lex
        self.blocked: set[int] = set()
        self.words: dict[int, Match] = {}
        self.before: dict[int, Match] = {}
        self.after: dict[int, Match] = {}
        self.units: dict[int, Match] = {}
        for m in lex.phrases.find(doc, overlapping=True):
            roles = m.payload
            if EXCLUDE in roles:
                self.blocked.update(range(m.i, m.j))
            if WORD in roles:
                self.words[m.i] = m
            if BEFORE in roles:
                self.before.setdefault(m.j, m)  # the earliest start (longest phrase) wins
            if AFTER in roles:
                self.after[m.i] = m
            if UNIT in roles:
                self.units[m.i] = m

    # -- pieces ------------------------------------------------------------------------------

    def bare(self, k: int) -> Piece | None:
        """The piece starting at token ``k`` (any proclitic allowed), or None."""
        if k >= self.n or k in self.blocked:
            return None
        tok = self.toks[k]
        if tok.kind == "number":
            return self._digits(k)
        m = self.words.get(k)
        if m is None or any(x in self.blocked for x in range(m.i, m.j)):
            return None
        # a two-letter word only takes و/ف: لست is "I am not", not ل + ست
        if len(m.phrase[0]) <= 2 and m.prefix.strip(PROCLITIC_CONJ):
            return None
        a: Atom = m.payload[WORD]
        return Piece(a.kind, a.value, k, m.j, m.start, m.end, m.prefix, m.prefix == AND, a.vague)

    def joined(self, k: int) -> Piece | None:
        """The piece at ``k`` as a continuation: bare, ``و``-prefixed, or after a lone ``و``."""
        if k < self.n and self.toks[k].kind == "word" and self.toks[k].norm == AND:
            p = self.bare(k + 1)
            if p is None or p.prefix:
                return None
            p.conj, p.i = True, k
            return p
        p = self.bare(k)
        if p is None or p.prefix not in ("", AND):
            return None
        return p

    def _digits(self, k: int) -> Piece | None:
        toks = self.toks
        j = k + 1
        text = toks[k].norm
        # thousands written with spaces (Maghrebi and French usage): 1 500 000
        if text.isdigit() and len(text) <= 3:
            while (
                j < self.n and toks[j].kind == "number" and len(toks[j].norm) == 3 and toks[j].norm.isdigit()
            ):
                if self.doc.norm[toks[j - 1].nend : toks[j].nstart] != " ":
                    break
                text += toks[j].norm
                j += 1
        nxt = self.words.get(j)
        before_scale = nxt is not None and not nxt.prefix and nxt.payload[WORD].kind in _SCALES
        value = parse_digits(text, before_scale)
        if value is None:
            return None
        return Piece("digits", value, k, j, toks[k].start, toks[j - 1].end)

    # -- numbers -----------------------------------------------------------------------------

    def read_at(self, i: int, free_from: int) -> Reading | None:
        """The number starting at token ``i``; tokens before ``free_from`` are already used."""
        first = self.bare(i)
        if first is None:
            return None
        kind = first.kind
        if kind == "ordinal":
            return self._ordinal(first)
        if kind == "one_of":
            return self._one_of(first)
        if kind == "dual":
            r = Reading(first.i, first.j, first.start, first.end, first.value, dual=True)
            return self._qualify(r, first, free_from, vague=False, gap=False)
        card = Cardinal(first)
        k, last = first.j, first
        saved: tuple[Cardinal, Piece] | None = None
        while (p := self.joined(k)) is not None:
            if p.conj and card.state == "scaled":
                saved = (copy.copy(card), last)
            if not card.take(p):
                break
            k, last = p.j, p
        if p is not None and saved is not None and p.kind in _SCALES and not p.conj:
            # "عشرة آلاف وثلاثة آلاف": the group after و takes its own scale, so it is the
            # next number; stop before the و
            floor = saved[0].floor
            if floor is not None and p.value >= floor:
                card, last = saved
        value = card.value
        if value is None:
            return None
        r = Reading(first.i, last.j, first.start, last.end, value)
        vague = card.state in ("vague", "vague_done")
        if vague:
            r.qualifier = card.vague or "exact"
        else:
            self._unit(r, free_from)
        return self._qualify(r, first, free_from, vague=vague, gap=True)

    def _ordinal(self, p: Piece) -> Reading:
        r = Reading(p.i, p.j, p.start, p.end, p.value, ordinal=True)
        nxt = self.joined(p.j)
        if p.value < 10 and nxt is not None and nxt.conj and nxt.kind == "ordinal" and nxt.value % 10 == 0:
            r.j, r.end, r.value = nxt.j, nxt.end, p.value + nxt.value  # الحادي والعشرين
        return r

    def _one_of(self, p: Piece) -> Reading | None:
        """أحد/إحدى is "one of" only before a definite noun: أحد المسؤولين (1)."""
        if p.j >= self.n or p.j in self.blocked:
            return None
        nxt = self.toks[p.j]
        if nxt.kind != "word" or not nxt.norm.startswith(ARTICLE) or len(nxt.norm) <= 3:
            return None
        return Reading(p.i, p.j, p.start, p.end, p.value)

    def _unit(self, r: Reading, free_from: int) -> None:
        """A unit after (15%, 15 بالمئة) or a symbol glued before (%15) the number."""
        toks = self.toks
        if r.j < self.n and toks[r.j].norm in self.lex.symbols_after:
            r.unit, r.end, r.j = self.lex.symbols_after[toks[r.j].norm], toks[r.j].end, r.j + 1
            return
        m = self.units.get(r.j)
        if m is not None and not m.prefix:
            r.unit, r.end, r.j = m.payload[UNIT], m.end, m.j
            return
        b = r.i - 1
        if b >= free_from and toks[b].norm in self.lex.symbols_before and toks[b].end == r.start:
            r.unit, r.start, r.i = self.lex.symbols_before[toks[b].norm], toks[b].start, b

    def _before(self, i: int, free_from: int) -> tuple[int, int, str] | None:
        """(first token, original start, qualifier) of the qualifier ending before token ``i``."""
        m = self.before.get(i)
        best = (m.i, m.start, m.payload[BEFORE]) if m is not None and m.i >= free_from else None
        # a short word with a proclitic (وما، ولا، بما) has no stripped reading in the
        # tokeniser, so "وما يزيد على" is tried here by hand
        for k in range(max(free_from, i - 5), best[0] if best else i):
            tok = self.toks[k]
            if tok.kind != "word" or len(tok.norm) > 3:
                continue
            for cut in (1, 2):
                head, base = tok.norm[:cut], tok.norm[cut:]
                if not base or head.strip(PROCLITIC_CONJ + PROCLITIC_PREP):
                    continue
                phrase = " ".join([base] + [t.norm for t in self.toks[k + 1 : i]])
                q = self.lex.before_phrases.get(phrase)
                if q is not None:
                    assert self.doc.view is not None
                    return k, self.doc.view.to_original(tok.nstart + cut, tok.nend)[0], q
        return best

    def _qualify(self, r: Reading, first: Piece, free_from: int, vague: bool, gap: bool) -> Reading:
        """Attach a qualifier before the number, or after it (directly, or after one noun)."""
        q = None if first.prefix else self._before(r.i, free_from)
        if q is not None and (vague or q[2] != "vague"):
            r.i, r.start = q[0], q[1]
            if not vague:
                r.qualifier = q[2]
            return r
        if vague:
            return r
        post = self.after.get(r.j)
        if post is not None and not post.prefix:
            r.qualifier, r.end, r.j = post.payload[AFTER], post.end, post.j
            return r
        if gap and r.j < self.n and self.toks[r.j].kind == "word" and self.bare(r.j) is None:
            post = self.after.get(r.j + 1)
            if post is not None and not post.prefix:
                r.qualifier = post.payload[AFTER]  # the counted noun sits between: span not extended
        return r


def numbers(doc: Doc) -> Doc:
    """Add a ``number`` span for every quantity in ``doc`` (see the module docstring)."""
    if not doc.tokens:
        return doc
    reader = Reader(doc, lexicon())
    i = used = 0
    while i < reader.n:
        r = reader.read_at(i, used)
        if r is None:
            i += 1
            continue
        doc.add(LABEL, Span(r.start, r.end, LABEL, r.data()))
        i = used = r.j
    return doc
