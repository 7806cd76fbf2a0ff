"""Stage: entities (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def entities(doc: Doc) -> Doc:
    return doc
