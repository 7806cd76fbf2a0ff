"""Stage: the credited source, the agency or outlet the article says its report comes from.

Forms, tried in this order (cues in ``lexicons/credit_cues.tsv``):

1. a label line: ``المصدر: نوفوستي`` (the last one in the article wins);
2. a closing parenthetical: an article that ends with ``(رويترز)`` or ``(و م ع)``;
3. an opening parenthetical in the first line: ``بيروت (رويترز) -``, ``(أ ف ب)``, but not a
   place (``صفاقس (تونس) -`` is a dateline naming the country);
4. an inline cue with a name: ``نقلا عن وكالة الأنباء الألمانية``, ``نقلا عن كوكاسوس واير``,
   but not a generic source (``نقلا عن مصادر أمنية``).

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
MAX_INLINE_WORDS = 4
MAX_DATELINE_CHARS = 80
MAX_DATELINE_WORDS = 3
MAX_PAREN_WORDS = 4
_STOP_WORDS = frozenset(
    fold(w) for w in ("أن", "إن", "قولها", "قوله", "عن", "التي", "الذي", "ان", "في", "من")
)


@cache
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in read_tsv("credit_cues.tsv"):
        out.setdefault(r["kind"], []).append(fold(r["cue"]))
    return out


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = _cues()

    def alt(kind: str) -> str:
        return "|".join(
            re.escape(c).replace(r"\ ", r"\s+")
            for c in sorted(set(cues.get(kind, [])), key=len, reverse=True)
        )

    label = re.compile(rf"(?:^|\n|\()[ \t]*(?:{alt('label')})[ \t]*[:：][ \t]*([^\n()]{{1,80}})")
    paren = re.compile(r"\(([^()\n\d]{2,40})\)")
    inline = re.compile(
        rf"(?:{alt('inline')})\s+(?:ل)?([^\s،,.:؛;()\"«»]+(?:\s+[^\s،,.:؛;()\"«»]+){{0,{MAX_NAME_WORDS}}})"
    )
    return label, paren, inline


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


def _is_place(doc: Doc, span: Span) -> bool:
    """The span is (mostly) a place mention found by the places stage."""
    return any(p.start <= span.start + 1 and p.end >= span.end - 1 for p in doc.get("place"))


def _arabic_name(name: str) -> bool:
    return len(name.split()) <= MAX_PAREN_WORDS and any("\u0621" <= c <= "\u064a" for c in name)


def _closing(doc: Doc, paren: re.Pattern[str]) -> Span | None:
    """``(رويترز)`` as the last thing in the article, on its own line or after a full stop."""
    norm = doc.norm.rstrip(" \t\n.")
    tail_start = max(0, len(norm) - 60)
    found = list(paren.finditer(norm, tail_start))
    if not found:
        return None
    m = found[-1]
    before = norm[: m.start()].rstrip(" \t")
    if m.end() != len(norm) or not _arabic_name(m.group(1)) or (before and before[-1] not in ".!?؟\n"):
        return None
    span = _trim(doc, *m.span(1))
    return None if span is None or _is_place(doc, span) else span


def _opening(doc: Doc, paren: re.Pattern[str]) -> Span | None:
    """``(رويترز)`` at the start of the text or after a short dateline (``بيروت، 5 مارس``)."""
    head = doc.norm[:MAX_DATELINE_CHARS]
    m = paren.search(head)
    if m is None:
        return None
    dateline_words = [w for w in re.split(r"[\s،,\-–—]+", head[: m.start()]) if w and not w.isdigit()]
    if len(dateline_words) > MAX_DATELINE_WORDS or not _arabic_name(m.group(1)):
        return None
    span = _trim(doc, *m.span(1))
    return None if span is None or _is_place(doc, span) else span


def _inline(doc: Doc, inline: re.Pattern[str]) -> Span | None:
    """The first inline cue followed by a name, cut before words that cannot be part of it."""
    heads, generic = set(_cues().get("head", [])), set(_cues().get("generic", []))
    for m in inline.finditer(doc.norm):
        ns = m.start(1)
        words = list(re.finditer(r"\S+", m.group(1)))
        if not words or words[0].group() in generic:
            continue
        limit = MAX_NAME_WORDS if words[0].group() in heads else MAX_INLINE_WORDS
        end = ns
        for w in words[: limit + 1]:
            if w.group() in _STOP_WORDS:
                break
            end = ns + w.end()
        span = _trim(doc, ns, end)
        if span is not None and not _is_place(doc, span):
            return span
    return None


def credited_source(doc: Doc) -> Doc:
    label, paren, inline = _patterns()
    span: Span | None = None
    labels = list(label.finditer(doc.norm))
    if labels:
        span = _trim(doc, *labels[-1].span(1))
    span = span or _closing(doc, paren) or _opening(doc, paren) or _inline(doc, inline)
    if span is not None:
        doc.add("credited_source", span)
    return doc
