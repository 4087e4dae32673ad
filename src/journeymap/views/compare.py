"""Shared moments side by side: each journey's touchpoints and figures for one moment.

The same pick-up scores 83 in the store journey and 41 in the web journey (seed 000); an
average over both would hide the web promise that breaks it. So each journey keeps its
own figures, and the gap (best minus worst) is computed per metric.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from journeymap.model.journey import Journey, Stage, Step
from journeymap.views.matrix import Entry
from journeymap.views.metrics import METRIC_NAMES, MetricName, aggregate
from journeymap.views.moments import shared_moments


@dataclass(frozen=True, slots=True)
class Side:
    """One journey's occurrence of a shared moment."""

    journey: Journey
    stage: Stage
    step: Step
    entries: tuple[Entry, ...]

    def figure(self, metric: MetricName) -> float | None:
        """The step's total volume, or its volume-weighted mean, in this journey."""
        if metric == "emotion":
            return None if self.step.emotion is None else float(self.step.emotion)
        return aggregate(metric, ((e.value(metric), e.touchpoint.volume) for e in self.entries))


Extreme = tuple[Side | None, float | None]
"""A journey's side and its figure, the lowest or the highest of a moment; (None, None)
when no journey has the figure."""


@dataclass(frozen=True, slots=True)
class Comparison:
    stage_id: str
    step_id: str
    sides: tuple[Side, ...]

    def gap(self, metric: MetricName) -> float | None:
        """Best minus worst over the journeys that have the figure; None under two."""
        figures = [f for f in (s.figure(metric) for s in self.sides) if f is not None]
        return max(figures) - min(figures) if len(figures) > 1 else None

    def extremes(self) -> list[tuple[MetricName, Extreme, Extreme]]:
        """(metric, (side, figure) lowest, (side, figure) highest) for every metric; the
        first journey in order wins a tie; (None, None) when no journey has the figure."""
        found: list[tuple[MetricName, Extreme, Extreme]] = []
        for metric in METRIC_NAMES:
            figures = [(f, s) for s in self.sides if (f := s.figure(metric)) is not None]
            if not figures:
                found.append((metric, (None, None), (None, None)))
                continue
            low = min(figures, key=lambda pair: pair[0])
            high = max(figures, key=lambda pair: pair[0])
            found.append((metric, (low[1], low[0]), (high[1], high[0])))
        return found

    def gaps(self) -> dict[MetricName, float | None]:
        return {metric: self.gap(metric) for metric in METRIC_NAMES}


def compare(
    journeys: Sequence[Journey], *, stages: Collection[str] = (), channels: Collection[str] = ()
) -> list[Comparison]:
    """Every moment shared by several journeys, restricted to the filters when given."""
    comparisons: list[Comparison] = []
    for moment in shared_moments(journeys):
        if stages and moment.stage_id not in stages:
            continue
        sides: list[Side] = []
        for occurrence in moment.occurrences:
            journey = occurrence.journey
            entries: list[Entry] = []
            for touchpoint in occurrence.step.touchpoints:
                channel = journey.channel(touchpoint.channel)
                if channel is None or (channels and channel.id not in channels):
                    continue
                entries.append(Entry(occurrence.stage, occurrence.step, channel, touchpoint, True))
            sides.append(Side(journey, occurrence.stage, occurrence.step, tuple(entries)))
        comparisons.append(Comparison(moment.stage_id, moment.step_id, tuple(sides)))
    return comparisons
