"""Stage: credited_source (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def credited_source(doc: Doc) -> Doc:
    return doc
