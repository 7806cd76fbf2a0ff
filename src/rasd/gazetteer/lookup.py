"""The loaded gazetteer: per-word lookups, alias matching and transliteration search.

Everything the places stage asks about a word form (its clitic readings that start an alias or a
demonym, its context role, whether it is worth transliterating) is computed once per distinct
form and memoised, so a token costs one dict probe after warm-up.

>>> gaz = gazetteer()
>>> [gaz.place(i).name for i, _ in gaz.candidates("كازاخستان")]
['Kazakhstan']
>>> gaz.transliterate("جاناوزين", {"KZ"})[0][1].name
'Zhanaozen'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from typing import NamedTuple

from rapidfuzz import fuzz, process

from rasd.arabic.clitics import segmentations, strip_article
from rasd.doc import Token
from rasd.gazetteer.build import BLOCKED, GazetteerData, KeyBucket, Place
from rasd.gazetteer.cache import load
from rasd.gazetteer.translit import arabic_key
from rasd.matcher import PhraseMatcher

__all__ = ["BLOCKED", "Gazetteer", "Word", "gazetteer"]

LOCAL_THRESHOLD = 84.0  # transliteration score needed in a country the article mentions
GLOBAL_THRESHOLD = 93.0  # ... anywhere else (big cities only)
STRICT_THRESHOLD = 92.0  # weak context (في X): mentioned countries, towns of 20,000+ only
STRICT_POPULATION = 20_000
STRICT_COUNTRIES = 3  # weak context searches only the article's three most mentioned countries
MIN_KEY = 4
STRICT_MIN_KEY = 5
DEFINITE_CLITICS = ("ال", "بال", "لل", "كال", "فال", "وال")
PRONOUNS = ("ها", "هم", "ه")  # pronoun suffixes on a noun
MIN_UNKNOWN = 3  # letters of an unknown word worth transliterating
MEMO_LIMIT = 300_000  # word forms remembered before the memo is cleared
SEARCH_LIMIT = 8


class Word(NamedTuple):
    """What the gazetteer knows about one normalised word form."""

    places: tuple[tuple[str, str], ...]  # (key, prefix) readings that may start an alias
    demonyms: tuple[tuple[str, str], ...]  # (key, prefix) readings that may start a demonym
    role: str  # context role of the word ('' when none)
    role_prefix: str  # the proclitics in front of the role word (بمحافظة → ب)
    unknown: tuple[str, str] | None  # (prefix, base) when worth transliterating
    definite: bool  # some reading is a definite noun (ال + 2+ letters)


NO_WORD = Word((), (), "", "", None, False)


class Hit(NamedTuple):
    """An alias (or stop phrase, payload BLOCKED) found over tokens [i, j)."""

    i: int
    j: int
    prefix: str
    payload: str


class Gazetteer:
    """Read-only lookups over ``GazetteerData`` (see ``rasd.gazetteer.build``)."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self._words: dict[str, Word] = {}
        self._places: dict[int, Place] = {}
        self._searches: dict[tuple[str, str, float], tuple[tuple[int, float], ...]] = {}

    # -- records -------------------------------------------------------------------------
    def place(self, idx: int) -> Place:
        p = self._places.get(idx)
        if p is None:
            p = self._places[idx] = Place._make(self.data.places[idx])
        return p

    def candidates(self, alias: str) -> list[tuple[int, int]]:
        """(place index, need) for a folded alias (``phrase_key`` form)."""
        return list(self.data.aliases.get(alias, {}).items())

    def role(self, word: str) -> str:
        """The context role of a folded word ('' when it has none)."""
        return self.data.context.get(word, "")

    def rule(self, alias: str) -> str:
        """The stoplist rule of a folded word or phrase ('' when it has none)."""
        return self.data.rules.get(alias, "")

    def is_common(self, alias: str) -> bool:
        """Is a folded alias also a common word (``entity_stopwords.tsv``)?"""
        return alias in self.data.common

    def is_demonym(self, alias: str) -> str:
        """The country of a demonym form ('' when it is not one); accepts ال forms."""
        d = self.data.demonyms
        if alias in d:
            return d[alias]
        if alias.startswith("ال") and alias[2:] in d:
            return d[alias[2:]]
        return ""

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """A ``PhraseMatcher`` over all aliases (payload: the alias) and stop phrases (payload
        BLOCKED), for tools; the places stage uses ``match`` instead."""
        m = PhraseMatcher()
        for alias in self.data.aliases:
            m.add(alias, alias)
        for phrase in self.data.blocked:
            if phrase not in self.data.aliases:
                m.add(phrase, BLOCKED)
        return m

    # -- words -----------------------------------------------------------------------------
    def word(self, tok: Token) -> Word:
        """The memoised ``Word`` of a token (``NO_WORD`` for punctuation, numbers, Latin)."""
        if tok.kind != "word":
            return NO_WORD
        w = self._words.get(tok.norm)
        if w is None:
            if len(self._words) >= MEMO_LIMIT:
                self._words.clear()
            w = self._words[tok.norm] = self._word(tok.norm)
        return w

    def words(self, toks: Sequence[Token]) -> list[Word]:
        """``word`` of each token (the memo probed inline: this runs on every token)."""
        memo = self._words
        return [(memo.get(t.norm) or self.word(t)) if t.kind == "word" else NO_WORD for t in toks]

    def _word(self, form: str) -> Word:
        d = self.data
        segs = segmentations(form)
        # a word that is itself a place-type or common word is not a clitic + name
        # (ولاية is not و + لاية Lae)
        whole = form in d.context or form in d.common
        places: list[tuple[str, str]] = []
        demonyms: list[tuple[str, str]] = []
        role, role_prefix, definite = "", "", False
        for s in segs:
            base, prefix = s.base, s.prefix
            if base.startswith("ال") and len(base) > 3:
                definite = True
            if not role and base in d.context:
                role, role_prefix = d.context[base], prefix
            keys = [base, "ال" + base] if prefix.endswith("لل") else [base]
            if not (whole and prefix):
                places += [(k, prefix) for k in keys if k in d.aliases or k in d.multi_first]
            dkeys = keys + ([strip_article(base)] if s.article else [])
            demonyms += [(k, prefix) for k in dkeys if k in d.demonyms or k in d.demonym_multi_first]
        unknown = None if role else self._unknown(form, segs)  # بمدينة is a context word, not a name
        return Word(tuple(places), tuple(demonyms), role, role_prefix, unknown, definite)

    def context_with_pronoun(self, form: str) -> bool:
        """A place-type or context word with a pronoun suffix (مخيمها "its camp", أراضيه)."""
        return any(form.endswith(sfx) and form[: -len(sfx)] in self.data.context for sfx in PRONOUNS)

    def _unknown(self, form: str, segs: Sequence) -> tuple[str, str] | None:
        """(prefix, base) of a word worth transliterating (only و/ف stripped), or None."""
        readings = [(s.prefix, s.base) for s in segs if s.prefix in ("", "و", "ف")]
        if (
            not readings
            or form in self.data.common
            or form in self.data.context
            or form in self.data.common_words
        ):
            return None  # وزارة، وقفة: a common word as it stands, not و + an unknown name
        prefix, base = readings[-1]
        if len(base) < MIN_UNKNOWN or base.startswith(DEFINITE_CLITICS) or base in self.data.context:
            return None  # بالإقليم is ب + the region, not a name
        words = self.data.common_words
        if self.is_demonym(base) or base in self.data.common or base in words:
            return None  # ونزح "and fled"
        if base.endswith("يه") and base[:-1] in words:
            return None  # عشوائية: the feminine of a common adjective
        if self.context_with_pronoun(base):
            return None  # أراضيه، مخيمها: a context word with a pronoun
        if self.rule(base) in ("never", "strong"):
            return None
        return prefix, base

    # -- matching --------------------------------------------------------------------------
    def match(self, toks: Sequence[Token], words: Sequence[Word], demonyms: bool = False) -> list[Hit]:
        """Leftmost-longest aliases (or demonyms) over the tokens, clitic-aware on the first word.

        The first word may be any clitic reading of its token (least stripped first); the other
        words must equal the following tokens' normalised forms.
        """
        index = self.data.demonym_multi if demonyms else self.data.multi
        single = self.data.demonyms if demonyms else self.data.aliases
        out: list[Hit] = []
        n = len(toks)
        free = 0  # the first token not inside an earlier match
        starts = [i for i, w in enumerate(words) if (w.demonyms if demonyms else w.places)]
        for i in starts:
            if i < free:
                continue
            readings = words[i].demonyms if demonyms else words[i].places
            hit = self._match_at(toks, i, n, readings, index, single, demonyms)
            if hit is not None:
                out.append(hit)
                free = hit.j
        return out

    @staticmethod
    def _match_at(toks, i, n, readings, index, single, demonyms) -> Hit | None:  # type: ignore[no-untyped-def]
        second = toks[i + 1].norm if i + 1 < n else None
        for key, prefix in readings:
            bucket = index.get(f"{key} {second}") if second is not None else None
            for rest, payload in bucket or ():
                j = i + 2 + len(rest)
                if j <= n and all(toks[i + 2 + k].norm == w for k, w in enumerate(rest)):
                    return Hit(i, j, prefix, payload)
            if key in single:
                return Hit(i, i + 1, prefix, single[key] if demonyms else key)
        return None

    # -- transliteration -------------------------------------------------------------------
    def transliterate(
        self, surface: str, countries: Iterable[str] = (), strict: bool = False
    ) -> list[tuple[float, Place]]:
        """GeoNames places whose Latin names sound like the Arabic ``surface``, best first.

        In the ``countries`` given (those the article mentions) a score of LOCAL_THRESHOLD
        suffices; in an article that mentions no country, any city of 50,000+ people with
        GLOBAL_THRESHOLD (an unknown name in a report on Mali is not Tacoma). ``strict``
        (weak context) searches only the given countries, with STRICT_THRESHOLD and towns of
        STRICT_POPULATION or more.
        """
        key = arabic_key(surface)
        if len(key) < (STRICT_MIN_KEY if strict else MIN_KEY):
            return []
        found: dict[int, float] = {}
        countries = list(countries)
        cutoff = STRICT_THRESHOLD if strict else LOCAL_THRESHOLD
        # ع and ء leave no key letter: عنتاب (ntab) must also meet Antep (antyb)
        firsts = key[0] + ("a" if surface[:1] in "عءئ" and key[0] != "a" else "")
        for iso in countries[: STRICT_COUNTRIES if strict else None]:
            self._collect(key, firsts, iso, cutoff, found)
        if not found and not strict and not countries:
            self._collect(key, firsts, "", GLOBAL_THRESHOLD, found)
        out = [(score, self.place(i)) for i, score in found.items()]
        if strict:
            out = [(score, p) for score, p in out if p.population >= STRICT_POPULATION]
        out.sort(key=lambda x: (-x[0], -x[1].population))
        return out

    def _collect(self, key: str, firsts: str, iso: str, cutoff: float, found: dict[int, float]) -> None:
        memo = (key, iso, cutoff)
        hits = self._searches.get(memo)
        if hits is None:
            buckets = self.data.latin.get(iso, {}) if iso else self.data.latin_big
            hits = self._searches[memo] = tuple(self._search(key, firsts, buckets, cutoff).items())
            if len(self._searches) > MEMO_LIMIT:
                self._searches.clear()
        for idx, score in hits:
            found[idx] = max(score, found.get(idx, 0.0))

    @staticmethod
    def _search(
        key: str, firsts: str, buckets: dict[tuple[str, int], KeyBucket], cutoff: float
    ) -> dict[int, float]:
        """Keys within ``cutoff`` of ``key`` (fuzz.ratio) among those that begin with one of
        ``firsts`` and have a length that can reach the cutoff."""
        n = len(key)
        t = cutoff / 100
        lo, hi = math.ceil(n * t / (2 - t)), math.floor(n * (2 - t) / t)
        found: dict[int, float] = {}
        for first, length in ((f, m) for f in firsts for m in range(lo, hi + 1)):
            bucket = buckets.get((first, length))
            if not bucket:
                continue
            keys, entries = bucket
            for _choice, score, k in process.extract(
                key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=SEARCH_LIMIT
            ):
                for idx in entries[k]:
                    found[idx] = max(score, found.get(idx, 0.0))
        return found


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built and cached on first use)."""
    return Gazetteer(load())
