"""Dates: rasd's date stage against dateparser's Arabic date search, speed and accuracy.

    python bench/dates_bench.py [--articles 300] [--quick]

* accuracy: ``bench/date_cases.tsv``, sentences with one date expression each and the date a
  reader resolves it to given the publication date. A tool gets a case right when one of
  the dates it finds in the sentence equals the expected value at the expected precision
  (a day-precise answer is compared by its first 7 or 4 characters for a month or a year).
* speed, on the same ``corpus_gen`` articles: ``dateparser.search.search_dates(text,
  languages=["ar"], settings={"RELATIVE_BASE": published, "PREFER_DATES_FROM": "past"})``
  against rasd's dates stage alone (on documents read up to the numbers stage, which it
  needs) and against ``read(text, until="dates")`` (normalise .. dates).

Writes bench/results/dates.json.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path
from typing import Any

from common import BENCH, bench_articles, rate, timed, write_result

CASES = BENCH / "date_cases.tsv"


def load_cases(path: Path = CASES) -> list[dict[str, str]]:
    """The table's rows (``#`` lines are comments), each checked for a valid expected value."""
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        dt.date.fromisoformat(r["published"])
        exp = r["expected"]
        assert len(exp) in (4, 7, 10), exp
        assert r["expression"] in r["text"], r["expression"]
    return rows


def _settings(published: dt.date) -> dict[str, Any]:
    return {"RELATIVE_BASE": dt.datetime.combine(published, dt.time()), "PREFER_DATES_FROM": "past"}


def dateparser_dates(text: str, published: dt.date) -> list[str]:
    """Dates dateparser finds in ``text``, as 'YYYY-MM-DD'."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=["ar"], settings=_settings(published)) or []
    return [d.date().isoformat() for _, d in found]


def rasd_dates(text: str, published: dt.date) -> list[str]:
    """Resolved values of rasd's date spans in ``text``."""
    from rasd.pipeline import read

    doc = read(text, published=published, until="dates")
    return [s.data["value"] for s in doc.get("date") if s.data.get("value")]


def right(found: list[str], expected: str) -> bool:
    return any(v[: len(expected)] == expected for v in found)


def accuracy() -> dict[str, Any]:
    cases = load_cases()
    rows = []
    for c in cases:
        pub = dt.date.fromisoformat(c["published"])
        got = {"rasd": rasd_dates(c["text"], pub), "dateparser": dateparser_dates(c["text"], pub)}
        rows.append(
            {
                "expression": c["expression"],
                "published": c["published"],
                "expected": c["expected"],
                **{f"{tool}_found": v for tool, v in got.items()},
                **{f"{tool}_right": right(v, c["expected"]) for tool, v in got.items()},
            }
        )
    n = len(rows)
    summary = {}
    for tool in ("rasd", "dateparser"):
        ok = sum(r[f"{tool}_right"] for r in rows)
        summary[tool] = {"right": ok, "cases": n, "accuracy": round(ok / n, 3)}
    return {"summary": summary, "cases": rows}


def speed(n: int) -> dict[str, Any]:
    from rasd.pipeline import read
    from rasd.stages.dates import dates

    arts = bench_articles(n)
    pubs = [dt.date.fromisoformat(a["published"]) for a in arts]
    dateparser_dates("أمس", pubs[0])  # its language data loads on first use
    rasd_dates("أمس", pubs[0])
    docs = [read(a["text"], published=p, until="numbers") for a, p in zip(arts, pubs, strict=True)]
    wall, cpu, found = timed(lambda: sum(len(dates(d).get("date")) for d in docs))
    rows = {"rasd dates stage": (wall, cpu, found)}
    wall, cpu, found = timed(
        lambda: sum(len(rasd_dates(a["text"], p)) for a, p in zip(arts, pubs, strict=True))
    )
    rows["rasd read(until='dates')"] = (wall, cpu, found)
    wall, cpu, found = timed(
        lambda: sum(len(dateparser_dates(a["text"], p)) for a, p in zip(arts, pubs, strict=True))
    )
    rows["dateparser search_dates"] = (wall, cpu, found)
    return {
        "articles": n,
        "rows": [
            {
                "tool": tool,
                "seconds": round(w, 3),
                "cpu_seconds": round(c, 3),
                "articles_per_s": rate(n, w),
                "articles_per_cpu_s": rate(n, c),
                "cpu_ms_per_article": round(1000 * c / n, 3),
                "dates_found": f,
            }
            for tool, (w, c, f) in rows.items()
        ],
    }


def _versions() -> dict[str, str | None]:
    from importlib import metadata

    try:
        return {"dateparser": metadata.version("dateparser")}
    except metadata.PackageNotFoundError:
        return {"dateparser": None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quick", action="store_true", help="50 articles")
    a = ap.parse_args()
    result = {
        "accuracy": accuracy(),
        "speed": speed(50 if a.quick else a.articles),
        "dateparser_settings": "languages=['ar'], RELATIVE_BASE=published, PREFER_DATES_FROM='past'",
        "versions": _versions(),
        "quick": a.quick,
    }
    path = write_result("dates", result)
    s = result["accuracy"]["summary"]
    sp = {r["tool"]: r["cpu_ms_per_article"] for r in result["speed"]["rows"]}
    print(
        f"{path.name}: right rasd {s['rasd']['right']}/{s['rasd']['cases']}, dateparser "
        f"{s['dateparser']['right']}/{s['dateparser']['cases']}; CPU ms/article {sp}"
    )


if __name__ == "__main__":
    main()
