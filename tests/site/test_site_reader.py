"""The site as the colleagues who never open a terminal read it: in a browser, on a phone,
with the keyboard only, on paper, through an accessibility checker; on the examples and on
journeys written to be hard (tests/site/hard.py). One browser, one built site per kind."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeymap.load.journey_file import load_file
from journeymap.site.build import PRINT_COLUMNS
from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT
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
    pages += [hard_site / name for name in ("index.html", "portfolio.html")]
    pages += [hard_site / "moments/stage-0.s0t1.html"]
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
    assert screen.count('<table class="map"') == 1


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
    for name in ("portfolio.html", "moments/stage-0.s0t1.html"):
        page.goto((hard_site / name).as_uri())
        found[f"hard {name}"] = axe(page)
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


RTL_END = """texts => {
  // each text node that starts with a right-to-left text: is its final mark (. or !)
  // drawn left of its last letter, where a right-to-left reader ends the sentence?
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data.trim();
    const text = texts.find(t => data.startsWith(t));
    if (!text) continue;
    const end = node.data.indexOf(text) + text.length;
    const range = document.createRange();
    range.setStart(node, end - 1); range.setEnd(node, end);
    const mark = range.getClientRects()[0];
    range.setStart(node, end - 2); range.setEnd(node, end - 1);
    const letter = range.getClientRects()[0];
    if (!mark || !letter) continue;  // hidden (a tooltip, the curve's description)
    found.push({where: node.parentElement.className || node.parentElement.tagName,
                right: mark.right <= letter.left + 1});
  }
  return found;
}"""


def test_right_to_left_texts_end_on_their_left(hard_site: Path, page: Page) -> None:
    """An Arabic or Hebrew step in an English journey: its full stop and exclamation mark
    were drawn at the right end, after the first word a reader of it reads."""
    from tests.site import hard

    page.goto((hard_site / "journeys/writing.html").as_uri())
    found = page.evaluate(RTL_END, [hard.RTL_AR, hard.RTL_HE])
    assert len(found) >= 6  # two steps, two touchpoint names, two priorities
    assert [f for f in found if not f["right"]] == []
    step = page.locator("#writing-step-w2 .step-text")
    assert step.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert step.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")
    cell = page.locator("#writing-step-w2")
    box, text = cell.bounding_box(), step.bounding_box()
    assert box and text and text["x"] + text["width"] > box["x"] + box["width"] - 20
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        page.locator("#writing-step-w2").scroll_into_view_if_needed()
        page.screenshot(path=str(ROOT / "docs" / "images" / "site-rtl.png"))


NUMBER = re.compile(r"^(—|[−+-]?\d{1,3}(,\d{3})*(\.\d)?( × \d+%)?)$")
"""A figure as an English page writes it: 12,345 · 4.5 · -34 · 1,200 × 42%."""


def test_the_index_and_the_portfolio_write_every_figure_one_way(site: Path, page: Page) -> None:
    """French and English journeys on one page (an English site): the French journeys'
    figures read 3,9 and 248 060 next to the English 3.9 and 248,060."""
    figures: dict[str, list[str]] = {}
    for name in ("index.html", "portfolio.html"):
        page.goto((site / name).as_uri())
        assert page.get_attribute("html", "lang") == "en"
        cells = page.locator("td.num").all_inner_texts()
        assert len(cells) > 40
        figures[name] = [c for c in cells if not NUMBER.match(" ".join(c.split()))]
    assert figures == {"index.html": [], "portfolio.html": []}


def test_the_portfolio_stays_light_and_a_crowded_moment_has_its_own_page(
    hard_site: Path, page: Page
) -> None:
    """200 journeys sharing six moments: each journey's row six times over made the
    portfolio 613 KB and 21,000 elements, most of it a table nobody reads to the end."""
    assert (hard_site / "portfolio.html").stat().st_size < 100_000
    page.goto((hard_site / "portfolio.html").as_uri())
    assert page.evaluate("document.getElementsByTagName('*').length") < 4_000
    moment = page.locator("#moment-stage-0-s0t1")
    assert moment.is_visible()
    summary = page.locator("#moment-stage-0-s0t1 + p + .scroll table")
    assert summary.locator("tbody th").all_inner_texts() == [
        "CSAT", "NPS", "CES", "Volume", "Emotion",
    ]  # fmt: skip
    page.goto((hard_site / "journeys/bulk-001.html").as_uri())
    page.click("#bulk-001-step-s0t1 .shared-with a:has-text('compare')")
    assert page.url.endswith("portfolio.html#moment-stage-0-s0t1")
    page.click(f"#moment-stage-0-s0t1 + p a:has-text('({BULK})')")
    assert page.url.endswith("moments/stage-0.s0t1.html")
    page.wait_for_load_state()
    rows = page.locator("table.compare tbody tr")
    assert rows.count() == BULK
    page.click("table.compare tbody tr >> nth=1 >> a")
    assert page.url.endswith("journeys/bulk-001.html")


def test_a_channel_of_many_journeys_links_to_them_in_the_list(hard_site: Path, page: Page) -> None:
    page.goto((hard_site / "portfolio.html").as_uri())
    row = page.locator("table.channels tbody tr", has=page.locator("code", has_text="chat"))
    link = row.locator("td >> nth=1 >> a")
    count = int(link.inner_text().split()[0])
    assert count > 10 and row.locator("ul.inline").count() == 0
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("index.html?channel=chat")
    assert shown(page) == count


PRINTED_MAPS = """w => [...document.querySelectorAll('table.map')]
  .filter(t => t.getClientRects().length)
  .map(t => {
    const steps = [...t.querySelectorAll('tr.steps > *')].slice(1);
    return {right: t.getBoundingClientRect().right, steps: steps.length,
            texts: steps.map(s => s.querySelector('.step-text').textContent),
            narrowest: Math.min(...steps.map(s => s.getBoundingClientRect().width))};
  })"""


@pytest.mark.parametrize("name", ["retail-omnicanal", "saas-subscription"])
def test_a_journey_page_printed_as_it_is_gives_the_map_in_runs_of_steps(
    site: Path, page: Page, name: str
) -> None:
    """Ctrl-P on a journey page (not the print view) squeezed 17 steps into the sheet's
    width: 55 px a column, a word a line, each channel row on a sheet of its own."""
    journey = load_file(EXAMPLES / f"{name}.yaml").journey
    assert journey is not None
    steps = [" ".join(step.text.split()) for _, _, _, step in journey.iter_steps()]
    page.set_viewport_size({"width": A4_LANDSCAPE_PX, "height": 740})
    page.goto((site / f"journeys/{name}.html").as_uri())
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    maps = page.evaluate(PRINTED_MAPS)
    assert len(maps) == -(-len(steps) // PRINT_COLUMNS)
    assert all(m["steps"] <= PRINT_COLUMNS and m["right"] <= A4_LANDSCAPE_PX + 1 for m in maps)
    assert [" ".join(t.split()) for m in maps for t in m["texts"]] == steps  # each once
    assert min(m["narrowest"] for m in maps) >= 100
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert len(page.evaluate(PRINTED_MAPS)) == 1
    assert page.locator(".print-parts").count() == 0


NARROWEST_TITLE = """() => Math.min(...[...document.querySelectorAll(
    '.scroll td a[dir=auto], .scroll th a[dir=auto]')]
  .map(a => a.closest('td, th').getBoundingClientRect().width))"""


def test_on_a_phone_titles_in_tables_keep_a_readable_width(site: Path, browser: Browser) -> None:
    """Squeezed into 375 px, the index's and the portfolio's journey titles read a word
    a line (75 px columns); their tables scroll sideways instead, in their own box."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    widths = {}
    for name in ("index.html", "portfolio.html"):
        page.goto((site / name).as_uri())
        widths[name] = page.evaluate(NARROWEST_TITLE)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
    assert min(widths.values()) >= 150, widths


