"""The survey plan as a Markdown table (wiki, ticket) or CSV (a spreadsheet), RFC 4180."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from journeymap.metrics.plan import PlanItem
from journeymap.output.matrix_markdown import escape, table

HEADER = ("journey", "stage", "step", "channel", "why", "metric", "question", "when", "how")


def _cells(item: PlanItem) -> tuple[str, ...]:
    return (
        item.journey.id,
        item.stage.id,
        item.step.id,
        item.touchpoint.channel,
        item.why,
        item.metric.upper(),
        item.question,
        item.when,
        item.how,
    )


def csv_text(items: Sequence[PlanItem]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(_cells(item) for item in items)
    return buffer.getvalue()


def markdown(items: Sequence[PlanItem]) -> str:
    if not items:
        return "Every moment of truth and high-volume touchpoint has a recent metric.\n"
    lines = ["# Survey plan", ""]
    lines += table(HEADER, [[escape(cell) for cell in _cells(item)] for item in items])
    return "\n".join(lines) + "\n"
