"""The events stage's token geometry: range lookups agree with a scan of the whole article.

The context answers "which quantities, mentions, count nouns and places lie in tokens [lo, hi)"
and "where does this clause end" from indexes, so that a long article costs linear time; each
answer must equal the plain definition, a scan over everything.
"""

from __future__ import annotations

import pytest

from rasd.events.context import Context
from rasd.pipeline import read
from rasd.stages.events import candidates

TEXTS = [
    "اعتقلت الشرطة 12 شخصا في بغداد أمس بعد اشتباكات مع محتجين، بحسب وكالة الأنباء العراقية.\n" * 6,
    "قتل ثلاثة مدنيين وأصيب 20 آخرون يوم الأحد في قصف على حمص وحماة، فيما تظاهر المئات في إدلب. "
    "وقال المرصد السوري إن الطائرات شنت خمس غارات على مدينة معرة النعمان بينما اعتقلت قوات الأمن "
    "عشرة أشخاص في ريف دمشق.",
    "وزارة " * 300,
]


def context(text: str) -> Context:
    ctx, _ = candidates(read(text, published="2024-03-05"))
    return ctx


def naive_clause(ctx: Context, i: int, j: int) -> tuple[int, int]:
    lo, hi = ctx.sentence_range(i)
    a = i
    while a > lo and not ctx.clause_break[a - 1]:
        a -= 1
    b = j
    while b < hi and not ctx.clause_break[b]:
        b += 1
    return a, b


def naive_segment(ctx: Context, i: int) -> tuple[int, int]:
    lo, hi = ctx.sentence_range(i)
    a = i
    while a > lo and not ctx.strong_break[a]:
        a -= 1
    b = i + 1
    while b < hi and not ctx.strong_break[b]:
        b += 1
    return a, b


@pytest.mark.parametrize("text", TEXTS)
def test_range_lookups_equal_a_scan(text: str) -> None:
    ctx = context(text)
    n = len(ctx.doc.tokens)
    assert ctx.quantities and ctx.mentions and ctx.places and ctx.dates or text.startswith("وزارة")
    for lo in range(0, n, 3):
        for hi in (lo, lo + 1, lo + 7, n):
            assert ctx.quantities_in(lo, hi) == [q for q in ctx.quantities if lo <= q.i < hi]
            assert ctx.mentions_in(lo, hi) == [m for m in ctx.mentions if lo <= m.i < hi]
            assert ctx.count_nouns_in(lo, hi) == [(k, v) for k, v in ctx.count_nouns.items() if lo <= k < hi]
            assert ctx.inside_place(lo, hi) == any(a <= lo and hi <= b for a, b, _ in ctx.places)
            assert list(ctx.place_indexes_in(lo, hi)) == [
                k for k, x in enumerate(ctx.places) if lo <= x[0] < hi
            ]
            assert ctx.dates_in(lo, hi) == [d for d in ctx.dates if lo <= d[0] < hi]
    for i in range(n):
        assert ctx.segment_range(i) == naive_segment(ctx, i)
        for j in (i + 1, min(n, i + 3)):
            assert ctx.clause_range(i, j) == naive_clause(ctx, i, j)


def test_a_removed_mention_leaves_the_index() -> None:
    ctx = context(TEXTS[1])
    first = ctx.mentions_in(0, len(ctx.doc.tokens))
    assert first
    ctx.mentions.remove(first[0])
    assert first[0] not in ctx.mentions_in(0, len(ctx.doc.tokens))
    assert ctx.mentions_in(0, len(ctx.doc.tokens)) == ctx.mentions


def test_places_in_a_list_are_found_inside() -> None:
    ctx = context(TEXTS[1])
    a, b, _ = ctx.places[0]
    assert ctx.inside_place(a, b) and not ctx.inside_place(a, b + 1)
