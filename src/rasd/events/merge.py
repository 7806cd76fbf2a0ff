"""One event per real-world action: merge the mentions of the same action.

Two candidates are one action when they have the same type and nothing tells them apart:
no two different stated places (a country or a province is compatible with a place inside it), no two
different stated dates, no conflicting counts ("more than 4.2 thousand" and "4266" agree; 100
and 4266 do not), no two different named targets, and neither is negated while the other is
not. Within one sentence, mentions of the same type merge even with different modes (اشتباكات
مسلحة أدت إلى مقتل ...). The merged event keeps the most precise value of each argument.
"""

from __future__ import annotations

from datetime import date

from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.events.context import Quantity
from rasd.events.frames import VAGUE, Candidate, better_quantity, contrast_between

PLACE_RANK = {"country": 0, "region": 1, "city": 2, "place": 3}
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})
DATE_RANK = {"year": 0, "month": 1, "day": 2}


def _place_key(doc: Doc, s: Span) -> object:
    return s.data.get("geonameid") or fold(s.text_of(doc))


def places_compatible(doc: Doc, a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return True
    if _place_key(doc, a) == _place_key(doc, b):
        return True
    ka, kb = a.data.get("kind"), b.data.get("kind")
    ca, cb = a.data.get("country"), b.data.get("country")
    if ka == "country" and kb != "country":
        return cb is None or ca == cb
    if kb == "country" and ka != "country":
        return ca is None or ca == cb
    # a province and a town inside it (ولاية هرات، مدينة هرات): one place told two ways
    if "region" in (ka, kb) and ka != kb and ca == cb:
        aa, ab = a.data.get("admin1"), b.data.get("admin1")
        return aa is not None and aa == ab and "country" not in (ka, kb)
    return False


def _nested(a: Span | None, b: Span | None) -> bool:
    """Two places of one sentence in one country, one of them a region, or the finer one not
    located or in the coarser's province: it may lie in the coarser (وفي شمال دارفور، ... مخيم
    أبو شوك قرب مدينة الفاشر)."""
    if a is None or b is None or a.data.get("country") != b.data.get("country") or not a.data.get("country"):
        return False
    ka, kb = a.data.get("kind"), b.data.get("kind")
    if ka == kb or "country" in (ka, kb):
        return False
    finer, coarser = (a, b) if PLACE_RANK.get(ka or "", 3) > PLACE_RANK.get(kb or "", 3) else (b, a)
    inner = finer.data.get("admin1")
    return "region" in (ka, kb) or inner is None or inner == coarser.data.get("admin1")


def dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def quantities_compatible(a: Quantity, b: Quantity) -> bool:
    """Two readings of one count: equal, or a vague or qualified one that the other fits."""
    if a.qualifier == "exact" and b.qualifier == "exact":
        return abs(a.value - b.value) < 1e-6
    lo, hi = sorted((a.value, b.value))
    if lo <= 0:
        return False
    if a.qualifier in VAGUE or b.qualifier in VAGUE:
        return hi / lo <= 10
    return hi / lo <= 1.25


MODE_FAMILIES = ({"restrict", "censor", "withhold", "discontinue"},)


def modes_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return True
    return any(a in f and b in f for f in MODE_FAMILIES)


def _date_value(c: Candidate) -> str | None:
    if c.date is not None and c.date_source == "clause":
        return c.date.data.get("value")
    return None


def _stated_place(c: Candidate) -> Span | None:
    return c.places[0] if c.places and c.place_source in ("clause", "sentence") else None


OLD_DAYS = 45  # a stated date this long before the report is a past event, not today's


def _old(doc: Doc, c: Candidate) -> bool:
    value = _date_value(c)
    if not value or doc.published is None:
        return False
    try:
        y, m, d = (int(x) for x in (value.split("-") + ["1", "1"])[:3])
        return (doc.published - date(y, m, d)).days > OLD_DAYS
    except ValueError:
        return False


def compatible(doc: Doc, a: Candidate, b: Candidate, same_sentence: bool | None = None) -> bool:
    """Whether mention ``b`` can be the action of event ``a`` (``same_sentence``: told in a
    sentence of ``a``'s mentions; by default, in the sentence of ``a``)."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.type == "PROTEST" and a.mode and b.mode and a.mode != b.mode:
        return False  # a strike and a riot told together are two events
    if a.type == "SANCTION" and a.mode != b.mode:
        return False  # طرد دبلوماسيين وفرض عقوبات: an expulsion and sanctions are two measures
    if same_sentence is None:
        same_sentence = a.sent == b.sent
    # the strike of 1979 is not today's strike; but انفجار عام 2014، أسفر عن مقتل شخصين is one
    consequence = same_sentence and (_outcome_verb(a) or _outcome_verb(b))
    if (
        _old(doc, a) != _old(doc, b)
        and (_date_value(a) is None or _date_value(b) is None)
        and not consequence
    ):
        return False
    if not same_sentence and a.type == "ASSAULT" and not (b.definite or b.is_verb or b.passive):
        # an indefinite noun in a later sentence (اشتباكات مسلحة) introduces a new attack,
        # unless it only adds the casualties of one already told (قتل 15 في هجوم)
        if not b.counts or a.counts:
            return False
    # a weak word of damage after an attack (دمرت المقاتلات 23 هدفا) tells what the attack did
    outcome = a.type == "ASSAULT" and a.mode is not None and b.mode == "destroy" and b.entry.anchor
    if (not same_sentence or a.type != "ASSAULT") and not outcome and not modes_compatible(a.mode, b.mode):
        # within a sentence only an attack merges its modes (اشتباكات مسلحة أدت إلى مقتل)
        return False
    if not same_sentence and a.mode is None and b.mode is not None and a.type == "ASSAULT":
        # a later, more specific attack (tear gas, an air strike) is not the clash told before
        return False
    pa, pb = _stated_place(a), _stated_place(b)
    if not places_compatible(doc, pa, pb) and not (
        same_sentence and _nested(pa, pb) and not contrast_between(doc, min(a.i, b.i), max(a.i, b.i))
    ):
        return False
    if not dates_compatible(_date_value(a), _date_value(b)):
        return False
    for k in set(a.counts) & set(b.counts):
        if not (b.revises or quantities_compatible(a.counts[k], b.counts[k])):
            return False  # a revised toll (ارتفعت الحصيلة إلى) replaces the first one
    ta, tb = a.target, b.target
    if ta is not None and tb is not None and ta.named and tb.named:
        if fold(doc.text[ta.start : ta.end]) != fold(doc.text[tb.start : tb.end]):
            return False
    for x, y in ((a, b), (b, a)):
        # one named person arrested is not the same action as a count of many
        if x.target is not None and x.target.etype == "PER" and any(q.value > 1 for q in y.counts.values()):
            return False
    aa, ab = a.actor, b.actor
    if (
        a.type in SPEECH_TYPES | {"SANCTION"}  # أمرت روسيا ... ردا على قرار براغ طرد: tit for tat
        and aa is not None
        and ab is not None
        and aa.named
        and ab.named
        and not (aa.country and aa.country == ab.country)  # روسيا and its foreign ministry
        and not _same_party(doc.text[aa.start : aa.end], doc.text[ab.start : ab.end])
    ):
        return False  # two named speakers of two countries or bodies make two statements
    if aa is not None and ab is not None and aa.named and ab.named and not same_sentence:
        # stated subjects; a subject stated before the verb counts too, unless a country and
        # an organisation (البحرين and its media authority are one state)
        organ = {aa.etype, ab.etype} == {"LOC", "ORG"}
        direct = ("subject", "agent") if organ else ("subject", "agent", "backward")
        if (
            a.actor_how in direct
            and b.actor_how in direct
            and not _same_party(doc.text[aa.start : aa.end], doc.text[ab.start : ab.end])
        ):
            return False
    return True


def _outcome_verb(c: Candidate) -> bool:
    """A toll told as what an action led to (أسفر عن مقتل، أدى إلى مقتل، أوقع)."""
    return c.type == "ASSAULT" and c.entry.lemma.startswith("أسفر عن مقتل")


def _same_party(a: str, b: str) -> bool:
    """Two mentions of one party: equal, one inside the other, or sharing two words
    (الرئيس قاسم جومارت توكايف، رئيس كازاخستان قاسم جومارت توكايف)."""
    wa, wb = set(fold(a).replace("،", " ").split()), set(fold(b).replace("،", " ").split())
    return wa <= wb or wb <= wa or len(wa & wb) >= 2


HOW_RANK = {"agent": 3, "subject": 3, "mutual": 3, "complement": 2, "claim": 2, "backward": 1, "inherited": 0}


def _actor_rank(c: Candidate) -> tuple[int, bool]:
    """Actors stated next to the trigger beat those found further away; names beat descriptions."""
    return (HOW_RANK.get(c.actor_how, 0), bool(c.actor is not None and c.actor.named))


def _strength(c: Candidate) -> float:
    return c.weight + 0.1 * bool(c.counts) + 0.1 * (c.place_source == "clause") + 0.05 * bool(c.actor)


def absorb(doc: Doc, a: Candidate, b: Candidate) -> None:
    """Merge ``b`` into ``a``, keeping the most precise value of each argument."""
    stronger = _strength(b) > _strength(a)
    if b.mode and (not a.mode or (stronger and b.entry.weight > a.entry.weight)):
        a.mode = b.mode
    if stronger:
        a.evidence, a.i, a.j, a.start, a.end, a.entry = b.evidence, b.i, b.j, b.start, b.end, b.entry
    # place: stated beats fallback; a more specific kind beats a country
    pa, pb = _stated_place(a), _stated_place(b)
    if pb is not None and (
        pa is None
        or PLACE_RANK.get(pb.data.get("kind") or "", 3) > PLACE_RANK.get(pa.data.get("kind") or "", 3)
    ):
        a.places, a.place_source = b.places, b.place_source
    elif not a.places and b.places:
        a.places, a.place_source = b.places, b.place_source
    # date: stated beats the report date; a finer precision beats a coarser one
    da, db = _date_value(a), _date_value(b)
    if db and (
        not da
        or DATE_RANK.get(b.date.data.get("precision") or "", 0)
        > DATE_RANK.get(a.date.data.get("precision") or "", 0)
    ):  # type: ignore[union-attr]
        a.date, a.date_source = b.date, b.date_source
    for k, q in b.counts.items():
        a.counts[k] = q if k not in a.counts or b.revises else better_quantity(a.counts[k], q)
    # a capital standing for its government (طردت باماكو) adds nothing to a body of it already named
    seat = b.actor is not None and b.actor.capital and a.actor is not None
    if b.actor is not None and not seat and (a.actor is None or _actor_rank(b) > _actor_rank(a)):
        a.actor, a.actor_how = b.actor, b.actor_how
    if b.target is not None and (a.target is None or (b.target.named and not a.target.named)):
        a.target = b.target
    if a.attributed_to is None:
        a.attributed_to = b.attributed_to
    a.weight = max(a.weight, b.weight)
    a.merged += b.merged


def merge(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Candidates in text order, merged into events (the first compatible event absorbs)."""
    events: list[Candidate] = []
    told: dict[int, set[int]] = {}  # event id -> the sentences of its mentions
    for c in cands:
        # prefer an event told in the same sentence, then the latest compatible one: a toll or
        # a detail in the next sentence belongs to the action just told, not to an earlier one
        same = [e for e in events if c.sent in told[id(e)] and compatible(doc, e, c, same_sentence=True)]
        other = [e for e in events if c.sent not in told[id(e)] and compatible(doc, e, c)]
        target = same[0] if same else (other[-1] if other else None)
        if target is None and c.pointed:
            target = _pointed_to(events, c)
        if target is None:
            events.append(c)
            told[id(c)] = {c.sent}
        else:
            absorb(doc, target, c)
            told[id(target)].add(c.sent)
    return events


def _pointed_to(events: list[Candidate], c: Candidate) -> Candidate | None:
    """The action that هذه الاشتباكات، تلك الغارات points back to: the latest event of its
    type. Only its parties and counts carry over; the place and date said around the pointer
    (الأعنف في طرابلس منذ 2022) describe it, they do not move it."""
    earlier = [
        e
        for e in events
        if e.type == c.type
        and e.negated == c.negated
        and (e.type == "ASSAULT" or modes_compatible(e.mode, c.mode))
        and (e.type != "SANCTION" or e.mode == c.mode)
    ]
    if not earlier:
        return None
    c.places, c.place_source, c.date, c.date_source = [], "", None, ""
    return earlier[-1]
