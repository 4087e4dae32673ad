"""The site in a real browser (Debian's Chromium driven by Playwright), from file://."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeymap.load.journey_file import load_file
from tests.conftest import EXAMPLE_FILES, ROOT
from tests.site.conftest import BLUEPRINT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

TEXT_KEYS = {
    "title", "name", "description", "text", "notes", "goal", "feeling", "source", "method",
    "actor", "system", "duration", "period", "targets", "offers", "excluded", "needs",
    "actors", "systems", "owner_name",
}  # fmt: skip
SCREENSHOT = ROOT / "docs" / "images" / "site.png"


def texts_of(path: Path) -> list[str]:
    """Every free text of a journey file: what a reader must find on its page."""
    journey = load_file(path).journey
    assert journey is not None
    found: list[str] = []

    def walk(value: Any, key: str | None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key in TEXT_KEYS:
            found.append(" ".join(value.split()))

    walk(journey.model_dump(), None)
    return found


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    yield opened
    context.close()
    assert errors == []


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def visible_journeys(page: Page) -> list[str]:
    rows = page.locator("#journeys tbody tr:visible")
    return sorted(rows.nth(i).get_attribute("data-journey") or "" for i in range(rows.count()))


def test_every_page_loads_without_error_and_only_from_the_site(site: Path, page: Page) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for html in sorted(site.rglob("*.html")):
        page.goto(html.as_uri())
        assert page.title()
    assert requested and all(u.startswith(site.as_uri()) for u in requested)


@pytest.mark.parametrize("path", [*EXAMPLE_FILES, BLUEPRINT], ids=lambda p: p.stem)
def test_every_text_of_a_journey_is_visible_on_its_page(site: Path, page: Page, path: Path) -> None:
    page.goto(url(site, f"journeys/{path.stem}.html"))
    shown = " ".join(page.inner_text("main").split())
    missing = [text for text in texts_of(path) if text not in shown]
    assert missing == []


def test_search_and_filters(site: Path, page: Page) -> None:
    page.goto(url(site, "index.html"))
    everything = visible_journeys(page)
    assert len(everything) == len(EXAMPLE_FILES) + 1
    page.fill("#q", "armoire")
    assert visible_journeys(page) == ["meubles-web-retrait"]
    assert page.inner_text("#count").startswith("1 ")
    page.fill("#q", "entrepot")  # accents do not matter: entrepôt
    assert "meubles-magasin" in visible_journeys(page)
    page.fill("#q", "")
    page.select_option("#f-channel", "entrepot")
    assert visible_journeys(page) == ["meubles-magasin", "meubles-web-retrait"]
    page.select_option("#f-channel", "")
    page.select_option("#f-stage", "retrait")
    assert visible_journeys(page) == ["meubles-magasin", "meubles-web-retrait"]
    page.select_option("#f-stage", "")
    journeys = [load_file(path).journey for path in [*EXAMPLE_FILES, BLUEPRINT]]
    drafts = sorted(j.id for j in journeys if j is not None and j.status == "draft")
    assert "account-opening" in drafts and len(drafts) < len(everything)
    page.select_option("#f-status", "draft")
    assert visible_journeys(page) == drafts
    page.select_option("#f-status", "none")
    assert "account-opening" not in visible_journeys(page)
    page.select_option("#f-status", "")
    owned = sorted(j.id for j in journeys if j is not None and j.owner == "CX team")
    page.select_option("#f-owner", "CX team")
    assert visible_journeys(page) == owned == ["account-opening"]
    page.select_option("#f-owner", "")
    assert visible_journeys(page) == everything


def test_findings_are_one_click_from_the_index(site: Path, page: Page) -> None:
    page.goto(url(site, "index.html"))
    page.click("tr[data-journey=account-opening] a.lint")
    assert page.url.endswith("journeys/account-opening.html#account-opening-findings")
    page.click("#account-opening-findings li:has-text('JM402') a")
    assert page.url.endswith("sources/account-opening.html#L79")
    assert "We call the customer back" in page.inner_text("li#L79")


def test_keyboard_reaches_the_content_and_a_focused_cell_shows_its_details(
    site: Path, page: Page
) -> None:
    page.goto(url(site, "journeys/account-opening.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tip = page.locator("#account-opening-tip-documents-app")
    assert not tip.is_visible()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('tp')"):
            break
    else:
        pytest.fail("no touchpoint cell is reachable with Tab")
    assert tip.is_visible()
    assert "I send my ID documents" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_the_matrix_heat_follows_the_chosen_metric(site: Path, page: Page) -> None:
    page.goto(url(site, "journeys/meubles-web-retrait.html"))
    matrix = page.locator("#meubles-web-retrait-matrix")
    differs = "li[data-csat]:not([data-csat=''])"
    entries = page.locator(f"#meubles-web-retrait-matrix {differs}")
    index = next(
        i
        for i in range(entries.count())
        if entries.nth(i).get_attribute("data-volume")
        not in ("", entries.nth(i).get_attribute("data-csat"))
    )
    cell = entries.nth(index)
    before = cell.evaluate("e => getComputedStyle(e).backgroundColor")
    page.select_option("select[data-matrix=meubles-web-retrait-matrix]", "volume")
    assert matrix.get_attribute("data-metric") == "volume"
    assert cell.evaluate("e => getComputedStyle(e).backgroundColor") != before


def test_reading_works_with_javascript_off(site: Path, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, "index.html"))
    assert not page.locator("#filters").is_visible()
    assert len(visible_journeys(page)) == len(EXAMPLE_FILES) + 1
    page.click("text=Subscribing to a team scheduling tool")
    assert "I compare" in page.inner_text("main") or "I " in page.inner_text(".map")
    context.close()


def test_print_gives_each_journey_its_own_pages(site: Path, page: Page) -> None:
    page.goto(url(site, "print/all.html"))
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()
    pdf = page.pdf(format="A4", landscape=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= len(EXAMPLE_FILES) + 1
    breaks = page.evaluate(
        "[...document.querySelectorAll('.print-page')].map(e => getComputedStyle(e).breakAfter)"
    )
    assert breaks[:-1] == ["page"] * (len(breaks) - 1)


def test_screenshot_for_the_readme(site: Path, page: Page) -> None:
    """docs/images/site.png, rewritten with UPDATE_SNAPSHOTS=1 (or when missing)."""
    page.goto(url(site, "journeys/meubles-web-retrait.html") + "#meubles-web-retrait-map-h")
    page.focus("td.tp >> nth=3")
    shot = page.screenshot()
    assert len(shot) > 10_000
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not SCREENSHOT.exists():
        SCREENSHOT.write_bytes(shot)
