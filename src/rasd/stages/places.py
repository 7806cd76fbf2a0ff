"""Stage: places (being built)."""

from __future__ import annotations

from rasd.doc import Doc


def places(doc: Doc) -> Doc:
    return doc
