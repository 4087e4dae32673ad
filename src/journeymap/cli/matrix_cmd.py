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
    from journeymap.cli.loading import load_valid
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs, write_atomic
    from journeymap.views.matrix import unknown_ids
    from journeymap.views.matrix_report import build_report

    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as for render
    loaded = load_valid(paths, exclude)
    if output is not None:
        try:
            refuse_overwriting_inputs(output, [path for path, _ in loaded])
        except OutputError as exc:
            exits.fail(str(exc))
    journeys = [journey for _, journey in loaded]
    if output_format in (MatrixFormat.text, MatrixFormat.markdown):
        from journeymap.views.display import for_display

        breaks = output_format is MatrixFormat.markdown
        journeys = [for_display(journey, breaks) for journey in journeys]
    problems = unknown_ids(journeys, stages or (), channels or ())
    if problems:
        exits.fail("; ".join(problems))
    report = build_report(
        journeys,
        stages=stages or (),
        channels=channels or (),
        by_kind=by_kind,
        metric=metric.value if metric else None,
        top=top,
    )
    if output is None:
        if output_format is MatrixFormat.text:
            _write_text(report, _console(sys.stdout, color))
        else:
            sys.stdout.writelines(_render(report, output_format, indent))
        return
    if output_format is MatrixFormat.text:
        buffer = io.StringIO()
        _write_text(report, _console(buffer, color))
        rendered = buffer.getvalue()
    else:
        rendered = "".join(_render(report, output_format, indent))
    try:
        write_atomic(output, rendered)
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
