"""The tables `journeymap matrix` prints, built once from the views: rows, columns, cells.

A format only decides how to draw: the channels x stages grid (headings, one row per
channel or kind, each cell's touchpoints with their marks, the figure of the metric shown
and its heat, the footer of stage figures) and the comparison of a shared moment (one row
per journey's touchpoint, every figure, the gaps) are the same in the terminal and in
Markdown, so they are derived here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeymap.model.journey import ChannelKind, Stage
from journeymap.views.compare import Comparison
from journeymap.views.labels import Lang, colon, label
from journeymap.views.matrix import Entry, Matrix
from journeymap.views.metrics import METRIC_NAMES, MetricName, heat


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as shown: its value (None: not measured) and its heat rating (0..4)."""

    metric: MetricName
    value: float | None
    heat: int

    @classmethod
    def of(cls, metric: MetricName, value: float | None, largest: float) -> Figure:
        rating = heat(metric, value, largest) if value is not None else 0
        return cls(metric, value, rating)


@dataclass(frozen=True, slots=True)
class Item:
    """One touchpoint in a cell: the entry, its marks and the figure of the metric shown."""

    entry: Entry
    marks: tuple[tuple[str, int], ...]
    figure: Figure | None


@dataclass(frozen=True, slots=True)
class Column:
    stage: Stage
    footer: Figure | None
    """The stage's total or mean of the metric shown; None without a metric."""


@dataclass(frozen=True, slots=True)
class Row:
    """A channel's row, or (`kind_heading`) the heading of a group of channels."""

    heading: str
    cells: tuple[tuple[Item, ...], ...]
    """One tuple of items per column; empty for a kind heading."""
    kind: ChannelKind | None = None
    """Set on the heading row of a group of channels (`--by-kind`)."""
    ends_section: bool = False

    @property
    def kind_heading(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True, slots=True)
class GridTable:
    """The channels x stages grid of one journey."""

    lang: Lang
    metric: MetricName | None
    channel_heading: str
    footer_heading: str
    """'Total' or 'Mean' when a metric is shown, else empty."""
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def page(self, stages: Sequence[Stage]) -> GridTable:
        """The same table restricted to some of its columns, in their order."""
        wanted = {stage.id for stage in stages}
        keep = [i for i, column in enumerate(self.columns) if column.stage.id in wanted]
        return GridTable(
            self.lang,
            self.metric,
            self.channel_heading,
            self.footer_heading,
            tuple(self.columns[i] for i in keep),
            tuple(
                Row(
                    row.heading,
                    row.cells if row.kind_heading else tuple(row.cells[i] for i in keep),
                    row.kind,
                    row.ends_section,
                )
                for row in self.rows
            ),
        )


def kind_heading(kind: str, lang: Lang) -> str:
    return label(f"kind_{kind}", lang) + colon(lang).rstrip()


def footer_heading(metric: MetricName | None, lang: Lang) -> str:
    if metric is None:
        return ""
    return label("total" if metric == "volume" else "mean", lang).capitalize()


def grid_table(matrix: Matrix, metric: MetricName | None) -> GridTable:
    lang, largest = matrix.journey.words_lang, matrix.largest_volume()
    stage_largest = matrix.largest_stage_volume
    columns = tuple(
        Column(
            stage,
            None
            if metric is None
            else Figure.of(metric, matrix.stage_figure(metric, stage.id), stage_largest),
        )
        for stage in matrix.stages
    )
    rows: list[Row] = []
    for group in matrix.groups:
        if group.kind is not None:
            rows.append(Row(kind_heading(group.kind, lang), (), kind=group.kind))
        for position, channel in enumerate(group.channels):
            cells = tuple(
                tuple(
                    Item(
                        entry,
                        tuple(entry.marks()),
                        None if metric is None else Figure.of(metric, entry.value(metric), largest),
                    )
                    for entry in matrix.cell(channel.id, stage.id)
                )
                for stage in matrix.stages
            )
            last = group.kind is not None and position == len(group.channels) - 1
            rows.append(Row(channel.name, cells, ends_section=last))
    return GridTable(
        lang,
        metric,
        label("channel", lang).capitalize(),
        footer_heading(metric, lang),
        columns,
        tuple(rows),
    )


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One touchpoint of one journey at a shared moment; `entry` None for a journey
    without a touchpoint there (on the channels shown)."""

    journey: str
    """The journey id on its first row, empty on the next ones."""
    entry: Entry | None
    figures: tuple[Figure, ...]
    marks: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    comparison: Comparison
    headings: tuple[str, ...]
    """Journey, channel, one per metric (METRIC_NAMES order), marks."""
    rows: tuple[ComparisonRow, ...]
    gaps: tuple[float | None, ...]
    """Best minus worst per metric; None where not shown (volume, or fewer than two)."""
    gap_heading: str


def metric_title(metric: MetricName, lang: Lang) -> str:
    return label(metric, lang) if metric in ("volume", "emotion") else metric.upper()


def comparison_table(comparison: Comparison, lang: Lang) -> ComparisonTable:
    headings = (
        label("journey", lang),
        label("channel", lang),
        *(metric_title(m, lang) for m in METRIC_NAMES),
        label("marks", lang),
    )
    largest = max(
        (float(e.touchpoint.volume or 0) for s in comparison.sides for e in s.entries),
        default=0.0,
    )
    rows: list[ComparisonRow] = []
    for side in comparison.sides:
        if not side.entries:
            rows.append(ComparisonRow(side.journey.id, None, (), ()))
        for position, entry in enumerate(side.entries):
            rows.append(
                ComparisonRow(
                    side.journey.id if position == 0 else "",
                    entry,
                    tuple(Figure.of(m, entry.value(m), largest) for m in METRIC_NAMES),
                    tuple(entry.marks()),
                )
            )
    gaps = tuple(None if m == "volume" else comparison.gap(m) for m in METRIC_NAMES)
    return ComparisonTable(comparison, headings, tuple(rows), gaps, label("gap", lang))
