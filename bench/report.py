"""Render docs/benchmarks.md and its plots (docs/img/bench-*.png) from bench/results/*.json.

    python bench/report.py

Only reads the result files, so it can be re-run at any time; a missing result file leaves
its section out with a note.
"""

from __future__ import annotations

import sys
from typing import Any

from common import ROOT, read_results

DOC = ROOT / "docs" / "benchmarks.md"
IMG = ROOT / "docs" / "img"
ORDER = ("throughput", "corpus_throughput", "startup", "morphology", "dates", "places", "profile")
STAGE_TOP = 6


def _fmt(x: Any, nd: int = 1) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, bool):
        return "yes" if x else "**no**"
    if isinstance(x, float):
        if abs(x) >= 1000:
            return f"{x:,.0f}"
        if abs(x) < 1:
            return f"{x:.3f}"  # ratios, shares, precision and recall
        if abs(x) < 10:
            return f"{x:.2f}"
        return f"{x:.{nd}f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_fmt(c) if not isinstance(c, str) else c for c in r) + " |" for r in rows]
    return out + [""]


# ---------------------------------------------------------------- targets


def targets(res: dict[str, dict[str, Any]]) -> list[str]:
    rows: list[list[Any]] = []
    t = res.get("throughput")
    if t:
        one = t["extract_one_core"]
        rows.append(
            [
                "extraction, one core (~2 KB articles)",
                "≥ 300 articles/s",
                f"{_fmt(one['articles_per_cpu_s'])} articles per CPU-second ({_fmt(one['articles_per_s'])}/s wall)",
                t["met"]["articles_per_s_per_core"],
            ]
        )
        rows.append(
            [
                "cost against a bare regex tokenisation",
                "≤ 30×",
                f"{_fmt(one['multiple_of_bare'])}× (rasd's tokeniser alone: {_fmt(t['rasd_tokeniser']['multiple_of_bare'])}×)",
                t["met"]["max_multiple_of_bare"],
            ]
        )
    s = res.get("startup")
    if s:
        rows.append(
            [
                "start-up (import + lexicons + gazetteer)",
                "≤ 1.5 s",
                f"{s['startup_s']} s",
                s["met"]["startup_s"],
            ]
        )
        rows.append(
            [
                "peak memory (RSS), gazetteer cache in place",
                "≤ 400 MB",
                f"{s['peak_rss_mb']} MB (after {_fmt(s['sustained_articles'])} articles)",
                s["met"]["rss_mb"],
            ]
        )
    c = res.get("corpus_throughput")
    if c:
        rows.append(
            [
                "ingest + process through the store",
                "≥ 0.8 of extraction alone",
                f"{c['ratio_to_extract_alone']} ({_fmt(c['articles'])} articles, {c['workers']} workers)",
                c["ratio_to_extract_alone"] >= c.get("target_ratio", 0.8),
            ]
        )
    m = res.get("morphology")
    if m:
        for k, v in m["rasd_speedup"].items():
            rows.append([f"per token against {k}", "faster (> 1×)", f"{v}×", v > 1])
    lines = ["## Targets", ""]
    lines += _table(["what", "target", "measured", "met"], rows)
    missed = [r[0] for r in rows if r[3] is False]
    if missed:
        lines += [f"Missed: {'; '.join(missed)}. See [where the time goes](#where-the-time-goes).", ""]
    return lines


# ---------------------------------------------------------------- sections


