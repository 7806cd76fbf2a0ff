"""Character sets used across rasd, defined once.

>>> is_arabic_letter("ك")
True
>>> is_arabic_letter("k")
False
"""

from __future__ import annotations

import re

# Harakat, Quranic marks, superscript alef and tatweel: removed by normalisation.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
TATWEEL = "\u0640"

# Invisible formatting characters: bidi controls, zero-width joiners/spaces, BOM, soft hyphen.
INVISIBLE = frozenset(
    ["\u00ad", "\u061c", "\u180e", "\ufeff"]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x206A)]
)

# Letter folds (one character to one character).
LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ێ": "ي",
    "ئ": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ە": "ه",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
}

# Digits: Arabic-Indic and Extended (Persian/Urdu) to ASCII; Arabic separators to Latin ones.
DIGIT_FOLDS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
SEPARATOR_FOLDS = {"\u066b": ".", "\u066c": ",", "\u066a": "%"}

ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("ٱپچژگکیۀەھہ")

PROCLITIC_CONJ = "وف"
PROCLITIC_PREP = "بلك"
ARTICLE = "ال"
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_DROP_ARABIC = {ord(c): None for c in ARABIC_LETTERS}


def is_arabic_letter(ch: str) -> bool:
    """True for a letter of the Arabic script (not a digit, mark or punctuation)."""
    return ch in ARABIC_LETTERS


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic; 0.0 when it has no letters.

    >>> arabic_ratio("رصد rasd")
    0.42857142857142855
    """
    letters = sum(map(len, _LETTER_RUN.findall(text)))
    if not letters:
        return 0.0
    return (len(text) - len(text.translate(_DROP_ARABIC))) / letters
