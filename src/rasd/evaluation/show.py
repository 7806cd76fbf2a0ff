"""Printing scores for people: the metrics, the confusion table of event types, the misses."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from rasd.evaluation.metrics import Scores


def print_scores(sc: Scores, console: Console, misses: bool = True) -> None:
    table = Table(title="rasd evaluation")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in sc.as_dict().items():
        table.add_row(k, json.dumps(v) if isinstance(v, dict) else str(v))
    console.print(table)
    types = sorted({t for pair in sc.confusion for t in pair} - {"NONE"}) + ["NONE"]
    conf = Table(title="event types: gold (rows) against rasd (columns)")
    conf.add_column("gold \\ rasd")
    for t in types:
        conf.add_column(t[:8], justify="right")
    for g in types:
        conf.add_row(g, *[str(sc.confusion.get((g, p), "") or "") for p in types])
    console.print(conf)
    if misses and sc.misses:
        console.print(f"[bold]misses ({len(sc.misses)})[/bold]")
        for m in sc.misses:
            console.print(m, markup=False, highlight=False)
