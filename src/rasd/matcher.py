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

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from rasd.arabic.clitics import segmentations, strip_article
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Token


@dataclass(slots=True)
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
_KEYS_MAX = 500_000
_HEADS_MAX = 200_000  # per matcher

# the readings of a token that start some phrase: (key, prefix, suffix, bucket of phrases)
_Head = tuple[str, str, str, list[tuple[tuple[str, ...], Any]]]
_NO_HEADS: tuple[_Head, ...] = ()


_BASES: dict[str, dict[str, str]] = {}
_BASES_MAX = 200_000


# a preposition with a pronoun (عنهم، عليه، إليها) ends a phrase as the bare preposition does:
# أفرجت عنهم matches أفرج عن. Segmentation leaves such short words whole.
PREPOSITION_PRONOUNS = {
    fold(prep) + suffix: (fold(prep), suffix)
    for prep in ("عن", "على", "إلى", "من", "مع", "في", "ب", "ل")
    for suffix in ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
}


def suffix_bases(word: str) -> dict[str, str]:
    """base -> pronoun suffix for the readings of ``word`` without a proclitic, the first
    reading of each base (``segmentations`` order); memoised up to ``_BASES_MAX`` words."""
    hit = _BASES.get(word)
    if hit is None:
        hit = {}
        for seg in segmentations(word, True):
            if not seg.prefix and seg.base not in hit:
                hit[seg.base] = seg.suffix
        prep = PREPOSITION_PRONOUNS.get(word)
        if prep is not None:
            hit.setdefault(*prep)
        if len(_BASES) < _BASES_MAX:
            _BASES[word] = hit
    return hit


def token_key(tok: Token) -> str:
    """A string standing for the token's (norm, kind): the norm of a word (Arabic letters only),
    else kind, NUL, norm. Strings cache their hash, which keeps the set operations cheap."""
    return tok.norm if tok.kind == "word" else f"{tok.kind}\0{tok.norm}"


def token_groups(doc: Doc) -> dict[str, list[int]]:
    """The token indices of ``doc`` grouped by ``token_key``, in text order; computed once per
    token list and kept in ``doc.cache`` (every matcher run over the document shares it)."""
    toks = doc.tokens
    hit = doc.cache.get("token_groups")
    if hit is not None and hit[0] is toks and hit[1] == len(toks):
        return hit[2]
    groups: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        ck = token_key(tok)
        g = groups.get(ck)
        if g is None:
            groups[ck] = [i]
        else:
            g.append(i)
    doc.cache["token_groups"] = (toks, len(toks), groups)
    return groups


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
        # token_key -> the token's readings that start some phrase (empty: none)
        self._heads: dict[str, tuple[_Head, ...]] = {}
        self._yes: set[str] = set()  # the keys in ``_heads`` with some reading
        self._version = 0  # bumped by ``add``: start positions cached in documents go stale

    def add(self, phrase: str, payload: Any) -> None:
        words = tuple(fold(phrase).split())
        if not words:
            return
        self._heads.clear()
        self._yes.clear()
        self._version += 1
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
            if len(_KEYS) < _KEYS_MAX:
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

    def _heads_of(self, tok: Token) -> tuple[_Head, ...]:
        """The readings of ``tok`` whose key starts some phrase, least stripped first
        (memoised per matcher by ``token_key``, up to ``_HEADS_MAX`` entries)."""
        ck = token_key(tok)
        hit = self._heads.get(ck)
        if hit is None:
            index = self._index
            hit = (
                tuple(
                    (key, prefix, suffix, index[key])
                    for key, prefix, suffix in self._keys(tok, True)
                    if index.get(key)
                )
                or _NO_HEADS
            )
            if len(self._heads) < _HEADS_MAX:
                self._heads[ck] = hit
                if hit:
                    self._yes.add(ck)
        return hit

    def _starts(self, doc: Doc) -> list[int]:
        """Ascending indices of the tokens of ``doc`` that may start a match (cached in the doc)."""
        toks = doc.tokens
        cached = doc.cache.get(self)
        if cached is not None and cached[0] is toks and cached[1] == len(toks) and cached[2] == self._version:
            return cached[3]
        groups = token_groups(doc)
        yes = self._yes
        extra: list[str] = []  # starting keys the full memo could not keep
        # set.difference walks the smaller side (a dict-view difference would walk the memo)
        for ck in set(groups).difference(self._heads):
            if self._heads_of(toks[groups[ck][0]]) and ck not in yes:
                extra.append(ck)
        keys = groups.keys() & yes
        if extra:
            keys.update(extra)
        if not keys:
            starts: list[int] = []
        elif len(keys) == 1:
            starts = groups[keys.pop()]
        else:
            starts = sorted(chain.from_iterable(groups[ck] for ck in keys))
        doc.cache[self] = (toks, len(toks), self._version, starts)
        return starts

    def _match_at(
        self, doc: Doc, i: int, stop: int, accept: Callable[[Match], bool] | None = None
    ) -> Match | None:
        toks = doc.tokens
        heads = self._heads_of(toks[i])
        if not heads:
            return None
        nxt = toks[i + 1].norm if i + 1 < stop else None
        for _key, prefix, suffix, bucket in heads:
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
                    if words[1] != nxt and (n > 2 or not self.suffixes):
                        continue  # the second word differs (and may not carry a suffix)
                    tail_suffix = self._tail(doc, i + 1, words[1:])
                    if tail_suffix is not None:
                        m = self._make(doc, i, i + n, prefix, tail_suffix, payload, words)
                if m is not None and (accept is None or accept(m)):
                    return m
        return None

    def _tail(self, doc: Doc, i: int, words: tuple[str, ...]) -> str | None:
        """'' or the last word's suffix when tokens from ``i`` spell ``words``; else None."""
        toks = doc.tokens
        last = len(words) - 1
        for k, w in enumerate(words):
            tok = toks[i + k]
            if tok.norm == w:
                continue
            if k == last and self.suffixes and tok.kind == "word":
                return suffix_bases(tok.norm).get(w)
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
        if first >= stop:
            return out
        starts = self._starts(doc)
        pos = first  # the next token a match may start at
        for k in range(bisect_left(starts, first), len(starts)):
            i = starts[k]
            if i >= stop:
                break
            if i < pos:
                continue
            m = self._match_at(doc, i, stop, accept)
            if m is None:
                continue
            out.append(m)
            pos = i + 1 if overlapping else m.j
        return out