def throughput(t: dict[str, Any]) -> list[str]:
    lines = [
        "## Extraction throughput",
        "",
        f"{_fmt(t['articles'])} articles, {t['mean_chars']} characters and {t['mean_tokens']} tokens each on average "
        f"({_fmt(t['tokens'])} tokens in all; a token is a bare regex token: a run of word characters or one "
        f"punctuation mark, the same count for every row). Full extraction is `rasd.extract` plus "
        f"`Report.to_dict()`; it found {_fmt(t['events'])} events. CPU rates count the CPU time of the "
        "process(es) doing the work; wall rates depend on what else the machine was running.",
        "",
    ]
    rows = []
    for label, r in (
        ("bare regex tokenisation (lower bound)", t["bare_regex"]),
        ("rasd tokeniser (normalise + tokenise)", t["rasd_tokeniser"]),
        ("rasd full extraction, in process", t["extract_one_core"]),
    ):
        rows.append(
            [
                label,
                r["articles_per_cpu_s"],
                r["tokens_per_cpu_s"],
                r["articles_per_s"],
                r["cpu_ms_per_article"],
                f"{_fmt(r['multiple_of_bare'])}×",
            ]
        )
    lines += _table(
        ["", "articles / CPU-s", "tokens / CPU-s", "articles / s (wall)", "CPU ms / article", "× bare regex"],
        rows,
    )
    lines += ["### Scaling (warm process pool, chunks of 50 articles)", ""]
    rows = [
        [
            str(r["workers"]),
            r["articles_per_s"],
            r["tokens_per_s"],
            r["articles_per_cpu_s"],
            f"{r['speedup']}×",
            r["efficiency"],
            r.get("cpu_utilisation"),
        ]
        for r in t["pool"].values()
    ]
    lines += _table(
        [
            "workers",
            "articles / s (wall)",
            "tokens / s (wall)",
            "articles / CPU-s",
            "speed-up",
            "efficiency",
            "CPU utilisation",
        ],
        rows,
    )
    lines += [
        "CPU utilisation is the workers' CPU time over wall time × workers: well below 1, the machine was busy "
        "with other work and the wall-clock speed-up understates what the pool does on an idle machine "
        "(there, expect about workers × articles / CPU-s).",
        "",
        "![throughput](img/bench-throughput.png)",
        "",
    ]
    return lines


def corpus(c: dict[str, Any]) -> list[str]:
    lines = [
        "## Ingest + process through the store",
        "",
        f"`bench/corpus_throughput.py`: {_fmt(c['articles'])} articles written to a JSONL file, extracted alone in "
        f"a pool of {c['workers']} workers, then `ingest` into a fresh SQLite store and `process` with the same "
        "workers.",
        "",
    ]

    def cpu(key: str) -> list[Any]:
        x = c.get(key)
        return [x["main"], x["workers"]] if x else [None, None]

    rows = [
        [
            "extraction alone",
            c["extract_alone_s"],
            c["extract_alone_articles_per_s"],
            *cpu("extract_alone_cpu_s"),
        ],
        [
            "ingest",
            c["ingest_s"],
            round(c["articles"] / c["ingest_s"], 1) if c["ingest_s"] else None,
            *cpu("ingest_cpu_s"),
        ],
        [
            "process",
            c["process_s"],
            round(c["articles"] / c["process_s"], 1) if c["process_s"] else None,
            *cpu("process_cpu_s"),
        ],
        [
            "ingest + process",
            round(c["ingest_s"] + c["process_s"], 2),
            c["ingest_process_articles_per_s"],
            None,
            None,
        ],
    ]
    lines += _table(["step", "seconds", "articles / s", "CPU s, main process", "CPU s, pool workers"], rows)
    if "cpu_ratio_to_extract_alone" in c:
        lines += [
            f"In CPU seconds (this process and its workers, whatever else ran): extraction alone costs "
            f"**{c['cpu_ratio_to_extract_alone']}** of ingest + process. Load average at the start: "
            f"{c.get('load_avg_1m_start')}, at the end: {c['machine'].get('load_avg_1m')}.",
            "",
        ]
    lines += [
        f"Ratio to extraction alone: **{c['ratio_to_extract_alone']}** (target {c.get('target_ratio', 0.8)}). "
        f"Incident rebuild: {c['incidents_rebuild_s']} s ({_fmt(c['incidents'])} incidents from "
        f"{_fmt(c['events'])} events).",
        "",
    ]
    return lines


