"""``rasd query``: matching events as a readable terminal table (rich)."""

from __future__ import annotations

import sys
from itertools import islice

from rich.console import Console
from rich.table import Table

from rasd.corpus.export import event_records
from rasd.corpus.filters import Filters
from rasd.store import Store


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def print_events(store: Store, f: Filters, limit: int = 50, console: Console | None = None) -> int:
    # piped output gets a wide table rather than 80 folded columns
    console = console or Console(width=None if sys.stdout.isatty() else 200)
    table = Table(title="rasd events")
    for col in (
        "date",
        "type",
        "mode",
        "country",
        "place",
        "actor",
        "killed",
        "injured",
        "arrested",
        "outlet",
        "note",
    ):
        table.add_column(col, overflow="fold")
    n = 0
    for rec in islice(event_records(store, f), limit):
        table.add_row(
            rec.get("date") or "",
            rec["type"],
            rec.get("mode") or "",
            rec.get("country") or "",
            rec.get("place") or "",
            rec.get("actor") or "",
            _num(rec.get("killed")),
            _num(rec.get("injured")),
            _num(rec.get("arrested")),
            rec.get("outlet") or "",
            (rec.get("note") or rec.get("evidence") or "")[:80],
        )
        n += 1
    console.print(table)
    console.print(f"{n} events shown")
    return n


def print_incidents(
    store: Store, f: Filters, limit: int = 50, min_sources: int = 1, console: Console | None = None
) -> int:
    """Incidents, most-sourced first, with their reconciled counts and outlets."""
    from rasd.corpus.export import incident_records

    console = console or Console(width=None if sys.stdout.isatty() else 200)
    table = Table(title="rasd incidents")
    for col in (
        "dates",
        "type",
        "mode",
        "country",
        "place",
        "sources",
        "killed",
        "injured",
        "arrested",
        "outlets",
    ):
        table.add_column(col, overflow="fold")
    rows = [r for r in incident_records(store, f) if r["n_sources"] >= min_sources]
    rows.sort(key=lambda r: (-r["n_sources"], r.get("date_first") or ""))
    n = 0
    for rec in rows[:limit]:

        def fig(k: str, rec: dict = rec) -> str:
            c = rec["counts"].get(k)
            if not c:
                return ""
            span = f"{c['min']:g}" if c["min"] == c["max"] else f"{c['min']:g}-{c['max']:g}"
            return f"{span} (most cited {c['most_cited']:g})" if c["min"] != c["max"] else span

        dates = rec.get("date_first") or ""
        if rec.get("date_last") and rec["date_last"] != dates:
            dates += f" .. {rec['date_last']}"
        outlets = sorted({s.get("outlet") or "?" for s in rec["sources"]})
        table.add_row(
            dates,
            rec["type"],
            rec.get("mode") or "",
            rec.get("country") or "",
            rec.get("place") or "",
            str(rec["n_sources"]),
            fig("killed"),
            fig("injured"),
            fig("arrested"),
            ", ".join(outlets),
        )
        n += 1
    console.print(table)
    console.print(f"{n} incidents shown")
    return n
