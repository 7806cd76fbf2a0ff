"""Helpers shared by the benchmarks: the machine description, result files, the inputs.

Every benchmark writes ``bench/results/<name>.json`` with ``write_result``; each file carries
the machine description and the time it was measured, so ``bench/report.py`` can render
``docs/benchmarks.md`` from the files alone.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"

sys.path.insert(0, str(BENCH))

# the lower bound: words, numbers and single punctuation marks, nothing else
BARE_TOKEN = re.compile(r"\w+|[^\w\s]")


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python and rasd versions, and the source revision."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "rasd": _version("rasd"),
        "revision": _revision(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _revision() -> str | None:
    """The checked-out commit (read-only ``git rev-parse``), with '+dirty' for local edits."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}+dirty" if head and dirty else head or None


def write_result(name: str, result: dict[str, Any]) -> Path:
    """Write ``bench/results/<name>.json`` with the machine description and a timestamp."""
    payload = {
        "name": name,
        "measured": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        **result,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_results() -> dict[str, dict[str, Any]]:
    """Every ``bench/results/*.json`` by name."""
    out = {}
    for path in sorted(RESULTS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data.get("name", path.stem)] = data
    return out


def bench_articles(n: int) -> list[dict[str, Any]]:
    """``n`` ~2 KB articles (``corpus_gen.articles``: the samples' sentences recombined)."""
    from corpus_gen import articles

    return articles(n)


def bare_tokens(text: str) -> list[str]:
    """The lower-bound tokenisation: one regex, no normalisation, no clitics."""
    return BARE_TOKEN.findall(text)


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result) of the best of ``repeat`` runs.

    The machine may be shared: CPU time is what the work cost, wall time what it took.
    """
    best: tuple[float, float, Any] = (float("inf"), float("inf"), None)
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if wall < best[0]:
            best = (wall, cpu, out)
    return best


def rate(count: float, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


def dev_corpus() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The dev articles and their gold annotations by id, read at run time (never copied)."""
    arts = [
        json.loads(x) for x in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    gold = {}
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["id"]] = g
    return arts, gold


def scorer() -> ModuleType:
    """``shared/tools/score.py`` as a module: the project's own surface matching rules."""
    spec = importlib.util.spec_from_file_location("rasd_score", SHARED / "tools" / "score.py")
    assert spec and spec.loader, "shared/tools/score.py not found"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def quick_arg(argv: Iterable[str] | None = None) -> bool:
    return "--quick" in (sys.argv[1:] if argv is None else list(argv))
