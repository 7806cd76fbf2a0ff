"""Where the time goes: each pipeline stage timed on its own, and profiled.

    python bench/profile_stages.py [--articles 300] [--quick]

The stages of ``rasd.pipeline.stages()`` run one by one over the same ``corpus_gen``
documents (every document through stage 1, then every document through stage 2, ...), then
``Report.from_doc(doc).to_dict()`` as the "report" step:

1. timed, without a profiler (wall and CPU time per stage);
2. again on fresh documents under ``cProfile``, one profile per stage: the top functions by
   cumulative and by own time;
3. the whole ``rasd.extract`` under pyinstrument (a sampling profiler, low overhead): its
   call tree as text, when pyinstrument is installed.

Writes bench/results/profile.json.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import ROOT, bench_articles, write_result


def _docs(arts: list[dict[str, Any]]) -> list[Any]:
    from rasd.doc import Doc

    return [
        Doc(text=a["text"], id=a["id"], published=dt.date.fromisoformat(a["published"]), outlet=a["outlet"])
        for a in arts
    ]


def _steps() -> list[tuple[str, Callable[[Any], Any]]]:
    from rasd.pipeline import stages
    from rasd.report import Report

    return [*stages(), ("report", lambda doc: Report.from_doc(doc).to_dict())]


def stage_times(arts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = _docs(arts)
    rows = []
    for name, fn in _steps():
        c0, t0 = time.process_time(), time.perf_counter()
        out = [fn(d) for d in docs]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if name != "report":
            docs = out
        rows.append({"stage": name, "seconds": wall, "cpu_seconds": cpu})
    total = sum(r["cpu_seconds"] for r in rows)
    n = len(arts)
    for r in rows:
        r["cpu_ms_per_article"] = round(1000 * r["cpu_seconds"] / n, 3)
        r["share"] = round(r["cpu_seconds"] / total, 3)
        r["seconds"], r["cpu_seconds"] = round(r["seconds"], 3), round(r["cpu_seconds"], 3)
    return rows


def _where(path: str) -> str:
    """A short location: the path inside src/ or site-packages, else the file name."""
    for marker in ("/src/", "/site-packages/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return Path(path).name if path not in ("~", "") else path


def _top(stats: pstats.Stats, key: int, n: int, total: float) -> list[dict[str, Any]]:
    """The top ``n`` functions by own (key=2) or cumulative (key=3) time."""
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][key])  # type: ignore[attr-defined]
    out: list[dict[str, Any]] = []
    for (path, line, func), (_cc, calls, tt, ct, _callers) in rows:
        if len(out) == n:
            break
        if Path(path).name == Path(__file__).name:
            continue  # this harness
        out.append(
            {
                "function": func if path == "~" else f"{_where(path)}:{line}:{func}",
                "calls": calls,
                "own_s": round(tt, 4),
                "cumulative_s": round(ct, 4),
                "cumulative_share": round(ct / total, 3) if total else None,
            }
        )
    return out


def stage_profiles(arts: list[dict[str, Any]], top: int = 12) -> dict[str, Any]:
    docs = _docs(arts)
    out = {}
    profiles = []
    for name, fn in _steps():
        prof = cProfile.Profile()
        prof.enable()
        res = [fn(d) for d in docs]
        prof.disable()
        if name != "report":
            docs = res
        profiles.append(prof)
        out[name] = _summary(pstats.Stats(prof), top)
    whole = pstats.Stats(profiles[0])
    for prof in profiles[1:]:
        whole.add(prof)
    out["whole pipeline"] = _summary(whole, 20)
    out["whole pipeline"]["by_module"] = _by_module(whole)
    return out


def _by_module(stats: pstats.Stats, top: int = 15) -> list[dict[str, Any]]:
    """Own time summed per source file (C built-ins under 'built-ins'), largest first."""
    total = stats.total_tt  # type: ignore[attr-defined]
    sums: dict[str, float] = {}
    for (path, _line, _func), (_cc, _calls, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if Path(path).name == Path(__file__).name:
            continue
        key = "built-ins" if path == "~" else _where(path)
        sums[key] = sums.get(key, 0.0) + tt
    rows = sorted(sums.items(), key=lambda kv: -kv[1])[:top]
    return [{"module": m, "own_s": round(t, 4), "share": round(t / total, 3)} for m, t in rows]


def _summary(stats: pstats.Stats, top: int) -> dict[str, Any]:
    total = stats.total_tt  # type: ignore[attr-defined]
    return {
        "profiled_s": round(total, 3),
        "by_cumulative": _top(stats, 3, top, total),
        "by_own": _top(stats, 2, top, total),
    }


def pyinstrument_tree(arts: list[dict[str, Any]], lines: int = 90) -> str | None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    from rasd.api import extract

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for a in arts:
        extract(a["text"], published=a["published"], id=a["id"], outlet=a["outlet"]).to_dict()
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False, short_mode=False)
    text = text.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
    return "\n".join(text.splitlines()[:lines])


def measure(n: int) -> dict[str, Any]:
    from rasd.api import extract

    arts = bench_articles(n)
    for a in arts[:20]:  # lexicons, gazetteer and caches loaded
        extract(a["text"], published=a["published"])
    times = stage_times(arts)
    return {
        "articles": n,
        "stages": times,
        "total_cpu_ms_per_article": round(sum(r["cpu_ms_per_article"] for r in times), 3),
        "profiles": stage_profiles(arts),
        "pyinstrument": pyinstrument_tree(arts[: max(50, n // 3)]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quick", action="store_true", help="60 articles")
    a = ap.parse_args()
    result = measure(60 if a.quick else a.articles)
    result["quick"] = a.quick
    path = write_result("profile", result)
    print(
        f"{path.name}: " + ", ".join(f"{r['stage']} {r['cpu_ms_per_article']} ms" for r in result["stages"])
    )


if __name__ == "__main__":
    main()
