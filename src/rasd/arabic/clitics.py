"""Clitic segmentation of normalised Arabic words.

Arabic glues conjunctions (و ف), prepositions (ب ل ك), the future particle (س), the article
(ال) and object/possessive pronouns (ه ها هم ...) to words. A word has several possible
readings; ``segmentations`` lists them from the least to the most stripped, and lexicon
matchers take the first reading that is a known entry, so ``وزارة`` stays whole while
``بكازاخستان`` yields ``كازاخستان``.

>>> [(s.prefix, s.base, s.suffix) for s in segmentations("بكازاخستان")]
[('', 'بكازاخستان', ''), ('ب', 'كازاخستان', '')]
>>> light_stem("والاعتقالات")
'اعتقال'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.arabic.charsets import PRONOUN_SUFFIXES

MIN_BASE = 2


@dataclass(frozen=True)
class Segmentation:
    """``prefix`` + ``base`` + ``suffix`` == the word; ``article`` says ``base`` starts with ال."""

    prefix: str
    base: str
    suffix: str

    @property
    def article(self) -> bool:
        return self.base.startswith("ال") and len(self.base) > 3


def _proclitic_splits(word: str) -> list[tuple[str, str]]:
    """(prefix, rest) pairs for the proclitic chains conj? (prep | fut)? the word allows."""
    out = [("", word)]
    conj = word[:1] if word[:1] in "وف" and len(word) > MIN_BASE else ""
    heads = [""] + ([conj] if conj else [])
    for c in heads:
        rest = word[len(c) :]
        if c:
            out.append((c, rest))
        if rest[:1] in "بك" and len(rest) > MIN_BASE:
            out.append((c + rest[0], rest[1:]))
        elif rest[:1] == "ل" and len(rest) > MIN_BASE:
            out.append((c + "ل", rest[1:]))
            if rest.startswith("لل") and len(rest) > MIN_BASE + 2:
                # ل + ال: the article's alef is elided in writing (للشرطة = ل + الشرطة)
                out.append((c + "لل", rest[2:]))
        if rest[:1] == "س" and rest[1:2] in "يتنا" and len(rest) > MIN_BASE + 2:
            out.append((c + "س", rest[1:]))
    return out


@lru_cache(maxsize=200_000)
def segmentations(word: str, suffixes: bool = False) -> tuple[Segmentation, ...]:
    """All readings of ``word``, least stripped first; pronoun suffixes only when asked."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Segmentation] = []

    def push(p: str, b: str, s: str) -> None:
        if len(b) >= MIN_BASE and (p, b, s) not in seen:
            seen.add((p, b, s))
            out.append(Segmentation(p, b, s))

    for prefix, rest in _proclitic_splits(word):
        push(prefix, rest, "")
        if suffixes:
            for suf in PRONOUN_SUFFIXES:
                if rest.endswith(suf) and len(rest) - len(suf) >= 3:
                    base = rest[: -len(suf)]
                    push(prefix, base, suf)
                    # a feminine noun keeps its ta before a suffix: حكومته -> حكومه
                    if base.endswith("ت"):
                        push(prefix, base[:-1] + "ه", suf)
    return tuple(out)


def strip_article(word: str) -> str:
    """``word`` without a leading ال when what remains is a word of 2+ letters."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


_STEM_SUFFIXES = ("ات", "ون", "ين", "ان", "يه", "ها", "هم", "ه", "ي")


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """A light stem (after Larkey's light10): proclitics, article and common suffixes off.

    Used to compare word forms, never shown to the user.
    """
    w = word
    if w[:1] in "وف" and len(w) > 4:
        w = w[1:]
    for art in ("بال", "كال", "فال", "ال", "لل"):
        if w.startswith(art) and len(w) - len(art) >= 2:
            w = w[len(art) :]
            break
    for suf in _STEM_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    return w
