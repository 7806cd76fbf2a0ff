"""Stage 3: sentences, split on Arabic and Latin end punctuation and on line breaks.

A full stop inside a number (4.2) is part of the number token and never splits; one after a
single-letter abbreviation (د. for doctor, م. for the Gregorian era) or a Latin abbreviation
does not split either. Closing quotes and brackets stay with the sentence they close.

>>> from rasd.pipeline import read
>>> doc = read('قال د. أحمد: "الوضع خطير". وأضاف أن 4.2 ألف شخص اعتقلوا!\\nالسطر الثاني')
>>> [s.text_of(doc) for s in doc.sentences]
['قال د. أحمد: "الوضع خطير".', 'وأضاف أن 4.2 ألف شخص اعتقلوا!', 'السطر الثاني']
"""

from __future__ import annotations

from rasd.doc import Doc, Span, Token

TERMINALS = frozenset(".!?؟؛;…")
CLOSERS = frozenset("\"'»”’)]}›")
LATIN_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "dr", "st", "no", "vs", "etc", "inc", "ltd", "jr", "sr", "u", "s"}
)


def _is_abbreviation(prev: Token | None) -> bool:
    if prev is None:
        return False
    if prev.kind == "word" and len(prev.norm) == 1:
        return True
    return prev.kind == "latin" and prev.norm.lower() in LATIN_ABBREVIATIONS


def sentences(doc: Doc) -> Doc:
    toks = doc.tokens
    out: list[Span] = []
    first = 0
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        end_here = False
        if tok.kind == "punct" and tok.norm in TERMINALS:
            prev = toks[i - 1] if i > 0 else None
            adjacent = prev is not None and prev.end == tok.start
            if not (tok.norm == "." and adjacent and _is_abbreviation(prev)):
                end_here = True
                while (
                    i + 1 < n
                    and toks[i + 1].kind == "punct"
                    and (toks[i + 1].norm in CLOSERS or toks[i + 1].norm in TERMINALS)
                ):
                    i += 1
        if not end_here and i + 1 < n and "\n" in doc.text[toks[i].end : toks[i + 1].start]:
            end_here = True
        if end_here or i == n - 1:
            out.append(Span(toks[first].start, toks[i].end, "sentence"))
            for t in toks[first : i + 1]:
                t.sentence = len(out) - 1
            first = i + 1
        i += 1
    doc.sentences = out
    return doc
