"""Stage: events. Triggers, then frames (actor, target, place, date, counts), modality, merging.

Each coded event becomes a span labelled ``event`` over its evidence (the clause that states
it), with ``data["event"]`` the contract's event object plus an English ``note``.

>>> from rasd.pipeline import read
>>> doc = read("اعتقلت الشرطة 12 شخصا أمس.", published="2024-03-02")
>>> ev = doc.get("event")[0].data["event"]
>>> ev["type"], ev["mode"], ev["actor"]["kind"], ev["counts"]["arrested"]["value"]
('COERCE', 'arrest', 'police', 12)
"""

from __future__ import annotations

from typing import Any

from rasd.arabic.charsets import DIACRITICS, TATWEEL
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.events.context import Context, Mention, Quantity, build
from rasd.events.frames import (
    COUNT_TYPES,
    CROWD_KINDS,
    PROTEST_KINDS,
    STATE_KINDS,
    TO,
    VERBAL_TYPES,
    VICTIM_KEYS,
    Binding,
    Candidate,
    assign_counts,
    bind_counts,
    claimed_attacks,
    find_actor,
    find_date,
    find_place,
    find_target,
    inherit_dates,
    inherit_places,
    speaking_for_a_state,
)
from rasd.events.lexicon import ModeCue, TriggerEntry
from rasd.events.merge import merge
from rasd.events.modality import apply_governing, apply_modality, attribution, mark_passive
from rasd.events.notes import note
from rasd.matcher import PREPOSITION_PRONOUNS, Match
from rasd.report import PLACE_FIELDS

MIN_CONFIDENCE = 0.5
CARRIED_KEYS = frozenset({"killed", "injured", "arrested", "kidnapped", "missing", "displaced"})
NON_STATE_ARMED = frozenset({"rebels", "militants"})
PERSON_KINDS = CROWD_KINDS | {"media", "officials", "prisoners", "refugees", "unknown"}


MARKS = "".join(DIACRITICS)  # stripped from a word's end before looking at its last letter


def _candidate(ctx: Context, m: Match, entry: TriggerEntry) -> Candidate:
    doc = ctx.doc
    c = Candidate(m.i, m.j, m.start, m.end, entry, entry.type, entry.mode, prefix=m.prefix)
    c.sent = doc.tokens[m.i].sentence
    c.clause = ctx.clause_range(m.i, m.j)
    c.weight = entry.weight
    c.definite = fold(m.text).startswith("ال") or m.prefix.endswith("لل")
    c.pointed = c.definite and not m.prefix and ctx.cue_ending(m.i, "demonstrative") is not None
    if entry.pos == "verb":
        words = fold(m.text).split()
        head = words[0] if words else ""
        lemma_head = fold(entry.lemma).split()[0] if entry.lemma.strip() else ""
        c.plural = (head.endswith("وا") and not lemma_head.endswith("و")) or (
            head[:1] in "يت" and head.endswith("ون")
        )
        c.passive = _voweled_passive(m.text[len(m.prefix) :]) or _hollow_passive(head)
    return c


def _hollow_passive(head: str) -> bool:
    """أصيب، أقيل، أطيح: the past passive of a hollow verb of form IV (its active is أصاب،
    أقال); the same letters would be a present in the first person, which news does not use."""
    stem = next((head[: -len(x)] for x in ("وا", "تا", "ت", "ا") if head.endswith(x)), head)
    return len(stem) == 4 and stem[0] == "ا" and stem[2] == "ي"


DAMMA = "\u064f"


def _voweled_passive(word: str) -> bool:
    """قُتل، اعتُقل، أُصيب: a past verb voweled as passive (a damma on its first letter, or on
    the ت of an اِفتُعل form). Present forms are left alone (يُعلن is active)."""
    letters = [ch for ch in word if ch != TATWEEL]
    if len(letters) < 3 or letters[0] in "يتن":
        return False
    if letters[1] == DAMMA:
        return True
    return letters[0] == "ا" and DAMMA in letters[2:5] and "ت" in letters[1:4]


def _inside_mention(
    ctx: Context, i: int, j: int, start: int, end: int, verb: bool, weapon: bool = False
) -> bool:
    """Whether tokens [i, j) belong to an actor's name or description (أعمال الشغب in مثيري
    أعمال الشغب). A named entity that swallowed a trigger (a verb opening the sentence, a
    phrase at its end) is cut back instead, and the trigger stays."""
    toks = ctx.doc.tokens
    for x in ctx.mentions:
        if not (x.start <= start and end <= x.end):
            continue
        if x.etype not in ("PER", "ORG"):
            # طائرة مسيرة: a weapon that is both the action's word and its doer stays a trigger
            return not (weapon and x.i == i and x.kind == "military")
        lo, _ = ctx.sentence_range(i)
        opening = i == x.i and verb and (i == lo or toks[i - 1].kind == "punct")
        closing = j == x.j and i > x.i and (j - i >= 2 or not verb)
        if opening:
            _cut_opening(ctx, x, j)
        elif closing:
            x.j, x.end = i, toks[i - 1].end
        else:
            return True
        return False
    return False


MEDIA = frozenset(
    fold(w)
    for w in ("قناة", "القناة", "صحيفة", "الصحيفة", "جريدة", "مجلة", "إذاعة", "وكالة", "تلفزيون", "شبكة")
)


def _named(ctx: Context, i: int, j: int) -> bool:
    """Tokens [i, j) name something rather than state an action or a weapon: a place's name
    (مدينة طراز) or the name of a channel or paper (قناة المسيرة، صحيفة الثورة)."""
    if i > 0 and ctx.norm(i - 1) in MEDIA:
        return True
    return ctx.inside_place(i, j)


