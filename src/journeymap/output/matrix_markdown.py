"""The matrix as GitHub-flavoured Markdown, for pull-request comments and wikis.

A GFM table row is one line of `|`-separated cells, so every text from a journey file is
escaped: `|` would split a cell, a newline would end the row, and `<`, `*` or a backtick
would turn a customer's words into markup. Every row has the header's number of cells,
so GitHub never drops or merges one. Markdown has no width limit: one table per journey,
with the phase under each stage name since tables have no spanning cells.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from journeymap.output.matrix_common import (
    gap_items,
    legend_items,
    marks_text,
    metric_legend,
    moment_texts,
    scores_text,
    summary_items,
)
from journeymap.views import numbers
from journeymap.views.compare import Comparison
from journeymap.views.labels import MARKS, Lang, colon, label
from journeymap.views.matrix import Matrix
from journeymap.views.matrix_report import MatrixReport, Sheet
from journeymap.views.matrix_table import Item, comparison_table, grid_table
from journeymap.views.metrics import METRIC_NAMES, MetricName

_SPECIAL = re.compile(r"([\\`*_\[\]#~|])")


def escape(text: str) -> str:
    """Text that stays literal inside a GFM table cell, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "<br>".join(line.strip() for line in escaped.splitlines()) if escaped else ""


