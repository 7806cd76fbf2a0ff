"""The bundled sample corpus (samples/): well-formed input, and reports that keep the contract."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import rasd

REPO = Path(__file__).parents[1]
SAMPLES = REPO / "samples"
SCHEMA_PATH = Path(__file__).parents[2] / "shared" / "schema" / "report.schema.json"
FIELDS = ("id", "published", "outlet", "url", "title", "text")

# the incidents told by several outlets (see samples/README.md): ids, and a word each text uses
INCIDENTS = [
    (("sample-05", "sample-06", "sample-07"), ("أريحا",)),
    (("sample-12", "sample-13"), ("صفاقس",)),
    (("sample-19", "sample-20"), ("مقديشو", "موغاديشو")),
    (("sample-32", "sample-33"), ("طورخم", "تورخم")),
    (("sample-37", "sample-39"), ("جيبو",)),
    (("sample-51", "sample-53", "sample-54"), ("كيدال",)),
    (("sample-55", "sample-56", "sample-58"), ("خاركيف", "خاركوف")),
    (("sample-57", "sample-59", "sample-60"), ("الفاشر",)),
    (("sample-61", "sample-62", "sample-63"), ("درنة",)),
    (("sample-65", "sample-66", "sample-67"), ("تبليسي",)),
]

# reports that merely repeat another outlet's story and credit it:
# (the repeat, the credited outlet as the repeat writes it, the original report)
CREDITED_REPEATS = [
    ("sample-54", "ساحل مونيتور", "sample-51"),
    ("sample-60", "سامبل واير", "sample-59"),
    ("sample-67", "كوكاسوس واير", "sample-65"),
]
OUTLETS_IN_ARABIC = {
    "ساحل مونيتور": "Sahel Monitor",
    "سامبل واير": "Sample Wire",
    "كوكاسوس واير": "Caucasus Wire",
}


def load_records() -> list[dict[str, Any]]:
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


RECORDS = load_records()
BY_ID = {r["id"]: r for r in RECORDS}


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script.

    >>> arabic_share("بغداد abc")
    0.625
    """
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / max(len(letters), 1)


def test_enough_records_with_unique_ids() -> None:
    assert len(RECORDS) >= 64
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_record_is_well_formed(record: dict[str, Any]) -> None:
    assert set(FIELDS) <= set(record)
    assert all(isinstance(record[k], str) and record[k].strip() for k in FIELDS)
    assert dt.date.fromisoformat(record["published"])
    assert record["url"].startswith("https://") and ".example.org/" in record["url"]
    text = record["text"]
    assert len(text) >= 300
    assert 80 <= len(text.split()) <= 250
    assert arabic_share(text) > 0.9
    assert arabic_share(record["title"]) > 0.9


def test_outlets_and_dates_are_varied() -> None:
    assert len({r["outlet"] for r in RECORDS}) >= 6
    dates = {dt.date.fromisoformat(r["published"]) for r in RECORDS}
    assert len(dates) >= 15
    assert (max(dates) - min(dates)).days >= 14
    assert len({r["url"] for r in RECORDS}) == len(RECORDS)


@pytest.mark.parametrize(("ids", "names"), INCIDENTS, ids=lambda x: x[0] if isinstance(x, tuple) else None)
def test_incident_told_by_several_outlets(ids: tuple[str, ...], names: tuple[str, ...]) -> None:
    records = [BY_ID[i] for i in ids]
    assert len({r["outlet"] for r in records}) == len(records)
    dates = [dt.date.fromisoformat(r["published"]) for r in records]
    assert (max(dates) - min(dates)).days <= 1
    assert all(any(n in r["text"] for n in names) for r in records)


@pytest.mark.parametrize(("repeat_id", "credited", "original_id"), CREDITED_REPEATS)
def test_credited_repeat_names_the_original_outlet(repeat_id: str, credited: str, original_id: str) -> None:
    repeat, original = BY_ID[repeat_id], BY_ID[original_id]
    assert any(repeat_id in ids and original_id in ids for ids, _ in INCIDENTS)
    assert credited in repeat["text"]
    assert OUTLETS_IN_ARABIC[credited] == original["outlet"] != repeat["outlet"]
    assert original["published"] <= repeat["published"]


def test_readme_names_only_existing_records() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"sample-\d\d", readme))
    assert named and named <= set(BY_ID)
    assert all(i in readme for ids, _ in INCIDENTS for i in ids)


def test_single_txt_is_another_arabic_article() -> None:
    text = (SAMPLES / "single.txt").read_text(encoding="utf-8")
    assert len(text) >= 300 and arabic_share(text) > 0.9
    body = [p for p in text.splitlines() if p.strip()][1]
    assert all(body[:60] not in r["text"] for r in RECORDS)


class PageParser(HTMLParser):
    """Collects what the page test checks: tags seen, <html> attributes, title, <p>s in <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.html_attrs: dict[str, str | None] = {}
        self.title = ""
        self.article_paragraphs: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "html":
            self.html_attrs = dict(attrs)
        if tag == "p" and "article" in self._stack:
            self.article_paragraphs.append("")
        if tag not in {"meta", "link", "br"}:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "title":
            self.title += data
        elif self._stack and self._stack[-1] == "p" and "article" in self._stack:
            self.article_paragraphs[-1] += data


def test_page_html_is_an_arabic_news_page() -> None:
    parser = PageParser()
    parser.feed((SAMPLES / "page.html").read_text(encoding="utf-8"))
    assert {"title", "nav", "article", "footer"} <= parser.tags
    assert parser.html_attrs.get("dir") == "rtl" and parser.html_attrs.get("lang") == "ar"
    assert arabic_share(parser.title) > 0.9
    long_paragraphs = [p for p in parser.article_paragraphs if len(p) > 80]
    assert len(long_paragraphs) >= 4
    body = " ".join(long_paragraphs)
    assert arabic_share(body) > 0.9
    assert all(long_paragraphs[0][:60] not in r["text"] for r in RECORDS)


# --- the pipeline on the samples: reports keep the contract --------------------------------


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a report that is a span (has text, start and end), at any depth."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from spans(item)


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA_PATH.exists():
        pytest.skip(f"report schema not found at {SCHEMA_PATH} (the shared folder is not next to the repo)")
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check_report(validator: Any, text: str, report: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    for span in spans(report):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_report_keeps_the_contract(validator: Any, record: dict[str, Any]) -> None:
    meta = {k: record[k] for k in ("published", "id", "outlet", "url", "title")}
    report = rasd.extract(record["text"], **meta).to_dict()
    assert report["id"] == record["id"] and report["published"] == record["published"]
    check_report(validator, record["text"], report)


def test_single_txt_report_keeps_the_contract(validator: Any) -> None:
    text = (SAMPLES / "single.txt").read_text(encoding="utf-8")
    report = rasd.extract(text, published="2024-03-13", id="single").to_dict()
    check_report(validator, text, report)