def _cut_opening(ctx: Context, x: Mention, j: int) -> None:
    """A name that swallowed the verb opening its sentence (تجمع مئات الشبان العاطلين) keeps
    what follows the verb, less a leading quantity: the verb's subject (الشبان العاطلين)."""
    toks = ctx.doc.tokens
    q = ctx.quantity_at(j)
    if q is not None:
        j = ctx.past_min(q.j, x.j)
    if j >= x.j:
        ctx.mentions.remove(x)
        return
    x.i, x.start = j, toks[j].start
    if q is not None:
        x.named, x.etype = False, None  # a counted crowd, not a name


def _triggers(ctx: Context) -> list[Candidate]:
    doc = ctx.doc
    out: list[Candidate] = []
    taken: set[int] = set()
    for m in ctx.lex.triggers.find(doc, accept=_reading):
        entry: TriggerEntry = m.payload
        if entry.type == "NONE" or m.j - m.i > 1:
            taken.update(range(m.i, m.j))
        if entry.type == "NONE" or ctx.in_date(m.i):
            continue
        if entry.pos == "verb" and m.suffix and doc.tokens[m.j - 1].text.rstrip(MARKS).endswith("ة"):
            continue  # طالبة "a student" is no طالبه "demanded him": verbs never end in ة
        if _inside_mention(ctx, m.i, m.j, m.start, m.end, entry.pos == "verb", entry.mode == "drone"):
            continue
        if entry.pos != "verb" and _named(ctx, m.i, m.j):
            continue
        out.append(_candidate(ctx, m, entry))
    split = _split_triggers(ctx, taken)
    if split:
        # a split trigger replaces the one-word trigger at its head and those in its tail
        covered = {k for c in split if c.tail is not None for k in (c.i, *range(*c.tail))}
        out = [c for c in out if not covered.intersection(range(c.i, c.j))] + split
        out.sort(key=lambda c: c.i)
    return out


SPLIT_GAP = 7  # tokens allowed between a split trigger's head and its tail
MAX_ASIDES = 2  # asides set off by commas that a split trigger reaches past
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”", "'"})


ASIDE_SPAN = 5  # tokens a date set off by commas may take


# an aside that says who a crowd is or in whose presence something was done: خرج آلاف
# المحتجين، معظمهم من الشباب، إلى شوارع العاصمة؛ وقع زعماء القبيلتين، بحضور الوفد، اتفاق هدنة
CROWD_ASIDES = frozenset(
    fold(w)
    for w in ("معظمهم", "أغلبهم", "غالبيتهم", "بينهم", "منهم", "وبينهم", "بحضور", "برعاية", "بوساطة")
    + ("المعروف", "المعروفة")  # زعيم فارك رودريغو لوندونيو، المعروف باسم تيموشينكو،
)


def _dated_aside(ctx: Context, k: int) -> int | None:
    """The closing comma when the comma at ``k`` opens a short aside holding a date, or one
    that says who a crowd is (، معظمهم من الشباب،)."""
    if k >= len(ctx.doc.tokens):
        return None
    _, end = ctx.sentence_range(k)
    if k >= end or ctx.norm(k) not in ("،", ","):
        return None
    for x in range(k + 1, min(end, k + ASIDE_SPAN + 1)):
        if ctx.norm(x) in ("،", ","):
            dated = any(ctx.in_date(y) for y in range(k + 1, x))
            return x if dated or ctx.norm(k + 1) in CROWD_ASIDES else None
    return None


QUOTED_NAME = 4  # words a quoted name may have


def _quoted_name(ctx: Context, k: int) -> int | None:
    """The closing mark when the quotation mark at ``k`` opens a short quoted name."""
    n = len(ctx.doc.tokens)
    if k >= n or ctx.norm(k) not in QUOTE_MARKS:
        return None
    for x in range(k + 1, min(n, k + QUOTED_NAME + 2)):
        if ctx.norm(x) in QUOTE_MARKS:
            return x if x > k + 1 else None
        if ctx.doc.tokens[x].kind != "word":
            return None
    return None


def _split_tail(ctx: Context, m: Match, tails: dict[int, Match]) -> tuple[int, TriggerEntry] | None:
    _, hi = ctx.clause_range(m.i, m.j)
    reach = m.j + SPLIT_GAP + 1
    k = hi
    for _ in range(MAX_ASIDES):
        close = _dated_aside(ctx, k)
        if close is None:
            break  # وقع البلدان، أمس الاثنين، مذكرة تفاهم: a date set off by commas
        reach += close + 1 - k
        k = close
    if k != hi:
        hi = ctx.clause_range(k + 1, k + 1)[1]
    close = _quoted_name(ctx, hi)
    if close is not None:  # حمّل ... جماعة "التوحيد الوطنية" المحلية المسؤولية: a name in quotes
        hi = ctx.clause_range(close + 1, close + 1)[1]
    # a name between counts as one word: وقع مركز الملك سلمان للإغاثة والأعمال الإنسانية اتفاقية
    for x in ctx.mentions_in(m.j, reach):
        if x.named and x.j <= hi:
            reach += x.j - x.i - 1
    # and quotation marks count for nothing: حمّل ... جماعة "التوحيد الوطنية" المحلية المسؤولية
    reach += sum(1 for k in range(m.j, min(hi, reach)) if ctx.norm(k) in QUOTE_MARKS)
    for k in range(m.j, min(hi, reach)):
        t = tails.get(k)
        if t is None:
            # أفرجت السلطات عنهم: a one-word tail, a preposition with a pronoun
            prep = PREPOSITION_PRONOUNS.get(ctx.norm(k))
            for entry in m.payload if prep is not None else ():
                if entry.tail == (prep[0],):
                    return k, entry
            continue
        for entry in m.payload:
            if t.phrase[: len(entry.tail)] == entry.tail:
                return k, entry
    return None


