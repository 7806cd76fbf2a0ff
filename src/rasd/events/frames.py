"""Frame filling: from a trigger to a candidate event with actor, target, place, date and counts.

A ``Candidate`` is one mention of an action. ``fill`` finds its arguments near the trigger:

- actor: an agentive phrase (من قبل، على يد، برصاص X); for two-sided violence the sides after
  بين; for a verb its subject (after it, VSO) or, without one, the actor of the previous
  action in the sentence or the nearest description before it (SVO); for a verbal noun its
  complement (intransitive: احتجاجات العمال) or the subject of the verb that announces it
  (أعلنت الشرطة اعتقال ...);
- target: the object after the verb and its subject, or the complement of the verbal noun;
- place: the places of its clause, else of its sentence, else the article's main place;
- date: the dates of its clause, else of its sentence, else the report date;
- counts: quantities bound to count nouns (``bind_counts``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rasd.arabic.clitics import segmentations
from rasd.arabic.normalise import fold
from rasd.doc import Doc, Span
from rasd.events.context import PREPOSITIONS, TITLE_KINDS, Context, Mention, Quantity
from rasd.events.lexicon import CountNoun, TriggerEntry
from rasd.matcher import PREPOSITION_PRONOUNS

AGENT_AFTER = frozenset(fold(w) for w in ("برصاص", "بنيران", "بقصف", "بغارة", "بغارات"))
TARGET_PREPS = frozenset(fold(w) for w in ("على", "ضد", "بحق", "إلى", "الى", "لدى"))
NO_BACKWARD = frozenset({"PROTEST"})
INHERIT_SPAN = 10  # tokens between two actions that share an unstated subject
CONTRAST = frozenset(fold(w) for w in ("فيما", "وفيما", "بينما", "وبينما", "حين"))  # a new subject follows


def contrast_between(doc: Doc, lo: int, hi: int) -> bool:
    """فيما، بينما among tokens [lo, hi): a new action with a subject of its own follows."""
    return any(doc.tokens[k].norm in CONTRAST for k in range(lo, hi))


LIST_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
COUNT_TYPES = {
    "killed": ("ASSAULT", "PROTEST"),
    "injured": ("ASSAULT", "PROTEST"),
    "arrested": ("COERCE",),
    "kidnapped": ("ASSAULT",),
    "displaced": ("ASSAULT", "COERCE"),
    "missing": ("ASSAULT",),
    "participants": ("PROTEST",),
    "expelled": ("SANCTION", "COERCE"),
    "deported": ("COERCE",),
    "released": ("RETREAT",),
}
VAGUE = {"tens", "hundreds", "thousands"}
# count keys whose people suffer the action: a counted crowd after such a verb is its victim
VICTIM_KEYS = frozenset({"killed", "injured", "arrested", "kidnapped", "expelled", "deported"})
# بينهم أربعة أطفال، منهم ثلاث نساء: a part of a count already given, not a count of its own
SUBSET = frozenset(fold(w) for w in ("بينهم", "بينها", "بينهن", "منهم", "منهن", "وبينهم", "ومنهم"))
CROWD_KINDS = frozenset(
    {"protesters", "workers", "students", "civilians", "opposition", "rioters", "militants", "rebels"}
)
# types whose events are statements: their country is the speaker's, their place only a stated one
# types of physical actions: told without a place or date of their own, they are the story's
STORY_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"})
VERBAL_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "CONCEDE"}
)


@dataclass
class Candidate:
    """One mention of an action, with what frame filling found around it."""

    i: int
    j: int
    start: int
    end: int
    entry: TriggerEntry
    type: str
    mode: str | None
    prefix: str = ""
    sent: int = 0
    clause: tuple[int, int] = (0, 0)
    actor: Mention | None = None
    actor_how: str = ""  # subject, agent, mutual, complement, inherited, backward
    target: Mention | None = None
    places: list[Span] = field(default_factory=list)
    place_source: str = ""  # clause, sentence, linked or story (inherited), article
    date: Span | None = None
    date_source: str = ""  # clause, sentence, story (inherited), report
    counts: dict[str, Quantity] = field(default_factory=dict)
    negated: bool = False
    dropped: str = ""  # why it is not coded: future, hypothetical, governed, anchor
    attributed_to: tuple[int, int] | None = None
    passive: bool = False
    weight: float = 0.0
    confidence: float = 0.0
    evidence: tuple[int, int] = (0, 0)
    governs: str | None = None
    merged: int = 1
    definite: bool = False
    tail: tuple[int, int] | None = None  # token range of a split trigger's second part
    plural: bool = False  # a verb with a plural subject suffix (قطعوا): its subject came before
    sides: list[Mention] = field(default_factory=list)  # the sides of two-sided violence
    background: bool = False  # a verbal noun after إثر، تنديدا ب، على خلفية: a cause, told before
    revises: bool = False  # ارتفعت حصيلة الغارة إلى تسعة: a revised toll of an action told before
    pointed: bool = False  # هذه الاشتباكات، تلك الغارات: an action told before, pointed back to

    @property
    def is_verb(self) -> bool:
        return self.entry.pos == "verb"

    @property
    def last(self) -> int:
        """The token after the trigger, its split tail included."""
        return self.tail[1] if self.tail is not None else self.j


# ---------------------------------------------------------------- actors and targets
def _first_mention_from(ctx: Context, k: int, stop: int, sites: bool = False) -> Mention | None:
    """The first mention starting in [k, stop); sites (a market, a mosque) only if ``sites``."""
    for m in ctx.mentions:
        if m.i >= stop:
            break
        if k <= m.i and (sites or m.kind != "site"):
            return m
    return None


def _bare_word(ctx: Context, k: int, hi: int) -> Mention | None:
    """The word at ``k`` as an unnamed party (على أيدي مسلمين): not a number, punctuation,
    preposition or a site."""
    if k >= hi:
        return None
    t = ctx.doc.tokens[k]
    if t.kind != "word" or t.norm in PREPOSITIONS or ctx.in_date(k):
        return None
    return Mention(k, k + 1, t.start, t.end, None, None, False)


def _in_pp(ctx: Context, m: Mention) -> bool:
    """The mention is the object of a preposition (في الشرطة، بالجيش، للحكومة)."""
    tok = ctx.doc.tokens[m.i]
    if m.start > tok.start:
        prefix = ctx.doc.text[tok.start : m.start]
        if any(c in fold(prefix) for c in "بلك"):
            return True
    if m.i > 0 and ctx.norm(m.i - 1) == "من" and _partitive_before(ctx, m.i):
        return False  # عدد من المسلحين: the من of a partitive
    return m.i > 0 and ctx.norm(m.i - 1) in PREPOSITIONS


def _partitive_before(ctx: Context, i: int) -> bool:
    """A partitive (عدد من، مجموعة) ends just before token ``i`` or before its من."""
    return ctx.cue_ending(i, "partitive") is not None or ctx.cue_ending(i - 1, "partitive") is not None


def _agent(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """من قبل X، على يد X، على أيدي X، برصاص X after the trigger. After على يد (a cue of role
    ``agent``) the next word is the doer even when it is no known description."""
    toks = ctx.doc.tokens
    if c.j - c.i == 1 and toks[c.i].norm in AGENT_AFTER:
        # برصاص قوات الاحتلال، بقصف الطيران: the trigger itself names its doer after it
        m = _first_mention_from(ctx, c.j, min(hi, c.j + 2))
        if m is not None and not _in_pp(ctx, m):
            return m
    if not c.is_verb and c.type == "ASSAULT" and c.j < hi and toks[c.j].norm == "من":
        # لإطلاق نار من مسلحين، بقصف من طائرة مسيرة: an armed party after من is the shooter
        m = _first_mention_from(ctx, c.j + 1, min(hi, c.j + 2))
        if m is not None and m.kind in ARMED_KINDS:
            return m
    for k in range(c.j, min(hi, c.j + 12)):
        n = toks[k].norm
        prev = toks[k - 1].norm if k > 0 else ""
        cue = ctx.cue_at(k, "agent")
        if cue is not None:
            after = ctx.past_partitive(cue)
            return _first_mention_from(ctx, after, min(hi, after + 2)) or _bare_word(ctx, after, hi)
        if (n == "قبل" and prev == "من") or n in AGENT_AFTER:
            m = _first_mention_from(ctx, k + 1, min(hi, k + 4), sites=True)
            if m is None or m.kind == "site" or (m.i > k + 1 and _in_pp(ctx, m)):
                return None  # بقصف مخيم للنازحين: what was shelled, not who shelled
            return m
    return None


def _mutual(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """The sides of two-sided violence: بين X و Y -> one actor spanning X and Y."""
    toks = ctx.doc.tokens
    for k in range(c.j, min(hi, c.j + 6)):
        if toks[k].norm == "مع":
            # اشتباكات مع X: the other side is named, the first is the subject of the sentence
            other = _first_mention_from(ctx, k + 1, min(hi, k + 3))
            if other is not None:
                c.sides = [other]
                return other
        if toks[k].norm == "بين":
            first = _first_mention_from(ctx, k + 1, min(hi, k + 4))
            if first is None:
                return None
            last = first
            c.sides = [first]
            for m in ctx.mentions:
                if m.i == last.j and m.i < hi and toks[m.i].norm[:1] == "و":
                    last = m
                    c.sides.append(m)
            return Mention(
                first.i, last.j, first.start, last.end, first.kind, first.country, first.named, first.etype
            )
    return None


VICTIM_KINDS = frozenset(
    {"civilians", "protesters", "students", "workers", "media", "opposition", "communal", "officials"}
)


def _subject_after(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """The subject of a verb: the first mention after it before any object or preposition."""
    toks = ctx.doc.tokens
    k = c.j
    skipped = 0
    while k < min(hi, c.j + 6):
        after = ctx.past_partitive(k)
        if after != k:
            k = after  # وأحرق عدد من مثيري الشغب: the group after the partitive
            if _first_mention_from(ctx, k, k + 1) is None and _protesting(c):
                q = ctx.quantity_at(ctx.cue_ending(k, "partitive") or k)
                if q is not None:
                    return _crowd(ctx, c, q, k, hi)  # تظاهر عشرات من خريجي الهندسة
            continue
        m = _first_mention_from(ctx, k, k + 1, sites=True)
        if m is not None:
            if skipped and m.named and _l_prefixed(ctx, m) and m.j < min(hi, c.j + 6):
                k, skipped = m.j, skipped + 1  # أدان المفوض العام لأونروا فيليب لازاريني: a title's body
                continue
            if _in_pp(ctx, m) or m.kind == "site":
                return None  # دمر القصف المستشفى: an object, not a subject
            if (
                c.entry.count in VICTIM_KEYS
                and m.kind in VICTIM_KINDS
                and not m.named
                and _may_be_passive(ctx, c, m)
                and not _counted_object(ctx, m.j)  # احتجز محتجون ستة من عناصر الشرطة
            ):
                c.target = m  # قتل مدنيون، قتل متظاهر: the victims of a killing, not its agent
                return None
            return _coordinated(ctx, m, hi)
        t = toks[k]
        if t.kind in ("number", "punct") and t.norm not in ("،", ","):
            return None
        if t.norm in PREPOSITIONS:
            return None
        if k in ctx.count_nouns and ctx.count_nouns[k][1].key != "other":  # المفوض العام: no year
            titled = _first_mention_from(ctx, ctx.count_nouns[k][0], ctx.count_nouns[k][0] + 1)
            if titled is None or titled.etype != "PER":
                return None  # اعتقل ستة أشخاص: the object; بحث الشيخ محمد: a title before a name
        q = ctx.quantity_at(k)
        if q is not None:
            # عشرات المحتجين، مئات من المتظاهرين: a crowd counted before its noun is the subject
            after = ctx.past_min(q.j, hi)
            m = _first_mention_from(ctx, after, after + 1)
            if m is not None and m.kind in CROWD_KINDS | {"communal"}:
                if c.entry.count in VICTIM_KEYS:
                    c.target = m  # قتل ستة مدنيين، اعتقلت 12 ناشطا: the counted crowd suffers it
                    return None
                return m
            if m is None and _protesting(c):
                return _crowd(ctx, c, q, after, hi)
            return None
        skipped += 1
        if skipped > 3:
            return None
        k += 1
    return None


def _protesting(c: Candidate) -> bool:
    """A trigger whose counted subject is a crowd that protests (تظاهر، أغلق، نظم وقفة)."""
    return c.type == "PROTEST" or c.entry.protest_mode is not None or c.entry.count == "participants"


def _crowd(ctx: Context, c: Candidate, q: Quantity, after: int, hi: int) -> Mention | None:
    """A counted crowd no lexicon names: the word after the count (آلاف من سائقي الحافلات →
    سائقي), or the count itself when it stands alone (نظم العشرات وقفة → العشرات)."""
    toks = ctx.doc.tokens
    if q.qualifier not in VAGUE:
        return None  # 2,830 هكتارا: a figure of things; crowds are counted in tens and thousands
    own = c.i <= after < max(c.j, c.last)
    word = None if own or after >= hi else _bare_word(ctx, after, hi)
    noun = ctx.count_nouns.get(after)
    if word is not None and (noun is None or noun[1].key in PEOPLE_KEYS) and toks[after].kind == "word":
        return Mention(word.i, word.j, word.start, word.end, "protesters", None, False)
    # نظم العشرات وقفة; تظاهر مئات يوم الأربعاء: the count itself, when a time or nothing follows
    alone = noun is not None and noun[1].key == "other" and c.is_verb
    if fold(ctx.doc.text[q.start : q.end]).startswith("ال") or alone:
        return Mention(q.i, q.j, toks[q.i].start, toks[q.j - 1].end, "protesters", None, False)
    return None


CROWD_SPAN = 10  # tokens before a protest noun within which its counted crowd may stand


def _counted_crowd(ctx: Context, c: Candidate, lo: int) -> Mention | None:
    """نظم العشرات وقفة، خرج مئات من سائقي الأجرة في مسيرة: a counted crowd before a protest
    noun, right after the sentence's first word (its verb), when no lexicon names it."""
    for k in range(max(lo, c.i - CROWD_SPAN), c.i):
        q = ctx.quantity_at(k)
        if q is None or k - 1 < lo or ctx.doc.tokens[k - 1].kind != "word" or ctx.norm(k - 1) in PREPOSITIONS:
            continue
        if any(m.i < k <= m.j for m in ctx.mentions):
            continue
        after = ctx.past_min(q.j, c.i)
        m = _first_mention_from(ctx, after, after + 1)
        return m if m is not None else _crowd(ctx, c, q, after, c.i)
    return None


