"""The matrix in a terminal, fitted to its width.

Column widths are computed here rather than left to rich, because rich squeezes a table
that is too wide until words break letter by letter. Instead, stages are packed into
pages that fit the width, each page repeating the channel column and the phase band;
when every stage fits on one page with room to spare, each touchpoint also gets its name
on a second line. Cells hold symbols as well as colours, so the matrix reads the same
with NO_COLOR, in a pipe or through a screen reader.
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
from journeymap.output import numbers
from journeymap.output.matrix_common import (
    gap_items,
    legend_items,
    mark_runs,
    metric_legend,
    metric_title,
    moment_texts,
    scores_text,
    summary_items,
)
from journeymap.views.compare import Comparison
from journeymap.views.labels import MARKS, Lang, colon, label
from journeymap.views.matrix import Entry, Matrix
from journeymap.views.matrix_report import MatrixReport, Sheet
from journeymap.views.metrics import METRIC_NAMES, MetricName, heat

MARK_STYLES = {
    "moment_of_truth": "bold magenta",
    "shared": "cyan",
    "delight": "green",
    "irritant": "yellow",
    "breakpoint": "bold red",
}
HEAT_STYLES = ("bold red", "dark_orange", "yellow", "chartreuse3", "bold green")
VOLUME_STYLES = ("dim cyan", "cyan", "cyan", "bold cyan", "bold cyan")

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
    for index, sheet in enumerate(report.sheets):
        if index:
            console.print()
        _sheet(sheet, report, console)
    if report.several:
        console.print()
        _comparisons(report, console)


def _sheet(sheet: Sheet, report: MatrixReport, console: Console) -> None:
    matrix, lang = sheet.matrix, sheet.journey.lang
    title = Text()
    title.append(sheet.journey.title, style="bold")
    title.append(f" ({sheet.journey.id})", style="dim")
    console.print(title)
    for line in _wrap_items(summary_items(matrix, report.metric, lang), console.width):
        console.print(line)
    if not matrix.entries:
        console.print(Text(label("empty", lang), style="dim"))
    else:
        layout = _layout(matrix, report.metric, console.width)
        for number, page in enumerate(layout.pages, 1):
            if len(layout.pages) > 1:
                console.print(Text(f"{label('page', lang)} {number}/{len(layout.pages)}", "dim"))
            if any(stage.phase for stage in page):
                console.print(_band(matrix, page, layout))
            console.print(_table(matrix, page, layout, report.metric))
    for line in _legend(lang, report, console.width):
        console.print(line)
    untouched = matrix.untouched()
    if untouched:
        steps = ", ".join(step.id for step in untouched)
        console.print(Text(label("untouched", lang) + colon(lang) + steps, style="dim"))
    if report.top > 0:
        _priorities(sheet, report.top, console)


def _wrap_items(items: Sequence[Text | str], width: int, separator: str = " · ") -> list[Text]:
    """Items joined on lines of at most `width`, breaking only between items."""
    lines: list[Text] = []
    for item in items:
        piece = Text(item) if isinstance(item, str) else item
        if lines and lines[-1].cell_len + len(separator) + piece.cell_len <= width:
            lines[-1].append(separator)
            lines[-1].append_text(piece)
        else:
            line = Text()
            line.append_text(piece)
            lines.append(line)
    return lines


def _entry_line(entry: Entry, metric: MetricName | None, lang: Lang, largest: float) -> Text:
    line = Text()
    for key, symbols in mark_runs(entry):
        line.append(symbols, style=MARK_STYLES[key])
    if len(line):
        line.append(" ")
    line.append(entry.step.id)
    if metric is not None:
        line.append(" ")
        line.append_text(_figure(metric, entry.value(metric), lang, largest, short=True))
    return line


def _figure(
    metric: MetricName, value: float | None, lang: Lang, largest: float, *, short: bool = False
) -> Text:
    if value is None:
        return Text("–", style="dim")
    styles = VOLUME_STYLES if metric == "volume" else HEAT_STYLES
    text = numbers.figure(metric, value, lang, short=short)
    return Text(text, style=styles[heat(metric, value, largest)])


def _detail(entry: Entry, width: int) -> Text:
    words = entry.touchpoint.name or entry.step.text
    if cell_len(words) > width:
        words = words[: max(width - 1, 1)].rstrip() + "…"
    return Text(words, style="dim")


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _layout(matrix: Matrix, metric: MetricName | None, width: int) -> _Layout:
    """Column widths from the content, within the terminal's width.

    The channel column is as wide as its longest name: names wrap only when that width
    leaves no room for the widest stage, and then at a word boundary; only a terminal too
    narrow for even that folds them. Stages take what their entries need, their touchpoint
    names too when every stage fits on one page; otherwise they are packed into pages.
    """
    lang, largest = matrix.journey.lang, matrix.largest_volume()
    headings = [label("channel", lang).capitalize()]
    if metric is not None:
        headings.append(label("total" if metric == "volume" else "mean", lang).capitalize())
    names = [c.name for c in matrix.channels]
    names += [
        label(f"kind_{g.kind}", lang) + colon(lang).rstrip()
        for g in matrix.groups
        if g.kind is not None
    ]
    channel_width = max(cell_len(n) for n in [*names, *headings])
    shortest = max(_longest_word(n) for n in [*names, *headings])
    compact: dict[str, int] = {}
    detailed: dict[str, int] = {}
    wanted: dict[str, int] = {}
    for stage in matrix.stages:
        entries = matrix.stage_entries(stage.id)
        lines = [cell_len(_entry_line(e, metric, lang, largest).plain) for e in entries]
        if metric is not None:
            total = matrix.stage_figure(metric, stage.id)
            lines.append(cell_len(_figure(metric, total, lang, largest).plain))
        natural = max([_MIN_STAGE, _longest_word(stage.name), *lines])
        compact[stage.id] = natural
        wanted[stage.id] = max(natural, min(cell_len(stage.name), _DETAIL_CAP))
        details = [cell_len(e.touchpoint.name or e.step.text) for e in entries]
        detailed[stage.id] = max([natural, *(min(d, _DETAIL_CAP) for d in details)])
        detailed[stage.id] = max(detailed[stage.id], min(cell_len(stage.name), _DETAIL_CAP))
    if _table_width(channel_width, detailed.values()) <= width:
        return _Layout(channel_width, detailed, (matrix.stages,), detail=True)
    # Room for the channel column beside the widest stage; its names wrap only below that.
    beside_widest = width - _table_width(0, [max(compact.values(), default=_MIN_STAGE)])
    channel_width = min(channel_width, max(beside_widest, shortest))
    room = width - _table_width(channel_width, ()) - _BORDER
    if room < _MIN_STAGE:
        channel_width = max(channel_width + room - _MIN_STAGE, 4)
        room = _MIN_STAGE
    compact = {key: min(value, room) for key, value in compact.items()}
    pages = _paginate(matrix.stages, lambda ws: _table_width(channel_width, ws) <= width, compact)
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
    lang = matrix.journey.lang
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


def _table(
    matrix: Matrix, page: Sequence[Stage], layout: _Layout, metric: MetricName | None
) -> Table:
    lang, largest = matrix.journey.lang, matrix.largest_volume()
    table = Table(
        box=box.SQUARE,
        padding=(0, 1),
        show_footer=metric is not None,
        header_style="bold",
        footer_style="bold",
    )
    footer_label = (
        label("total" if metric == "volume" else "mean", lang).capitalize() if metric else ""
    )
    table.add_column(
        label("channel", lang).capitalize(), footer=footer_label, width=layout.channel_width
    )
    stage_largest = matrix.largest_stage_volume
    for stage in page:
        footer: Text | str = ""
        if metric is not None:
            footer = _figure(metric, matrix.stage_figure(metric, stage.id), lang, stage_largest)
        table.add_column(stage.name, footer=footer, width=layout.widths[stage.id], overflow="fold")
    for group in matrix.groups:
        if group.kind is not None:
            kind = label(f"kind_{group.kind}", lang) + colon(lang).rstrip()
            table.add_row(Text(kind, style="bold italic"))
        for position, channel in enumerate(group.channels):
            cells: list[Text] = []
            for stage in page:
                cell = Text()
                for entry in matrix.cell(channel.id, stage.id):
                    if len(cell):
                        cell.append("\n")
                    cell.append_text(_entry_line(entry, metric, lang, largest))
                    if layout.detail:
                        cell.append("\n")
                        cell.append_text(_detail(entry, layout.widths[stage.id]))
                cells.append(cell)
            last = group.kind is not None and position == len(group.channels) - 1
            table.add_row(Text(channel.name), *cells, end_section=last)
    return table


def _legend(lang: Lang, report: MatrixReport, width: int) -> list[Text]:
    items: list[Text | str] = []
    for key, item in legend_items(lang, shared=bool(report.comparisons)):
        piece = Text()
        if not items:
            piece.append(label("legend", lang) + colon(lang), style="dim")
        piece.append(item, style=MARK_STYLES[key])
        items.append(piece)
    lines = _wrap_items(items, width, separator="  ")
    if report.metric is not None:
        notes = metric_legend(report.metric, lang).split("; ")
        if report.metric != "volume":
            notes.append(label("heat", lang))
        lines += _wrap_items([Text(n, style="dim") for n in notes], width, separator="; ")
    return lines


def _hanging(console: Console, head: Text, indent: int, *paragraphs: Text) -> None:
    """Paragraphs after `head`, wrapped so that every further line starts at `indent`."""
    width = max(console.width - indent, 20)
    lines = [line for paragraph in paragraphs for line in paragraph.wrap(console, width)]
    for index, line in enumerate(lines):
        line.rstrip()
        console.print(Text.assemble(head if index == 0 else " " * indent, line), soft_wrap=True)


def _priorities(sheet: Sheet, top: int, console: Console) -> None:
    """A numbered list with a hanging indent, so that wrapped lines stay under their item."""
    lang, ranking = sheet.journey.lang, sheet.ranking
    chosen = ranking.top(top)
    if not chosen:
        return
    console.print()
    console.print(Text(label("priorities", lang), style="bold"))
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
        _hanging(console, head, indent, body, figures)
    if ranking.unranked:
        console.print(Text(f"{ranking.unranked} {label('unranked', lang)}", style="dim"))


def _comparisons(report: MatrixReport, console: Console) -> None:
    lang = report.lang
    console.print(Text(label("shared_moments", lang), style="bold"))
    if not report.comparisons:
        console.print(Text(label("no_shared", lang), style="dim"))
        return
    for comparison in report.comparisons:
        console.print()
        console.print(_comparison_title(comparison))
        console.print(_comparison_table(comparison, lang))
        for line in _wrap_items(_gap_sentences(comparison, lang), console.width):
            console.print(line)
        _moment_texts(comparison, console)


def _moment_texts(comparison: Comparison, console: Console) -> None:
    """What each journey's customers said at this moment: where the gap comes from."""
    for side in comparison.sides:
        items = moment_texts(side.entries)
        if not items:
            continue
        console.print(Text(side.journey.id, style="bold"))
        for key, words in items:
            head = Text("  ")
            head.append(MARKS[key], style=MARK_STYLES[key])
            head.append(" ")
            _hanging(console, head, 4, Text(words))


