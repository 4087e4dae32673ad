"""What an import changes in each journey: old and new figures per touchpoint, in order.

Matching the mapping's (journey, step, channel) to touchpoints is done on the validated
models, so a typo in the mapping is caught with a "did you mean" before any file is read
for writing.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymap.metrics.compute import Figure, TouchpointResult
from journeymap.model.journey import Journey, Metrics, Stage, Step, Touchpoint


@dataclass(frozen=True, slots=True)
class Update:
    """New values for one touchpoint: its place in the file and the keys to set, in order."""

    stage: int
    step: int
    touchpoint: int
    metrics: Mapping[str, Any]
    volume: int | None = None


class MatchError(Exception):
    """A mapping entry that names no touchpoint; the message says which and suggests one."""


@dataclass(frozen=True, slots=True)
class Change:
    key: str
    old: Any
    new: Any


@dataclass
class TouchpointChange:
    """The figures one touchpoint gets, those withheld, and the keys set on its metrics."""

    path: Path
    journey: Journey
    stage: Stage
    step: Step
    touchpoint: Touchpoint
    place: tuple[int, int, int]
    result: TouchpointResult
    changes: list[Change] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def metric_changes(self) -> list[Change]:
        return [c for c in self.changes if c.key in {"nps", "csat", "ces", "volume"}]

    def update(self) -> Update:
        """The metrics keys to write, in the format's order, and the new volume if any."""
        values = {c.key: c.new for c in self.changes if c.key != "volume"}
        volume = next((c.new for c in self.changes if c.key == "volume"), None)
        return Update(*self.place, values, volume)


def updates_by_file(changes: Sequence[TouchpointChange]) -> dict[Path, list[Update]]:
    """What to write in each file, for the touchpoints that change."""
    by_file: dict[Path, list[Update]] = {}
    for change in changes:
        if change.changes:
            by_file.setdefault(change.path, []).append(change.update())
    return by_file


def _suggest(wanted: str, known: list[str], kind: str) -> str:
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{hint}{kind}: {', '.join(known) or 'none'}"


def _find(
    journeys: list[tuple[Path, Journey]], result: TouchpointResult, where: str
) -> tuple[Path, Journey, int, Stage, int, Step, int, Touchpoint]:
    target = result.target
    if target.journey is None:
        if len(journeys) != 1:
            ids = [j.id for _, j in journeys]
            raise MatchError(
                f"{where}: say which journey (journey: ...); journeys: {', '.join(ids)}"
            )
        path, journey = journeys[0]
    else:
        found = [(p, j) for p, j in journeys if j.id == target.journey]
        if not found:
            ids = [j.id for _, j in journeys]
            raise MatchError(
                f"{where}.journey: no journey {target.journey!r}; "
                + _suggest(target.journey, ids, "journeys given")
            )
        path, journey = found[0]
    for stage_index, stage, step_index, step in journey.iter_steps():
        if step.id != target.step:
            continue
        for index, touchpoint in enumerate(step.touchpoints):
            if touchpoint.channel == target.channel:
                return path, journey, stage_index, stage, step_index, step, index, touchpoint
        channels = [t.channel for t in step.touchpoints]
        raise MatchError(
            f"{where}.channel: step '{step.id}' of {journey.id} has no touchpoint on "
            f"{target.channel!r}; " + _suggest(target.channel, channels, "its channels")
        )
    steps = [s.id for _, _, _, s in journey.iter_steps()]
    raise MatchError(
        f"{where}.step: {journey.id} has no step {target.step!r}; "
        + _suggest(target.step, steps, "steps")
    )


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float):
        return math.isclose(old, new)
    return bool(old == new)


def plan_changes(
    journeys: list[tuple[Path, Journey]], results: list[TouchpointResult], source: str
) -> list[TouchpointChange]:
    """Each mapped touchpoint with what would change, or MatchError for an unknown one."""
    planned: list[TouchpointChange] = []
    seen: dict[tuple[Path, int, int, int], str] = {}
    for index, result in enumerate(results):
        where = f"touchpoints[{index}]"
        path, journey, si, stage, pi, step, ti, touchpoint = _find(journeys, result, where)
        key = (path, si, pi, ti)
        if key in seen:
            raise MatchError(f"{where}: the same touchpoint as {seen[key]}; merge the two entries")
        seen[key] = where
        change = TouchpointChange(path, journey, stage, step, touchpoint, (si, pi, ti), result)
        old = touchpoint.metrics or Metrics()
        new_values: dict[str, Any] = {f.metric: _number(f) for f in result.figures}
        if result.figures:
            new_values |= {"source": source}
            if result.period is not None:
                new_values["period"] = result.period
            new_values |= {"n": result.n, "method": result.method}
            change.kept = [k for k in old.measured() if k not in new_values]
        for name, value in new_values.items():
            previous = getattr(old, name)
            if previous is None or not _same(previous, value):
                change.changes.append(Change(name, previous, value))
        if result.target.volume == "responses" and touchpoint.volume != result.responses:
            change.changes.append(Change("volume", touchpoint.volume, result.responses))
        planned.append(change)
    return planned


def _number(figure: Figure) -> int | float:
    value = figure.value
    return int(value) if figure.metric != "ces" else value
