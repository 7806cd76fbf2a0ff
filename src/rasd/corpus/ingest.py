"""``rasd ingest``: files and folders, RSS/Atom feeds, WARC files, into the store, once each.

Every item either lands in the store (or is already there: a no-op) or is recorded as a
failure with its reason, which ``retry_failed`` tries again.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rasd.corpus.fetch import FetchError, fetch
from rasd.corpus.workers import die_with_parent
from rasd.inputs import Article, BadRecord, check_text, html_to_text, parse_jsonl_line, read_inputs
from rasd.store import Store
from rasd.store.store import fingerprint


@dataclass
class IngestSummary:
    added: int = 0
    known: int = 0
    failed: int = 0
    messages: list[str] = field(default_factory=list)

    def merge(self, other: IngestSummary) -> None:
        self.added += other.added
        self.known += other.known
        self.failed += other.failed
        self.messages += other.messages


def is_url(source: str) -> bool:
    return source.startswith("http://") or source.startswith("https://")


def is_warc(source: str) -> bool:
    return source.endswith(".warc") or source.endswith(".warc.gz")


def _store(store: Store, item: Article | BadRecord, kind: str, summary: IngestSummary) -> None:
    if isinstance(item, BadRecord):
        store.record_failure(item.where, kind, item.reason)
        summary.failed += 1
        summary.messages.append(str(item))
        return
    _, created = store.add_article(item)
    store.resolve_failure(item.where)
    if created:
        summary.added += 1
    else:
        summary.known += 1


BATCH = 500
# reading and writing in this process is the slower part: more helpers than this wait idle
MAX_WORKERS = 4


def _fingerprints(texts: list[str]) -> list[tuple[str, str]]:
    return [fingerprint(t) for t in texts]


def ingest_files(store: Store, paths: Iterable[str], workers: int | None = None) -> IngestSummary:
    """Files and folders, stored in batches of ``BATCH`` articles a transaction.

    This process reads the records and writes the batches, in order; once there is more than
    one batch, ``workers`` processes (default: one per core, at most ``MAX_WORKERS``; 1: none)
    fold, hash and index the texts of the batches ahead (``fingerprint``), so reading, that
    and writing overlap.
    """
    summary = IngestSummary()
    workers = workers or min(os.cpu_count() or 1, MAX_WORKERS)
    batch: list[Article] = []
    pool: ProcessPoolExecutor | None = None
    ahead: deque[tuple[list[Article], Future[list[tuple[str, str]]] | None]] = deque()

    def write(arts: list[Article], prints: list[tuple[str, str]] | None) -> None:
        store.resolve_failure([a.where for a in arts])
        for _, created in store.add_articles(arts, prints):
            summary.added += created
            summary.known += not created

    def flush(last: bool = False) -> None:
        nonlocal pool, batch
        if batch:
            if pool is None and workers > 1 and not (last and not ahead):
                pool = ProcessPoolExecutor(workers, initializer=die_with_parent, initargs=(os.getpid(),))
            job = pool.submit(_fingerprints, [a.text for a in batch]) if pool else None
            ahead.append((batch, job))
            batch = []
        while ahead and (last or len(ahead) > workers):
            arts, job = ahead.popleft()
            write(arts, job.result() if job else None)

    try:
        for item in read_inputs(paths):
            if isinstance(item, BadRecord):
                _store(store, item, "file", summary)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                flush()
        flush(last=True)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


def _date_of(struct: object) -> dt.date | None:
    if struct is None:
        return None
    try:
        return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return None


def page_article(
    url: str, body: bytes, published: dt.date | None, outlet: str | None, title: str | None
) -> Article | BadRecord:
    """An article from a fetched HTML page, or why not."""
    try:
        html = body.decode("utf-8")
    except UnicodeDecodeError:
        html = body.decode("cp1256", errors="replace")
    text, page_title = html_to_text(html)
    reason = check_text(text) if text else "no main text found in the page"
    if reason:
        return BadRecord(url, reason)
    return Article(
        id=url, text=text, published=published, outlet=outlet, url=url, title=title or page_title, where=url
    )


def ingest_page(
    store: Store,
    url: str,
    published: dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    try:
        body, _ = fetch(url)
    except FetchError as e:
        _store(store, BadRecord(url, f"page: {e}"), "page", summary)
        return summary
    _store(store, page_article(url, body, published, outlet, title), "page", summary)
    return summary


def ingest_feed(store: Store, url: str) -> IngestSummary:
    """Every new item of an RSS/Atom feed: its page fetched and its main text stored."""
    import feedparser

    summary = IngestSummary()
    try:
        body, _ = fetch(url)
    except FetchError as e:
        _store(store, BadRecord(url, f"feed: {e}"), "feed", summary)
        return summary
    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        _store(store, BadRecord(url, "feed: not an RSS or Atom feed"), "feed", summary)
        return summary
    store.resolve_failure(url)
    outlet = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        if store.has_url(link):
            summary.known += 1
            continue
        published = _date_of(entry.get("published_parsed") or entry.get("updated_parsed"))
        summary.merge(ingest_page(store, link, published, outlet, entry.get("title")))
    return summary


def ingest_warc(store: Store, path: str) -> IngestSummary:
    """HTML responses of a WARC file (such as Common Crawl's news crawl)."""
    from warcio.archiveiterator import ArchiveIterator

    summary = IngestSummary()
    try:
        stream = Path(path).open("rb")
    except OSError as e:
        _store(store, BadRecord(path, f"cannot read ({e.strerror})"), "warc", summary)
        return summary
    with stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if ctype and "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or path
            if store.has_url(url):
                summary.known += 1
                continue
            warc_date = record.rec_headers.get_header("WARC-Date") or ""
            try:
                published = dt.date.fromisoformat(warc_date[:10]) if warc_date else None
            except ValueError:
                published = None
            body = record.content_stream().read()
            item = page_article(url, body, published, None, None)
            if isinstance(item, BadRecord):
                item = BadRecord(f"{path}#{url}", item.reason)
            _store(store, item, "warc", summary)
    return summary


def ingest(store: Store, sources: Iterable[str], workers: int | None = None) -> IngestSummary:
    """Ingest every source: URLs are feeds, *.warc(.gz) are WARC files, the rest files/folders.

    ``workers``: processes that help with files (see ``ingest_files``).
    """
    summary = IngestSummary()
    files: list[str] = []
    for source in sources:
        if is_url(source):
            summary.merge(ingest_feed(store, source))
        elif is_warc(source):
            summary.merge(ingest_warc(store, source))
        else:
            files.append(source)
    if files:
        summary.merge(ingest_files(store, files, workers))
    return summary


def retry_failed(store: Store) -> IngestSummary:
    """Try every unresolved failure again, by its kind."""
    summary = IngestSummary()
    for source, kind, _reason, _attempts in store.failures():
        if kind == "feed":
            summary.merge(ingest_feed(store, source))
        elif kind == "page":
            summary.merge(ingest_page(store, source))
        elif kind == "warc":
            summary.merge(ingest_warc(store, source.split("#", 1)[0]))
        else:
            path, _, line = source.rpartition(":")
            if path and line.isdigit():
                summary.merge(_retry_line(store, source, path, int(line)))
            else:
                summary.merge(ingest_files(store, [source]))
    return summary


def _retry_line(store: Store, source: str, path: str, line: int) -> IngestSummary:
    """Re-read one line of a JSONL file (it may have been fixed since)."""
    summary = IngestSummary()
    try:
        raw = Path(path).read_bytes().splitlines()[line - 1]
    except (OSError, IndexError):
        _store(store, BadRecord(source, "the record is gone"), "file", summary)
        return summary
    _store(store, parse_jsonl_line(raw, source, None), "file", summary)
    return summary


def watch(
    store: Store,
    feeds: list[str],
    interval: float = 300.0,
    max_backoff: float = 3600.0,
    rounds: int | None = None,
    on_round: Callable[[int, IngestSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Poll feeds every ``interval`` seconds; a failing feed waits twice as long each time."""
    wait_until = dict.fromkeys(feeds, 0.0)
    delay = dict.fromkeys(feeds, interval)
    n = 0
    while rounds is None or n < rounds:
        n += 1
        now = clock()
        total = IngestSummary()
        for feed in feeds:
            if wait_until[feed] > now:
                continue
            result = ingest_feed(store, feed)
            ok = not any(m.startswith(f"{feed}: feed:") for m in result.messages)
            delay[feed] = interval if ok else min(delay[feed] * 2, max_backoff)
            wait_until[feed] = now + delay[feed]
            total.merge(result)
        if on_round:
            on_round(n, total)
        if rounds is None or n < rounds:
            sleep(max(0.0, min(wait_until.values()) - clock()) if wait_until else interval)
