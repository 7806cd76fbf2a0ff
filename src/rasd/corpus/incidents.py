"""Incidents: events from different articles that describe one real-world incident.

Two events belong to one incident when they have the same type and country, the same or a
nested place (a city inside a region, a place inside a country-level report), dates within a
window, compatible actors and compatible counts. An incident lists every source; sources that
are one outlet quoting another (the same credited agency, or an article crediting the outlet of
another) count once, and counts are reconciled over independent sources: the range and the
most-cited value (the lower one on a tie, as conservative coders do).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update

from rasd.arabic.normalise import fold
from rasd.store import Store
from rasd.store.models import Article, Event, Incident, Report

COUNT_KEYS = ("killed", "injured", "arrested")
DATE_WINDOW_DAYS = 3
MAX_COUNT_RATIO = 3.0


@dataclass
class Item:
    event_id: int
    article_id: int
    type: str
    mode: str | None
    country: str | None
    place: str | None
    place_kind: str | None
    admin1: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    date: dt.date | None
    actor_kind: str | None
    counts: dict[str, float]
    outlet: str | None
    url: str | None
    credit: str | None


@dataclass
class Cluster:
    items: list[Item] = field(default_factory=list)


def _date(value: str | None, fallback: dt.date | None) -> dt.date | None:
    if value:
        try:
            return dt.date.fromisoformat(value if len(value) == 10 else (value + "-01")[:10])
        except ValueError:
            pass
    return fallback


def places_compatible(a: Item, b: Item) -> bool:
    """Same place, or one nested in the other (region/country level against a place in it)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.place and b.place and a.place == b.place:
        return True
    broad = {"country", "region", None}
    if a.place_kind in broad or b.place_kind in broad:
        if a.place_kind == "region" and b.place_kind == "region":
            return False
        if "region" in (a.place_kind, b.place_kind):
            return a.admin1 is not None and a.admin1 == b.admin1
        return True
    return False


def counts_compatible(a: Item, b: Item) -> bool:
    for k in COUNT_KEYS:
        x, y = a.counts.get(k), b.counts.get(k)
        if x and y and max(x, y) / max(min(x, y), 1) > MAX_COUNT_RATIO and abs(x - y) > 5:
            return False
    return True


def compatible(a: Item, b: Item) -> bool:
    if a.article_id == b.article_id or a.type != b.type or a.country != b.country:
        return False
    if a.date and b.date and abs((a.date - b.date).days) > DATE_WINDOW_DAYS:
        return False
    if a.actor_kind and b.actor_kind and a.actor_kind != b.actor_kind:
        return False
    return places_compatible(a, b) and counts_compatible(a, b)


def cluster(items: list[Item]) -> list[Cluster]:
    """Greedy single pass in date order: an event joins the first cluster all of whose
    members it is compatible with, else starts one."""
    buckets: dict[tuple[str, str | None], list[Item]] = defaultdict(list)
    for it in items:
        buckets[(it.type, it.country)].append(it)
    out: list[Cluster] = []
    for bucket in buckets.values():
        bucket.sort(key=lambda x: (x.date or dt.date.min, x.event_id))
        open_clusters: list[Cluster] = []
        for it in bucket:
            if it.date:
                # a cluster whose newest event is older than the window takes no more events
                open_clusters = [
                    c
                    for c in open_clusters
                    if not c.items[-1].date or (it.date - c.items[-1].date).days <= DATE_WINDOW_DAYS
                ]
            for c in open_clusters:
                if all(compatible(it, m) for m in c.items):
                    c.items.append(it)
                    break
            else:
                c = Cluster([it])
                open_clusters.append(c)
                out.append(c)
    return out


def _source_key(it: Item) -> str:
    return fold(it.credit or it.outlet or f"article-{it.article_id}").strip()


