"""Extraction throughput on one core and on all cores, against a bare regex tokenisation.

    python bench/throughput.py [--articles 2000] [--quick]

On the same ~2 KB articles (``corpus_gen``): a bare regex tokenisation (the lower bound),
rasd's own tokeniser (normalise + tokenise), and the full extraction (``rasd.extract`` and
``Report.to_dict``) in this process, then in a process pool of 1 worker and of every core.
Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from common import bare_tokens, bench_articles, rate, timed, write_result

TARGET_PER_CORE = 300  # articles/s
TARGET_MULTIPLE = 30  # rasd at most 30x a bare tokenisation


def _extract_all(arts: list[dict[str, Any]]) -> int:
    from rasd.api import extract

    n = 0
    for a in arts:
        report = extract(a["text"], published=a["published"], id=a["id"], outlet=a["outlet"])
        n += len(report.to_dict()["events"])
    return n


def _warm() -> None:
    from rasd.api import extract

    extract("اعتقلت الشرطة 12 شخصا في بغداد أمس", published="2024-03-02")


def _noop(_: int) -> None:
    return None


def pooled(arts: list[dict[str, Any]], workers: int, chunk: int = 50) -> float:
    """Seconds to extract ``arts`` in a warm pool of ``workers`` processes."""
    chunks = [arts[i : i + chunk] for i in range(0, len(arts), chunk)]
    with ProcessPoolExecutor(workers, initializer=_warm) as pool:
        list(pool.map(_noop, range(workers * 2)))  # every worker started and warm
        t0 = time.perf_counter()
        list(pool.map(_extract_all, chunks))
        return time.perf_counter() - t0


def _tokenise_all(arts: list[dict[str, Any]]) -> int:
    from rasd.pipeline import read

    return sum(len(read(a["text"], until="tokenise").tokens) for a in arts)


def measure(n: int) -> dict[str, Any]:
    arts = bench_articles(n)
    chars = sum(len(a["text"]) for a in arts)
    tokens = sum(len(bare_tokens(a["text"])) for a in arts)
    _warm()

    t_bare, _ = timed(lambda: sum(len(bare_tokens(a["text"])) for a in arts), repeat=3)
    t_tok, rasd_tokens = timed(lambda: _tokenise_all(arts), repeat=2)
    _extract_all(arts[:20])  # steady state: caches as after a while of work
    t_one, events = timed(lambda: _extract_all(arts))

    cores = os.cpu_count() or 1
    pools = {w: pooled(arts, w) for w in sorted({1, 2, cores})}

    def row(seconds: float, workers: int = 1) -> dict[str, Any]:
        return {
            "workers": workers,
            "seconds": round(seconds, 3),
            "articles_per_s": rate(n, seconds),
            "tokens_per_s": rate(tokens, seconds),
            "ms_per_article": round(1000 * seconds / n, 3),
            "multiple_of_bare": round(seconds / t_bare, 1),
        }

    scaling = {str(w): row(s, w) for w, s in pools.items()}
    base = pools[1]
    for w, s in pools.items():
        scaling[str(w)]["speedup"] = round(base / s, 2)
        scaling[str(w)]["efficiency"] = round(base / s / w, 2)
    return {
        "articles": n,
        "mean_chars": round(chars / n),
        "tokens": tokens,
        "mean_tokens": round(tokens / n, 1),
        "rasd_tokens": rasd_tokens,
        "events": events,
        "token_definition": "bare regex tokens: \\w+ | one non-space punctuation mark",
        "bare_regex": row(t_bare),
        "rasd_tokeniser": row(t_tok),
        "extract_one_core": row(t_one),
        "pool": scaling,
        "all_cores": scaling[str(cores)],
        "targets": {
            "articles_per_s_per_core": TARGET_PER_CORE,
            "max_multiple_of_bare": TARGET_MULTIPLE,
        },
        "met": {
            "articles_per_s_per_core": n / t_one >= TARGET_PER_CORE,
            "max_multiple_of_bare": t_one / t_bare <= TARGET_MULTIPLE,
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--quick", action="store_true", help="200 articles")
    a = ap.parse_args()
    result = measure(200 if a.quick else a.articles)
    result["quick"] = a.quick
    path = write_result("throughput", result)
    one, pool = result["extract_one_core"], result["all_cores"]
    print(
        f"{path.name}: {one['articles_per_s']} articles/s on one core ({one['multiple_of_bare']}x bare regex), "
        f"{pool['articles_per_s']} on {pool['workers']} workers"
    )


if __name__ == "__main__":
    main()
