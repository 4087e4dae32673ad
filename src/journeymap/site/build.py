"""Pages of the site, from the journeys' models, the views and the lint findings.

Templates are Jinja2 (autoescaped): every journey text is the team's free input and may
hold `<`, `&` or quotes, and escaping by default is what keeps one careless step text from
breaking a page or injecting markup. The pages are the same bytes for the same journeys:
journeys are sorted by id, nothing depends on the clock, the machine or dict order.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from journeymap.model.journey import Journey, Stage, Step, Touchpoint
from journeymap.output import numbers
from journeymap.parallel import run_per_file
from journeymap.site import theme
from journeymap.site.collect import Source
from journeymap.site.words import Words, word
from journeymap.views.compare import Comparison, compare
from journeymap.views.labels import MARKS, Lang, colon
from journeymap.views.matrix import Entry, Matrix, build_matrix
from journeymap.views.metrics import METRIC_NAMES, SCORE_NAMES, MetricName, aggregate, heat
from journeymap.views.moments import shared_moments
from journeymap.views.priorities import Ranking, rank

if TYPE_CHECKING:
    import jinja2

PORTFOLIO_TOP = 50
ASSETS = ("site.css", "site.js")


@dataclass(frozen=True, slots=True)
class SiteOptions:
    title: str | None = None
    repo_url: str | None = None
    """Base URL of the files on the repository host, e.g. https://github.com/o/r/blob/main."""
    base: Path = field(default_factory=Path.cwd)
    """Paths are made relative to this folder for the links to the repository host."""


@dataclass(frozen=True, slots=True)
class CurvePoint:
    x: float
    y: float
    emotion: int
    step: Step


@dataclass(frozen=True, slots=True)
class Curve:
    width: int
    height: int
    segments: tuple[tuple[CurvePoint, ...], ...]
    points: tuple[CurvePoint, ...]
    zero: float
    ticks: tuple[tuple[int, float], ...]
    steps: tuple[tuple[float, int, Step], ...]


@dataclass(frozen=True)
class JourneyData:
    """One journey with everything its page, its index row and the portfolio show."""

    source: Source
    matrix: Matrix
    ranking: Ranking
    curve: Curve
    shared_with: dict[str, list[str]]
    """(stage id, step id) joined by '/' -> ids of the other journeys sharing the moment."""

    @property
    def journey(self) -> Journey:
        return self.source.journey

    @property
    def lang(self) -> Lang:
        return self.journey.lang

    def figure(self, metric: MetricName) -> float | None:
        return self.matrix.total(metric)

    def stakeholder(self, stakeholder_id: str | None) -> str:
        if stakeholder_id is None:
            return ""
        return next(
            (s.name for s in self.journey.stakeholders if s.id == stakeholder_id), stakeholder_id
        )

    def columns(self) -> list[tuple[Stage, Step | None]]:
        """One column per step; a stage without steps still gets one, so it is seen."""
        found: list[tuple[Stage, Step | None]] = []
        for stage in self.journey.stages:
            found.extend((stage, step) for step in stage.steps)
            if not stage.steps:
                found.append((stage, None))
        return found

    @cached_property
    def _touchpoints(self) -> dict[tuple[str, str], list[Touchpoint]]:
        found: dict[tuple[str, str], list[Touchpoint]] = {}
        for _, _, _, step in self.journey.iter_steps():
            for touchpoint in step.touchpoints:
                found.setdefault((step.id, touchpoint.channel), []).append(touchpoint)
        return found

    def touchpoints_at(self, step: Step | None, channel_id: str) -> list[Touchpoint]:
        return [] if step is None else self._touchpoints.get((step.id, channel_id), [])

    def entry_figures(self, entry: Entry) -> list[tuple[MetricName, str, str]]:
        """(metric, heat rating, figure as read) of every metric; empty strings when absent."""
        largest = self._largest
        found = []
        for name in METRIC_NAMES:
            value = entry.value(name)
            found.append((name, _heat(name, value, largest), _number(value, name, self.lang)))
        return found

    @cached_property
    def _largest(self) -> float:
        return self.matrix.largest_volume()

    def bands(self) -> list[tuple[str | None, int]]:
        """(phase, columns spanned) of each run of stages in one phase."""
        return [
            (band.phase, sum(max(1, len(stage.steps)) for stage in band.stages))
            for band in self.matrix.bands()
        ]

    def has(self, attribute: str) -> bool:
        """Whether any step fills this list or text: rows nobody fills are left out."""
        return any(getattr(step, attribute) for _, _, _, step in self.journey.iter_steps())

    def tone(self, touchpoint: Touchpoint) -> str:
        for kind in ("breakpoints", "irritants", "delights"):
            if getattr(touchpoint, kind):
                return kind
        return "plain"

    def is_shared(self, stage: Stage, step: Step) -> list[str]:
        return self.shared_with.get(f"{stage.id}/{step.id}", [])

    def priority_rank(self) -> dict[int, int]:
        """id() of a touchpoint -> its rank (1 = most in need of work) in this journey."""
        return {id(p.entry.touchpoint): i for i, p in enumerate(self.ranking.priorities, 1)}

    def search_text(self) -> str:
        """The words the index's search box matches, lowercased."""
        journey = self.journey
        parts: list[str] = [journey.id, journey.title, journey.owner or ""]
        if journey.persona:
            parts += [journey.persona.name, journey.persona.description or ""]
        if journey.scope:
            parts += [*journey.scope.targets, *journey.scope.offers]
        parts += [c.name for c in journey.channels] + [s.name for s in journey.stakeholders]
        for stage in journey.stages:
            parts.append(stage.name)
            for step in stage.steps:
                parts.append(step.text)
                for touchpoint in step.touchpoints:
                    parts += [touchpoint.name or ""]
                    parts += [i.text for i in touchpoint.irritants]
                    parts += [d.text for d in touchpoint.delights]
                    parts += [b.text for b in touchpoint.breakpoints]
        return " ".join(" ".join(p.split()) for p in parts if p).lower()


