"""The grid as Graphviz DOT: the frame (rows, columns, stages and phases) that the other
modules of this package fill.

The layout follows what held on every engine tried (notes/graphviz.md): left to right,
`newrank`, every cell a node, one `rank=same` group per column holding an invisible
chain that fixes the row order (`render.canvas` lists the rows), heavy invisible edges
along each row, and every drawn edge with `constraint=false` so that it never moves a
cell. Stages and phases are clusters around whole columns: a column is a whole rank, so
crossing minimisation has nothing to reorder inside them. Edges are straight
(`splines=line`): the emotion curve cannot overshoot, and path arrows between
neighbouring columns stay in the gap between them.

What goes in each place is drawn elsewhere: `cells` (touchpoints and their words),
`emotion` (the band and the curve), `path` (the path and breakpoint arrows), `lanes`
(thoughts, blueprint lanes, opportunities), `comparison` and `legend`.

Node names are derived from grid positions and attributes are written in a fixed order,
so the same journeys always give the same DOT, byte for byte.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from journeymap.render import cells, comparison, emotion, lanes, legend, path
from journeymap.render.canvas import SHOW_FIELDS, Canvas, Options, Row, node_name
from journeymap.render.dotwriter import Digraph, Graph, attr_list
from journeymap.render.text import chars, esc, font, lines, plain, wrap
from journeymap.views.grid import Column, Grid, StageSpan
from journeymap.views.labels import label

__all__ = ["SHOW_FIELDS", "Options", "build_dot"]


def build_dot(grid: Grid, options: Options) -> str:
    """The DOT source of the map view."""
    # the graph's name becomes the SVG's <title>, which screen readers announce
    canvas = Canvas(grid, options, Digraph(plain(grid.title)))
    canvas.widths = cells.column_widths(canvas)
    canvas.header_lines = _header_lines(canvas)
    canvas.rows = _rows(canvas)
    _frame(canvas)
    _label_column(canvas)
    for phase_index, (phase, stages) in enumerate(_phase_runs(grid)):
        with canvas.graph.subgraph(f"cluster_phase{phase_index}") as band:
            fill = canvas.theme.phase_fill[phase or "none"]
            band.attr(
                label=_phase_label(canvas, phase),
                style="filled",
                fillcolor=fill,
                color=fill,
                fontsize=f"{canvas.sizes.phase:g}",
                labeljust="l",
                margin=f"{canvas.sizes.phase_margin:g}",
            )
            for stage_index in stages:
                _stage(canvas, band, stage_index)
    level, rest = emotion.along_rows(emotion.segments(canvas))
    _row_chains(canvas, level)
    emotion.draw(canvas, rest)
    path.path_edges(canvas)
    path.breakpoint_edges(canvas)
    return canvas.graph.source


def _rows(canvas: Canvas) -> list[Row]:
    found = [Row("step", "step", _step_height(canvas))]
    found += lanes.rows_above(canvas)
    found += emotion.rows(canvas)
    heights = cells.lane_heights(canvas)
    found += [Row(f"l{i}", "lane", h, i) for i, h in enumerate(heights)]
    found += lanes.rows_below(canvas)
    return found


def _frame(canvas: Canvas) -> None:
    theme, sizes, graph = canvas.theme, canvas.sizes, canvas.graph
    graph.attr(
        "graph",
        rankdir="LR",
        newrank="true",
        splines="line",
        outputorder="edgesfirst",
        # without lanes (the emotion view) the curve gets the room
        nodesep=f"{sizes.nodesep if canvas.grid.lanes else sizes.nodesep_emotion:g}",
        ranksep=f"{sizes.ranksep:g}",
        bgcolor=theme.background,
        fontname=canvas.font,
        fontcolor=theme.text,
        pad=f"{sizes.pad:g}",
        labelloc="t",
        labeljust="l",
        label=legend.title(canvas),
    )
    graph.attr(
        "node",
        shape="box",
        style="filled,rounded",
        fontname=canvas.font,
        fontsize=f"{sizes.text:g}",
        fontcolor=theme.text,
        margin="0.05,0.03",
        penwidth="1",
    )
    graph.attr(
        "edge",
        arrowsize=f"{sizes.arrowsize:g}",
        penwidth=f"{sizes.penwidth_edge:g}",
        color=theme.path,
    )


def _phase_label(canvas: Canvas, phase: str | None) -> str:
    text = label(phase, canvas.grid.lang).upper() if phase else ""
    return f"<{font(esc(text), canvas.theme.muted, canvas.sizes.phase, bold=True)}>" if text else ""


def _phase_runs(grid: Grid) -> list[tuple[str | None, list[int]]]:
    runs: list[tuple[str | None, list[int]]] = []
    for index, stage in enumerate(grid.stages):
        if runs and runs[-1][0] == stage.phase:
            runs[-1][1].append(index)
        else:
            runs.append((stage.phase, [index]))
    return runs


def _step_lines(canvas: Canvas, column: Column) -> tuple[list[str], str]:
    """The step's text in lines, and its small line (named feeling, duration)."""
    width = cells.step_chars(canvas, column, canvas.widths[column.index])
    extra = " · ".join(part for part in (column.feeling, column.duration) if part)
    return wrap(column.text, width, canvas.sizes.step_lines), extra


