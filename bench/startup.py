"""Start-up time and peak memory (RSS), each measured in a fresh subprocess.

    python bench/startup.py [--runs 7] [--quick]

* start-up: ``python -c "import rasd; rasd.extract('...')"`` (interpreter, imports, lexicons
  and gazetteer load from its cache), wall time from the parent; the child reports how long
  the import and the first extraction took, the latter split into the stage modules' imports
  (lexicons load at import), the gazetteer load and the first call (lazy loads). Median of ``--runs`` runs, after one untimed run
  that makes sure the gazetteer cache exists.
* cold start: the same with an empty gazetteer cache (``RASD_CACHE`` in a temporary folder),
  i.e. the one-off build after installing or editing a gazetteer file.
* peak RSS: of the start-up process, and of a process that extracts ``--articles`` articles
  (``resource.getrusage``: the child's own maxrss, and RUSAGE_CHILDREN in this process).
* the slowest imports (``python -X importtime``), by their own time.

Writes bench/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from common import BENCH, ROOT, write_result

TARGET_STARTUP_S = 1.5
TARGET_RSS_MB = 400
REBUILD_S = 5.0  # a first extraction this slow built the gazetteer (its cache was stale)
SENTENCE = "اعتقلت الشرطة 12 شخصا في بغداد أمس"

CHILD_STARTUP = f"""
import json, resource, time
t0 = time.perf_counter()
import rasd
t1 = time.perf_counter()
from rasd.pipeline import stages
stages()
ts = time.perf_counter()
from rasd.gazetteer import gazetteer
gazetteer()
tg = time.perf_counter()
rasd.extract({SENTENCE!r}, published="2024-03-02")
t2 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "first_extract_s": t2 - t1, "stage_imports_s": ts - t1,
                  "gazetteer_s": tg - ts, "first_call_s": t2 - tg,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

CHILD_SUSTAINED = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from common import bench_articles
import rasd
arts = bench_articles({n})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
rasd.extract(arts[0]["text"], published=arts[0]["published"])
warm_s = time.perf_counter() - t0
warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
for a in arts:
    rasd.extract(a["text"], published=a["published"], id=a["id"]).to_dict()
print(json.dumps({{"seconds": time.perf_counter() - t0, "maxrss_before_mb": before, "warm_s": warm_s,
                  "maxrss_warm_mb": warm, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _run(
    code: str, env: dict[str, str] | None = None, flags: tuple[str, ...] = ()
) -> tuple[float, dict, str]:
    """(wall seconds, the child's JSON line, its stderr) of ``python -c code``."""
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, *flags, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    wall = time.perf_counter() - t0
    if p.returncode:
        raise RuntimeError(f"the child failed ({p.returncode}):\n{p.stderr[-3000:]}")
    return wall, json.loads(p.stdout.strip().splitlines()[-1]), p.stderr


def _import_times(stderr: str, top: int = 12) -> list[dict[str, Any]]:
    """The slowest modules of a ``-X importtime`` log, by their own (self) time."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line.removeprefix("import time:").split("|")
        rows.append(
            {"module": name.strip(), "self_ms": int(self_us) / 1000, "cumulative_ms": int(cum_us) / 1000}
        )
    rows.sort(key=lambda r: -r["self_ms"])
    return rows[:top]


def measure(runs: int, articles: int, cold: bool) -> dict[str, Any]:
    _run(CHILD_STARTUP)  # the gazetteer cache exists from here on
    samples = [_run(CHILD_STARTUP)[:2] for _ in range(runs)]
    walls = [w for w, _ in samples]
    inner = [c for _, c in samples]
    startup_rss = max(c["maxrss_mb"] for c in inner)
    children_rss_startup = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    _, _, log = _run(CHILD_STARTUP, flags=("-X", "importtime"))

    out: dict[str, Any] = {
        "runs": runs,
        "startup_s": round(statistics.median(walls), 3),
        "startup_min_s": round(min(walls), 3),
        "startup_max_s": round(max(walls), 3),
        "import_s": round(statistics.median(c["import_s"] for c in inner), 3),
        "first_extract_s": round(statistics.median(c["first_extract_s"] for c in inner), 3),
        "first_extract_parts_s": {
            k: round(statistics.median(c[k] for c in inner), 3)
            for k in ("stage_imports_s", "gazetteer_s", "first_call_s")
        },
        "startup_rss_mb": round(startup_rss, 1),
        "startup_rss_children_mb": round(children_rss_startup, 1),
        "slowest_imports": _import_times(log),
    }
    out["interpreter_s"] = round(out["startup_s"] - out["import_s"] - out["first_extract_s"], 3)
    if cold:
        with tempfile.TemporaryDirectory() as tmp:
            wall, c, _ = _run(CHILD_STARTUP, env={"RASD_CACHE": tmp})
        out["cold_startup_s"] = round(wall, 2)
        out["cold_first_extract_s"] = round(c["first_extract_s"], 2)
        out["cold_rss_mb"] = round(c["maxrss_mb"], 1)
    _, sustained, _ = _run(CHILD_SUSTAINED.format(bench=str(BENCH), n=articles))
    out["sustained_articles"] = articles
    out["sustained_rss_mb"] = round(sustained["maxrss_mb"], 1)
    out["sustained_rss_before_mb"] = round(sustained["maxrss_before_mb"], 1)
    out["sustained_rss_warm_mb"] = round(sustained["maxrss_warm_mb"], 1)
    out["sustained_growth_mb"] = round(sustained["maxrss_mb"] - sustained["maxrss_warm_mb"], 1)
    out["sustained_warm_s"] = round(sustained["warm_s"], 2)
    out["sustained_gazetteer_rebuilt"] = sustained["warm_s"] > REBUILD_S
    out["children_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    # the target is for work with the gazetteer cache in place; the one-off build is reported apart
    peak = max(out["sustained_rss_mb"], out["startup_rss_mb"])
    out["peak_rss_mb"] = round(peak, 1)
    out["targets"] = {"startup_s": TARGET_STARTUP_S, "rss_mb": TARGET_RSS_MB}
    out["met"] = {"startup_s": out["startup_s"] <= TARGET_STARTUP_S, "rss_mb": peak <= TARGET_RSS_MB}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--articles", type=int, default=1000, help="articles for the sustained-memory run")
    ap.add_argument("--quick", action="store_true", help="3 runs, 100 articles, no cold start")
    a = ap.parse_args()
    result = measure(3 if a.quick else a.runs, 100 if a.quick else a.articles, cold=not a.quick)
    result["quick"] = a.quick
    path = write_result("startup", result)
    print(
        f"{path.name}: start-up {result['startup_s']} s (import {result['import_s']} s, first extract "
        f"{result['first_extract_s']} s), peak RSS {result['peak_rss_mb']} MB"
    )


if __name__ == "__main__":
    main()
