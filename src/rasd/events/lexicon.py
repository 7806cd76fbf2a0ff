"""The event lexicons, loaded once: taxonomy, triggers, actor terms, count nouns, modality, mode cues.

Every lexicon is a TSV file under ``rasd/lexicons`` (formats in docs/events.md). Lemmas are
expanded into surface forms with ``rasd.arabic.morph`` and indexed in ``PhraseMatcher``s, so
a token costs one dict probe per clitic reading.

>>> lex = lexicons()
>>> lex.taxonomy[("COERCE", "arrest")].cameo
'17'
>>> lex.triggers.size > 1000
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from rasd.arabic.morph import noun_forms, phrase_forms
from rasd.arabic.normalise import fold
from rasd.lexicons import alternatives, read_tsv
from rasd.matcher import PhraseMatcher


@dataclass(frozen=True)
class TypeInfo:
    """One (type, mode) row of the taxonomy."""

    type: str
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    governs: str | None
    noun_en: str
    verb_en: str


@dataclass(frozen=True)
class TriggerEntry:
    """What a trigger phrase means: its event type and mode and how it takes arguments."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    weight: float
    args: str
    count: str | None
    anchor: bool
    adverbial: bool = False  # احتجاجا على: qualifies the action before it
    protest_mode: str | None = None  # the PROTEST mode when protesters do it (flag protest=MODE)
    people: bool = False  # coded only when people are counted or a person is its object
    forces: bool = False  # not coded when a party other than the state's does it (حجز المواطنون تذاكر)
    state: bool = False  # a participle of state (داعيا، مهددة): what its sentence's speaker does
    goods: bool = False  # coded only when its object is contraband (عثر على أسلحة, not على جثة)
    persons: str | None = None  # the key of people counted by a noun of people after it (flag persons=KEY)
    tail: tuple[str, ...] = ()  # a split trigger's second part (أفرج ... عن): folded words


@dataclass(frozen=True)
class ActorTerm:
    kind: str


@dataclass(frozen=True)
class ArgCue:
    """A word that points at an argument: ``partitive``, ``spokesman`` or ``agent``."""

    role: str


@dataclass(frozen=True)
class CountNoun:
    key: str
    where: str
    dual: bool = False  # this form is a dual: the quantity 2
    one: bool = False  # a singular noun of one person: after a count word, the quantity 1


@dataclass(frozen=True)
class ModalityCue:
    kind: str
    scope: int


@dataclass(frozen=True)
class ModeCue:
    type: str
    mode: str | None
    to: str | None
    to_type: str | None


@dataclass
class Lexicons:
    taxonomy: dict[tuple[str, str | None], TypeInfo]
    triggers: PhraseMatcher
    actors: PhraseMatcher
    counts: PhraseMatcher
    modality: PhraseMatcher
    mode_cues: PhraseMatcher
    split_heads: PhraseMatcher
    split_tails: PhraseMatcher
    arg_cues: PhraseMatcher


