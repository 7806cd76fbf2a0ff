"""`rasd extract` on every input kind and every kind of bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app

ARTICLE = (
    "بغداد - قالت الشرطة العراقية اليوم الأحد إنها اعتقلت 12 شخصا في حي الكرادة وسط العاصمة.\nالمصدر: رويترز"
)
OTHER = "الخرطوم - خرج مئات المتظاهرين أمس في مسيرة وسط المدينة للمطالبة بتحسين الأجور."

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def reports_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def count_line(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) inputs: (\d+) reports, (\d+) errors", stderr)
    assert m, stderr
    return int(m[1]), int(m[2]), int(m[3])


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    lines = [
        {
            "id": "a",
            "text": ARTICLE,
            "published": "2024-03-03",
            "outlet": "Sample Wire",
            "url": "https://example.org/a",
        },
        {"id": "b", "text": OTHER, "published": "2024-03-04"},
    ]
    (tmp_path / "many.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    paras = "".join(f"<p>{p}</p>" for p in [ARTICLE.split("\n")[0], OTHER, OTHER.replace("أمس", "اليوم")])
    (tmp_path / "page.html").write_text(
        f'<html dir="rtl"><head><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav>'
        f"<article><h1>اعتقالات في بغداد</h1>{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    return tmp_path


def test_txt_gives_one_json_object(files: Path) -> None:
    res = run("extract", str(files / "one.txt"), "--published", "2024-03-03")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["id"] == "one"
    assert report["published"] == "2024-03-03"
    assert count_line(res.stderr) == (1, 1, 0)


def test_jsonl_carries_metadata_and_jsonl_format(files: Path) -> None:
    res = run("extract", str(files / "many.jsonl"), "--format", "jsonl")
    assert res.exit_code == 0
    reports = reports_of(res.stdout)
    assert [r["id"] for r in reports] == ["a", "b"]
    assert reports[0]["outlet"] == "Sample Wire"
    assert reports[1]["published"] == "2024-03-04"


def test_json_format_with_several_reports_is_an_array(files: Path) -> None:
    res = run("extract", str(files / "many.jsonl"), str(files / "one.txt"))
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 3


def test_published_option_fills_records_without_one(files: Path) -> None:
    res = run("extract", str(files / "one.txt"), "--format", "jsonl")
    assert reports_of(res.stdout)[0]["published"] is None
    res = run("extract", str(files / "one.txt"), "--format", "jsonl", "--published", "2024-01-02")
    assert reports_of(res.stdout)[0]["published"] == "2024-01-02"


def test_html_main_text(files: Path) -> None:
    res = run("extract", str(files / "page.html"), "--format", "jsonl")
    assert res.exit_code == 0, res.stderr
    (report,) = reports_of(res.stdout)
    assert report["id"] == "page"


def test_folder(files: Path) -> None:
    res = run("extract", str(files), "--format", "jsonl")
    assert res.exit_code == 0
    assert sorted(r["id"] for r in reports_of(res.stdout)) == ["a", "b", "one", "page"]


@pytest.mark.parametrize(
    "stdin,expected_id",
    [(ARTICLE.encode(), "stdin"), (json.dumps({"id": "s1", "text": OTHER}).encode() + b"\n", "s1")],
)
def test_stdin(stdin: bytes, expected_id: str) -> None:
    res = run("extract", "-", "--format", "jsonl", stdin=stdin)
    assert res.exit_code == 0, res.stderr
    assert [r["id"] for r in reports_of(res.stdout)] == [expected_id]


def test_output_file(files: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = run("extract", str(files / "many.jsonl"), "--format", "jsonl", "--output", str(out))
    assert res.exit_code == 0
    assert res.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_bad_records_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    good = json.dumps({"id": "g1", "text": ARTICLE}, ensure_ascii=False).encode()
    lines = [
        good,
        b"{not json",
        json.dumps({"id": "nt"}).encode(),
        json.dumps({"id": "e", "text": "   "}).encode(),
        json.dumps({"id": "en", "text": "Police arrested twelve people in Baghdad on Sunday."}).encode(),
        '{"id": "u", "text": "نص"}'.encode("utf-16"),
        b"[1, 2]",
        json.dumps({"id": "g2", "text": OTHER, "published": "yesterday"}, ensure_ascii=False).encode(),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    res = run("extract", str(path), "--format", "jsonl")
    assert res.exit_code == 3
    reports = reports_of(res.stdout)
    assert [r["id"] for r in reports] == ["g1", "g2"]
    assert any("not a YYYY-MM-DD date" in w for w in reports[1]["warnings"])
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("rasd:") and "inputs:" not in ln]
    reasons = {int(re.search(r":(\d+): ", e)[1]): e for e in errors}
    assert "not JSON" in reasons[2]
    assert "no text" in reasons[3]
    assert "empty text" in reasons[4]
    assert "not Arabic" in reasons[5]
    assert "not UTF-8" in reasons[6]
    assert "not a JSON object" in reasons[7]
    n, r, e = count_line(res.stderr)
    assert (n, r, e) == (8, 2, 6) and r + e == n


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("missing.txt", None, "no such file"),
        ("notes.pdf", b"%PDF", "unknown input kind"),
        ("empty.txt", b"", "empty text"),
        ("latin.txt", b"Only English here.", "not Arabic"),
        ("binary.txt", b"\xff\xfe\x00\x01garbage", "not UTF-8"),
    ],
)
def test_nothing_readable_is_one_line_and_exit_1(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    res = run("extract", str(path))
    assert res.exit_code == 1
    errors = [ln for ln in res.stderr.splitlines() if "inputs:" not in ln]
    assert len(errors) == 1 and reason in errors[0]
    assert count_line(res.stderr) == (1, 0, 1)


def test_bad_published_option_is_a_usage_error(files: Path) -> None:
    res = run("extract", str(files / "one.txt"), "--published", "08/01/2022")
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_console_script_reads_stdin() -> None:
    """The installed entry point, as a user runs it."""
    exe = Path(sys.executable).with_name("rasd")
    proc = subprocess.run(
        [str(exe), "extract", "-", "--published", "2024-03-03"],
        input=ARTICLE.encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["credited_source"]["text"] == "رويترز"
