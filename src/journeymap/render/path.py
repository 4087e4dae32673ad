"""The customer's path from touchpoint to touchpoint, and where breakpoints send them.

Edges never move a cell (`constraint=false`). Breakpoints are drawn by kind, so the three
are told apart at a glance even in grey: forced, a dashed arrow to where the customer is
pushed; blocked, a solid line ending in a bar; unspecified, a dotted line with an open
head. A breakpoint that stays on its channel has no arrow (it would cross the lane's
other cells): its words in the cell say where it leads. Within one column, a breakpoint
runs along the right side of the cells, apart from the path, which crosses the gap
between them (wide enough, `Sizes.nodesep`, for its arrow to show).
"""

from __future__ import annotations

import itertools

from journeymap.render.canvas import Canvas, node_name
from journeymap.render.text import plain
from journeymap.views.grid import BreakpointEdge, Position

KIND_STYLE = {
    "forced": ("dashed", "vee"),
    "blocked": ("solid", "tee"),
    "unspecified": ("dotted", "empty"),
}


def cell(position: Position) -> str:
    return node_name(f"l{position[1]}", position[0])


def route(canvas: Canvas, source: Position, target: Position) -> list[Position]:
    """The cells a path edge passes through.

    An edge that skips columns (in a comparison, one journey passing the other's
    stages) runs along a lane whose cells in between are empty (drawn without fill, so
    the line shows through them), the target's lane first, then the source's, then the
    nearest; left to dot, it would be routed around the whole grid.
    """
    (k1, lane1), (k2, lane2) = source, target
    if k2 <= k1 + 1:
        return [source, target]
    between = range(k1 + 1, k2)
    lanes = sorted(
        range(len(canvas.grid.lanes)),
        key=lambda lane: (lane != lane2, lane != lane1, abs(lane - lane2), lane),
    )
    for lane in lanes:
        if all((k, lane) not in canvas.grid.cells for k in between):
            return [source, *((k, lane) for k in between), target]
    return [source, target]


def path_edges(canvas: Canvas) -> None:
    theme, grid, sizes = canvas.theme, canvas.grid, canvas.sizes
    for j, path in enumerate(grid.paths):
        colour = canvas.journey_colour(j) if grid.comparison else theme.path
        for source, target in itertools.pairwise(path):
            if source == target:
                continue
            hops = route(canvas, source, target)
            for index, (tail, head) in enumerate(itertools.pairwise(hops)):
                last = index == len(hops) - 2
                attrs = {
                    "constraint": "false",
                    "color": colour,
                    "penwidth": f"{sizes.penwidth_path:g}",
                }
                if index > 0:
                    attrs["tailclip"] = "false"
                if not last:
                    attrs.update(headclip="false", arrowhead="none")
                canvas.graph.edge(cell(tail), cell(head), **attrs)


def kind(edge: BreakpointEdge) -> str:
    return edge.kind if edge.kind in KIND_STYLE else "unspecified"


def drawn(edge: BreakpointEdge) -> bool:
    """Whether the breakpoint gets an arrow: only when it changes channel."""
    return not edge.same_channel and edge.source != edge.target


def breakpoint_edges(canvas: Canvas) -> None:
    theme, sizes = canvas.theme, canvas.sizes
    for edge in canvas.grid.breakpoints:
        if not drawn(edge):
            continue
        name = kind(edge)
        style, arrowhead = KIND_STYLE[name]
        extra = sizes.penwidth_blocked_extra if name == "blocked" else 0
        attrs = {
            "constraint": "false",
            "style": style,
            "color": theme.breakpoint_kind[name],
            "penwidth": f"{sizes.penwidth_breakpoint + extra:g}",
            "arrowhead": arrowhead,
            "arrowsize": f"{sizes.breakpoint_arrowsize:g}",
            "tooltip": plain(edge.text),
        }
        if edge.source[0] == edge.target[0]:
            attrs.update(tailport="e", headport="e")
        canvas.graph.edge(cell(edge.source), cell(edge.target), **attrs)
