"""`rasd evaluate`: the shared scorer's metrics, plus exact entity F1, confusion and misses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DEV, SHARED
from rasd.cli import app
from rasd.evaluation import score
from rasd.evaluation.surface import same_surface

GOLD = {
    "g1": {
        "id": "g1",
        "entities": {"PER": ["أحمد سالم"], "ORG": ["وزارة الداخلية"], "LOC": ["بغداد"]},
        "places": [
            {"surface": "بغداد", "name_en": "Baghdad", "geonameid": 98182, "country": "IQ", "kind": "city"}
        ],
        "events": [
            {
                "type": "COERCE",
                "mode": "arrest",
                "actor": "الشرطة",
                "target": None,
                "place": "بغداد",
                "country": "IQ",
                "date": "2024-03-02",
                "counts": {"arrested": {"value": 12, "qualifier": "exact"}},
                "evidence": "اعتقلت الشرطة 12 شخصا",
            },
            {
                "type": "PROTEST",
                "mode": "demo",
                "actor": None,
                "target": None,
                "place": "بغداد",
                "country": "IQ",
                "date": None,
                "counts": {},
                "evidence": "تظاهر المئات",
            },
        ],
    }
}
TEXT = "اعتقلت الشرطة 12 شخصا في بغداد. تظاهر المئات. قال أحمد سالم من وزارة الداخلية."


def span(text: str) -> dict:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text)}


def perfect() -> dict:
    place = span("بغداد") | {
        "geonameid": 98182,
        "name": "Baghdad",
        "country": "IQ",
        "admin1": "07",
        "kind": "city",
        "lat": 33.3,
        "lon": 44.4,
    }
    return {
        "id": "g1",
        "published": "2024-03-02",
        "entities": [
            span("أحمد سالم") | {"type": "PER"},
            span("وزارة الداخلية") | {"type": "ORG"},
            span("بغداد") | {"type": "LOC"},
        ],
        "places": [place],
        "events": [
            {
                "type": "COERCE",
                "mode": "arrest",
                "actor": span("الشرطة"),
                "target": None,
                "place": place,
                "country": "IQ",
                "date": "2024-03-02",
                "counts": {"arrested": {"value": 12, "qualifier": "exact"}},
                "evidence": span("اعتقلت الشرطة 12 شخصا"),
            },
            {
                "type": "PROTEST",
                "mode": "demo",
                "actor": None,
                "target": None,
                "place": place,
                "country": "IQ",
                "date": None,
                "counts": {},
                "evidence": span("تظاهر المئات"),
            },
        ],
    }


def test_a_perfect_report_scores_one() -> None:
    m = score({"g1": perfect()}, GOLD, {"g1": TEXT}).as_dict()
    assert m["entity_f1"] == m["entity_f1_exact"] == 1.0
    assert m["place_recall"] == m["geocode_country_acc"] == m["geocode_place_acc"] == 1.0
    assert m["event_f1"] == m["event_type_f1"] == 1.0
    assert m["arg_acc"] == {"actor": 1.0, "target": None, "place": 1.0, "date": 1.0, "counts": 1.0}
    assert m["offsets_ok"] == 1.0


def test_errors_are_counted_and_listed() -> None:
    pred = perfect()
    pred["events"][1]["type"] = "ASSAULT"  # wrong type
    pred["entities"][0] = span("أحمد") | {"type": "PER"}  # partial name: lenient yes, exact no
    pred["places"][0]["start"] += 1  # a bad offset
    sc = score({"g1": pred}, GOLD, {"g1": TEXT})
    m = sc.as_dict()
    assert m["entity_f1"] == 1.0 and m["entity_f1_exact"] < 1.0
    assert m["event_f1"] == 0.5
    assert sc.confusion[("PROTEST", "ASSAULT")] == 1 and sc.confusion[("COERCE", "COERCE")] == 1
    assert m["offsets_ok"] < 1.0
    assert any("event missed: PROTEST" in x for x in sc.misses)
    assert any("event spurious: ASSAULT" in x for x in sc.misses)


def test_wrong_arguments_are_listed_with_both_readings() -> None:
    pred = perfect()
    pred["events"][0]["actor"] = None
    pred["events"][0]["counts"] = {"arrested": {"value": 3, "qualifier": "exact"}}
    sc = score({"g1": pred}, GOLD, {"g1": TEXT})
    assert sc.as_dict()["arg_acc"]["actor"] == 0.0
    assert any(x.startswith("g1 actor wrong: gold 'الشرطة', rasd None in COERCE") for x in sc.misses)
    assert any("counts wrong: gold 'arrested=12', rasd 'arrested=3'" in x for x in sc.misses)
    assert not any("place wrong" in x or "date wrong" in x for x in sc.misses)


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("والخرطوم", "الخرطوم", True),
        ("للشرطة", "الشرطة", True),
        ("توكايف", "قاسم جومارت توكايف", True),
        ("الخرطوم", "أم درمان", False),
        ("", "بغداد", False),
    ],
)
def test_same_surface(a: str, b: str, same: bool) -> None:
    assert same_surface(a, b) is same


def test_agrees_with_the_shared_scorer(tmp_path: Path) -> None:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is not here")
    reports = tmp_path / "reports.jsonl"
    res = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(DEV / "gold.jsonl"),
            str(DEV / "articles.jsonl"),
            "--json",
            "--reports",
            str(reports),
        ],
    )
    assert res.exit_code == 0, res.output
    ours = json.loads(res.stdout)
    proc = subprocess.run(
        [
            sys.executable,
            str(scorer),
            str(reports),
            str(DEV / "gold.jsonl"),
            "--articles",
            str(DEV / "articles.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(proc.stdout)
    assert {k: ours[k] for k in theirs} == theirs


def test_cli_table_output() -> None:
    res = CliRunner().invoke(app, ["evaluate", str(DEV / "gold.jsonl"), str(DEV / "articles.jsonl")])
    assert res.exit_code == 0
    assert "event_f1" in res.stdout and "gold" in res.stdout
