"""Ingest + process through the store against `rasd extract` alone, on the same articles.

    python bench/corpus_throughput.py [--articles 10000] [--workers 2]

Target (issue 5): ingest + process at no less than 80% of the throughput of extraction alone.
Wall-clock ratio, and the same ratio in CPU seconds (this process and its pool workers), which
holds when the machine is busy with other work.
Writes bench/results/corpus_throughput.json.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import write_result  # noqa: E402
from corpus_gen import articles, write_jsonl  # noqa: E402

from rasd.corpus.incidents import rebuild  # noqa: E402
from rasd.corpus.ingest import ingest  # noqa: E402
from rasd.corpus.process import _warm, extract_chunk, process  # noqa: E402
from rasd.store import Store  # noqa: E402


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children so far.

    Pool workers count once their pool has shut down, so the deltas around each step give
    what the step cost whatever else the machine was running.
    """
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _since(before: tuple[float, float]) -> tuple[float, float]:
    now = _cpu()
    return now[0] - before[0], now[1] - before[1]


def extract_alone(arts: list[dict], workers: int, chunk: int = 50) -> float:
    import datetime as dt

    items = [
        {
            "article_id": i,
            "id": a["id"],
            "text": a["text"],
            "published": dt.date.fromisoformat(a["published"]),
            "outlet": a["outlet"],
            "url": None,
            "title": None,
        }
        for i, a in enumerate(arts)
    ]
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    with ProcessPoolExecutor(workers, initializer=_warm) as pool:
        list(pool.map(_warm_noop, range(workers)))
        t0 = time.perf_counter()
        n = sum(len(r) for r in pool.map(extract_chunk, chunks))
        elapsed = time.perf_counter() - t0
    assert n == len(arts)
    return elapsed


def _warm_noop(_: int) -> None:
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--quick", action="store_true", help="1,000 articles")
    a = ap.parse_args()
    arts = articles(1000 if a.quick else a.articles)
    load_start = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        write_jsonl(path, arts)
        c0 = _cpu()
        t_extract = extract_alone(arts, a.workers)
        c_extract = _since(c0)
        store = Store(str(Path(tmp) / "bench.db"))
        c0, t0 = _cpu(), time.perf_counter()
        summary = ingest(store, [str(path)])
        t_ingest, c_ingest = time.perf_counter() - t0, _since(c0)
        c0, t0 = _cpu(), time.perf_counter()
        processed = process(store, workers=a.workers, chunk_size=50)
        t_process, c_process = time.perf_counter() - t0, _since(c0)
        t0 = time.perf_counter()
        n_incidents = rebuild(store)
        t_incidents = time.perf_counter() - t0
    n = len(arts)
    result = {
        "articles": n,
        "workers": a.workers,
        "mean_chars": round(sum(len(x["text"]) for x in arts) / n),
        "extract_alone_s": round(t_extract, 2),
        "extract_alone_articles_per_s": round(n / t_extract, 1),
        "ingest_s": round(t_ingest, 2),
        "process_s": round(t_process, 2),
        "ingest_process_articles_per_s": round(n / (t_ingest + t_process), 1),
        "ratio_to_extract_alone": round(t_extract / (t_ingest + t_process), 3),
        "target_ratio": 0.8,
        "extract_alone_cpu_s": {"main": round(c_extract[0], 2), "workers": round(c_extract[1], 2)},
        "ingest_cpu_s": {"main": round(c_ingest[0], 2), "workers": round(c_ingest[1], 2)},
        "process_cpu_s": {"main": round(c_process[0], 2), "workers": round(c_process[1], 2)},
        "cpu_ratio_to_extract_alone": round(sum(c_extract) / (sum(c_ingest) + sum(c_process)), 3),
        "load_avg_1m_start": load_start,
        "incidents_rebuild_s": round(t_incidents, 2),
        "incidents": n_incidents,
        "events": processed.events,
        "stored": summary.added,
        "quick": a.quick,
    }
    path = write_result("corpus_throughput", result)
    print(
        f"{path.name}: ingest + process {result['ingest_process_articles_per_s']} articles/s, "
        f"{result['ratio_to_extract_alone']} of extraction alone ({result['extract_alone_articles_per_s']}/s)"
    )


if __name__ == "__main__":
    main()
