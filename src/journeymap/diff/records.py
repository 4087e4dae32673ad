"""What a diff is made of: each change, placed and typed, and the result per journey.

The records every diff format reads (`output/diff_*`) and the visual diff draws
(`render/highlight.py`); `changes.compare` makes them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from journeymap.diagnostics import Diagnostic
from journeymap.model.journey import Journey

Direction = Literal["better", "worse"]

KINDS: tuple[str, ...] = (
    "journey-added",
    "journey-removed",
    "journey-renamed",
    "persona-changed",
    "scope-changed",
    "channel-added",
    "channel-removed",
    "stakeholder-added",
    "stakeholder-removed",
    "stage-added",
    "stage-removed",
    "stage-renamed",
    "stage-moved",
    "step-added",
    "step-removed",
    "step-reworded",
    "step-moved",
    "moment-of-truth-added",
    "moment-of-truth-removed",
    "emotion-changed",
    "touchpoint-added",
    "touchpoint-removed",
    "touchpoint-moved",
    "owner-changed",
    "metric-changed",
    "volume-changed",
    "delight-added",
    "delight-removed",
    "delight-changed",
    "irritant-added",
    "irritant-removed",
    "irritant-changed",
    "breakpoint-added",
    "breakpoint-removed",
    "breakpoint-changed",
    "lint-new",
    "lint-fixed",
    "field-changed",
)
"""Every kind of change, in the order reports list them. Part of the JSON schema."""

SECTIONS: tuple[tuple[str, str], ...] = (
    ("journeys", "Journeys, persona and scope"),
    ("structure", "Stages and steps"),
    ("touchpoints", "Touchpoints"),
    ("scores", "Emotions and scores"),
    ("moments", "Moments of truth"),
    ("pains", "Delights, irritants and breakpoints"),
    ("lint", "Lint findings"),
    ("other", "Other details"),
)

_SECTION_OF_PREFIX: tuple[tuple[str, str], ...] = (
    ("journey-", "journeys"),
    ("persona-", "journeys"),
    ("scope-", "journeys"),
    ("channel-", "journeys"),
    ("stakeholder-", "journeys"),
    ("stage-", "structure"),
    ("step-", "structure"),
    ("touchpoint-", "touchpoints"),
    ("owner-", "touchpoints"),
    ("emotion-", "scores"),
    ("metric-", "scores"),
    ("volume-", "scores"),
    ("moment-of-truth-", "moments"),
    ("delight-", "pains"),
    ("irritant-", "pains"),
    ("breakpoint-", "pains"),
    ("lint-", "lint"),
)


@dataclass(frozen=True, slots=True)
class Where:
    """Where a change sits, by id (stable) and by the words a reader knows."""

    stage: str | None = None
    stage_name: str | None = None
    step: str | None = None
    step_text: str | None = None
    channel: str | None = None
    channel_name: str | None = None

    def label(self) -> str:
        parts = [
            p for p in (self.stage_name, self.step_text, self.channel_name or self.channel) if p
        ]
        return " › ".join(parts)


JOURNEY_WIDE = Where()
"""The place of a change to the journey as a whole (its title, persona, channels)."""


@dataclass(frozen=True, slots=True)
class Change:
    journey: str
    kind: str
    summary: str
    """The change in words, without its place (formatters add `where`)."""
    where: Where = Where()
    field: str | None = None
    before: Any = None
    after: Any = None
    direction: Direction | None = None
    amount: float | None = None
    context: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """What qualifies a score (n, period, source) or locates a lint finding (line)."""

    @property
    def section(self) -> str:
        for prefix, section in _SECTION_OF_PREFIX:
            if self.kind.startswith(prefix):
                return section
        return "other"

    @property
    def scored(self) -> bool:
        """A change of a score or an emotion, which `--fail-on worse` looks at."""
        return self.direction is not None


@dataclass(frozen=True, slots=True)
class JourneyState:
    """One side of one journey: the model, where it was read and its lint findings."""

    journey: Journey
    path: str
    findings: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class JourneyDiff:
    journey: str
    title: str
    status: Literal["added", "removed", "changed", "unchanged"]
    old_path: str | None
    new_path: str | None
    changes: tuple[Change, ...]
    model: Journey | None = None
    """The new side's journey (None when removed), for drawing the new map."""


@dataclass(frozen=True, slots=True)
class DiffResult:
    old_label: str
    new_label: str
    journeys: tuple[JourneyDiff, ...]

    @property
    def changes(self) -> list[Change]:
        return [c for j in self.journeys for c in j.changes]

    @property
    def changed(self) -> bool:
        return any(j.changes for j in self.journeys)

    @property
    def worse(self) -> list[Change]:
        return [c for c in self.changes if c.direction == "worse"]

    def drawable(self) -> list[tuple[Journey, tuple[Change, ...]]]:
        """The journeys added or changed, with their changes: what a visual diff draws."""
        return [(j.model, j.changes) for j in self.journeys if j.model is not None and j.changes]
