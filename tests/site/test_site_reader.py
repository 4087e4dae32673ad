"""The site as the colleagues who never open a terminal read it: in a browser, on a phone,
with the keyboard only, on paper, through an accessibility checker; on the examples and on
journeys written to be hard (tests/site/hard.py). One browser, one built site per kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeymap.load.journey_file import load_file
from journeymap.site.build import PRINT_COLUMNS
from tests.conftest import EXAMPLE_FILES, ROOT
from tests.site.conftest import BLUEPRINT, FIXTURES, build
from tests.site.hard import BULK, write_hard

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
A4_LANDSCAPE_PX = 1047
"""The printable width of an A4 landscape sheet with the stylesheet's 10 mm margins, in
CSS pixels (277 mm at 96 px per inch)."""


@pytest.fixture(scope="module")
def hard_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 small journeys, a 300-step one, hard writing, no figures, every figure."""
    folder = tmp_path_factory.mktemp("hard")
    write_hard(folder / "journeys")
    return build(folder / "site", folder / "journeys", FIXTURES)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert errors == []


def shown(page: Page) -> int:
    return page.locator("#journeys tbody tr:visible").count()


def test_filters_travel_in_the_address_and_show_all_restores_everything(
    hard_site: Path, page: Page
) -> None:
    total = BULK + 5
    page.goto((hard_site / "index.html").as_uri())
    assert shown(page) == total
    page.select_option("#f-owner", "Claims")
    page.fill("#q", "journey 1")
    filtered = shown(page)
    assert 0 < filtered < total
    assert "owner=Claims" in page.url and "q=journey" in page.url
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)  # a colleague opens the link
    assert shown(page) == filtered
    assert page.input_value("#q") == "journey 1"
    assert page.input_value("#f-owner") == "Claims"
    assert page.inner_text("#count").startswith(f"{filtered} ")
    page.get_by_role("button", name="Show all").click()
    assert shown(page) == total
    assert page.input_value("#q") == "" and page.input_value("#f-owner") == ""
    assert "?" not in page.url
    assert page.evaluate("document.activeElement.id") == "q"


def test_an_address_with_unknown_filters_shows_everything(hard_site: Path, page: Page) -> None:
    page.goto((hard_site / "index.html").as_uri() + "?channel=gone&status=%3Cb%3E")
    assert shown(page) == BULK + 5


PHONE_PAGES = [
    "index.html",
    "portfolio.html",
    "print/all.html",
    *[f"journeys/{p.stem}.html" for p in EXAMPLE_FILES],
    f"sources/{EXAMPLE_FILES[0].stem}.html",
]


