"""`matrix`: the report for the journeys and filters asked, written in the format asked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, TextIO

from journeymap.runner.errors import Refused

if TYPE_CHECKING:
    from journeymap.model.journey import Journey
    from journeymap.output.console import ColorMode
    from journeymap.views.matrix_report import MatrixReport
    from journeymap.views.metrics import MetricName

MatrixFormat = Literal["text", "markdown", "csv", "json"]


def matrix_report(
    journeys: Sequence[Journey],
    fmt: MatrixFormat,
    stages: Sequence[str],
    channels: Sequence[str],
    by_kind: bool,
    metric: MetricName | None,
    top: int,
) -> MatrixReport:
    """The report, or Refused for a --stage or --channel id that no journey has.

    Texts are made safe for the terminal and Markdown before the report is built (and
    line breaks kept as <br> for Markdown); CSV and JSON carry them as they are.
    """
    from journeymap.views.matrix import unknown_ids
    from journeymap.views.matrix_report import build_report

    if fmt in ("text", "markdown"):
        from journeymap.views.display import for_display

        journeys = [for_display(journey, fmt == "markdown") for journey in journeys]
    problems = unknown_ids(journeys, stages, channels)
    if problems:
        raise Refused("; ".join(problems))
    return build_report(
        journeys, stages=stages, channels=channels, by_kind=by_kind, metric=metric, top=top
    )


def write_matrix(
    report: MatrixReport, fmt: MatrixFormat, stream: TextIO, color: ColorMode, indent: int | None
) -> None:
    """The text format through a console (colour as `color` says); JSON in chunks, as it
    is produced, so that a large portfolio starts flowing at once."""
    if fmt == "text":
        from journeymap.output import matrix_text
        from journeymap.output.console import console

        matrix_text.write(report, console(stream, color))
    elif fmt == "markdown":
        from journeymap.output import matrix_markdown

        stream.write(matrix_markdown.render(report))
    elif fmt == "csv":
        from journeymap.output import matrix_csv

        stream.write(matrix_csv.render(report))
    else:
        from journeymap.output import matrix_json

        stream.writelines(matrix_json.chunks(report, indent))
