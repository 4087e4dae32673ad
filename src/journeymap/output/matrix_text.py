"""The matrix in a terminal, fitted to its width.

Column widths are computed here rather than left to rich, because rich squeezes a table
that is too wide until words break letter by letter. Instead, stages are packed into
pages that fit the width, each page repeating the channel column and the phase band;
when every stage fits on one page with room to spare, each touchpoint also gets its name
on a second line. Cells hold symbols as well as colours, so the matrix reads the same
with NO_COLOR, in a pipe or through a screen reader.

The tables come from `views.matrix_table`; each cell is a list of lines of styled runs,
turned into rich `Text` when the console shows styles, or joined as plain strings and
drawn by `plain_table` (same bytes, buffered, no rich layout) when it shows none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from journeymap.model.journey import Stage
from journeymap.output import plain_table
from journeymap.output.matrix_common import (
    legend_items,
    mark_runs,
    metric_legend,
    scores_text,
    summary_items,
)
from journeymap.output.matrix_text_compare import write_comparisons
from journeymap.output.matrix_text_parts import (
    MARK_STYLES,
    Run,
    figure,
    hanging,
    plain,
    styled,
    text,
    wrap_items,
)
from journeymap.output.plain_table import PlainColumn
from journeymap.views import numbers
from journeymap.views.labels import Lang, colon, label
from journeymap.views.matrix import Entry, Matrix
from journeymap.views.matrix_report import MatrixReport, Sheet
from journeymap.views.matrix_table import (
    GridTable,
    Item,
    grid_table,
)

_BORDER = 3  # a column's left border and its padding on both sides
_MIN_STAGE = 6
_DETAIL_CAP = 30
"""Touchpoint names and stage names beyond this are cut (names) or wrapped (stages)."""


@dataclass(frozen=True, slots=True)
class _Layout:
    channel_width: int
    widths: dict[str, int]
    pages: tuple[tuple[Stage, ...], ...]
    detail: bool


def write(report: MatrixReport, console: Console) -> None:
    out = plain_table.Out(console)
    from journeymap.output import matrix_text_batch

    if matrix_text_batch.worth_it(report, out):
        matrix_text_batch.write(report, out, write_sheet)
        return
    for index, sheet in enumerate(report.sheets):
        if index:
            out.print()
        write_sheet(sheet, report, out)
    if report.several:
        out.print()
        write_comparisons(report, out)
    out.flush()


def write_sheet(sheet: Sheet, report: MatrixReport, out: plain_table.Out) -> None:
    matrix, lang = sheet.matrix, sheet.journey.words_lang
    title = Text()
    title.append(sheet.journey.title, style="bold")
    title.append(f" ({sheet.journey.id})", style="dim")
    out.print(title)
    for line in wrap_items(summary_items(matrix, report.metric, lang), out.width):
        out.print(line)
    if not matrix.entries:
        out.print(Text(label("empty", lang), style="dim"))
    else:
        grid = grid_table(matrix, report.metric)
        layout = _layout(grid, out.width)
        for number, page in enumerate(layout.pages, 1):
            if len(layout.pages) > 1:
                out.print(Text(f"{label('page', lang)} {number}/{len(layout.pages)}", "dim"))
            if any(stage.phase for stage in page):
                out.print(_band(matrix, page, layout))
            _table(grid.page(page) if len(layout.pages) > 1 else grid, layout, out)
    for line in _legend(lang, report, out.width):
        out.print(line)
    untouched = matrix.untouched()
    if untouched:
        steps = ", ".join(step.id for step in untouched)
        out.print(Text(label("untouched", lang) + colon(lang) + steps, style="dim"))
    if report.top > 0:
        _priorities(sheet, report.top, out)


def _item_runs(item: Item, lang: Lang) -> list[Run]:
    runs: list[Run] = [(symbols, MARK_STYLES[key]) for key, symbols in mark_runs(item.marks)]
    if runs:
        runs.append((" ", None))
    runs.append((item.entry.step.id, None))
    if item.figure is not None:
        runs += [(" ", None), figure(item.figure, lang, short=True)]
    return runs


def _detail(entry: Entry, width: int) -> Run:
    words = entry.touchpoint.name or entry.step.text
    if cell_len(words) > width:
        words = words[: max(width - 1, 1)].rstrip() + "…"
    return (words, "dim")


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _layout(grid: GridTable, width: int) -> _Layout:
    """Column widths from the content, within the terminal's width.

    The channel column is as wide as its longest name: names wrap only when that width
    leaves no room for the widest stage, and then at a word boundary; only a terminal too
    narrow for even that folds them. Stages take what their entries need, their touchpoint
    names too when every stage fits on one page; otherwise they are packed into pages.
    """
    lang = grid.lang
    headings = [grid.channel_heading]
    if grid.metric is not None:
        headings.append(grid.footer_heading)
    names = [row.heading for row in grid.rows]
    channel_width = max(cell_len(n) for n in [*names, *headings])
    shortest = max(_longest_word(n) for n in [*names, *headings])
    compact: dict[str, int] = {}
    detailed: dict[str, int] = {}
    wanted: dict[str, int] = {}
    stages = tuple(column.stage for column in grid.columns)
    for index, column in enumerate(grid.columns):
        stage = column.stage
        items = [item for row in grid.rows if not row.kind_heading for item in row.cells[index]]
        lines = [cell_len(plain(_item_runs(item, lang))) for item in items]
        if column.footer is not None:
            lines.append(cell_len(figure(column.footer, lang)[0]))
        natural = max([_MIN_STAGE, _longest_word(stage.name), *lines])
        compact[stage.id] = natural
        wanted[stage.id] = max(natural, min(cell_len(stage.name), _DETAIL_CAP))
        details = [cell_len(i.entry.touchpoint.name or i.entry.step.text) for i in items]
        detailed[stage.id] = max([natural, *(min(d, _DETAIL_CAP) for d in details)])
        detailed[stage.id] = max(detailed[stage.id], min(cell_len(stage.name), _DETAIL_CAP))
    if _table_width(channel_width, detailed.values()) <= width:
        return _Layout(channel_width, detailed, (stages,), detail=True)
    # Room for the channel column beside the widest stage; its names wrap only below that.
    beside_widest = width - _table_width(0, [max(compact.values(), default=_MIN_STAGE)])
    channel_width = min(channel_width, max(beside_widest, shortest))
    room = width - _table_width(channel_width, ()) - _BORDER
    if room < _MIN_STAGE:
        channel_width = max(channel_width + room - _MIN_STAGE, 4)
        room = _MIN_STAGE
    compact = {key: min(value, room) for key, value in compact.items()}
    pages = _paginate(stages, lambda ws: _table_width(channel_width, ws) <= width, compact)
    for page in pages:
        # Room left on a page goes to long steps and stage names that would otherwise wrap.
        spare = width - _table_width(channel_width, [compact[s.id] for s in page])
        for stage in page:
            grow = min(max(wanted[stage.id] - compact[stage.id], 0), spare)
            compact[stage.id] += grow
            spare -= grow
    return _Layout(channel_width, compact, pages, detail=False)


def _paginate(
    stages: Sequence[Stage], fits: Callable[[list[int]], bool], widths: dict[str, int]
) -> tuple[tuple[Stage, ...], ...]:
    """As few pages as greedy packing needs, then as even as they can be while they fit,
    so that five stages become 3 + 2 rather than 4 + 1."""
    greedy: list[list[Stage]] = []
    for stage in stages:
        if greedy and fits([widths[s.id] for s in [*greedy[-1], stage]]):
            greedy[-1].append(stage)
        else:
            greedy.append([stage])
    count = len(greedy)
    size, extra = divmod(len(stages), count)
    even: list[tuple[Stage, ...]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        even.append(tuple(stages[start:end]))
        start = end
    if all(fits([widths[s.id] for s in page]) for page in even):
        return tuple(even)
    return tuple(tuple(page) for page in greedy)


def _table_width(channel_width: int, stage_widths: Iterable[int]) -> int:
    return 1 + channel_width + _BORDER + sum(w + _BORDER for w in stage_widths)


def _band(matrix: Matrix, page: Sequence[Stage], layout: _Layout) -> Text:
    band = Text(" " * (layout.channel_width + _BORDER))
    lang = matrix.journey.words_lang
    for group in matrix.bands(page):
        span = sum(layout.widths[s.id] + _BORDER for s in group.stages) - 1
        band.append(" ")
        if group.phase is None:
            band.append(" " * span)
            continue
        name = label(group.phase, lang)
        if cell_len(name) > span - 4:
            name = label(f"{group.phase}_short", lang)
        if cell_len(name) > span - 4:
            name = name[: max(span - 5, 0)] + "…" if span > 5 else ""
        drawn = f"─ {name} " if name else ""
        band.append(drawn + "─" * (span - cell_len(drawn)), style="bold")
    band.rstrip()
    return band


def _cell_lines(items: Sequence[Item], lang: Lang, layout: _Layout, width: int) -> list[list[Run]]:
    lines: list[list[Run]] = []
    for item in items:
        lines.append(_item_runs(item, lang))
        if layout.detail:
            lines.append([_detail(item.entry, width)])
    return lines


def _table(grid: GridTable, layout: _Layout, out: plain_table.Out) -> None:
    """One page of the grid: plain strings when they can stand for rich's table."""
    lang = grid.lang
    widths = [layout.widths[column.stage.id] for column in grid.columns]
    cells = [
        [
            _cell_lines(items, lang, layout, width)
            for items, width in zip(row.cells, widths, strict=not row.kind_heading)
        ]
        for row in grid.rows
    ]
    footers: list[list[Run]] = [
        [figure(column.footer, lang)] if column.footer is not None else []
        for column in grid.columns
    ]
    if out.plain:
        columns = [PlainColumn(layout.channel_width)]
        columns += [PlainColumn(width, overflow="fold") for width in widths]
        rows: list[list[list[str]]] = [[[grid.channel_heading]]]
        rows[0] += [[column.stage.name] for column in grid.columns]
        for row, row_cells in zip(grid.rows, cells, strict=True):
            rows.append([[row.heading], *([plain(line) for line in cell] for cell in row_cells)])
        if grid.metric is not None:
            rows.append([[grid.footer_heading], *([plain(f)] for f in footers)])
        texts = [line for row in rows for cell in row for line in cell]
        if plain_table.fits(out.console, columns) and not plain_table.awkward(texts):
            sections = [row.ends_section for row in grid.rows]
            footer = grid.metric is not None
            out.raw(
                plain_table.rows(
                    out.console, box.SQUARE, columns, rows, footer=footer, sections=sections
                )
            )
            return
    table = Table(
        box=box.SQUARE,
        padding=(0, 1),
        show_footer=grid.metric is not None,
        header_style="bold",
        footer_style="bold",
    )
    # Headings go in as Text, never as strings: a string is read as console markup where
    # the console allows it, and a stage named "[b]..." would lose its brackets.
    table.add_column(
        Text(grid.channel_heading), footer=Text(grid.footer_heading), width=layout.channel_width
    )
    for column, width, foot in zip(grid.columns, widths, footers, strict=True):
        table.add_column(
            Text(column.stage.name),
            footer=styled(*foot) if foot else "",
            width=width,
            overflow="fold",
        )
    for row, row_cells in zip(grid.rows, cells, strict=True):
        if row.kind_heading:
            table.add_row(Text(row.heading, style="bold italic"))
            continue
        table.add_row(
            Text(row.heading), *(text(cell) for cell in row_cells), end_section=row.ends_section
        )
    out.rich(table)


