"""`journeymap matrix`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar

import typer

from journeymap.cli import exits
from journeymap.cli.options import (
    ColorOption,
    Command,
    ExcludeOption,
    OutputFileOption,
    PathsArgument,
)
from journeymap.runner.matrix import MatrixFormat
from journeymap.views.metrics import MetricName


class MatrixCommand(Command):
    retired: ClassVar[Mapping[str, tuple[str, str]]] = {"-c": ("--channel", "--config")}


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
    ] = "text",
    metric: Annotated[
        MetricName | None,
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
    color: ColorOption = "auto",
    indent: Annotated[
        int | None,
        typer.Option(
            "--indent",
            min=0,
            max=10,  # as JSON.stringify: --indent 100000 wrote 2.6 GB for the examples
            metavar="N",
            help="Indent JSON by N spaces for reading, 0 to 10 (default: compact).",
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
    from journeymap.cli.loading import journey_paths
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs
    from journeymap.output.destination import deliver, output_file
    from journeymap.runner.matrix import check_filters, gather, write_gathered

    target = output_file(output)
    files = journey_paths(paths, exclude)
    chosen = (stages or (), channels or (), by_kind, metric, top)
    with exits.handled(OutputError):
        gathered = gather(files, output_format, *chosen, indent)
        if target is not None:
            refuse_overwriting_inputs(target, files)
        check_filters(gathered, stages or (), channels or ())
        deliver(
            lambda stream: write_gathered(gathered, output_format, *chosen, stream, color, indent),
            target,
        )


def register(app: typer.Typer) -> None:
    app.command("matrix", cls=MatrixCommand)(matrix)