def _curve(journey: Journey) -> Curve:
    steps = [step for _, _, _, step in journey.iter_steps()]
    gap, unit, top = 56, 22, 16
    width = max(1, len(steps)) * gap + 48
    zero = top + 2 * unit
    placed: list[tuple[float, int, Step]] = []
    points: list[CurvePoint] = []
    segments: list[list[CurvePoint]] = [[]]
    for index, step in enumerate(steps):
        x = 48 + index * gap + gap / 2
        placed.append((x, index + 1, step))
        if step.emotion is None:
            if segments[-1]:
                segments.append([])
            continue
        point = CurvePoint(x, zero - step.emotion * unit, step.emotion, step)
        points.append(point)
        segments[-1].append(point)
    ticks = tuple((value, zero - value * unit) for value in (2, 1, 0, -1, -2))
    return Curve(
        width=width,
        height=zero + 2 * unit + 34,
        segments=tuple(tuple(s) for s in segments if len(s) > 1),
        points=tuple(points),
        zero=zero,
        ticks=ticks,
        steps=tuple(placed),
    )


def prepare(sources: Sequence[Source]) -> list[JourneyData]:
    journeys = [source.journey for source in sources]
    moments = shared_moments(journeys)
    shared = {(m.stage_id, m.step_id) for m in moments}
    partners: dict[str, dict[str, list[str]]] = {}
    for moment in moments:
        ids = sorted({o.journey.id for o in moment.occurrences})
        for journey_id in ids:
            key = f"{moment.stage_id}/{moment.step_id}"
            partners.setdefault(journey_id, {})[key] = [i for i in ids if i != journey_id]
    found = []
    for source in sources:
        matrix = build_matrix(source.journey, shared=shared)
        found.append(
            JourneyData(
                source,
                matrix,
                rank(matrix.entries),
                _curve(source.journey),
                partners.get(source.journey.id, {}),
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """One channel id across every journey that declares it."""

    channel_id: str
    names: tuple[str, ...]
    kind: str
    journeys: tuple[JourneyData, ...]
    touchpoints: int
    volume: float | None
    csat: float | None
    nps: float | None
    ces: float | None
    irritants: int
    breakpoints: int


def channels_across(data: Sequence[JourneyData]) -> list[ChannelRow]:
    entries: dict[str, list[Entry]] = {}
    owners: dict[str, list[JourneyData]] = {}
    names: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for item in data:
        for channel in item.journey.channels:
            owners.setdefault(channel.id, []).append(item)
            names.setdefault(channel.id, [])
            if channel.name not in names[channel.id]:
                names[channel.id].append(channel.name)
            kinds.setdefault(channel.id, channel.kind)
        for entry in item.matrix.entries:
            entries.setdefault(entry.channel.id, []).append(entry)
    rows = []
    for channel_id in sorted(owners):
        found = entries.get(channel_id, [])

        def mean(metric: MetricName, found: list[Entry] = found) -> float | None:
            return aggregate(metric, ((e.value(metric), e.touchpoint.volume) for e in found))

        rows.append(
            ChannelRow(
                channel_id,
                tuple(names[channel_id]),
                kinds[channel_id],
                tuple(owners[channel_id]),
                len(found),
                mean("volume"),
                mean("csat"),
                mean("nps"),
                mean("ces"),
                sum(len(e.touchpoint.irritants) for e in found),
                sum(len(e.touchpoint.breakpoints) for e in found),
            )
        )
    return rows


def _lang_of(data: Sequence[JourneyData]) -> Lang:
    langs = {item.lang for item in data}
    return langs.pop() if len(langs) == 1 else "en"


def _number(value: float | None, metric: MetricName, lang: Lang) -> str:
    return "" if value is None else numbers.figure(metric, value, lang)


def _heat(metric: MetricName, value: float | None, largest: float = 0.0) -> str:
    return "" if value is None else str(heat(metric, value, largest))


def _emotion(value: int | float | None) -> str:
    """A signed emotion, with a true minus sign: +2, 0, −1."""
    if value is None:
        return ""
    return f"+{value:g}" if value > 0 else (f"−{-value:g}" if value < 0 else "0")


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("journeymap.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        word=word,
        marks=MARKS,
        number=_number,
        heat=_heat,
        percent=numbers.percent,
        metric_names=METRIC_NAMES,
        score_names=SCORE_NAMES,
        colon=colon,
        emotion=_emotion,
    )
    env.filters["tp_id"] = id
    return env


def _render(template: str, **context: Any) -> bytes:
    return _environment().get_template(template).render(**context).encode("utf-8")


def _asset(name: str) -> bytes:
    return resources.files("journeymap.site").joinpath("assets", name).read_bytes()


def _repo_link(source: Source, options: SiteOptions) -> str | None:
    if not options.repo_url:
        return None
    try:
        relative = source.path.resolve().relative_to(options.base.resolve())
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
    """One journey's map (for the print page) and its files."""
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
    environment = _environment()
    body = environment.get_template("journey_map.html").render(**context)
    more = environment.get_template("journey_more.html").render(**context)
    files = {
        f"journeys/{journey.id}.html": _render("journey.html", body=body, more=more, **context),
        f"sources/{journey.id}.yaml": item.source.text.encode("utf-8"),
        f"sources/{journey.id}.html": _render(
            "source.html", lines=item.source.text.splitlines(), **context
        ),
    }
    return body, files


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
    lang = _lang_of(data)
    title = options.title or word("site_title", lang)
    common = {
        "site_title": title,
        "data": data,
        "site_lang": lang,
        "w": Words(lang),
        "site_ids": frozenset(item.journey.id for item in data),
    }
    files: dict[str, bytes] = {
        "assets/site.css": theme.css_variables().encode("utf-8") + _asset("site.css"),
        "assets/site.js": _asset("site.js"),
    }
    if not sys.platform.startswith("linux"):
        jobs = 1
    for name in ("journey.html", "journey_map.html", "journey_more.html", "source.html"):
        _environment().get_template(name)  # compiled once, before workers fork
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
    files["index.html"] = _render("index.html", lang=lang, root="", **common, **_filters(data))
    files["portfolio.html"] = _render(
        "portfolio.html",
        lang=lang,
        root="",
        comparisons=comparisons,
        channels=channels_across(data),
        ranking=rank(everything),
        journey_of=lambda entry: owners[id(entry.touchpoint)],
        top=PORTFOLIO_TOP,
        **common,
    )
    files["print/all.html"] = _render("print.html", lang=lang, root="../", maps=maps, **common)
    return files


def _filters(data: Iterable[JourneyData]) -> dict[str, Any]:
    channels: dict[str, str] = {}
    stages: dict[str, str] = {}
    owners: set[str] = set()
    for item in data:
        for channel in item.journey.channels:
            channels.setdefault(channel.id, channel.name)
        for stage in item.journey.stages:
            stages.setdefault(stage.id, stage.name)
        if item.journey.owner:
            owners.add(item.journey.owner)
    return {
        "filter_channels": sorted(channels.items()),
        "filter_stages": sorted(stages.items()),
        "filter_owners": sorted(owners),
    }