def _gap_sentences(comparison: Comparison, lang: Lang) -> list[Text]:
    sentences: list[Text] = []
    for figures, gap in gap_items(comparison, lang):
        sentence = Text(f"{figures}, ")
        sentence.append(gap, style="bold")
        sentences.append(sentence)
    return sentences


def _comparison_title(comparison: Comparison) -> Text:
    first = comparison.sides[0]
    title = Text()
    title.append("⇄ ", style=MARK_STYLES["shared"])
    title.append(f"{first.stage.name} › {comparison.step_id}", style="bold")
    title.append(f" — {first.step.text}", style="dim")
    return title


def _comparison_table(comparison: Comparison, lang: Lang) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1),
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    longest_id = max(cell_len(side.journey.id) for side in comparison.sides)
    table.add_column(label("journey", lang), min_width=min(longest_id, 24), overflow="fold")
    table.add_column(label("channel", lang))
    for metric in METRIC_NAMES:
        table.add_column(metric_title(metric, lang), justify="right", no_wrap=True)
    table.add_column(label("marks", lang), no_wrap=True)
    largest = max(
        (float(e.touchpoint.volume or 0) for s in comparison.sides for e in s.entries),
        default=0.0,
    )
    for side in comparison.sides:
        if not side.entries:
            table.add_row(side.journey.id, Text("–", style="dim"))
        for position, entry in enumerate(side.entries):
            marks = Text()
            for key, symbols in mark_runs(entry):
                marks.append(symbols, style=MARK_STYLES[key])
            table.add_row(
                side.journey.id if position == 0 else "",
                entry.channel.name,
                *(_figure(m, entry.value(m), lang, largest) for m in METRIC_NAMES),
                marks,
            )
    gaps: list[Text] = []
    for metric in METRIC_NAMES:
        gap = comparison.gap(metric)
        shown = metric != "volume" and gap is not None
        gaps.append(Text(numbers.figure(metric, gap, lang) if shown and gap is not None else ""))
    table.add_row(Text(label("gap", lang), style="bold"), "", *gaps, "", style="bold")
    return table
