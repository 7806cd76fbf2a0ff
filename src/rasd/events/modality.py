"""Modality: negated, future and hypothetical actions, governed actions, attribution.

- A negation cue just before a trigger (لم، لن، لا صحة، عدم) or a verb of denial earlier in
  the sentence (نفت الوزارة) flags the event ``negated``.
- A future or planning cue (سوف، يعتزم، من المقرر; the prefix س) or a condition (في حال،
  إذا) means the action has not happened: it is not coded.
- A threat, demand, rejection, agreement or expression of support governs the actions after it
  in its sentence: they are what is threatened or demanded, not actions (هدد بقصف، طالب
  بالإفراج). They are dropped and refine the governing event's mode. A condemnation or an
  accusation drops only weak actions (no place, no count of their own).
- Attribution: a reporting verb or phrase (قالت، أفادت، بحسب، وجاء في) names who says it; the
  speaker fills ``attributed_to`` of the events after it in the sentence, and of the sentences
  of a quotation it opens.
"""

from __future__ import annotations

from rasd.arabic.normalise import fold
from rasd.events.context import CLAUSE_WORDS, Context
from rasd.events.frames import Candidate, joined_verb
from rasd.events.lexicon import ModalityCue

SPEAKER_STOP = frozenset(
    fold(w)
    for w in ("إن", "أن", "انه", "إنه", "أنه", "إنها", "أنها", "عن", "التي", "الذي", "بأن", "أنهم", "إنهم")
)
GOVERN_STOP = CLAUSE_WORDS
MAX_SCOPE = 25
# what a threatened or demanded action makes of the governing event's mode
THREAT_MODES = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "MOBILIZE": "violence",
}
THREAT_MODE_BY_MODE = {"arrest": "arrest", "expel": "expel", "deport": "expel", "seize": "territory"}
REQUEST_MODES = {
    "RETREAT": "yield",
    "AID": "assist",
    "MOBILIZE": "assist",
    "CONSULT": "meet",
    "CONCEDE": "yield",
}


def _cues(ctx: Context) -> list[tuple[int, int, ModalityCue, str]]:
    return [(m.i, m.j, m.payload, m.prefix) for m in ctx.modality]


def mark_passive(ctx: Context, cands: list[Candidate]) -> None:
    """تم اعتقال، جرى احتجاز: the verbal noun is passive (no actor unless an agent is named)."""
    for _i, j, cue, _ in _cues(ctx):
        if cue.kind != "passive":
            continue
        for c in cands:
            if 0 <= c.i - j <= 1 and not c.is_verb:
                c.passive = True


def _same_clause(ctx: Context, a: int, b: int) -> bool:
    return not any(ctx.clause_break[k] for k in range(min(a, b), max(a, b)))


EXCEPT = frozenset(fold(w) for w in ("سوى", "إلا", "الا"))
# "denied any link to the bombing": a denial of responsibility, not of the action
LINK = frozenset(
    fold(w) for w in ("صلة", "علاقة", "مسؤولية", "مسؤوليتها", "مسؤوليته", "تورط", "تورطها", "ضلوع")
)


def _excepted(ctx: Context, c: Candidate) -> bool:
    """لم يشارك سوى عدد محدود: a negation with an exception states the action."""
    _, hi = ctx.sentence_range(c.i)
    return any(ctx.norm(k) in EXCEPT for k in range(c.j, min(hi, c.j + 4)))


def _denies_link(ctx: Context, j: int, hi: int) -> bool:
    return any(ctx.norm(k) in LINK or ctx.norm(k)[1:] in LINK for k in range(j, min(hi, j + 4)))