def _step_height(canvas: Canvas) -> float:
    sizes = canvas.sizes
    tallest = 1.0
    for column in canvas.grid.columns:
        text, extra = _step_lines(canvas, column)
        tallest = max(
            tallest, len(text) * sizes.step * sizes.line + (sizes.small * 1.3 if extra else 0)
        )
    return (tallest + 10) / 72


def _label_column(canvas: Canvas) -> None:
    theme, sizes, graph = canvas.theme, canvas.sizes, canvas.graph
    width = f"{sizes.label_width:g}"
    with graph.subgraph("labels") as column:
        column.attr(rank="same")
        for row in canvas.rows:
            name = f"lab_{row.key}"
            if row.kind == "emotion":
                emotion.label_node(canvas, column, row)
            elif row.kind == "lane" and canvas.grid.lanes[row.index].name:
                lane = canvas.grid.lanes[row.index]
                text = lines(
                    lane.name,
                    chars(sizes.label_width, sizes.lane_name, bold=True),
                    sizes.lane_name_lines,
                )
                column.node(
                    name,
                    label=f"<{font(text, theme.lane_text, sizes.lane_name, bold=True)}>",
                    fillcolor=theme.lane_fill,
                    color=theme.lane_fill,
                    width=width,
                    height=f"{row.height:.3f}",
                )
            elif row.kind in {"thoughts", "action", "visibility", "opportunities"}:
                lanes.label_node(canvas, column, row)
            else:
                column.node(name, label="", style="invis", width=width, height=f"{row.height:.3f}")
        _chain(column, (f"lab_{row.key}" for row in canvas.rows))


def _stage(canvas: Canvas, parent: Graph, stage_index: int) -> None:
    theme, sizes = canvas.theme, canvas.sizes
    stage = canvas.grid.stages[stage_index]
    width_in = _stage_width(canvas, stage)
    count = chars(width_in, sizes.stage, bold=True)
    wrapped = lines(stage.name, count, sizes.stage_lines)
    # every header as tall as the tallest, so the stage boxes line up
    missing = canvas.header_lines - (wrapped.count("<BR/>") + 1)
    name = font(wrapped + "<BR/> " * missing, theme.header_text, sizes.stage, True)
    whose = comparison.stage_owner_line(canvas, stage, chars(width_in, sizes.small))
    if whose:
        name += "<BR/>" + whose
    header = (
        f'<<TABLE BORDER="0" CELLPADDING="5" CELLSPACING="0">'
        f'<TR><TD BGCOLOR="{theme.header_fill}" WIDTH="{width_in * 72 - 4:.0f}" STYLE="rounded">'
        f"{name}</TD></TR></TABLE>>"
    )
    with parent.subgraph(f"cluster_stage{stage_index}") as box:
        box.attr(
            label=header,
            style="rounded",
            color=theme.stage_border,
            penwidth="1",
            labeljust="c",
            margin=f"{sizes.stage_margin:g}",
        )
        for column_index in stage.columns:
            _column(canvas, box, canvas.grid.columns[column_index])