def test_no_page_scrolls_sideways_on_a_phone(site: Path, hard_site: Path, browser: Browser) -> None:
    """Wide tables scroll in their own box; the page itself never does (a hidden text far
    right in a map widened whole journey pages)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    wide: list[str] = []
    pages = [site / name for name in PHONE_PAGES]
    pages += [hard_site / f"journeys/{name}.html" for name in ("writing", "huge", "full")]
    pages += [hard_site / "index.html"]
    for path in pages:
        page.goto(path.as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append(f"{path.relative_to(path.parents[1])}: {width}px")
    page.goto((hard_site / "journeys/huge.html").as_uri())
    box = page.locator(".map-section .scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    last = page.locator("#huge-step-h299")
    last.scroll_into_view_if_needed()
    assert last.is_visible() and last.bounding_box()["x"] < 375  # type: ignore[index]
    context.close()
    assert wide == []


def test_print_fits_every_map_on_an_a4_landscape_sheet(site: Path, page: Page) -> None:
    """Paper does not scroll: a map wider than the sheet lost its last steps in print
    (4 of the 7 examples), and squeezed into the sheet's width it read a word a line."""
    page.set_viewport_size({"width": A4_LANDSCAPE_PX, "height": 740})
    page.goto((site / "print/all.html").as_uri())
    page.emulate_media(media="print")
    cut = page.evaluate(
        """w => [...document.querySelectorAll('table.map, svg.curve')]
             .filter(e => e.getBoundingClientRect().right > w + 1)
             .map(e => e.closest('article').id)""",
        A4_LANDSCAPE_PX,
    )
    assert cut == []
    widest = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('table.map tr.steps')]
             .map(row => row.children.length - 1))"""
    )
    assert widest <= PRINT_COLUMNS
    journeys = [load_file(path).journey for path in [*EXAMPLE_FILES, BLUEPRINT]]
    steps = sum(len(list(j.iter_steps())) for j in journeys if j is not None)
    assert page.locator("table.map tr.steps th[id]").count() == steps  # every step, once
    pdf = page.pdf(format="A4", landscape=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert len(EXAMPLE_FILES) + 1 <= pages


def test_the_print_view_splits_a_300_step_map_and_the_screen_does_not(hard_site: Path) -> None:
    printed = (hard_site / "print/all.html").read_text(encoding="utf-8")
    start = printed.index('id="huge"')
    huge = printed[start : printed.index("</article>", start)]
    assert huge.count('<table class="map">') == -(-300 // PRINT_COLUMNS)
    assert huge.count('id="huge-step-') == 300
    screen = (hard_site / "journeys/huge.html").read_text(encoding="utf-8")
    assert screen.count('<table class="map">') == 1


def test_missing_figures_read_as_a_dash_and_counts_as_numbers(hard_site: Path, page: Page) -> None:
    page.goto((hard_site / "index.html").as_uri())
    cells = page.locator("tr[data-journey=bare] td.num").all_inner_texts()
    assert cells == ["—", "—", "—", "—", "0", "0"]  # volume, CSAT, NPS, CES; no irritant
    page.goto((hard_site / "journeys/bare.html").as_uri())
    assert page.locator("#bare-map-h ~ .scroll tr.emotion td").all_inner_texts() == ["—", "—"]


def test_hard_writing_is_shown_as_written(hard_site: Path, page: Page) -> None:
    from tests.site import hard

    page.goto((hard_site / "journeys/writing.html").as_uri())
    text = " ".join(page.inner_text("main").split())
    for written in (hard.RTL_AR, hard.RTL_HE, hard.ZH, hard.EMOJI, hard.HTML, hard.LONG_WORD):
        assert written in text
    assert page.locator("main script").count() == 0
    assert page.locator("main b").count() == 0


def axe(page: Page) -> list[dict[str, Any]]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `python3 tasks.py setup` (npm install axe-core)")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )
    return found


AXE_PAGES = [
    "index.html",
    "portfolio.html",
    "journeys/account-opening.html",
    "journeys/meubles-web-retrait.html",
    "sources/account-opening.html",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page_kind(
    site: Path, hard_site: Path, browser: Browser, scheme: str
) -> None:
    """Every impact, not only serious ones: a map, a matrix and a ranking each named like
    their section gave two landmarks of one name (moderate), a phase row an empty header."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    found: dict[str, Any] = {}
    for name in AXE_PAGES:
        page.goto((site / name).as_uri())
        found[name] = axe(page)
    page.goto((hard_site / "journeys/writing.html").as_uri())
    found["writing"] = axe(page)
    page.goto((site / "journeys/account-opening.html").as_uri())
    page.focus("td.tp >> nth=0")  # a touchpoint's details shown
    page.select_option("select[data-matrix]", "volume")
    found["details shown"] = axe(page)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto((site / "index.html").as_uri())
    found["phone"] = axe(page)
    context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_the_portfolio_says_first_which_journeys_hurt_most_in_plain_words(
    hard_site: Path, page: Page
) -> None:
    page.goto((hard_site / "portfolio.html").as_uri())
    assert page.title() == "Journey portfolio · Customer journeys"
    assert page.locator("main h2").first.inner_text() == "Journeys that hurt most"
    rows = page.locator("table.pain tbody tr")
    assert rows.count() == 50  # the first 50 of 205, said so
    assert "50 first shown (205)" in page.inner_text("main")
    first = rows.first
    assert first.get_attribute("data-journey") == "full"  # 90,000 calls, CSAT 22
    assert "I call to declare the damage" in first.inner_text()
    figures = page.locator("table.pain tbody td:nth-child(3)").all_inner_texts()
    values = [int(text.replace(",", "")) for text in figures]
    assert values == sorted(values, reverse=True)
    glossary = page.inner_text("dl.glossary")
    for term in ("Touchpoint", "Irritant", "Breakpoint", "CSAT", "NPS", "CES", "Volume"):
        assert term in glossary


def test_a_journey_without_figures_is_ranked_last_with_a_dash(tmp_path: Path, page: Page) -> None:
    from tests.site import hard

    journeys = tmp_path / "journeys"
    hard.write_journeys(journeys, [hard.bare(), hard.full()])
    out = build(tmp_path / "site", journeys)
    page.goto((out / "portfolio.html").as_uri())
    rows = page.locator("table.pain tbody tr")
    assert [rows.nth(i).get_attribute("data-journey") for i in range(2)] == ["full", "bare"]
    assert rows.nth(1).locator("td").all_inner_texts()[1:4] == ["—", "—", "—"]


def test_a_stage_named_alike_in_two_journeys_is_one_choice(site: Path, page: Page) -> None:
    """meubles-magasin's `maison` and meubles-web-retrait's `chez-moi` are both "À la
    maison": the stage list showed it twice, each choice finding one journey of the two."""
    page.goto((site / "index.html").as_uri())
    for select in ("#f-channel", "#f-stage", "#f-owner"):
        names = page.locator(f"{select} option").all_inner_texts()
        assert len(names) == len(set(names)), select
    page.select_option("#f-stage", label="À la maison")
    assert page.locator("#journeys tbody tr:visible").count() == 2
    assert "stage=chez-moi+maison" in page.url
    stages = page.locator("#f-stage option").all_inner_texts()[1:]
    assert stages.index("À la maison") < stages.index("Inspiration")  # read, not by id
