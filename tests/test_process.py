"""`rasd process`: parallel extraction that survives interruption and re-runs cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

import rasd
from rasd.corpus.process import process
from rasd.inputs import Article
from rasd.store import Store
from rasd.store.models import Article as ArticleRow
from rasd.store.models import Report

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"


def sample_articles() -> list[dict]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def fill(store: Store, n: int | None = None) -> list[dict]:
    arts = sample_articles()
    if n is not None:
        # more articles than the samples: each variant is a distinct text
        arts = [
            dict(a, id=f"{a['id']}-{k}", text=f"{a['text']}\n(نسخة {k})")
            for k in range(n // len(arts) + 1)
            for a in arts
        ][:n]
    for a in arts:
        store.add_article(
            Article(
                id=a["id"],
                text=a["text"],
                published=rasd.inputs.parse_date(a.get("published")),
                outlet=a.get("outlet"),
            )
        )
    return arts


def stored_reports(store: Store) -> dict[str, dict]:
    with store.session() as s:
        rows = s.execute(
            select(ArticleRow.ext_id, Report.report).join(Report, Report.article_id == ArticleRow.id)
        ).all()
    return {r[0]: r[1] for r in rows}


@pytest.mark.parametrize("workers", [1, 2])
def test_process_stores_what_extract_gives(db_url: str, workers: int) -> None:
    store = Store(db_url)
    arts = fill(store)
    summary = process(store, workers=workers, chunk_size=5)
    assert summary.articles == len(arts) and summary.errors == 0
    reports = stored_reports(store)
    assert set(reports) == {a["id"] for a in arts}
    for a in arts[:5]:
        direct = rasd.extract(
            a["text"], published=a["published"], id=a["id"], outlet=a.get("outlet")
        ).to_dict()
        assert reports[a["id"]] == json.loads(json.dumps(direct))
    # nothing is pending any more: a second run does nothing
    assert process(store, workers=workers).articles == 0


def test_kill_9_then_rerun_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.db")
    store = Store(db)
    arts = fill(store, 1500)
    exe = Path(sys.executable).with_name("rasd")
    proc = subprocess.Popen(
        [str(exe), "process", "--db", db, "--workers", "1", "--chunk-size", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline:
        with store.session() as s:
            done = s.scalar(select(func.count(Report.article_id))) or 0
        if done >= 20:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(stored_reports(store))
    assert 20 <= partial < len(arts), "the run must be killed part-way"
    # the re-run does only what is left
    summary = process(store, workers=1, chunk_size=50)
    assert summary.articles == len(arts) - partial
    reports = stored_reports(store)
    assert len(reports) == len(arts)
    with store.session() as s:
        assert s.scalar(select(func.count(ArticleRow.id)).where(ArticleRow.processed_at.is_(None))) == 0


def test_reprocess_after_a_lexicon_change(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_url)
    arts = fill(store)[:3]
    process(store)
    assert process(store, reprocess=True).articles == 0  # same lexicons: nothing to redo
    import rasd.corpus.process as proc_mod

    monkeypatch.setattr(proc_mod, "pipeline_version", lambda: "changed")
    assert process(store, reprocess=True).articles == len(sample_articles())
    assert len(arts) == 3
    with store.session() as s:
        versions = set(s.scalars(select(ArticleRow.lexicon_version)))
    assert versions == {"changed"}


def test_dask_engine_on_a_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    store = Store(str(tmp_path / "rasd.db"))
    arts = fill(store)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster) as client:
            summary = process(store, engine="dask", scheduler=client, chunk_size=7)
    assert summary.articles == len(arts)
    local = Store(str(tmp_path / "local.db"))
    fill(local)
    process(local)
    assert stored_reports(store) == stored_reports(local)


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "rasd.db"))
    fill(store)
    with pytest.raises(ValueError, match="unknown engine"):
        process(store, engine="spark")
    with pytest.raises(ValueError, match="scheduler"):
        process(store, engine="dask")
