"""The report: a ``Doc`` serialised to the output contract (shared/schema/report.schema.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rasd.doc import Doc, Span

PLACE_FIELDS = ("geonameid", "name", "country", "admin1", "kind", "lat", "lon")


def span_json(doc: Doc, span: Span) -> dict[str, Any]:
    return {"text": doc.text[span.start : span.end], "start": span.start, "end": span.end}


def place_json(doc: Doc, span: Span) -> dict[str, Any]:
    out = span_json(doc, span)
    for k in PLACE_FIELDS:
        out[k] = span.data.get(k)
    return out


@dataclass
class Report:
    """What one article says; ``to_dict`` gives the contract's JSON object."""

    id: str
    published: str | None
    outlet: str | None
    credited_source: dict[str, Any] | None
    entities: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # not part of the contract: the doc it came from, for tools that want tokens or dates
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_doc(cls, doc: Doc) -> Report:
        credit = doc.get("credited_source")
        return cls(
            id=doc.id,
            published=doc.published.isoformat() if doc.published else None,
            outlet=doc.outlet,
            credited_source=span_json(doc, credit[0]) if credit else None,
            entities=[
                span_json(doc, s) | {"type": s.data["type"], "latin": s.data.get("latin")}
                for s in sorted(doc.get("entity"), key=lambda s: s.start)
            ],
            places=[place_json(doc, s) for s in sorted(doc.get("place"), key=lambda s: s.start)],
            events=[s.data["event"] for s in doc.get("event")],
            warnings=list(doc.warnings),
            doc=doc,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published,
            "outlet": self.outlet,
            "credited_source": self.credited_source,
            "entities": self.entities,
            "places": self.places,
            "events": self.events,
            "warnings": self.warnings,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
