"""Stage: numbers (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def numbers(doc: Doc) -> Doc:
    return doc
