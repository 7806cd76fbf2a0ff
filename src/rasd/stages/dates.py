"""Stage: dates. Finds date expressions and resolves them against the publication date.

Every date is a span labelled ``date`` with data ``value`` ('YYYY-MM-DD', 'YYYY-MM', 'YYYY' or
None), ``precision`` ('day', 'month', 'year' or None), ``relative`` (the value depends on the
publication date: اليوم، أمس، السبت الماضي، الشهر الجاري, or a day and month without a year) and
``role`` (None, 'since' after منذ, 'until' after حتى/لغاية). A span with a role starts at its
منذ/حتى so the evidence shows it. Without a publication date, relative dates stay unresolved
(value and precision None); absolute dates (6 يناير 2022، 2022/01/06) still resolve.

The words come from data files (docs/lexicon-dates.md): months.tsv, weekdays.tsv,
day_ordinals.tsv, relative_dates.tsv and date_words.tsv. Tokens are tagged with one
``PhraseMatcher`` (clitic-aware), then a small hand-written grammar composes the tags.

>>> from rasd.pipeline import read
>>> doc = read("أغلق المطار حتى العاشر من الشهر الجاري.", published="2022-01-08", until="dates")
>>> [(s.text_of(doc), s.data["value"], s.data["role"]) for s in doc.get("date")]
[('حتى العاشر من الشهر الجاري', '2022-01-10', 'until')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from rasd.arabic import hijri
from rasd.arabic.clitics import segmentations
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.lexicons import alternatives, read_tsv
from rasd.matcher import PhraseMatcher

QUOTES = frozenset("\"'«»“”‘’")
NUMERIC_SEPARATORS = frozenset("/-.")
RANGE_DASHES = frozenset("-–—")
GREGORIAN_YEARS = range(1900, 2101)
HIJRI_YEARS = range(1300, 1601)
FUTURE_LOOKBACK = 8  # items before a date searched for a future marker (المقرر، سوف ...)
MODIFIER_OFFSETS = {"past": -1, "next": 1, "current": 0}
NIGHT_WORDS = frozenset(fold(w) for w in ("ليلة", "ليل", "منتصف ليل", "منتصف ليلة"))


@dataclass(frozen=True)
class Atom:
    """What a lexicon phrase means: ``kind`` and a kind-specific ``value``."""

    kind: str
    value: Any = None
    calendar: str = "gregorian"
    ambiguous: bool = False
    standalone: bool = True


@dataclass(slots=True)
class Item:
    """One unit the grammar reads: a lexicon match or a single other token."""

    kind: str  # an Atom kind, or 'num', 'punct', 'word'
    atom: Atom | None
    start: int  # original offsets
    end: int
    norm: str  # the lexicon phrase for a match (clitics off), else the token's normalised text
    sentence: int


@dataclass
class Parts:
    """The pieces of one date expression before resolution."""

    calendar: str = "gregorian"
    day: int | None = None
    month: int | None = None
    year: int | None = None
    modifier: str | None = None  # past / next / current on a month name or weekday
    weekday: int | None = None
    day_offset: int | None = None  # اليوم 0, أمس -1
    week_offset: int | None = None
    month_offset: int | None = None  # الشهر الماضي -1, الشهر / الشهر الجاري 0
    year_offset: int | None = None
    today_anchor: bool = False  # the weekday is said of اليوم/أمس/غدا: check, don't resolve


Result = tuple[int, Parts]  # (index one past the last item, parts)


# ---------------------------------------------------------------------------------------------
# lexicons


@dataclass
class Lexicon:
    matcher: PhraseMatcher
    short: dict[str, Atom]  # one-letter words (م، ه): the matcher ignores words under 2 letters
    first_words: set[str]  # the first word of every phrase: a cheap filter before the matcher
    longest: int = 1  # words in the longest phrase
    # word -> ``_candidate(word, first_words)``, memoised (bounded by CANDIDATES_MAX)
    candidates: dict[str, bool] = field(default_factory=dict, repr=False)


CANDIDATES_MAX = 100_000


def _add(lex: Lexicon, phrase: str, atom: Atom) -> None:
    key = fold(phrase).strip()
    if len(key) < 2:
        lex.short[key] = atom
        return
    lex.matcher.add(key, atom)
    words = key.split()
    lex.first_words.add(words[0])
    lex.candidates.clear()
    lex.longest = max(lex.longest, len(words))


@cache
def lexicon() -> Lexicon:
    """All date words in one clitic-aware matcher, built once."""
    lex = Lexicon(PhraseMatcher(), {}, set())
    for row in read_tsv("date_words.tsv"):
        value = None if row["value"] in ("", "-") else row["value"]
        for name in alternatives(row["names"]):
            _add(lex, name, Atom(row["kind"], value))
    for row in read_tsv("months.tsv"):
        ambiguous = {fold(a) for a in alternatives(row.get("ambiguous", ""))}
        for name in alternatives(row["names"]):
            atom = Atom("month", int(row["month"]), row["calendar"], fold(name) in ambiguous)
            _add(lex, name, atom)
    for row in read_tsv("weekdays.tsv"):
        for name in alternatives(row["names"]):
            _add(lex, name, Atom("weekday", int(row["weekday"])))
    for row in read_tsv("day_ordinals.tsv"):
        for name in alternatives(row["names"]):
            _add(lex, name, Atom("ordinal", int(row["day"])))
    for row in read_tsv("relative_dates.tsv"):
        standalone = row.get("standalone", "yes").lower() != "no"
        for name in alternatives(row["phrase"]):
            _add(lex, name, Atom("rel", int(row["offset"]), standalone=standalone))
    return lex


# ---------------------------------------------------------------------------------------------
# items


def _number_words(doc: Doc) -> dict[int, tuple[int, int]]:
    """Cardinal number spans over words from the numbers stage: start -> (end, value)."""
    out: dict[int, tuple[int, int]] = {}
    for s in doc.get("number"):
        v = s.data.get("value")
        if s.data.get("ordinal") or not isinstance(v, int) or s.data.get("qualifier", "exact") != "exact":
            continue
        out[s.start] = (s.end, v)
    return out


TOKEN_KINDS = {"number": "num", "punct": "punct"}


KEEP_WORDS = frozenset({"ال", "و"})  # الـ6، بين 6 و10: words the grammar reads as they are


def _candidate(word: str, first_words: set[str]) -> bool:
    """Some clitic reading of ``word`` may start a lexicon phrase (the matcher's own test)."""
    for seg in segmentations(word):
        if seg.base in first_words or (seg.prefix.endswith("لل") and "ال" + seg.base in first_words):
            return True
    return False


def _items(doc: Doc, lex: Lexicon) -> list[Item]:
    """Lexicon matches, numbers, punctuation and the words in KEEP_WORDS, one item each; a run of
    other words is one 'word' item (it only separates: nothing in the grammar reads it)."""
    toks = doc.tokens
    n = len(toks)
    numwords = _number_words(doc)
    items: list[Item] = []
    memo = lex.candidates
    i = 0
    while i < n:
        tok = toks[i]
        m = None
        is_candidate = False
        if tok.kind == "word":
            hit = memo.get(tok.norm)
            if hit is None:
                hit = _candidate(tok.norm, lex.first_words)
                if len(memo) < CANDIDATES_MAX:
                    memo[tok.norm] = hit
            is_candidate = hit
        if is_candidate:
            found = lex.matcher.find(doc, first=i, stop=min(n, i + lex.longest))
            m = found[0] if found and found[0].i == i else None
        elif tok.kind == "word" and tok.norm not in KEEP_WORDS and tok.start not in numwords:
            if tok.norm not in lex.short:
                last = items[-1] if items else None
                if last is not None and last.kind == "word" and last.norm == "":
                    last.end = tok.end
                else:
                    items.append(Item("word", None, tok.start, tok.end, "", tok.sentence))
                i += 1
                continue
        if m is not None:
            phrase = " ".join(m.phrase)  # the lexicon form, without the clitics
            items.append(Item(m.payload.kind, m.payload, m.start, m.end, phrase, tok.sentence))
            i = m.j
            continue
        if tok.kind == "word" and tok.start in numwords:
            end, value = numwords[tok.start]
            j = i
            while j + 1 < len(toks) and toks[j + 1].end <= end:
                j += 1
            items.append(
                Item("numword", Atom("numword", value), tok.start, toks[j].end, tok.norm, tok.sentence)
            )
            i = j + 1
            continue
        atom = lex.short.get(tok.norm) if tok.kind == "word" else None
        kind = atom.kind if atom else TOKEN_KINDS.get(tok.kind, "word")
        items.append(Item(kind, atom, tok.start, tok.end, tok.norm, tok.sentence))
        i += 1
    return items


# ---------------------------------------------------------------------------------------------
# the grammar


STARTERS = frozenset(
    {"since", "until", "ago", "timeofday", "day_word", "weekday", "num", "ordinal", "rel", "part", "unit"}
    | {"month", "demonstrative", "of", "between", "word", "dated"}
)


class _Grammar:
    """Recursive-descent reading of date expressions over items."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.n = len(items)

    # -- helpers
    def kind(self, k: int) -> str | None:
        return self.items[k].kind if 0 <= k < self.n else None

    def value(self, k: int) -> Any:
        atom = self.items[k].atom if 0 <= k < self.n else None
        return atom.value if atom else None

    def day_number(self, k: int) -> int | None:
        """A day of the month written in digits (1-31, at most two digits)."""
        it = self.items[k] if 0 <= k < self.n else None
        if it is None or it.kind != "num" or not it.norm.isdigit() or len(it.norm) > 2:
            return None
        d = int(it.norm)
        return d if 1 <= d <= 31 else None

    def year_number(self, k: int) -> int | None:
        it = self.items[k] if 0 <= k < self.n else None
        if it is None or it.kind != "num" or not it.norm.isdigit() or len(it.norm) != 4:
            return None
        y = int(it.norm)
        return y if y in GREGORIAN_YEARS or y in HIJRI_YEARS else None

    def same_sentence(self, a: int, b: int) -> bool:
        return self.items[a].sentence == self.items[b].sentence

    def era(self, k: int, parts: Parts) -> int:
        """Consume an era mark (م، هـ، ميلادي، هجري) after a year; set a Hijri calendar."""
        if self.kind(k) == "era":
            if self.value(k) == "hijri":
                parts.calendar = "hijri"
            return k + 1
        return k

    # -- the top level: one expression (or a range: two) starting at item k
    def expression(self, k: int) -> list[tuple[int, int, Parts, str | None]]:
        """[(first item, end item, parts, role)]; empty when no date starts at ``k``."""
        kind = self.kind(k)
        if kind not in STARTERS or (kind == "word" and self.items[k].norm != "ال"):
            return []
        if kind in ("of", "between"):
            return self.range(k)
        if kind in ("since", "until"):
            role = "since" if kind == "since" else "until"
            r = self.core(k + 1, role)
            return [(k, r[0], r[1], role)] if r else []
        if kind == "ago":
            r = self.duration(k + 1, sign=-1)
            if r and self.kind(r[0]) != "of":  # قبل يومين من الانتخابات: relative to an event
                return [(k, r[0], r[1], None)]
            return []
        if kind == "dated":  # بتاريخ 6 يناير: the span starts at the date
            r = self.dated(k + 1)
            return [(k + 1, r[0], r[1], None)] if r else []
        r = self.core(k, None)
        return [(k, r[0], r[1], None)] if r else []

    def core(self, k: int, role: str | None) -> Result | None:
        readers: tuple[Callable[[int], Result | None], ...] = (
            self.dated,
            self.rel_day,
            self.weekday,
            self.part,
            self.month_expr,
            self.unit_rel,
            self.year_expr,
        )
        for read in readers:
            r = read(k)
            if r is not None:
                return r
        if role == "since":  # منذ يومين
            return self.duration(k, sign=-1)
        return None

    # -- prefixes: (صباح|مساء ...)? (يوم)? (السبت)? (الموافق|،)?
    def prefix(self, k: int) -> tuple[int, int | None]:
        j = k
        if self.kind(j) == "timeofday":
            j += 1
        if self.kind(j) == "day_word":
            j += 1
        weekday = None
        if self.kind(j) == "weekday":
            weekday = self.value(j)
            j += 1
            if self.kind(j) == "link" or (self.kind(j) == "punct" and self.items[j].norm in "،,"):
                j += 1
        return j, weekday

    # -- 6 يناير 2022 / السادس من شهر يناير / 2022/01/06 / يوم السبت 8 كانون الثاني/يناير
    def dated(self, k: int) -> Result | None:
        j, weekday = self.prefix(k)
        r = self.numeric(j) or self.day_month(j)
        if r is None:
            return None
        if weekday is not None:
            r[1].weekday = weekday
        return r

    def numeric(self, k: int) -> Result | None:
        """2022/01/06, 06-01-2022, 6.1.2022 (day first, as Arab writers do), 1443/06/05 هـ."""
        it = self.items[k] if 0 <= k < self.n else None
        if it is None or it.kind != "num":
            return None
        if it.norm.count(".") == 2:
            fields, j = it.norm.split("."), k + 1
        else:
            seq = self.items[k : k + 5]
            if len(seq) < 5 or any(x.kind != "num" for x in seq[::2]):
                return None
            seps = {seq[1].norm, seq[3].norm}
            if len(seps) != 1 or not seps <= NUMERIC_SEPARATORS or seq[1].kind != "punct":
                return None
            if any(seq[q].end != seq[q + 1].start for q in range(4)):
                return None
            fields, j = [x.norm for x in seq[::2]], k + 5
        if not all(f.isdigit() for f in fields):
            return None
        a, b, c = (int(f) for f in fields)
        if len(fields[0]) == 4:
            y, m, d = a, b, c
        elif len(fields[2]) == 4:
            y, m, d = c, b, a
            if m > 12 >= d:
                m, d = d, m
        else:
            return None
        parts = Parts(day=d, month=m, year=y)
        j = self.era(j, parts)
        if y in HIJRI_YEARS and parts.calendar != "hijri":
            parts.calendar = "hijri"
        if not _valid(parts):
            return None
        return j, parts

    def day_month(self, k: int) -> Result | None:
        j = k
        if 0 <= j < self.n and self.items[j].norm == "ال" and self.day_number(j + 1):
            j += 1  # الـ6 من يناير
        day = self.day_number(j)
        if day is None and self.kind(j) == "ordinal":
            day = self.value(j)
        if day is None:
            return None
        j += 1
        return self.month_after_day(j, day)

    def month_after_day(self, j: int, day: int) -> Result | None:
        if self.kind(j) == "of":
            j += 1
        if self.kind(j) == "unit" and self.value(j) == "month" and not self.items[j].norm.startswith("ال"):
            j += 1  # شهر
        r = self.month_spec(j, context=True)
        if r is None:
            return None
        r[1].day = day
        return r if _valid(r[1]) else None

    # -- a month: a name (with its other-tradition twin), or الشهر (الماضي|الجاري ...)
    def month_spec(self, j: int, context: bool) -> Result | None:
        kind = self.kind(j)
        if kind == "month":
            atom = self.items[j].atom
            assert atom is not None
            parts = Parts(calendar="hijri" if atom.calendar == "hijri" else "gregorian", month=atom.value)
            j = self.twin(j + 1, atom)
            end, year_context = self.year_spec(j, parts)
            if atom.ambiguous and not (context or year_context):
                return None
            return end, parts
        if kind == "unit" and self.value(j) == "month" and self.items[j].norm.startswith("ال"):
            mod = self.value(j + 1) if self.kind(j + 1) == "modifier" else None
            if mod is not None:
                return j + 2, Parts(month_offset=MODIFIER_OFFSETS[mod])
            return (j + 1, Parts(month_offset=0)) if context else None
        if kind == "demonstrative" and self.kind(j + 1) == "unit" and self.value(j + 1) == "month":
            return j + 2, Parts(month_offset=0)
        return None

    def twin(self, j: int, atom: Atom) -> int:
        """Skip the same month in the other tradition: كانون الثاني/يناير، يناير (كانون الثاني),
        أبريل نيسان (written with no mark between them)."""
        if self.kind(j) == "month":
            k = j  # أبريل نيسان 2010
        elif self.kind(j) != "punct" or self.items[j].norm not in "/(-":
            return j
        else:
            k = j + 1
        other = self.items[k].atom if self.kind(k) == "month" else None
        if (
            other is None
            or other.value != atom.value
            or (other.calendar == "hijri") != (atom.calendar == "hijri")
        ):
            return j
        k += 1
        if self.items[j].norm == "(" and self.kind(k) == "punct" and self.items[k].norm == ")":
            k += 1
        return k

    def year_spec(self, j: int, parts: Parts) -> tuple[int, bool]:
        """After a month name: a year (2022، عام 2022، من العام الماضي) or a modifier (الماضي)."""
        found = False
        if self.kind(j) == "epithet":  # رمضان المبارك
            j, found = j + 1, True
        years = HIJRI_YEARS if parts.calendar == "hijri" else GREGORIAN_YEARS
        y = self.year_number(j)
        if y is not None and y in years:
            parts.year = y
            return self.era(j + 1, parts), True
        k = j + 1 if self.kind(j) == "of" else j
        if self.kind(k) == "unit" and self.value(k) == "year":
            y = self.year_number(k + 1)
            if y is not None and y in years:
                parts.year = y
                return self.era(k + 2, parts), True
            if self.kind(k + 1) == "modifier" and self.items[k].norm.startswith("ال"):
                parts.year_offset = MODIFIER_OFFSETS[self.value(k + 1)]
                return k + 2, True
        if self.kind(k) == "demonstrative" and self.kind(k + 1) == "unit" and self.value(k + 1) == "year":
            parts.year_offset = 0
            return k + 2, True
        if self.kind(j) == "modifier":
            parts.modifier = self.value(j)
            return j + 1, True
        return j, found

    # -- اليوم، صباح اليوم، أمس الجمعة، يوم غد، الليلة
    def rel_day(self, k: int) -> Result | None:
        j = k
        lead = False
        if self.kind(j) == "timeofday":
            j, lead = j + 1, True
        if self.kind(j) == "day_word":
            j, lead = j + 1, True
        if self.kind(j) != "rel":
            return None
        atom = self.items[j].atom
        assert atom is not None
        if not atom.standalone and not lead:
            return None
        if atom.value == 0 and not lead and self.not_today(j):
            return None
        parts = Parts(day_offset=atom.value)
        j += 1
        if self.kind(j) == "weekday":
            parts.weekday, parts.today_anchor = self.value(j), True
            j += 1
        return j, parts

    def not_today(self, j: int) -> bool:
        """اليوم that is not today: اليوم التالي، ذلك اليوم، لليوم الثامن، «اليوم» (a newspaper)."""
        if self.kind(j - 1) == "not_today_before" or self.kind(j + 1) in ("ordinal", "not_today_after"):
            return True
        before, after = self.items[j - 1] if j > 0 else None, self.items[j + 1] if j + 1 < self.n else None
        return bool(before and after and before.norm in QUOTES and after.norm in QUOTES)

    # -- السبت، يوم السبت الماضي، مساء الخميس، الأحد المقبل
    def weekday(self, k: int) -> Result | None:
        j = k
        night = False
        if self.kind(j) == "timeofday":
            night = self.items[j].norm in NIGHT_WORDS
            j += 1
        if self.kind(j) == "day_word":
            j += 1
        if self.kind(j) != "weekday":
            return None
        parts = Parts(weekday=self.value(j))
        j += 1
        if self.kind(j) == "modifier":
            parts.modifier = self.value(j)
            j += 1
        elif night:
            j = self.next_day(j, self.value(j - 1))
        return j, parts

    def next_day(self, j: int, weekday: int) -> int:
        """ليلة السبت الأحد، ليل الخميس-الجمعة: the night from one day to the next is dated by the
        first day; the second day joins the span."""
        k = j + 1 if self.kind(j) == "punct" and self.items[j].norm in RANGE_DASHES | {"/"} else j
        if self.kind(k) == "weekday" and self.value(k) == (weekday + 1) % 7 and self.same_sentence(j - 1, k):
            j = k + 1
            if self.kind(j) == "modifier":
                j += 1
        return j

    # -- مطلع الشهر الجاري، منتصف يناير، أواخر العام الماضي، نهاية 2021
    def part(self, k: int) -> Result | None:
        if self.kind(k) != "part":
            return None
        j = k + 1
        if self.kind(j) == "of":
            j += 1
        if self.kind(j) == "unit" and self.value(j) == "month" and not self.items[j].norm.startswith("ال"):
            r = self.month_spec(j + 1, context=True)  # مطلع شهر يناير
            return r if r and r[1].month is not None else None
        r = self.month_spec(j, context=True) or self.unit_rel(j) or self.year_expr(j, bare_ok=True)
        if (
            r is None
            and self.kind(j) == "unit"
            and self.value(j) == "year"
            and self.items[j].norm.startswith("ال")
        ):
            r = j + 1, Parts(year_offset=0)  # مطلع العام
        return r

    # -- في يناير 2022، شهر رمضان، مارس الماضي
    def month_expr(self, k: int) -> Result | None:
        j, context = k, False
        if self.kind(j) == "unit" and self.value(j) == "month" and not self.items[j].norm.startswith("ال"):
            j, context = j + 1, True
        if self.kind(j) != "month":
            return None
        return self.month_spec(j, context)

    # -- الشهر الماضي، العام الجاري، هذا الأسبوع، السنة المقبلة
    def unit_rel(self, k: int) -> Result | None:
        j = k
        if self.kind(j) == "demonstrative" and self.kind(j + 1) == "unit":
            unit, end, offset = self.value(j + 1), j + 2, 0
        elif (
            self.kind(j) == "unit" and self.items[j].norm.startswith("ال") and self.kind(j + 1) == "modifier"
        ):
            if self.kind(j - 1) == "general_before":  # الأمين العام الحالي: "general", not a year
                return None
            unit, end, offset = self.value(j), j + 2, MODIFIER_OFFSETS[self.value(j + 1)]
        else:
            return None
        field = {"week": "week_offset", "month": "month_offset", "year": "year_offset"}[unit]
        return end, replace(Parts(), **{field: offset})

    # -- عام 2020، سنة 2022م، في 2019، منذ 2014، 1443 هـ
    def year_expr(self, k: int, bare_ok: bool = False) -> Result | None:
        parts = Parts()
        if self.kind(k) == "unit" and self.value(k) == "year":
            y = self.year_number(k + 1)
            if y is None:
                return None
            parts.year = y
            end = self.era(k + 2, parts)
        else:
            y = self.year_number(k)
            if y is None:
                return None
            parts.year = y
            end = self.era(k + 1, parts)
            hijri_era = end > k + 1 and parts.calendar == "hijri"
            if not (bare_ok or hijri_era or self.kind(k - 1) in ("in", "since", "until")):
                return None
        if y in HIJRI_YEARS:
            parts.calendar = "hijri"
        elif parts.calendar == "hijri":
            return None
        return end, parts

    # -- (قبل|منذ) 3 أيام، يومين، أسبوع، عامين
    def duration(self, k: int, sign: int) -> Result | None:
        count, j = 1, k
        if self.kind(j) == "num" and self.items[j].norm.isdigit():
            count, j = int(self.items[j].norm), j + 1
        elif self.kind(j) == "numword":
            count, j = self.value(j), j + 1
        kind = self.kind(j)
        counted = j != k
        if kind == "dual" and not counted:
            unit, count = self.value(j), 2
        elif kind == "duration" and counted:  # 3 أيام، 15 يوما
            unit = self.value(j)
        elif kind == "unit" and not counted and not self.items[j].norm.startswith("ال"):  # أسبوع، عام
            unit = self.value(j)
        elif kind == "day_word" and not counted:
            unit = "day"
        else:
            return None
        n = sign * count
        parts = {
            "day": Parts(day_offset=n),
            "week": Parts(day_offset=7 * n),
            "month": Parts(month_offset=n),
            "year": Parts(year_offset=n),
        }[unit]
        return j + 1, parts

    # -- من 6 إلى 10 يناير، بين 6 و10 يناير
    def range(self, k: int) -> list[tuple[int, int, Parts, str | None]]:
        j = k + 1
        d1 = self.day_number(j) or (self.value(j) if self.kind(j) == "ordinal" else None)
        if d1 is None:
            return []
        j += 1
        sep = self.items[j] if j < self.n else None
        if sep is None:
            return []
        if sep.kind in ("to", "until") or (sep.kind == "punct" and sep.norm in RANGE_DASHES):
            roles: tuple[str | None, str | None] = ("since", "until")
        elif sep.norm == "و" and self.kind(k) == "between":
            roles = (None, None)
        else:
            return []
        d2 = self.day_number(j + 1) or (self.value(j + 1) if self.kind(j + 1) == "ordinal" else None)
        if d2 is None:
            return []
        r = self.month_after_day(j + 2, d2)
        if r is None:
            return []
        end, second = r
        first = replace(second, day=d1)
        if not _valid(first):
            return []
        first_start = k if roles[0] else k + 1
        second_start = j if roles[1] else j + 1
        return [(first_start, k + 2, first, roles[0]), (second_start, end, second, roles[1])]


# ---------------------------------------------------------------------------------------------
# resolution


def _valid(p: Parts) -> bool:
    """Day, month and (when known) year make a real date."""
    if p.month is not None and not 1 <= p.month <= 12:
        return False
    if p.day is None or p.month is None:
        return True
    if p.calendar == "hijri":
        return 1 <= p.day <= 30
    year = p.year if p.year is not None else 2000  # a leap year: 29 February is allowed
    try:
        dt.date(year, p.month, p.day)
    except ValueError:
        return False
    return True


def _pick_year(
    month: int, day: int | None, today: tuple[int, int, int], modifier: str | None, future: bool
) -> int:
    """The year of a month (and day) said without one, seen from ``today`` (y, m, d).

    News reports the past: the current year unless that puts the month more than a month
    after ``today``; الماضي = the last one before today; المقبل = the next one after today.
    """
    ty, tm, td = today
    when, now = (month, day or 0), (tm, td if day else 0)
    if modifier == "current":
        return ty
    if modifier == "past":
        return ty if when < now else ty - 1
    if modifier == "next":
        return ty if when > now else ty + 1
    if future:
        return ty if when >= now else ty + 1
    return ty if month <= tm + 1 else ty - 1


def _weekday_date(pub: dt.date, weekday: int, modifier: str | None, future: bool) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if modifier == "past":
        return pub - dt.timedelta(days=back or 7)
    if modifier == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if future:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def _calendar_date(p: Parts, year: int) -> tuple[str, str] | None:
    """Value and precision of a month-name date once its year is known."""
    assert p.month is not None
    if p.calendar == "hijri":
        if year < 1:
            return None
        if p.day is not None:
            return _day(hijri.to_gregorian(year, p.month, p.day))
        mid = hijri.to_gregorian(year, p.month, 15)  # a Hijri month spans two Gregorian ones
        return _month(mid.year, mid.month)
    if p.day is not None:
        try:
            return _day(dt.date(year, p.month, p.day))
        except ValueError:
            return None
    return _month(year, p.month)


Resolved = tuple[str | None, str | None, bool, str | None]  # value, precision, relative, warning


def resolve(p: Parts, pub: dt.date | None, future: bool = False) -> Resolved:
    """Value, precision, relative flag and an optional consistency warning for ``p``.

    >>> resolve(Parts(day_offset=-1), dt.date(2022, 1, 8))
    ('2022-01-07', 'day', True, None)
    >>> resolve(Parts(day=6, month=1), None)
    (None, None, True, None)
    """
    relative = p.year is None
    if p.year is not None and p.month is None and p.day is None:  # عام 2020، 1443 هـ
        if p.calendar == "hijri":
            return str(hijri.to_gregorian(p.year, 7, 1).year), "year", False, None
        return f"{p.year:04d}", "year", False, None
    if p.year is not None and p.month is not None:  # 6 يناير 2022
        out = _calendar_date(p, p.year)
        if out is None:
            return None, None, False, None
        return out[0], out[1], False, _weekday_check(p, out)
    if pub is None:
        return None, None, True, None
    if p.today_anchor:
        return _anchored(p, pub)
    value, precision = _resolve_relative(p, pub, future)
    return value, precision, relative, None


def _resolve_relative(p: Parts, pub: dt.date, future: bool) -> tuple[str | None, str | None]:
    if p.day_offset is not None:
        return _day(pub + dt.timedelta(days=p.day_offset))
    if p.week_offset is not None:  # no week precision: the month of that week
        d = pub + dt.timedelta(days=7 * p.week_offset)
        return _month(d.year, d.month)
    if p.month is not None:  # a month name without a year
        if p.year_offset is not None:
            year = (hijri.from_gregorian(pub)[0] if p.calendar == "hijri" else pub.year) + p.year_offset
        else:
            today = hijri.from_gregorian(pub) if p.calendar == "hijri" else (pub.year, pub.month, pub.day)
            year = _pick_year(p.month, p.day, today, p.modifier, future)
        out = _calendar_date(p, year)
        return out if out else (None, None)
    if p.month_offset is not None:  # الشهر الماضي، العاشر من الشهر الجاري
        y, m = _shift_month(pub.year, pub.month, p.month_offset)
        if p.day is not None:
            try:
                return _day(dt.date(y, m, p.day))
            except ValueError:
                return None, None
        return _month(y, m)
    if p.year_offset is not None:
        return f"{pub.year + p.year_offset:04d}", "year"
    if p.weekday is not None:
        return _day(_weekday_date(pub, p.weekday, p.modifier, future))
    return None, None


def _anchored(p: Parts, pub: dt.date) -> Resolved:
    """اليوم السبت / أمس الجمعة: the weekday names the day; the publication date may be a day off."""
    assert p.day_offset is not None and p.weekday is not None
    d = pub + dt.timedelta(days=p.day_offset)
    if d.weekday() == p.weekday:
        return d.isoformat(), "day", True, None
    for shift in (-1, 1):  # published just after midnight, or dated in another time zone
        near = d + dt.timedelta(days=shift)
        if near.weekday() == p.weekday:
            return (
                near.isoformat(),
                "day",
                True,
                f"weekday does not match the publication date: {d} -> {near}",
            )
    return d.isoformat(), "day", True, f"weekday does not match the publication date: {d}"


def _weekday_check(p: Parts, out: tuple[str, str]) -> str | None:
    if p.weekday is None or out[1] != "day":
        return None
    d = dt.date.fromisoformat(out[0])
    return None if d.weekday() == p.weekday else f"weekday does not match the date {d}"


# ---------------------------------------------------------------------------------------------
# the stage


def _future(g: _Grammar, k: int) -> bool:
    """A future marker (المقرر، سوف ...) shortly before item ``k`` in its sentence."""
    for q in range(k - 1, max(-1, k - 1 - FUTURE_LOOKBACK), -1):
        if not g.same_sentence(q, k):
            return False
        if g.kind(q) == "future":
            return True
    return False


def dates(doc: Doc) -> Doc:
    """Add a ``date`` span for every date expression in ``doc``."""
    items = _items(doc, lexicon())
    g = _Grammar(items)
    k = 0
    previous: tuple[Span, int, int] | None = None  # the last span, its first and end items
    last_year: int | None = None  # the year of the last date that named one
    while k < len(items):
        kind = items[k].kind
        if kind == "block_phrase":
            k += 1
            continue
        if kind == "block_before":
            k = _skip_name(g, k)
            continue
        if kind == "to" and previous is not None and _adjacent(g, previous[2], k):
            found = _range_end(g, k)
        else:
            found = g.expression(k)
        if not found:
            k += 1
            continue
        if previous is not None and found[0][3] == "until" and _adjacent(g, previous[2], found[0][0]):
            _mark_since(g, previous)
        for first, end, parts, role in found:
            same_year = g.kind(end) == "same_year" and parts.year is None and parts.month is not None
            if same_year and last_year is not None:
                # 28 تشرين الثاني من ذلك العام: the year of the last date that named one
                parts, end = replace(parts, year=last_year), end + 1
            value, precision, relative, warning = resolve(parts, doc.published, _future(g, first))
            if parts.year is not None and parts.calendar == "gregorian":
                last_year = parts.year
            start, stop = items[first].start, items[end - 1].end
            if warning:
                doc.warnings.append(f"date '{doc.text[start:stop]}': {warning}")
            data = {"value": value, "precision": precision, "relative": relative, "role": role}
            previous = (doc.add("date", Span(start, stop, "date", data)), first, end)
        k = end  # past the last expression, with its same-year words
    return doc


def _skip_name(g: _Grammar, k: int) -> int:
    """ثورة 25 يناير، شارع 26 يوليو، خطيب الجمعة: a month or weekday named right after a
    blocking word is a name, not a date; skip it. Other dates (أحداث أمس) are kept."""
    found = g.expression(k + 1)
    if found and all(p.month is not None or p.weekday is not None for _, _, p, _ in found):
        return found[-1][1]
    return k + 1


def _adjacent(g: _Grammar, end: int, k: int) -> bool:
    """Item ``k`` follows item ``end`` with at most punctuation between."""
    return k >= end and all(g.kind(q) == "punct" for q in range(end, k))


def _range_end(g: _Grammar, k: int) -> list[tuple[int, int, Parts, str | None]]:
    """إلى 10 يناير right after a date: the end of a range, role 'until'."""
    r = g.core(k + 1, "until")
    return [(k, r[0], r[1], "until")] if r else []


def _mark_since(g: _Grammar, previous: tuple[Span, int, int]) -> None:
    """من 6 يناير (إلى|حتى) 10 يناير: the date after من that opens a range is 'since'."""
    span, first, _ = previous
    if g.kind(first - 1) == "of" and span.data["role"] is None:
        span.start = g.items[first - 1].start
        span.data["role"] = "since"
