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