def _counted_object(ctx: Context, j: int) -> bool:
    """A counted object follows the party ending at ``j`` (after at most two definite words of
    its own: أنصار الرئيس السابق ستة من عناصر القوات): the verb is active, the party its subject."""
    for k in range(j, min(j + 3, len(ctx.doc.tokens))):
        if ctx.quantity_at(k) is not None:
            return True
        if not ctx.norm(k).startswith("ال"):
            return False
    return False


def _may_be_passive(ctx: Context, c: Candidate, m: Mention) -> bool:
    """Can the unvoweled verb be read as passive with ``m`` as its subject? Not a form III verb
    (هاجم، داهم: the passive is هوجم), and not protesters doing a protest's deed (رشق المحتجون)."""
    if c.entry.protest_mode is not None and m.kind in PROTEST_KINDS:
        return False
    head = fold(ctx.doc.text[c.start : c.end]).split()[0][len(c.prefix) :]
    return not (len(head) == 4 and head[1] == "ا")


def _coordinated(ctx: Context, m: Mention, hi: int, back: bool = True) -> Mention:
    """A mention and those joined to it by و (الجيش السوداني وقوات الدعم السريع): one party;
    ``back``: also those before it."""
    toks = ctx.doc.tokens
    first = last = m
    for x in reversed(ctx.mentions if back else []):
        if x.j == first.i and x.kind != "site" and toks[first.i].norm[:1] == "و" and not _in_pp(ctx, x):
            first = x
    for x in ctx.mentions:
        if x.i == last.j and x.i < hi and x.kind != "site" and toks[x.i].norm[:1] == "و":
            last = x
    if first is m and last is m:
        return m
    return Mention(
        first.i, last.j, first.start, last.end, first.kind, first.country, first.named, first.etype
    )


def _backward(ctx: Context, c: Candidate, lo: int, marked: set[int], only: bool) -> Mention | None:
    """The nearest description or name before the trigger that can be its actor.

    ``only``: ``marked`` lists the only positions allowed (announcers); else the positions
    excluded (speakers of reported speech).
    """
    best = None
    for m in ctx.mentions:
        if m.j > c.i:
            break
        if m.i < lo or c.i - m.j > 12:
            continue
        if (m.i in marked) != only or _in_pp(ctx, m) or m.kind == "site":
            continue
        best = m
    return best


