"""Places: rasd's places stage against a gazetteer-only tagger, speed and dev precision/recall.

    python bench/places_bench.py [--articles 500] [--quick]

The gazetteer-only tagger is built from rasd's own gazetteer (``rasd.gazetteer.gazetteer()``):
every hit of its clitic-aware alias matcher is a place (stop phrases such as a channel's name
still hide the names inside them, as the matcher does), whatever its context; of the places
an alias can name it takes the most populous. No context levels, no transliteration of
unknown names, no country consistency. rasd's places stage adds all of those.

* speed: both on the same ``corpus_gen`` documents, read up to the stage before places;
* quality: precision and recall of place mentions on the dev corpus
  (``shared/corpus/dev``, read at run time), matched as ``shared/tools/score.py`` matches
  them (distinct surface forms, lenient on clitics and partial names), and the share of
  matched mentions put in the right country. The dev corpus is eleven articles: a smoke
  test of quality, not an estimate.

Writes bench/results/places.json.
"""

from __future__ import annotations

import argparse
from typing import Any

from common import bench_articles, dev_corpus, rate, scorer, timed, write_result


def gazetteer_only(doc: Any) -> list[dict[str, Any]]:
    """Every gazetteer alias hit in a tokenised ``doc`` as {text, start, end, name, country}."""
    from rasd.gazetteer import gazetteer
    from rasd.gazetteer.build import prior
    from rasd.gazetteer.lookup import BLOCKED

    gaz = gazetteer()
    out = []
    for m in gaz.matcher.find(doc):
        if m.payload == BLOCKED:
            continue
        entries = gaz.candidates(m.payload)
        if not entries:
            continue
        best = max((gaz.place(idx) for idx, _need in entries), key=prior)
        out.append(
            {"text": m.text, "start": m.start, "end": m.end, "name": best.name, "country": best.country}
        )
    return out


def rasd_places(doc: Any) -> list[dict[str, Any]]:
    """The places stage's ``place`` spans of ``doc`` (run through the places stage)."""
    return [
        {
            "text": s.text_of(doc),
            "start": s.start,
            "end": s.end,
            "name": s.data.get("name"),
            "country": s.data.get("country"),
        }
        for s in doc.get("place")
    ]


def _prepared(text: str, published: str | None) -> Any:
    """A document read up to the stage just before places."""
    from rasd.pipeline import read, stages

    names = [name for name, _ in stages()]
    return read(text, published=published, until=names[names.index("places") - 1])


def quality() -> dict[str, Any]:
    from rasd.stages.places import places

    score = scorer()
    arts, gold = dev_corpus()
    tallies = {tool: {"tp": 0, "fp": 0, "fn": 0, "country_ok": 0} for tool in ("gazetteer_only", "rasd")}
    per_article = []
    for a in arts:
        g = gold.get(a["id"])
        if g is None:
            continue
        doc = _prepared(a["text"], a.get("published"))
        preds = {"gazetteer_only": gazetteer_only(doc)}
        preds["rasd"] = rasd_places(places(doc))
        row: dict[str, Any] = {"id": a["id"], "gold": len(g.get("places") or [])}
        for tool, pred in preds.items():
            tp, n_pred, n_gold, ok = _match(score, g.get("places") or [], pred)
            t = tallies[tool]
            t["tp"] += tp
            t["fp"] += n_pred - tp
            t["fn"] += n_gold - tp
            t["country_ok"] += ok
            row[tool] = {"found": tp, "predicted": n_pred}
        per_article.append(row)
    summary = {}
    for tool, t in tallies.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        summary[tool] = {
            **t,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "country_accuracy": round(t["country_ok"] / t["tp"], 3) if t["tp"] else None,
        }
    return {"articles": len(per_article), "summary": summary, "per_article": per_article}


def _match(score: Any, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int, int, int]:
    """(matched, distinct predictions, gold, matched in the right country), as score.py counts."""
    distinct, seen = [], set()
    for x in pred:
        k = score.norm(x["text"])
        if k and k not in seen:
            seen.add(k)
            distinct.append(x)
    pairs = score.greedy_match(
        gold, distinct, lambda gx, px: 1 if score.same_surface(gx["surface"], px["text"]) else 0
    )
    ok = sum(gold[i].get("country") == distinct[j]["country"] for i, j in pairs)
    return len(pairs), len(distinct), len(gold), ok


def speed(n: int) -> dict[str, Any]:
    from rasd.stages.places import places

    arts = bench_articles(n)
    docs = [_prepared(a["text"], a["published"]) for a in arts]
    gazetteer_only(docs[0])
    wall_g, cpu_g, found_g = timed(lambda: sum(len(gazetteer_only(d)) for d in docs))
    wall_r, cpu_r, found_r = timed(lambda: sum(len(places(d).get("place")) for d in docs))

    def row(tool: str, wall: float, cpu: float, found: int) -> dict[str, Any]:
        return {
            "tool": tool,
            "seconds": round(wall, 3),
            "cpu_seconds": round(cpu, 3),
            "articles_per_s": rate(n, wall),
            "articles_per_cpu_s": rate(n, cpu),
            "cpu_ms_per_article": round(1000 * cpu / n, 3),
            "places_found": found,
        }

    return {
        "articles": n,
        "rows": [
            row("gazetteer-only tagger", wall_g, cpu_g, found_g),
            row("rasd places stage", wall_r, cpu_r, found_r),
        ],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--quick", action="store_true", help="100 articles")
    a = ap.parse_args()
    result = {
        "quality": quality(),
        "speed": speed(100 if a.quick else a.articles),
        "note": "the dev corpus is 11 articles (about 70 gold places): orientation only",
        "quick": a.quick,
    }
    path = write_result("places", result)
    s = result["quality"]["summary"]
    print(
        f"{path.name}: dev P/R gazetteer-only {s['gazetteer_only']['precision']}/{s['gazetteer_only']['recall']}, "
        f"rasd {s['rasd']['precision']}/{s['rasd']['recall']}"
    )


if __name__ == "__main__":
    main()
