"""Filters shared by ``rasd export``, ``rasd query`` and the HTTP API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from rasd.store import Store
from rasd.store.models import Article, Event, Incident


@dataclass
class Filters:
    """All optional: dates are 'YYYY-MM-DD' strings compared with event dates (inclusive)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    mode: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    include_negated: bool = False


def _common(q: Select, f: Filters, table: type, first: Any, last: Any) -> Select:
    """The filters events and incidents share; ``first``/``last`` are the date columns."""
    if f.since:
        q = q.where(last >= f.since)
    if f.until:
        # a month- or year-precision date ('2024-03') sorts before its days: compare by prefix
        q = q.where(first <= f.until + "\uffff")
    if f.country:
        q = q.where(table.country == f.country.upper())
    if f.type:
        q = q.where(table.type == f.type.upper())
    if f.mode:
        q = q.where(table.mode == f.mode)
    if f.bbox:
        w, s, e, n = f.bbox
        q = q.where(table.lon >= w, table.lon <= e, table.lat >= s, table.lat <= n)
    return q


def event_select(store: Store, f: Filters, newest_first: bool = False) -> Select:
    """Events with their article's outlet, url and published date, filtered."""
    q = select(Event, Article.outlet, Article.url, Article.published, Article.ext_id).join(
        Article, Article.id == Event.article_id
    )
    if not f.include_negated:
        q = q.where(Event.negated.is_(False))
    q = _common(q, f, Event, Event.date, Event.date)
    if f.q:
        ids = store.search(f.q, limit=100_000)
        q = q.where(Event.article_id.in_(ids))
    if newest_first:
        return q.order_by(Event.date.desc(), Event.id.desc())
    return q.order_by(Event.date, Event.id)


def incident_select(f: Filters, store: Store | None = None) -> Select:
    """Incidents, filtered; a text query keeps those with an event from a matching article."""
    q = select(Incident)
    if f.q and store is not None:
        ids = store.search(f.q, limit=100_000)
        q = q.where(Incident.id.in_(select(Event.incident_id).where(Event.article_id.in_(ids))))
    q = _common(q, f, Incident, Incident.date_first, Incident.date_last)
    return q.order_by(Incident.date_first, Incident.id)
