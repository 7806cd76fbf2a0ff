"""Stage: dates (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def dates(doc: Doc) -> Doc:
    return doc
