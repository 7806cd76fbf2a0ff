"""The document that every stage reads and enriches.

A ``Doc`` owns the original text. Stages add a normalised view, tokens, sentences and labelled
spans; every span stores offsets into the ORIGINAL string, so ``doc.text[span.start:span.end]``
is always what the span claims to be.

>>> from rasd.pipeline import read
>>> doc = read("اعتقلت الشرطة 12 شخصا في بغداد.", published="2024-03-02")
>>> [t.text for t in doc.tokens][:3]
['اعتقلت', 'الشرطة', '12']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rasd.arabic.normalise import NormalisedView


@dataclass
class Span:
    """A labelled stretch of the original text: ``[start, end)`` with stage-specific ``data``."""

    start: int
    end: int
    label: str
    data: dict[str, Any] = field(default_factory=dict)

    def text_of(self, doc: Doc) -> str:
        return doc.text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Token:
    """A word, number or punctuation mark.

    ``start``/``end`` index the original text; ``nstart``/``nend`` the normalised view;
    ``norm`` is the normalised form; ``kind`` is 'word', 'number', 'latin' or 'punct'.
    ``segments`` lists the clitic readings of an Arabic word (see ``rasd.arabic.clitics``).
    """

    i: int
    start: int
    end: int
    nstart: int
    nend: int
    norm: str
    kind: str
    text: str
    segments: tuple[Any, ...] = ()
    stem: str = ""
    sentence: int = 0


@dataclass
class Doc:
    """One article as it moves through the pipeline."""

    text: str
    id: str = "doc"
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    view: NormalisedView | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # derived data that stages and matchers compute once per document (e.g. the token
    # positions where each lexicon may match); not part of the document's value
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def norm(self) -> str:
        """The normalised text (requires the normalise stage)."""
        assert self.view is not None, "the normalise stage has not run"
        return self.view.text

    def span_from_norm(self, nstart: int, nend: int, label: str, **data: Any) -> Span:
        """A span over normalised offsets, stored with original offsets."""
        assert self.view is not None
        start, end = self.view.to_original(nstart, nend)
        return Span(start, end, label, dict(data))

    def add(self, label: str, span: Span) -> Span:
        self.spans.setdefault(label, []).append(span)
        return span

    def get(self, label: str) -> list[Span]:
        return self.spans.get(label, [])

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding original offset ``pos`` (the last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= pos:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that lie within original offsets [start, end)."""
        return [t for t in self.tokens if t.start >= start and t.end <= end]
