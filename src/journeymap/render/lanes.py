"""The format 1.1 rows: the customer's thoughts above the emotion band, and under the
channel lanes (the customer's own lane) the service blueprint: frontstage, the line of
visibility, backstage, support, then the opportunities.

Each action shows its words and, under them, who acts, who answers for it, with which
system and for how long. A row appears only when some step fills it, so format-1
journeys draw as before.
"""

from __future__ import annotations

from journeymap.render.canvas import Canvas, Row, node_name, rule
from journeymap.render.cells import annotation, full_row
from journeymap.render.dotwriter import Graph
from journeymap.render.text import chars, esc, font, lines, table
from journeymap.views.grid import BLUEPRINT_LANES, Column, Note
from journeymap.views.labels import label

MARKS = {
    "thought": "…",
    "quote": "“",
    "question": "?",
    "action": "▸",
    "opportunity": "✦",
}
PLAIN = {"action": ">", "opportunity": "*"}


def _mark(canvas: Canvas, key: str) -> str:
    if canvas.options.plain_marks:
        return PLAIN.get(key, MARKS[key])
    return MARKS[key]


def _stage_ideas(canvas: Canvas, column: Column) -> tuple[Note, ...]:
    """A stage's opportunities go in its first column."""
    if canvas.stage_ideas is None:  # indexed once: a scan per column was quadratic
        canvas.stage_ideas = {
            stage.columns[0]: stage.opportunities for stage in canvas.grid.stages if stage.columns
        }
    return canvas.stage_ideas.get(column.index, ())


def _notes(canvas: Canvas, row: Row, column: Column) -> tuple[tuple[str, Note], ...]:
    if row.kind == "thoughts":
        return tuple((note.kind or "thought", note) for note in column.thoughts)
    if row.kind == "action":
        return tuple(("action", note) for note in column.blueprint[row.index])
    if row.kind == "opportunities":
        ideas = (*_stage_ideas(canvas, column), *column.opportunities)
        return tuple(("opportunity", note) for note in ideas)
    return ()


def _colour(canvas: Canvas, row: Row) -> str:
    theme = canvas.theme
    return {"thoughts": theme.thought, "opportunities": theme.opportunity}.get(row.kind, theme.text)


def note_label(canvas: Canvas, row: Row, column: Column) -> tuple[str, float]:
    """The label of one column's notes in a row, and its height in inches."""
    key = (row.kind, column.index, row.index)
    if key not in canvas.labels:
        canvas.labels[key] = _note_label(canvas, row, column)
    return canvas.labels[key]


def _note_label(canvas: Canvas, row: Row, column: Column) -> tuple[str, float]:
    notes = _notes(canvas, row, column)
    if not notes:
        return "", 0.0
    sizes = canvas.sizes
    width = canvas.widths[column.index]
    colour = _colour(canvas, row)
    rows: list[str] = []
    used = float(sizes.cell_pad)
    stage_ideas = len(_stage_ideas(canvas, column)) if row.kind == "opportunities" else 0
    for index, (key, note) in enumerate(notes):
        if index == 0 and stage_ideas:
            stage = next(s for s in canvas.grid.stages if s.columns[0] == column.index)
            rows.append(full_row(font(esc(stage.name), colour, sizes.small, bold=True), "LEFT"))
            used += sizes.small * sizes.line
        mark = font(esc(_mark(canvas, key)), colour, sizes.note, bold=True)
        italic = row.kind == "thoughts"
        detail, size = note.detail, sizes.detail
        markup, points = annotation(
            mark, note.text, width, colour, sizes.note, detail, italic, detail_size=size
        )
        rows.append(markup)
        used += points + 2
    return f"<{table(rows)}>", used / 72


def rows_above(canvas: Canvas) -> list[Row]:
    thoughts = Row("t", "thoughts", 0.0)
    tallest = max((note_label(canvas, thoughts, c)[1] for c in canvas.grid.columns), default=0)
    return [Row("t", "thoughts", tallest)] if tallest else []


def rows_below(canvas: Canvas) -> list[Row]:
    grid, sizes = canvas.grid, canvas.sizes
    found: list[Row] = []
    used = grid.blueprint_lanes
    for index in used:
        probe = Row(f"a{index}", "action", 0.0, index)
        tallest = max(note_label(canvas, probe, c)[1] for c in grid.columns)
        found.append(Row(probe.key, "action", max(tallest, sizes.min_action_height), index))
        if index == 0 and any(i > 0 for i in used):
            found.append(Row("v", "visibility", sizes.visibility_height))
    if used and used[0] > 0:
        # no frontstage: the line still separates the customer from what they do not see
        found.insert(0, Row("v", "visibility", sizes.visibility_height))
    ideas = Row("o", "opportunities", 0.0)
    tallest = max((note_label(canvas, ideas, c)[1] for c in grid.columns), default=0)
    if tallest:
        found.append(Row("o", "opportunities", tallest))
    return found


def label_node(canvas: Canvas, column: Graph, row: Row) -> None:
    theme, sizes = canvas.theme, canvas.sizes
    if row.kind == "visibility":
        text = font(
            esc(label("visibility", canvas.grid.lang)), theme.muted, sizes.scale, italic=True
        )
        column.node(
            f"lab_{row.key}",
            label=f"<{text}>",
            shape="plaintext",
            style="",
            width=f"{sizes.label_width:g}",
            height=f"{row.height:g}",
        )
        return
    key = {"thoughts": "thoughts", "opportunities": "opportunities"}.get(
        row.kind, BLUEPRINT_LANES[row.index]
    )
    name = lines(
        label(key, canvas.grid.lang),
        chars(sizes.label_width, sizes.lane_name, bold=True),
        sizes.lane_name_lines,
    )
    colour = theme.lane_text if row.kind == "action" else _colour(canvas, row)
    fill = (
        theme.blueprint_fill[BLUEPRINT_LANES[row.index]]
        if row.kind == "action"
        else theme.background
    )
    column.node(
        f"lab_{row.key}",
        label=f"<{font(name, colour, sizes.lane_name, bold=True)}>",
        fillcolor=fill,
        color=theme.lane_fill if row.kind == "action" else theme.background,
        width=f"{sizes.label_width:g}",
        height=f"{row.height:.3f}",
    )


def node(canvas: Canvas, rank: Graph, column: Column, row: Row) -> None:
    theme = canvas.theme
    name = node_name(row.key, column.index)
    width = f"{canvas.widths[column.index]:g}"
    if row.kind == "visibility":
        rank.node(name, label="", style="invis", width=width, height=f"{row.height:g}")
        return
    text, _ = note_label(canvas, row, column)
    if row.kind == "action":
        lane = BLUEPRINT_LANES[row.index]
        rank.node(
            name,
            label=text,
            style="filled,rounded" if text else "rounded",
            fillcolor=theme.blueprint_fill[lane],
            color=theme.cell_border if text else theme.empty_border,
            width=width,
            height=f"{row.height:.3f}",
        )
        return
    rank.node(
        name,
        label=text,
        shape="plaintext",
        style="",
        width=width,
        height=f"{row.height:.3f}",
    )


def visibility_line(canvas: Canvas, tail: str, head: str) -> None:
    """The line of visibility: what is above it, the customer sees."""
    rule(canvas, tail, head, canvas.theme.visibility, canvas.sizes.penwidth_visibility)
