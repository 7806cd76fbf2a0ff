"""The command line: a thin layer over ``rasd.extract`` and ``rasd.inputs``.

    rasd extract PATH... [--published YYYY-MM-DD] [--format json|jsonl] [--output FILE]

Exit codes: 0 every input gave a report; 1 nothing could be read; 3 some records were bad
(each reported on stderr with where and why); 2 a usage error.
"""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from rasd.inputs import Article, BadRecord, read_inputs

if TYPE_CHECKING:
    from rasd.store import Store

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="rasd: Arabic news to evidence-linked event records."
)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"


def _err(message: str) -> None:
    typer.echo(f"rasd: {message}", err=True)


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint="--published") from None


@app.callback()
def main() -> None:
    """rasd reads Arabic news and turns each report into structured event records."""


class _Writer:
    """Writes reports as one JSON document (object or array) or as JSON lines, streaming."""

    def __init__(self, out: IO[str], fmt: Format) -> None:
        self.out, self.fmt, self.n = out, fmt, 0
        self._held: str | None = None

    def write(self, report_json: dict) -> None:
        import json

        if self.fmt is Format.jsonl:
            self.out.write(json.dumps(report_json, ensure_ascii=False) + "\n")
        else:
            text = json.dumps(report_json, ensure_ascii=False, indent=2)
            # one report prints as an object, several as an array: hold the first until we know
            if self.n == 0:
                self._held = text
            else:
                if self._held is not None:
                    self.out.write("[\n" + self._held)
                    self._held = None
                self.out.write(",\n" + text)
        self.n += 1

    def close(self) -> None:
        if self.fmt is Format.json:
            if self._held is not None:
                self.out.write(self._held + "\n")
            elif self.n > 1:
                self.out.write("\n]\n")
            elif self.n == 0:
                self.out.write("[]\n")
        self.out.flush()


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .html), folders, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="json: one object (array for several); jsonl: a line each.")
    ] = Format.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write reports to FILE instead of stdout.")
    ] = None,
    summary: Annotated[bool, typer.Option(help="Print a short readable summary on stderr.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no count line.")] = False,
) -> None:
    """Extract a report from every article in PATHS."""
    from rasd.api import extract as extract_one

    date = _published(published)
    n_reports, n_errors = 0, 0
    rows: list[dict] = []
    show_progress = not quiet and sys.stderr.isatty()
    out_cm = output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)
    with out_cm as out, _progress(show_progress) as progress:
        task = progress.add_task("extract", total=None) if progress is not None else None
        writer = _Writer(out, fmt)
        for item in read_inputs(paths, date):
            if isinstance(item, BadRecord):
                n_errors += 1
                _err(str(item))
                continue
            try:
                report = _extract_article(extract_one, item)
            except Exception as e:  # one article must never cost the others
                n_errors += 1
                _err(f"{item.where}: internal error: {type(e).__name__}: {e}")
                continue
            writer.write(report)
            n_reports += 1
            if summary:
                rows.append(report)
            if progress is not None and task is not None:
                progress.advance(task)
        writer.close()
    if summary:
        from rasd.summary import print_summary

        print_summary(rows, output)
    if not quiet:
        _err(f"{n_reports + n_errors} inputs: {n_reports} reports, {n_errors} errors")
    if n_reports == 0 and n_errors:
        raise typer.Exit(1)
    if n_errors:
        raise typer.Exit(3)


DbOption = Annotated[str, typer.Option("--db", envvar="RASD_DB", help="SQLite file or postgresql:// URL.")]


class _DatabaseErrors:
    """Turns a database failure during a command into one clear line and exit 1.

    Every batch is its own transaction, so what was committed stays and a re-run continues.
    """

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, _tb: object) -> bool:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            _err(
                f"database error: {reason}; work committed so far is kept, run the command again to continue"
            )
            raise typer.Exit(1)
        return False


