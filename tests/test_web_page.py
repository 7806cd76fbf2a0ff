"""The analysts' web page, end to end: a real server over a real SQLite database (our own
articles, ingested and processed by the real pipeline), driven in headless Debian Chromium.

Screenshots go to test-artifacts/. Without Chromium these tests skip, except in CI (env CI set),
where they fail with a message saying how to install it (scripts/install-browser.sh).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from browser import REPO, chromium, screenshot, serve, unavailable
from rasd.corpus.incidents import rebuild
from rasd.corpus.process import process
from rasd.inputs import Article
from rasd.store import Store
from rasd.store.models import Article as ArticleRow
from rasd.web.api import create_app

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"
HOSTILE_OUTLET = "<b>Maghreb</b> Test"

# (id, published, outlet, title, text): our own short reports, one per kind of event
ARTICLES = [
    (
        "web-arrest",
        "2024-05-05",
        "Tigris Wire",
        "اعتقالات في بغداد",
        "بغداد - اعتقلت قوات الأمن العراقية خمسة مسلحين في حي الكرادة وسط بغداد يوم الأحد، "
        "بحسب بيان لوزارة الداخلية.",
    ),
    (
        "web-protest",
        "2024-05-10",
        "Gulf Test",
        "احتجاجات في صنعاء",
        "صنعاء - تظاهر آلاف اليمنيين في شوارع صنعاء يوم الجمعة احتجاجا على ارتفاع أسعار الوقود.",
    ),
    (
        "web-shelling",
        "2024-05-12",
        "Levant Test",
        "قصف قرب حلب",
        "حلب - قتل ستة مدنيين وأصيب عشرة آخرون في قصف مدفعي استهدف بلدة قرب مدينة حلب شمالي سوريا أمس.",
    ),
    (
        "web-hostile",
        "2024-05-14",
        HOSTILE_OUTLET,
        "<i>مظاهرة</i> في تونس",
        f"تونس - تظاهر مئات الطلاب أمام مقر الحكومة في تونس العاصمة {HOSTILE_SCRIPT} "
        f"للمطالبة بإصلاح التعليم {HOSTILE_IMG} وفق ما أفاد شهود.",
    ),
]
PASTED = "الخرطوم - قتل ثلاثة متظاهرين وأصيب عشرون آخرون برصاص قوات الأمن في الخرطوم يوم السبت."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The server's base URL, its article ids by our ids, and its events as the API gives them."""
    if not (REPO / "node_modules" / "leaflet").is_dir():
        unavailable("the front-end packages are not installed (run `npm ci` at the repo root, or make test)")
    store = Store(str(tmp_path_factory.mktemp("web") / "rasd.db"))
    for rid, published, outlet, title, text in ARTICLES:
        store.add_article(
            Article(id=rid, text=text, published=dt.date.fromisoformat(published), outlet=outlet, title=title)
        )
    process(store, workers=1)
    rebuild(store)
    with store.session() as s:
        ids = {ext: aid for ext, aid in s.execute(select(ArticleRow.ext_id, ArticleRow.id))}
    with serve(create_app(store)) as base:
        events = httpx.get(f"{base}/api/events", params={"per_page": 500}).json()["items"]
        yield {"base": base, "ids": ids, "events": events}


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as ctx:
        yield ctx


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A fresh tab that records dialogs (an alert would mean injected script ran) and JS errors."""
    tab = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.dialogs, tab.errors = dialogs, errors
    yield tab
    tab.close()
    assert dialogs == [], f"a dialog fired: {dialogs}"
    assert errors == [], f"JavaScript errors: {errors}"


def open_dashboard(page: Any, base: str, lang: str = "ar") -> None:
    page.goto(f"{base}/?lang={lang}#/")
    page.wait_for_selector("#map.basemap-ready")
    page.wait_for_selector("#events-table tbody tr.ev-row")


def rows(page: Any) -> list[str]:
    return page.eval_on_selector_all("#events-table tbody tr.ev-row", "rs => rs.map(r => r.dataset.type)")


def wait_rows(page: Any, n: int) -> None:
    page.wait_for_function(
        "n => !document.body.classList.contains('loading') && "
        "document.querySelectorAll('#events-table tbody tr.ev-row').length === n",
        arg=n,
    )


def test_dashboard_shows_the_map_timeline_and_tables(page: Any, site: dict) -> None:
    located = [e for e in site["events"] if e["lat"] is not None]
    assert len(located) >= 4, "the pipeline found too few located events in the test articles"
    open_dashboard(page, site["base"])
    # the offline basemap: country outlines drawn from world-atlas, no tile server
    assert page.locator(".leaflet-overlay-pane path").count() > 150
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator("path.ev-marker").count() == len(located)
    fills = set(page.eval_on_selector_all("path.ev-marker", "ms => ms.map(m => m.getAttribute('fill'))"))
    assert len(fills) >= 3, "markers are coloured by event type"
    assert len(rows(page)) == len(site["events"])
    assert page.locator("#timeline rect.tl-bar").count() >= 3
    assert page.locator("#incidents-table tbody tr.inc-row").count() >= 3
    page.locator("path.ev-marker.ev-ASSAULT").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "حلب" in popup.inner_text() and "فتح المقال" in popup.inner_text()
    screenshot(page, "dashboard-ar")


@pytest.mark.parametrize(
    ("control", "value", "expect_types"),
    [
        ("#f-type", "PROTEST", {"PROTEST"}),
        ("#f-country", "SY", {"ASSAULT"}),
        ("#f-q", "مسلحين", {"COERCE"}),
    ],
)
def test_filters_reload_the_table_markers_and_timeline(
    page: Any, site: dict, control: str, value: str, expect_types: set[str]
) -> None:
    open_dashboard(page, site["base"])
    total = len(rows(page))
    if control == "#f-q":
        page.fill(control, value)
        page.click("#f-apply")
    else:
        page.select_option(control, value)
    expected = [e for e in site["events"] if e["type"] in expect_types]
    if control == "#f-country":
        expected = [e for e in expected if e["country"] == value]
    assert 0 < len(expected) < total
    wait_rows(page, len(expected))
    assert set(rows(page)) == expect_types
    assert page.locator("path.ev-marker").count() == sum(e["lat"] is not None for e in expected)
    bar_types = set(page.eval_on_selector_all("#timeline rect.tl-bar", "rs => rs.map(r => r.dataset.type)"))
    assert bar_types == expect_types
    page.click("#f-reset")
    wait_rows(page, total)


def test_date_range_filter(page: Any, site: dict) -> None:
    open_dashboard(page, site["base"])
    page.fill("#f-since", "2024-05-09")
    page.fill("#f-until", "2024-05-10")
    page.click("#f-apply")
    expected = [e for e in site["events"] if e["date"] and "2024-05-09" <= e["date"] <= "2024-05-10"]
    assert expected
    wait_rows(page, len(expected))
    dates = page.eval_on_selector_all(
        "#events-table tbody tr.ev-row td:first-child", "t => t.map(x => x.textContent)"
    )
    assert all("2024-05-09" <= d <= "2024-05-10" for d in dates)


def test_article_view_highlights_and_hover_lights_the_evidence(page: Any, site: dict) -> None:
    aid = site["ids"]["web-shelling"]
    report = httpx.get(f"{site['base']}/api/articles/{aid}").json()["report"]
    assert report["events"], "the pipeline found no event in the shelling article"
    page.goto(f"{site['base']}/?lang=ar#/article/{aid}")
    page.wait_for_selector(".article-text .hl")
    text = next(a[4] for a in ARTICLES if a[0] == "web-shelling")
    # highlighting keeps the text exactly, and marks entities, places, quantities and evidence
    assert page.inner_text(".article-text").strip() == text
    for cls in ("hl-evidence", "hl-place", "hl-qty", "hl-LOC"):
        assert page.locator(f".article-text .{cls}").count() > 0, cls
    assert page.locator(".ev-card").count() == len(report["events"])
    assert page.locator(".article-text .hl.active").count() == 0
    page.hover('.ev-card[data-ev="0"]')
    active = page.locator('.article-text .hl-evidence.active[data-ev~="0"]')
    assert active.count() > 0
    lit = "".join(active.all_text_contents())
    assert lit == report["events"][0]["evidence"]["text"]
    colour = active.first.evaluate("n => getComputedStyle(n).backgroundColor")
    assert colour == "rgb(255, 216, 77)"
    screenshot(page, "article-hover")
    page.mouse.move(1, 1)
    assert page.locator(".article-text .hl.active").count() == 0


def test_hostile_text_is_shown_as_text_never_run(page: Any, site: dict) -> None:
    aid = site["ids"]["web-hostile"]
    page.goto(f"{site['base']}/?lang=ar#/article/{aid}")
    page.wait_for_selector(".article-text")
    body = page.inner_text(".article-text")
    assert HOSTILE_SCRIPT in body and HOSTILE_IMG in body
    assert page.get_by_text(HOSTILE_SCRIPT, exact=False).first.is_visible()
    assert page.locator("main script, main img, .reading-title i").count() == 0
    assert "<i>مظاهرة</i>" in page.inner_text(".reading-title")
    screenshot(page, "article-hostile")
    # the outlet in the tables and the popups is text too
    open_dashboard(page, site["base"])
    assert HOSTILE_OUTLET in page.inner_text("#events-table")
    assert page.locator("#events-table tbody b, #incidents-table tbody b").count() == 0
    # and so is a pasted article
    page.goto(f"{site['base']}/?lang=ar#/paste")
    page.fill("#paste-text", next(a[4] for a in ARTICLES if a[0] == "web-hostile"))
    page.click("#paste-submit")
    page.wait_for_selector("#paste-reading .article-text")
    assert HOSTILE_IMG in page.inner_text("#paste-reading .article-text")
    assert page.locator("main script, main img").count() == 0
    page.wait_for_timeout(300)  # an onerror would have fired by now
    assert page.dialogs == []


def test_paste_page_reads_at_once(page: Any, site: dict) -> None:
    page.goto(f"{site['base']}/?lang=ar#/paste")
    page.fill("#paste-text", PASTED)
    page.fill("#paste-date", "2024-06-01")
    page.click("#paste-submit")
    page.wait_for_selector("#paste-reading .ev-card")
    assert page.inner_text("#paste-reading .article-text").strip() == PASTED
    assert page.locator("#paste-reading .hl-evidence").count() > 0
    assert page.locator("#paste-reading .hl-qty").count() > 0
    chips = page.locator("#paste-reading .ev-card .chip").all_text_contents()
    assert "اعتداء" in chips  # ASSAULT, named in Arabic
    assert "2024-06-01" in page.inner_text("#paste-reading .meta")  # the date went with the text
    page.hover('#paste-reading .ev-card[data-ev="0"]')
    assert page.locator("#paste-reading .hl-evidence.active").count() > 0
    screenshot(page, "paste-reading")


def direction(page: Any, selector: str) -> str:
    return page.eval_on_selector(selector, "n => getComputedStyle(n).direction")


def test_arabic_is_right_to_left_and_the_language_switches(page: Any, site: dict) -> None:
    open_dashboard(page, site["base"], lang="ar")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert direction(page, "body") == "rtl" and direction(page, "#events-table") == "rtl"
    since, query = page.locator("#f-since").bounding_box(), page.locator("#f-q").bounding_box()
    assert since["x"] > query["x"], "in Arabic the first filter is on the right"
    assert page.inner_text("#nav-dashboard") == "لوحة الأحداث"
    assert "اعتداء" in page.inner_text("#events-table")
    page.click("#lang-switch")
    assert page.get_attribute("html", "dir") == "ltr" and page.get_attribute("html", "lang") == "en"
    assert direction(page, "body") == "ltr"
    since, query = page.locator("#f-since").bounding_box(), page.locator("#f-q").bounding_box()
    assert since["x"] < query["x"]
    assert page.inner_text("#nav-dashboard") == "Events dashboard"
    assert "Assault" in page.inner_text("#events-table")
    assert "Syria" in page.inner_text("#events-table")
    screenshot(page, "dashboard-en")
    page.goto(f"{site['base']}/#/")  # the choice is remembered
    page.wait_for_selector("#events-table tbody tr.ev-row")
    assert page.get_attribute("html", "dir") == "ltr"
    page.click("#lang-switch")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#nav-dashboard") == "لوحة الأحداث"
