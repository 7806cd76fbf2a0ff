"""Phonetic keys that let an Arabic spelling of a foreign name meet its Latin spelling.

Arabic writes long vowels only, renders foreign sounds in several ways (zh as ج or ز, g as
غ or ج, v as ف) and has no letters for p or ch. Instead of transliterating one way and hoping
for an exact hit, both scripts are reduced to one coarse alphabet: consonant classes plus
``a`` (ا, a), ``w`` (و, o, u) and ``y`` (ي, e, i). The keys are then compared with
rapidfuzz, which forgives the short vowels Arabic leaves out.

>>> arabic_key("جاناوزين")
'janawzyn'
>>> sorted(latin_keys("Zhanaozen"))
['janawzyn', 'zanawzyn']
>>> arabic_key("أكتاو") in latin_keys("Aktau")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasd.arabic.normalise import fold

# Arabic letters (after fold) to key letters; letters not listed are dropped (ع, ء)
_ARABIC = {
    "ا": "a", "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ژ": "j",
    "ح": "h", "خ": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "z",
    "ظ": "z", "س": "s", "ص": "s", "ش": "c", "چ": "c", "غ": "g", "گ": "g", "ف": "f",
    "ڤ": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "و": "w", "ي": "y",
}  # fmt: skip

# Latin digraphs first (longest first), then single letters
_LATIN_MULTI = (
    ("zh", "j"), ("dzh", "j"), ("tch", "c"), ("sch", "c"), ("kh", "h"), ("gh", "g"), ("sh", "c"),
    ("ch", "c"), ("dj", "j"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"),
    ("ou", "w"), ("ee", "y"), ("oo", "w"),
)  # fmt: skip
_LATIN = {
    "a": "a", "b": "b", "c": "k", "d": "d", "e": "y", "f": "f", "g": "g", "h": "h",
    "i": "y", "j": "j", "k": "k", "l": "l", "m": "m", "n": "n", "o": "w", "p": "b",
    "q": "k", "r": "r", "s": "s", "t": "t", "u": "w", "v": "f", "w": "w", "x": "ks",
    "y": "y", "z": "z",
}  # fmt: skip
_SOFT = "eiy"


def _collapse(key: str) -> str:
    """Doubled key letters once: 'massimov' and 'ماسيموف' meet."""
    out: list[str] = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=50_000)
def arabic_key(name: str) -> str:
    """The key of an Arabic-script name (folded first; spaces and hyphens ignored)."""
    words = fold(name).replace("-", " ").split()
    parts: list[str] = []
    for w in words:
        w = w.replace("تش", "چ")
        key = []
        for k, ch in enumerate(w):
            if ch == "ه" and k == len(w) - 1:
                key.append("a")  # ta marbuta / final h reads as -a
            else:
                key.append(_ARABIC.get(ch, ""))
        parts.append("".join(key))
    return _collapse("".join(parts))


def _ascii(text: str) -> str:
    """Lowercase ASCII letters of ``text`` (accents stripped), words separated by spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    out = []
    for ch in decomposed:
        if "a" <= ch <= "z":
            out.append(ch)
        elif ch in " -'’":
            out.append(" " if ch in " -" else "")
        elif ch in "ıł":
            out.append({"ı": "i", "ł": "l"}[ch])
    return "".join(out)


_UNITS = re.compile(r"dzh|tch|sch|zh|kh|gh|sh|ch|dj|th|dh|ph|ck|ou|ee|oo|c(?=[eiy])|g(?=[eiy])|[a-z]")
_UNIT_KEYS = dict(_LATIN_MULTI) | _LATIN


def _latin_word(word: str, zh: str) -> str:
    units = _UNITS.findall(word)
    if not units:
        return ""
    out = [_UNIT_KEYS.get(u, "") for u in units]
    first = units[0]
    if first in ("e", "i", "o", "u", "ou", "ee", "oo"):
        # Arabic needs an alef to carry an initial vowel: Istanbul ~ إسطنبول, Uzbek ~ أوزبك
        out[0] = "aw" if first[0] in "ou" else "a"
    for k, u in enumerate(units):
        if u == "zh":
            out[k] = zh
        elif len(u) == 1 and u in "cg" and k + 1 < len(units) and units[k + 1][0] in _SOFT:
            out[k] = "s" if u == "c" else "j"
    if len(units) > 2 and units[-1] == "e" and units[-2] not in "aeiouy":
        out[-1] = ""  # a silent final e: Seattle ~ سياتل
    return "".join(out)


@lru_cache(maxsize=50_000)
def latin_keys(name: str) -> frozenset[str]:
    """The keys of a Latin-script name: 'zh' gives two (ج and ز are both used for it)."""
    words = _ascii(name).split()
    if not words:
        return frozenset()
    keys = {_collapse("".join(_latin_word(w, "j") for w in words))}
    if any("zh" in w for w in words):
        keys.add(_collapse("".join(_latin_word(w, "z") for w in words)))
    return frozenset(k for k in keys if k)
