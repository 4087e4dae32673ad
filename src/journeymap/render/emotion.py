"""The emotion band: one slot per level (+2 at the top), a point per rated step, and the
curve through them.

The curve is drawn in straight segments (the graph uses `splines=line`), from each
column to the next: a spline routed through uneven columns overshot its column's range
and looped backwards at stage boundaries. Across steps a journey does not rate (or, in a
comparison, does not live), the segment passes through the empty slots in between at the
interpolated level, rounded, so it stays monotone and never leaves the range of its ends.
"""

from __future__ import annotations

import itertools

from journeymap.render.canvas import EMOTION_LEVELS, Canvas, Row, level_key, node_name, rule
from journeymap.render.dotwriter import Graph
from journeymap.render.text import esc, font, plain
from journeymap.render.themes import JOURNEY_SHAPES
from journeymap.views.grid import Column
from journeymap.views.labels import label

SIGNS = {2: "+2", 1: "+1", 0: "0", -1: "-1", -2: "-2"}
"""The levels as every output writes a figure (`views/numbers`): the hyphen-minus."""


def rows(canvas: Canvas) -> list[Row]:
    if not canvas.emotion:
        return []
    slot = canvas.sizes.emotion_slot
    return [Row(f"e{level_key(level)}", "emotion", slot, level) for level in EMOTION_LEVELS]


def label_node(canvas: Canvas, column: Graph, row: Row) -> None:
    """The scale on the left: the band's name beside 0, each level's sign in its own cell
    (so no renderer runs the name into the number)."""
    theme, sizes = canvas.theme, canvas.sizes
    name = esc(label("emotion", canvas.lang).capitalize()) if row.index == 0 else ""
    width_pt = sizes.label_width * 72
    markup = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD ALIGN="RIGHT" WIDTH="{width_pt - 34:.0f}">'
        f"{font(name, theme.muted, sizes.scale_name, bold=True)}</TD>"
        f'<TD ALIGN="RIGHT" WIDTH="24">{font(SIGNS[row.index], theme.muted, sizes.scale)}</TD>'
        "</TR></TABLE>>"
    )
    column.node(
        f"lab_{row.key}",
        label=markup,
        shape="plaintext",
        style="",
        width=f"{sizes.label_width:g}",
        height=f"{row.height:g}",
    )


def point_node(canvas: Canvas, rank: Graph, column: Column, row: Row) -> None:
    """A column's slot at one level: a point where a journey rates the step so, else an
    invisible place holder that keeps the band's rows aligned."""
    theme, sizes = canvas.theme, canvas.sizes
    name = node_name(row.key, column.index)
    here = [j for j, e in enumerate(column.emotions) if e == row.index]
    if not here:
        rank.node(name, label="", style="invis", width="0.1", height=f"{sizes.emotion_slot:g}")
        return
    shape = "circle"
    if canvas.grid.comparison:
        colours = [canvas.journey_colour(j) for j in here]
        fill = ":".join(colours)
        style = "wedged" if len(colours) > 1 else "filled"
        if len(here) == 1:  # the journey's own shape; a shared level stays a wedged circle
            shape = JOURNEY_SHAPES[here[0] % len(JOURNEY_SHAPES)]
    else:
        fill, style = theme.emotion_fill[row.index], "filled"
    tooltip = f"{label('emotion', canvas.grid.lang)} {SIGNS[row.index]}"
    if column.feeling:
        tooltip += f" ({column.feeling})"
    rank.node(
        name,
        label="",
        shape=shape,
        style=style,
        fillcolor=fill,
        color=theme.emotion_line,
        width=f"{sizes.emotion_point:g}",
        height=f"{sizes.emotion_point:g}",
        fixedsize="true",
        tooltip=plain(tooltip),
    )


def baseline(canvas: Canvas, tail: str, head: str) -> None:
    """The neutral emotion, a faint dashed line to read the curve against."""
    rule(canvas, tail, head, canvas.theme.stage_border, canvas.sizes.penwidth_baseline)


Segment = tuple[str, str, dict[str, str]]
"""One straight piece of the curve: tail node, head node, edge attributes."""


def gaps(canvas: Canvas) -> set[str]:
    """How the curve crosses steps without a point: "dashed" across steps a journey does
    not rate, "dotted" across columns it does not live (what the legend must explain)."""
    if not canvas.emotion:
        return set()
    grid = canvas.grid
    found: set[str] = set()
    for j in range(len(grid.journeys)):
        rated = [c.index for c in grid.columns if c.emotions[j] is not None]
        for k1, k2 in itertools.pairwise(rated):
            if k2 > k1 + 1:
                lived = any(j in c.journeys for c in grid.columns[k1 + 1 : k2])
                found.add("dashed" if lived else "dotted")
    return found


def segments(canvas: Canvas) -> list[Segment]:
    """The curve of each journey, column to column, in drawing order."""
    if not canvas.emotion:
        return []
    theme, grid = canvas.theme, canvas.grid
    found: list[Segment] = []
    for j in range(len(grid.journeys)):
        points = [(c.index, c.emotions[j]) for c in grid.columns if c.emotions[j] is not None]
        colour = canvas.journey_colour(j) if grid.comparison else theme.emotion_line
        for (k1, e1), (k2, e2) in itertools.pairwise(points):
            assert e1 is not None and e2 is not None
            # Dashed where this journey's steps are not rated, dotted across the
            # columns it does not live.
            gap = any(j in c.journeys for c in grid.columns[k1 + 1 : k2])
            style = "solid" if k2 == k1 + 1 else ("dashed" if gap else "dotted")
            hops = [(k1, e1)]
            for k in range(k1 + 1, k2):
                hops.append((k, round(e1 + (e2 - e1) * (k - k1) / (k2 - k1))))
            hops.append((k2, e2))
            for index, ((ka, ea), (kb, eb)) in enumerate(itertools.pairwise(hops)):
                attrs = {
                    "constraint": "false",
                    "arrowhead": "none",
                    "color": colour,
                    "penwidth": f"{canvas.sizes.penwidth_emotion:g}",
                    "style": style,
                }
                if index > 0:
                    attrs["tailclip"] = "false"
                if index < len(hops) - 2:
                    attrs["headclip"] = "false"
                tail = node_name(f"e{level_key(ea)}", ka)
                found.append((tail, node_name(f"e{level_key(eb)}", kb), attrs))
    return found


def along_rows(found: list[Segment]) -> tuple[dict[tuple[str, str], dict[str, str]], list[Segment]]:
    """The level pieces that the rows' own edges draw, by their ends, and the others.

    Graphviz draws the edges between one pair of nodes as a bundle, bowed apart so that
    each shows, even with `splines=line`: a level piece beside its row's heavy edge (the
    invisible one, or the neutral dashed line) came out as a slight arc, and the
    dashed line under it too. The row's edge, which holds the row straight, takes the
    piece's colour and style instead (at level 0 the curve covers the dashed line
    there anyway). Where two journeys of a comparison run along the same pair, the
    second stays an edge of its own, bowed away, so that both show.
    """
    taken: dict[tuple[str, str], dict[str, str]] = {}
    rest: list[Segment] = []
    for tail, head, attrs in found:
        same_row = tail.split("_", 1)[1] == head.split("_", 1)[1]
        if same_row and (tail, head) not in taken:
            taken[(tail, head)] = {k: v for k, v in attrs.items() if k != "constraint"}
        else:
            rest.append((tail, head, attrs))
    return taken, rest


def draw(canvas: Canvas, rest: list[Segment]) -> None:
    for tail, head, attrs in rest:
        canvas.graph.edge(tail, head, **attrs)