def apply_modality(ctx: Context, cands: list[Candidate]) -> None:
    """Negation, future and hypotheticals from the cues before each trigger; topics (a film
    about the war, a debate on the strike law) and contexts (a match, an earthquake)."""
    cues = _cues(ctx)
    by_sent: dict[int, list[tuple[int, int, ModalityCue, str]]] = {}
    for cue in cues:
        by_sent.setdefault(ctx.doc.tokens[cue[0]].sentence, []).append(cue)
    for c in cands:
        lo, hi = ctx.sentence_range(c.i)
        if "س" in c.prefix and c.is_verb:
            c.dropped = "future"
            continue
        negated_at = hypothetical_at = -1
        for i, j, cue, _ in by_sent.get(c.sent, ()):
            if cue.kind == "context":
                if c.type == "ASSAULT":
                    c.dropped = "context"
                continue
            if j > c.i or i < lo:
                continue
            gap = c.i - j
            if cue.kind == "negation" and gap <= cue.scope and _same_clause(ctx, j, c.i):
                c.negated = not _excepted(ctx, c)
                negated_at = i
            # نفى الوجهاء أن يكون ...، وطالبوا بالإفراج عنهم: a verb joined by و after a comma is
            # the denier's next statement, not a thing denied
            elif cue.kind == "denial" and gap <= cue.scope and not joined_verb(ctx, c):
                c.negated = not _denies_link(ctx, j, hi)
                negated_at = i
            elif cue.kind == "future" and gap <= cue.scope and _same_clause(ctx, j, c.i):
                c.dropped = "future"
            elif cue.kind == "hypothetical" and gap <= cue.scope:
                c.dropped, hypothetical_at = "hypothetical", i
            elif cue.kind == "topic" and gap <= cue.scope and not c.is_verb:
                c.dropped = "topic"
            elif cue.kind == "background" and gap <= cue.scope and not c.is_verb:
                c.background = True
            elif cue.kind == "revision" and gap <= cue.scope:
                c.revises = True
            elif cue.kind == "possession" and gap <= cue.scope and not c.is_verb and c.type == "ASSAULT":
                c.dropped = "weapons held"  # ضبطت بحوزتهم قنابل، يصنعون صواريخ: things, not attacks
        if c.negated and c.dropped == "hypothetical" and 0 <= negated_at < hypothetical_at:
            c.dropped = ""  # نفت الوزارة وجود أي اعتقالات: a denial, not a hypothesis


def _scope_end(ctx: Context, g: Candidate) -> int:
    _, hi = ctx.sentence_range(g.i)
    k = g.j
    while k < min(hi, g.j + MAX_SCOPE):
        tok = ctx.doc.tokens[k]
        n = tok.norm[1:] if tok.norm[:1] in "وف" and tok.norm[1:] in GOVERN_STOP else tok.norm
        if n in GOVERN_STOP or ctx.strong_break[k]:
            break  # a clause word or phrase (قبل أن، في حين) starts what is told, not demanded
        k += 1
    return k


def apply_governing(
    ctx: Context, cands: list[Candidate], governs: dict[tuple[str, str | None], str | None]
) -> None:
    """Threats, demands, agreements (and weakly condemnations) govern the actions after them."""
    for g in cands:
        kind = governs.get((g.type, g.mode)) or governs.get((g.type, None))
        if not kind or g.dropped or (g.type == "THREATEN" and not g.is_verb and not g.entry.state):
            continue
        end = _scope_end(ctx, g)
        inner = [c for c in cands if g.j <= c.i < end and c is not g and not c.dropped]
        if kind != "object":
            # a demand governs a demanded inquiry (طالبت بفتح تحقيق), not another demand
            inner = [
                c
                for c in inner
                if (governs.get((c.type, c.mode)) or governs.get((c.type, None))) in (None, "weak")
                and not (kind == "weak" and c.type == g.type)
                # دعا إلى التوصل إلى اتفاق: an agreement named by its noun is what is asked for
                or (g.type == "REQUEST" and c.type == "AGREE" and not c.is_verb)
            ]
        if kind == "object":
            # علقت النقابة إضرابها، انسحب الوفد من المفاوضات: the object is not an action
            # not past a comma: قطع العلاقات مع كولومبيا، وأمهل دبلوماسييها is a second measure
            inner = [
                c
                for c in inner
                if c.i - g.last <= 3 and not any(ctx.norm(k) in ("،", ",") for k in range(g.last, c.i))
            ]
        for c in inner:
            if kind == "weak" and (c.counts or c.place_source == "clause"):
                continue
            c.dropped = "governed"
        if kind == "hypothetical" and inner and g.mode is None:
            first = inner[0]
            if g.type == "THREATEN":
                g.mode = THREAT_MODE_BY_MODE.get(first.mode or "") or THREAT_MODES.get(first.type)
            elif g.type == "REQUEST":
                g.mode = REQUEST_MODES.get(first.type)


