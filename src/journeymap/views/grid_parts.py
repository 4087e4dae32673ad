"""What a map's grid is made of: columns (steps under their stage), lanes (channels),
cells (a step crossed with a channel) with their entries and notes, the path and the
breakpoints between cells. Built by `grid.build_grid`, drawn by `render/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journeymap.views.labels import Lang

if TYPE_CHECKING:
    from journeymap.model.journey import Phase


@dataclass(frozen=True, slots=True)
class Note:
    """A piece of text shown on the map, with a short detail line under it (who, with
    what, how long) and a kind (a thought's kind, an opportunity's status)."""

    text: str
    detail: str = ""
    kind: str = ""


BLUEPRINT_LANES = ("frontstage", "backstage", "support")


@dataclass(frozen=True, slots=True)
class Column:
    """One step of the grid (one column), under its stage; a stage without steps gets one
    empty column (`step_id` "") so that it still shows."""

    index: int
    stage_id: str
    step_id: str
    text: str
    moment_of_truth: bool
    emotions: tuple[int | None, ...]
    """The emotion of this step in each journey (None: not in that journey, or not rated)."""
    journeys: tuple[int, ...]
    """Indexes of the journeys that live this step."""
    shared: bool = False
    """A moment shared by several journeys, as `views.moments.shared_moments` defines it."""
    thoughts: tuple[Note, ...] = ()
    opportunities: tuple[Note, ...] = ()
    blueprint: tuple[tuple[Note, ...], ...] = ((), (), ())
    """The actions of the frontstage, backstage and support lanes (format 1.1)."""
    feeling: str | None = None
    duration: str | None = None


@dataclass(frozen=True, slots=True)
class StageSpan:
    stage_id: str
    name: str
    phase: Phase | None
    columns: tuple[int, ...]
    journeys: tuple[int, ...] = ()
    """Indexes of the journeys that have this stage."""
    opportunities: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Lane:
    channel_id: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class BreakNote:
    """A breakpoint as the reader is told it: its words, its kind, and where it sends the
    customer in words (`target`: the channel's name, after the step's text when the step
    changes; None when the file does not say)."""

    text: str
    kind: str | None
    target: str | None = None
    same_channel: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One journey's touchpoint in a cell (a shared cell holds one per journey)."""

    journey: int
    name: str
    delights: tuple[str, ...]
    irritants: tuple[str, ...]
    breakpoints: tuple[BreakNote, ...]
    owner: str | None
    volume: int | None
    metrics: dict[str, float]


@dataclass(frozen=True, slots=True)
class Cell:
    column: int
    lane: int
    entries: tuple[Entry, ...]
    moment_of_truth: bool
    channel: str | None = None
    """The channel's name, for views where the lane does not say it (the path view)."""

    @property
    def delights(self) -> int:
        return sum(len(e.delights) for e in self.entries)

    @property
    def irritants(self) -> int:
        return sum(len(e.irritants) for e in self.entries)

    @property
    def breakpoints(self) -> int:
        return sum(len(e.breakpoints) for e in self.entries)

    @property
    def tone(self) -> str:
        """What dominates the cell: 'breakpoint', 'irritant', 'delight' or 'neutral'."""
        if self.breakpoints:
            return "breakpoint"
        if self.irritants > self.delights:
            return "irritant"
        if self.delights > self.irritants:
            return "delight"
        return "neutral"


Position = tuple[int, int]
"""(column index, lane index) of a cell."""


@dataclass(frozen=True, slots=True)
class BreakpointEdge:
    journey: int
    source: Position
    target: Position
    kind: str | None
    text: str
    same_channel: bool = False
    """The customer stays on the channel (a later step, or blocked there): no lane change,
    also in the path view, where rows are not channels."""


@dataclass(frozen=True, slots=True)
class JourneyInfo:
    id: str
    title: str
    persona: str | None


@dataclass(frozen=True, slots=True)
class Grid:
    title: str
    lang: Lang
    journeys: tuple[JourneyInfo, ...]
    stages: tuple[StageSpan, ...]
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    cells: dict[Position, Cell]
    paths: tuple[tuple[Position, ...], ...]
    """Each journey's touchpoints in the order the customer meets them."""
    breakpoints: tuple[BreakpointEdge, ...] = field(default=())

    @property
    def comparison(self) -> bool:
        return len(self.journeys) > 1

    @property
    def blueprint_lanes(self) -> tuple[int, ...]:
        """Which of the frontstage, backstage and support lanes hold an action."""
        return tuple(
            i for i in range(len(BLUEPRINT_LANES)) if any(c.blueprint[i] for c in self.columns)
        )