def _split_triggers(ctx: Context, taken: set[int]) -> list[Candidate]:
    """أفرجت السلطات البحرينية عن، فتحت النيابة العامة تحقيقا: a verb, then within a few
    words of its clause the rest of the phrase."""
    doc = ctx.doc
    heads = [m for m in ctx.lex.split_heads.find(doc, overlapping=True, accept=_reading) if m.i not in taken]
    if not heads:
        return []
    tails = {t.i: t for t in ctx.lex.split_tails.find(doc, overlapping=True)}
    out: list[Candidate] = []
    for m in heads:
        found = _split_tail(ctx, m, tails) if not ctx.in_date(m.i) else None
        if found is None:
            continue
        k, entry = found
        if entry.pos == "verb" and not _verb_reading(m):
            continue
        if entry.pos != "verb" and m.payload and all(e.pos == "verb" for e in m.payload):
            continue
        if _inside_mention(ctx, m.i, m.j, m.start, m.end, entry.pos == "verb"):
            continue
        tail_j = k + len(entry.tail)
        toks = doc.tokens
        _inside_mention(ctx, k, tail_j, toks[k].start, toks[tail_j - 1].end, False)
        c = _candidate(ctx, m, entry)
        c.tail = (k, tail_j)
        c.clause = (c.clause[0], max(c.clause[1], ctx.clause_range(k, tail_j)[1]))  # across a dated aside
        out.append(c)
    return out


def _reading(m: Match) -> bool:
    """The matcher's filter: a verb form must read as a verb."""
    payload = m.payload
    if isinstance(payload, tuple):  # split heads: some entry must fit
        return any(e.pos != "verb" for e in payload) or _verb_reading(m)
    return payload.pos != "verb" or _verb_reading(m)


def _verb_reading(m: Match) -> bool:
    """A verb form matched through an article (الحذر), a ي suffix (أيدي) or, in the past
    tense, a preposition (لفرق، بحث) is a noun."""
    if m.suffix == "ي":
        return False
    if fold(m.text).startswith("ال") and not m.phrase[0].startswith("ال"):
        return False
    if "لل" in m.prefix or "ب" in m.prefix or "ك" in m.prefix:
        return False
    return not ("ل" in m.prefix and m.phrase[0][:1] not in "يتن")


def _mode_cues(ctx: Context, c: Candidate) -> None:
    lo, hi = c.clause
    if c.type in ("REQUEST", "THREATEN"):
        lo = c.j
        hi = ctx.sentence_range(c.i)[1]
    for _ in range(2):
        changed = False
        for m in ctx.mode_cues:
            if not (lo <= m.i < hi) or (c.i <= m.i < c.j) or _named(ctx, m.i, m.j):
                continue
            cue: ModeCue
            for cue in m.payload:
                if cue.type == c.type and cue.mode == c.mode:
                    c.mode = cue.to
                    c.type = cue.to_type or c.type
                    changed = True
                    break
            if changed:
                break
        if not changed:
            return


MANNER = frozenset(fold(w) for w in ("بشدة", "بأشد", "بأقوى", "بأقسى", "بقوة", "بالكامل", "بدورها", "بدوره"))
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")


def _convicts(ctx: Context, c: Candidate) -> bool:
    """إدانتهم بتهريب أسلحة، أدانه القضاء بالتخابر: ب and a charge after the one it names by a
    pronoun is a conviction, not a condemnation (إدانتها بشدة is one)."""
    word = ctx.norm(c.j - 1)
    if not word.endswith(OBJECT_PRONOUNS) or c.j >= len(ctx.doc.tokens):
        return False
    k = c.j
    if c.is_verb and ctx.doc.tokens[k].kind == "word" and not ctx.norm(k).startswith("ب"):
        k += 1  # أدانه القضاء بـ: past its subject
    nxt = ctx.norm(k) if k < len(ctx.doc.tokens) else ""
    return len(nxt) > 3 and nxt.startswith("ب") and nxt not in MANNER


CAUSES = frozenset(fold(w) for w in ("إثر", "بعد", "عقب", "بسبب"))  # إثر وفاة شاب: a cause


def _communal_victims(ctx: Context, c: Candidate) -> bool:
    """A religious or ethnic group suffers it (محلات مملوكة لمسلمين): communal violence, an
    attack and not a riot."""
    lo, hi = ctx.segment_range(c.i)
    after = c.actor.j if c.actor is not None else -1  # متظاهرين مسيحيين: who protests
    if c.type == "ASSAULT" and c.target is not None and c.target.kind in ("civilians", "refugees"):
        return True  # هاجم شبان مهاجرين بالعصي: people attacked, not a riot
    return any(m.kind == "communal" and lo <= m.i < hi and m.i != after for m in ctx.mentions)


def _recode(ctx: Context, c: Candidate) -> None:
    """Coding rules that depend on who acts: protesters blocking roads, smashing or burning;
    militants capturing; the state closing roads. (Before counts are bound: the type decides where counts go.)"""
    kind = c.actor.kind if c.actor is not None else None
    if (
        kind in PROTEST_KINDS
        and c.actor_how in ("subject", "agent", "complement", "inherited", "backward")
        and not _communal_victims(ctx, c)
    ):
        if c.entry.protest_mode and c.type in ("COERCE", "ASSAULT"):
            c.type, c.mode = "PROTEST", c.entry.protest_mode
        elif c.type == "COERCE" and c.mode in (None, "restrict"):
            c.type, c.mode = "PROTEST", "obstruct"
        elif c.type == "ASSAULT" and c.mode in ("destroy", "primitive") and not c.passive:
            c.type, c.mode = "PROTEST", "riot"
    if (
        c.type == "COERCE"
        and c.mode == "arrest"
        and (kind in NON_STATE_ARMED or (kind in PROTEST_KINDS and c.actor_how == "subject"))
    ):
        c.type, c.mode = "ASSAULT", "abduct"  # احتجز محتجون ستة من عناصر الشرطة: hostages
    if c.type == "PROTEST" and c.mode == "obstruct" and kind in STATE_KINDS and c.actor_how == "subject":
        c.type, c.mode = "COERCE", "restrict"  # أغلقت السلطات الطرق: the state closing roads
    if c.type == "RETREAT" and c.mode == "release" and kind in PROTEST_KINDS and c.actor_how != "":
        c.type, c.mode = "PROTEST", "riot"  # اقتحم محتجون سجنا وأطلقوا سراح السجناء: a jailbreak
    if c.mode == "crowd-control" and kind in PROTEST_KINDS and c.actor_how == "subject":
        c.dropped = "protesters dispersing"  # تفرق المحتجون: they dispersed


