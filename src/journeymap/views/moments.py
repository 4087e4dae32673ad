"""Moments shared between journeys: the same stage id and step id in several files.

The furniture store's web-order and in-store journeys both end with the pick-up; the
satisfaction of that one moment must be read per journey (seed 000), so comparisons
are keyed on the (stage id, step id) pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymap.model.journey import Journey, Stage, Step


@dataclass(frozen=True, slots=True)
class Occurrence:
    journey: Journey
    stage: Stage
    step: Step


@dataclass(frozen=True, slots=True)
class SharedMoment:
    stage_id: str
    step_id: str
    occurrences: tuple[Occurrence, ...]


def shared_moments(journeys: Sequence[Journey]) -> list[SharedMoment]:
    """Moments present in two or more journeys, in the first journey's chronological order."""
    found: dict[tuple[str, str], list[Occurrence]] = {}
    for journey in journeys:
        for _, stage, _, step in journey.iter_steps():
            found.setdefault((stage.id, step.id), []).append(Occurrence(journey, stage, step))
    return [
        SharedMoment(stage_id, step_id, tuple(occurrences))
        for (stage_id, step_id), occurrences in found.items()
        if len({o.journey.id for o in occurrences}) > 1
    ]