def _legend(lang: Lang, report: MatrixReport, width: int) -> list[Text]:
    items: list[Text | str] = []
    for key, item in legend_items(lang, shared=bool(report.comparisons)):
        piece = Text()
        if not items:
            piece.append(label("legend", lang) + colon(lang), style="dim")
        piece.append(item, style=MARK_STYLES[key])
        items.append(piece)
    lines = wrap_items(items, width, separator="  ")
    if report.metric is not None:
        notes = metric_legend(report.metric, lang).split("; ")
        if report.metric != "volume":
            notes.append(label("heat", lang))
        lines += wrap_items([Text(n, style="dim") for n in notes], width, separator="; ")
    return lines


def _priorities(sheet: Sheet, top: int, out: plain_table.Out) -> None:
    """A numbered list with a hanging indent, so that wrapped lines stay under their item."""
    lang, ranking = sheet.journey.words_lang, sheet.ranking
    chosen = ranking.top(top)
    if not chosen:
        return
    out.print()
    out.print(Text(label("priorities", lang), style="bold"))
    scores = [numbers.integer(item.score, lang) for item in chosen]
    score_width = max(cell_len(s) for s in scores)
    rank_width = len(f"{len(chosen)}.")
    indent = rank_width + 1 + score_width + 2
    for rank, (item, score) in enumerate(zip(chosen, scores, strict=True), 1):
        entry = item.entry
        body = Text()
        body.append(entry.step.id, style="bold")
        body.append(f" @ {entry.channel.name}")
        body.append(f" — {entry.step.text}", style="dim")
        figures = Text(f"{numbers.integer(item.volume, lang)} × ")
        figures.append(numbers.percent(item.dissatisfaction, lang))
        figures.append(f" · {scores_text(entry, lang)}", style="dim")
        head = Text(f"{rank}.".rjust(rank_width) + " ")
        head.append(score.rjust(score_width), style="bold")
        head.append("  ")
        hanging(out, head, indent, body, figures)
    if ranking.unranked:
        out.print(Text(f"{ranking.unranked} {label('unranked', lang)}", style="dim"))