def _deadly(ctx: Context, c: Candidate) -> bool:
    """Someone is killed in the sentence of ``c`` (a count, or مقتل متظاهر)."""
    if "killed" in c.counts:
        return True
    lo, hi = ctx.sentence_range(c.i)
    return any(
        n.key == "killed" and (k == 0 or ctx.norm(k - 1) not in CAUSES)
        for k, (_, n) in ctx.count_nouns_in(lo, hi)
    )


SEIZED_PEOPLE_GAP = 6  # tokens between a seizure and the people it counts (the subject, a time)


def _recode_counted(ctx: Context, c: Candidate) -> None:
    """Coding rules that depend on the counts: riots that kill nobody, kidnappings of nobody."""
    if c.type == "ASSAULT" and c.mode is None and c.sides and not _deadly(ctx, c):
        # clashes of protesters (or rioters) with the police that kill nobody are a riot;
        # deadly ones stay ASSAULT (PLOVER: the security forces' violence)
        kinds = {m.kind for m in c.sides}
        if kinds & PROTEST_KINDS and (len(c.sides) == 1 or kinds & STATE_KINDS):
            c.type, c.mode = "PROTEST", "riot"
            crowd = [m for m in c.sides if m.kind in PROTEST_KINDS]
            police = [m for m in c.sides if m.kind in STATE_KINDS]
            if len(c.sides) > 1:
                c.actor, c.actor_how = crowd[0], "subject"
                c.target = police[0] if police else c.target
    if c.type == "ASSAULT" and c.entry.mode == "abduct" and not c.counts and c.target is None:
        # خطف سيارات: a hijacked vehicle is not a kidnapping unless people are named or counted
        c.dropped = "no captive"
    if c.entry.people and not c.counts and not _person(c.target):
        c.dropped = "no person"  # إيقاف الصادرات، إيقاف الحرب: not an arrest
    if c.entry.forces and c.actor is not None and c.actor.kind not in STATE_KINDS:
        c.dropped = "not the state"  # حجز المواطنون تذاكر السفر: a booking, not a seizure
    held = c.counts.get("arrested")
    if (
        c.type == "COERCE"
        and c.mode == "seize"
        and held is not None
        and 0 <= held.i - c.j <= SEIZED_PEOPLE_GAP
    ):
        c.mode = "arrest"  # ضبطت الأجهزة الأمنية 45 مخالفا: people seized are people arrested


def _person(m: Mention | None) -> bool:
    """A mention of people: a person's name or a description of people who are not a state body."""
    return m is not None and (m.etype == "PER" or (not m.named and m.kind in PERSON_KINDS))


def _protest_demands(cands: list[Candidate]) -> None:
    """Demands voiced by protesters are part of their protest, not events of their own."""
    protests = {c.sent for c in cands if c.type == "PROTEST" and not c.dropped}
    for c in cands:
        if c.type in ("REQUEST", "REJECT") and not c.dropped:
            kind = c.actor.kind if c.actor is not None else None
            # a union's statement in an article with no protest is a demand of its own
            if c.sent in protests or (kind in ("protesters", "workers", "students") and protests):
                c.dropped = "protest demand"


def _background(cands: list[Candidate]) -> None:
    """Causes told in passing (خرجوا تنديدا باغتيال الصحفي، انسحب الوفد احتجاجا على القصف)
    are not coded when the sentence reports another action."""
    # per sentence: whether it reports a foreground action, and where its first plain one starts
    foreground: set[int] = set()
    first_plain: dict[int, int] = {}
    for c in cands:
        if not c.dropped and not c.background:
            foreground.add(c.sent)
            if not c.entry.adverbial:
                first_plain[c.sent] = min(c.i, first_plain.get(c.sent, c.i))
    for c in cands:
        if c.dropped:
            continue
        if c.entry.adverbial and first_plain.get(c.sent, c.i) < c.i:
            c.dropped = "adverbial"
        elif c.background and c.sent in foreground and not c.counts and c.date_source != "clause":
            c.dropped = "background"


CASUALTY_KEYS = frozenset({"killed", "injured"})
CASUALTY_REACH = 4  # tokens after استقبل within which the bodies or the wounded it took in are told


def _misread(ctx: Context, c: Candidate) -> bool:
    """A weak trigger in another sense: a hospital receiving bodies or wounded (استقبل المستشفى
    27 جثة) is no visit; an order to leave is an expulsion only of diplomats or officials; a
    gathering of a state's soldiers (قصفت تجمعا لجنود الاحتلال) or a summit bringing states
    together (قمة تجمع مصر والصومال) is no protest."""
    if c.type == "CONSULT":
        ahead = ctx.count_nouns_in(c.j, c.j + CASUALTY_REACH)
        return any(noun.key in CASUALTY_KEYS for _, (_, noun) in ahead)
    if c.type == "SANCTION" and ctx.norm(c.i).lstrip("وف").startswith(("امر", "يامر", "تامر")):
        # أمرت روسيا 20 دبلوماسيا بمغادرة أراضيها; not أمر الرئيس الجيش بمغادرة الثكنات
        return c.target is None or c.target.kind != "officials"
    if c.type == "PROTEST":
        for m in ctx.mentions_in(c.j, c.j + 2)[:1]:
            if m.kind in FORCE_KINDS:
                return True  # تجمعا لجنود الاحتلال
            bare = m.i == c.j and m.start == ctx.doc.tokens[m.i].start  # no clitic: تجمع مصر
            return bare and m.etype == "LOC"
    return False


FORCE_KINDS = frozenset({"military", "police", "security"})


