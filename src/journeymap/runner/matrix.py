"""`matrix`: the report for the journeys and filters asked, written in the format asked."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from journeymap.runner.errors import InvalidInputs, Refused

if TYPE_CHECKING:
    from journeymap.output.console import ColorMode
    from journeymap.output.matrix_batch import Gathered
    from journeymap.views.matrix_report import MatrixReport
    from journeymap.views.metrics import MetricName

MatrixFormat = Literal["text", "markdown", "csv", "json"]


def gather(
    files: Sequence[Path],
    fmt: MatrixFormat,
    stages: Sequence[str],
    channels: Sequence[str],
    by_kind: bool,
    metric: MetricName | None,
    top: int,
    indent: int | None,
) -> Gathered:
    """Every file read in the workers, as the format needs it: compact JSON is encoded
    there (the parent holds no model), the other formats get journeys made safe for
    display. InvalidInputs when any file is not a valid journey."""
    from journeymap.output import matrix_batch

    settings = matrix_batch.Settings(
        json=fmt == "json" and indent is None,
        display=fmt in ("text", "markdown"),
        breaks=fmt == "markdown",
        stages=tuple(stages),
        channels=tuple(channels),
        by_kind=by_kind,
        top=top,
    )
    try:
        return matrix_batch.collect(files, settings, metric)
    except matrix_batch.InvalidInputs as invalid:
        raise InvalidInputs(invalid.diagnostics, len(files), invalid.unreadable) from None


def check_filters(gathered: Gathered, stages: Sequence[str], channels: Sequence[str]) -> None:
    """Refused for a --stage or --channel id that no journey has."""
    problems = gathered.unknown(stages, channels)
    if problems:
        raise Refused("; ".join(problems))


def write_gathered(
    gathered: Gathered,
    fmt: MatrixFormat,
    stages: Sequence[str],
    channels: Sequence[str],
    by_kind: bool,
    metric: MetricName | None,
    top: int,
    stream: TextIO,
    color: ColorMode,
    indent: int | None,
) -> None:
    """The JSON document the workers encoded, or the report built once and printed."""
    if gathered.document is not None:
        stream.writelines(gathered.document.chunks())
        return
    from journeymap.views.matrix_report import build_report

    report = build_report(
        gathered.journeys, stages=stages, channels=channels, by_kind=by_kind, metric=metric, top=top
    )
    write_matrix(report, fmt, stream, color, indent)


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
