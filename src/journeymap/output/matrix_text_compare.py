"""The moments several journeys share, side by side in the terminal (seed 000).

The comparison tables are the costly part of a thousand-journey matrix: one row per
journey's touchpoint at each shared moment. They are drawn as plain strings whenever the
console shows no style (see `plain_table`), by rich otherwise.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from journeymap.output import plain_table
from journeymap.output.matrix_common import gap_items, mark_runs, moment_texts
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
from journeymap.views.compare import Comparison
from journeymap.views.labels import MARKS, Lang, label
from journeymap.views.matrix_report import MatrixReport
from journeymap.views.matrix_table import ComparisonTable, comparison_table
from journeymap.views.metrics import METRIC_NAMES


def write_comparisons(report: MatrixReport, out: plain_table.Out) -> None:
    lang = report.lang
    out.print(Text(label("shared_moments", lang), style="bold"))
    if not report.comparisons:
        out.print(Text(label("no_shared", lang), style="dim"))
        return
    for comparison in report.comparisons:
        out.print()
        out.print(_comparison_title(comparison))
        _comparison_table(comparison_table(comparison, lang), lang, out)
        for line in wrap_items(_gap_sentences(comparison, lang), out.width):
            out.print(line)
        _moment_texts(comparison, out)


def _moment_texts(comparison: Comparison, out: plain_table.Out) -> None:
    """What each journey's customers said at this moment: where the gap comes from."""
    for side in comparison.sides:
        items = moment_texts(side.entries)
        if not items:
            continue
        out.print(Text(side.journey.id, style="bold"))
        for key, words in items:
            head = Text("  ")
            head.append(MARKS[key], style=MARK_STYLES[key])
            head.append(" ")
            hanging(out, head, 4, Text(words))


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


def _comparison_rows(table: ComparisonTable, lang: Lang) -> list[list[list[Run]]]:
    """Each row's cells as runs: journey, channel, the figures, the marks."""
    rows: list[list[list[Run]]] = []
    for row in table.rows:
        if row.entry is None:
            rows.append([[(row.journey, None)], [("–", "dim")]])
            continue
        marks: list[Run] = [(symbols, MARK_STYLES[key]) for key, symbols in mark_runs(row.marks)]
        figures = [[figure(shown, lang)] for shown in row.figures]
        rows.append([[(row.journey, None)], [(row.entry.channel.name, None)], *figures, marks])
    return rows


def _comparison_table(table: ComparisonTable, lang: Lang, out: plain_table.Out) -> None:
    rows = _comparison_rows(table, lang)
    gaps = [
        numbers.figure(metric, gap, lang) if gap is not None else ""
        for metric, gap in zip(METRIC_NAMES, table.gaps, strict=True)
    ]
    gap_row = [table.gap_heading, "", *gaps, ""]
    longest_id = max(cell_len(side.journey.id) for side in table.comparison.sides)
    if out.plain:
        header = list(table.headings)
        plain_rows = [header, *([plain(cell) for cell in row] for row in rows), gap_row]
        sizes = [0] * len(header)
        for plain_row in plain_rows:
            for index, words in enumerate(plain_row):
                sizes[index] = max(sizes[index], cell_len(words))
        sizes[0] = max(sizes[0], min(longest_id, 24))
        last = len(header) - 1
        columns = [
            PlainColumn(
                size,
                left=0,
                right=0 if index == last else 1,
                overflow="fold" if index == 0 else "ellipsis",
                justify="right" if 1 < index < last else "left",
            )
            for index, size in enumerate(sizes)
        ]
        texts = [words for plain_row in plain_rows for words in plain_row]
        if plain_table.fits(out.console, columns, edge=False) and not plain_table.awkward(texts):
            lines = [[[words] for words in plain_row] for plain_row in plain_rows]
            out.raw(plain_table.rows(out.console, box.SIMPLE_HEAD, columns, lines, edge=False))
            return
    rich_table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1),
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    journey, channel, *titles, marks_heading = table.headings
    rich_table.add_column(Text(journey), min_width=min(longest_id, 24), overflow="fold")
    rich_table.add_column(Text(channel))
    for title in titles:
        rich_table.add_column(Text(title), justify="right", no_wrap=True)
    rich_table.add_column(Text(marks_heading), no_wrap=True)
    for row in rows:
        # figures and the dash are styled as a whole (padding included), the marks per run
        full = len(row) == len(table.headings)
        cells, marks = (row[:-1], row[-1]) if full else (row, [])
        rich_table.add_row(*(styled(*cell) for cell in cells), text([marks]))
    rich_table.add_row(Text(gap_row[0], style="bold"), *gap_row[1:], style="bold")
    out.rich(rich_table)
