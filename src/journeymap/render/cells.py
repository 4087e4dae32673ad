"""The grid's cells: a touchpoint's name and, under it, the words of its delights,
irritants and breakpoints (or, with `compact`, how many there are), and how wide and tall
each column and lane must be for that text.

Sizes come from the text: a column takes the narrowest width in which its densest cell
reads without growing too tall, and a lane is as tall as its tallest cell. Nodes are
sized to that estimate but not fixed, so a renderer that measures wider text than the
estimate grows the node instead of letting the text overflow it.
"""

from __future__ import annotations

from journeymap.render.canvas import Canvas, node_name
from journeymap.render.dotwriter import Graph
from journeymap.render.text import (
    chars,
    esc,
    font,
    height,
    joined,
    lines,
    metrics_text,
    plain,
    table,
    width_of,
    wrap,
)
from journeymap.views import numbers
from journeymap.views.grid import BreakNote, Cell, Column, Entry, Note
from journeymap.views.labels import label


def annotation(
    mark: str,
    text: str,
    width: float,
    colour: str,
    size: float,
    detail: str = "",
    italic: bool = False,
    detail_colour: str | None = None,
    *,
    detail_size: float,
) -> tuple[str, float]:
    """A mark with wrapped words beside it (a hanging indent), and an optional line in
    `detail_size` under the words; returns the table row and its height in points."""
    wrapped = wrap(text, chars(width, size) - 2)
    body = font(joined(wrapped), colour, size, italic=italic)
    used = height(len(wrapped), size)
    if detail:
        small = detail_size
        wrapped = wrap(detail, chars(width, small) - 2)
        body += "<BR/>" + font(joined(wrapped), detail_colour or colour, small)
        used += height(len(wrapped), small)
    markup = (
        f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">{mark}</TD>'
        f'<TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD></TR>'
    )
    return markup, used + 2


def full_row(markup: str, align: str = "CENTER") -> str:
    balign = ' BALIGN="LEFT"' if align == "LEFT" else ""
    return f'<TR><TD COLSPAN="2" ALIGN="{align}"{balign}>{markup}</TD></TR>'


def breakpoint_detail(note: BreakNote, canvas: Canvas) -> str:
    """Where the breakpoint sends the customer, and how, in words."""
    lang = canvas.grid.lang
    if note.kind == "blocked":
        text = label("blocked", lang)
        return f"{text} → {note.target}" if note.target else text
    if note.kind == "forced":
        return f"{label('forced_to', lang)} {note.target}" if note.target else label("forced", lang)
    return f"→ {note.target}" if note.target else ""


def _entry_words(canvas: Canvas, entry: Entry, width: float) -> tuple[list[str], float]:
    theme, sizes = canvas.theme, canvas.sizes
    rows: list[str] = []
    used = 0.0
    items: list[tuple[str, str, str, str]] = [
        ("delight", text, "", theme.text) for text in entry.delights
    ]
    items += [("irritant", text, "", theme.text) for text in entry.irritants]
    items += [
        (
            "breakpoint",
            b.text,
            breakpoint_detail(b, canvas),
            theme.breakpoint_words[b.kind or "unspecified"],
        )
        for b in entry.breakpoints
    ]
    for key, text, detail, colour in items:
        mark = font(canvas.mark(key), theme.mark[key], sizes.note, bold=True)
        markup, points = annotation(
            mark,
            text,
            width,
            theme.text,
            sizes.note,
            detail,
            detail_colour=colour,
            detail_size=sizes.detail,
        )
        rows.append(markup)
        used += points
    return rows, used


def _entry_counts(canvas: Canvas, entry: Entry) -> str:
    theme = canvas.theme
    marks = []
    for key, count in (
        ("delight", len(entry.delights)),
        ("irritant", len(entry.irritants)),
        ("breakpoint", len(entry.breakpoints)),
    ):
        if count:
            mark = f"{canvas.mark(key)} {count}"
            marks.append(font(mark, theme.mark[key], canvas.sizes.text, bold=True))
    return "   ".join(marks)


def _entry_rows(
    canvas: Canvas, entry: Entry, width: float, cell_entries: tuple[Entry, ...]
) -> tuple[list[str], float]:
    """The rows under a touchpoint's name, and their height in points."""
    theme, sizes, lang = canvas.theme, canvas.sizes, canvas.grid.lang
    rows: list[str] = []
    used = 0.0
    prefix = ""
    if canvas.grid.comparison:
        prefix = canvas.journey_mark(entry.journey, sizes.text) + " "
    if canvas.options.compact:
        counts = _entry_counts(canvas, entry)
        if counts or prefix:
            rows.append(full_row(prefix + counts))
            used += height(1, sizes.text)
    else:
        shared = len({e.journey for e in cell_entries}) > 1
        if shared and prefix and (entry.delights or entry.irritants or entry.breakpoints):
            rows.append(full_row(prefix))
            used += height(1, sizes.text)
        words, points = _entry_words(canvas, entry, width)
        rows.extend(words)
        used += points
    small = sizes.small
    extra: list[tuple[str, str]] = []
    if "owner" in canvas.options.show and entry.owner:
        extra.append((entry.owner, theme.muted))
    if "metrics" in canvas.options.show and entry.metrics:
        extra.append((metrics_text(entry.metrics, lang), theme.text))
    if "volume" in canvas.options.show and entry.volume is not None:
        volume = numbers.figure("volume", entry.volume, lang)
        extra.append((f"{label('volume', lang)} {volume}", theme.muted))
    for text, colour in extra:
        # figures stay on one line (the cell widens a little rather than split a score)
        wrapped = lines(text, chars(width, small)) if text == entry.owner else esc(text)
        rows.append(full_row(font(wrapped, colour, small)))
        used += height(wrapped.count("<BR/>") + 1, small)
    return rows, used


