"""Bad input never crashes a run or costs another article (issue 8, item 1)."""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import rasd
from conftest import walk_spans
from rasd.cli import app
from rasd.inputs import MAX_ARTICLE_CHARS

SAFETY_S = 120  # a hang (e.g. regex backtracking) fails the test instead of blocking CI

ARABIC = [chr(c) for c in range(0x0600, 0x06FF)]
MARKS = [
    "\u200f",
    "\u200e",
    "\u200d",
    "\u200c",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\x00",
    "\u0640",
]
ALPHABET = st.sampled_from(
    ARABIC + MARKS + list("abcXYZ 0123456789.,;:!?()[]\"'«»-–—/\\\n\t%٫٬") + ["😀", "€", "ﻻ", "ﷺ"]
)
WORDS = st.sampled_from(
    [
        "اعتقلت",
        "الشرطة",
        "قتل",
        "أكثر من",
        "4.2",
        "ألف",
        "في",
        "بغداد",
        "أمس",
        "منذ",
        "6",
        "يناير",
        "العاشر",
        "من الشهر الجاري",
        "تظاهر",
        "الآلاف",
        "(رويترز)",
        "المصدر:",
        "وزارة الداخلية",
        "الرئيس",
        "،",
        ".",
        "\n",
        "لم",
        "نفت",
    ]
)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def fail(*_: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(schema)


def check(text: str, validator: Draft202012Validator, published: str | None = "2024-03-05") -> dict:
    with time_limit(SAFETY_S):
        report = rasd.extract(text, published=published, id="fuzz").to_dict()
    assert not list(validator.iter_errors(report))
    for where, span in walk_spans(report):
        assert text[span["start"] : span["end"]] == span["text"], where
    json.dumps(report, ensure_ascii=False).encode("utf-8")  # serialisable as UTF-8
    return report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=ALPHABET, max_size=400))
def test_random_characters(text: str, validator: Draft202012Validator) -> None:
    check(text, validator)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(WORDS, max_size=120).map(" ".join), published=st.sampled_from(["2024-03-05", None]))
def test_random_news_like_word_salad(
    text: str, published: str | None, validator: Draft202012Validator
) -> None:
    check(text, validator, published)


@pytest.mark.parametrize(
    "text",
    [
        "ا" * 100_000,
        "." * 50_000,
        "(" * 20_000 + "رويترز",
        ",".join(["1"] * 30_000),
        "ال " * 30_000,
        "أكثر من " * 10_000,
        "منذ " * 20_000 + "يناير",
        "\u200f" * 50_000 + "بغداد",
        "في مدينة " * 10_000,
        "المصدر: " * 10_000,
        "٤" * 50_000,
        "وزارة " * 20_000,
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_pathological_inputs_finish(text: str, validator: Draft202012Validator) -> None:
    check(text, validator)


def test_large_article_within_the_limit(validator: Draft202012Validator) -> None:
    unit = "اعتقلت الشرطة 12 شخصا في بغداد أمس بعد اشتباكات مع محتجين، بحسب وكالة الأنباء العراقية.\n"
    text = unit * (300_000 // len(unit))
    report = check(text, validator)
    assert report["id"] == "fuzz"


def test_too_large_article_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="longer than"):
        rasd.extract("ا" * (MAX_ARTICLE_CHARS + 1))
    with pytest.raises(TypeError):
        rasd.extract(b"bytes")  # type: ignore[arg-type]


def _run(args: list[str]):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    with time_limit(SAFETY_S * 3):
        return CliRunner().invoke(app, args)


def test_ten_megabyte_article_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(
            json.dumps({"id": "small1", "text": "تظاهر المئات في الخرطوم أمس"}, ensure_ascii=False) + "\n"
        )
        f.write(json.dumps({"id": "huge", "text": "ا" * 10_000_000}) + "\n")
        f.write(json.dumps({"id": "small2", "text": "قصفت طائرات مواقع في إدلب"}, ensure_ascii=False) + "\n")
    res = _run(["extract", str(path), "--format", "jsonl"])
    assert res.exit_code == 3
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["small1", "small2"]
    assert ":2: longer than" in res.stderr
    assert "3 inputs: 2 reports, 1 errors" in res.stderr


def test_hundred_thousand_lines(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    kinds = [
        json.dumps({"id": "ok", "text": "اعتقلت الشرطة 3 أشخاص في عمان"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "e", "text": ""}),
        json.dumps({"id": "en", "text": "plain English"}),
        '{"id": "sur", "text": "نص \\ud800 مقطوع في بغداد"}',
        json.dumps({"id": "nul", "text": "نص\x00فيه صفر في دمشق"}),
    ]
    n = 100_000
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            # a real article every 100 lines, cheap bad records otherwise
            f.write((kinds[0] if i % 100 == 0 else kinds[1 + i % 5]) + "\n")
    res = _run(["extract", str(path), "--format", "jsonl", "--output", str(tmp_path / "out.jsonl")])
    m = re.search(r"(\d+) inputs: (\d+) reports, (\d+) errors", res.stderr)
    assert m and int(m[1]) == n and int(m[2]) + int(m[3]) == n
    reports = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(reports) == int(m[2])
    sur = next(json.loads(r) for r in reports if json.loads(r)["id"] == "sur")
    assert any("surrogate" in w for w in sur["warnings"])


def test_html_with_scripts_and_broken_markup(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><script>var x = 'اعتقال وهمي';</script><style>p{}</style></head><body><div><p>"
        + "تظاهر آلاف المحتجين في الرباط أمس للمطالبة بتحسين الأجور وخفض الأسعار. " * 5
        + "<p>قالت الشرطة إنها اعتقلت عشرة أشخاص<img src=x onerror=alert(1)><b>غير مغلق"
        + "<script>document.write('<p>نص مزروع</p>')</script></div>",
        encoding="utf-8",
    )
    res = _run(["extract", str(page), "--format", "jsonl"])
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["id"] == "p"
    assert all("وهمي" not in e["evidence"]["text"] for e in report["events"])
