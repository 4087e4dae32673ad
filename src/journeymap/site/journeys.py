"""Each journey with everything its pages, its index row and the portfolio show: matrix,
priorities, emotion curve and the moments it shares."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from journeymap.model.journey import Journey, Stage, Step, Touchpoint
from journeymap.site.collect import Source
from journeymap.site.templating import heat_of, number
from journeymap.views.matrix import Entry, Matrix, build_matrix
from journeymap.views.metrics import METRIC_NAMES, MetricName
from journeymap.views.moments import shared_moments
from journeymap.views.priorities import Ranking, rank


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
    bridges: tuple[tuple[CurvePoint, CurvePoint], ...]
    """Dashed, across steps the journey does not rate, as the rendered map draws them:
    without them two rated steps apart looked like two unrelated dots."""
    points: tuple[CurvePoint, ...]
    zero: float
    ticks: tuple[tuple[int, float], ...]
    steps: tuple[tuple[float, int, Step], ...]


@dataclass(frozen=True, slots=True)
class MapPart:
    """A run of the map's columns, with the stages and phases over them."""

    columns: tuple[tuple[Stage, Step | None], ...]
    numbers: tuple[int | None, ...]
    """Each column's step number, as the emotion curve numbers steps (None: no step)."""
    stages: tuple[tuple[Stage, int, bool], ...]
    """(stage, columns spanned here, whether this is the stage's first part)."""
    phases: tuple[tuple[str | None, int], ...]


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
    def lang(self) -> str:
        """The journey's language tag as written (`pt-BR`), for `lang` attributes."""
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
            found.append(
                (name, heat_of(name, value, largest), number(value, name, self.journey.words_lang))
            )
        return found

    @cached_property
    def _largest(self) -> float:
        return self.matrix.largest_volume()

    def parts(self, size: int | None = None) -> list[MapPart]:
        """The map's columns in runs of `size` (all in one without): a screen scrolls a
        wide map, a sheet of paper cannot, so print shows a sheet's width at a time."""
        columns = self.columns()
        numbers: list[int | None] = []
        count = 0
        for _, step in columns:
            count += step is not None
            numbers.append(count if step is not None else None)
        size = size or len(columns)
        size = -(-len(columns) // -(-len(columns) // size))  # even runs: 17 are 6, 6, 5
        seen: set[str] = set()
        found = []
        for start in range(0, len(columns), size):
            chunk = columns[start : start + size]
            stages: list[tuple[Stage, int, bool]] = []
            for stage, _ in chunk:
                if stages and stages[-1][0] is stage:
                    stages[-1] = (stage, stages[-1][1] + 1, stages[-1][2])
                else:
                    stages.append((stage, 1, stage.id not in seen))
                    seen.add(stage.id)
            phases: list[tuple[str | None, int]] = []
            for stage, span, _ in stages:
                if phases and phases[-1][0] == stage.phase:
                    phases[-1] = (stage.phase, phases[-1][1] + span)
                else:
                    phases.append((stage.phase, span))
            found.append(
                MapPart(
                    tuple(chunk),
                    tuple(numbers[start : start + size]),
                    tuple(stages),
                    tuple(phases),
                )
            )
        return found

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
        """The words the index's search box matches, lowercased, each once.

        The box matches each word typed inside one word of this text (site.js splits
        what is typed at spaces), so a word said twice matches nothing more: once is
        enough. Every journey's text is in the index page; at 500 generated journeys it
        was 2.0 of the page's 2.6 MB, 0.3 MB with each word once (the examples: 15.5 ->
        9.6 KB)."""
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
        words = " ".join(p for p in parts if p).lower().split()
        return " ".join(dict.fromkeys(words))


def curve(journey: Journey) -> Curve:
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
        bridges=tuple((a, b) for a, b in itertools.pairwise(points) if b.x - a.x > gap),
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
                curve(source.journey),
                partners.get(source.journey.id, {}),
            )
        )
    return found