def startup(s: dict[str, Any]) -> list[str]:
    parts = s.get("first_extract_parts_s", {})
    lines = [
        "## Start-up and memory",
        "",
        "Each measured in a fresh subprocess: `python -c \"import rasd; rasd.extract('...')\"`, "
        f"median of {s['runs']} runs (min {s['startup_min_s']} s, max {s['startup_max_s']} s), gazetteer cache warm.",
        "",
    ]
    rows = [
        ["whole command (parent's wall clock)", s["startup_s"]],
        ["interpreter start and exit", s["interpreter_s"]],
        ["`import rasd`", s["import_s"]],
        ["first `extract`", s["first_extract_s"]],
        ["— stage modules imported (lexicons load at import)", parts.get("stage_imports_s")],
        ["— gazetteer loaded from its cache", parts.get("gazetteer_s")],
        ["— the call itself (lazy loads)", parts.get("first_call_s")],
    ]
    if "cold_startup_s" in s:
        rows.append(["cold start: empty gazetteer cache (one-off build)", s["cold_startup_s"]])
    lines += _table(["part", "seconds"], [[a, _fmt(b, 3)] for a, b in rows])
    mem = [
        ["after start-up (import + one extraction)", s["startup_rss_mb"]],
        ["a second process, after its first extraction", s.get("sustained_rss_warm_mb")],
        [f"the same, after extracting {_fmt(s['sustained_articles'])} articles", s["sustained_rss_mb"]],
    ]
    if "cold_rss_mb" in s:
        mem.append(["cold start (building the gazetteer)", s["cold_rss_mb"]])
    mem.append(["largest child seen by the parent (RUSAGE_CHILDREN)", s["children_rss_mb"]])
    lines += _table(["peak RSS", "MB"], mem)
    if s.get("sustained_gazetteer_rebuilt"):
        lines += [
            "**The gazetteer cache was stale in the long run** (its first extraction took "
            f"{s['sustained_warm_s']} s): its peak includes building the gazetteer.",
            "",
        ]
    elif s.get("sustained_growth_mb") is not None:
        lines += [
            f"Growth while extracting: {s['sustained_growth_mb']} MB over "
            f"{_fmt(s['sustained_articles'])} articles (caches filling; a leak would keep growing).",
            "",
        ]
    lines += ["Slowest imports (`python -X importtime`, own time):", ""]
    lines += _table(
        ["module", "own ms", "cumulative ms"],
        [[f"`{r['module']}`", r["self_ms"], r["cumulative_ms"]] for r in s["slowest_imports"][:8]],
    )
    return lines


def morphology(m: dict[str, Any]) -> list[str]:
    v = m.get("versions", {})
    lines = [
        "## Peers: tokenisers and stemmers",
        "",
        f"Same texts: {_fmt(m['articles'])} articles, {_fmt(m['tokens'])} tokens, {_fmt(m['arabic_words'])} Arabic "
        f"words ({_fmt(m['distinct_words'])} distinct). Versions: "
        + ", ".join(f"{k} {x}" for k, x in v.items())
        + ". Tokenisers run over whole articles and are counted per bare regex token; stemmers per Arabic "
        "word, in text order (\"stream\": each library's own caches as they come; rasd's `lru_cache` cleared "
        'first) and each distinct word once ("vocabulary": rasd without its cache). rasd\'s stemmer is timed '
        "with `fold` (its normalisation) included. rasd's tokeniser does more than a tokeniser: it builds the "
        "normalised view with its offset map, lists clitic readings and light stems for every word. qalsadi is "
        "a lemmatiser (a dictionary analysis), not a light stemmer, and gets a prefix of the words.",
        "",
    ]
    rows = [
        [r["tool"], r["what"], r["tokens"], r["tokens_per_cpu_s"], r["us_per_token"]]
        for r in m["tokenisers"] + m["stemmers"]
    ]
    lines += _table(["tool", "task", "tokens", "tokens / CPU-s", "CPU µs / token"], rows)
    lines += ["rasd's advantage (peer's CPU time per token ÷ rasd's):", ""]
    lines += _table(["peer", "× rasd"], [[k, f"{v}×"] for k, v in m["rasd_speedup"].items()])
    lines += ["![peers](img/bench-peers.png)", ""]
    return lines


def dates(d: dict[str, Any]) -> list[str]:
    acc = d["accuracy"]
    s = acc["summary"]
    lines = [
        "## Peers: dates",
        "",
        f"dateparser {d.get('versions', {}).get('dateparser')} (`search_dates`, {d['dateparser_settings']}) "
        "against rasd's dates stage.",
        "",
        f"**Accuracy** on `bench/date_cases.tsv`: {s['rasd']['cases']} sentences (written for this benchmark, "
        "one date expression each, expected values following docs/lexicon-dates.md's conventions, which are "
        "what a news reader means). A case is right when one of the dates the tool finds equals the expected "
        "value at its precision (a day-precise answer counts for a month or year case when it falls in it).",
        "",
    ]
    lines += _table(
        ["tool", "right", "cases", "accuracy"],
        [[k, v["right"], v["cases"], v["accuracy"]] for k, v in s.items()],
    )
    lines += ["<details><summary>Every case</summary>", ""]
    lines += _table(
        ["expression", "published", "expected", "rasd", "dateparser"],
        [
            [
                r["expression"],
                r["published"],
                r["expected"],
                ("✓ " if r["rasd_right"] else "✗ ") + ", ".join(r["rasd_found"]),
                ("✓ " if r["dateparser_right"] else "✗ ") + ", ".join(r["dateparser_found"]),
            ]
            for r in acc["cases"]
        ],
    )
    lines += ["</details>", ""]
    sp = d["speed"]
    lines += [f"**Speed** on {_fmt(sp['articles'])} benchmark articles:", ""]
    lines += _table(
        ["tool", "articles / CPU-s", "CPU ms / article", "dates found"],
        [[r["tool"], r["articles_per_cpu_s"], r["cpu_ms_per_article"], r["dates_found"]] for r in sp["rows"]],
    )
    return lines


