"""Checks of the benchmark machinery (fast; no benchmark runs).

.venv/bin/pytest bench/test_bench.py -q
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import dates_bench  # noqa: E402
import report  # noqa: E402
import startup  # noqa: E402
from common import bare_tokens  # noqa: E402


def test_date_table_is_big_and_valid() -> None:
    cases = dates_bench.load_cases()
    assert len(cases) >= 40
    assert len({c["text"] for c in cases}) == len(cases)
    for c in cases:
        assert c["expression"] in c["text"]
        dt.date.fromisoformat(c["published"])


@pytest.mark.parametrize(
    ("found", "expected", "ok"),
    [
        (["2022-01-06"], "2022-01-06", True),
        (["2022-01-07"], "2022-01-06", False),
        (["2021-12-08"], "2021-12", True),  # a day inside the expected month
        (["2021-12"], "2021-12-08", False),  # a month is not the expected day
        (["2019-05-02", "2020"], "2020", True),
        ([], "2020", False),
    ],
)
def test_right_compares_at_the_expected_precision(found: list[str], expected: str, ok: bool) -> None:
    assert dates_bench.right(found, expected) is ok


def test_rasd_dates_resolve_against_publication() -> None:
    assert dates_bench.rasd_dates("وقعت الحادثة أمس قرب الميناء.", dt.date(2023, 7, 10)) == ["2023-07-09"]


def test_gazetteer_only_tags_every_name() -> None:
    import places_bench

    from rasd.pipeline import read

    doc = read("عاد الوفد إلى بغداد بعد زيارة القاهرة", until="tokenise")
    found = {p["text"]: p["country"] for p in places_bench.gazetteer_only(doc)}
    assert found.get("بغداد") == "IQ"
    assert found.get("القاهرة") == "EG"


def test_bare_tokens() -> None:
    assert bare_tokens("قتل 3 أشخاص، وأصيب آخرون.") == ["قتل", "3", "أشخاص", "،", "وأصيب", "آخرون", "."]


def test_import_time_log_is_parsed() -> None:
    log = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       120 |        150 |   rasd.doc\n"
        "import time:      3000 |       3100 | rasd.stages.dates\n"
    )
    rows = startup._import_times(log)
    assert [r["module"] for r in rows] == ["rasd.stages.dates", "rasd.doc"]
    assert rows[0]["self_ms"] == 3.0


def _machine() -> dict:
    return {
        "cpu": "x",
        "cores": 2,
        "memory_gb": 4,
        "os": "Linux",
        "python": "3.11",
        "rasd": "0.1",
        "revision": "abc",
    }


def test_report_marks_missed_targets() -> None:
    res = {
        "startup": {
            "name": "startup",
            "measured": "2024-01-01T00:00:00Z",
            "machine": _machine(),
            "runs": 3,
            "startup_s": 2.0,
            "startup_min_s": 1.9,
            "startup_max_s": 2.1,
            "interpreter_s": 0.1,
            "import_s": 0.5,
            "first_extract_s": 1.4,
            "startup_rss_mb": 100.0,
            "sustained_articles": 10,
            "sustained_rss_mb": 120.0,
            "children_rss_mb": 120.0,
            "peak_rss_mb": 120.0,
            "slowest_imports": [],
            "met": {"startup_s": False, "rss_mb": True},
        }
    }
    page = report.render(res)
    assert "| start-up (import + lexicons + gazetteer) | ≤ 1.5 s | 2.0 s | **no** |" in page
    assert (
        "| peak memory (RSS), gazetteer cache in place | ≤ 400 MB | 120.0 MB (after 10 articles) | yes |"
        in page
    )
    assert "Missed: start-up" in page
    assert "*(no `throughput.json`" in page


def test_report_without_results() -> None:
    assert "No results yet" in report.render({})
