"""An English one-line note per event, built from the record (never machine translation).

>>> fmt_quantity(4266, "exact"), fmt_quantity(100, "more_than"), fmt_quantity(10, "tens")
('4,266', 'more than 100', 'dozens')
>>> transliterate("ماسيموف")
'Masymwf'
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasd.arabic.normalise import fold

KIND_EN = {
    "police": "Police",
    "security": "Security forces",
    "military": "Military forces",
    "government": "Government",
    "judiciary": "Court",
    "rebels": "Rebels",
    "militants": "Militants",
    "protesters": "Protesters",
    "rioters": "Rioters",
    "civilians": "Civilians",
    "opposition": "Opposition",
    "party": "A party",
    "workers": "Workers",
    "students": "Students",
    "international": "An international body",
    "media": "Media",
    "officials": "Officials",
    "suspects": "Suspects",
    "communal": "A communal group",
    "site": "A site",
}
QUALIFIER_EN = {
    "more_than": "more than {}",
    "at_least": "at least {}",
    "less_than": "fewer than {}",
    "about": "about {}",
}
VAGUE_EN = {"tens": "dozens", "hundreds": "hundreds", "thousands": "thousands"}
COUNT_EN = {
    "killed": "killed",
    "injured": "injured",
    "arrested": "arrested",
    "displaced": "displaced",
    "missing": "missing",
    "kidnapped": "kidnapped",
    "participants": "taking part",
    "expelled": "expelled",
    "deported": "deported",
    "released": "released",
}
# the count that is the object of the action: "arrested 4,266 people"
OBJECT_COUNT = {
    "arrest": "arrested",
    "abduct": "kidnapped",
    "expel": "expelled",
    "deport": "deported",
    "release": "released",
}

# one Latin rendering per Arabic letter (folded text), for names with no known Latin form
_LATIN = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويء",
        [
            "a",
            "b",
            "t",
            "th",
            "j",
            "h",
            "kh",
            "d",
            "dh",
            "r",
            "z",
            "s",
            "sh",
            "s",
            "d",
            "t",
            "z",
            "'",
            "gh",
            "f",
            "q",
            "k",
            "l",
            "m",
            "n",
            "h",
            "w",
            "y",
            "'",
        ],
        strict=True,
    )
)


def transliterate(text: str) -> str:
    """A rough Latin rendering of Arabic letters, word by word, capitalised."""
    words = []
    for w in fold(text).split():
        latin = "".join(_LATIN.get(ch, ch) for ch in w)
        if w.startswith("ال") and len(w) > 3:
            latin = "al-" + latin[2:].capitalize()
        words.append(latin[:1].upper() + latin[1:])
    return " ".join(words)


def fmt_quantity(value: float, qualifier: str) -> str:
    if qualifier in VAGUE_EN:
        return VAGUE_EN[qualifier]
    n = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return QUALIFIER_EN.get(qualifier, "{}").format(n)


@cache
def country_name(code: str) -> str:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
        if c is not None:
            return str(getattr(c, "common_name", None) or c.name)
    except Exception:  # pragma: no cover - pycountry missing or broken
        pass
    return code


def party_en(party: dict[str, Any] | None, latin: str | None, subject: bool = True) -> str | None:
    """A Latin name for an actor or target: its known Latin form, else its kind (lower case
    as an object: 'imposed restrictions on a site'), else letters."""
    if party is None:
        return None
    if latin:
        return latin
    kind = party.get("kind")
    if kind in KIND_EN:
        return KIND_EN[kind] if subject else KIND_EN[kind][0].lower() + KIND_EN[kind][1:]
    return transliterate(party["text"])


def note(
    event: dict[str, Any], info: Any, actor_latin: str | None, target_latin: str | None, source: str | None
) -> str:
    """'Police arrested 4,266 people in Kazakhstan (2022-01-08) [Novosti]'."""
    counts = dict(event.get("counts") or {})
    actor = party_en(event.get("actor"), actor_latin)
    target = party_en(event.get("target"), target_latin, subject=False)
    obj_key = OBJECT_COUNT.get(event.get("mode") or "")
    obj = None
    if obj_key and obj_key in counts and target is None:
        q = counts.pop(obj_key)
        n = fmt_quantity(q["value"], q["qualifier"])
        obj = f"{n} of people" if q["qualifier"] in VAGUE_EN else f"{n} people"
    patient = target or obj
    if actor and info is not None:
        verb = info.verb_en
        if "{t}" in verb:
            # "imposed restrictions on {t}": drop the preposition and slot without a patient
            head = f"{actor} " + (verb.replace("{t}", patient) if patient else verb.rsplit(" ", 2)[0])
        else:
            head = f"{actor} {verb}" + (f" {patient}" if patient else "")
    else:
        head = info.noun_en if info is not None else event["type"].title()
        if patient:
            head += f" of {patient}"
    where = []
    place = event.get("place")
    if place and place.get("name") and place.get("kind") != "country":
        where.append(place["name"])
    elif place and not place.get("name") and place.get("kind") != "country":
        where.append(transliterate(place["text"]))
    if event.get("country"):
        where.append(country_name(event["country"]))
    text = head
    if where:
        text += " in " + ", ".join(where)
    if event.get("date"):
        text += f" ({event['date']})"
    if counts:
        parts = [
            f"{fmt_quantity(q['value'], q['qualifier'])} {COUNT_EN.get(k, k)}" for k, q in counts.items()
        ]
        text += "; " + ", ".join(parts)
    if event.get("negated"):
        text = "Denied: " + text
    if source:
        text += f" [{source}]"
    return text
