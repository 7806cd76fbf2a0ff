"""`rasd ingest`: files, feeds over a real local HTTP server, WARC files; once each."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rasd.corpus import fetch as fetch_mod
from rasd.corpus.ingest import ingest, retry_failed, watch
from rasd.store import Store

PAGE_TEXT = [
    "قالت الشرطة في مدينة الموصل إنها اعتقلت سبعة أشخاص يشتبه في تورطهم بتفجير سوق شعبي أمس.",
    "خرج مئات المحتجين في مدينة صفاقس للمطالبة بتوفير فرص العمل ورفعوا لافتات تندد بالبطالة.",
]


def page(i: int) -> bytes:
    paras = "".join(f"<p>{PAGE_TEXT[i]} {PAGE_TEXT[i]}</p>" for _ in range(3))
    return (
        f'<html dir="rtl"><head><title>خبر {i}</title></head><body><nav>الرئيسية</nav>'
        f"<article><h1>عنوان الخبر {i}</h1>{paras}</article><footer>حقوق النشر</footer></body></html>"
    ).encode()


class Site:
    """What the local server serves; tests change it between runs."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.hits: dict[str, int] = {}


def rss(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>خبر</title><link>{base}{link}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for link in links
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Sample Feed</title>{items}</channel></rss>'.encode()


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            if self.path == "/slow":
                time.sleep(3)
            if self.path.startswith("/loop"):
                self.send_response(302)
                self.send_header("Location", "/loop" + str(state.hits[self.path]))
                self.end_headers()
                return
            status, body, ctype = state.routes.get(self.path, (404, b"not found", "text/plain"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_files_once(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "1", "text": PAGE_TEXT[0]}, ensure_ascii=False),
                "{broken",
                json.dumps({"id": "2", "text": PAGE_TEXT[1]}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    store = Store(db_url)
    first = ingest(store, [str(path)])
    assert (first.added, first.known, first.failed) == (2, 0, 1)
    again = ingest(store, [str(path)])
    assert (again.added, again.known, again.failed) == (0, 2, 1)
    assert store.count_articles() == 2
    assert [f[0] for f in store.failures()] == [f"{path}:2"]
    # the broken line is fixed: a retry stores it and clears the failure
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = json.dumps(
        {"id": "3", "text": "اندلعت اشتباكات في طرابلس " + PAGE_TEXT[0]}, ensure_ascii=False
    )
    path.write_text("\n".join(lines), encoding="utf-8")
    retried = retry_failed(store)
    assert retried.added == 1 and store.failures() == []


def test_feed_pages_are_fetched_once(site: tuple[Site, str], db_url: str) -> None:
    state, base = site
    state.routes["/feed.xml"] = (200, rss(base, ["/n/1", "/n/2", "/n/missing"]), "application/rss+xml")
    state.routes["/n/1"] = (200, page(0), "text/html; charset=utf-8")
    state.routes["/n/2"] = (200, page(1), "text/html; charset=utf-8")
    store = Store(db_url)
    first = ingest(store, [base + "/feed.xml"])
    assert (first.added, first.failed) == (2, 1)
    assert any("HTTP 404" in f[2] for f in store.failures())
    again = ingest(store, [base + "/feed.xml"])
    assert again.added == 0
    assert state.hits["/n/1"] == 1  # a stored URL is not fetched again
    # the missing page appears: retry-failed stores it
    state.routes["/n/missing"] = (
        200,
        page(0).replace(b"\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xb5\xd9\x84", "كركوك".encode()),
        "text/html",
    )
    assert retry_failed(store).added == 1
    assert store.failures() == []


@pytest.mark.parametrize(
    "path,body,reason",
    [
        ("/garbage", b"\x00\x01 not a feed at all", "not an RSS or Atom feed"),
        ("/loop", None, "too many redirects"),
        ("/slow", None, "timed out"),
        ("/gone", None, "HTTP 404"),
    ],
)
def test_bad_feeds_are_recorded(
    site: tuple[Site, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    body: bytes | None,
    reason: str,
) -> None:
    state, base = site
    if body is not None:
        state.routes[path] = (200, body, "text/html")
    monkeypatch.setattr(fetch_mod, "TIMEOUT_S", 1.0)
    store = Store(str(tmp_path / "rasd.db"))
    summary = ingest(store, [base + path])
    assert summary.failed == 1 and store.count_articles() == 0
    (failure,) = store.failures()
    assert failure[1] == "feed" and reason in failure[2]


def test_watch_backs_off_a_failing_feed(site: tuple[Site, str], tmp_path: Path) -> None:
    state, base = site
    state.routes["/feed.xml"] = (200, rss(base, ["/n/1"]), "application/rss+xml")
    state.routes["/n/1"] = (200, page(0), "text/html")
    store = Store(str(tmp_path / "rasd.db"))
    rounds: list[tuple[int, int]] = []
    now = [0.0]  # a simulated clock: each sleep moves it on, so the schedule is exact

    def sleep(seconds: float) -> None:
        now[0] += seconds

    watch(
        store,
        [base + "/feed.xml", base + "/down.xml"],
        interval=10,
        rounds=4,
        on_round=lambda n, r: rounds.append((r.added, r.failed)),
        sleep=sleep,
        clock=lambda: now[0],
    )
    assert store.count_articles() == 1
    assert rounds[0] == (1, 1)
    # the failing feed was polled fewer times than the good one
    assert state.hits["/down.xml"] < state.hits["/feed.xml"]


def test_warc(tmp_path: Path, db_url: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "news.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i, url in enumerate(["https://example.org/a", "https://example.org/b"]):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(page(i)), http_headers=headers
            )
            writer.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/x.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img
            )
        )
    store = Store(db_url)
    summary = ingest(store, [str(path)])
    assert summary.added == 2
    assert ingest(store, [str(path)]).added == 0
    assert store.has_url("https://example.org/a")


def test_worker_processes_store_what_one_process_stores(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    import rasd.corpus.ingest as ingest_mod
    from rasd.store.models import Article as Row

    monkeypatch.setattr(ingest_mod, "BATCH", 4)  # several batches ahead in the workers
    texts = [f"{PAGE_TEXT[i % 2]} (الخبر رقم {i // 3})" for i in range(30)]  # duplicates across batches
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines[:7] + ["{broken"] + lines[7:]), encoding="utf-8")

    def rows(store: Store) -> list[tuple]:
        with store.session() as s:
            return [
                tuple(r)
                for r in s.execute(
                    select(Row.ext_id, Row.content_hash, Row.search_text, Row.source).order_by(Row.id)
                )
            ]

    one = Store(str(tmp_path / "one.db"))
    alone = ingest_mod.ingest(one, [str(path)], workers=1)
    store = Store(db_url)
    pooled = ingest_mod.ingest(store, [str(path)], workers=2)
    assert (
        (pooled.added, pooled.known, pooled.failed) == (alone.added, alone.known, alone.failed) == (20, 10, 1)
    )
    assert rows(store) == rows(one)
    again = ingest_mod.ingest(store, [str(path)], workers=2)
    assert (again.added, again.known) == (0, 30)


@pytest.mark.parametrize("option,expected", [([], None), (["--workers", "1"], 1), (["--workers", "3"], 3)])
def test_cli_workers_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str], expected: int | None
) -> None:
    from typer.testing import CliRunner

    import rasd.corpus.ingest as ingest_mod
    from rasd.cli import app

    seen: list[int | None] = []
    real = ingest_mod.ingest_files

    def spy(store: Store, paths: list[str], workers: int | None = None) -> ingest_mod.IngestSummary:
        seen.append(workers)
        return real(store, paths, workers)

    monkeypatch.setattr(ingest_mod, "ingest_files", spy)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "1", "text": PAGE_TEXT[0]}, ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "r.db"), *option])
    assert res.exit_code == 0, res.output
    assert "1 new" in res.stderr
    assert seen == [expected]