def _stage_width(canvas: Canvas, stage: StageSpan) -> float:
    """Inches from the first column's left side to the last one's right side."""
    widths = [canvas.widths[k] for k in stage.columns]
    return sum(widths) + (len(widths) - 1) * canvas.sizes.ranksep


def _header_lines(canvas: Canvas) -> int:
    sizes, grid = canvas.sizes, canvas.grid
    tallest = 1
    for stage in grid.stages:
        count = chars(_stage_width(canvas, stage), sizes.stage, bold=True)
        tallest = max(tallest, len(wrap(stage.name, count, sizes.stage_lines)))
    return tallest


def _column(canvas: Canvas, parent: Graph, column: Column) -> None:
    with parent.subgraph(f"col{column.index}") as rank:
        rank.attr(rank="same")
        for row in canvas.rows:
            if row.kind == "step":
                _step_node(canvas, rank, column, row)
            elif row.kind == "emotion":
                emotion.point_node(canvas, rank, column, row)
            elif row.kind == "lane":
                cells.cell_node(canvas, rank, column, row.index, row.height)
            else:
                lanes.node(canvas, rank, column, row)
        _chain(rank, (node_name(row.key, column.index) for row in canvas.rows))


def _step_node(canvas: Canvas, rank: Graph, column: Column, row: Row) -> None:
    theme, sizes = canvas.theme, canvas.sizes
    text, extra = _step_lines(canvas, column)
    body = "<BR/>".join(esc(line) for line in text) if column.text else ""
    marks = comparison.owners(canvas, column)
    marks += " " if marks else ""
    if column.moment_of_truth:
        mark = font(canvas.mark("moment_of_truth"), theme.mark["moment_of_truth"], sizes.stage)
        marks += mark + " "
    if column.shared:
        marks += font(canvas.mark("shared"), theme.mark["shared"], sizes.stage, bold=True) + " "
    markup = f"{marks}{font(body, theme.text, sizes.step, italic=True)}" if body else ""
    if extra:
        markup += "<BR/>" + font(esc(extra), theme.muted, sizes.small)
    header = f"<{markup}>" if markup else ""
    if canvas.options.highlight is not None:
        header = canvas.options.highlight.header(column.step_id, header)
    rank.node(
        node_name("step", column.index),
        label=header,
        shape="plaintext",
        style="",
        width=f"{canvas.widths[column.index]:g}",
        height=f"{row.height:.3f}",
        tooltip=plain(column.text),
    )


def _row_chains(canvas: Canvas, curve: dict[tuple[str, str], dict[str, str]]) -> None:
    """The heavy edges that hold each row straight; where the emotion curve runs along
    a row, its piece is drawn by that edge (`emotion.along_rows`)."""
    columns = range(len(canvas.grid.columns))
    for row in canvas.rows:
        nodes = [f"lab_{row.key}"] + [node_name(row.key, k) for k in columns]
        for index, (tail, head) in enumerate(itertools.pairwise(nodes)):
            piece = curve.get((tail, head))
            if piece is not None:
                canvas.graph.edge(tail, head, weight="100", **piece)
            elif row.key == "ep0" and index > 0:
                emotion.baseline(canvas, tail, head)
            elif row.kind == "visibility" and index > 0:
                lanes.visibility_line(canvas, tail, head)
            else:
                canvas.graph.edge_listed(tail, head, _HEAVY)


_HEAVY = attr_list(style="invis", weight="100")
_INVISIBLE = attr_list(style="invis")


def _chain(graph: Graph, names: Iterable[str]) -> None:
    for tail, head in itertools.pairwise(names):
        graph.edge_listed(tail, head, _INVISIBLE)