def places(p: dict[str, Any]) -> list[str]:
    q = p["quality"]
    lines = [
        "## Peers: places",
        "",
        "A gazetteer-only tagger built from rasd's own gazetteer: every hit of its clitic-aware alias matcher is a "
        "place, whatever the context, geocoded to the most populous place of that name (stop phrases still hide "
        "the names inside them). rasd's places stage adds context levels, coordination, transliteration of "
        "unknown names and country consistency.",
        "",
        f"**Quality** on the dev corpus ({q['articles']} articles, read from shared/corpus/dev at run time; "
        "mentions matched as shared/tools/score.py matches them). The dev corpus is small and is what the "
        "engineers look at while building: these numbers are orientation, not an estimate of quality on unseen news.",
        "",
    ]
    lines += _table(
        ["tagger", "precision", "recall", "F1", "right country (of found)", "found", "spurious", "missed"],
        [
            [k, v["precision"], v["recall"], v["f1"], v["country_accuracy"], v["tp"], v["fp"], v["fn"]]
            for k, v in q["summary"].items()
        ],
    )
    sp = p["speed"]
    lines += [f"**Speed** on {_fmt(sp['articles'])} benchmark articles (tokenised beforehand):", ""]
    lines += _table(
        ["tagger", "articles / CPU-s", "CPU ms / article", "places found"],
        [
            [r["tool"], r["articles_per_cpu_s"], r["cpu_ms_per_article"], r["places_found"]]
            for r in sp["rows"]
        ],
    )
    return lines


def profile(p: dict[str, Any]) -> list[str]:
    stages = p["stages"]
    whole = p["profiles"].get("whole pipeline", {})
    ranked = sorted(stages, key=lambda r: -r["share"])
    lines = [
        "## Where the time goes",
        "",
        f"`bench/profile_stages.py`: the stages of `rasd.pipeline.stages()` run one by one over the same "
        f"{_fmt(p['articles'])} articles (then `Report.from_doc(...).to_dict()`), first timed, then each under "
        "cProfile. Total: "
        f"{p['total_cpu_ms_per_article']} CPU ms per article. The biggest stages: "
        + ", ".join(f"{r['stage']} {round(100 * r['share'])}%" for r in ranked[:4])
        + ".",
        "",
    ]
    lines += _table(
        ["stage", "CPU ms / article", "share"],
        [[r["stage"], _fmt(r["cpu_ms_per_article"], 3), f"{round(100 * r['share'], 1)}%"] for r in stages],
    )
    lines += ["![stages](img/bench-stages.png)", ""]
    if whole.get("by_module"):
        top = next((r for r in whole["by_module"] if r["module"] != "built-ins"), None)
        if top:
            lines += [
                f"The file with the most own time is `{top['module']}`: {round(100 * top['share'])}% of the "
                "profiled time (its callees in other files not counted).",
                "",
            ]
        lines += [
            "Own time summed per source file over the whole pipeline (cProfile; the profiler inflates small calls):",
            "",
        ]
        lines += _table(
            ["file", "own s", "share"],
            [
                [f"`{r['module']}`", _fmt(r["own_s"], 3), f"{round(100 * r['share'], 1)}%"]
                for r in whole["by_module"]
            ],
        )
        lines += ["Top functions by own time over the whole pipeline:", ""]
        lines += _table(
            ["function", "calls", "own s", "cumulative s", "cumulative share"],
            [
                [
                    f"`{r['function']}`",
                    r["calls"],
                    _fmt(r["own_s"], 3),
                    _fmt(r["cumulative_s"], 3),
                    r["cumulative_share"],
                ]
                for r in whole["by_own"][:15]
            ],
        )
    lines += [
        f"Top functions by cumulative time, per stage (the stage function itself first; top {STAGE_TOP}):",
        "",
    ]
    for r in ranked:
        prof = p["profiles"].get(r["stage"])
        if not prof or r["share"] < 0.02:
            continue
        lines += [f"**{r['stage']}** ({round(100 * r['share'])}% of the time)", ""]
        lines += _table(
            ["function", "calls", "own s", "cumulative s", "share of stage"],
            [
                [
                    f"`{x['function']}`",
                    x["calls"],
                    _fmt(x["own_s"], 3),
                    _fmt(x["cumulative_s"], 3),
                    x["cumulative_share"],
                ]
                for x in prof["by_cumulative"][:STAGE_TOP]
            ],
        )
    if p.get("pyinstrument"):
        lines += [
            "<details><summary>pyinstrument call tree of <code>rasd.extract</code> (wall-clock samples)</summary>",
            "",
            "```",
            p["pyinstrument"],
            "```",
            "</details>",
            "",
        ]
    return lines