def independent_sources(items: list[Item]) -> dict[str, list[Item]]:
    """Items grouped by independent source: one agency quoted by several outlets is one source."""
    outlets = {fold(it.outlet).strip() for it in items if it.outlet}
    groups: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        key = _source_key(it)
        # an article that credits another outlet of this incident repeats that outlet's report
        if it.credit and fold(it.credit).strip() in outlets:
            key = fold(it.credit).strip()
        groups[key].append(it)
    return groups


def reconcile(items: list[Item]) -> dict[str, dict[str, Any]]:
    """Counts over independent sources: min, max and the most-cited value."""
    out: dict[str, dict[str, Any]] = {}
    groups = independent_sources(items)
    for k in COUNT_KEYS:
        values = []
        for members in groups.values():
            vals = [m.counts[k] for m in members if m.counts.get(k)]
            if vals:
                values.append(max(vals))
        if values:
            tally = Counter(values)
            best = max(tally.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            out[k] = {"min": min(values), "max": max(values), "most_cited": best, "sources": len(values)}
    return out


def _load(store: Store) -> list[Item]:
    with store.session() as s:
        rows = s.execute(
            select(
                Event.id,
                Event.article_id,
                Event.type,
                Event.mode,
                Event.country,
                Event.place,
                Event.place_kind,
                Event.admin1,
                Event.geonameid,
                Event.lat,
                Event.lon,
                Event.date,
                Event.actor_kind,
                Event.killed,
                Event.injured,
                Event.arrested,
                Article.outlet,
                Article.url,
                Article.published,
                Report.credited_source,
            )
            .join(Article, Article.id == Event.article_id)
            .outerjoin(Report, Report.article_id == Event.article_id)
            .where(Event.negated.is_(False))
        ).all()
    items = []
    for r in rows:
        counts = {k: v for k, v in zip(COUNT_KEYS, (r.killed, r.injured, r.arrested), strict=True) if v}
        items.append(
            Item(
                r.id,
                r.article_id,
                r.type,
                r.mode,
                r.country,
                r.place,
                r.place_kind,
                r.admin1,
                r.geonameid,
                r.lat,
                r.lon,
                _date(r.date, r.published),
                r.actor_kind,
                counts,
                r.outlet,
                r.url,
                r.credited_source,
            )
        )
    return items


def rebuild(store: Store) -> int:
    """Recompute every incident from the stored events, in one transaction; returns their number."""
    clusters = cluster(_load(store))
    with store.session.begin() as s:
        s.execute(update(Event).values(incident_id=None))
        s.query(Incident).delete()
        # the table is empty now: ids are numbered here so that every row and every event's
        # link go in as two executemany statements
        incidents: list[dict[str, Any]] = []
        links: list[dict[str, int]] = []
        for number, c in enumerate(clusters, 1):
            items = c.items
            dates = sorted(it.date for it in items if it.date)
            best_place = max(
                items,
                key=lambda it: (it.place_kind == "city", it.place_kind == "place", it.geonameid is not None),
            )
            groups = independent_sources(items)
            incidents.append(
                dict(
                    id=number,
                    type=items[0].type,
                    mode=Counter(it.mode for it in items).most_common(1)[0][0],
                    country=items[0].country,
                    place=best_place.place,
                    lat=best_place.lat,
                    lon=best_place.lon,
                    date_first=dates[0].isoformat() if dates else None,
                    date_last=dates[-1].isoformat() if dates else None,
                    n_events=len(items),
                    n_sources=len(groups),
                    sources=[
                        {
                            "event_id": it.event_id,
                            "article_id": it.article_id,
                            "outlet": it.outlet,
                            "url": it.url,
                            "credited_source": it.credit,
                            "counts": it.counts,
                        }
                        for it in items
                    ],
                    counts=reconcile(items),
                )
            )
            links += [{"id": it.event_id, "incident_id": number} for it in items]
        if incidents:
            s.execute(Incident.__table__.insert(), incidents)
            s.execute(update(Event), links)
    return len(clusters)
