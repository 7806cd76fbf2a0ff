"""Clitic-aware phrase matching."""

import pytest

from rasd import matcher
from rasd.matcher import PhraseMatcher
from rasd.pipeline import read


def _find(m: PhraseMatcher, text: str) -> list[tuple[str, object]]:
    doc = read(text, until="sentences")
    out = []
    for x in m.find(doc):
        assert doc.text[x.start : x.end] == x.text
        out.append((x.text, x.payload))
    return out


def test_multiword_with_proclitic() -> None:
    m = PhraseMatcher()
    m.add("لجنة الأمن القومي", "ORG")
    assert _find(m, "أعلنت لجنة الأمن القومي وللجنة الأمن القومي") == [
        ("لجنة الأمن القومي", "ORG"),
        ("لجنة الأمن القومي", "ORG"),
    ]


def test_longest_match_wins() -> None:
    m = PhraseMatcher()
    m.add("مجلس الأمن", "short")
    m.add("مجلس الأمن الدولي", "long")
    assert _find(m, "دعا مجلس الأمن الدولي") == [("مجلس الأمن الدولي", "long")]


def test_article_option() -> None:
    plain, with_article = PhraseMatcher(), PhraseMatcher(article=True)
    for m in (plain, with_article):
        m.add("اعتقال", "arrest")
    text = "تم الاعتقال"
    assert _find(plain, text) == []
    assert _find(with_article, text) == [("الاعتقال", "arrest")]


def test_suffix_option() -> None:
    m = PhraseMatcher(suffixes=True)
    m.add("إحراق", "burn")
    assert _find(m, "وقاموا بإحراقها") == [("إحراق", "burn")]
    assert _find(PhraseMatcher(), "بإحراقها") == []


def test_lam_lam_article() -> None:
    m = PhraseMatcher()
    m.add("الشرطة", "police")
    assert _find(m, "قال للشرطة") == [("شرطة", "police")]


def test_variant_spellings_fold() -> None:
    m = PhraseMatcher()
    m.add("ألما آتا", "KZ")
    assert _find(m, "في الما اتا") == [("الما اتا", "KZ")]
    assert "الما اتا" in m and len(m) == 1


def _reference(m: PhraseMatcher, doc, first: int, stop: int, overlapping: bool) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Token by token, as the matcher worked before it cached start positions per document."""
    out, i = [], first
    while i < stop:
        x = m._match_at(doc, i, stop)
        if x is None:
            i += 1
            continue
        out.append((x.i, x.j))
        i = i + 1 if overlapping else x.j
    return out


def test_ranges_match_a_token_by_token_scan() -> None:
    m = PhraseMatcher(article=True, suffixes=True)
    for phrase in ("مجلس الأمن", "مجلس الأمن الدولي", "الشرطة", "اعتقال", "بغداد"):
        m.add(phrase, phrase)
    doc = read("دعا مجلس الأمن الدولي وللشرطة في بغداد إلى اعتقالهم ومجلس الأمن 12 بغداد.", until="sentences")
    n = len(doc.tokens)
    for first in range(n + 1):
        for stop in range(first, n + 1):
            for overlapping in (False, True):
                got = [(x.i, x.j) for x in m.find(doc, first=first, stop=stop, overlapping=overlapping)]
                assert got == _reference(m, doc, first, stop, overlapping), (first, stop, overlapping)


def test_adding_a_phrase_refreshes_the_cached_starts() -> None:
    m = PhraseMatcher()
    m.add("بغداد", "IQ")
    doc = read("من بغداد إلى دمشق", until="sentences")
    assert [x.payload for x in m.find(doc)] == ["IQ"]
    m.add("دمشق", "SY")
    assert [x.payload for x in m.find(doc)] == ["IQ", "SY"]


def test_new_tokens_refresh_the_cached_starts() -> None:
    m = PhraseMatcher()
    m.add("دمشق", "SY")
    doc = read("من بغداد", until="sentences")
    assert m.find(doc) == []
    doc.tokens = read("من دمشق", until="sentences").tokens
    assert [x.payload for x in m.find(doc)] == ["SY"]


def test_memo_of_token_readings_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "_HEADS_MAX", 2)
    m = PhraseMatcher()
    m.add("دمشق", "SY")
    m.add("بغداد", "IQ")
    doc = read("من القاهرة وعمان إلى دمشق وبغداد ثم دمشق", until="sentences")
    assert [x.payload for x in m.find(doc)] == ["SY", "IQ", "SY"]
    assert len(m._heads) <= 2 and m._yes <= set(m._heads)
    assert [x.payload for x in m.find(doc, first=5)] == ["IQ", "SY"]


def test_suffix_bases_memo_is_right_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    assert matcher.suffix_bases("حكومته") == {"حكومته": "", "حكومت": "ه", "حكومه": "ه"}
    monkeypatch.setattr(matcher, "_BASES", {})
    monkeypatch.setattr(matcher, "_BASES_MAX", 1)
    matcher.suffix_bases("حكومته")
    matcher.suffix_bases("إحراقها")
    assert list(matcher._BASES) == ["حكومته"]
    m = PhraseMatcher(suffixes=True)
    m.add("قرار حكومة", "decision")
    assert _find(m, "رفض قرار حكومته") == [("قرار حكومت", "decision")]
