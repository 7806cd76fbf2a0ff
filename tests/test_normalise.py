"""The normalised view and its exact map back to the original text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.normalise import _fold_char, fold, normalise

CASES = [
    # (original, normalised)
    ("مُظاهَرَاتٌ", "مظاهرات"),
    ("الإمارات", "الامارات"),
    ("أحمد وإبراهيم وآمنة", "احمد وابراهيم وامنه"),
    ("مستشفى", "مستشفي"),
    ("جامعة", "جامعه"),
    ("مسؤول", "مسوول"),
    ("رئيس", "رييس"),
    ("القاهـــرة", "القاهره"),
    ("٤٢٦٦ شخصا", "4266 شخصا"),
    ("۱۲۳", "123"),
    ("٤٫٢ ألف", "4.2 الف"),
    ("٤٬٢٦٦", "4,266"),
    ("\u200fنص\u200e", "نص"),
    ("کابل", "كابل"),
    ("ﻻ", "لا"),
    ("abc 12", "abc 12"),
]


@pytest.mark.parametrize("original,expected", CASES)
def test_fold(original: str, expected: str) -> None:
    assert fold(original) == expected
    assert normalise(original).text == expected


@pytest.mark.parametrize("original,_", CASES)
def test_every_normalised_char_maps_back(original: str, _: str) -> None:
    view = normalise(original)
    assert len(view.origin) == len(view.text)
    for i, ch in enumerate(view.text):
        # each normalised character comes from an original character that folds to include it
        assert ch in fold(original[view.origin[i]]) or fold(original[view.origin[i]]) == ""


def test_span_maps_to_original_with_trailing_marks() -> None:
    text = "وصلَ إلى بِكازاخِستانَ أمس"
    view = normalise(text)
    ns = view.text.index("كازاخستان")
    start, end = view.to_original(ns, ns + len("كازاخستان"))
    assert text[start:end] == "كازاخِستانَ"


def test_empty_span() -> None:
    view = normalise("نص")
    assert view.to_original(1, 1) == (1, 1)
    assert view.to_original(2, 2) == (2, 2)


ALPHABET = (
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0xFB50, 0xFE00, 5)]
    + [chr(c) for c in range(0xFE70, 0xFF00, 3)]
    + list("abc 12.,\u200f\u200d\u0640\ufeff\u00a0\n")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fast_paths_agree_with_the_per_character_definition(text: str) -> None:
    reference = [(i, out) for i, c in enumerate(text) for out in _fold_char(c)]
    view = normalise(text)
    assert view.text == "".join(c for _, c in reference) == fold(text)
    assert list(view.origin) == [i for i, _ in reference]
