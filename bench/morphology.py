"""Tokenisers and stemmers per token: rasd against pyarabic, tashaphyne and qalsadi.

    python bench/morphology.py [--articles 500] [--qalsadi-words 10000] [--quick]

Same texts for everyone (``corpus_gen`` articles):

* tokenisers over whole articles: a bare regex (the lower bound), ``pyarabic.araby.tokenize``
  and rasd's ``read(text, until="tokenise")`` (which also normalises, keeps offsets, lists
  clitic readings and light stems);
* stemmers per Arabic word, the words in text order (the "stream", each library's own caches
  as they come, rasd's cleared first) and each distinct word once (the "vocabulary", without
  caches: rasd's ``light_stem`` undecorated): rasd's ``fold`` + ``light_stem``, tashaphyne's
  ``ArabicLightStemmer.light_stem`` and qalsadi's ``Lemmatizer.lemmatize`` (a lemmatiser:
  it does more, and is slower; it gets the first ``--qalsadi-words`` words only).

Writes bench/results/morphology.json.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any

from common import bare_tokens, bench_articles, rate, timed, write_result

ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


def _row(
    tool: str, what: str, count: int, wall: float, cpu: float, tokens: int | None = None
) -> dict[str, Any]:
    return {
        "tool": tool,
        "what": what,
        "tokens": count,
        "seconds": round(wall, 4),
        "cpu_seconds": round(cpu, 4),
        "tokens_per_s": rate(count, wall),
        "tokens_per_cpu_s": rate(count, cpu),
        "us_per_token": round(1e6 * cpu / count, 3) if count else None,
        "own_tokens": tokens,
    }


def tokenisers(texts: list[str], n_tokens: int) -> list[dict[str, Any]]:
    import pyarabic.araby as araby

    from rasd.pipeline import read

    read("تجربة", until="tokenise")
    rows = []
    for tool, fn in (
        ("bare regex", bare_tokens),
        ("pyarabic araby.tokenize", araby.tokenize),
        ("rasd read(until='tokenise')", lambda t: read(t, until="tokenise").tokens),
    ):
        wall, cpu, own = timed(lambda fn=fn: sum(len(fn(t)) for t in texts), repeat=2)
        rows.append(_row(tool, "tokenise", n_tokens, wall, cpu, own))
    return rows


def _stemmers() -> dict[str, tuple[Callable[[str], str], Callable[[str], str]]]:
    """tool → (stream function, uncached vocabulary function)."""
    import qalsadi.lemmatizer
    from tashaphyne.stemming import ArabicLightStemmer

    from rasd.arabic.clitics import light_stem
    from rasd.arabic.normalise import fold

    tash = ArabicLightStemmer()
    lemmatizer = qalsadi.lemmatizer.Lemmatizer()
    lemmatizer.lemmatize("كتب")  # its dictionaries load on first use
    raw_stem = light_stem.__wrapped__
    return {
        "rasd fold + light_stem": (lambda w: light_stem(fold(w)), lambda w: raw_stem(fold(w))),
        "tashaphyne light_stem": (tash.light_stem, tash.light_stem),
        "qalsadi lemmatize": (lemmatizer.lemmatize, qalsadi.lemmatizer.Lemmatizer().lemmatize),
    }


def stemmers(words: list[str], qalsadi_words: int) -> list[dict[str, Any]]:
    from rasd.arabic.clitics import light_stem

    vocab = list(dict.fromkeys(words))
    rows = []
    for tool, (stream_fn, vocab_fn) in _stemmers().items():
        cap = qalsadi_words if tool.startswith("qalsadi") else len(words)
        stream, distinct = words[:cap], vocab[:cap]
        if tool.startswith("rasd"):
            light_stem.cache_clear()
        wall, cpu, _ = timed(lambda fn=stream_fn, ws=stream: [fn(w) for w in ws])
        rows.append(_row(tool, "stem stream", len(stream), wall, cpu))
        wall, cpu, _ = timed(lambda fn=vocab_fn, ws=distinct: [fn(w) for w in ws])
        rows.append(_row(tool, "stem vocabulary", len(distinct), wall, cpu))
    return rows


def measure(n: int, qalsadi_words: int) -> dict[str, Any]:
    texts = [a["text"] for a in bench_articles(n)]
    n_tokens = sum(len(bare_tokens(t)) for t in texts)
    words = [w for t in texts for w in ARABIC_WORD.findall(t)]
    tok_rows = tokenisers(texts, n_tokens)
    stem_rows = stemmers(words, qalsadi_words)
    rasd_stream = next(r for r in stem_rows if r["tool"].startswith("rasd") and r["what"] == "stem stream")
    rasd_vocab = next(r for r in stem_rows if r["tool"].startswith("rasd") and r["what"] == "stem vocabulary")
    faster = {}
    for r in stem_rows:
        if r["tool"].startswith("rasd"):
            continue
        ref = rasd_stream if r["what"] == "stem stream" else rasd_vocab
        faster[f"{r['tool']} ({r['what']})"] = round(r["us_per_token"] / ref["us_per_token"], 1)
    pyar = next(r for r in tok_rows if r["tool"].startswith("pyarabic"))
    rasd_tok = next(r for r in tok_rows if r["tool"].startswith("rasd"))
    faster["pyarabic araby.tokenize (tokenise)"] = round(pyar["us_per_token"] / rasd_tok["us_per_token"], 2)
    return {
        "articles": n,
        "tokens": n_tokens,
        "arabic_words": len(words),
        "distinct_words": len(set(words)),
        "token_definition": "tokenisers: per bare regex token; stemmers: per Arabic word",
        "tokenisers": tok_rows,
        "stemmers": stem_rows,
        "rasd_speedup": faster,
        "met": {"faster_than_each_peer": all(v > 1 for v in faster.values())},
        "versions": _versions(),
    }


def _versions() -> dict[str, str | None]:
    from importlib import metadata

    out = {}
    for dist in ("pyarabic", "tashaphyne", "qalsadi"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--qalsadi-words", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="100 articles, 1,000 qalsadi words")
    a = ap.parse_args()
    result = measure(100 if a.quick else a.articles, 1000 if a.quick else a.qalsadi_words)
    result["quick"] = a.quick
    path = write_result("morphology", result)
    print(
        f"{path.name}: rasd is faster by " + ", ".join(f"{k} {v}x" for k, v in result["rasd_speedup"].items())
    )


if __name__ == "__main__":
    main()
