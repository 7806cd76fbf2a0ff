"""The loaded gazetteer: alias matching, demonyms, context words and transliteration search.

>>> gaz = gazetteer()
>>> [gaz.place(i).name for i, _ in gaz.candidates("كازاخستان")]
['Kazakhstan']
>>> gaz.transliterate("جاناوزين", {"KZ"})[0][1].name
'Zhanaozen'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz, process

from rasd.gazetteer.build import BLOCKED, GazetteerData, Place
from rasd.gazetteer.cache import load
from rasd.gazetteer.translit import arabic_key
from rasd.matcher import PhraseMatcher

__all__ = ["BLOCKED", "Gazetteer", "gazetteer"]

LOCAL_THRESHOLD = 84.0  # transliteration score needed in a country the article mentions
GLOBAL_THRESHOLD = 93.0  # ... anywhere else (big cities only)
MIN_KEY = 4


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

    def transliterate(self, surface: str, countries: Iterable[str] = ()) -> list[tuple[float, Place]]:
        """GeoNames places whose Latin names sound like the Arabic ``surface``, best first.

        In the ``countries`` given (those the article mentions) a score of LOCAL_THRESHOLD
        suffices; elsewhere only cities of 50,000+ people with GLOBAL_THRESHOLD.
        """
        key = arabic_key(surface)
        if len(key) < MIN_KEY:
            return []
        found: dict[int, float] = {}
        for iso in countries:
            keys, entries = self.data.latin.get(iso, ([], []))
            self._search(key, keys, entries, LOCAL_THRESHOLD, found)
        if not found:
            keys, entries = self.data.latin_big
            self._search(key, keys, entries, GLOBAL_THRESHOLD, found)
        out = [(score, self.place(i)) for i, score in found.items()]
        out.sort(key=lambda x: (-x[0], -x[1].population))
        return out

    @staticmethod
    def _search(
        key: str, keys: list[str], entries: list[tuple[int, ...]], cutoff: float, found: dict[int, float]
    ) -> None:
        if not keys:
            return
        for _choice, score, k in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8):
            for idx in entries[k]:
                found[idx] = max(score, found.get(idx, 0.0))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built and cached on first use)."""
    return Gazetteer(load())
