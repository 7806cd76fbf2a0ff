"""Search terms: the form of a word under which full-text search indexes and looks it up.

A term is the folded word without proclitics and article, so a search for الشرطه finds
الشرطة, بالشرطة and وللشرطة alike.

>>> search_terms("بالشرطة وللشرطة، الشرطه!")
['شرطه', 'شرطه', 'شرطه']
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.arabic.normalise import fold

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[^\W_]+")
_PROCLITICS = ("وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل", "لل", "ال")


@lru_cache(maxsize=500_000)
def search_term(word: str) -> str:
    """The indexed form of one folded word."""
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p) :]
    if word[:1] in "وفب" and len(word) > 4:
        return word[1:]
    return word.lower()


def search_terms(text: str) -> list[str]:
    """The search terms of a text, in order."""
    return [search_term(w) for w in _WORD.findall(fold(text))]


def search_text(text: str) -> str:
    """The search terms of a text joined by spaces: what the full-text index stores."""
    return folded_search_text(fold(text))


def folded_search_text(folded: str) -> str:
    """``search_text`` of a text already folded (for callers that fold it for other uses too)."""
    return " ".join(map(search_term, _WORD.findall(folded)))
