"""A small, bounded run of the API load test while `rasd process` writes to the same database:
no request may fail (latency targets live in bench/load_api.py, not here)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from load_api import run  # noqa: E402


def test_api_answers_every_request_while_a_writer_runs() -> None:
    result = run(requests=150, concurrency=4, writer_articles=300)
    assert result["errors"] == 0, result["error_kinds"]
    assert result["writer_exit_code"] == 0
    assert result["requests"] == 150
