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

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from journeymap.views.grid_parts import (
    BLUEPRINT_LANES,
    BreakNote,
    BreakpointEdge,
    Cell,
    Column,
    Entry,
    Grid,
    JourneyInfo,
    Lane,
    Note,
    Position,
    StageSpan,
)
from journeymap.views.grid_words import action_note, entry, opportunity_note
from journeymap.views.moments import shared_moments
from journeymap.views.order import merge_orders

if TYPE_CHECKING:
    from journeymap.model.journey import Journey, Phase, Stage, Step

__all__ = [
    "BLUEPRINT_LANES",
    "BreakNote",
    "BreakpointEdge",
    "Cell",
    "Column",
    "Entry",
    "Grid",
    "JourneyInfo",
    "Lane",
    "Note",
    "Position",
    "StageSpan",
    "build_grid",
    "emotion_view",
    "merge_orders",
    "path_view",
]

_PHASE_RANK: dict[Phase | None, int] = {"before": 0, "during": 1, "after": 2, None: 1}


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
                        opportunity_note(o, owners, journeys[0].words_lang)
                        for step in steps
                        for o in step.opportunities
                    ),
                    blueprint=tuple(
                        tuple(
                            action_note(a, owners)
                            for step in steps
                            for a in dict(step.lanes())[lane]
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
            opportunity_note(o, stage_owners, journeys[0].words_lang)
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
            entries.setdefault(position, []).append(entry(ji, journey, ref.step, touchpoint))
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
        lang=journeys[0].words_lang,
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