WARN_LEMMAS = frozenset({"حذر", "مهددا|مهددة|مهددين|محذرا|محذرة|محذرين"})
WARN_REACH = 12  # tokens from the warning word to its من
FUTURE_REACH = 15  # tokens after من أن within which the warned action is told
THAT_FORMS = frozenset(fold(w) for w in ("أن", "أنه", "أنها", "أنهم", "أنهما"))  # من أن، من أنها
THREAT_NOUNS = frozenset(fold(w) for w in ("عواقب", "العواقب", "تبعات", "التبعات", "رد", "الرد"))


def _warning_of_danger(ctx: Context, c: Candidate) -> bool:
    """حذر من تفشي الكوليرا، محذرا من أن المجاعة باتت وشيكة: a warning of a danger is no threat.
    A warning is a threat when it addresses a party (حذرت حماس إسرائيل من عواقب وخيمة), names
    consequences (من عواقب، من رد), or says what someone will do (من أن أي هجوم سيقابل برد،
    من أن بلاده لن تقف مكتوفة الأيدي)."""
    if (
        c.type != "THREATEN"
        or c.entry.lemma not in WARN_LEMMAS
        or not fold(ctx.doc.text[c.start : c.end]).lstrip("و").startswith(("حذر", "محذر", "يحذر", "تحذر"))
    ):
        return False
    toks = ctx.doc.tokens
    k = next((x for x in range(c.j, min(c.j + WARN_REACH, len(toks))) if ctx.norm(x) == "من"), None)
    if k is None or k + 1 >= len(toks):
        return False
    if any(m.i >= c.j and m.j <= k and m is not c.actor for m in ctx.mentions_in(c.j, k)):
        return False  # حذرت حماس إسرائيل من: a party warned
    nxt = ctx.norm(k + 1)
    if nxt not in THAT_FORMS:
        return nxt not in THREAT_NOUNS
    sent_end = ctx.sent_bounds[c.sent][1] if c.sent < len(ctx.sent_bounds) else len(toks)
    for x in range(k + 2, min(k + 2 + FUTURE_REACH, sent_end)):
        w = ctx.norm(x)
        if w in ("لن", "سوف") or (len(w) >= 4 and w[0] == "س" and w[1] in "يتنا" and not w.endswith("ه")):
            return False  # سيقابل، ستتعامل، لن تقف: what someone will do
        if w == "قد" and x + 1 < sent_end and ctx.norm(x + 1)[:1] in "يتن":
            return False  # من أنها قد تلجأ إلى الذخيرة الحية: what it may do
    return True


def _anchored(ctx: Context, c: Candidate) -> bool:
    """A weak or ambiguous trigger needs something concrete of its own: a count, a place below
    the country level, a party that acts or suffers it by name or by office, or for a seizure,
    goods that only the state seizes (وضبطت بحوزتهم خمس بنادق)."""
    if c.counts or _seizes_contraband(ctx, c):
        return True
    stated = ("clause", "sentence", "linked")  # linked: the place of the action it is part of
    if c.place_source in stated and c.places and c.places[0].data.get("kind") != "country":
        return True
    a = c.actor
    if (
        a is not None
        and c.actor_how not in ("inherited",)
        and (a.named or a.kind in STATE_KINDS | NON_STATE_ARMED)
    ):
        return True
    if a is not None and c.actor_how in ("subject", "agent", "complement") and a.kind:
        return True  # a party that acts stated as the subject: رفضت المعارضة، أغلق المحتجون
    return c.target is not None and c.target.named


CONTRABAND_REACH = 5  # tokens after a seizure word within which its goods are named


def _seizes_contraband(ctx: Context, c: Candidate) -> bool:
    """ضبطت بحوزتهم خمس بنادق، حجز كميات من المخدرات: a seizure of weapons, drugs or boats."""
    if c.type != "COERCE" or c.mode != "seize":
        return False
    end = min(ctx.segment_range(c.i)[1], c.j + CONTRABAND_REACH)
    return any(ctx.cue_at(x, "contraband") is not None for x in range(c.j, end))


def _confidence(ctx: Context, c: Candidate) -> float:
    conf = c.weight
    conf += 0.05 * (c.actor is not None) + 0.05 * (c.place_source == "clause")
    conf += 0.05 * (c.date_source in ("clause", "sentence")) + 0.05 * bool(c.counts)
    conf += 0.03 * min(c.merged - 1, 3)
    if not _anchored(ctx, c):
        conf -= 0.15
    return round(max(0.0, min(0.99, conf)), 2)


def _evidence(ctx: Context, c: Candidate) -> tuple[int, int]:
    toks = ctx.doc.tokens
    a, b = c.clause
    if b - a < 4:
        a, b = ctx.sentence_range(c.i)
    while a < b - 1 and toks[a].kind == "punct":
        a += 1
    while b - 1 > a and toks[b - 1].kind == "punct":
        b -= 1
    return toks[a].start, toks[b - 1].end


def _span(doc: Doc, start: int, end: int) -> dict[str, Any]:
    return {"text": doc.text[start:end], "start": start, "end": end}


def _entity_latin(ctx: Context, m: Mention | None) -> str | None:
    if m is None:
        return None
    rank = {"PER": 0, "ORG": 1, "LOC": 2}
    inside = [
        s for s in ctx.doc.get("entity") if m.start <= s.start and s.end <= m.end and s.data.get("latin")
    ]
    if inside:
        return str(min(inside, key=lambda s: rank.get(s.data.get("type"), 3)).data["latin"])
    for _, _, s in ctx.places:
        if m.start <= s.start and s.end <= m.end and s.data.get("name") and m.named:
            return str(s.data["name"])
    return None


def _party(ctx: Context, m: Mention | None, country: str | None) -> dict[str, Any] | None:
    if m is None:
        return None
    out = _span(ctx.doc, m.start, m.end)
    out["kind"] = m.kind
    out["country"] = m.country or (country if not m.named or m.etype == "ORG" else None)
    return out


