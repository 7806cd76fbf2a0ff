"""``rasd export``: events or incidents as JSONL, ACLED-style CSV, GeoJSON or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pycountry

from rasd.corpus.filters import Filters, event_select, incident_select
from rasd.store import Store

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "iso",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "plover_type",
    "plover_mode",
    "cameo",
    "url",
]
GEO_PRECISION = {"city": 1, "place": 1, "region": 2, "country": 3}
TIME_PRECISION = {"day": 1, "month": 2, "year": 3}
FORMATS = ("jsonl", "csv", "geojson", "parquet")


def country_name(iso2: str | None) -> str | None:
    if not iso2:
        return None
    c = pycountry.countries.get(alpha_2=iso2)
    return c.name if c else iso2


def event_records(store: Store, f: Filters) -> Iterator[dict[str, Any]]:
    """Events as flat dicts (the store's columns plus article outlet, url, published)."""
    with store.session() as s:
        for ev, outlet, url, published, ext_id in s.execute(event_select(store, f)).yield_per(1000):
            rec = {c.name: getattr(ev, c.name) for c in ev.__table__.columns}
            rec.update(
                outlet=outlet, url=url, published=published.isoformat() if published else None, article=ext_id
            )
            yield rec


def incident_records(store: Store, f: Filters) -> Iterator[dict[str, Any]]:
    with store.session() as s:
        for (inc,) in s.execute(incident_select(f, store)).yield_per(1000):
            yield {c.name: getattr(inc, c.name) for c in inc.__table__.columns}


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    """An event record in ACLED's column names (where they apply)."""
    iso2 = rec.get("country")
    date = rec.get("date") or rec.get("published")
    return {
        "event_id_cnty": f"{iso2 or 'XX'}{rec['id']}",
        "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": TIME_PRECISION.get(
            rec.get("date_precision") or "", 3 if not rec.get("date") else 1
        ),
        "event_type": rec.get("acled_event_type"),
        "sub_event_type": rec.get("acled_sub_event_type"),
        "actor1": rec.get("actor"),
        "actor2": rec.get("target"),
        "country": country_name(iso2),
        "iso": iso2,
        "admin1": rec.get("admin1"),
        "location": rec.get("place"),
        "latitude": rec.get("lat"),
        "longitude": rec.get("lon"),
        "geo_precision": GEO_PRECISION.get(rec.get("place_kind") or "", 3),
        "source": rec.get("outlet"),
        "notes": rec.get("note") or rec.get("evidence"),
        "fatalities": int(rec["killed"]) if rec.get("killed") is not None else 0,
        "plover_type": rec.get("type"),
        "plover_mode": rec.get("mode"),
        "cameo": rec.get("cameo"),
        "url": rec.get("url"),
    }


def _feature(rec: dict[str, Any]) -> dict[str, Any] | None:
    if rec.get("lat") is None or rec.get("lon") is None:
        return None
    props = {k: v for k, v in rec.items() if k not in ("lat", "lon")}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]},
        "properties": props,
    }


def _json_default(o: object) -> str:
    return str(o)


def export(
    store: Store, fmt: str, out: Path | IO[str], what: str = "events", f: Filters | None = None
) -> int:
    """Write the filtered events (or incidents) to ``out`` in ``fmt``; returns the row count."""
    f = f or Filters()
    records = event_records(store, f) if what == "events" else incident_records(store, f)
    if fmt == "parquet":
        return _parquet(records, out, what)
    own = isinstance(out, Path)
    stream: IO[str] = out.open("w", encoding="utf-8", newline="") if isinstance(out, Path) else out
    n = 0
    try:
        if fmt == "jsonl":
            for rec in records:
                stream.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")
                n += 1
        elif fmt == "csv":
            if what == "events":
                writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS)
                writer.writeheader()
                for rec in records:
                    writer.writerow(acled_row(rec))
                    n += 1
            else:
                writer = None
                for rec in records:
                    flat = {
                        k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                        for k, v in rec.items()
                    }
                    if writer is None:
                        writer = csv.DictWriter(stream, fieldnames=list(flat))
                        writer.writeheader()
                    writer.writerow(flat)
                    n += 1
        elif fmt == "geojson":
            stream.write('{"type": "FeatureCollection", "features": [\n')
            for rec in records:
                feat = _feature(rec)
                if feat is None:
                    continue
                stream.write(
                    (",\n" if n else "") + json.dumps(feat, ensure_ascii=False, default=_json_default)
                )
                n += 1
            stream.write("\n]}\n")
        else:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    finally:
        if own:
            stream.close()
    return n


def _parquet(records: Iterator[dict[str, Any]], out: Path | IO[str], what: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(out, Path):
        raise ValueError("parquet needs an output file (--output)")
    rows = []
    for rec in records:
        rows.append(
            {
                k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                for k, v in rec.items()
            }
        )
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.int64())})
    pq.write_table(table, out)
    return len(rows)
