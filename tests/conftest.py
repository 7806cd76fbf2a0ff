"""Shared test fixtures: where the shared contract and dev corpus live."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCHEMA = SHARED / "schema" / "report.schema.json"
DEV = SHARED / "corpus" / "dev"


def walk_spans(obj: object, where: str = ""):  # type: ignore[no-untyped-def]
    """Every (where, dict) in ``obj`` that is a span: it has text, start and end."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys():
            yield where, obj
        for k, v in obj.items():
            yield from walk_spans(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk_spans(v, f"{where}[{i}]")


@pytest.fixture(scope="session")
def schema() -> dict:
    if not SCHEMA.exists():
        pytest.skip(f"the shared contract is not at {SCHEMA}")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dev_articles() -> list[dict]:
    path = DEV / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"the dev corpus is not at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _postgres_url() -> str | None:
    import os

    return os.environ.get("RASD_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind: a SQLite file, and the PostgreSQL server that
    .ci/run starts (RASD_TEST_POSTGRES); without that server the PostgreSQL case is skipped."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    url = _postgres_url()
    if not url:
        pytest.skip("RASD_TEST_POSTGRES is not set (.ci/run starts a PostgreSQL server and sets it)")
    from sqlalchemy import create_engine, text

    from rasd.store import database_url

    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def make_event(
    type_: str = "ASSAULT", place: dict | None = None, date: str | None = "2024-03-05", **extra
) -> dict:
    """A contract-shaped event for store and incident tests."""
    ev = {
        "type": type_,
        "mode": extra.pop("mode", None),
        "actor": extra.pop("actor", None),
        "target": None,
        "place": place,
        "country": (place or {}).get("country") or extra.pop("country", None),
        "date": date,
        "date_precision": "day" if date else None,
        "counts": extra.pop("counts", {}),
        "negated": extra.pop("negated", False),
        "evidence": {"text": "نص", "start": 0, "end": 2},
        "confidence": 0.9,
    }
    ev.update(extra)
    return ev


def make_place(
    name: str,
    country: str,
    kind: str = "city",
    geonameid: int | None = None,
    admin1: str | None = None,
    lat: float = 0.0,
    lon: float = 0.0,
) -> dict:
    return {
        "text": name,
        "start": 0,
        "end": 1,
        "geonameid": geonameid,
        "name": name,
        "country": country,
        "admin1": admin1,
        "kind": kind,
        "lat": lat,
        "lon": lon,
    }


def make_report(rid: str, events: list[dict], credit: str | None = None) -> dict:
    return {
        "id": rid,
        "published": "2024-03-05",
        "outlet": None,
        "credited_source": {"text": credit, "start": 0, "end": len(credit)} if credit else None,
        "entities": [],
        "places": [],
        "events": events,
        "warnings": [],
    }


# PLOVER event types and their modes, as in DESIGN.md's taxonomy table
# (tests/test_eval_gold.py checks this copy against DESIGN.md).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset([]),
    "SUPPORT": frozenset([]),
    "CONCEDE": frozenset([]),
    "CONSULT": frozenset(["multilateral", "phone", "third-party", "visit"]),
    "COOPERATE": frozenset([]),
    "AID": frozenset([]),
    "RETREAT": frozenset(["access", "ceasefire", "disarm", "release", "resign", "withdraw"]),
    "REQUEST": frozenset(["assist", "change", "meet", "yield"]),
    "REJECT": frozenset(["assist", "change", "meet", "yield"]),
    "ACCUSE": frozenset(["allege", "disapprove", "investigate"]),
    "THREATEN": frozenset(["arrest", "expel", "relations", "restrict", "territory", "violence"]),
    "PROTEST": frozenset(["boycott", "demo", "hunger", "obstruct", "riot", "strike", "vandalize"]),
    "SANCTION": frozenset(["convict", "discontinue", "expel", "withdraw"]),
    "MOBILIZE": frozenset(["militia", "police", "troops", "weapons"]),
    "COERCE": frozenset(
        [
            "arrest",
            "censor",
            "curfew",
            "cyber",
            "deport",
            "martial-law",
            "misinformation",
            "restrict",
            "seize",
            "withhold",
        ]
    ),
    "ASSAULT": frozenset(
        [
            "abduct",
            "aerial",
            "beat",
            "crowd-control",
            "destroy",
            "drone",
            "explosives",
            "firearms",
            "heavy-weapons",
            "primitive",
            "sexual",
            "suicide-attack",
            "targeted",
            "torture",
            "unconventional",
        ]
    ),
}