def test_the_details_of_a_cell_in_the_last_row_or_column_are_not_cut(
    site: Path, page: Page
) -> None:
    """A touchpoint's details open below it, inside the map's scroll box: those of the
    last row were cut at the box's bottom edge (a 2 px sliver of 197 shown)."""
    page.goto((site / "journeys/veste-hiver.html").as_uri())
    box = page.locator(".map-section .scroll").first
    cells = page.locator(".map-section tr.channel:last-of-type td.tp")
    cells.last.focus()
    cells.last.scroll_into_view_if_needed()
    room, tip = box.bounding_box(), cells.last.locator(".tip").bounding_box()
    assert room and tip
    assert tip["y"] >= room["y"] and tip["y"] + tip["height"] <= room["y"] + room["height"] + 1
    last = page.locator(".map-section tr.channel td.tp").last
    page.evaluate("document.querySelector('.map-section .scroll').scrollLeft = 1e6")
    last.focus()
    room, tip = box.bounding_box(), last.locator(".tip").bounding_box()
    assert room and tip and tip["x"] + tip["width"] <= room["x"] + room["width"] + 1


def test_a_long_persona_does_not_stretch_the_facts_beside_it(hard_site: Path, page: Page) -> None:
    """A 700-character persona in the first cell of the facts' grid made its row 300 px
    tall: the owner, status and review date beside it floated above an empty block."""
    page.goto((hard_site / "journeys/writing.html").as_uri())
    persona = page.locator("dl.meta > div").first.bounding_box()
    owner = page.locator("dl.meta > div", has_text="journey owner").bounding_box()
    assert persona and owner and owner["y"] >= persona["y"] + persona["height"]
    assert owner["height"] < 60


