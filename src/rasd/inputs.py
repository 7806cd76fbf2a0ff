"""Reading articles from files, folders and standard input.

Kinds: ``.txt`` (one article; id = file name without extension), ``.jsonl`` (one
``{"id", "text", "published", "outlet", "url", "title"}`` a line), ``.html``/``.htm`` (main
text extracted with trafilatura), a folder (its files of those kinds, sorted) and ``-`` for
standard input (JSONL when its first character is ``{``, HTML when ``<``, else plain text).

``read_inputs`` yields one item per input record: an ``Article`` or a ``BadRecord`` saying
where and why, so a caller can always account for every input.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.arabic.charsets import arabic_ratio

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
MIN_ARABIC_RATIO = 0.3
# an "article" longer than this is not news (a dump, a book, an attack): refused with a reason
MAX_ARTICLE_CHARS = 1_000_000
# the language check reads the beginning of a text: enough to tell Arabic news from the rest
LANGUAGE_SAMPLE_CHARS = 1_500


@dataclass
class Article:
    id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    where: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class BadRecord:
    where: str  # "file" or "file:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class InputError(Exception):
    """Nothing could be read from an input (missing file, unknown kind)."""


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_date(value: object) -> dt.date | None:
    """A date from 'YYYY-MM-DD' (or a longer ISO timestamp); None when absent.

    >>> parse_date("2022-01-08T10:00:00Z")
    datetime.date(2022, 1, 8)
    """
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published is not a date: {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise ValueError(f"published is not a YYYY-MM-DD date: {value!r}") from e


def check_text(text: str) -> str | None:
    """Why ``text`` cannot be read as an Arabic article, or None when it can."""
    if len(text) > MAX_ARTICLE_CHARS:
        return f"longer than {MAX_ARTICLE_CHARS:,} characters ({len(text):,})"
    if not text.strip():
        return "empty text"
    if arabic_ratio(text[:LANGUAGE_SAMPLE_CHARS]) < MIN_ARABIC_RATIO:
        return "not Arabic text"
    return None


def html_to_text(html: str) -> tuple[str, str | None]:
    """The main text of an HTML page and its title (trafilatura); ('', None) when none."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    return text, (meta.title if meta is not None else None)


def _article(
    text: str, where: str, default_id: str, published: dt.date | None, **meta: object
) -> Article | BadRecord:
    reason = check_text(text)
    if reason:
        return BadRecord(where, reason)
    return Article(id=default_id, text=text, published=published, where=where, **meta)  # type: ignore[arg-type]


def _decode(data: bytes, where: str) -> str | BadRecord:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return BadRecord(where, f"not UTF-8 (byte {e.start})")


def parse_jsonl_line(line: bytes, where: str, published: dt.date | None) -> Article | BadRecord:
    """One JSONL record as an Article, or a BadRecord saying why it cannot be one."""
    raw = _decode(line, where)
    if isinstance(raw, BadRecord):
        return raw
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return BadRecord(where, f"not JSON ({e.msg})")
    if not isinstance(obj, dict):
        return BadRecord(where, "not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        return BadRecord(where, "no text")
    warnings: list[str] = []
    if _LONE_SURROGATE.search(text):
        # JSON can escape half of a UTF-16 pair ("\ud800"); one replacement character each keeps offsets
        text = _LONE_SURROGATE.sub("\ufffd", text)
        warnings.append("lone surrogates in the text were replaced with U+FFFD")
    try:
        date = parse_date(obj.get("published")) or published
    except ValueError as e:
        warnings.append(str(e))
        date = published
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else where.rsplit("/", 1)[-1]
    meta = {k: (str(obj[k]) if obj.get(k) not in (None, "") else None) for k in ("outlet", "url", "title")}
    item = _article(text, where, rid, date, **meta)
    if isinstance(item, Article):
        item.warnings = tuple(warnings)
    return item


def _read_jsonl(data: bytes, name: str, published: dt.date | None) -> Iterator[Article | BadRecord]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        yield parse_jsonl_line(line, f"{name}:{n}", published)


def _read_blob(
    data: bytes, name: str, kind: str, stem: str, published: dt.date | None
) -> Iterator[Article | BadRecord]:
    if kind == "jsonl":
        yield from _read_jsonl(data, name, published)
        return
    text = _decode(data, name)
    if isinstance(text, BadRecord):
        yield text
        return
    if kind == "html":
        text, title = html_to_text(text)
        if not text:
            yield BadRecord(name, "no main text found in the HTML")
            return
        yield _article(text, name, stem, published, title=title)
        return
    yield _article(text, name, stem, published)


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(f"{path}: unknown input kind {suffix or '(no extension)'}; use .txt, .jsonl or .html")


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    return "jsonl" if head == b"{" else "html" if head == b"<" else "text"


def expand(sources: Iterable[str]) -> list[str]:
    """Paths as given, folders replaced by their known files (sorted); '-' kept."""
    out: list[str] = []
    for s in sources:
        p = Path(s)
        if s != "-" and p.is_dir():
            out += [
                str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in KNOWN_SUFFIXES
            ]
        else:
            out.append(s)
    return out


def read_source(source: str, published: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """The records of one source; raises InputError when nothing can be read from it."""
    if source == "-":
        data = sys.stdin.buffer.read()
        yield from _read_blob(data, "<stdin>", _sniff(data), "stdin", published)
        return
    path = Path(source)
    kind = _kind_of(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(f"{source}: no such file") from e
    except OSError as e:
        raise InputError(f"{source}: cannot read ({e.strerror})") from e
    yield from _read_blob(data, source, kind, path.stem, published)


def read_inputs(sources: Iterable[str], published: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Every record of every source; a source that cannot be read at all is one BadRecord."""
    for source in expand(sources):
        try:
            yield from read_source(source, published)
        except InputError as e:
            yield BadRecord(source, str(e).removeprefix(f"{source}: "))
