"""Tokens, clitic readings and light stems."""

import pytest

from rasd.arabic.clitics import light_stem, segmentations
from rasd.pipeline import read


def test_token_offsets_point_into_the_original() -> None:
    text = "وقالت الوزارةُ إنّ ٤٢٦٦ شخصاً اعتُقلوا، بينهم 4.2 ألف."
    doc = read(text, until="tokenise")
    for tok in doc.tokens:
        assert text[tok.start : tok.end] == tok.text
    assert [t.norm for t in doc.tokens if t.kind == "number"] == ["4266", "4.2"]


@pytest.mark.parametrize(
    "word,base,prefix",
    [
        ("بكازاخستان", "كازاخستان", "ب"),
        ("والخرطوم", "الخرطوم", "و"),
        ("وبالعراق", "العراق", "وب"),
        ("للشرطه", "شرطه", "لل"),
        ("فلبنان", "لبنان", "ف"),
        ("كالعاده", "العاده", "ك"),
        ("وسيعقد", "يعقد", "وس"),
    ],
)
def test_proclitic_readings(word: str, base: str, prefix: str) -> None:
    readings = {(s.prefix, s.base) for s in segmentations(word)}
    assert (prefix, base) in readings
    # the unsegmented reading always comes first
    assert segmentations(word)[0].base == word


@pytest.mark.parametrize(
    "word,base,suffix",
    [("باحراقها", "احراق", "ها"), ("حكومته", "حكومه", "ه"), ("قادتهم", "قاده", "هم")],
)
def test_suffix_readings(word: str, base: str, suffix: str) -> None:
    readings = {(s.base, s.suffix) for s in segmentations(word, True)}
    assert (base, suffix) in readings
    assert all(not s.suffix for s in segmentations(word))


def test_short_words_are_not_stripped_to_nothing() -> None:
    assert all(len(s.base) >= 2 for s in segmentations("وب"))
    assert [s.base for s in segmentations("في")] == ["في"]


@pytest.mark.parametrize(
    "word,stem",
    [("والاعتقالات", "اعتقال"), ("المتظاهرين", "متظاهر"), ("بالمظاهرات", "مظاهر"), ("قصف", "قصف")],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(word) == stem


def test_word_memo_is_right_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.stages import tokenise as tokenise_stage

    monkeypatch.setattr(tokenise_stage, "_WORDS", {})
    monkeypatch.setattr(tokenise_stage, "_WORDS_MAX", 2)
    for _ in range(2):
        doc = read("وبحسب الوكالة، اعتقلت الشرطة والشرطة", until="tokenise")
        for t in doc.tokens:
            if t.kind == "word":
                assert t.segments == segmentations(t.norm) and t.stem == light_stem(t.norm)
    assert list(tokenise_stage._WORDS) == ["وبحسب", "الوكاله"]
