"""Faults: kill -9 during ingest, a full disk, a database locked by another writer.
Each is recovered on the next run with nothing lost and nothing duplicated (issue 8, item 2)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import event, func, select
from typer.testing import CliRunner

from rasd.cli import app
from rasd.corpus.ingest import ingest
from rasd.corpus.process import process
from rasd.inputs import Article
from rasd.store import Store
from rasd.store.models import Article as ArticleRow
from rasd.store.models import Report

EXE = Path(sys.executable).with_name("rasd")
SENTENCES = [
    "اعتقلت الشرطة {n} أشخاص في مدينة الموصل أمس",
    "تظاهر {n} شخصا في صفاقس للمطالبة بفرص عمل",
    "قصفت طائرات مسيرة مواقع قرب كيدال وقتل {n} مسلحين",
]


def write_articles(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(s.format(n=i % 97 + 2) for s in SENTENCES) + f" (رقم {i})"
            f.write(
                json.dumps({"id": f"a{i}", "text": text, "published": "2024-03-05"}, ensure_ascii=False)
                + "\n"
            )


def counts(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        return (
            s.scalar(select(func.count(ArticleRow.id))) or 0,
            s.scalar(select(func.count(func.distinct(ArticleRow.content_hash)))) or 0,
            s.scalar(select(func.count(Report.article_id))) or 0,
        )


def test_kill_9_during_ingest_then_rerun(tmp_path: Path) -> None:
    src, db = tmp_path / "in.jsonl", str(tmp_path / "rasd.db")
    n = 20_000
    write_articles(src, n)
    store = Store(db)
    proc = subprocess.Popen(
        [str(EXE), "ingest", str(src), "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and counts(store)[0] == 0:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = counts(store)[0]
    assert 0 < partial < n, "the ingest must be killed part-way"
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", db])
    assert res.exit_code == 0, res.output
    assert f"{n - partial} new, {partial} already stored" in res.stderr
    total, distinct, _ = counts(store)
    assert total == distinct == n


def test_full_disk_during_process_then_rerun(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.db")
    store = Store(db)
    src = tmp_path / "in.jsonl"
    write_articles(src, 400)
    ingest(store, [str(src)])
    # a "disk" that is nearly full: SQLite may not grow the file past its current size + a little
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    full = Store(db, migrate=False)  # no connection yet: every one it opens gets the cap

    @event.listens_for(full.engine, "connect")
    def cap(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 20}")

    failed = False
    try:
        process(full, workers=1, chunk_size=10)
    except Exception as e:  # the database's own error, as a user would see it
        failed = "full" in str(e)
    assert failed, "the capped database must fill up"
    done_before = counts(store)[2]
    assert done_before < 400
    full.close()
    # space again: the re-run finishes exactly what is left
    summary = process(Store(db), workers=1, chunk_size=10)
    assert summary.articles == 400 - done_before
    assert counts(store)[2] == 400


def test_cli_reports_a_full_disk_in_one_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    import rasd.corpus.process as proc_mod

    db = str(tmp_path / "rasd.db")
    store = Store(db)
    store.add_article(Article(id="x", text="تظاهر المئات في عمان"))

    def disk_full(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(proc_mod, "process", disk_full)
    res = CliRunner().invoke(app, ["process", "--db", db, "--workers", "1"])
    assert res.exit_code == 1
    assert "database error: database or disk is full" in res.stderr
    assert "Traceback" not in res.output


def test_a_writer_waits_for_another_writers_lock(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.db")
    store = Store(db, busy_timeout_s=30)
    aid, _ = store.add_article(Article(id="x", text="تظاهر المئات في عمان"))
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    released = threading.Event()

    def release() -> None:
        time.sleep(1.5)
        other.execute("COMMIT")
        released.set()

    threading.Thread(target=release).start()
    summary = process(store, workers=1)
    assert released.is_set() and summary.articles == 1
    assert counts(store)[2] == 1


def test_a_lock_held_too_long_is_an_error_then_the_rerun_finishes(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.db")
    Store(db).add_article(Article(id="x", text="تظاهر المئات في عمان"))
    impatient = Store(db, busy_timeout_s=0.3)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        process(impatient, workers=1)
        raised = False
    except Exception as e:
        raised = "locked" in str(e)
    finally:
        other.execute("COMMIT")
    assert raised
    assert process(Store(db), workers=1).articles == 1


def test_pool_workers_end_with_a_killed_parent() -> None:
    script = (
        "import os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from rasd.corpus.workers import die_with_parent\n"
        "pool = ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),))\n"
        "list(pool.map(abs, range(4)))\n"
        "print(*pool._processes, flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    children = [int(p) for p in proc.stdout.readline().split()]
    assert len(children) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
        time.sleep(0.05)
    for p in alive:  # do not leave them behind when the test fails
        os.kill(p, signal.SIGKILL)
    assert alive == [], "pool workers outlived their parent"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