def test_one_finding_is_counted_in_the_singular(site: Path, page: Page) -> None:
    page.goto((site / "index.html").as_uri())
    counts = page.locator("tr[data-journey=account-opening] a.lint").inner_text()
    assert " ".join(counts.split()) == "1 error, 4 warnings, 1 info"  # "1 infos" before


def test_the_index_headings_and_dates_read_whole(site: Path, page: Page) -> None:
    """A review date broke at its hyphen (2026-11- / 15); two headings of twelve began
    in lower case."""
    page.goto((site / "index.html").as_uri())
    headings = [" ".join(h.split()) for h in page.locator("#journeys th").all_inner_texts()]
    assert [h for h in headings if not h.lstrip("!✕ ")[:1].isupper()] == []
    line = page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
    heights = [
        box["height"]
        for box in page.locator("#journeys time").evaluate_all(
            "ts => ts.map(t => t.getBoundingClientRect())"
        )
    ]
    assert heights and max(heights) < 1.5 * line


ONLY_ON_SCREEN = r"""w => {
  // every text node the sheet does not show, or shows past its right edge; a text whose
  // words the sheet shows elsewhere (a tooltip's step and channel, the column's and the
  // row's heads) or whose figures its cell shows is no loss. Controls and texts for
  // screen readers only are not paper's.
  const kept = "header.top, footer.bottom, .skip, nav.toc, .filters, .metric-choice, "
    + ".visually-hidden, svg desc, svg title, .print-title";
  const printed = document.body.innerText.replace(/\s+/g, " ");
  const lost = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.replace(/\s+/g, " ").trim();
    const element = node.parentElement;
    if (!/[\p{L}\p{N}]/u.test(text) || element.closest(kept)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    const seen = boxes.length > 0 && getComputedStyle(element).visibility === "visible";
    // a tooltip's figures and counts: the cell prints its figures line and its lists
    const same = element.closest(".tip-same");
    const cell = same ? same.closest("td").innerText : "";
    const figure = (text.match(/-?\d[\d\u00a0\u202f.,]*\d|\d/g) || []).pop();  // after its scale
    const listed = ["delight", "irritant", "breakpoint"].map(
      kind => same ? same.closest("td").querySelectorAll(`li.${kind}`).length : 0);
    const counted = element.closest(".tip-counts")
      ? text.match(/\d+/g).every((count, at) => Number(count) <= listed[at])
      : figure !== undefined && cell.includes(figure);
    const figures = same && counted;
    if (!seen && !printed.includes(text) && !figures) lost.push("hidden: " + text.slice(0, 60));
    const right = seen ? Math.max(...boxes.map(r => r.right)) : 0;
    if (right > w + 1) lost.push("cut: " + text.slice(0, 60));
  }
  return lost;
}"""


@pytest.mark.parametrize("javascript", [False, True], ids=["script off", "script on"])
def test_a_printed_page_shows_everything_the_screen_shows_on_demand(
    site: Path, browser: Browser, javascript: bool
) -> None:
    """Paper has no hover and may have no script: a touchpoint's priority, scales and
    counts were in its tooltip only, the matrix printed CSAT alone (NPS, CES, volume and
    emotion hidden until chosen) and no step's text beside its id. Every page of the
    site, printed (A4 landscape), with JavaScript off and on (a tooltip closed with
    Escape stays printed); the print view's PDF is made with the script off too."""
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": A4_LANDSCAPE_PX, "height": 740}
    )
    page = context.new_page()
    lost: dict[str, list[str]] = {}
    pages = sorted(site.rglob("*.html"))
    for html in pages:
        page.goto(html.as_uri())
        page.emulate_media(media="print")
        if javascript:
            page.keyboard.press("Escape")  # closes tooltips: body.tip-off
        found = page.evaluate(ONLY_ON_SCREEN, A4_LANDSCAPE_PX)
        if found:
            lost[html.relative_to(site).as_posix()] = found[:5]
    assert len(pages) >= len(EXAMPLE_FILES) * 2 + 3 and lost == {}
    page.goto((site / "journeys/meubles-web-retrait.html").as_uri())
    page.emulate_media(media="print")
    named = page.evaluate(
        """() => [...document.querySelectorAll('#meubles-web-retrait-matrix .v')]
             .filter(v => v.checkVisibility() && getComputedStyle(v, '::before').content !== 'none')
             .map(v => v.title)"""
    )
    assert set(named) == {"CSAT", "NPS", "CES", "volume", "émotion"}
    assert "Priorité #1" in page.locator("table.map").inner_text()
    if not javascript:
        page.goto((site / "print/all.html").as_uri())
        assert page.pdf(format="A4", landscape=True).startswith(b"%PDF")
    context.close()
