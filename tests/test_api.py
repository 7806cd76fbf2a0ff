"""The HTTP API against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import make_event, make_place, make_report
from rasd.corpus.incidents import rebuild
from rasd.inputs import Article
from rasd.store import Store
from rasd.web.api import MAX_EXTRACT_CHARS, create_app

HOMS = make_place("Homs", "SY", geonameid=169577, admin1="11", lat=34.73, lon=36.72)
SANAA = make_place("Sanaa", "YE", geonameid=71137, admin1="26", lat=15.35, lon=44.21)


@pytest.fixture
def store(db_url: str) -> Store:
    store = Store(db_url)
    rows = [
        (
            "a",
            "قصفت طائرات حربية أحياء في حمص وقتل 4 مدنيين",
            [make_event("ASSAULT", HOMS, "2024-03-05", mode="aerial")],
        ),
        (
            "b",
            "تظاهر المئات في صنعاء احتجاجا على الغلاء",
            [make_event("PROTEST", SANAA, "2024-03-07", mode="demo")],
        ),
        (
            "c",
            "خرج آلاف المحتجين في صنعاء لليوم الثاني",
            [make_event("PROTEST", SANAA, "2024-03-08", mode="demo")],
        ),
    ]
    for rid, text, events in rows:
        aid, _ = store.add_article(Article(id=rid, text=text, outlet="Sample Wire"))
        store.save_results([(aid, make_report(rid, events), None)], "test")
    rebuild(store)
    return store


@pytest.fixture
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def test_events_filters_and_pages(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 3 and len(body["items"]) == 3
    assert {e["country"] for e in client.get("/api/events", params={"country": "ye"}).json()["items"]} == {
        "YE"
    }
    assert client.get("/api/events", params={"type": "ASSAULT"}).json()["total"] == 1
    assert (
        client.get("/api/events", params={"since": "2024-03-06", "until": "2024-03-07"}).json()["total"] == 1
    )
    assert client.get("/api/events", params={"bbox": "35,33,37,35"}).json()["items"][0]["place"] == "Homs"
    assert client.get("/api/events", params={"q": "المحتجين"}).json()["total"] == 1
    page2 = client.get("/api/events", params={"per_page": 2, "page": 2}).json()
    assert page2["total"] == 3 and len(page2["items"]) == 1
    assert client.get("/api/events", params={"bbox": "1,2"}).status_code == 422
    assert client.get("/api/events", params={"per_page": 100000}).status_code == 422


def test_incidents_group_the_two_protest_reports(client: TestClient) -> None:
    items = client.get("/api/incidents", params={"type": "PROTEST"}).json()["items"]
    assert len(items) == 1 and items[0]["n_events"] == 2


def test_article_and_search(client: TestClient, store: Store) -> None:
    (aid,) = store.search("حمص")
    body = client.get(f"/api/articles/{aid}").json()
    assert body["ext_id"] == "a" and body["report"]["events"][0]["type"] == "ASSAULT"
    assert client.get("/api/articles/99999").status_code == 404
    found = client.get("/api/search", params={"q": "صنعاء"}).json()["items"]
    assert sorted(i["ext_id"] for i in found) == ["b", "c"]
    for hostile in ['" OR 1=1 --', "NEAR(", "'; DROP TABLE articles; --"]:
        assert client.get("/api/search", params={"q": hostile}).status_code == 200
    assert client.get("/api/stats").json()["articles"] == 3


def test_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["by_type"] == {"ASSAULT": 1, "PROTEST": 2}
    assert stats["by_country"] == {"SY": 1, "YE": 2}


def test_extract_and_its_limits(client: TestClient) -> None:
    res = client.post(
        "/api/extract", json={"text": "اعتقلت الشرطة 5 أشخاص في بغداد أمس", "published": "2024-03-02"}
    )
    assert res.status_code == 200 and res.json()["published"] == "2024-03-02"
    assert client.post("/api/extract", json={"text": "ا" * (MAX_EXTRACT_CHARS + 1)}).status_code in (413, 422)
    assert client.post("/api/extract", content=b"not json").status_code == 422
    assert client.post("/api/extract", json={"published": "2024-03-02"}).status_code == 422


def test_write_endpoints_need_a_token_off_loopback(store: Store) -> None:
    with pytest.raises(ValueError):
        create_app(store, token=None, loopback=False)
    guarded = TestClient(create_app(store, token="s3cret", loopback=False))
    payload = {"text": "تظاهر المئات في تونس"}
    assert guarded.post("/api/extract", json=payload).status_code == 401
    assert (
        guarded.post("/api/extract", json=payload, headers={"Authorization": "Bearer wrong"}).status_code
        == 401
    )
    assert (
        guarded.post("/api/extract", json=payload, headers={"Authorization": "Bearer s3cret"}).status_code
        == 200
    )
    assert guarded.get("/api/events").status_code == 200


def test_openapi_docs(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/events",
        "/api/incidents",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/stats",
        "/api/extract",
    } <= set(paths)
    assert client.get("/docs").status_code == 200


def test_newest_first_timeline_and_incident_text_query(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/api/events", params={"sort": "date_desc"}).json()["items"]]
    assert dates == sorted(dates, reverse=True)
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422
    days = client.get("/api/timeline").json()["days"]
    assert days == [
        {"date": "2024-03-05", "counts": {"ASSAULT": 1}},
        {"date": "2024-03-07", "counts": {"PROTEST": 1}},
        {"date": "2024-03-08", "counts": {"PROTEST": 1}},
    ]
    assert client.get("/api/timeline", params={"country": "SY"}).json()["days"][0]["counts"] == {"ASSAULT": 1}
    assert client.get("/api/incidents", params={"q": "حمص"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"q": "المحتجين"}).json()["items"][0]["type"] == "PROTEST"
