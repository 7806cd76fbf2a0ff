"""Run every benchmark, each in a fresh process, then render docs/benchmarks.md.

    python bench/run.py [--quick] [--only throughput,startup,...] [--no-report]

Full run (``make bench``): about 10-15 minutes on a 2-core machine. ``--quick`` passes
``--quick`` to each benchmark (smaller inputs, about 2-3 minutes) for development.
A benchmark that fails is reported and the others still run; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from common import BENCH, ROOT

BENCHMARKS = {
    "throughput": "throughput.py",
    "startup": "startup.py",
    "morphology": "morphology.py",
    "dates": "dates_bench.py",
    "places": "places_bench.py",
    "profile": "profile_stages.py",
    "corpus_throughput": "corpus_throughput.py",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated names: " + ", ".join(BENCHMARKS))
    ap.add_argument("--no-report", action="store_true")
    a = ap.parse_args()
    names = [n.strip() for n in a.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    failed = []
    t_all = time.perf_counter()
    for name in names:
        cmd = [sys.executable, str(BENCH / BENCHMARKS[name]), *(["--quick"] if a.quick else [])]
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        code = subprocess.run(cmd, cwd=ROOT).returncode
        print(
            f"   {name}: {time.perf_counter() - t0:.0f} s" + ("" if code == 0 else f", FAILED ({code})"),
            flush=True,
        )
        if code:
            failed.append(name)
    print(f"== all benchmarks: {time.perf_counter() - t_all:.0f} s", flush=True)
    if not a.no_report:
        subprocess.run([sys.executable, str(BENCH / "report.py")], cwd=ROOT, check=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
