"""Incidents: one real-world incident told by several outlets is one record with all sources."""

from __future__ import annotations

from conftest import make_event, make_place, make_report
from rasd.corpus.incidents import rebuild
from rasd.inputs import Article
from rasd.store import Store
from rasd.store.models import Incident

MOGADISHU = make_place("Mogadishu", "SO", geonameid=53654, admin1="02", lat=2.04, lon=45.34)
KISMAYO = make_place("Kismayo", "SO", geonameid=55671, admin1="05", lat=-0.36, lon=42.55)
SOMALIA = make_place("Somalia", "SO", kind="country", geonameid=51537)


def add(store: Store, rid: str, outlet: str, events: list[dict], credit: str | None = None) -> None:
    aid, _ = store.add_article(Article(id=rid, text=f"نص الخبر رقم {rid} عن هجوم", outlet=outlet))
    store.save_results([(aid, make_report(rid, events, credit), None)], "test")


def incidents(store: Store) -> list[Incident]:
    with store.session() as s:
        return list(s.query(Incident).order_by(Incident.date_first, Incident.id))


def test_one_incident_many_sources_with_reconciled_counts(db_url: str) -> None:
    store = Store(db_url)
    killed = lambda n: {"killed": {"value": n, "qualifier": "exact"}}  # noqa: E731
    add(store, "a", "Gulf Daily", [make_event("ASSAULT", MOGADISHU, "2024-03-16", counts=killed(8))])
    add(store, "b", "Levant Post", [make_event("ASSAULT", MOGADISHU, "2024-03-16", counts=killed(10))])
    add(store, "c", "Sample Wire", [make_event("ASSAULT", MOGADISHU, "2024-03-17", counts=killed(8))])
    # the country-level report of the same attack nests in it
    add(store, "d", "Nile Courier", [make_event("ASSAULT", SOMALIA, "2024-03-16")])
    assert rebuild(store) == 1
    (inc,) = incidents(store)
    assert inc.n_events == 4 and inc.n_sources == 4
    assert inc.place == "Mogadishu"
    assert inc.counts["killed"] == {"min": 8, "max": 10, "most_cited": 8, "sources": 3}
    assert (inc.date_first, inc.date_last) == ("2024-03-16", "2024-03-17")


def test_different_place_type_or_date_are_different_incidents(db_url: str) -> None:
    store = Store(db_url)
    add(store, "a", "Gulf Daily", [make_event("ASSAULT", MOGADISHU, "2024-03-16")])
    add(store, "b", "Levant Post", [make_event("ASSAULT", KISMAYO, "2024-03-16")])
    add(store, "c", "Sample Wire", [make_event("PROTEST", MOGADISHU, "2024-03-16")])
    add(store, "d", "Maghreb News", [make_event("ASSAULT", MOGADISHU, "2024-03-29")])
    assert rebuild(store) == 4


def test_two_events_of_one_article_stay_apart(db_url: str) -> None:
    store = Store(db_url)
    add(
        store,
        "a",
        "Gulf Daily",
        [make_event("ASSAULT", MOGADISHU, "2024-03-16"), make_event("ASSAULT", MOGADISHU, "2024-03-16")],
    )
    assert rebuild(store) == 2


def test_incompatible_counts_split(db_url: str) -> None:
    store = Store(db_url)
    add(
        store,
        "a",
        "Gulf Daily",
        [
            make_event(
                "ASSAULT", MOGADISHU, "2024-03-16", counts={"killed": {"value": 3, "qualifier": "exact"}}
            )
        ],
    )
    add(
        store,
        "b",
        "Levant Post",
        [
            make_event(
                "ASSAULT", MOGADISHU, "2024-03-16", counts={"killed": {"value": 90, "qualifier": "exact"}}
            )
        ],
    )
    assert rebuild(store) == 2


def test_reports_of_reports_count_once(db_url: str) -> None:
    store = Store(db_url)

    def ev(n):
        return [
            make_event(
                "ASSAULT", MOGADISHU, "2024-03-16", counts={"killed": {"value": n, "qualifier": "exact"}}
            )
        ]

    add(store, "a", "Sample Wire", ev(8))
    # two outlets that only repeat Sample Wire's report, and one that credits Reuters
    add(store, "b", "Gulf Daily", ev(8), credit="Sample Wire")
    add(store, "c", "Levant Post", ev(8), credit="Sample Wire")
    add(store, "d", "Nile Courier", ev(10), credit="رويترز")
    rebuild(store)
    (inc,) = incidents(store)
    assert inc.n_events == 4
    assert inc.n_sources == 2
    # 8 is cited by one independent source, 10 by another: the tie goes to the lower figure
    assert inc.counts["killed"]["most_cited"] == 8 and inc.counts["killed"]["sources"] == 2


def test_negated_events_are_not_incidents(db_url: str) -> None:
    store = Store(db_url)
    add(store, "a", "Gulf Daily", [make_event("ASSAULT", MOGADISHU, "2024-03-16", negated=True)])
    assert rebuild(store) == 0
