"""Exports: JSONL, ACLED-style CSV, GeoJSON and Parquet, with filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_event, make_place, make_report
from rasd.cli import app
from rasd.corpus.export import ACLED_COLUMNS, export
from rasd.corpus.filters import Filters
from rasd.corpus.incidents import rebuild
from rasd.inputs import Article
from rasd.store import Store

ALEPPO = make_place("Aleppo", "SY", geonameid=170063, admin1="09", lat=36.2, lon=37.16)
TUNIS = make_place("Tunis", "TN", geonameid=2464470, admin1="38", lat=36.82, lon=10.17)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(str(tmp_path / "rasd.db"))
    rows = [
        (
            "a",
            "قصفت طائرات حربية حي الشعار في حلب",
            [
                make_event(
                    "ASSAULT",
                    ALEPPO,
                    "2024-03-05",
                    mode="aerial",
                    counts={"killed": {"value": 12, "qualifier": "exact"}},
                    acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
                    cameo="19",
                    note="Aircraft struck Aleppo",
                )
            ],
        ),
        (
            "b",
            "تظاهر المئات في تونس العاصمة للمطالبة بالإصلاح",
            [make_event("PROTEST", TUNIS, "2024-03-10", mode="demo")],
        ),
        ("c", "اجتمع الوزراء دون تحديد مكان", [make_event("CONSULT", None, None, country="EG")]),
    ]
    for rid, text, events in rows:
        aid, _ = store.add_article(
            Article(id=rid, text=text, outlet="Sample Wire", url=f"https://example.org/{rid}")
        )
        store.save_results([(aid, make_report(rid, events), None)], "test")
    rebuild(store)
    return store


def test_csv_uses_acled_columns(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    aleppo = next(r for r in rows if r["location"] == "Aleppo")
    assert aleppo["event_type"] == "Explosions/Remote violence"
    assert aleppo["country"] == "Syrian Arab Republic" and aleppo["fatalities"] == "12"
    assert aleppo["event_date"] == "2024-03-05" and aleppo["geo_precision"] == "1"
    assert aleppo["source"] == "Sample Wire" and aleppo["notes"] == "Aircraft struck Aleppo"


def test_filters(store: Store) -> None:
    def ids(f: Filters) -> list[str]:
        out = io.StringIO()
        export(store, "jsonl", out, f=f)
        return [json.loads(line)["article"] for line in out.getvalue().splitlines()]

    assert ids(Filters(country="sy")) == ["a"]
    assert ids(Filters(type="protest")) == ["b"]
    assert ids(Filters(since="2024-03-06", until="2024-03-31")) == ["b"]
    assert ids(Filters(q="المئات")) == ["b"]
    assert ids(Filters(bbox=(30.0, 30.0, 40.0, 40.0))) == ["a"]


def test_geojson_has_points_for_placed_events(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "geojson", out) == 2
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    coords = sorted(f["geometry"]["coordinates"] for f in data["features"])
    assert coords == [[10.17, 36.82], [37.16, 36.2]]


def test_parquet_reads_back(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and {"type", "country", "lat", "lon", "date"} <= set(table.column_names)


def test_incidents_export(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out, what="incidents") == 3
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["n_sources"] == 1 and first["sources"][0]["outlet"] == "Sample Wire"


def test_cli_export_and_query(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    db = store.url.removeprefix("sqlite:///")
    res = runner.invoke(app, ["export", "--db", db, "--format", "geojson", "--country", "TN"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["features"][0]["properties"]["type"] == "PROTEST"
    res = runner.invoke(app, ["export", "--db", db, "--format", "parquet"])
    assert res.exit_code == 2 and "--output" in res.output
    res = runner.invoke(app, ["query", "--db", db, "--type", "ASSAULT"])
    assert res.exit_code == 0 and "Aleppo" in res.stdout and "1 events shown" in res.stdout
