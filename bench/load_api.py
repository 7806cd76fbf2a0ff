"""A bounded load test of the HTTP API on loopback while `rasd process` writes to the same
database (issue 8, item 4). Stops by itself after a fixed number of requests.

    python bench/load_api.py [--requests 2000] [--concurrency 8]

Reports p50 / p99 latency and errors for `/api/events` pages (target: no errors, p99 < 200 ms)
to bench/results/load_api.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db: Path) -> None:
    """The sample corpus, ingested and processed: what the page serves out of the box."""
    subprocess.run(
        [str(BIN / "rasd"), "ingest", str(ROOT / "samples"), "--db", str(db)], check=True, capture_output=True
    )
    subprocess.run(
        [str(BIN / "rasd"), "process", "--db", str(db), "--workers", "1"], check=True, capture_output=True
    )


def writer_input(path: Path, n: int) -> None:
    """New articles for the concurrent writer: sample texts with a distinguishing line."""
    lines = [
        json.loads(x)
        for x in (ROOT / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if x
    ]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a = dict(lines[i % len(lines)])
            a["id"], a["url"] = f"load-{i}", None
            a["text"] += f"\n(تحديث {i})"
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def run(requests: int, concurrency: int, writer_articles: int) -> dict:
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "rasd.db"
    prepare(db)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "rasd"), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        extra = tmp / "more.jsonl"
        writer_input(extra, writer_articles)
        subprocess.run(
            [str(BIN / "rasd"), "ingest", str(extra), "--db", str(db)], check=True, capture_output=True
        )
        writer = subprocess.Popen(
            [str(BIN / "rasd"), "process", "--db", str(db), "--workers", "1", "--chunk-size", "10"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        rng = random.Random(3)
        params = [
            {
                "page": rng.randint(1, 3),
                "per_page": 50,
                **rng.choice([{}, {"type": "ASSAULT"}, {"country": "SD"}, {"since": "2024-03-10"}]),
            }
            for _ in range(requests)
        ]
        latencies: list[float] = []
        errors: list[str] = []
        with httpx.Client(base_url=base, timeout=10) as client:

            def one(p: dict) -> None:
                t0 = time.perf_counter()
                try:
                    r = client.get("/api/events", params=p)
                    if r.status_code != 200:
                        errors.append(f"HTTP {r.status_code}")
                except httpx.HTTPError as e:
                    errors.append(type(e).__name__)
                latencies.append((time.perf_counter() - t0) * 1000)

            t_start = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                list(pool.map(one, params))
            elapsed = time.perf_counter() - t_start
        writer_still_running = writer.poll() is None
        writer.wait(timeout=600)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    lat = sorted(latencies)
    return {
        "requests": requests,
        "concurrency": concurrency,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "p50_ms": round(statistics.median(lat), 1),
        "p99_ms": round(lat[int(0.99 * (len(lat) - 1))], 1),
        "max_ms": round(lat[-1], 1),
        "requests_per_s": round(requests / elapsed, 1),
        "writer_was_running_during_load": writer_still_running,
        "writer_exit_code": writer.returncode,
        "target": {"errors": 0, "p99_ms": 200},
        "machine": f"{os.cpu_count()} cores",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--writer-articles", type=int, default=3000)
    a = ap.parse_args()
    result = run(a.requests, a.concurrency, a.writer_articles)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load_api.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
