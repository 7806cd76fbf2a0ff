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

import re
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
    if ch in _SPACES:
        return " "
    return ch


_SPACES = "\u00a0\u2002\u2003\u2009\u202f\u3000"
_PRESENTATION = [chr(c) for c in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00))]
# characters whose normalised form is not exactly one character: removed or expanded
_SPECIAL_CHARS = sorted(set(_REMOVED) | {c for c in _PRESENTATION if len(_fold_char(c)) != 1})
_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in _SPECIAL_CHARS) + "]")
# one-to-one folds, applied by str.translate (C speed) between special characters
_ONE_TO_ONE = str.maketrans(
    {c: f for c in list(_FOLDS) + list(_SPACES) + _PRESENTATION if len(f := _fold_char(c)) == 1 and f != c}
)
_FULL = str.maketrans({c: _fold_char(c) for c in _SPECIAL_CHARS}) | _ONE_TO_ONE


def fold(text: str) -> str:
    """The normalised string alone, for lexicon keys and comparisons.

    >>> fold("الإمارات")
    'الامارات'
    """
    return text.translate(_FULL)


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
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i].translate(_ONE_TO_ONE))
            origin.extend(range(pos, i))
        folded = _fold_char(text[i])
        if folded:
            parts.append(folded)
            origin.extend([i] * len(folded))
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:].translate(_ONE_TO_ONE))
        origin.extend(range(pos, len(text)))
    return NormalisedView("".join(parts), tuple(origin), text)
