"""Multi-word lexicon matching over tokens, clitic-aware.

Lexicon phrases are folded (``rasd.arabic.normalise.fold``) and split into words. A phrase
matches a run of tokens when its first word equals some clitic reading of the first token
(``بكازاخستان`` for ``كازاخستان``, ``للشرطة`` for ``الشرطة``) and its other words equal the
following tokens. The match's span excludes the proclitics. Lookups are hash-based on the
first word, like spaCy's PhraseMatcher, so thousands of phrases cost one dict probe a token.

>>> from rasd.pipeline import read
>>> m = PhraseMatcher()
>>> m.add("ألما آتا", "Almaty")
>>> doc = read("وصل إلى ألما آتا وبألما آتا")
>>> [(x.text, x.payload) for x in m.find(doc)]
[('ألما آتا', 'Almaty'), ('ألما آتا', 'Almaty')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from rasd.arabic.clitics import segmentations, strip_article
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Token


@dataclass
class Match:
    i: int  # first token
    j: int  # one past the last token
    start: int  # original offsets, proclitics excluded
    end: int
    text: str
    payload: Any
    phrase: tuple[str, ...]
    prefix: str = ""
    suffix: str = ""


_KEYS: dict[tuple[str, str, bool, bool], tuple[tuple[str, str, str], ...]] = {}


class PhraseMatcher:
    """Finds lexicon phrases in a ``Doc``.

    ``article``: a phrase without ال also matches a word with it (اعتقال ~ الاعتقال).
    ``suffixes``: the last word may carry a pronoun suffix (إحراقها ~ إحراق).
    """

    def __init__(self, article: bool = False, suffixes: bool = False) -> None:
        self.article = article
        self.suffixes = suffixes
        self._index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self.size = 0
        self._may: dict[tuple[str, str], bool] = {}  # token (norm, kind) -> can start a match

    def add(self, phrase: str, payload: Any) -> None:
        words = tuple(fold(phrase).split())
        if not words:
            return
        self._may.clear()
        bucket = self._index.setdefault(words[0], [])
        for k, (w, _) in enumerate(bucket):
            if w == words:
                bucket[k] = (words, payload)
                return
        bucket.append((words, payload))
        bucket.sort(key=lambda x: -len(x[0]))
        self.size += 1

    def __contains__(self, phrase: str) -> bool:
        words = tuple(fold(phrase).split())
        return any(w == words for w, _ in self._index.get(words[0], [])) if words else False

    def __len__(self) -> int:
        return self.size

    def _keys(self, tok: Token, last: bool) -> tuple[tuple[str, str, str], ...]:
        """(key, prefix, suffix) readings of a token, least stripped first (memoised: the
        same words recur across tokens, documents and matchers)."""
        ck = (tok.norm, tok.kind, self.suffixes and last, self.article)
        hit = _KEYS.get(ck)
        if hit is None:
            hit = tuple(self._readings(tok, last))
            if len(_KEYS) < 500_000:
                _KEYS[ck] = hit
        return hit

    def _readings(self, tok: Token, last: bool) -> Iterator[tuple[str, str, str]]:
        if tok.kind not in ("word", "latin", "number"):
            return
        if tok.kind != "word":
            yield tok.norm, "", ""
            return
        for seg in segmentations(tok.norm, self.suffixes and last):
            yield seg.base, seg.prefix, seg.suffix
            if seg.prefix.endswith("لل"):
                yield "ال" + seg.base, seg.prefix, seg.suffix
            if self.article and seg.article:
                yield strip_article(seg.base), seg.prefix, seg.suffix

    def _match_at(
        self, doc: Doc, i: int, stop: int, accept: Callable[[Match], bool] | None = None
    ) -> Match | None:
        toks = doc.tokens
        for key, prefix, suffix in self._keys(toks[i], True):
            bucket = self._index.get(key)
            if not bucket:
                continue
            for words, payload in bucket:
                n = len(words)
                if i + n > stop:
                    continue
                m = None
                if n == 1:
                    if suffix and not self.suffixes:
                        continue
                    m = self._make(doc, i, i + 1, prefix, suffix, payload, words)
                elif not suffix:
                    tail_suffix = self._tail(doc, i + 1, words[1:])
                    if tail_suffix is not None:
                        m = self._make(doc, i, i + n, prefix, tail_suffix, payload, words)
                if m is not None and (accept is None or accept(m)):
                    return m
        return None

    def _tail(self, doc: Doc, i: int, words: tuple[str, ...]) -> str | None:
        """'' or the last word's suffix when tokens from ``i`` spell ``words``; else None."""
        toks = doc.tokens
        for k, w in enumerate(words):
            tok = toks[i + k]
            if tok.norm == w:
                continue
            if k == len(words) - 1 and self.suffixes and tok.kind == "word":
                for seg in segmentations(tok.norm, True):
                    if not seg.prefix and seg.base == w:
                        return seg.suffix
            return None
        return ""

    def _make(
        self, doc: Doc, i: int, j: int, prefix: str, suffix: str, payload: Any, words: tuple[str, ...]
    ) -> Match:
        assert doc.view is not None
        toks = doc.tokens
        ns = toks[i].nstart + len(prefix)
        ne = toks[j - 1].nend - len(suffix)
        start, end = doc.view.to_original(ns, ne)
        return Match(i, j, start, end, doc.text[start:end], payload, words, prefix, suffix)

    def find(
        self,
        doc: Doc,
        first: int = 0,
        stop: int | None = None,
        overlapping: bool = False,
        accept: Callable[[Match], bool] | None = None,
    ) -> list[Match]:
        """Leftmost-longest matches in tokens [first, stop); all starts when ``overlapping``.
        ``accept``: a match it rejects is skipped and the next reading of the token tried
        (a verb form read through a preposition, then the noun phrase)."""
        stop = len(doc.tokens) if stop is None else stop
        out: list[Match] = []
        i = first
        toks = doc.tokens
        may = self._may
        while i < stop:
            tok = toks[i]
            ck = (tok.norm, tok.kind)
            hit = may.get(ck)
            if hit is None:
                hit = any(key in self._index for key, _, _ in self._keys(tok, True))
                if len(may) < 200_000:
                    may[ck] = hit
            if not hit:
                i += 1
                continue
            m = self._match_at(doc, i, stop, accept)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = i + 1 if overlapping else m.j
        return out