def _open_store(db: str):  # type: ignore[no-untyped-def]
    from rasd.store import Store

    try:
        return Store(db)
    except Exception as e:  # a bad URL or an unreachable server: one clear line
        _err(f"cannot open the database {db}: {type(e).__name__}: {e}".splitlines()[0])
        raise typer.Exit(1) from None


@app.command()
def ingest(
    sources: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, feed URLs (http/https) or WARC files.")
    ] = None,
    db: DbOption = "rasd.db",
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Try earlier failures again.")] = False,
    watch: Annotated[bool, typer.Option(help="Keep polling the feed URLs.")] = False,
    interval: Annotated[float, typer.Option(help="Seconds between polls with --watch.")] = 300.0,
    rounds: Annotated[int | None, typer.Option(help="Stop --watch after N polls.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes that fold and hash the texts of files (default: one per core)."),
    ] = None,
) -> None:
    """Store articles once each; failures are kept with their reason."""

    with _DatabaseErrors():
        _ingest(_open_store(db), db, sources, retry_failed, watch, interval, rounds, workers)


def _ingest(
    store: Store,
    db: str,
    sources: list[str] | None,
    retry_failed: bool,
    watch: bool,
    interval: float,
    rounds: int | None,
    workers: int | None = None,
) -> None:
    from rasd.corpus import ingest as ing

    summary = ing.IngestSummary()
    if retry_failed:
        summary.merge(ing.retry_failed(store))
    if sources:
        if watch:
            feeds = [s for s in sources if ing.is_url(s)]
            if not feeds:
                raise typer.BadParameter("--watch needs feed URLs", param_hint="SOURCES")

            def report(n: int, r: ing.IngestSummary) -> None:
                _err(f"poll {n}: {r.added} new, {r.known} known, {r.failed} failed")

            try:
                ing.watch(store, feeds, interval=interval, rounds=rounds, on_round=report)
            except KeyboardInterrupt:
                _err("stopped")
            return
        summary.merge(ing.ingest(store, sources, workers))
    elif not retry_failed:
        raise typer.BadParameter("give SOURCES or --retry-failed")
    for m in summary.messages:
        _err(m)
    _err(
        f"{summary.added} new, {summary.known} already stored, {summary.failed} failed ({store.count_articles()} in {db})"
    )


@app.command()
def process(
    db: DbOption = "rasd.db",
    workers: Annotated[int, typer.Option(help="Worker processes (default: the CPU count).")] = 0,
    engine: Annotated[str, typer.Option(help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786.")
    ] = None,
    reprocess: Annotated[bool, typer.Option(help="Redo articles processed with other lexicons.")] = False,
    chunk_size: Annotated[int, typer.Option(help="Articles per committed batch.")] = 50,
) -> None:
    """Extract every unprocessed article, then regroup incidents."""
    import os

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from rasd.corpus.incidents import rebuild
    from rasd.corpus.process import process as run

    store = _open_store(db)
    workers = workers or os.cpu_count() or 1
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not sys.stderr.isatty(),
    ) as bar:
        task = bar.add_task("processing", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            with _DatabaseErrors():
                summary = run(
                    store,
                    workers=workers,
                    engine=engine,
                    scheduler=scheduler,
                    reprocess=reprocess,
                    chunk_size=chunk_size,
                    on_progress=progress,
                )
        except ValueError as e:
            _err(str(e))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            _err("interrupted: finished batches are stored; run again to process the rest")
            raise typer.Exit(130) from None
    with _DatabaseErrors():
        n_incidents = rebuild(store)
    _err(
        f"{summary.articles} articles processed ({summary.errors} errors), {summary.events} events, {n_incidents} incidents"
    )


SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
CountryOption = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type.")]
QueryOption = Annotated[str | None, typer.Option(help="Full-text query over the articles.")]


def _filters(since: str | None, until: str | None, country: str | None, type_: str | None, q: str | None):  # type: ignore[no-untyped-def]
    from rasd.corpus.filters import Filters

    return Filters(since=since, until=until, country=country, type=type_, q=q)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl, csv (ACLED columns), geojson or parquet.")
    ] = "jsonl",
    what: Annotated[str, typer.Option(help="events or incidents.")] = "events",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (needed for parquet).")
    ] = None,
    db: DbOption = "rasd.db",
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    type_: TypeOption = None,
    q: QueryOption = None,
) -> None:
    """Export events or incidents."""
    from rasd.corpus.export import FORMATS
    from rasd.corpus.export import export as run

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if what not in ("events", "incidents"):
        raise typer.BadParameter("use events or incidents", param_hint="--what")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    store = _open_store(db)
    n = run(store, fmt, output if output else sys.stdout, what, _filters(since, until, country, type_, q))
    _err(f"{n} {what} exported" + (f" to {output}" if output else ""))


