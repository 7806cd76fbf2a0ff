"""The metrics of shared/tools/score.py, plus exact-boundary entity F1, a confusion table of
event types and the list of misses.

Entities: distinct surface forms per type, matched leniently (``same_surface``) and exactly
(equal after folding). Places: found (recall, precision), right country, right place.
Events: one-to-one matching on type, country and place (negated predictions left out;
optional gold events cost nothing either way); type F1 over the multiset of types; argument
accuracy over matched pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasd.evaluation.surface import folded, same_surface


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Ratio:
    ok: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += bool(ok)

    @property
    def value(self) -> float | None:
        return self.ok / self.n if self.n else None


@dataclass
class Scores:
    articles: int = 0
    missing_reports: int = 0
    entities: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in ("PER", "ORG", "LOC")})
    entities_exact: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    geo_country: Ratio = field(default_factory=Ratio)
    geo_place: Ratio = field(default_factory=Ratio)
    events: Tally = field(default_factory=Tally)
    types: Tally = field(default_factory=Tally)
    args: dict[str, Ratio] = field(
        default_factory=lambda: {k: Ratio() for k in ("actor", "target", "place", "date", "counts")}
    )
    offsets: Ratio = field(default_factory=Ratio)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def entity_total(self) -> Tally:
        t = Tally()
        for x in self.entities.values():
            t.tp, t.fp, t.fn = t.tp + x.tp, t.fp + x.fp, t.fn + x.fn
        return t

    def as_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "articles": self.articles,
            "missing_reports": self.missing_reports,
            "entity_f1": r(self.entity_total().f1),
            "entity_f1_exact": r(self.entities_exact.f1),
            "entity_f1_by_type": {t: r(v.f1) for t, v in self.entities.items()},
            "place_recall": r(self.places.recall),
            "place_precision": r(self.places.precision),
            "geocode_country_acc": r(self.geo_country.value),
            "geocode_place_acc": r(self.geo_place.value),
            "event_f1": r(self.events.f1),
            "event_precision": r(self.events.precision),
            "event_recall": r(self.events.recall),
            "event_type_f1": r(self.types.f1),
            "arg_acc": {k: r(v.value) for k, v in self.args.items()},
            "offsets_ok": r(self.offsets.value),
        }


def greedy_match(
    golds: list[Any], preds: list[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index), best scores first; a score <= 0 never pairs."""
    cands = sorted(
        ((s, i, j) for i, g in enumerate(golds) for j, p in enumerate(preds) if (s := score(g, p)) > 0),
        key=lambda c: -c[0],
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _distinct(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        k = folded(x)
        if k and k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _text(x: Any) -> str | None:
    if x is None or isinstance(x, str):
        return x
    return x.get("text") or x.get("surface")


def count_ok(gold_q: dict[str, Any], pred_q: Any) -> bool:
    """Counts agree: exactly, or for a vague gold amount, same kind or within half."""
    if not isinstance(pred_q, dict) or gold_q.get("value") is None or pred_q.get("value") is None:
        return False
    gv, pv = gold_q["value"], pred_q["value"]
    vague = {"dozens": "tens", "tens": "tens", "hundreds": "hundreds", "thousands": "thousands"}
    if gold_q.get("qualifier") in vague:
        return vague[gold_q["qualifier"]] == vague.get(pred_q.get("qualifier")) or abs(pv - gv) <= 0.5 * gv
    return abs(pv - gv) < 1e-6


def event_score(g: dict[str, Any], p: dict[str, Any], typed: bool = True) -> float:
    if typed and g.get("type") != p.get("type"):
        return 0
    gc, pc = g.get("country"), p.get("country")
    if gc and pc and gc != pc:
        return 0
    s = 1.0
    gp, pp = _text(g.get("place")), _text(p.get("place"))
    if gp and pp:
        s += 2 if same_surface(gp, pp) else -0.5
    if g.get("mode") and g.get("mode") == p.get("mode"):
        s += 0.5
    for k, gq in (g.get("counts") or {}).items():
        s += count_ok(gq, (p.get("counts") or {}).get(k))
    ga, pa = _text(g.get("actor")), _text(p.get("actor"))
    if ga and pa and same_surface(ga, pa):
        s += 0.5
    eg, ep = folded(g.get("evidence")), folded(_text(p.get("evidence")))
    if eg and ep and (eg in ep or ep in eg):
        s += 1
    return s


def _check_offsets(obj: Any, text: str, ratio: Ratio) -> None:
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys() and isinstance(obj.get("start"), int):
            ratio.add(text[obj["start"] : obj["end"]] == obj["text"])
        for v in obj.values():
            _check_offsets(v, text, ratio)
    elif isinstance(obj, list):
        for v in obj:
            _check_offsets(v, text, ratio)


def score(preds: dict[str, dict], gold: dict[str, dict], texts: dict[str, str] | None = None) -> Scores:
    """Score predicted reports against gold annotations, both keyed by article id."""
    sc = Scores(articles=len(gold))
    texts = texts or {}
    for gid, g in gold.items():
        p = preds.get(gid)
        if p is None:
            sc.missing_reports += 1
            p = {"entities": [], "places": [], "events": []}
        if gid in texts:
            _check_offsets(p, texts[gid], sc.offsets)
        _score_entities(sc, gid, g, p)
        _score_places(sc, gid, g, p)
        _score_events(sc, gid, g, p)
    return sc


def _score_entities(sc: Scores, gid: str, g: dict, p: dict) -> None:
    for t, tally in sc.entities.items():
        gs = _distinct((g.get("entities") or {}).get(t, []))
        ps = _distinct([e.get("text", "") for e in p.get("entities", []) if e.get("type") == t])
        pairs = greedy_match(
            gs, ps, lambda x, y: 2 if folded(x) == folded(y) else (1 if same_surface(x, y) else 0)
        )
        tally.add(len(pairs), len(ps), len(gs))
        exact = greedy_match(gs, ps, lambda x, y: 1 if folded(x) == folded(y) else 0)
        sc.entities_exact.add(len(exact), len(ps), len(gs))
        hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
        sc.misses += [f"{gid} {t} missed: {x}" for i, x in enumerate(gs) if i not in hit_g]
        sc.misses += [f"{gid} {t} spurious: {x}" for j, x in enumerate(ps) if j not in hit_p]


def _score_places(sc: Scores, gid: str, g: dict, p: dict) -> None:
    gpl = g.get("places") or []
    seen: set[str] = set()
    ppl = []
    for x in p.get("places", []):
        k = folded(x.get("text", ""))
        if k and k not in seen:
            seen.add(k)
            ppl.append(x)
    pairs = greedy_match(gpl, ppl, lambda x, y: 1 if same_surface(x["surface"], y.get("text", "")) else 0)
    sc.places.add(len(pairs), len(ppl), len(gpl))
    for i, j in pairs:
        gx, px = gpl[i], ppl[j]
        sc.geo_country.add(gx.get("country") == px.get("country"))
        if gx.get("geonameid") is not None and px.get("geonameid") is not None:
            sc.geo_place.add(gx["geonameid"] == px["geonameid"])
        else:
            gn, pn = (gx.get("name_en") or "").lower(), (px.get("name") or "").lower()
            sc.geo_place.add(
                bool(gn and pn) and (gn in pn or pn in gn) and gx.get("country") == px.get("country")
            )
    hit = {i for i, _ in pairs}
    sc.misses += [f"{gid} place missed: {x['surface']}" for i, x in enumerate(gpl) if i not in hit]
    hit_p = {j for _, j in pairs}
    sc.misses += [f"{gid} place spurious: {x.get('text')}" for j, x in enumerate(ppl) if j not in hit_p]


def _arg(sc: Scores, gid: str, key: str, ok: bool, gold: Any, pred: Any, where: str) -> None:
    """Tally one argument of a matched event; a wrong one joins the misses with both readings."""
    sc.args[key].add(ok)
    if not ok:
        sc.misses.append(f"{gid} {key} wrong: gold {gold!r}, rasd {pred!r} in {where}")


def _score_events(sc: Scores, gid: str, g: dict, p: dict) -> None:
    gev = g.get("events") or []
    pev = [e for e in p.get("events", []) if not e.get("negated")]
    pairs = greedy_match(gev, pev, event_score)
    opt_hit = {j for i, j in pairs if gev[i].get("optional")}
    n_opt = sum(1 for e in gev if e.get("optional"))
    sc.events.add(len(pairs) - len(opt_hit), len(pev) - len(opt_hit), len(gev) - n_opt)
    gt = [e["type"] for e in gev if not e.get("optional")]
    pt = [e.get("type") for j, e in enumerate(pev) if j not in opt_hit]
    sc.types.add(sum(min(gt.count(t), pt.count(t)) for t in set(gt)), len(pt), len(gt))
    pairs = [(i, j) for i, j in pairs if not gev[i].get("optional")]
    for i, j in pairs:
        ge, pe = gev[i], pev[j]
        where = f"{ge['type']} '{(ge.get('evidence') or '')[:50]}'"
        for k in ("actor", "target"):
            if ge.get(k):
                _arg(sc, gid, k, same_surface(ge[k], _text(pe.get(k))), ge[k], _text(pe.get(k)), where)
        if ge.get("place"):
            gp, pp = _text(ge["place"]), _text(pe.get("place"))
            _arg(sc, gid, "place", same_surface(gp, pp), gp, pp, where)
        if ge.get("date"):
            pd = pe.get("date") or ""
            ok = len(pd) >= 7 and (pd.startswith(ge["date"]) or ge["date"].startswith(pd))
            _arg(sc, gid, "date", ok, ge["date"], pd or None, where)
        for ck, gq in (ge.get("counts") or {}).items():
            pq = (pe.get("counts") or {}).get(ck)
            _arg(
                sc,
                gid,
                "counts",
                count_ok(gq, pq),
                f"{ck}={gq.get('value')}",
                f"{ck}={(pq or {}).get('value')}",
                where,
            )
    # confusion: every gold event against its best prediction of any type
    any_pairs = dict(greedy_match(gev, p.get("events", []), lambda a, b: event_score(a, b, typed=False)))
    for i, e in enumerate(gev):
        if e.get("optional"):
            continue
        j = any_pairs.get(i)
        sc.confusion[(e["type"], p["events"][j]["type"] if j is not None else "NONE")] += 1
    matched_p = set(any_pairs.values())
    for j, e in enumerate(p.get("events", [])):
        if j not in matched_p and not e.get("negated"):
            sc.confusion[("NONE", e["type"])] += 1
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs} | opt_hit
    sc.misses += [
        f"{gid} event missed: {e['type']}/{e.get('mode')} @ {_text(e.get('place')) or e.get('country')}: {(e.get('evidence') or '')[:80]}"
        for i, e in enumerate(gev)
        if i not in hit_g and not e.get("optional")
    ]
    sc.misses += [
        f"{gid} event spurious: {e.get('type')}/{e.get('mode')} @ {_text(e.get('place')) or e.get('country')}: {(_text(e.get('evidence')) or '')[:80]}"
        for j, e in enumerate(pev)
        if j not in hit_p
    ]