def _none(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


def _taxonomy() -> dict[tuple[str, str | None], TypeInfo]:
    out: dict[tuple[str, str | None], TypeInfo] = {}
    for r in read_tsv("taxonomy.tsv"):
        info = TypeInfo(
            type=r["type"],
            mode=_none(r["mode"]),
            cameo=r["cameo"],
            acled_event_type=_none(r["acled_event_type"]),
            acled_sub_event_type=_none(r["acled_sub_event_type"]),
            governs=_none(r["governs"]),
            noun_en=r["noun_en"],
            verb_en=r["verb_en"],
        )
        out[(info.type, info.mode)] = info
    return out


SPLIT = "..."


def _flag(flags: str, name: str) -> str | None:
    for f in flags.split(","):
        key, _, value = f.strip().partition("=")
        if key == name:
            return value or None
    return None


def _entry(r: dict[str, str], tail: tuple[str, ...] = ()) -> TriggerEntry:
    flags = r.get("flags") or ""
    names = set(flags.split(","))
    return TriggerEntry(
        lemma=r["lemma"],
        pos=r["pos"],
        type=r["type"],
        mode=_none(r["mode"]),
        weight=float(r.get("weight") or 0.8),
        args=r.get("args") or "none",
        count=_none(r.get("count", "")),
        anchor="anchor" in names,
        adverbial="adverbial" in names,
        people="people" in names,
        forces="forces" in names,
        state="state" in names,
        goods="goods" in names,
        protest_mode=_flag(flags, "protest"),
        persons=_flag(flags, "persons"),
        tail=tail,
    )


def _triggers() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Contiguous triggers; and split triggers (a verb, its subject, then the rest:
    أفرجت السلطات عن): their heads (payload: the entries) and their tails."""
    m = PhraseMatcher(article=True, suffixes=True)
    heads: dict[str, list[TriggerEntry]] = {}
    tails = PhraseMatcher(article=True, suffixes=True)
    for r in read_tsv("triggers.tsv"):
        for lemma in alternatives(r["lemma"]):
            if SPLIT in lemma:
                head, _, rest = lemma.partition(SPLIT)
                words = tuple(fold(rest).split())
                entry = _entry(r, words)
                for form in phrase_forms(head.strip(), entry.pos, r.get("present", "")):
                    heads.setdefault(form, []).append(entry)
                if words and " ".join(words) not in tails:
                    tails.add(" ".join(words), words)
                continue
            entry = _entry(r)
            for form in sorted(phrase_forms(lemma, entry.pos, r.get("present", ""))):
                m.add(form, entry)
    split = PhraseMatcher(article=True, suffixes=True)
    for form, entries in heads.items():
        split.add(form, tuple(entries))
    return m, split, tails


def _actors() -> PhraseMatcher:
    m = PhraseMatcher(article=True)
    for r in read_tsv("actor_terms.tsv"):
        for term in alternatives(r["term"]):
            m.add(term, ActorTerm(r["kind"]))
    return m


def _arg_cues() -> PhraseMatcher:
    m = PhraseMatcher(article=True)
    for r in read_tsv("argument_cues.tsv"):
        for cue in alternatives(r["cue"]):
            m.add(cue, ArgCue(r["role"]))
    return m


def _counts() -> PhraseMatcher:
    forms: dict[str, CountNoun] = {}
    for r in read_tsv("count_nouns.tsv"):
        dual = r.get("dual") == "yes"
        terms = [fold(t) for t in alternatives(r["term"])]
        if r.get("one") == "yes":
            # singular forms: mark those listed before, add the others with this row's key
            for term in terms:
                old = forms.get(term)
                forms[term] = replace(old, one=True) if old else CountNoun(r["key"], r["where"], one=True)
            continue
        singles = set(terms)
        for term in terms:
            is_dual = dual and term[-2:] in ("ان", "ين") and term[:-2] in singles
            forms[term] = CountNoun(r["key"], r["where"], dual=is_dual)
        if dual:
            for term in terms:
                if " " in term or term[-2:] in ("ان", "ين"):
                    continue
                for form in noun_forms(term, dual=True, plural=False) - {term, term + "ا"}:
                    forms.setdefault(form, CountNoun(r["key"], r["where"], dual=True))
    m = PhraseMatcher(article=True, suffixes=False)
    for term, noun in forms.items():
        m.add(term, noun)
    return m


def _modality() -> PhraseMatcher:
    m = PhraseMatcher(article=False)
    for r in read_tsv("modality.tsv"):
        for cue in alternatives(r["cue"]):
            m.add(cue, ModalityCue(r["kind"], int(r.get("scope") or 0)))
    return m


def _mode_cues() -> PhraseMatcher:
    m = PhraseMatcher(article=True)
    bucket: dict[str, list[ModeCue]] = {}
    for r in read_tsv("mode_cues.tsv"):
        cue = ModeCue(r["type"], _none(r["mode"]), _none(r["to"]), _none(r.get("to_type", "")))
        for word in alternatives(r["cue"]):
            bucket.setdefault(fold(word), []).append(cue)
    for word, cues in bucket.items():
        m.add(word, tuple(cues))
    return m


@cache
def lexicons() -> Lexicons:
    """All event lexicons, built on first use."""
    triggers, split_heads, split_tails = _triggers()
    return Lexicons(
        taxonomy=_taxonomy(),
        triggers=triggers,
        actors=_actors(),
        counts=_counts(),
        modality=_modality(),
        mode_cues=_mode_cues(),
        split_heads=split_heads,
        split_tails=split_tails,
        arg_cues=_arg_cues(),
    )
