"""A normalised view of Arabic text with an exact map back to the original.

Normalisation removes diacritics, tatweel and invisible formatting characters, folds
alef/ya/ta-marbuta/hamza-seat variants, maps Arabic-Indic and Persian digits to ASCII and
expands presentation-form ligatures. Every normalised character remembers the index of the
original character it came from, so a span found in the normalised view maps back exactly.

>>> view = normalise("بِكازاخستانَ ٢٠٢٢")
>>> view.text
'بكازاخستان 2022'
>>> view.to_original(1, 10)
(2, 12)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rasd.arabic.charsets import (
    DIACRITICS,
    DIGIT_FOLDS,
    INVISIBLE,
    LETTER_FOLDS,
    SEPARATOR_FOLDS,
    TATWEEL,
)

_REMOVED = DIACRITICS | INVISIBLE | {TATWEEL}
_FOLDS = LETTER_FOLDS | DIGIT_FOLDS | SEPARATOR_FOLDS


def _fold_char(ch: str) -> str:
    """The normalised form of one character: '' when removed, else one or more characters."""
    if ch in _REMOVED:
        return ""
    folded = _FOLDS.get(ch)
    if folded is not None:
        return folded
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        # presentation forms: expand (e.g. the lam-alef ligature) and fold the result
        return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", ch) if c != ch)
    if ch in "\u00a0\u2002\u2003\u2009\u202f\u3000":
        return " "
    return ch


def fold(text: str) -> str:
    """The normalised string alone, for lexicon keys and comparisons.

    >>> fold("الإمارات")
    'الامارات'
    """
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class NormalisedView:
    """``text`` is the normalised string; ``origin[i]`` the original index of ``text[i]``."""

    text: str
    origin: tuple[int, ...]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a normalised [start, end); end extends over removed marks."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1
        # a character expanded into several (ligature) maps wholly; trailing diacritics and
        # tatweel belong to the letter they follow
        n = len(self.original)
        while o_end < n and (self.original[o_end] in DIACRITICS or self.original[o_end] == TATWEEL):
            o_end += 1
        return o_start, o_end


def normalise(text: str) -> NormalisedView:
    """Build the normalised view of ``text`` (see the module docstring)."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for c in folded:
            out.append(c)
            origin.append(i)
    return NormalisedView("".join(out), tuple(origin), text)
