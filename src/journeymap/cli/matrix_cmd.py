"""`journeymap matrix`."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from journeymap.cli import exits
from journeymap.cli.options import ExcludeOption, OutputFileOption, PathsArgument

if TYPE_CHECKING:
    from rich.console import Console

    from journeymap.views.matrix_report import MatrixReport


class MatrixFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"


class Metric(StrEnum):
    csat = "csat"
    nps = "nps"
    ces = "ces"
    volume = "volume"
    emotion = "emotion"


class ColorMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def matrix(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output_format: Annotated[
        MatrixFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for the terminal, markdown for pull requests and wikis, "
            "csv for spreadsheets (one row per touchpoint), json for scripts.",
        ),
    ] = MatrixFormat.text,
    metric: Annotated[
        Metric | None,
        typer.Option(
            "--metric",
            "-m",
            help="Show this figure in each cell, as a heat colour, with stage totals "
            "(volume) or volume-weighted means in a footer row.",
            show_default=False,
        ),
    ] = None,
    stages: Annotated[
        list[str] | None,
        typer.Option(
            "--stage",
            "-s",
            metavar="ID",
            help="Only this stage id (repeatable).",
            show_default=False,
        ),
    ] = None,
    channels: Annotated[
        list[str] | None,
        typer.Option(
            "--channel",
            "-c",
            metavar="ID",
            help="Only this channel id (repeatable).",
            show_default=False,
        ),
    ] = None,
    by_kind: Annotated[
        bool,
        typer.Option("--by-kind", "-k", help="Group channel rows by kind (digital, phone...)."),
    ] = False,
    top: Annotated[
        int,
        typer.Option(
            "--top",
            "-n",
            min=0,
            metavar="N",
            help="How many touchpoints to rank by volume x dissatisfaction (0: none).",
        ),
    ] = 5,
    color: Annotated[
        ColorMode,
        typer.Option(
            "--color",
            help="Colour in the text format: auto (terminal, honours NO_COLOR), always, never.",
        ),
    ] = ColorMode.auto,
    indent: Annotated[
        int | None,
        typer.Option(
            "--indent",
            min=0,
            metavar="N",
            help="Indent JSON by N spaces for reading (default: compact).",
            show_default=False,
        ),
    ] = None,
    output: OutputFileOption = None,
) -> None:
    """Show the channels x stages matrix of each journey, then the moments they share.

    Each cell lists the steps with a touchpoint there, marked for moments of truth (◆),
    delights (+), irritants (!) and breakpoints (✕); a summary line and the touchpoints
    that most need work (volume x dissatisfaction) follow each matrix. With several
    files, the moments they share (same stage id and step id) are compared side by side.
    """
    from journeymap.cli.loading import fail_invalid, journey_paths
    from journeymap.output import matrix_batch
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs, write_atomic
    from journeymap.views.matrix_report import build_report

    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as for render
    files = journey_paths(paths, exclude)
    settings = matrix_batch.Settings(
        json=output_format is MatrixFormat.json and indent is None,
        display=output_format in (MatrixFormat.text, MatrixFormat.markdown),
        breaks=output_format is MatrixFormat.markdown,
        stages=tuple(stages or ()),
        channels=tuple(channels or ()),
        by_kind=by_kind,
        top=top,
    )
    try:
        gathered = matrix_batch.collect(files, settings, metric.value if metric else None)
    except matrix_batch.InvalidInputs as invalid:
        fail_invalid(invalid.diagnostics, len(files), invalid.unreadable)
    if output is not None:
        try:
            refuse_overwriting_inputs(output, files)
        except OutputError as exc:
            exits.fail(str(exc))
    problems = gathered.unknown(settings.stages, settings.channels)
    if problems:
        exits.fail("; ".join(problems))
    if gathered.document is not None:
        pieces: Iterable[str] = gathered.document.chunks()
    else:
        report = build_report(
            gathered.journeys,
            stages=settings.stages,
            channels=settings.channels,
            by_kind=by_kind,
            metric=metric.value if metric else None,
            top=top,
        )
        if output_format is MatrixFormat.text:
            stream = sys.stdout if output is None else io.StringIO()
            _write_text(report, _console(stream, color))
            if output is None:
                return
            assert isinstance(stream, io.StringIO)
            pieces = [stream.getvalue()]
        else:
            pieces = _render(report, output_format, indent)
    if output is None:
        sys.stdout.writelines(pieces)
        return
    try:
        write_atomic(output, "".join(pieces))
    except OutputError as exc:
        exits.fail(str(exc))


def _render(report: MatrixReport, output_format: MatrixFormat, indent: int | None) -> Iterable[str]:
    if output_format is MatrixFormat.markdown:
        from journeymap.output import matrix_markdown

        return [matrix_markdown.render(report)]
    if output_format is MatrixFormat.csv:
        from journeymap.output import matrix_csv

        return [matrix_csv.render(report)]
    from journeymap.output import matrix_json

    return matrix_json.chunks(report, indent)


def _write_text(report: MatrixReport, console: Console) -> None:
    from journeymap.output import matrix_text

    matrix_text.write(report, console)


def _console(stream: TextIO, color: ColorMode) -> Console:
    """A console on `stream`; --color always wins over NO_COLOR, as an explicit flag should."""
    from rich.console import Console

    common = {"file": stream, "highlight": False, "emoji": False, "markup": False}
    if color is ColorMode.always:
        dumb = os.environ.get("TERM", "") in ("", "dumb", "unknown")
        return Console(
            force_terminal=True,
            no_color=False,
            color_system="standard" if dumb else "auto",
            **common,  # type: ignore[arg-type]
        )
    if color is ColorMode.never:
        return Console(color_system=None, **common)  # type: ignore[arg-type]
    return Console(**common)  # type: ignore[arg-type]


def register(app: typer.Typer) -> None:
    app.command("matrix")(matrix)