def _speaker(ctx: Context, j: int, hi: int, max_len: int) -> tuple[int, int] | None:
    """Tokens after a reporting cue that name the speaker, up to a complementiser or a comma."""
    toks = ctx.doc.tokens
    k = j
    while k < hi and k < j + max_len:
        t = toks[k]
        if t.kind == "punct" or t.norm in SPEAKER_STOP or t.kind == "number":
            break
        k += 1
    if k == j:
        return None
    return toks[j].start, toks[k - 1].end


def _after_count(ctx: Context, j: int) -> int:
    """The position after a quantity or a partitive at ``j`` (and its من): خرج مئات من الأهالي."""
    q = ctx.quantity_at(j)
    return ctx.past_min(q.j) if q is not None else ctx.past_partitive(j)


def attribution(ctx: Context, cands: list[Candidate]) -> tuple[set[int], set[int]]:
    """Fill ``attributed_to``; return the token positions of speakers and of announcers."""
    speakers: set[int] = set()
    announcers: set[int] = set()
    by_sent: dict[int, tuple[int, int]] = {}
    carry: dict[int, tuple[int, int]] = {}
    for i, j, cue, _ in _cues(ctx):
        if cue.kind == "light":
            k = _after_count(ctx, j)
            # its subject after it (VSO), or right before it (SVO: إن الشرطة أطلقت الغاز، وكانت
            # القوات قد شنت)
            before = i - 1 if i > 0 and ctx.norm(i - 1) == "قد" else i
            for m in ctx.mentions:
                if k <= m.i <= k + 1 or (m.j == before and m.kind != "site"):
                    announcers.add(m.i)
            continue
        if cue.kind not in ("attribution", "announce", "denial"):
            continue
        lo, hi = ctx.sentence_range(i)
        span = _speaker(ctx, j, hi, max(cue.scope, 2) if cue.kind != "denial" else 4)
        if span is None:
            continue
        sp_i, _ = ctx.tok_range(*span)
        for m in ctx.mentions_in(sp_i, sp_i + 2):
            if m.i == sp_i or ctx.doc.tokens[m.i].start < span[1]:
                speakers.add(m.i)  # نفت الشرطة ...، وأكدت: the denier speaks on
                if cue.kind == "announce":
                    announcers.add(m.i)
        if cue.kind == "denial":
            continue  # who denies is a speaker, not the source of what the sentence reports
        sent = ctx.doc.tokens[i].sentence
        by_sent.setdefault(sent, span)
        # a quotation opened after the cue carries the attribution to the next sentences
        text = ctx.doc.text[span[1] : ctx.doc.sentences[sent].end] if ctx.doc.sentences else ""
        if text.count('"') % 2 == 1 or text.count("«") > text.count("»"):
            carry[sent] = span
    open_quote: tuple[int, int] | None = None
    for s in range(len(ctx.sent_bounds)):
        if s in by_sent:
            open_quote = carry.get(s)
            continue
        if open_quote is not None:
            by_sent[s] = open_quote
            a, b = ctx.sent_bounds[s]
            if a < b:
                text = ctx.doc.text[ctx.doc.tokens[a].start : ctx.doc.tokens[b - 1].end]
                if text.count('"') % 2 == 1 or "»" in text:
                    open_quote = None
    for c in cands:
        c.attributed_to = by_sent.get(c.sent)
    return speakers, announcers
