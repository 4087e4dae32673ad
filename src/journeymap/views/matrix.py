"""The channels x stages matrix of one journey (seed 002), independent of any output format.

Each touchpoint sits at the crossing of its step's stage and its channel. Rows keep the
declared channel order, because teams declare channels in an order that means something
to them (digital first, or the order the customer meets them); grouping by kind keeps
that order inside each kind. Every declared channel gets a row, even an empty one: a
channel with no touchpoint in a stage is itself a finding.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from journeymap.model.journey import Channel, ChannelKind, Journey, Phase, Stage, Step, Touchpoint
from journeymap.views import metrics
from journeymap.views.metrics import MetricName

MARK_ORDER = ("moment_of_truth", "shared", "delight", "irritant", "breakpoint")


@dataclass(frozen=True, slots=True)
class Entry:
    """One touchpoint placed in the matrix, with what it takes to label and mark it."""

    stage: Stage
    step: Step
    channel: Channel
    touchpoint: Touchpoint
    shared: bool = False

    def marks(self) -> list[tuple[str, int]]:
        """(mark key, count) for every mark present, in MARK_ORDER."""
        counts = {
            "moment_of_truth": int(self.step.moment_of_truth),
            "shared": int(self.shared),
            "delight": len(self.touchpoint.delights),
            "irritant": len(self.touchpoint.irritants),
            "breakpoint": len(self.touchpoint.breakpoints),
        }
        return [(key, counts[key]) for key in MARK_ORDER if counts[key]]

    def value(self, metric: MetricName) -> float | None:
        return metrics.value(metric, self.step, self.touchpoint)


@dataclass(frozen=True, slots=True)
class ChannelGroup:
    """Rows shown together; `kind` is None when rows are not grouped."""

    kind: ChannelKind | None
    channels: tuple[Channel, ...]


@dataclass(frozen=True, slots=True)
class PhaseBand:
    """Consecutive stages of one phase, drawn as one band over their columns."""

    phase: Phase | None
    stages: tuple[Stage, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    stages: int
    steps: int
    channels: int
    touchpoints: int
    delights: int
    irritants: int
    breakpoints: int


@dataclass(frozen=True)
class Matrix:
    journey: Journey
    stages: tuple[Stage, ...]
    groups: tuple[ChannelGroup, ...]
    entries: tuple[Entry, ...]
    """Every visible touchpoint, in chronological order."""
    _cells: dict[tuple[str, str], tuple[Entry, ...]] = field(repr=False)

    @property
    def channels(self) -> tuple[Channel, ...]:
        return tuple(c for g in self.groups for c in g.channels)

    def cell(self, channel_id: str, stage_id: str) -> tuple[Entry, ...]:
        return self._cells.get((channel_id, stage_id), ())

    def steps(self) -> list[Step]:
        return [step for stage in self.stages for step in stage.steps]

    def untouched(self) -> list[Step]:
        """Steps of the visible stages with no touchpoint on a visible channel."""
        touched = {id(e.step) for e in self.entries}
        return [step for step in self.steps() if id(step) not in touched]

    def bands(self, stages: Sequence[Stage] | None = None) -> list[PhaseBand]:
        bands: list[PhaseBand] = []
        for stage in self.stages if stages is None else stages:
            if bands and bands[-1].phase == stage.phase:
                bands[-1] = PhaseBand(stage.phase, (*bands[-1].stages, stage))
            else:
                bands.append(PhaseBand(stage.phase, (stage,)))
        return bands

    @cached_property
    def _by_stage(self) -> dict[str, tuple[Entry, ...]]:
        """Entries grouped by stage id in one pass, so that per-stage figures stay linear."""
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.stage.id, []).append(entry)
        return {key: tuple(value) for key, value in grouped.items()}

    def stage_entries(self, stage_id: str) -> tuple[Entry, ...]:
        """The stage's entries, in chronological order."""
        return self._by_stage.get(stage_id, ())

    def stage_figure(self, metric: MetricName, stage_id: str) -> float | None:
        """The footer figure: the stage's total volume or its volume-weighted mean."""
        return self._stage_figures(metric).get(stage_id)

    def _stage_figures(self, metric: MetricName) -> dict[str, float | None]:
        cache = self._figure_cache
        if metric not in cache:
            cache[metric] = {
                stage.id: _aggregate(metric, self.stage_entries(stage.id)) for stage in self.stages
            }
        return cache[metric]

    @cached_property
    def _figure_cache(self) -> dict[MetricName, dict[str, float | None]]:
        return {}

    @cached_property
    def largest_stage_volume(self) -> float:
        """The largest stage total, which rates the volume footer's heat."""
        return max((self.stage_figure("volume", s.id) or 0.0 for s in self.stages), default=0.0)

    def total(self, metric: MetricName) -> float | None:
        return _aggregate(metric, self.entries)

    def largest_volume(self) -> float:
        return self._largest_volume

    @cached_property
    def _largest_volume(self) -> float:
        """Computed once: the text format asks for it on every page."""
        return max((float(e.touchpoint.volume or 0) for e in self.entries), default=0.0)

    def summary(self) -> Summary:
        return Summary(
            stages=len(self.stages),
            steps=len(self.steps()),
            channels=len(self.channels),
            touchpoints=len(self.entries),
            delights=sum(len(e.touchpoint.delights) for e in self.entries),
            irritants=sum(len(e.touchpoint.irritants) for e in self.entries),
            breakpoints=sum(len(e.touchpoint.breakpoints) for e in self.entries),
        )