@app.command()
def query(
    db: DbOption = "rasd.db",
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    type_: TypeOption = None,
    q: QueryOption = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    what: Annotated[str, typer.Option(help="events or incidents.")] = "events",
    min_sources: Annotated[int, typer.Option(help="With incidents: only those with this many sources.")] = 1,
) -> None:
    """Print matching events (or incidents) as a table."""
    from rasd.corpus.query import print_events, print_incidents

    if what not in ("events", "incidents"):
        raise typer.BadParameter("use events or incidents", param_hint="--what")
    store = _open_store(db)
    filters = _filters(since, until, country, type_, q)
    if what == "incidents":
        print_incidents(store, filters, limit, min_sources)
    else:
        print_events(store, filters, limit)


@app.command()
def serve(
    db: DbOption = "rasd.db",
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="RASD_TOKEN", help="Bearer token for write endpoints (required off loopback)."),
    ] = None,
) -> None:
    """Serve the HTTP API and the web page."""
    import ipaddress

    import uvicorn

    from rasd.web.api import create_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        raise typer.BadParameter(
            "binding beyond loopback needs --token (or RASD_TOKEN)", param_hint="--token"
        )
    app_ = create_app(_open_store(db), token=token, loopback=loopback)
    _err(f"serving {db} at http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold annotations, JSONL (shared/corpus/dev/gold.jsonl format).")
    ],
    articles: Annotated[Path, typer.Argument(help="The articles, JSONL ({id, text, published, ...}).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
    misses: Annotated[bool, typer.Option(help="List missed and spurious items.")] = True,
    reports: Annotated[
        Path | None, typer.Option(help="Also write rasd's reports to this JSONL file.")
    ] = None,
) -> None:
    """Score rasd against gold annotations: metrics, a confusion table and the misses."""
    import json

    from rich.console import Console

    from rasd.api import extract as extract_one
    from rasd.evaluation import score
    from rasd.evaluation.show import print_scores

    def load(path: Path) -> dict[str, dict]:
        out: dict[str, dict] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            _err(f"{path}: cannot read ({e.strerror})")
            raise typer.Exit(1) from None
        for n, line in enumerate(lines, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    _err(f"{path}:{n}: not JSON ({e.msg})")
                    raise typer.Exit(1) from None
                out[str(obj.get("id"))] = obj
        return out

    gold_data, arts = load(gold), load(articles)
    preds = {}
    for aid, a in arts.items():
        preds[aid] = extract_one(
            a["text"], published=a.get("published"), id=aid, outlet=a.get("outlet")
        ).to_dict()
    if reports:
        reports.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds.values()), encoding="utf-8"
        )
    sc = score(preds, gold_data, {k: v["text"] for k, v in arts.items()})
    if as_json:
        typer.echo(json.dumps(sc.as_dict(), ensure_ascii=False))
    else:
        print_scores(sc, Console(width=None if sys.stdout.isatty() else 160), misses=misses)


def _extract_article(extract_one, item: Article) -> dict:  # type: ignore[no-untyped-def]
    report = extract_one(
        item.text,
        published=item.published,
        id=item.id,
        outlet=item.outlet,
        url=item.url,
        title=item.title,
    )
    data = report.to_dict()
    data["warnings"] = list(item.warnings) + data["warnings"]
    return data


if __name__ == "__main__":
    app()
