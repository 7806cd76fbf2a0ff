"""The pipeline: the stages in the order they run, and ``read`` to run them on a text.

normalise → tokenise → sentences → numbers → dates → places → entities → credited source → events
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable

from rasd.doc import Doc
from rasd.stages.normalise import normalise
from rasd.stages.sentences import sentences
from rasd.stages.tokenise import tokenise

Stage = Callable[[Doc], Doc]


def _stages() -> list[tuple[str, Stage]]:
    stages: list[tuple[str, Stage]] = [
        ("normalise", normalise),
        ("tokenise", tokenise),
        ("sentences", sentences),
    ]
    # later stages import lexicons and the gazetteer: imported here so that the reading core
    # stays light for tools that only need tokens
    from rasd.stages import credited_source, dates, entities, events, numbers, places

    stages += [
        ("numbers", numbers.numbers),
        ("dates", dates.dates),
        ("places", places.places),
        ("entities", entities.entities),
        ("credited_source", credited_source.credited_source),
        ("events", events.events),
    ]
    return stages


_STAGES: list[tuple[str, Stage]] | None = None


def stages() -> list[tuple[str, Stage]]:
    """The stages as (name, function), built once."""
    global _STAGES
    if _STAGES is None:
        _STAGES = _stages()
    return _STAGES


_FROZEN = False


def _freeze_long_lived() -> None:
    """After the first full reading, move every object alive (lexicons, the gazetteer, the
    memos: they live as long as the process) out of the cyclic collector's way (``gc.freeze``).
    Otherwise each full collection walks them all again: about a tenth of the extraction time."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.collect()  # garbage that exists now would never be collected once frozen
        gc.freeze()


def read(
    text: str,
    published: dt.date | str | None = None,
    id: str = "doc",
    outlet: str | None = None,
    until: str | None = None,
    **meta: str | None,
) -> Doc:
    """Run the pipeline on ``text``; stop after the stage named ``until`` if given."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = Doc(
        text=text, id=id, published=published, outlet=outlet, url=meta.get("url"), title=meta.get("title")
    )
    for name, stage in stages():
        doc = stage(doc)
        if name == until:
            break
    else:
        _freeze_long_lived()
    return doc
