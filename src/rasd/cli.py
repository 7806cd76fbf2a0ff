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
from typing import IO, Annotated

import typer

from rasd.inputs import Article, BadRecord, read_inputs

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
