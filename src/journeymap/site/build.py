"""Pages of the site, from the journeys' models, the views and the lint findings.

Templates are Jinja2 (autoescaped): every journey text is the team's free input and may
hold `<`, `&` or quotes, and escaping by default is what keeps one careless step text from
breaking a page or injecting markup. The pages are the same bytes for the same journeys:
journeys are sorted by id, nothing depends on the clock, the machine or dict order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from journeymap.parallel import run_per_file
from journeymap.site import theme
from journeymap.site.collect import Source
from journeymap.site.journeys import JourneyData, prepare
from journeymap.site.portfolio import channels_across, index_filters, journeys_by_pain, lang_of
from journeymap.site.templating import asset, environment, render
from journeymap.site.words import Words, word
from journeymap.views.compare import Comparison, compare
from journeymap.views.matrix import Entry
from journeymap.views.priorities import rank

PORTFOLIO_TOP = 50
MOMENT_INLINE = 6
"""Journeys a shared moment may hold and still be compared side by side on the portfolio;
a moment of more gets its own page, the portfolio its lowest and highest figures. The
200 journeys of one moment, six times over, made 555 KB of a 613 KB portfolio."""
CHANNEL_LIST = 10
"""Journeys a channel of the portfolio lists by id; more are a link to the index,
filtered on the channel."""
PRINT_COLUMNS = 8
"""Step columns of a map per printed table: an A4 landscape sheet holds 8 at 8 pt, each
about 20 characters wide; a wider map printed whole lost its last steps, or squeezed them
to a word a line. The print view is cut so when it is built; a journey page printed
as it is (Ctrl-P) is cut so by its script, just before printing."""
ASSETS = ("site.css", "site.js")


@dataclass(frozen=True, slots=True)
class SiteOptions:
    title: str | None = None
    repo_url: str | None = None
    """Base URL of the files on the repository host, e.g. https://github.com/o/r/blob/main."""
    base: Path = field(default_factory=Path.cwd)
    """Paths are made relative to this folder for the links to the repository host."""


def moment_page(stage_id: str, step_id: str) -> str:
    """The page of a shared moment, from the site's root (ids are slugs: no dot)."""
    return f"moments/{stage_id}.{step_id}.html"


def _repo_link(source: Source, options: SiteOptions) -> str | None:
    if not options.repo_url:
        return None
    try:
        relative = Path(os.path.realpath(source.path)).relative_to(
            Path(os.path.realpath(options.base))
        )
    except ValueError:
        relative = Path(source.path.name)
    return options.repo_url.rstrip("/") + "/" + PurePosixPath(*relative.parts).as_posix()


@dataclass(frozen=True, slots=True)
class _Work:
    """What every journey's pages need, handed to forked workers by inheritance."""

    data: Sequence[JourneyData]
    options: SiteOptions
    common: dict[str, Any]


_WORK: _Work | None = None


def _journey_pages(index: int) -> tuple[str, dict[str, bytes]]:
    """One journey's map as printed (for the print page) and its files."""
    assert _WORK is not None, "set by build_site before any worker starts"
    item = _WORK.data[index]
    journey = item.journey
    context = {
        **_WORK.common,
        "item": item,
        "j": journey,
        "lang": item.lang,
        "w": Words(item.lang),
        "root": "../",
        "repo_link": _repo_link(item.source, _WORK.options),
    }
    env = environment()
    body = env.get_template("journey_map.html").render(chunk=None, **context)
    printed = body
    if len(item.columns()) > PRINT_COLUMNS:
        printed = env.get_template("journey_map.html").render(chunk=PRINT_COLUMNS, **context)
    more = env.get_template("journey_more.html").render(**context)
    files = {
        f"journeys/{journey.id}.html": render("journey.html", body=body, more=more, **context),
        f"sources/{journey.id}.yaml": item.source.text.encode("utf-8"),
        f"sources/{journey.id}.html": render(
            "source.html", lines=item.source.text.splitlines(), **context
        ),
    }
    return printed, files


def build_site(
    sources: Sequence[Source], options: SiteOptions, jobs: int | None = 1
) -> dict[str, bytes]:
    """Every file of the site, by its path inside the output folder.

    Journey pages are independent, so with `jobs` other than 1 they are rendered in
    worker processes. Workers are forked and inherit the prepared journeys rather than
    receive them pickled; where processes are spawned instead (macOS, Windows), the
    pages are rendered here.
    """
    global _WORK
    data = prepare(sources)
    lang = lang_of(data)
    title = options.title or word("site_title", lang)
    common = {
        "site_title": title,
        "data": data,
        "site_lang": lang,
        "w": Words(lang),
        "site_ids": frozenset(item.journey.id for item in data),
        "moment_inline": MOMENT_INLINE,
        "print_columns": PRINT_COLUMNS,
        "moment_page": moment_page,
    }
    files: dict[str, bytes] = {
        "assets/site.css": theme.css_variables().encode("utf-8") + asset("site.css"),
        "assets/site.js": asset("site.js"),
    }
    if not sys.platform.startswith("linux"):
        jobs = 1
    for name in ("journey.html", "journey_map.html", "journey_more.html", "source.html"):
        environment().get_template(name)  # compiled once, before workers fork
    _WORK = _Work(data, options, common)
    try:
        rendered = run_per_file(_journey_pages, range(len(data)), jobs)
    finally:
        _WORK = None
    maps = [body for body, _ in rendered]
    for _, pages in rendered:
        files.update(pages)
    comparisons: list[Comparison] = compare([item.journey for item in data])
    everything: list[Entry] = [e for item in data for e in item.matrix.entries]
    owners = {id(e.touchpoint): item for item in data for e in item.matrix.entries}
    filters = index_filters(data)
    files["index.html"] = render("index.html", lang=lang, root="", **common, **filters)
    for comparison in comparisons:
        if len(comparison.sides) > MOMENT_INLINE:
            files[moment_page(comparison.stage_id, comparison.step_id)] = render(
                "moment.html", lang=lang, root="../", c=comparison, **common
            )
    files["portfolio.html"] = render(
        "portfolio.html",
        lang=lang,
        root="",
        comparisons=comparisons,
        channels=channels_across(data, filters["filter_channels"]),
        channel_list=CHANNEL_LIST,
        pains=journeys_by_pain(data),
        ranking=rank(everything),
        journey_of=lambda entry: owners[id(entry.touchpoint)],
        top=PORTFOLIO_TOP,
        **common,
    )
    files["print/all.html"] = render("print.html", lang=lang, root="../", maps=maps, **common)
    return files
