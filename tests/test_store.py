"""The store, on real SQLite and real PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from conftest import make_event, make_report
from rasd.inputs import Article
from rasd.store import Store, content_hash


def art(i: str, text: str, url: str | None = None) -> Article:
    return Article(id=i, text=text, url=url, where=f"test:{i}")


def test_migrations_match_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from rasd.store.models import Base

    store = Store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS tables and their shadow tables are outside the models on purpose
    diff = [
        d
        for d in diff
        if not (
            d[0] in ("remove_table", "remove_index")
            and d[1].name.startswith(("articles_fts", "ix_articles_fts"))
        )
    ]
    assert diff == []
    assert {"articles", "reports", "events", "incidents", "ingest_failures"} <= set(
        inspect(store.engine).get_table_names()
    )


def test_ingestion_is_idempotent(db_url: str) -> None:
    store = Store(db_url)
    first = store.add_article(art("a", "قصفت الطائرات مواقع في إدلب.", url="https://example.org/1"))
    assert first[1] is True
    # same text with diacritics and other spacing: the same article
    assert store.add_article(art("b", "قَصفت   الطائرات مواقع في إدلب.")) == (first[0], False)
    # same URL, edited text: the same article
    assert store.add_article(art("c", "نص معدل للخبر نفسه", url="https://example.org/1")) == (first[0], False)
    assert store.add_article(art("d", "خبر آخر تماما عن الخرطوم"))[1] is True
    assert store.count_articles() == 2


def test_content_hash_ignores_marks_and_spaces() -> None:
    assert content_hash("الشرطةُ  اعتقلت") == content_hash("الشرطة اعتقلت")
    assert content_hash("الشرطة اعتقلت") != content_hash("الجيش اعتقل")


@pytest.mark.parametrize("query", ["الشرطه", "الشرطة", "بالشرطة", "شرطة"])
def test_search_is_normalised_and_clitic_blind(db_url: str, query: str) -> None:
    store = Store(db_url)
    a, _ = store.add_article(art("a", "اشتبك المحتجون مع الشرطة في الساحة"))
    b, _ = store.add_article(art("b", "وقال المتحدث باسم الشرطةِ إن الوضع هادئ"))
    c, _ = store.add_article(art("c", "استعان الأهالي بالشرطة لفك النزاع"))
    store.add_article(art("d", "انعقد المؤتمر في الرياض"))
    assert sorted(store.search(query)) == sorted([a, b, c])


@pytest.mark.parametrize("query", ['"', "الشرطة OR", "NEAR(", "' OR 1=1 --", "*", "الشرطة AND NOT", "a\"b'c"])
def test_search_treats_operators_and_quotes_as_words(db_url: str, query: str) -> None:
    store = Store(db_url)
    store.add_article(art("a", "اشتبك المحتجون مع الشرطة في الساحة"))
    result = store.search(query)
    assert isinstance(result, list)
    assert store.count_articles() == 1


def test_results_are_replaced_atomically(db_url: str) -> None:
    store = Store(db_url)
    aid, _ = store.add_article(art("a", "قصفت الطائرات مواقع في إدلب."))
    assert store.pending_ids() == [aid]
    store.save_results([(aid, make_report("a", [make_event(), make_event("PROTEST")]), None)], "v1")
    assert store.pending_ids() == []
    assert store.stats()["events"] == 2
    store.save_results([(aid, make_report("a", [make_event("COERCE")]), None)], "v2")
    assert store.stats()["events"] == 1
    assert store.pending_ids(reprocess=True, version="v2") == []
    assert store.pending_ids(reprocess=True, version="v3") == [aid]


def test_failures_are_kept_until_resolved(db_url: str) -> None:
    store = Store(db_url)
    store.record_failure("https://example.org/feed", "feed", "timed out")
    store.record_failure("https://example.org/feed", "feed", "HTTP 500")
    assert store.failures() == [("https://example.org/feed", "feed", "HTTP 500", 2)]
    store.resolve_failure("https://example.org/feed")
    assert store.failures() == []


def test_batch_ingestion_dedupes_within_and_across_batches(db_url: str) -> None:
    store = Store(db_url)
    old, _ = store.add_article(art("old", "خبر قديم عن الموصل"))
    batch = [
        art("a", "خبر جديد عن الموصل"),
        art("a-copy", "خبرٌ جديد عن الموصل"),
        art("old-again", "خبر قديم عن الموصل"),
        art("b", "خبر ثالث", url="https://example.org/b"),
        art("b-edited", "خبر ثالث معدل", url="https://example.org/b"),
    ]
    out = store.add_articles(batch)
    assert [created for _, created in out] == [True, False, False, True, False]
    assert out[1][0] == out[0][0] and out[2][0] == old and out[4][0] == out[3][0]
    assert store.count_articles() == 3


@pytest.mark.parametrize(
    "text",
    ["الشرطةُ  اعتقلت ٥ أشخاص وللشرطة", "ﻻ تقارير عن الـــقصف في Idlib", "بالشرطة\u200f والشرطه!", "   "],
)
def test_fingerprint_is_the_hash_and_the_search_text(text: str) -> None:
    from rasd.arabic.search_terms import search_text
    from rasd.store.store import fingerprint

    assert fingerprint(text) == (content_hash(text), search_text(text))


def test_every_event_column_is_stored(db_url: str) -> None:
    from rasd.store.models import Event

    store = Store(db_url)
    aid, _ = store.add_article(art("a", "قصفت الطائرات مواقع في إدلب."))
    place = {
        "text": "إدلب",
        "start": 0,
        "end": 4,
        "geonameid": 169388,
        "name": "Idlib",
        "country": "SY",
        "admin1": "Idlib Governorate",
        "kind": "city",
        "lat": 35.93,
        "lon": 36.63,
    }
    ev = make_event(
        "ASSAULT",
        place=place,
        date="2024-03-04",
        mode="aerial",
        actor={"text": "الطائرات", "kind": "military"},
        counts={"killed": {"value": 5}, "injured": {"value": 2.5}, "arrested": {"value": 1}},
        negated=True,
        target={"text": "مواقع", "kind": "location"},
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        cameo="195",
        note="a note",
    )
    store.save_results([(aid, make_report("a", [make_event("PROTEST"), ev], credit="رويترز"), None)], "v1")
    with store.session() as s:
        row = s.query(Event).filter(Event.idx == 1).one()
        from rasd.store.models import Report

        rep = s.get(Report, aid)
    got = {c: getattr(row, c) for c in Event.__table__.columns.keys() if c not in ("id", "incident_id")}
    assert got == {
        "article_id": aid,
        "idx": 1,
        "type": "ASSAULT",
        "mode": "aerial",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Air/drone strike",
        "cameo": "195",
        "country": "SY",
        "admin1": "Idlib Governorate",
        "place": "Idlib",
        "place_kind": "city",
        "geonameid": 169388,
        "lat": 35.93,
        "lon": 36.63,
        "date": "2024-03-04",
        "date_precision": "day",
        "actor": "الطائرات",
        "actor_kind": "military",
        "target": "مواقع",
        "target_kind": "location",
        "killed": 5,
        "injured": 2.5,
        "arrested": 1,
        "counts": {"killed": {"value": 5}, "injured": {"value": 2.5}, "arrested": {"value": 1}},
        "negated": True,
        "confidence": 0.9,
        "evidence": "نص",
        "note": "a note",
    }
    assert rep is not None and rep.credited_source == "رويترز"
    assert rep.report["events"][1]["place"] == place


@pytest.mark.parametrize("accelerated", [True, False])
def test_json_text_reads_back_as_the_value(monkeypatch: pytest.MonkeyPatch, accelerated: bool) -> None:
    import json

    import rasd.store.store as store_mod

    if not accelerated:
        monkeypatch.setattr(store_mod, "_orjson", None)
    value = {"text": "قصفت الطائرات", "n": 2**70, "f": 0.1, "items": [None, True, -3, {"k": 1e-9}]}
    assert json.loads(store_mod._json(value)) == value