def _credit(ctx: Context) -> str | None:
    """The credited source's Latin name (the credited-source stage runs before this one)."""
    doc = ctx.doc
    spans = doc.get("credited_source")
    if not spans:
        return None
    s = spans[0]
    for e in doc.get("entity"):
        if e.overlaps(s) and e.data.get("latin"):
            return str(e.data["latin"])
    from rasd.events.notes import transliterate

    return transliterate(s.text_of(doc))


def _event(
    ctx: Context, c: Candidate, place: Span | None, source: str | None, counts: bool = True
) -> dict[str, Any]:
    """The contract's event object for ``c`` at ``place`` (``counts``: with its figures)."""
    doc = ctx.doc
    info = ctx.lex.taxonomy.get((c.type, c.mode)) or ctx.lex.taxonomy.get((c.type, None))
    place_obj = None
    if place is not None:
        place_obj = _span(doc, place.start, place.end) | {k: place.data.get(k) for k in PLACE_FIELDS}
        if place_obj.get("kind") not in ("country", "region", "city", "place"):
            place_obj["kind"] = "place"
    country = (place.data.get("country") if place is not None else None) or ctx.main_country
    # a place the clause names (not the dateline) sets the country even of a statement or a deal;
    # not of a sanction, whose place is often the post recalled from (سفيرها من طهران)
    stated = (
        c.type != "SANCTION"
        and place is not None
        and c.place_source == "clause"
        and place.data.get("country")
        and not place.data.get("dateline")
    )
    if c.type in VERBAL_TYPES | {"SANCTION"} and c.actor is not None and c.actor.country and not stated:
        country = c.actor.country
        if place is not None and place.data.get("country") != country:
            place_obj = None  # said in its own country, not at a place of the story told before
    elif c.type in VERBAL_TYPES and c.place_source == "article" and ctx.dateline_country:
        # a statement with no place of its own was made where the story is reported from
        country = ctx.dateline_country
    date, precision = None, None
    if c.date is not None:
        date, precision = c.date.data.get("value"), c.date.data.get("precision")
    elif c.date_source == "report" and doc.published is not None:
        date, precision = doc.published.isoformat(), "day"
    ev: dict[str, Any] = {
        "type": c.type,
        "mode": c.mode,
        "actor": _party(ctx, c.actor, country),
        "target": _party(ctx, c.target, country),
        "place": place_obj,
        "country": country,
        "date": date,
        "date_precision": precision,
        "counts": {
            k: {"value": int(q.value) if float(q.value).is_integer() else q.value, "qualifier": q.qualifier}
            | {"evidence": _span(doc, q.start, q.end)}
            for k, q in (c.counts.items() if counts else ())
        },
        "evidence": _span(doc, *c.evidence),
        "acled": (
            {"event_type": info.acled_event_type, "sub_event_type": info.acled_sub_event_type}
            if info is not None and info.acled_event_type
            else None
        ),
        "cameo": info.cameo if info is not None else None,
        "negated": c.negated,
        "attributed_to": _span(doc, *c.attributed_to) if c.attributed_to else None,
        "confidence": c.confidence,
    }
    ev["note"] = note(ev, info, _entity_latin(ctx, c.actor), _entity_latin(ctx, c.target), source)
    return ev


OPENERS = frozenset(fold(w) for w in ("كما", "ثم", "وكما", "فيما", "وقد", "قد", "كذلك"))


def _subject_carried(ctx: Context, cands: list[Candidate], by_sent: dict[int, list[Candidate]]) -> None:
    """أعلنت الشرطة ... . واعتقلت 12 منهم: a verb that opens its sentence with no subject of its
    own continues the subject of the sentence before (its first action told with one)."""
    for c in cands:
        if c.actor is not None or not c.is_verb or c.passive or c.dropped or by_sent[c.sent][0] is not c:
            continue
        lo, _ = ctx.sentence_range(c.i)
        if any(ctx.norm(k) not in OPENERS for k in range(lo, c.i)):
            continue  # only a verb that opens its sentence (after و، كما، ثم)
        before = [
            x
            for x in by_sent.get(c.sent - 1, [])
            if x.actor is not None and x.actor_how in ("subject", "agent") and not x.dropped
        ]
        if before:
            c.actor, c.actor_how = before[0].actor, "inherited"


def _similar(ctx: Context, cands: list[Candidate]) -> None:
    """سجلت مواجهات مماثلة في مدن سوسة والقصرين: an action "like" one told before by a word of
    the same kind (argument cue role ``similar`` right after it) is coded as that one was, a
    riot as a riot, and has its party when it names none."""
    for n, c in enumerate(cands):
        if c.j >= len(ctx.doc.tokens) or ctx.cue_at(c.j, "similar") is None:
            continue
        like = next(
            (
                p
                for p in reversed(cands[:n])
                if (p.entry.type, p.entry.mode) == (c.entry.type, c.entry.mode)
                and not p.dropped
                and p.sent < c.sent
            ),
            None,
        )
        if like is None:
            continue
        c.type, c.mode = like.type, like.mode
        if c.actor is None and like.actor is not None:
            c.actor, c.actor_how = like.actor, "inherited"


def _crowd_named_later(cands: list[Candidate]) -> None:
    """تجددت المظاهرات ...، وأحرق المتظاهرون الإطارات: a protest told without its crowd takes the
    crowd that acts in the same sentence right after it."""
    for a, b in zip(cands, cands[1:], strict=False):
        if (
            a.type == "PROTEST"
            and a.actor is None
            and not a.is_verb
            and b.type == "PROTEST"
            and b.sent == a.sent
            and b.actor is not None
            and b.actor_how == "subject"
            and b.actor.kind in CROWD_KINDS
        ):
            a.actor, a.actor_how = b.actor, "inherited"


CROWD_REACH = 1  # sentences before and after a protest within which its crowd may be named


