"""Stage 1: the normalised view of the text, with its map back to the original."""

from __future__ import annotations

from rasd.arabic.normalise import normalise as build_view
from rasd.doc import Doc


def normalise(doc: Doc) -> Doc:
    doc.view = build_view(doc.text)
    return doc
