"""The loaded gazetteer: alias matching, demonyms, context words and transliteration search.

>>> gaz = gazetteer()
>>> [gaz.place(i).name for i, _ in gaz.candidates("كازاخستان")]
['Kazakhstan']
>>> gaz.transliterate("جاناوزين", {"KZ"})[0][1].name
'Zhanaozen'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz, process

from rasd.gazetteer.build import BLOCKED, GazetteerData, KeyBucket, Place
from rasd.gazetteer.cache import load
from rasd.gazetteer.translit import arabic_key
from rasd.matcher import PhraseMatcher

__all__ = ["BLOCKED", "Gazetteer", "gazetteer"]

LOCAL_THRESHOLD = 84.0  # transliteration score needed in a country the article mentions
GLOBAL_THRESHOLD = 93.0  # ... anywhere else (big cities only)
STRICT_THRESHOLD = 92.0  # weak context (في X): mentioned countries, towns of 20,000+ only
STRICT_POPULATION = 20_000
STRICT_COUNTRIES = 3  # weak context searches only the article's three most mentioned countries
MIN_KEY = 4
STRICT_MIN_KEY = 5


class Gazetteer:
    """Read-only lookups over ``GazetteerData`` (see ``rasd.gazetteer.build``)."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.matcher: PhraseMatcher = data.matcher
        self.demonym_matcher: PhraseMatcher = data.demonym_matcher

    def place(self, idx: int) -> Place:
        return Place._make(self.data.places[idx])

    def candidates(self, alias: str) -> list[tuple[int, int]]:
        """(place index, need) for a folded alias (``phrase_key`` form)."""
        return list(self.data.aliases.get(alias, {}).items())

    def role(self, word: str) -> str:
        """The context role of a folded word ('' when it has none)."""
        return self.data.context.get(word, "")

    def rule(self, alias: str) -> str:
        """The stoplist rule of a folded word or phrase ('' when it has none)."""
        return self.data.rules.get(alias, "")

    def is_demonym(self, alias: str) -> str:
        """The country of a demonym form ('' when it is not one); accepts ال forms."""
        d = self.data.demonyms
        if alias in d:
            return d[alias]
        if alias.startswith("ال") and alias[2:] in d:
            return d[alias[2:]]
        return ""

    def transliterate(
        self, surface: str, countries: Iterable[str] = (), strict: bool = False
    ) -> list[tuple[float, Place]]:
        """GeoNames places whose Latin names sound like the Arabic ``surface``, best first.

        In the ``countries`` given (those the article mentions) a score of LOCAL_THRESHOLD
        suffices; elsewhere only cities of 50,000+ people with GLOBAL_THRESHOLD. ``strict``
        (weak context) searches only the given countries, with STRICT_THRESHOLD and towns of
        STRICT_POPULATION or more.
        """
        key = arabic_key(surface)
        if len(key) < (STRICT_MIN_KEY if strict else MIN_KEY):
            return []
        found: dict[int, float] = {}
        for iso in list(countries)[: STRICT_COUNTRIES if strict else None]:
            self._search(
                key, self.data.latin.get(iso, {}), STRICT_THRESHOLD if strict else LOCAL_THRESHOLD, found
            )
        if not found and not strict:
            self._search(key, self.data.latin_big, GLOBAL_THRESHOLD, found)
        out = [(score, self.place(i)) for i, score in found.items()]
        if strict:
            out = [(score, p) for score, p in out if p.population >= STRICT_POPULATION]
        out.sort(key=lambda x: (-x[0], -x[1].population))
        return out

    @staticmethod
    def _search(key: str, buckets: dict[int, KeyBucket], cutoff: float, found: dict[int, float]) -> None:
        """Keys within ``cutoff`` of ``key`` (fuzz.ratio), scanning only lengths that can reach it."""
        n = len(key)
        t = cutoff / 100
        lo, hi = math.ceil(n * t / (2 - t)), math.floor(n * (2 - t) / t)
        for length in range(lo, hi + 1):
            bucket = buckets.get(length)
            if not bucket:
                continue
            keys, entries = bucket
            for _choice, score, k in process.extract(
                key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                for idx in entries[k]:
                    found[idx] = max(score, found.get(idx, 0.0))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built and cached on first use)."""
    return Gazetteer(load())