def _crowd_nearby(ctx: Context, cands: list[Candidate]) -> None:
    """الاحتجاجات المستمرة في نيكاراغوا ... ويطالب الطلبة: a protest noun told without its crowd
    takes the crowd named nearest to it, in its sentence or the one before or after."""
    for c in cands:
        if c.type != "PROTEST" or c.actor is not None or c.is_verb or c.dropped:
            continue
        near = [
            m
            for m in ctx.mentions
            if m.kind in PROTEST_KINDS
            and not m.named
            and abs(ctx.doc.tokens[m.i].sentence - c.sent) <= CROWD_REACH
            and not (c.i <= m.i < c.j)
        ]
        if near:
            c.actor = min(near, key=lambda m: abs(m.i - c.i))
            c.actor_how = "inherited"


# verbs that strike: what they take as object is a target, not an action of its own
STRIKE_VERBS = frozenset(
    fold(w)
    for w in ("استهدف", "استهدفت", "قصف", "قصفت", "أسقط", "أسقطت", "اعترض", "اعترضت", "أطلق", "أطلقت")
    + ("هاجم", "هاجمت", "ضرب", "ضربت", "شن", "شنت", "أصاب", "أصابت")
)
DRONE_AFTER = frozenset(
    fold(w)
    for w in ("تابعة", "مفخخة", "مفخخات", "انتحارية", "معادية", "أطلقتها", "أطلقها", "محملة", "هجومية")
)
DRONE = TriggerEntry("مسيرة", "fixed", "ASSAULT", "drone", 0.7, "none", "killed", False, False)


def _struck(ctx: Context, c: Candidate) -> bool:
    """The trigger stands right after a verb of striking (استهدفت مسيرة، قصفت تجمعا)."""
    for k in range(max(0, c.i - 3), c.i):
        n = ctx.norm(k)
        if (n[1:] if n[:1] in "وف" else n) in STRIKE_VERBS:
            return True
    return False


def _marches_and_drones(ctx: Context, cands: list[Candidate]) -> None:
    """مسيرة is a march or a drone: a drone after ب (بمسيرة), after a verb of striking or
    before its nationality or تابعة، مفخخة. A gathering struck (استهدف تجمعا) is the target of
    an attack, not a protest."""
    for c in cands:
        if c.type != "PROTEST":
            continue
        word = fold(ctx.doc.text[c.start : c.end])
        if c.entry.lemma == "مسيرة|مسيرات":
            nxt = ctx.norm(c.j) if c.j < len(ctx.doc.tokens) else ""
            if "ب" in c.prefix or _struck(ctx, c) or c.j in ctx.demonyms or nxt in DRONE_AFTER:
                c.entry, c.type, c.mode = DRONE, "ASSAULT", "drone"
        elif word.startswith(("تجمع", "التجمع")) and _struck(ctx, c):
            c.dropped = "target"  # استهدف تجمعا للمواطنين


HARMED = ("killed", "injured")


def _victim_not_doer(c: Candidate) -> Mention | None:
    """وقتل رئيس الوزراء السابق في انفجار: قتل unvoweled reads as passive when the party after it
    is counted among the dead or wounded; that party is whom it was done to, not who did it
    (returned when moved)."""
    if c.actor is None or c.type != "ASSAULT" or c.actor_how != "subject":
        return None
    a = c.actor
    if any(a.i <= q.i < a.j for key, q in c.counts.items() if key in HARMED):
        c.target = c.target or a
        c.actor, c.actor_how = None, ""
        return a
    return None


WARRANT_REACH = 3  # tokens from a court's verb to the warrant it issues


def _warrants(cands: list[Candidate]) -> None:
    """أصدرت المحكمة مذكرة توقيف بحق الرئيس: what the court issued is a warrant (ACCUSE
    investigate), not a verdict."""
    warrants = [d for d in cands if d.type == "ACCUSE" and d.mode == "investigate" and not d.dropped]
    for c in cands:
        if c.type == "SANCTION" and c.mode == "convict" and not c.dropped:
            if any(0 <= d.i - c.j <= WARRANT_REACH for d in warrants):
                c.dropped = "governed"


CONDEMNED_REACH = 6  # tokens from a condemnation to the attack it names: أدانت سفارة X في Y الهجوم


def _condemned(ctx: Context, cands: list[Candidate]) -> None:
    """ودانت السفارة الهجوم: an attack named bare and definite as what a statement condemns is
    the attack told before, not a new one (it points back, like هذا الهجوم)."""
    for p in cands:
        if p.type != "ACCUSE" or p.dropped:
            continue
        for c in cands:
            if (
                c.type == "ASSAULT"
                and c.definite
                and not c.is_verb
                and not c.counts
                and c.sent == p.sent
                and 0 <= c.i - p.j <= CONDEMNED_REACH
                and not any(ctx.doc.tokens[k].kind == "punct" for k in range(p.j, c.i))
            ):
                c.pointed = True


