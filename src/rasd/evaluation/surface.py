"""Comparing surface forms as a reader would: letter variants, marks, clitics, partial names.

>>> same_surface("والخرطوم", "الخرطوم")
True
>>> same_surface("قاسم جومارت توكايف", "توكايف")
True
>>> same_surface("الخرطوم", "القاهرة")
False
"""

from __future__ import annotations

import re

from rasd.arabic.normalise import fold

_PUNCT = re.compile(r"[\"'«»“”()\[\]{}.,،؛:!?؟\-–—_/\\]+")


def folded(s: str | None) -> str:
    """Folded, without punctuation, single-spaced; '' for None."""
    if not s:
        return ""
    return " ".join(_PUNCT.sub(" ", fold(s)).split())


def words(s: str | None) -> list[str]:
    """Folded words, each without a proclitic before the article and without the article."""
    out = []
    for w in folded(s).split():
        if w[:1] in "وفبكل" and w[1:3] == "ال":
            w = w[1:]
        elif w.startswith("لل") and len(w) > 4:
            w = "ال" + w[2:]
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        out.append(w)
    return out


def same_surface(a: str | None, b: str | None) -> bool:
    """Equal after folding, or one holds the other as a run of whole words."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))
