"""Lexicons: versioned data files that users can extend without touching code.

Every lexicon is a UTF-8 TSV file in this folder (or a sub-folder): a header row naming the
columns, then one entry a line. Lines starting with ``#`` and blank lines are ignored; a cell
may hold several alternatives separated by ``|``. Formats are documented in docs/lexicons.md.

Users add entries without editing the package by pointing ``RASD_LEXICONS`` at a folder of
files with the same names: their rows are read after the shipped ones.

>>> rows = read_tsv("months.tsv")
>>> any(r["calendar"] == "gregorian" for r in rows)
True
"""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _sources(name: str) -> list[Path]:
    paths = [HERE / name]
    extra = os.environ.get("RASD_LEXICONS")
    if extra:
        for folder in extra.split(os.pathsep):
            p = Path(folder) / name
            if p.exists():
                paths.append(p)
    return paths


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of lexicon ``name`` as dicts keyed by the header's column names."""
    rows: list[dict[str, str]] = []
    for path in _sources(name):
        with path.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            rows.append({k.strip(): (v or "").strip() for k, v in row.items() if k})
    return tuple(rows)


def alternatives(cell: str) -> list[str]:
    """The ``|``-separated alternatives of a cell, stripped, empties dropped."""
    return [a.strip() for a in cell.split("|") if a.strip()]
