"""Stage 2: tokens with original and normalised offsets, and their clitic readings.

>>> from rasd.pipeline import read
>>> doc = read("وبحسب الوكالة، اعتقلت الشرطة 4.2 ألف شخص")
>>> [t.norm for t in doc.tokens]
['وبحسب', 'الوكاله', '،', 'اعتقلت', 'الشرطه', '4.2', 'الف', 'شخص']
"""

from __future__ import annotations

import re

from rasd.arabic.charsets import DIACRITICS, TATWEEL
from rasd.arabic.clitics import Segmentation, light_stem, segmentations
from rasd.doc import Doc, Token

# numbers keep their decimal point and thousands separators: 4.2, 4,266, 1 500 is two tokens
_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+)"
    r"|(?P<latin>[^\W\d_]+)"
    r"|(?P<punct>[^\s])"
)


_TRAILING = DIACRITICS | {TATWEEL}

# word -> (clitic readings, light stem): one probe a word instead of two cached calls
_WORDS: dict[str, tuple[tuple[Segmentation, ...], str]] = {}
_WORDS_MAX = 200_000


def tokenise(doc: Doc) -> Doc:
    view = doc.view
    assert view is not None
    origin, text = view.origin, doc.text
    n_orig = len(text)
    tokens: list[Token] = []
    append = tokens.append
    words = _WORDS
    for m in _TOKEN.finditer(view.text):
        kind = m.lastgroup or "punct"
        ns, ne = m.span()
        start = origin[ns]
        end = origin[ne - 1] + 1
        if end < n_orig and text[end] in _TRAILING:
            start, end = view.to_original(ns, ne)  # marks after the last letter belong to it
        norm = m.group()
        if kind == "word":
            info = words.get(norm)
            if info is None:
                info = (segmentations(norm), light_stem(norm))
                if len(words) < _WORDS_MAX:
                    words[norm] = info
            append(Token(len(tokens), start, end, ns, ne, norm, kind, text[start:end], info[0], info[1]))
        else:
            append(Token(len(tokens), start, end, ns, ne, norm, kind, text[start:end], (), norm))
    doc.tokens = tokens
    return doc
