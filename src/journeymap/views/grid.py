"""The journey map as a grid: steps across (under their stage), channels down.

Every renderer (Graphviz, and later anything else) draws from this structure, so the
decisions about what the map shows live here once: which columns exist and in what
order, which cell each touchpoint fills, the path the customer follows, where each
breakpoint pushes them, the emotion of each step, and which moments several journeys
share. Nothing here knows about Graphviz.

Several journeys share one grid for comparison: stages, steps and channels are merged by
id, keeping every journey's own order (a stage that comes before a shared stage in one
journey stays before it on the grid), so a comparison still reads left to right in time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from journeymap.model.journey import (
    Action,
    Journey,
    Opportunity,
    Phase,
    Stage,
    Step,
    Touchpoint,
)
from journeymap.views.labels import Lang, label
from journeymap.views.moments import shared_moments

K = TypeVar("K", bound=Hashable)
_PHASE_RANK: dict[Phase | None, int] = {"before": 0, "during": 1, "after": 2, None: 1}


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


def merge_orders(
    sequences: Sequence[Sequence[K]], rank: Callable[[K], int] | None = None
) -> list[K]:
    """One order that keeps every sequence's own order where they agree.

    Among the items whose predecessors are all placed, the lowest `rank` wins (stages
    rank by phase, so a comparison keeps "before", "during" and "after" together), then
    the one seen first; a single sequence comes back unchanged and unrelated items keep
    their order of first appearance. Contradictory orders (a cycle) fall back to first
    appearance.
    """
    first_seen: dict[K, int] = {}
    successors: dict[K, set[K]] = {}
    waiting: dict[K, int] = {}
    for sequence in sequences:
        previous: K | None = None
        for item in sequence:
            first_seen.setdefault(item, len(first_seen))
            successors.setdefault(item, set())
            waiting.setdefault(item, 0)
            if previous is not None and previous != item and item not in successors[previous]:
                successors[previous].add(item)
                waiting[item] += 1
            previous = item

    # Kahn's algorithm with a heap: linear-logarithmic, where rescanning every remaining
    # item at each placement cost minutes for a journey of 10,000 stages.
    def key(item: K) -> tuple[int, int]:
        return (rank(item) if rank else 0, first_seen[item])

    by_appearance = sorted(first_seen, key=first_seen.__getitem__)
    ready = [(key(i), i) for i in by_appearance if waiting[i] == 0]
    heapq.heapify(ready)
    placed: list[K] = []
    done: set[K] = set()
    oldest = 0  # the first item by appearance that may not be placed yet (cycle fallback)
    while len(placed) < len(first_seen):
        if ready:
            _, item = heapq.heappop(ready)
            if item in done:
                continue
        else:
            while by_appearance[oldest] in done:
                oldest += 1
            item = by_appearance[oldest]
        placed.append(item)
        done.add(item)
        for successor in successors[item]:
            waiting[successor] -= 1
            if waiting[successor] == 0 and successor not in done:
                heapq.heappush(ready, (key(successor), successor))
    return placed


def _break_notes(journey: Journey, step: Step, touchpoint: Touchpoint) -> tuple[BreakNote, ...]:
    if not touchpoint.breakpoints:
        return ()  # indexing every step for each touchpoint was quadratic in steps
    steps = {s.id: s for _, _, _, s in journey.iter_steps()}
    notes = []
    for breakpoint in touchpoint.breakpoints:
        target = breakpoint.target()
        where = None
        same = False
        if target is not None:
            to_step, channel_id = target
            channel = journey.channel(channel_id)
            where = channel.name if channel else channel_id
            moved = to_step is not None and to_step != step.id
            if moved and to_step in steps:
                there = next(
                    (t.name for t in steps[to_step].touchpoints if t.channel == channel_id),
                    None,
                )
                where = f"{where} ({there or steps[to_step].text})"
            same = channel_id == touchpoint.channel
        notes.append(BreakNote(breakpoint.text, breakpoint.kind, where, same))
    return tuple(notes)


def _detail(*parts: str | None) -> str:
    return " · ".join(part for part in parts if part)


def _action(action: Action, owners: dict[str, str]) -> Note:
    owner = owners.get(action.owner, action.owner) if action.owner else None
    return Note(action.text, _detail(action.actor, owner, action.system, action.duration))


def _opportunity(opportunity: Opportunity, owners: dict[str, str], lang: Lang) -> Note:
    owner = owners.get(opportunity.owner, opportunity.owner) if opportunity.owner else None
    effect = None
    if opportunity.metric:
        change = "" if opportunity.change is None else f" {opportunity.change:+g}"
        metric = opportunity.metric
        effect = (metric.upper() if metric in {"nps", "csat", "ces"} else metric) + change
    status = label(f"status_{opportunity.status}", lang)
    return Note(opportunity.text, _detail(owner, status, effect), opportunity.status)


def _entry(journey_index: int, journey: Journey, step: Step, touchpoint: Touchpoint) -> Entry:
    owners = {s.id: s.name for s in journey.stakeholders}
    return Entry(
        journey=journey_index,
        name=touchpoint.name or step.text,
        delights=tuple(d.text for d in touchpoint.delights),
        irritants=tuple(i.text for i in touchpoint.irritants),
        breakpoints=_break_notes(journey, step, touchpoint),
        owner=owners.get(touchpoint.owner, touchpoint.owner) if touchpoint.owner else None,
        volume=touchpoint.volume,
        metrics=touchpoint.metrics.measured() if touchpoint.metrics else {},
    )


def build_grid(journeys: Sequence[Journey]) -> Grid:
    """The grid of one journey, or the shared grid of several."""
    if not journeys:
        raise ValueError("build_grid needs at least one journey")
    stage_info = {}
    for journey in reversed(journeys):
        for stage in journey.stages:
            stage_info[stage.id] = stage
    stage_order = merge_orders(
        [[s.id for s in j.stages] for j in journeys],
        rank=lambda sid: _PHASE_RANK[stage_info[sid].phase],
    )
    step_lists: dict[str, list[list[str]]] = {}
    lived_by_step: dict[tuple[str, str], list[tuple[int, Step]]] = {}
    stages_by_id: dict[str, list[tuple[int, Stage]]] = {}
    for ji, journey in enumerate(journeys):
        for stage in journey.stages:
            stages_by_id.setdefault(stage.id, []).append((ji, stage))
            step_lists.setdefault(stage.id, []).append([step.id for step in stage.steps])
            for step in stage.steps:
                lived_by_step.setdefault((stage.id, step.id), []).append((ji, step))
    step_orders = {stage_id: merge_orders(step_lists[stage_id]) for stage_id in stage_order}
    lane_order = merge_orders([[c.id for c in j.channels] for j in journeys])
    lane_info = {}
    for journey in reversed(journeys):
        for channel in journey.channels:
            lane_info[channel.id] = channel
    lanes = tuple(Lane(cid, lane_info[cid].name, lane_info[cid].kind) for cid in lane_order)
    lane_index = {lane.channel_id: i for i, lane in enumerate(lanes)}

    shared = {(m.stage_id, m.step_id) for m in shared_moments(journeys)}
    columns: list[Column] = []
    spans: list[StageSpan] = []
    column_index: dict[tuple[str, str], int] = {}
    for stage_id in stage_order:
        indexes: list[int] = []
        for step_id in step_orders[stage_id]:
            lived = lived_by_step[(stage_id, step_id)]
            emotions: list[int | None] = [None] * len(journeys)
            for ji, step in lived:
                emotions[ji] = step.emotion
            owners = {s.id: s.name for ji, _ in lived for s in journeys[ji].stakeholders}
            steps = [step for _, step in lived]
            index = len(columns)
            column_index[(stage_id, step_id)] = index
            columns.append(
                Column(
                    index=index,
                    stage_id=stage_id,
                    step_id=step_id,
                    text=lived[0][1].text,
                    moment_of_truth=any(step.moment_of_truth for _, step in lived),
                    emotions=tuple(emotions),
                    journeys=tuple(ji for ji, _ in lived),
                    shared=(stage_id, step_id) in shared,
                    thoughts=tuple(
                        Note(t.text, kind=t.kind) for step in steps for t in step.thoughts
                    ),
                    opportunities=tuple(
                        _opportunity(o, owners, journeys[0].lang)
                        for step in steps
                        for o in step.opportunities
                    ),
                    blueprint=tuple(
                        tuple(
                            _action(a, owners) for step in steps for a in dict(step.lanes())[lane]
                        )
                        for lane in BLUEPRINT_LANES
                    ),
                    feeling=next((s.feeling for s in steps if s.feeling), None),
                    duration=next((s.duration for s in steps if s.duration), None),
                )
            )
            indexes.append(index)
        if not indexes:
            # A stage drafted without steps yet still gets its place on the map.
            indexes.append(len(columns))
            columns.append(
                Column(len(columns), stage_id, "", "", False, (None,) * len(journeys), ())
            )
        stage = stage_info[stage_id]
        lived_stages = stages_by_id[stage_id]
        having = tuple(dict.fromkeys(ji for ji, _ in lived_stages))
        stage_owners = {s.id: s.name for ji in having for s in journeys[ji].stakeholders}
        ideas = tuple(
            _opportunity(o, stage_owners, journeys[0].lang)
            for _, s in lived_stages
            for o in s.opportunities
        )
        spans.append(StageSpan(stage_id, stage.name, stage.phase, tuple(indexes), having, ideas))

    entries: dict[Position, list[Entry]] = {}
    moments: dict[Position, bool] = {}
    paths: list[tuple[Position, ...]] = []
    breakpoints: list[BreakpointEdge] = []
    for ji, journey in enumerate(journeys):
        path: list[Position] = []
        step_columns = {
            step.id: column_index[(stage.id, step.id)] for _, stage, _, step in journey.iter_steps()
        }
        for ref, touchpoint in journey.iter_touchpoints():
            position = (column_index[(ref.stage.id, ref.step.id)], lane_index[touchpoint.channel])
            entries.setdefault(position, []).append(_entry(ji, journey, ref.step, touchpoint))
            moments[position] = moments.get(position, False) or ref.step.moment_of_truth
            path.append(position)
            for breakpoint in touchpoint.breakpoints:
                target = breakpoint.target()
                if target is None:
                    continue
                to_step, channel_id = target
                column = step_columns.get(to_step, position[0]) if to_step else position[0]
                if channel_id in lane_index:
                    breakpoints.append(
                        BreakpointEdge(
                            ji,
                            position,
                            (column, lane_index[channel_id]),
                            breakpoint.kind,
                            breakpoint.text,
                            channel_id == touchpoint.channel,
                        )
                    )
        paths.append(tuple(path))

    cells = {
        position: Cell(position[0], position[1], tuple(found), moments[position])
        for position, found in sorted(entries.items())
    }
    infos = tuple(
        JourneyInfo(j.id, j.title, j.persona.name if j.persona else None) for j in journeys
    )
    title = journeys[0].title if len(journeys) == 1 else " · ".join(j.title for j in journeys)
    return Grid(
        title=title,
        lang=journeys[0].lang,
        journeys=infos,
        stages=tuple(spans),
        columns=tuple(columns),
        lanes=lanes,
        cells=cells,
        paths=tuple(paths),
        breakpoints=tuple(breakpoints),
    )


def emotion_view(grid: Grid) -> Grid:
    """Only the stages, the steps, the customer's thoughts and the emotion curve: the
    grid without its lanes (channels and blueprint) and without opportunities."""
    return replace(
        grid,
        lanes=(),
        cells={},
        paths=tuple(() for _ in grid.paths),
        breakpoints=(),
        columns=tuple(
            replace(c, blueprint=tuple(() for _ in c.blueprint), opportunities=())
            for c in grid.columns
        ),
        stages=tuple(replace(s, opportunities=()) for s in grid.stages),
    )


def path_view(grid: Grid) -> Grid:
    """The customer's path told as a storyline: each step's touchpoints stacked in its
    column in the order the customer meets them, each cell naming its channel, so the
    path reads left to right without the empty crossings of the full map."""
    stacks: dict[int, list[Position]] = {}
    for path in grid.paths:
        for position in path:
            stack = stacks.setdefault(position[0], [])
            if position not in stack:
                stack.append(position)
    moved = {old: (old[0], row) for stack in stacks.values() for row, old in enumerate(stack)}
    height = max((len(stack) for stack in stacks.values()), default=0)
    cells = {
        moved[old]: replace(cell, lane=moved[old][1], channel=grid.lanes[old[1]].name)
        for old, cell in grid.cells.items()
        if old in moved
    }
    return replace(
        grid,
        lanes=tuple(Lane("", "", "other") for _ in range(height)),
        cells=dict(sorted(cells.items())),
        paths=tuple(tuple(moved[p] for p in path) for path in grid.paths),
        breakpoints=tuple(
            replace(edge, source=moved[edge.source], target=moved[edge.target])
            for edge in grid.breakpoints
            if edge.source in moved and edge.target in moved
        ),
    )