def cell_label(canvas: Canvas, cell: Cell) -> tuple[str, float]:
    """The cell's label and its height in inches."""
    key = ("cell", cell.column, cell.lane)
    if key not in canvas.labels:
        canvas.labels[key] = _cell_label(canvas, cell, canvas.widths[cell.column])
    return canvas.labels[key]


def _cell_label(canvas: Canvas, cell: Cell, width: float) -> tuple[str, float]:
    theme, sizes = canvas.theme, canvas.sizes
    first = cell.entries[0]
    count = chars(width, sizes.text, bold=True)
    name = lines(first.name, count, sizes.name_lines)
    used = height(name.count("<BR/>") + 1, sizes.text)
    if canvas.grid.columns[cell.column].shared and len({e.journey for e in cell.entries}) > 1:
        name = font(canvas.mark("shared"), theme.mark["shared"]) + " " + name
    if cell.moment_of_truth:
        name = font(canvas.mark("moment_of_truth"), theme.mark["moment_of_truth"]) + " " + name
    rows = []
    if cell.channel:
        rows.append(
            full_row(
                font(lines(cell.channel, chars(width, sizes.small), 1), theme.muted, sizes.small)
            )
        )
        used += height(1, sizes.small)
    if canvas.grid.comparison and not canvas.options.compact and len(cell.entries) == 1:
        name = canvas.journey_mark(first.journey, sizes.text) + " " + name
    rows.append(full_row(font(name, theme.text, sizes.text, bold=True)))
    for entry in cell.entries:
        extra, points = _entry_rows(canvas, entry, width, cell.entries)
        rows.extend(extra)
        used += points
    used += 2 * len(rows) + sizes.cell_pad
    return f"<{table(rows)}>", used / 72


def column_need(canvas: Canvas, column: Column, cells: list[Cell]) -> int:
    """Characters of words in the column's densest cell: what its width is chosen from."""
    if canvas.options.compact:
        return 0
    need = 0
    for cell in cells:
        words = [w for e in cell.entries for w in (*e.delights, *e.irritants)]
        words += [
            f"{b.text} {breakpoint_detail(b, canvas)}" for e in cell.entries for b in e.breakpoints
        ]
        # each item also costs its mark and the end of a half-filled line
        need = max(need, sum(width_of(w) + 6 for w in words))
    notes: list[tuple[Note, ...]] = [column.thoughts, column.opportunities, *column.blueprint]
    for group in notes:
        need = max(need, sum(width_of(n.text) + width_of(n.detail) + 6 for n in group))
    return need


def column_widths(canvas: Canvas) -> list[float]:
    sizes = canvas.sizes
    widths = []
    by_column: dict[int, list[Cell]] = {}
    for (k, _), cell in canvas.grid.cells.items():
        by_column.setdefault(k, []).append(cell)
    for column in canvas.grid.columns:
        need = column_need(canvas, column, by_column.get(column.index, []))
        chosen = sizes.cell_widths[-1]
        for width, fits in zip(sizes.cell_widths, sizes.cell_fits, strict=False):
            if need <= fits and _step_fits(canvas, column, width):
                chosen = width
                break
        widths.append(chosen)
    return widths


def step_chars(canvas: Canvas, column: Column, width: float) -> int:
    """Characters of the step's text on a line of its header, beside its marks."""
    count = chars(width, canvas.sizes.step)
    if column.moment_of_truth or column.shared or canvas.grid.comparison:
        count -= 3 + len(column.journeys)
    return count


def _step_fits(canvas: Canvas, column: Column, width: float) -> bool:
    """Whether the step's words fit its header's lines at `width` (a wider column rather
    than a text cut short)."""
    limit = canvas.sizes.step_lines
    return len(wrap(column.text, step_chars(canvas, column, width), limit + 1)) <= limit


def lane_heights(canvas: Canvas) -> list[float]:
    sizes = canvas.sizes
    heights = [sizes.min_lane_height] * len(canvas.grid.lanes)
    for (_, lane), cell in canvas.grid.cells.items():
        heights[lane] = max(heights[lane], cell_label(canvas, cell)[1])
    return heights


def cell_node(canvas: Canvas, rank: Graph, column: Column, lane: int, tall: float) -> None:
    """The node where a column crosses a channel lane, empty or not."""
    theme, sizes, k = canvas.theme, canvas.sizes, column.index
    name = node_name(f"l{lane}", k)
    width = canvas.widths[k]
    cell = canvas.grid.cells.get((k, lane))
    if cell is None:
        lane_name = canvas.grid.lanes[lane].name
        rank.node(
            name,
            label="",
            tooltip=plain(f"{column.text} × {lane_name}") if lane_name else " ",
            # the path view's rows are not channels: nothing to show there
            style="rounded" if lane_name else "invis",
            color=theme.empty_border,
            width=f"{width:g}",
            height=f"{tall:.3f}",
        )
        return
    text, _ = cell_label(canvas, cell)
    attrs = {
        "label": text,
        "fillcolor": theme.tone_fill[cell.tone],
        "color": theme.moment_border if cell.moment_of_truth else theme.cell_border,
        "penwidth": f"{sizes.penwidth_moment if cell.moment_of_truth else sizes.penwidth_cell:g}",
        "width": f"{width:g}",
        "height": f"{tall:.3f}",
        "tooltip": plain(cell.entries[0].name),
    }
    if cell.tone == "breakpoint":
        attrs["style"] = "filled,rounded,bold"
    channel = canvas.grid.lanes[lane].channel_id
    if canvas.options.highlight is not None and channel:
        attrs = canvas.options.highlight.cell(column.step_id, channel, attrs)
    rank.node(name, **attrs)