def _aggregate(metric: MetricName, entries: Iterable[Entry]) -> float | None:
    return metrics.aggregate(metric, ((e.value(metric), e.touchpoint.volume) for e in entries))


def build_matrix(
    journey: Journey,
    *,
    stages: Collection[str] = (),
    channels: Collection[str] = (),
    by_kind: bool = False,
    shared: Collection[tuple[str, str]] = (),
) -> Matrix:
    """The matrix of `journey`, restricted to the given stage and channel ids when any.

    `shared` holds the (stage id, step id) pairs that other journeys also contain.
    """
    visible_stages = tuple(s for s in journey.stages if not stages or s.id in stages)
    visible_channels = [c for c in journey.channels if not channels or c.id in channels]
    by_id = {c.id: c for c in visible_channels}
    entries: list[Entry] = []
    cells: dict[tuple[str, str], list[Entry]] = {}
    for stage in visible_stages:
        for step in stage.steps:
            for touchpoint in step.touchpoints:
                channel = by_id.get(touchpoint.channel)
                if channel is None:
                    continue
                entry = Entry(stage, step, channel, touchpoint, (stage.id, step.id) in shared)
                entries.append(entry)
                cells.setdefault((channel.id, stage.id), []).append(entry)
    return Matrix(
        journey=journey,
        stages=visible_stages,
        groups=_group(visible_channels, by_kind),
        entries=tuple(entries),
        _cells={key: tuple(value) for key, value in cells.items()},
    )


def _group(channels: Sequence[Channel], by_kind: bool) -> tuple[ChannelGroup, ...]:
    if not by_kind:
        return (ChannelGroup(None, tuple(channels)),)
    kinds: dict[ChannelKind, list[Channel]] = {}
    for channel in channels:
        kinds.setdefault(channel.kind, []).append(channel)
    return tuple(ChannelGroup(kind, tuple(members)) for kind, members in kinds.items())


def unknown_ids(
    journeys: Sequence[Journey], stages: Iterable[str], channels: Iterable[str]
) -> list[str]:
    """Filter ids that no journey declares, as messages naming the ids that exist."""
    known_stages = list(dict.fromkeys(s.id for j in journeys for s in j.stages))
    known_channels = list(dict.fromkeys(c.id for j in journeys for c in j.channels))
    return unknown_filter_ids(known_stages, known_channels, stages, channels)


def unknown_filter_ids(
    known_stages: Sequence[str],
    known_channels: Sequence[str],
    stages: Iterable[str],
    channels: Iterable[str],
) -> list[str]:
    """The same, from the ids the journeys declare (in order, each once)."""
    problems: list[str] = []
    for kind, wanted, known in (
        ("stage", stages, known_stages),
        ("channel", channels, known_channels),
    ):
        for item in wanted:
            if item not in known:
                close = difflib.get_close_matches(item, known, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(
                    f"no {kind} '{item}' in any journey; {hint}{kind}s: {', '.join(known)}"
                )
    return problems