def code_span(text: str) -> str:
    """Text shown as code, as written: Markdown reads no escape inside a code span, so a
    `\\_` or `&amp;` there would show as such (`web_retrait.yaml` read `web\\_retrait.yaml`).
    The fence is one backtick longer than the longest run inside (CommonMark 6.1)."""
    flat = " ".join(text.splitlines())
    runs = re.findall(r"`+", flat)
    fence = "`" * (max((len(run) for run in runs), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A GFM table; `align` holds one of 'l' or 'r' per column (default left)."""
    rules = ["---:" if (align[i : i + 1] == "r") else "---" for i in range(len(header))]
    lines = [row(header), row(rules)]
    for cells in rows:
        padded = list(cells) + [""] * (len(header) - len(cells))
        lines.append(row(padded[: len(header)]))
    return lines


def render(report: MatrixReport) -> str:
    lines: list[str] = []
    for sheet in report.sheets:
        lines += _sheet(sheet, report)
    if report.several:
        lines += _comparisons(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def _sheet(sheet: Sheet, report: MatrixReport) -> list[str]:
    matrix, lang = sheet.matrix, sheet.journey.words_lang
    lines = [
        f"## {escape(sheet.journey.title)} (`{sheet.journey.id}`)",
        "",
        escape(" · ".join(summary_items(matrix, report.metric, lang))),
        "",
    ]
    if matrix.entries:
        lines += _matrix(matrix, report.metric)
    else:
        lines.append(f"*{escape(label('empty', lang))}*")
    legend = "  ".join(
        escape(item) for _, item in legend_items(lang, shared=bool(report.comparisons))
    )
    lines += ["", f"{escape(label('legend', lang))}{colon(lang)}{legend}"]
    if report.metric is not None:
        lines[-1] += f"<br>{escape(metric_legend(report.metric, lang))}"
    untouched = matrix.untouched()
    if untouched:
        ids = ", ".join(f"`{step.id}`" for step in untouched)
        lines += ["", f"{escape(label('untouched', lang))}{colon(lang)}{ids}"]
    lines.append("")
    if report.top > 0 and sheet.ranking.top(report.top):
        lines += _priorities(sheet, report.top)
    return lines


def _item(item: Item, lang: Lang) -> str:
    entry = item.entry
    marks = marks_text(item.marks)
    text = f"{escape(marks)} `{entry.step.id}`" if marks else f"`{entry.step.id}`"
    if item.figure is not None:
        value = item.figure.value
        shown = numbers.figure(item.figure.metric, value, lang) if value is not None else "–"
        text += f" **{shown}**"
    name = entry.touchpoint.name
    return text + (f" · {escape(name)}" if name else "")


def _matrix(matrix: Matrix, metric: MetricName | None) -> list[str]:
    grid = grid_table(matrix, metric)
    lang = grid.lang
    header = [escape(grid.channel_heading)]
    for column in grid.columns:
        stage = column.stage
        phase = f"<br>*{escape(label(stage.phase, lang))}*" if stage.phase else ""
        header.append(f"**{escape(stage.name)}**{phase}")
    rows: list[list[str]] = []
    for row in grid.rows:
        if row.kind is not None:
            rows.append([f"***{escape(label(f'kind_{row.kind}', lang))}***"])
            continue
        cells = [escape(row.heading)]
        cells += ["<br>".join(_item(item, lang) for item in items) for items in row.cells]
        rows.append(cells)
    if metric is not None:
        footer = [f"**{escape(grid.footer_heading)}**"]
        for column in grid.columns:
            figure = column.footer
            value = figure.value if figure is not None else None
            footer.append(f"**{numbers.figure(metric, value, lang)}**" if value is not None else "")
        rows.append(footer)
    return table(header, rows)


def _priorities(sheet: Sheet, top: int) -> list[str]:
    lang = sheet.journey.words_lang
    header = [
        "#",
        escape(label("priority", lang)),
        escape(label("step", lang)),
        escape(label("channel", lang)),
        escape(label("volume", lang)),
        escape(label("dissatisfaction", lang)),
        escape(label("figures", lang)),
    ]
    rows = []
    for rank, item in enumerate(sheet.ranking.top(top), 1):
        entry = item.entry
        rows.append(
            [
                str(rank),
                f"**{numbers.integer(item.score, lang)}**",
                f"`{entry.step.id}` {escape(entry.step.text)}",
                escape(entry.channel.name),
                numbers.integer(item.volume, lang),
                numbers.percent(item.dissatisfaction, lang),
                escape(scores_text(entry, lang)),
            ]
        )
    lines = [f"### {escape(label('priorities', lang))}", "", *table(header, rows, "rrllrrl")]
    if sheet.ranking.unranked:
        lines += ["", f"{sheet.ranking.unranked} {escape(label('unranked', lang))}"]
    return [*lines, ""]


def _comparisons(report: MatrixReport) -> list[str]:
    lang = report.lang
    lines = [f"## {escape(label('shared_moments', lang))}", ""]
    if not report.comparisons:
        return [*lines, f"*{escape(label('no_shared', lang))}*", ""]
    for comparison in report.comparisons:
        lines += _comparison(comparison, lang)
    return lines


def _comparison(comparison: Comparison, lang: Lang) -> list[str]:
    model = comparison_table(comparison, lang)
    first = comparison.sides[0]
    title = f"### ⇄ {escape(first.stage.name)} › `{comparison.step_id}`"
    header = [escape(heading) for heading in model.headings]
    rows: list[list[str]] = []
    for row in model.rows:
        journey = f"`{row.journey}`" if row.journey else ""
        if row.entry is None:
            rows.append([journey, "–"])
            continue
        figures = [
            numbers.figure(f.metric, f.value, lang) if f.value is not None else "–"
            for f in row.figures
        ]
        marks = marks_text(row.marks)
        rows.append([journey, escape(row.entry.channel.name), *figures, escape(marks)])
    gaps = [
        f"**{numbers.figure(m, gap, lang)}**" if gap is not None else ""
        for m, gap in zip(METRIC_NAMES, model.gaps, strict=True)
    ]
    rows.append([f"**{escape(model.gap_heading)}**", "", *gaps, ""])
    gaps_text = " · ".join(f"{escape(f)}, **{escape(g)}**" for f, g in gap_items(comparison, lang))
    lines = [title, "", escape(first.step.text), "", *table(header, rows, "llrrrrrl"), ""]
    if gaps_text:
        lines += [gaps_text, ""]
    for side in comparison.sides:
        items = moment_texts(side.entries)
        if items:
            lines.append(f"`{side.journey.id}`")
            # a bare "+" opening a list item would start a nested list
            lines += [
                f"- {MARKS[key].replace('+', '&#43;')} {escape(words)}" for key, words in items
            ]
            lines.append("")
    return lines