# ---------------------------------------------------------------- plots


def plots(res: dict[str, dict[str, Any]]) -> list[str]:
    """Write the PNGs; returns the names written."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plots", file=sys.stderr)
        return []
    IMG.mkdir(parents=True, exist_ok=True)
    written = []
    t = res.get("throughput")
    if t:
        fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
        labels = ["bare regex", "rasd tokeniser", "rasd extract"]
        vals = [t[k]["articles_per_cpu_s"] for k in ("bare_regex", "rasd_tokeniser", "extract_one_core")]
        a.barh(labels, vals, color=["#999", "#6a9fd4", "#1f5fa8"])
        a.axvline(t["targets"]["articles_per_s_per_core"], color="#c33", ls="--", label="target 300/s")
        a.set_xscale("log")
        a.set_xlim(left=1)
        a.set_xlabel("articles per CPU-second (log)")
        a.set_title("One core")
        a.legend(loc="lower right")
        ws = [r["workers"] for r in t["pool"].values()]
        rates = [r["articles_per_s"] for r in t["pool"].values()]
        a1 = t["pool"]["1"]["articles_per_s"]
        b.plot(ws, rates, "o-", color="#1f5fa8", label="measured")
        b.plot(ws, [a1 * w for w in ws], ":", color="#999", label="linear")
        b.set_xticks(ws)
        b.set_xlabel("workers")
        b.set_ylabel("articles / s (wall)")
        b.set_title("Scaling")
        b.set_ylim(bottom=0)
        b.legend()
        fig.tight_layout()
        fig.savefig(IMG / "bench-throughput.png", dpi=110)
        plt.close(fig)
        written.append("bench-throughput.png")
    p = res.get("profile")
    if p:
        fig, ax = plt.subplots(figsize=(8, 4))
        st = p["stages"]
        ax.barh([r["stage"] for r in st][::-1], [r["cpu_ms_per_article"] for r in st][::-1], color="#1f5fa8")
        ax.set_xlabel("CPU ms per article")
        ax.set_title(f"Per stage ({p['articles']} articles)")
        fig.tight_layout()
        fig.savefig(IMG / "bench-stages.png", dpi=110)
        plt.close(fig)
        written.append("bench-stages.png")
    m, d, pl = res.get("morphology"), res.get("dates"), res.get("places")
    if m or d or pl:
        fig, axes = plt.subplots(1, 3, figsize=(14, 4))
        if m:
            rows = m["tokenisers"] + [r for r in m["stemmers"] if r["what"] == "stem stream"]
            names = [r["tool"].replace(" read(until='tokenise')", " tokenise") for r in rows]
            cols = ["#1f5fa8" if r["tool"].startswith("rasd") else "#999" for r in rows]
            axes[0].barh(names[::-1], [r["us_per_token"] for r in rows][::-1], color=cols[::-1])
            axes[0].set_xscale("log")
            axes[0].set_xlabel("CPU µs per token (log)")
            axes[0].set_title("Tokenisers and stemmers")
        if d:
            rows = d["speed"]["rows"]
            cols = ["#1f5fa8" if r["tool"].startswith("rasd") else "#999" for r in rows]
            axes[1].barh(
                [r["tool"] for r in rows][::-1],
                [r["cpu_ms_per_article"] for r in rows][::-1],
                color=cols[::-1],
            )
            s = d["accuracy"]["summary"]
            axes[1].set_title(
                f"Dates: right {s['rasd']['right']}/{s['rasd']['cases']} (rasd),\n"
                f"{s['dateparser']['right']}/{s['dateparser']['cases']} (dateparser)",
                fontsize=9,
            )
            axes[1].set_xlabel("CPU ms per article")
        if pl:
            rows = pl["speed"]["rows"]
            cols = ["#1f5fa8" if r["tool"].startswith("rasd") else "#999" for r in rows]
            axes[2].barh(
                [r["tool"] for r in rows][::-1],
                [r["cpu_ms_per_article"] for r in rows][::-1],
                color=cols[::-1],
            )
            q = pl["quality"]["summary"]
            axes[2].set_title(
                f"Places: dev P/R {q['rasd']['precision']}/{q['rasd']['recall']} (rasd),\n"
                f"{q['gazetteer_only']['precision']}/{q['gazetteer_only']['recall']} (gazetteer only)",
                fontsize=9,
            )
            axes[2].set_xlabel("CPU ms per article")
        for ax in axes:
            if not ax.has_data():
                ax.axis("off")
        fig.tight_layout()
        fig.savefig(IMG / "bench-peers.png", dpi=110)
        plt.close(fig)
        written.append("bench-peers.png")
    return written


# ---------------------------------------------------------------- page


def machine_lines(res: dict[str, dict[str, Any]]) -> list[str]:
    first = next(r["machine"] for r in res.values() if isinstance(r.get("machine"), dict))
    lines = [
        f"Machine: {first['cpu']}, {first['cores']} cores, {first['memory_gb']} GB RAM, {first['os']}, "
        f"Python {first['python']}, rasd {first['rasd']} at revision `{first['revision']}`.",
        "",
        "The machine may be shared with other work while the benchmarks run; the 1-minute load average at each "
        "measurement is listed, and the rates that matter are given per CPU-second, which is what the work costs "
        "whatever else runs.",
        "",
    ]
    rows = []
    for name in ORDER:
        r = res.get(name)
        if r and isinstance(r.get("machine"), dict):
            rows.append(
                [
                    f"`{name}.json`",
                    r["measured"],
                    f"`{r['machine'].get('revision')}`",
                    r["machine"].get("load_avg_1m"),
                    "quick" if r.get("quick") else "full",
                ]
            )
    lines += _table(["result", "measured (UTC)", "revision", "load avg", "run"], rows)
    return lines


CAVEATS = [
    "## Caveats",
    "",
    "- The benchmark articles (`bench/corpus_gen.py`) recombine the sentences of the bundled samples: realistic "
    "length and density of names, numbers and dates, but a small vocabulary (a few thousand distinct words), so "
    "per-word caches hit more often than on a real news feed. The vocabulary rows of the stemmer table are "
    "the cache-free comparison.",
    "- Other engineers keep changing the extraction stages; the numbers describe the revision listed above.",
    "- The date table was written for this benchmark from the conventions rasd documents; it measures "
    "whether each tool resolves common news expressions as a reader would, not an independent test set.",
    "- The dev corpus has eleven articles: place precision and recall on it are orientation only.",
    "",
]


def render(res: dict[str, dict[str, Any]]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`bench/run.py`, then `bench/report.py`) from `bench/results/*.json`; "
        "do not edit by hand. `python bench/run.py --quick` is a fast smoke run with smaller inputs; "
        "`python bench/report.py` re-renders this page from the stored results.",
        "",
    ]
    if not res:
        return "\n".join([*lines, "No results yet: run `make bench`.", ""])
    lines += machine_lines(res)
    lines += targets(res)
    sections = {
        "throughput": throughput,
        "corpus_throughput": corpus,
        "startup": startup,
        "morphology": morphology,
        "dates": dates,
        "places": places,
        "profile": profile,
    }
    for name in ORDER:
        if name in res:
            lines += sections[name](res[name])
        else:
            lines += [f"*(no `{name}.json`: that benchmark has not run)*", ""]
    lines += others({k: v for k, v in res.items() if k not in ORDER})
    lines += CAVEATS
    return "\n".join(lines)


def others(res: dict[str, dict[str, Any]]) -> list[str]:
    """Result files of benchmarks that ``bench/run.py`` does not run: their top-level numbers."""
    if not res:
        return []
    lines = [
        "## Other stored results",
        "",
        "Written by other scripts in bench/ (not run by `make bench`).",
        "",
    ]
    for name, r in res.items():
        scalars = [
            [f"`{k}`", v] for k, v in r.items() if isinstance(v, int | float | str | bool) and k != "name"
        ]
        lines += [f"**{name}.json**", ""]
        lines += _table(["key", "value"], scalars)
    return lines


def main() -> None:
    res = read_results()
    written = plots(res)
    DOC.write_text(render(res), encoding="utf-8")
    print(f"{DOC.relative_to(ROOT)} written" + (f", plots: {', '.join(written)}" if written else ""))


if __name__ == "__main__":
    main()
