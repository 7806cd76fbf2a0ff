"""A short, readable summary of reports for the terminal (rich)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def print_summary(reports: list[dict[str, Any]], output: Path | None = None) -> None:
    """One row per article: its events by type, places and entities; then the totals."""
    console = Console(stderr=True)
    table = Table(title="rasd: what the articles report", show_lines=False)
    for col in ("article", "published", "events", "places", "entities"):
        table.add_column(col)
    types: Counter[str] = Counter()
    for r in reports:
        ev = Counter(e["type"] for e in r["events"] if not e.get("negated"))
        types.update(ev)
        places = sorted({p["name"] or p["text"] for p in r["places"]})
        table.add_row(
            r["id"],
            r.get("published") or "-",
            ", ".join(f"{t} {n}" for t, n in ev.most_common()) or "-",
            ", ".join(places[:4]) + (" …" if len(places) > 4 else ""),
            str(len(r["entities"])),
        )
    console.print(table)
    total = ", ".join(f"{t} {n}" for t, n in types.most_common())
    console.print(f"{len(reports)} articles, {sum(types.values())} events ({total or 'none'})")
    if output is not None:
        console.print(f"full reports: {output}")
