"""Surface forms of Arabic lemmas, so that lexicons list lemmas and not every spelling.

Everything works on folded (normalised) text: no diacritics, ة as ه, ى as ي, hamza seats as
ا. Undiacritised Arabic writes the active and the passive past alike (اعتقل / اعتُقل), so one
set of forms covers both voices. Proclitics (و ف ب ل ك ال س) and pronoun suffixes are
handled by the matcher, not here.

``verb_forms`` conjugates a verb given its past third-person masculine singular (the usual
dictionary form) and, when it cannot be derived, its present stem:

>>> sorted(verb_forms("اعتقل"))[:6]
['اعتقل', 'اعتقلا', 'اعتقلت', 'اعتقلتا', 'اعتقلتم', 'اعتقلتن']
>>> "يعتقلون" in verb_forms("اعتقل") and "تعتقل" in verb_forms("اعتقل")
True
>>> "القوا" in verb_forms("ألقى", present="لقي")
True
>>> {"دعت", "دعوا", "يدعو", "تدعون"} <= verb_forms("دعا", present="دعو")
True

``noun_forms`` inflects a noun for number and case endings written in the script:

>>> sorted(noun_forms("مظاهرة"))
['مظاهرات', 'مظاهرتان', 'مظاهرتين', 'مظاهره']
>>> "إضرابا" in {f for f in noun_forms("إضراب", dual=False)} or "اضرابا" in noun_forms("إضراب", dual=False)
True
>>> sorted(noun_forms("قتيل", plural=False))
['قتيل', 'قتيلا', 'قتيلان', 'قتيلين']
"""

from __future__ import annotations

from functools import lru_cache

from rasd.arabic.normalise import fold

PAST_SUFFIXES = ("", "ت", "وا", "و", "ا", "تا", "ن", "نا", "تم", "تن")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ون", "وا", "و", "ان", "ا", "ين", "ي", "ن")


def present_stem(past: str) -> str:
    """The present stem of a sound verb: an initial hamzat wasl or qat' alef drops.

    >>> present_stem("اعتقل"), present_stem("قتل"), present_stem("تظاهر")
    ('عتقل', 'قتل', 'تظاهر')
    """
    if past.startswith("ا") and len(past) > 3:
        return past[1:]
    return past


def _past(p: str, weak: str) -> set[str]:
    if weak == "defective":
        # ألقى -> القي: القت القوا القيا القيت القينا
        base = p[:-1]
        return {p, base + "ت", base + "وا", base + "و", p + "ا", base + "تا", p + "ت", p + "نا", p + "تم"}
    if weak == "defective_w":
        # دعا -> دعت دعوا دعتا دعوت دعونا
        base = p[:-1]
        return {p, base + "ت", base + "وا", base + "و", base + "تا", base + "وت", base + "ونا"}
    if weak == "hollow":
        # قام -> قامت قاموا قاما ; first/second person shorten (قمت), rare in news
        return {p + s for s in ("", "ت", "وا", "و", "ا", "تا")}
    return {p + s for s in PAST_SUFFIXES}


def _present(s: str, weak: str) -> set[str]:
    out: set[str] = set()
    for pre in PRESENT_PREFIXES:
        if pre in "ان":
            # first person: أعتقل، نعتقل (no suffixes)
            out.add(pre + s)
        elif weak == "defective_w" and s.endswith("و"):
            # يدعو، تدعو، يدعون، يدعوا، يدعوان، تدعين
            out |= {pre + s, pre + s + "ن", pre + s + "ا", pre + s + "ان", pre + s[:-1] + "ين"}
        elif weak == "defective" and s.endswith("ي"):
            base = s[:-1]
            out |= {
                pre + s,
                pre + base + "ون",
                pre + base + "وا",
                pre + base + "و",
                pre + s + "ان",
                pre + s + "ا",
            }
        else:
            out |= {pre + s + suf for suf in PRESENT_SUFFIXES}
    return out


@lru_cache(maxsize=20_000)
def verb_forms(past: str, present: str = "", passive: str = "") -> frozenset[str]:
    """Folded surface forms of a verb, active and passive, past and present.

    ``present``: the present stem when it differs from the derived one (يقوم -> 'قوم');
    '-' means the verb has no present forms worth matching (أضرب 'went on strike' would
    read يضرب 'hits'). ``passive``: an irregular passive past (أقيل for أقال).
    """
    p = fold(past)
    weak = ""
    if p.endswith("ي") and len(p) >= 3:
        weak = "defective"
    elif len(p) >= 3 and p.endswith("ا"):
        weak = "defective_w"  # دعا، شكا: دعت، دعوا; يدعو
    elif len(p) >= 3 and p[-2] == "ا":
        weak = "hollow"
    out = _past(p, weak)
    if present != "-":
        if present:
            out |= _present(fold(present), weak)
        elif weak != "hollow":
            # a hollow verb's present (يقوم، يقيل) cannot be derived: give it explicitly
            out |= _present(present_stem(p), weak)
    if passive:
        pp = fold(passive)
        out |= _past(pp, "defective" if pp.endswith("ي") else "hollow")
    return frozenset(f for f in out if len(f) >= 2)


@lru_cache(maxsize=20_000)
def noun_forms(noun: str, dual: bool = True, plural: bool = True) -> frozenset[str]:
    """Folded forms of a noun: singular, sound plural, dual and the written accusative alef.

    A noun in ة takes the feminine plural ات and dual تان/تين; another noun takes ات when
    ``plural`` (verbal nouns: اعتقالات), and the dual ان/ين when ``dual``. Masculine sound
    plurals (متظاهرون) and broken plurals are listed as lemmas of their own.
    """
    n = fold(noun)
    out = {n}
    if n.endswith("ه"):
        stem = n[:-1]
        if plural:
            out.add(stem + "ات")
        if dual:
            out |= {stem + "تان", stem + "تين"}
        return frozenset(out)
    out.add(n + "ا")  # the accusative written with alef: إضرابا، احتجاجا
    if plural:
        out.add(n + "ات")
    if dual:
        out |= {n + "ان", n + "ين"}
    return frozenset(out)


def phrase_forms(phrase: str, pos: str, present: str = "", passive: str = "") -> frozenset[str]:
    """Forms of a lexicon phrase: its first word inflected as ``pos``, the rest as written.

    >>> sorted(phrase_forms("أطلق النار", "verb"))[:3]
    ['اطلق النار', 'اطلقا النار', 'اطلقت النار']
    """
    words = fold(phrase).split()
    if not words:
        return frozenset()
    head, rest = words[0], words[1:]
    if pos == "verb":
        heads = verb_forms(head, present, passive)
    elif pos == "noun":
        heads = noun_forms(head, dual=False)
    else:
        heads = frozenset({head})
    tail = (" " + " ".join(rest)) if rest else ""
    return frozenset(h + tail for h in heads)
