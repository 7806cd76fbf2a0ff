"""Stage: the credited source, the agency or outlet the article says its report comes from.

Three forms, tried in this order (cues in ``lexicons/credit_cues.tsv``):

1. a label line: ``المصدر: نوفوستي`` (the last one in the article wins);
2. an opening parenthetical in the first line: ``بيروت (رويترز) -``, ``(أ ف ب)``;
3. an inline cue with an outlet name: ``نقلا عن وكالة الأنباء الألمانية``.

>>> from rasd.pipeline import read
>>> doc = read("القاهرة (رويترز) - قال مسؤول إن ...", until="credited_source")
>>> doc.get("credited_source")[0].text_of(doc)
'رويترز'
"""

from __future__ import annotations

import re
from functools import cache

from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.lexicons import read_tsv

MAX_NAME_WORDS = 6
MAX_DATELINE_CHARS = 80
MAX_DATELINE_WORDS = 3
_STOP_WORDS = frozenset(fold(w) for w in ("أن", "إن", "قولها", "قوله", "عن", "التي", "الذي", "ان"))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rows = read_tsv("credit_cues.tsv")

    def alt(kind: str) -> str:
        cues = sorted({fold(r["cue"]) for r in rows if r["kind"] == kind}, key=len, reverse=True)
        return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)

    label = re.compile(rf"(?:^|\n|\()[ \t]*(?:{alt('label')})[ \t]*[:：][ \t]*([^\n()]{{1,80}})")
    opening = re.compile(r"\(([^()\n\d]{2,40})\)")
    inline = re.compile(
        rf"(?:{alt('inline')})\s+(?:ل)?((?:{alt('head')})(?:\s+[^\s،,.:؛;()\"«»]+){{0,{MAX_NAME_WORDS}}})"
    )
    return label, opening, inline


def _trim(doc: Doc, ns: int, ne: int) -> Span | None:
    """A span over the normalised [ns, ne) without surrounding spaces and punctuation."""
    norm = doc.norm
    while ns < ne and not norm[ns].isalnum():
        ns += 1
    while ne > ns and not norm[ne - 1].isalnum():
        ne -= 1
    if ne <= ns:
        return None
    return doc.span_from_norm(ns, ne, "credited_source")


def _inline_name(doc: Doc, ns: int, ne: int) -> Span | None:
    """Cut an inline outlet name before the first word that cannot be part of it."""
    words = list(re.finditer(r"\S+", doc.norm[ns:ne]))
    end = ns
    for w in words:
        if w.group() in _STOP_WORDS:
            break
        end = ns + w.end()
    return _trim(doc, ns, end)


def _opening(doc: Doc, opening: re.Pattern[str]) -> Span | None:
    """``(رويترز)`` at the start of the text or after a short dateline (``بيروت، 5 مارس``)."""
    head = doc.norm[:MAX_DATELINE_CHARS]
    m = opening.search(head)
    if m is None:
        return None
    dateline_words = [w for w in re.split(r"[\s،,\-–—]+", head[: m.start()]) if w and not w.isdigit()]
    name = m.group(1)
    if len(dateline_words) > MAX_DATELINE_WORDS or len(name.split()) > 4:
        return None
    if not any("\u0621" <= c <= "\u064a" for c in name):
        return None
    return _trim(doc, *m.span(1))


def credited_source(doc: Doc) -> Doc:
    label, opening, inline = _patterns()
    norm = doc.norm
    span: Span | None = None
    labels = list(label.finditer(norm))
    if labels:
        m = labels[-1]
        span = _trim(doc, *m.span(1))
    if span is None:
        span = _opening(doc, opening)
    if span is None:
        m = inline.search(norm)
        if m:
            span = _inline_name(doc, *m.span(1))
    if span is not None:
        doc.add("credited_source", span)
    return doc