def _complement(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """The party of an intransitive verbal noun: احتجاجات الطلبة، تظاهرة للتجار، إضراب
    عمال الميناء، احتجاجات آلاف العمال (an adjective may come first; a preposition may not)."""
    k = c.j
    q = ctx.quantity_at(k)
    if q is not None:
        k = ctx.past_min(q.j, hi)
    k = ctx.past_partitive(k)
    comp = _first_mention_from(ctx, k, min(hi, k + 2))
    if comp is None or any(ctx.norm(x) in PREPOSITIONS for x in range(c.j, comp.i)):
        return None
    if comp.kind == "government" and comp.etype == "LOC":
        return None  # احتجاجات العراق: a place, not who protests
    tok = ctx.doc.tokens[comp.i]
    clitic = fold(ctx.doc.text[tok.start : comp.start])
    if _in_pp(ctx, comp) and not (clitic.endswith("ل") and comp.i == k):
        return None
    return comp


def _near_sides(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """اندلعت أعمال عنف بين بوذيين ومسلمين: an attack word with بين right after it names
    the sides even when it is not a clash word."""
    k = c.j + (1 if c.j < hi and ctx.norm(c.j) != "بين" else 0)
    if k >= hi or ctx.norm(k) != "بين":
        return None
    sides = _mutual(ctx, c, min(hi, k + 6))
    if sides is None or len(c.sides) < 2:
        c.sides = []
        return None
    return sides


def _l_prefixed(ctx: Context, m: Mention) -> bool:
    tok = ctx.doc.tokens[m.i]
    return fold(ctx.doc.text[tok.start : m.start]).endswith("ل")


def _genitive_subject(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """A transitive verbal noun with its doer in the genitive and its object after ل:
    اقتحام مسلحين للمبنى، استهداف الطيران لسوق شعبي -> actor, and the target."""
    comp = _first_mention_from(ctx, c.j, c.j + 1)
    if comp is None or comp.j >= hi or _in_pp(ctx, comp):
        return None
    if not c.definite and not c.prefix.strip("و") and ctx.norm(comp.j - 1).endswith("ون"):
        return comp  # خطف مسلحون 25 طالبة: a nominative plural after the bare word is its subject
    obj = _first_mention_from(ctx, comp.j, comp.j + 1, sites=True)
    if obj is None and comp.kind in ARMED_KINDS and ctx.quantity_at(comp.j) is not None:
        return comp  # اعتقال قوات الأمن المئات من الشبان: an armed doer, then the counted object
    if obj is None or not _l_prefixed(ctx, obj):
        return None
    c.target = obj
    return comp


ARMED_KINDS = frozenset({"military", "security", "police", "rebels", "militants"})


def _armed_genitive(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """غارة جوية للجيش، قصف مدفعي لقوات النظام: an armed party after ل, right after an attack
    noun or its adjective, is its doer (a civilian one after ل is its target: استهداف للمدنيين)."""
    if c.type != "ASSAULT":
        return None
    for m in ctx.mentions:
        if m.i < c.j:
            continue
        if m.i > c.j + 1 or m.i >= hi:
            break
        between = ctx.norm(c.j) if m.i > c.j else ""  # جوية، مدفعي: an adjective may come between
        adjective = not between or (between.endswith(("ي", "يه")) and not between.startswith("ال"))
        if m.kind in ARMED_KINDS and _l_prefixed(ctx, m) and adjective:
            return m
        break
    return None


RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"))


def _antecedent(ctx: Context, c: Candidate) -> Mention | None:
    """The party named right before the relative pronoun before ``c`` (a comma between): whom
    a transitive verb with no subject of its own was done to (ناصر الزفزافي، الذي اعتقل), or
    who makes a statement (قطر والسعودية، اللتين دعتا)."""
    k = c.i - 1
    if k < 1 or ctx.norm(k) not in RELATIVES:
        return None
    k -= 1
    if ctx.norm(k) in ("،", ","):
        k -= 1
    for m in ctx.mentions:
        if m.j - 1 == k and m.kind != "site":
            return m
    return None


RESUMPTIVE_SPAN = 5  # tokens after a noun within which شنتها، نفذه names who did it


def _resumptive(ctx: Context, c: Candidate, hi: int) -> Mention | None:
    """غارات جوية شنتها طائرات حربية، مسيرات أطلقتها روسيا: the subject of a verb whose
    pronoun stands for the action."""
    _, end = c.clause
    for k in range(c.j, min(hi, end, c.j + RESUMPTIVE_SPAN)):
        cue = ctx.cue_at(k, "resumptive")
        if cue is not None:
            q = ctx.quantity_at(cue)  # شارك فيه نحو ألفي عامل: a counted party
            after = ctx.past_partitive(ctx.past_min(q.j, hi) if q is not None else cue)
            m = _first_mention_from(ctx, after, after + 1)
            noun = ctx.count_nouns.get(after)
            if (
                m is None
                and q is not None
                and _protesting(c)
                and noun is not None
                and noun[1].key in PEOPLE_KEYS
            ):
                return _bare_word(ctx, after, hi)  # نحو ألفي عامل: the counted people
            return m if m is not None and not _in_pp(ctx, m) else None
    return None


THAT = frozenset(fold(w) for w in ("إن", "أن", "بأن", "لأن", "وأن", "وإن"))


def _subject_after_that(ctx: Context, c: Candidate) -> Mention | None:
    """The party between إن/أن and a verb is its subject (قال إن روسيا هددت أوكرانيا: not
    أوكرانيا after the verb)."""
    if not c.is_verb or c.prefix.strip("س"):
        return None  # وقصفت: a new clause; but ستتخذ: a future
    m = _party_before(ctx, c.i)
    return m if m is not None and m.i > 0 and ctx.norm(m.i - 1) in THAT else None


def _party_before(ctx: Context, i: int) -> Mention | None:
    """The party that ends right before token ``i``, not a site and not after a preposition."""
    for m in ctx.mentions:
        if m.j == i and m.kind != "site" and not _in_pp(ctx, m):
            return m
    return None


def _adjacent_subject(ctx: Context, c: Candidate, prev: Candidate | None) -> Mention | None:
    """A bare verbal noun (no article, no clitic) right after a definite or named party reads
    as its verb or its object after the subject: أن الجيش قصف مواقع، فرضت الحكومة حظر التجول.
    Not after the subject of a statement (أدان المفوض مقتل المدنيين: what he condemned)."""
    if not c.is_verb and c.entry.mode == "crowd-control":
        # فاستخدمت قوات الدرك الغاز المسيل للدموع، فردت الشرطة بقنابل صوتية: the force that used it
        m = _party_before(ctx, c.i)
        return m if m is not None and m.kind in STATE_KINDS else None
    word = fold(ctx.doc.text[c.start : c.end])
    if c.is_verb or c.prefix or word.startswith("ال") or word[1:3] == "ال":
        return None  # الاعتقال، بالحجارة: a noun of its own phrase
    m = _party_before(ctx, c.i)
    if m is None or (prev is not None and prev.type in VERBAL_TYPES and prev.j <= m.i and m.i - prev.j <= 1):
        return None
    definite = m.named or fold(ctx.doc.text[m.start : m.end]).split()[-1].startswith("ال")
    return m if definite else None


STATE_KINDS = frozenset({"police", "security", "military", "government", "judiciary"})


def _counted_captives(ctx: Context, c: Candidate, m: Mention) -> bool:
    """A counted group that is not a state force right after an arrest or a seizure is what the
    verb takes (اعتقلت 12 مسلحا، ضبطت ثلاثة عناصر), not its subject."""
    if c.type != "COERCE" or c.mode not in ("arrest", "seize") or m.named or m.kind in STATE_KINDS:
        return False
    return ctx.quantity_at(m.i - 1) is not None or any(q.j == m.i for q in ctx.quantities_in(c.j, m.i))


def _charged(ctx: Context, c: Candidate, m: Mention) -> bool:
    """اتهم X بـ: the one party between an accusation and its charge (ب) is the accused; the
    accuser is named before or in the sentences before (واتهمت الولايات المتحدة بتسهيل)."""
    if c.type != "ACCUSE" or c.mode != "allege" or c.tail is not None or m.j >= len(ctx.doc.tokens):
        return False
    nxt = ctx.norm(m.j)
    return nxt.startswith("ب") and not ctx.mentions_in(m.j, m.j + 1)


def _pluperfect_subject(ctx: Context, c: Candidate) -> Mention | None:
    """وكانت الشرطة قد أغلقت، وكان الجيش قد قصف: the party between كان and قد is the subject of
    the verb after قد."""
    if c.passive or c.i < 3 or ctx.norm(c.i - 1) != "قد":  # قد stands only before a verb
        return None
    for m in ctx.mentions:
        if m.j == c.i - 1 and m.kind != "site" and not _in_pp(ctx, m):
            kana = fold(ctx.doc.tokens[m.i - 1].norm) if m.i > 0 else ""
            return m if kana.lstrip("و") in KANA else None
    return None


KANA = frozenset(fold(w) for w in ("كان", "كانت", "كانوا", "كانا", "كانتا"))


def joined_verb(ctx: Context, c: Candidate) -> bool:
    """، وأوقفت 63 شخصا: a verb joined by و after a comma shares the subject of the sentence's
    action before it, however long the object between."""
    return c.is_verb and c.prefix.startswith("و") and c.i > 0 and ctx.norm(c.i - 1) in ("،", ",")


def _shared_speaker(ctx: Context, c: Candidate, lead: Candidate | None) -> bool:
    """A demand (طالب، دعا، حث) joined by و after a comma to the sentence's first statement
    with a named speaker shares that speaker (أدانت الوزارة ...، وطالبت ...)."""
    return (
        c.type == "REQUEST"
        and joined_verb(ctx, c)
        and lead is not None
        and lead.actor is not None
        and lead.sent == c.sent
        and lead.actor.j <= c.i
        and not contrast_between(ctx.doc, lead.j, c.i)
    )


def _accused(ctx: Context, c: Candidate, prev: Candidate | None) -> bool:
    """اتهم الجيش المتمردين بقصف مخيم: the accused did the action they are accused of."""
    return (
        prev is not None
        and c.type not in VERBAL_TYPES  # حمّلت الحكومة المسؤولية، داعية ...: her own demand
        and prev.type == "ACCUSE"
        and prev.target is not None
        and prev.target.kind != "site"
        and prev.sent == c.sent
        and prev.target.j <= c.i
        and c.i - prev.target.j <= 2
    )


def _state_position(ctx: Context, c: Candidate, lo: int) -> bool:
    """A participle of state stands right after a comma (، ملوحا), or is joined by و to one
    after a comma (، واصفة ...، ومتوعدة)."""
    word = fold(ctx.doc.text[c.start : c.end]).split()[0]
    after_comma = c.i - 1 >= lo and ctx.norm(c.i - 1) in ("،", ",")
    joined = word[:1] == "و" and any(ctx.norm(x) in ("،", ",") for x in range(max(lo, c.i - 8), c.i))
    return after_comma or joined


def _participle_of_state(ctx: Context, c: Candidate, lo: int) -> bool:
    """The trigger is a participle of state (ملوحا، مهددة، مطالبين, or a `state` entry) in the
    position of one (after a comma, or joined by و to one)."""
    word = fold(ctx.doc.text[c.start : c.end]).split()[0]
    bare = word[1:] if word[:1] == "و" else word
    shaped = bare[:1] == "م" and bare.endswith(("ا", "ه", "ين"))
    if c.is_verb or c.prefix.strip("و") or not (shaped or c.entry.state):
        return False
    return _state_position(ctx, c, lo)


def _circumstantial(ctx: Context, c: Candidate, lo: int, speakers: set[int]) -> Mention | None:
    """وقال مسؤول إن "..."، ملوحا بالتصعيد؛ ذكرت الوزارة في بيان "..."، ومتوعدة بالرد: a
    participle of state after a comma says what the speaker of its sentence does."""
    if not _participle_of_state(ctx, c, lo):
        return None
    return _first_speaker(ctx, c, lo, speakers) or _first_party(ctx, c, lo)


def _first_party(ctx: Context, c: Candidate, lo: int) -> Mention | None:
    """With no verb of saying (وكان المرشد علي خامنئي قد وصف المحتجين بالأشرار، متهما ...): the
    first party of the sentence named or by office, the subject of its main verb."""
    for m in ctx.mentions:
        if m.i >= c.i:
            break
        if m.i >= lo and (m.etype in ("PER", "ORG") or m.kind in TITLE_KINDS):
            return m
    return None


def _first_speaker(ctx: Context, c: Candidate, lo: int, speakers: set[int]) -> Mention | None:
    """The first speaker named in tokens [lo, c.i): the sentence's speaker before ``c``."""
    for m in ctx.mentions:
        if m.i >= c.i:
            break
        if m.i >= lo and m.i in speakers:
            return m
    return None


def speaking_for_a_state(ctx: Context, c: Candidate, speakers: set[int]) -> None:
    """وقال وزير الخارجية الأمريكي أنتوني بلينكن إن الولايات المتحدة تدين العنف: a statement of
    a state voiced by a named official of that state is the official's (the speaker before it)."""
    a = c.actor
    if (
        c.type not in VERBAL_TYPES
        or a is None
        or a.etype != "LOC"
        or c.actor_how not in ("subject", "backward")
    ):
        return
    speaker = _first_speaker(ctx, c, ctx.sentence_range(c.i)[0], speakers)
    if speaker is not None and speaker.etype == "PER" and speaker.j <= a.i and speaker.country == a.country:
        c.actor = speaker


def _reporting_speaker(ctx: Context, c: Candidate, lo: int, speakers: set[int]) -> Mention | None:
    """The speaker is the actor of a verb whose subject is the speaker itself: a pronoun (قالت
    الشرطة إنها اعتقلت، أعلن الجيش أنه قتل) or the speaker's own force (قال الجيش إن طائراته
    قصفت، أكدت الوزارة أن قواتها ضبطت)."""
    k = c.i - 1 if c.i - 1 >= lo and ctx.norm(c.i - 1) == "قد" else c.i
    own = (
        ctx.cue_ending(k, "pronoun") is not None
        or ctx.cue_ending(k, "own_forces") is not None
        or ctx.cue_at(c.last, "own_forces") is not None
    )
    if not own:
        return None
    best = None
    for m in ctx.mentions:
        if m.j > c.i:
            break
        if m.i >= lo and m.i in speakers:
            best = m
    return best


def _joined_speaker(ctx: Context, c: Candidate, lo: int, speakers: set[int]) -> Mention | None:
    """نفى وجهاء من جاسم أن ...، وطالبوا بالإفراج عنهم: a statement verb joined by و after a
    comma, with no subject of its own, is the sentence's speaker's next statement."""
    return _first_speaker(ctx, c, lo, speakers) if joined_verb(ctx, c) else None


def _lead_subject(ctx: Context, c: Candidate, lo: int, lead: Candidate | None) -> Mention | None:
    """اتهمت الهيئة السلطات بقمع المحتجين، مهددة بالتصعيد: a participle of state with no
    speaker says what the subject of its sentence's first statement does."""
    if lead is None or lead.actor is None or lead.sent != c.sent or lead.actor.j > c.i:
        return None
    return lead.actor if _participle_of_state(ctx, c, lo) else None


def find_actor(
    ctx: Context,
    c: Candidate,
    prev: Candidate | None,
    speakers: set[int],
    announcers: set[int],
    lead: Candidate | None = None,
) -> None:
    """The actor of ``c``; ``lead`` is the first statement of its sentence whose subject is known."""
    lo, hi = ctx.sentence_range(c.i)
    if c.entry.state and not _state_position(ctx, c, lo):
        c.dropped = "no participle of state"  # اعتقل متهما: a noun, not "accusing"
        return
    agent = _agent(ctx, c, hi)
    if agent is not None:
        c.actor, c.actor_how = agent, "agent"
        return
    if c.entry.args == "mutual":
        sides = _mutual(ctx, c, hi)
    elif c.type == "ASSAULT":
        sides = _near_sides(ctx, c, hi)
    else:
        sides = None
    if sides is not None:
        c.actor, c.actor_how = sides, "mutual"
        return
    if c.passive:
        return
    before_qad = _pluperfect_subject(ctx, c)
    if before_qad is not None:
        c.actor, c.actor_how = before_qad, "subject"  # وكانت الشرطة قد أغلقت الطرق
        return
    if c.is_verb:
        speaker = _reporting_speaker(ctx, c, lo, speakers | announcers)
        if speaker is not None:
            c.actor, c.actor_how = speaker, "subject"  # the speaker is the subject
            return
    inner = _first_mention_from(ctx, c.i + 1, c.j) if c.j - c.i > 1 else None
    if inner is not None:
        # سد المتظاهرون، أصدرت محكمة الجنايات: the phrase names its subject
        c.actor, c.actor_how = inner, "subject"
        return
    # أفرجت عنهم جماعة الحوثي: after a preposition with a pronoun the subject follows
    pronoun_object = c.j - c.i == 2 and ctx.norm(c.j - 1) in PREPOSITION_PRONOUNS
    if _shared_speaker(ctx, c, lead):
        # وأدانت الوزارة الهجوم، وطالبت المجتمع الدولي بالتدخل: who is named after the joined
        # statement is whom it addresses; its speaker is the first statement's
        c.actor, c.actor_how = lead.actor, "inherited"  # type: ignore[union-attr]
        return
    if c.is_verb and c.type in VERBAL_TYPES and c.i > 0 and ctx.norm(c.i - 1) in RELATIVES:
        # قطر والسعودية اللتين دعتا الطرفين إلى ضبط النفس: who speaks is named before the
        # pronoun; the party after the verb is whom it addresses
        ante = _antecedent(ctx, c)
        if ante is not None:
            c.actor, c.actor_how = _coordinated(ctx, ante, ante.j), "subject"
        return
    fronted = _subject_after_that(ctx, c)
    if fronted is not None:
        c.actor, c.actor_how = fronted, "subject"  # إن روسيا هددت أوكرانيا: SVO after إن
        return
    if c.is_verb and (c.j - c.i == 1 or c.tail is not None or pronoun_object) and not c.plural:
        subj = _subject_after(ctx, c, hi)
        if subj is not None and (_counted_captives(ctx, c, subj) or _charged(ctx, c, subj)):
            # وضبطت ثلاثة عناصر إجرامية: whom the forces took, not who took them;
            # واتهمت الولايات المتحدة بتسهيل: one party and then the charge is the accused
            c.target = subj
        elif subj is not None:
            c.actor, c.actor_how = subj, "subject"
            return
        if c.entry.args == "trans" and c.target is None:
            c.target = _antecedent(ctx, c)
            if c.target is not None:
                return  # الذي اعتقل: done to him by someone the clause does not name
        if c.i > 0 and ctx.norm(c.i - 1) in RELATIVES and not any(m.j == c.i - 1 for m in ctx.mentions):
            return  # الهجوم الذي استهدف مطعما: its subject is the attack, no party before it
    elif c.entry.args == "trans":
        gen = _genitive_subject(ctx, c, hi)
        if gen is not None:
            c.actor, c.actor_how = gen, "complement"
            return
    elif c.entry.args == "intrans":
        comp = _complement(ctx, c, hi)
        if comp is not None:
            c.actor, c.actor_how = comp, "complement"
            return
    if not c.is_verb:
        done_by = _resumptive(ctx, c, hi) or _armed_genitive(ctx, c, hi)
        if done_by is not None:
            c.actor, c.actor_how = _coordinated(ctx, done_by, hi), "subject"
            return
    if c.type in VERBAL_TYPES:
        speaker = (
            _circumstantial(ctx, c, lo, speakers)
            or _lead_subject(ctx, c, lo, lead)
            or _joined_speaker(ctx, c, lo, speakers)
        )
        if speaker is not None:
            c.actor, c.actor_how = speaker, "backward"
            return
    if c.type in NO_BACKWARD and c.is_verb and c.plural:
        # وكان مئات المحتجين قد تجمعوا: a plural verb's crowd was named before it
        back = _backward(ctx, c, lo, set(), only=False)
        if back is not None and back.kind in PROTEST_KINDS | {"civilians", "communal", "opposition"}:
            c.actor, c.actor_how = back, "backward"
            return
    if c.type in NO_BACKWARD:
        # نظم مئات الأطباء وقفة، دخل العمال في إضراب: only the subject of a light verb, and
        # not for a noun after ل or ب (في اليوم الثالث للاحتجاجات)
        # في تجمع: a verb form after a preposition is the noun
        noun = not c.is_verb or (c.i > lo and ctx.norm(c.i - 1) in PREPOSITIONS)
        if noun and not any(ch in c.prefix for ch in "لب"):
            back = _backward(ctx, c, lo, announcers - speakers, only=True)
            if back is not None:
                c.actor, c.actor_how = back, "backward"
            else:
                crowd = _counted_crowd(ctx, c, lo)  # the subject of the verb before it
                if crowd is not None:
                    c.actor, c.actor_how = crowd, "subject"
        return
    before = _adjacent_subject(ctx, c, prev)
    if before is not None:
        # ranked as found before the trigger: أعلنت الوزارة احتجاز ... الشرطة اعتقلت
        c.actor, c.actor_how = _coordinated(ctx, before, c.i), "backward"
        return
    if _accused(ctx, c, prev):
        c.actor, c.actor_how = prev.target, "inherited"  # type: ignore[union-attr]
        return
    if (
        prev is not None
        and prev.actor is not None
        and prev.actor_how != "complement"  # تظاهرة للتجار، أوقفت رجلين: the noun's party stays its own
        # رفضت الصحيفة وصف ضحايا تفجير: who speaks of an attack did not do it
        and (c.is_verb or c.type in VERBAL_TYPES or prev.type not in VERBAL_TYPES)
        and prev.sent == c.sent
        and prev.actor.j <= c.i
        and (c.i - prev.j <= INHERIT_SPAN or joined_verb(ctx, c))
        and not contrast_between(ctx.doc, prev.j, c.i)
    ):
        c.actor, c.actor_how = prev.actor, "inherited"
        return
    # before the trigger: the subject of a verb (SVO), or whoever announces a verbal noun; a
    # statement (ندد، طالب، هدد) is the speaker's own
    if c.type in VERBAL_TYPES:
        marked, only = (announcers | speakers, True) if not c.is_verb else (set(), False)
    else:
        marked, only = (speakers - announcers, False) if c.is_verb else (announcers, True)
    back = _backward(ctx, c, lo, marked, only=only)
    if back is not None:
        back = _coordinated(ctx, back, c.i)
        # before a verb: its subject (SVO); before a verbal noun: who announces or does it
        c.actor, c.actor_how = back, "subject" if c.is_verb and c.i - back.j <= 2 else "backward"


PARTNER_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # بحث مع نظيره: the partner
MEMBERSHIP_SPAN = 10  # tokens after the object within which بانتمائهم إلى X names the group


def find_target(ctx: Context, c: Candidate) -> None:
    """The object of a transitive trigger: the next mention after it and its subject, directly
    (اعتقلت الشرطة ناشطين، استهدف سوقا، مقتل خمسة متظاهرين) or after على، ضد، بحق، إلى، ل (مع
    for talks); else the group its victims are said to belong to (بانتمائهم إلى داعش)."""
    if c.entry.args != "trans" or c.target is not None:
        return
    k = c.actor.j if c.actor is not None and c.actor.i >= c.j else c.last
    k = ctx.past_partitive(k)
    hi = min(ctx.segment_range(c.i)[1], k + MEMBERSHIP_SPAN)  # not past فيما، بينما: a new subject follows
    preps = TARGET_PREPS | {"مع"} if c.type in PARTNER_TYPES else TARGET_PREPS
    skipped = -1  # the end of a mention in another phrase: بين إسرائيل وحماس
    for m in ctx.mentions:
        if m.i < k:
            continue
        if m.i >= min(hi, k + 6):
            break
        if (c.actor is not None and m.i == c.actor.i) or m.capital:
            continue  # قصفت روسيا كييف: the capital is where, not whom
        prev = ctx.norm(m.i - 1) if m.i > 0 else ""
        # في مقر البلدية: the genitive of a place phrase is not the object either
        in_place = (
            m.i - 1 >= k
            and m.i > 1
            and ctx.norm(m.i - 2) in PREPOSITIONS - preps
            and not ctx.inside_place(m.i - 1, m.i)  # في مصراتة الحكومة
        )
        joined = in_place or (m.i == skipped and ctx.norm(m.i)[:1] == "و")
        if joined or (_in_pp(ctx, m) and prev not in preps and not _l_prefixed(ctx, m)):
            skipped = m.j
            continue
        c.target = m if m.kind == "site" else _coordinated(ctx, m, hi, back=False)
        break
    if c.target is None or not c.target.named:
        # 38 مشتبها بانتمائهم إلى تنظيم الدولة: the group is the target
        c.target = _member_of(ctx, c, k, hi) or c.target


def _member_of(ctx: Context, c: Candidate, k: int, hi: int) -> Mention | None:
    """اعتقال 17 شخصا يشتبه بانتمائهم لتنظيم داعش: the group of the people acted on."""
    _, end = c.clause
    for x in range(k, min(hi, k + MEMBERSHIP_SPAN)):
        cue = ctx.cue_at(x, "membership")
        if cue is None:
            continue
        for m in ctx.mentions:
            if cue <= m.i < cue + 3 and m.kind != "site":
                return m
        return None
    return None


# ---------------------------------------------------------------- place and date
def _joined(ctx: Context, a: tuple[int, int, Span], b: tuple[int, int, Span]) -> bool:
    """Place ``b`` follows place ``a`` in a list: nothing, و, or a comma between them."""
    toks = ctx.doc.tokens
    gap = [t.norm for t in toks[a[1] : b[0]]]
    return (gap == [] and toks[b[0]].norm[:1] == "و") or gap in (["و"], ["،"], [","], ["،", "و"])


KIND_RANK = {"country": 0, "region": 1, "city": 2, "place": 3}
NESTED_GAP = 3  # tokens between a place and the one it lies in: ماغا بولاية كيبي، لاهور عاصمة إقليم البنجاب


def _most_specific(ctx: Context, k: int, pool: set[int]) -> int:
    """Among the places chained to place ``k`` (X بولاية Y، X في مقاطعة Y، X عاصمة Y), the most
    specific one: the action happened in the smallest place named."""
    places, toks = ctx.places, ctx.doc.tokens
    chain = [k]
    landmarks: set[int] = set()  # بلدة بيتا جنوب نابلس: نابلس only says where بيتا is
    for step in (-1, 1):
        x = k
        while x + step in pool and 0 <= x + step < len(places):
            a, b = (places[x + step], places[x]) if step < 0 else (places[x], places[x + step])
            gap = range(a[1], b[0])
            if len(gap) > NESTED_GAP or any(toks[g].kind != "word" for g in gap):
                break
            if any(ctx.norm(g) in BEARINGS for g in gap):
                landmarks.add(x + 1 if step > 0 else x)
            x += step
            chain.append(x)
    return max(chain, key=lambda x: (x not in landmarks, _rank(ctx, places[x][2]), -abs(x - k)))


def _rank(ctx: Context, s: Span) -> float:
    """How specific a place is; a local district no gazetteer knows (مديرية المنصورة، قضاء
    الزبير) lies within a city: between a city and a street."""
    kind = s.data.get("kind") or ""
    if (
        kind == "region"
        and s.data.get("local")
        and fold(ctx.doc.text[s.start : s.end].split()[0]) not in PROVINCES
    ):
        return 2.5
    return KIND_RANK.get(kind, 0)


# a local region named with one of these words is a province, wider than a town: بلدة كيكويو
# بمقاطعة كيامبو
PROVINCES = frozenset(fold(w) for w in ("مقاطعة", "مقاطعات"))  # a place's span has no proclitic


def _group(ctx: Context, places: list[tuple[int, int, Span]], k: int) -> tuple[int, int]:
    """The indexes [a, b) of the list of coordinated places that holds place ``k``."""
    a, b = k, k + 1
    while a > 0 and _joined(ctx, places[a - 1], places[a]):
        a -= 1
    while b < len(places) and _joined(ctx, places[b - 1], places[b]):
        b += 1
    return a, b


BETWEEN = frozenset(fold(w) for w in ("بين", "وبين"))
ROADS = frozenset(fold(w) for w in ("الطريق", "طريق", "الواصل", "الرابط", "الممتد", "الواصلة", "الرابطة"))
DUAL_TOWNS = frozenset(fold(w) for w in ("بلدتي", "مدينتي", "قريتي"))


def _between(ctx: Context, i: int) -> bool:
    """The place at token ``i`` names the ends of a road (الطريق بين X وY، الواصل بين بلدتي X
    وY), not two places where something happened."""
    if i >= 2 and ctx.norm(i - 1) in BETWEEN:
        return ctx.norm(i - 2) in ROADS
    return (
        i >= 3 and ctx.norm(i - 1) in DUAL_TOWNS and ctx.norm(i - 2) in BETWEEN and ctx.norm(i - 3) in ROADS
    )


def _far_road_end(ctx: Context, i: int) -> bool:
    """The place at token ``i`` is the far end of a road (الطريق الرابط بين المدينة وميناء أم
    قصر): a landmark the road leads to, not where the road was cut."""
    if not ctx.doc.tokens[i].norm.startswith("و"):
        return False
    for k in range(i - 1, max(0, i - 5) - 1, -1):
        norm = ctx.norm(k)
        if norm in BETWEEN:
            return any(ctx.norm(x) in ROADS for x in range(max(0, k - 2), k))
        if norm in ("،", ",", ".", "؛"):
            return False
    return False


def _origins(ctx: Context) -> set[int]:
    """Indexes of places named as where someone comes from (من روسيا وقيرغيزستان), as an envoy's
    post (سفيرها لدى أديس أبابا) or as where people flee to (نحو مخيم زمزم): not where the
    action happens."""
    out: set[int] = set()
    places = ctx.places
    for k, (i, _, s) in enumerate(places):
        if i > 0 and ctx.norm(i - 1) in ("لدي", "نحو", "باتجاه"):
            out.add(k)  # سفيرها لدى أديس أبابا؛ نزوح الأسر نحو مخيم زمزم: a post, a destination
        elif s.data.get("kind") == "country" and i > 0 and ctx.norm(i - 1) == "من":
            a, b = _group(ctx, places, k)
            out.update(x for x in range(k, b) if places[x][2].data.get("kind") == "country")
    return out


def _fronted_place(ctx: Context, c: Candidate) -> tuple[int, int] | None:
    """The token range of a place that opens the sentence before a comma (وفي عمّان، قال
    الوزير): the setting of every statement in it."""
    lo, hi = ctx.sentence_range(c.i)
    if lo >= hi or ctx.norm(lo) not in ("في", "وفي"):
        return None
    for i, j, _ in ctx.places:
        if i != lo + 1:
            continue
        end = j
        if end < hi and ctx.norm(end) in BEARINGS:  # وفي قضاء الزبير غربي المحافظة، قطع محتجون
            end = next((k for k in range(end + 1, min(hi, end + 4)) if ctx.norm(k) in ("،", ",")), end)
        if end < hi and ctx.norm(end) in ("،", ",") and end < c.i:
            return (i, j)
    return None


BEARINGS = frozenset(
    fold(w)
    for w in (
        "جنوب",
        "شمال",
        "شرق",
        "غرب",
        "جنوبي",
        "شمالي",
        "شرقي",
        "غربي",
        "قرب",
        "بالقرب",
        "قبالة",
        "خارج",
    )
)
# a definite place noun with no name refers back to the last place of its kind: في البلدة
ANAPHORS = {
    fold(w): kinds
    for w, kinds in (
        ("البلدة", ("city", "place")),
        ("القرية", ("city", "place")),
        ("المدينة", ("city",)),
        ("المخيم", ("place",)),
        ("الحي", ("place",)),
        ("الميناء", ("place", "city")),
    )
}


def _anaphor_kinds(norm: str) -> tuple[str, ...] | None:
    """The place kinds an anaphor stands for, through its proclitics (وبالمدينة، للمدينة)."""
    for seg in segmentations(norm):
        kinds = ANAPHORS.get(seg.base) or (
            ANAPHORS.get("ال" + seg.base) if seg.prefix.endswith("لل") else None
        )
        if kinds is not None:
            return kinds
    return None


def _previous_sentence_start(ctx: Context, i: int) -> int:
    """The first token of the sentence before the one of token ``i`` (0 in the first)."""
    start = ctx.sentence_range(i)[0]
    return ctx.sentence_range(start - 1)[0] if start > 0 else 0


def _anaphoric_place(ctx: Context, c: Candidate, usable: Callable[[int], bool]) -> Span | None:
    """The place that البلدة، القرية، المدينة، المخيم or الحي in the clause of ``c`` stands for:
    the last place of that kind named before it (not the dateline)."""
    lo, hi = c.clause
    near = _previous_sentence_start(ctx, c.i)
    for k in range(lo, hi):
        kinds = _anaphor_kinds(ctx.norm(k))
        if kinds is None or ctx.inside_place(k, k + 1):
            continue
        if k > 0 and ctx.norm(k - 1) in BEARINGS:
            continue  # مخيم زمزم جنوب المدينة: the town is a landmark, not where it happened
        # the last place of that kind named in this sentence or the one before, or where
        # something happened before; else the last one named
        found: list[tuple[int, Span]] = [(i, p) for i, p in ctx.event_places if i < k]
        last = None
        ends: set[int] = set()  # places between which a road runs: الطريق بين البصرة وبغداد
        for x, (i, j, s) in enumerate(ctx.places):
            if i >= k:
                break
            if (i > 0 and ctx.norm(i - 1) == "بين") or (i in ends and ctx.norm(i).startswith("و")):
                ends.add(j)
                continue
            if i > 0 and ctx.norm(i - 1) in BEARINGS:
                continue  # بلدة قباطية جنوب جنين: a landmark
            if s.data.get("kind") in kinds and not s.data.get("dateline") and usable(x):
                last = (i, s)
                if i >= near:
                    found.append(last)
        found = [(i, p) for i, p in found if p.data.get("kind") in kinds]
        if found:
            return max(found, key=lambda x: x[0])[1]
        return last[1] if last is not None else None
    return None


HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
HOSPITALS = frozenset(fold(w) for w in ("مستشفى", "المستشفى", "مشفى", "المشفى", "مستشفيات"))


NATION = frozenset(fold(w) for w in ("البلاد", "بالبلاد"))
NATION_BEFORE = frozenset(fold(w) for w in ("في", "أنحاء", "انحاء", "عموم", "كافة", "مختلف", "جميع", "كل"))


def _nationwide(ctx: Context, c: Candidate) -> bool:
    """في البلاد، في جميع أنحاء البلاد، بالبلاد in the clause: the action covers the country."""
    lo, hi = c.clause
    for k in range(lo, hi):
        if ctx.norm(k) in NATION and (
            ctx.norm(k) == fold("بالبلاد") or (k > lo and ctx.norm(k - 1) in NATION_BEFORE)
        ):
            return True
    return False


WITH = fold("مع")


def _inside(m: Mention | None, i: int) -> bool:
    return m is not None and m.i <= i < m.j


def find_place(ctx: Context, c: Candidate) -> None:
    used = set()
    for m in (c.actor, c.target):
        if m is not None and m.kind != "site":  # أغلقت القوات حاجز زعترة: a site acted on is where
            used.update(range(m.i, m.j))
    if ctx.origins is None or ctx.origins[0] != len(ctx.places):
        ctx.origins = (len(ctx.places), _origins(ctx))  # once per article, not per candidate
    origins = ctx.origins[1]

    def usable(k: int) -> bool:
        i, j, s = ctx.places[k]
        if s.data.get("kind") == "country" and ctx.modifier(i):
            return False  # دبلوماسيا روسيا، سفير روسيا: a nationality, not where it happened
        if s.data.get("kind") == "country" and i > 0 and ctx.norm(i - 1) == WITH:
            return False  # أغلقت إيران منافذها مع العراق: a partner, not where it happened
        if (
            c.type in HARM_TYPES
            and ctx.norm(i) in HOSPITALS
            and (not _inside(c.target, i) or ctx.norm(i - 1) == TO)
        ):
            return False  # نقلوا إلى مستشفى ناصر: where the wounded went, not where they were hit
        if _far_road_end(ctx, i):
            return False
        return k not in origins and not used.intersection(range(i, j))

    if _nationwide(ctx, c) and not any(
        usable(k) and ctx.places[k][2].data.get("kind") != "country" for k in ctx.place_indexes_in(*c.clause)
    ):
        # أعلن الرئيس حالة الطوارئ في البلاد: the whole country, not a town told before
        country = next(
            (
                s
                for _, _, s in ctx.places
                if s.data.get("kind") == "country" and s.data.get("country") == ctx.main_country
            ),
            None,
        )
        c.places, c.place_source = ([country] if country is not None else []), "nation"
        return
    if not any(usable(k) for k in ctx.place_indexes_in(*c.clause)) and _fronted_place(ctx, c) is None:
        back = _anaphoric_place(ctx, c, usable)
        if back is not None:  # احتجز الجنود المواطنين في ساحة مدرسة البلدة: the town told before
            c.places, c.place_source = [back], "clause"
            return
    # a split trigger is measured from its tail: فرضت السلطات في الإقليم حظر تجول في المدينة
    first, last = (c.tail[0], c.tail[1]) if c.tail is not None else (c.i, c.j)
    scopes = [("clause", c.clause)]
    if c.type not in VERBAL_TYPES:
        scopes.append(("sentence", ctx.segment_range(c.i)))
    else:
        fronted = _fronted_place(ctx, c)
        if fronted is not None:
            scopes.append(("sentence", fronted))  # وفي أبوظبي، بحث الوزير: where he spoke
    dateline: tuple[str, list[int]] | None = None
    for source, (lo, hi) in scopes:
        cands = [k for k in ctx.place_indexes_in(lo, hi) if usable(k)]
        if c.type in VERBAL_TYPES and c.type not in PARTNER_TYPES:
            # اتهم الصفدي إسرائيل بارتكاب جرائم في القطاع: a place after a statement is what it is
            # about, not where it was made (وفي عمّان، قال الصفدي ... keeps عمّان)
            cands = [k for k in cands if ctx.places[k][0] < c.i]
        # the dateline city is where it was reported from: any other place of the sentence wins
        others = [k for k in cands if not ctx.places[k][2].data.get("dateline")]
        if cands and not others and dateline is None:
            dateline = (source, cands)
        cands = others
        if not cands:
            continue
        # a country, or a world region with no country (أفريقيا جنوب الصحراء), only when nothing finer
        specific = [
            k
            for k in cands
            if ctx.places[k][2].data.get("kind") != "country" and ctx.places[k][2].data.get("country")
        ]
        pool = specific or cands

        def dist(k: int) -> tuple[int, int]:
            i, j, _ = ctx.places[k]
            return (i - last, 0) if i >= last else (first - j + 2, 1)

        k = _most_specific(ctx, min(pool, key=dist), set(pool))
        if c.type in LIST_TYPES:
            a, b = _group(ctx, ctx.places, k)
            if _between(ctx, ctx.places[a][0]):
                b = a + 1  # الطريق الواصل بين بلدتي جاسم وإنخل: one road, told from its first town
            places = [ctx.places[x][2] for x in range(a, b) if usable(x)]
        else:
            places = [ctx.places[k][2]]
        c.places = [p for p in places if p.data.get("kind") != "country"] or places[:1]
        c.place_source = source
        # the first of a list: a road بين البصرة وبغداد is told from its first town
        ctx.event_places.append((ctx.tok_range(c.places[0].start, c.places[0].end)[0], c.places[0]))
        return
    if dateline is not None:
        c.places, c.place_source = [ctx.places[dateline[1][0]][2]], dateline[0]
        return
    if ctx.main_place is not None:
        c.places = [ctx.main_place]
        c.place_source = "article"


LINKS = frozenset(fold(w) for w in ("خلال", "أثناء", "اثناء", "إبان"))
# خلال اليومين الماضيين، خلال الليل: a stretch of time, not an action
TIME_NOUNS = frozenset(
    fold(w)
    for w in ("اليوم", "اليومين", "الأيام", "الأسبوع", "الأسبوعين", "الأسابيع", "الشهر", "الأشهر", "الشهرين")
    + ("العام", "الأعوام", "السنوات", "الليل", "الليلة", "الساعات", "الفترة", "النهار", "الصباح")
)


def _linked(ctx: Context, c: Candidate) -> bool:
    """The clause ties the action to one told before: ضبطت خلال العملية، قتل أثناء المداهمة."""
    lo, hi = c.clause
    return any(
        ctx.norm(k) in LINKS
        and ctx.norm(k + 1).startswith("ال")
        and ctx.norm(k + 1) not in TIME_NOUNS
        and not ctx.in_date(k + 1)
        for k in range(max(lo, c.j), hi - 1)
    )


CLAIM_REACH = 2  # sentences around a claim of responsibility whose attacks it names the doer of


def claimed_attacks(ctx: Context, cands: list[Candidate]) -> None:
    """تبنى تنظيم داعش الهجوم، أعلنت حركة الشباب مسؤوليتها عن التفجير: the claimant did the
    attacks told without a doer in its sentence and the sentences around it."""
    for k, (end, role) in ctx.arg_cues.items():
        if role != "claim":
            continue
        lo, hi = ctx.sentence_range(k)
        claimant = _first_mention_from(ctx, end, min(hi, end + 4))
        if claimant is None or claimant.kind == "site" or _in_pp(ctx, claimant):
            before = [
                m for m in ctx.mentions if lo <= m.i and m.j <= k and m.kind != "site" and not _in_pp(ctx, m)
            ]
            claimant = before[-1] if before else None
        if claimant is None:
            continue
        sent = ctx.doc.tokens[k].sentence
        for c in cands:
            if c.type == "ASSAULT" and c.actor is None and abs(c.sent - sent) <= CLAIM_REACH:
                c.actor, c.actor_how = claimant, "claim"


STORY_REACH = 3  # sentences after an action that the actions told without a place are set in


def inherit_places(ctx: Context, cands: list[Candidate]) -> None:
    """A physical action without a place in its sentence (the seizure during the raid, the
    gunmen storming the restaurant) took place where the one place of the action told before
    it is; tied to that action (خلال العملية), the place is as good as stated ('linked')."""
    story: list[Span] = []
    told = 0  # the sentence the story's action was told in
    for c in cands:
        if c.type not in STORY_TYPES:
            continue
        if c.place_source in ("clause", "sentence") and c.places:
            if c.type == "RETREAT" and c.mode == "ceasefire":
                continue  # جهود وقف إطلاق النار في غزة: a truce talked about sets no scene
            story, told = (c.places if len(c.places) == 1 else []), c.sent
        elif c.place_source == "article" and story and c.sent - told <= STORY_REACH:
            linked = _linked(ctx, c)
            c.places = list(story) if linked else [_container(ctx, story[0])]
            c.place_source = "linked" if linked else "story"


CONTAINER_GAP = 2  # tokens between a district and its town: حي مينيكينا ببلدة كاندي، الشجاعية شرق غزة


def _container(ctx: Context, p: Span) -> Span:
    """The town a local place (a district or village no gazetteer knows) is named with, for the
    actions told after it without a place of their own: حي مينيكينا ببلدة كاندي → كاندي."""
    if p.data.get("geonameid") is not None or p.data.get("kind") not in ("city", "place"):
        return p
    for k, (_, j, s) in enumerate(ctx.places[:-1]):
        if s is p:
            i2, _, s2 = ctx.places[k + 1]
            gap = range(j, i2)
            if (
                len(gap) <= CONTAINER_GAP
                and s2.data.get("kind") in ("city", "region")
                and all(ctx.doc.tokens[x].kind == "word" for x in gap)
            ):
                return s2
            break
    return p


SINCE = frozenset({fold("منذ")})
# بحسب ما أفادت منظمة اليوم الخميس، وفق ما أعلنته الوزارة اليوم: a date after these dates the report
REPORTED = frozenset(fold(w) for w in ("بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا", "نقلا"))


def _since(ctx: Context, i: int) -> bool:
    """A date after منذ (منذ عودتها إلى السلطة في أغسطس 2021) dates a background state."""
    return any(ctx.norm(k) in SINCE for k in range(max(0, i - 6), i))


def _reported(ctx: Context, c: Candidate, i: int) -> bool:
    """The date at token ``i`` follows the trigger in an attribution (بحسب ما أفادت ... اليوم)."""
    return i >= c.j and any(ctx.norm(k) in REPORTED for k in range(c.j, i))


def find_date(ctx: Context, c: Candidate) -> None:
    """The nearest date of the clause, else of the segment of the sentence. A date of a state
    (role 'since': مطلوب منذ عام 2019) only when no other date is at hand."""
    scopes = (("clause", c.clause), ("sentence", ctx.segment_range(c.i)))
    found: list[tuple[str, list[tuple[int, int, Span]]]] = []
    for source, (lo, hi) in scopes:
        cands = [
            (i, j, s)
            for i, j, s in ctx.dates_in(lo, hi)
            if s.data.get("value")
            and s.data.get("role") != "until"
            and not _reported(ctx, c, i)
            and (source == "clause" or not _since(ctx, i) or lo <= c.i < i)
        ]
        found.append((source, cands))
    for since in (False, True):
        for source, cands in found:
            pool = [x for x in cands if (x[2].data.get("role") == "since") == since]
            if pool:
                i, j, s = min(pool, key=lambda x: min(abs(x[0] - c.j), abs(c.i - x[1])))
                c.date, c.date_source = s, source
                return
    then = _then_date(ctx, c)
    if then is not None:
        c.date, c.date_source = then, "sentence"  # اعتقلت السلطات حينها: the time told before
        return
    c.date_source = "report" if ctx.doc.published else ""


def _then_date(ctx: Context, c: Candidate) -> Span | None:
    """حينها، آنذاك، وقتها in the clause: the action is dated by the last date told before it
    in its sentence or the one before (هجوم في 20 تموز 2022 ... واستدعت الخارجية حينها)."""
    lo, hi = c.clause
    if not any(ctx.norm(k) in THEN or _same_occasion(ctx, k, lo) for k in range(lo, hi)):
        return None
    before = _previous_sentence_start(ctx, c.i)
    dates = [
        s for i, _, s in ctx.dates_in(before, c.i) if s.data.get("value") and s.data.get("role") != "until"
    ]
    return dates[-1] if dates else None


THEN = frozenset(fold(w) for w in ("حينها", "حينئذ", "آنذاك", "انذاك", "وقتها", "يومها", "حينذاك"))
SAME = frozenset(fold(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها"))
# occasions told again after خلال (خلال القمة); اليوم only with نفسه or ذاته (اليوم ذاته)
DURING = frozenset(fold(w) for w in ("الليلة", "الاجتماع", "المؤتمر", "اللقاء", "القمة", "الجلسة", "الزيارة"))
OCCASIONS = DURING | {fold("اليوم")}
KHILAL = fold("خلال")


def _same_occasion(ctx: Context, k: int, lo: int) -> bool:
    """خلال الليلة نفسها، في المؤتمر ذاته، خلال القمة: an occasion told before dates the action."""
    if k <= lo:
        return False
    if ctx.norm(k) in SAME:
        return ctx.norm(k - 1) in OCCASIONS
    return ctx.norm(k) in DURING and ctx.norm(k - 1) == KHILAL


STORY_DAYS = 7  # a story date is a day this close before the report


def inherit_dates(ctx: Context, cands: list[Candidate]) -> None:
    """A physical action without a date in its sentence (the toll, the arrests, the attackers
    killed, told after the lead) takes the date of the last dated action told before it, when
    that is a day of the week before the report: the story goes on."""
    pub = ctx.doc.published
    if pub is None:
        return
    story: Span | None = None
    for c in cands:
        if c.type not in STORY_TYPES:
            continue
        if c.date is not None and c.date_source in ("clause", "sentence"):
            value = c.date.data.get("value") or ""
            recent = False
            # منذ فجر الإثنين in a report of Tuesday: the story is Monday's (a since of long ago
            # is a state, not a story day)
            if c.date.data.get("precision") == "day":
                try:
                    recent = 0 <= (pub - date.fromisoformat(value)).days <= STORY_DAYS
                except ValueError:
                    recent = False
            story = c.date if recent else None
            continue
        if c.date is None and c.date_source == "report" and story is not None:
            c.date, c.date_source = story, "story"


# ---------------------------------------------------------------- counts
@dataclass
class Binding:
    q: Quantity
    key: str
    pos: int  # token position used to find the nearest event


PEOPLE_KEYS = frozenset({"person", "participants"})
VERB_WINDOW = 6  # tokens after a counted noun of people within which its verb may come
TRIGGER_GAP = 2  # words (besides the subject, a date, punctuation) between a trigger and its count
PROTEST_KINDS = frozenset({"protesters", "workers", "students", "rioters"})
# إثر مقتل شاب، بعد وفاة رجل: a death told as the cause of what the sentence reports
CAUSE_WORDS = frozenset(fold(w) for w in ("إثر", "اثر", "بعد", "عقب", "أعقاب", "بسبب", "خلفية"))


def _noun_at(ctx: Context, k: int) -> tuple[int, CountNoun] | None:
    return ctx.count_nouns.get(k)


def _conjoined(ctx: Context, k: int, noun: CountNoun) -> bool:
    """وأصيب، وقتل: a count verb joined by و starts a clause of its own and counts what follows."""
    return noun.where == "both" and ctx.norm(k).startswith("و")


def _word_before(ctx: Context, k: int, lo: int) -> tuple[int, CountNoun] | None:
    """The count word (مقتل، أصيب، اعتقال) that ends right at token ``k``, with its position."""
    for x in range(k - 1, max(lo, k - 3) - 1, -1):
        hit = ctx.count_nouns.get(x)
        if hit is not None and hit[0] == k:
            if hit[1].where in ("after", "both") and hit[1].key not in PEOPLE_KEYS | {"other"}:
                return x, hit[1]
            return None
    return None


def _verb_after(ctx: Context, k: int, hi: int) -> str | None:
    """The count verb after counted people: 15 شخصا على الأقل قتلوا، 27 شخصا بينهم 22 شرطيا
    أصيبوا، ثلاثة متظاهرين أصيبوا (injured, not participants)."""
    for x in range(k, min(hi, k + VERB_WINDOW)):
        if ctx.doc.tokens[x].kind == "punct":
            return None
        hit = ctx.count_nouns.get(x)
        if hit is None or hit[1].key in PEOPLE_KEYS:
            continue
        noun = hit[1]
        if noun.where != "both" or noun.key == "other" or _conjoined(ctx, x, noun):
            return None
        return noun.key
    return None


def _gap(ctx: Context, a: int, b: int, skip: set[int]) -> int:
    """Words in [a, b) other than punctuation, dates and the parties named (``skip``)."""
    toks = ctx.doc.tokens
    return sum(1 for k in range(a, b) if toks[k].kind != "punct" and k not in skip and not ctx.in_date(k))


# prepositions of time and circumstance: a verbal noun after them sets the scene of another action
CIRCUMSTANCE = frozenset(fold(w) for w in ("خلال", "أثناء", "اثناء", "إثر", "عقب", "بعد", "قبل", "إبان"))


def _context_key(
    ctx: Context, q_i: int, lo: int, triggers: list[Candidate], skip: set[int] | None = None
) -> str | None:
    """The count key for a generic noun of people: from a count word just before, or a trigger
    (اعتقلت الشرطة، فجر اليوم، 14 شخصا: the subject and a date may come between)."""
    for k in range(q_i - 1, max(lo, q_i - 4) - 1, -1):
        hit = ctx.count_nouns.get(k)
        if hit is not None and hit[1].key != "person" and hit[1].where in ("after", "both"):
            return hit[1].key
    best = None
    for c in triggers:
        # ضبطت الشرطة 12 شخصا: a seizure's people are counted as arrested (flag persons=)
        count = c.entry.count or c.entry.persons
        if not (c.j <= q_i and count):
            continue
        if best is not None and not c.is_verb and c.i > 0 and ctx.norm(c.i - 1) in CIRCUMSTANCE:
            continue  # اعتقلت الشرطة خلال الاحتجاجات 23 شخصا: the protests are when, not what
        if q_i - c.j <= 6 or (skip is not None and _gap(ctx, c.last, q_i, skip) <= TRIGGER_GAP):
            best = count
    return best


def _crowd_after(ctx: Context, q: Quantity, kinds: frozenset[str]) -> bool:
    """مئات الشبان، مئات من أهالي المدينة: the quantity counts a crowd of one of ``kinds``."""
    k = ctx.past_min(q.j)
    m = _first_mention_from(ctx, k, k + 1)
    return m is not None and m.kind in kinds


def _key_of(
    ctx: Context, q: Quantity, lo: int, hi: int, triggers: list[Candidate], skip: set[int]
) -> str | None:
    """The count key of one quantity of the sentence [lo, hi), or None."""
    # مقتل خمسة متظاهرين: the count word just before decides over the noun of people after
    for k in (q.i - 1, q.i - 2):
        hit = ctx.count_nouns.get(k) if k >= lo else None
        if hit is not None and hit[0] == q.i and hit[1].where in ("after", "both") and hit[1].key != "person":
            return hit[1].key
    toll = _toll_noun(ctx, q, lo)
    if toll is not None:
        return toll  # ارتفع عدد القتلى إلى 37 والمصابين إلى 212
    after = _noun_at(ctx, q.j)
    if after is not None and q.j < hi and ctx.norm(q.j).startswith("وال"):
        after = None  # 37 والمصابين: the noun of the next figure
    if after is None and q.j < hi and ctx.norm(q.j) in ("من", "فردا"):
        after = _noun_at(ctx, q.j + 1)
    if after is not None and _conjoined(ctx, q.j, after[1]):
        after = None  # قتل فيها متظاهر واحد وأصيب 25: the number is not the one wounded
    key = None
    if after is not None and after[1].where in ("before", "both"):
        key = after[1].key
        if key in PEOPLE_KEYS:
            key = _verb_after(ctx, after[0], hi) or key
        if key == "person":
            key = _context_key(ctx, q.i, lo, triggers, skip)
        elif key == "participants":
            # اعتقلت الشرطة 12 متظاهرا: protesters counted by an arrest are the arrested
            verbs = [
                c
                for c in triggers
                if c.is_verb and c.j <= q.i and _gap(ctx, c.last, q.i, skip) <= TRIGGER_GAP
            ]
            other = verbs[-1].entry.count if verbs else None
            key = other if other in VICTIM_KEYS and other != "injured" else key
    if key is None:
        for k in range(q.i - 1, max(lo, q.i - 3) - 1, -1):
            hit = ctx.count_nouns.get(k)
            if (
                hit is not None
                and hit[0] <= q.i
                and hit[1].where in ("after", "both")
                and hit[1].key != "person"
            ):
                return hit[1].key
    if key is None and after is None and q.i > 0 and ctx.norm(q.i - 1) == "بين":
        # مواجهات بين مئات الشبان: a side of the clash, not its toll; a crowd is its participants
        return "participants" if _crowd_after(ctx, q, PROTEST_KINDS) else None
    if key is None and after is None:
        definite = ctx.norm(q.i).startswith("ال")  # نظم العشرات وقفة: a crowd, not a count of stands
        if q.dual or (not definite and any(c.i == q.j for c in triggers)):
            return None  # داهموا منزلين، نفذت ثلاث غارات: a count of things or of actions
        # اعتقلت 12 ناشطا، قتلت 5 إرهابيين: the trigger right before counts its people with its
        # own key (دمرت 23 هدفا counts no one); a road closed by a crowd (أغلق عشرات من
        # المعطلين) counts those who protest
        adjacent = [c for c in triggers if c.j == q.i or c.j + 1 == q.i]
        if adjacent and q.j < hi and (adjacent[-1].entry.count or adjacent[-1].type != "PROTEST"):
            return adjacent[-1].entry.count
    if key is None or key == "person":
        return _participants(ctx, q, after, triggers) if not (q.dual and after is None) else None
    if key == "displaced" and _participants(ctx, q, None, triggers) == "participants":
        if not _told_in(triggers, ctx.segment_range(q.i), FORCE_TYPES):
            return "participants"  # تظاهر عشرات اللاجئين: refugees who protest take part
    return key


FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
PROTEST_TYPE = frozenset({"PROTEST"})


def _told_in(triggers: list[Candidate], span: tuple[int, int], types: frozenset[str]) -> bool:
    """Does an action of one of ``types`` start in the token range ``span``?"""
    a, b = span
    return any(c.type in types and a <= c.i < b for c in triggers)


TOLL_SPAN = 6  # tokens between a toll's noun and its إلى: عدد القتلى في الهجوم إلى 37
TO = fold("إلى")


def _toll_noun(ctx: Context, q: Quantity, lo: int) -> str | None:
    """The count key of a figure after إلى in a toll (ارتفع عدد القتلى إلى 37، والمصابين إلى
    212): the nearest count noun before it."""
    if q.i - 1 < lo or ctx.norm(q.i - 1) != TO:
        return None
    for k in range(q.i - 2, max(lo, q.i - 2 - TOLL_SPAN) - 1, -1):
        hit = ctx.count_nouns.get(k)
        if hit is not None and hit[1].key not in ("person", "other"):
            return hit[1].key
        if ctx.doc.tokens[k].norm in (".", "،", ",", "؛"):
            return None
    return None


def _participants(
    ctx: Context, q: Quantity, after: tuple[int, CountNoun] | None, triggers: list[Candidate]
) -> str | None:
    """A crowd with no count word in a clause that reports a protest (or, for a crowd named
    after the number, in its sentence segment: خرج مئات من أهالي المدينة، الأحد، في تظاهرة)."""
    if after is not None and after[1].key != "person":
        return None
    if _told_in(triggers, ctx.clause_range(q.i, q.j), PROTEST_TYPE):
        return "participants"
    segment = ctx.segment_range(q.i)
    protest = _told_in(triggers, segment, PROTEST_TYPE)
    if protest and _crowd_after(ctx, q, CROWD_KINDS):
        return "participants"
    if protest and q.qualifier in VAGUE and not _told_in(triggers, segment, FORCE_TYPES):
        # نظم مئات المحاضرين، صباح اليوم، وقفة؛ تظاهر مئات يوم الأربعاء: a crowd counted in hundreds
        return "participants"
    return None


def _singles(ctx: Context, lo: int, hi: int, q_toks: set[int], triggers: list[Candidate]) -> list[Binding]:
    """مقتل رجل، قتل شخص، أصيب شرطي: a singular noun of one person right after a count word
    is a count of 1 (not after إثر/بعد unless the count word is itself a trigger: a cause)."""
    out = []
    toks = ctx.doc.tokens
    for k, (j, noun) in ctx.count_nouns_in(lo + 1, hi):
        if not noun.one or k in q_toks or j in ctx.q_at or ctx.norm(k).startswith("ال"):
            continue
        word = _word_before(ctx, k, lo)
        if word is None:
            continue
        w, wnoun = word
        if w > lo and ctx.norm(w - 1) in CAUSE_WORDS and not any(c.i == w for c in triggers):
            continue
        q = Quantity(k, j, toks[k].start, toks[j - 1].end, 1.0, "exact")
        out.append(Binding(q, wnoun.key, w))
    return out


def _partitive(ctx: Context, q: Quantity, hi: int) -> bool:
    """واحدا من ثلاثة صحفيين، اثنان من بين خمسة: one of a group, not a count."""
    k = ctx.past_min(q.j, hi)
    if k < hi and k > q.j and ctx.norm(k) == "بين":
        k += 1
    return k > q.j and ctx.quantity_at(k) is not None


def bind_counts(
    ctx: Context, lo: int, hi: int, triggers: list[Candidate], named: set[int] | None = None
) -> list[Binding]:
    """Quantities of the sentence [lo, hi) bound to count keys (``named``: the tokens of the
    article's mentions, computed here when not given)."""
    out: list[Binding] = []
    date_toks = ctx.date_toks
    quantities = [
        q
        for q in ctx.quantities_in(lo, hi)
        if q.i not in date_toks
        and not (q.i > lo and ctx.norm(q.i - 1) in SUBSET)
        and not _partitive(ctx, q, hi)
    ]
    q_toks = {k for q in quantities for k in range(q.i, q.j)}
    skip = (
        named if named is not None else {k for m in ctx.mentions if lo <= m.i < hi for k in range(m.i, m.j)}
    )
    for q in quantities:
        key = _key_of(ctx, q, lo, hi, triggers, skip)
        if key is not None and key != "person":
            out.append(Binding(q, key, q.i))
    # dual nouns are quantities of their own: قتيلين، شخصان
    for k, (j, noun) in ctx.count_nouns_in(lo, hi):
        if not noun.dual or (k - 1) in q_toks:
            continue
        key = noun.key if noun.key != "person" else _context_key(ctx, k, lo, triggers)
        if key in (None, "person"):
            continue
        tok = ctx.doc.tokens
        q = Quantity(k, j, tok[k].start, tok[j - 1].end, 2.0, "exact")
        out.append(Binding(q, key, k))
    return out + _singles(ctx, lo, hi, q_toks, triggers)


def better_quantity(a: Quantity, b: Quantity) -> Quantity:
    """The more precise of two readings of one count: exact beats qualified beats vague."""

    def rank(q: Quantity) -> int:
        return 2 if q.qualifier == "exact" else (0 if q.qualifier in VAGUE else 1)

    return b if rank(b) > rank(a) else a


def _conjoined_figures(ctx: Context | None, a: Quantity, b: Quantity) -> bool:
    """قتل جنديان وأربعة مسلحين، مقتل ثلاثة جنود و5 مدنيين: two exact figures of one key joined
    by و, the second right after the first or its noun: parts of one toll."""
    if ctx is None or a.qualifier != "exact" or b.qualifier != "exact" or b.i < a.j:
        return False
    joined = ctx.norm(b.i).startswith("و") or ctx.norm(b.i - 1) == "و"
    return joined and b.i - a.j <= (2 if ctx.norm(b.i - 1) == "و" else 1)


def assign_counts(
    bindings: list[Binding], cands: list[Candidate], ctx: Context | None = None
) -> list[Binding]:
    """Give each binding to the nearest candidate of a fitting type; return the unassigned.
    With ``ctx``, figures of one key joined by و add up (جنديان وأربعة مسلحين: six)."""
    rest = []
    for b in bindings:
        types = COUNT_TYPES.get(b.key, ())
        fit = [c for c in cands if c.type in types and not c.dropped]
        if b.key in ("killed", "injured"):
            # the toll of an attack, else of a protest; burning or looting (no count of its own)
            # kills no one by itself
            tiers = (
                [c for c in fit if c.type == "ASSAULT" and c.entry.count],
                [c for c in fit if c.type == "PROTEST"],
            )
            fit = next((t for t in tiers if t), fit)
        key = b.key
        if key == "arrested" and not fit:
            # احتجز محتجون ستة من عناصر الشرطة: those held by a party not the state's are hostages
            fit = [c for c in cands if c.type == "ASSAULT" and c.mode == "abduct" and not c.dropped]
            key = "kidnapped"
        if not fit:
            rest.append(b)
            continue
        c = min(fit, key=lambda c: abs(c.i - b.pos))
        old = c.counts.get(key)
        if old is not None and _conjoined_figures(ctx, old, b.q):
            c.counts[key] = Quantity(old.i, b.q.j, old.start, b.q.end, old.value + b.q.value, "exact")
            continue
        c.counts[key] = b.q if old is None else better_quantity(old, b.q)
    return rest
