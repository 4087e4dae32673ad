"""The matrix as CSV for spreadsheets: one row per touchpoint, RFC 4180.

A grid of cells would hold several steps per cell and be useless to sort or pivot; one
row per touchpoint, with stable columns, is what a spreadsheet filters, sums and charts.
Marks are counts, so a pivot table can total irritants per stage or per channel.
Numbers are written as in the file (dot decimal), never localised, so that every
spreadsheet reads them as numbers. The `csv` module quotes what needs quoting and ends
rows with CRLF as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io

from journeymap.views.matrix_report import MatrixReport
from journeymap.views.priorities import priority

COLUMNS = (
    "journey",
    "stage",
    "stage_name",
    "phase",
    "step",
    "step_text",
    "channel",
    "channel_name",
    "channel_kind",
    "touchpoint",
    "owner",
    "delights",
    "irritants",
    "breakpoints",
    "moment_of_truth",
    "shared",
    "volume",
    "nps",
    "csat",
    "ces",
    "emotion",
    "dissatisfaction",
    "priority",
)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render(report: MatrixReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for sheet in report.sheets:
        for entry in sheet.matrix.entries:
            tp, metrics = entry.touchpoint, entry.touchpoint.metrics
            ranked = priority(entry)
            writer.writerow(
                (
                    sheet.journey.id,
                    entry.stage.id,
                    entry.stage.name,
                    entry.stage.phase or "",
                    entry.step.id,
                    entry.step.text,
                    entry.channel.id,
                    entry.channel.name,
                    entry.channel.kind,
                    tp.name or "",
                    tp.owner or "",
                    len(tp.delights),
                    len(tp.irritants),
                    len(tp.breakpoints),
                    "true" if entry.step.moment_of_truth else "false",
                    "true" if entry.shared else "false",
                    _number(tp.volume),
                    _number(metrics.nps if metrics else None),
                    _number(metrics.csat if metrics else None),
                    _number(metrics.ces if metrics else None),
                    _number(entry.step.emotion),
                    f"{ranked.dissatisfaction:.4f}" if ranked else "",
                    f"{ranked.score:.1f}" if ranked else "",
                )
            )
    return buffer.getvalue()