def candidates(doc: Doc) -> tuple[Context, list[Candidate]]:
    """All trigger mentions with their frames and modality (before merging and filtering)."""
    ctx = build(doc)
    cands = _triggers(ctx)
    _marches_and_drones(ctx, cands)
    mark_passive(ctx, cands)
    speakers, announcers = attribution(ctx, cands)
    prev: Candidate | None = None
    lead: Candidate | None = None  # the sentence's first statement with its subject
    for c in cands:
        if lead is not None and lead.sent != c.sent:
            lead = None
        find_actor(ctx, c, prev, speakers, announcers, lead)
        speaking_for_a_state(ctx, c, speakers)
        if lead is None and c.is_verb and c.type in VERBAL_TYPES and c.actor_how == "subject":
            lead = c
        find_target(ctx, c)
        find_place(ctx, c)
        find_date(ctx, c)
        prev = c
    inherit_dates(ctx, cands)
    inherit_places(ctx, cands)
    claimed_attacks(ctx, cands)
    for c in cands:
        _mode_cues(ctx, c)
        if c.type == "ACCUSE" and c.mode is None and _convicts(ctx, c):
            c.type, c.mode = "SANCTION", "convict"
        if c.type == "ACCUSE" and c.mode is None:
            c.mode = "disapprove"  # أدان: a condemnation, unless a court convicts (mode cues)
        _recode(ctx, c)
    _crowd_named_later(cands)
    _crowd_nearby(ctx, cands)
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    _subject_carried(ctx, cands, by_sent)
    rest: dict[int, list[Binding]] = {}
    named = {k for m in ctx.mentions for k in range(m.i, m.j)}
    for s, group in by_sent.items():
        lo, hi = ctx.sent_bounds[s] if s < len(ctx.sent_bounds) else (group[0].i, group[-1].j)
        rest[s] = assign_counts(bind_counts(ctx, lo, hi, group, named), group, ctx)
    for c in cands:
        _recode_counted(ctx, c)
    _similar(ctx, cands)
    for s, group in by_sent.items():
        rest[s] = assign_counts(rest[s], group)  # a clash recoded as a riot takes its crowd
    victims = [a for a in map(_victim_not_doer, cands) if a is not None]
    for c in cands:
        if c.actor_how == "inherited" and any(c.actor is v for v in victims):
            c.actor, c.actor_how = None, ""  # the انفجار after it did not inherit a doer either
    apply_modality(ctx, cands)
    governs = {k: v.governs for k, v in ctx.lex.taxonomy.items()}
    apply_governing(ctx, cands, governs)
    _protest_demands(cands)
    _background(cands)
    _warrants(cands)
    _condemned(ctx, cands)
    for c in cands:
        if not c.dropped and c.entry.goods and not _seizes_contraband(ctx, c):
            c.dropped = "no goods"  # عثر على جثة: a body found, not a seizure
        elif not c.dropped and c.entry.anchor and not _anchored(ctx, c):
            c.dropped = "anchor"
        elif not c.dropped and c.entry.anchor and _misread(ctx, c):
            c.dropped = "misread"
        elif not c.dropped and _warning_of_danger(ctx, c):
            c.dropped = "warning"
        c.evidence = _evidence(ctx, c)
    _carry_counts(ctx, rest, cands, named)
    _named_victims(ctx, cands)
    return ctx, cands


def _named_victims(ctx: Context, cands: list[Candidate]) -> None:
    """قُتل المعارض يحيى ديلو، اعتقال الناشط أحمد: one named person suffering an action with no
    count is a count of 1 (evidence: the name)."""
    for c in cands:
        key, t = c.entry.count, c.target
        if c.dropped or c.counts or key not in VICTIM_KEYS or t is None or t.etype != "PER":
            continue
        if c.type not in COUNT_TYPES.get(key, ()):
            continue
        if any(ctx.norm(k)[:1] == "و" for k in range(t.i + 1, t.j)):
            continue  # الساحلي وشقيقه: more than one
        c.counts[key] = Quantity(t.i, t.j, t.start, t.end, 1.0, "exact")


def _carry_counts(
    ctx: Context, rest: dict[int, list[Binding]], cands: list[Candidate], named: set[int]
) -> None:
    """A toll told in a sentence with no action of its own (وأفاد مسعفون بسقوط ثلاثة قتلى)
    belongs to the action of the sentence just before it."""
    kept: dict[int, list[Candidate]] = {}
    for c in cands:
        if not c.dropped:
            kept.setdefault(c.sent, []).append(c)
    for s in range(len(ctx.sent_bounds)):
        if s in kept:
            continue
        # the toll belongs to the action just told; a toll that opens the story (لقي أربعة أشخاص
        # مصرعهم ...) to the action told right after it (... تطورت إلى تبادل لإطلاق النار)
        other = s - 1 if s - 1 in kept else (s + 1 if s + 1 in kept and s - 1 not in kept else None)
        if other is None:
            continue
        lo, hi = ctx.sent_bounds[s]
        bindings = rest[s] if s in rest else bind_counts(ctx, lo, hi, [], named)
        told = {k for c in kept[other] for k in c.counts}
        if other < s and _revised(ctx, lo, hi):
            # وارتفع عدد القتلى لاحقا إلى 13: the new toll replaces the last one told before
            earlier = [c for c in cands if c.sent < s and not c.dropped]
            unrevised = []
            for b in bindings:
                told_before = [c for c in earlier if b.key in c.counts]
                if b.key in CARRIED_KEYS and told_before:
                    last = told_before[-1]
                    if b.q.value > last.counts[b.key].value:
                        last.counts[b.key] = b.q
                else:
                    unrevised.append(b)
            bindings = unrevised
        # a figure for a key already given (نقل 6 مصابين إلى المستشفى) is a part of it, not the toll
        assign_counts([b for b in bindings if b.key in CARRIED_KEYS and b.key not in told], kept[other])


REVISED = frozenset(fold(w) for w in ("ارتفع", "ارتفعت", "وارتفع", "وارتفعت", "فارتفع", "فارتفعت"))


def _revised(ctx: Context, lo: int, hi: int) -> bool:
    """The sentence revises a toll: ارتفع عدد القتلى إلى، إن الحصيلة ارتفعت إلى."""
    return any(ctx.norm(k) in REVISED for k in range(lo, hi)) and any(
        ctx.norm(k) == TO for k in range(lo, hi)
    )


def events(doc: Doc) -> Doc:
    if not doc.tokens:
        return doc
    ctx, cands = candidates(doc)
    kept = [c for c in cands if not c.dropped]
    merged = merge(doc, kept)
    source = _credit(ctx) if merged else None
    for c in merged:
        c.confidence = _confidence(ctx, c)
        if c.confidence < MIN_CONFIDENCE:
            continue
        places = c.places or [None]  # type: ignore[list-item]
        for n, place in enumerate(places):
            # one figure for several places goes on the first one named
            ev = _event(ctx, c, place, source, counts=n == 0)
            doc.add("event", Span(c.evidence[0], c.evidence[1], "event", {"event": ev}))
    return doc
