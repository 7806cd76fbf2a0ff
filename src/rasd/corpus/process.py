"""``rasd process``: extract every unprocessed article of a store, in parallel.

Work is cut into chunks; each chunk's results are stored in one transaction together with
the articles' processed mark, so a run interrupted at any point (Ctrl-C, kill -9) and run
again finishes the rest with nothing lost and nothing done twice.

Engines: ``local`` (a process pool, ``workers`` processes; 1 runs in this process) and
``dask`` (a Dask distributed cluster at ``scheduler``, e.g. tcp://host:8786).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from rasd.corpus.workers import die_with_parent
from rasd.store import Store
from rasd.store.store import EncodedResult, encode_result
from rasd.version import pipeline_version

Result = tuple[int, dict[str, Any] | None, str | None]


@dataclass
class ProcessSummary:
    articles: int = 0
    errors: int = 0
    events: int = 0


def extract_chunk(articles: list[dict[str, Any]]) -> list[Result]:
    """Extract each article; an error costs only that article. Runs in worker processes."""
    from rasd.api import extract

    out: list[Result] = []
    for a in articles:
        try:
            report = extract(
                a["text"],
                published=a["published"],
                id=a["id"],
                outlet=a["outlet"],
                url=a["url"],
                title=a["title"],
            )
            out.append((a["article_id"], report.to_dict(), None))
        except Exception as e:  # recorded on the article, the run goes on
            out.append((a["article_id"], None, f"{type(e).__name__}: {e}"))
    return out


def process_chunk(articles: list[dict[str, Any]]) -> list[EncodedResult]:
    """``extract_chunk``, each result encoded for the store (JSON text, flat event rows).

    Runs in the workers: what comes back to the parent is strings and tuples, cheap to
    unpickle and stored as they are.
    """
    return [encode_result(*r) for r in extract_chunk(articles)]


def _warm() -> None:
    """Load lexicons and the gazetteer once per worker, before the first chunk."""
    from rasd.api import extract

    extract("تجربة", id="warm")


def _init_worker(parent: int) -> None:
    die_with_parent(parent)
    _warm()


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _run_local(
    store: Store, chunks: list[list[int]], workers: int, save: Callable[[list[EncodedResult]], None]
) -> None:
    if workers <= 1:
        for chunk in chunks:
            save(process_chunk(store.articles(chunk)))
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),)) as pool:
        pending: set[Future[list[EncodedResult]]] = set()
        it = iter(chunks)
        for chunk in it:
            pending.add(pool.submit(process_chunk, store.articles(chunk)))
            if len(pending) >= workers * 2:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    save(f.result())
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                save(f.result())


def _run_dask(
    store: Store, chunks: list[list[int]], scheduler: Any, save: Callable[[list[EncodedResult]], None]
) -> None:
    from distributed import Client, as_completed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = [client.submit(process_chunk, store.articles(chunk), pure=False) for chunk in chunks]
        for fut in as_completed(futures):
            save(fut.result())
    finally:
        if client is not scheduler:
            client.close()


def process(
    store: Store,
    workers: int = 1,
    engine: str = "local",
    scheduler: Any = None,
    chunk_size: int = 50,
    reprocess: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> ProcessSummary:
    """Process what is pending; ``on_progress(done, total)`` after each stored chunk."""
    version = pipeline_version()
    ids = store.pending_ids(reprocess=reprocess, version=version)
    summary = ProcessSummary()
    total = len(ids)
    if on_progress:
        on_progress(0, total)

    def save(results: list[EncodedResult]) -> None:
        store.save_encoded(results, version)
        summary.articles += len(results)
        summary.errors += sum(1 for r in results if r[4])
        summary.events += sum(len(r[3]) for r in results)
        if on_progress:
            on_progress(summary.articles, total)

    chunks = list(_chunks(ids, chunk_size))
    if engine == "dask":
        if scheduler is None:
            raise ValueError("--engine dask needs --scheduler tcp://host:port")
        _run_dask(store, chunks, scheduler, save)
    elif engine == "local":
        _run_local(store, chunks, workers, save)
    else:
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    return summary
