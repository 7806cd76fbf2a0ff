"""Stage: events (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def events(doc: Doc) -> Doc:
    return doc
