"""Pieces every human-readable matrix format writes the same way: marks, legend, summary.

A mark is repeated once per item (three irritants read `!!!`), up to three; beyond that
the count is written (`!×7`), so that a cell stays short and the count is still exact.
"""

from __future__ import annotations

from collections.abc import Iterable

from journeymap.views.compare import Comparison
from journeymap.views.labels import MARKS, Lang, label
from journeymap.views.matrix import MARK_ORDER, Entry, Matrix
from journeymap.views.matrix_table import metric_title
from journeymap.views.metrics import METRIC_NAMES, SCORE_NAMES, MetricName
from journeymap.views.numbers import figure

_REPEAT_UP_TO = 3


def mark_runs(entry: Entry | Iterable[tuple[str, int]]) -> list[tuple[str, str]]:
    """(mark key, symbols) for each mark of the entry (or of its marks), in MARK_ORDER."""
    runs = []
    for key, count in entry.marks() if isinstance(entry, Entry) else entry:
        symbol = MARKS[key]
        runs.append((key, symbol * count if count <= _REPEAT_UP_TO else f"{symbol}×{count}"))
    return runs


def moment_texts(entries: Iterable[Entry]) -> list[tuple[str, str]]:
    """(mark key, text) of every delight, irritant and breakpoint of the entries."""
    items: list[tuple[str, str]] = []
    for entry in entries:
        tp = entry.touchpoint
        items += [("delight", d.text) for d in tp.delights]
        items += [("irritant", i.text) for i in tp.irritants]
        items += [("breakpoint", b.text) for b in tp.breakpoints]
    return items


def marks_text(entry: Entry | Iterable[tuple[str, int]]) -> str:
    return "".join(symbols for _, symbols in mark_runs(entry))


def legend_items(lang: Lang, *, shared: bool) -> list[tuple[str, str]]:
    """(mark key, 'symbol word') for the legend; the shared mark only where it can occur."""
    return [
        (key, f"{MARKS[key]} {label(key, lang)}") for key in MARK_ORDER if shared or key != "shared"
    ]


def metric_legend(metric: MetricName, lang: Lang) -> str:
    footer = "footer_total" if metric == "volume" else "footer_mean"
    return f"{label(metric + '_scale', lang)}; {label(footer, lang)}"


def summary_items(matrix: Matrix, metric: MetricName | None, lang: Lang) -> list[str]:
    """The counts of the summary line, then the journey's figure for the metric shown."""
    summary = matrix.summary()
    counts = (
        (summary.stages, "stages"),
        (summary.steps, "steps"),
        (summary.channels, "channels"),
        (summary.touchpoints, "touchpoints"),
        (summary.delights, "delights"),
        (summary.irritants, "irritants"),
        (summary.breakpoints, "breakpoints"),
    )
    items = [f"{count} {_counted(key, count, lang)}" for count, key in counts]
    total = matrix.total(metric) if metric is not None else None
    if metric is not None and total is not None:
        items.append(f"{metric_title(metric, lang)} {figure(metric, total, lang)}")
    return items


def _counted(plural_key: str, count: int, lang: Lang) -> str:
    """Singular below two in French ("1 étape", "0 étape"), below two but not zero in English."""
    singular = plural_key[:-1]
    one = count < 2 if lang == "fr" else count == 1
    return label(singular, lang) if one else label(plural_key, lang)


def scores_text(entry: Entry, lang: Lang) -> str:
    """The scores of a touchpoint, e.g. 'CSAT 41, NPS -34, CES 5,6'."""
    return ", ".join(
        f"{name.upper()} {figure(name, v, lang)}"
        for name in SCORE_NAMES
        if (v := entry.value(name)) is not None
    )


def gap_items(comparison: Comparison, lang: Lang) -> list[tuple[str, str]]:
    """Each gap as words: ("CSAT 83 vs 41", "écart 42"), for readers who cannot see a table."""
    items: list[tuple[str, str]] = []
    for metric in METRIC_NAMES:
        gap = comparison.gap(metric)
        if metric == "volume" or gap is None:
            continue
        shown = " vs ".join(
            figure(metric, f, lang) if (f := side.figure(metric)) is not None else "–"
            for side in comparison.sides
        )
        items.append(
            (
                f"{metric_title(metric, lang)} {shown}",
                f"{label('gap', lang)} {figure(metric, gap, lang)}",
            )
        )
    return items
