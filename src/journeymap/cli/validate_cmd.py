"""`journeymap validate`."""

from __future__ import annotations

from typing import Annotated

import typer

from journeymap.cli.options import Command, ExcludeOption, JobsOption, PathsArgument
from journeymap.output.reporters import ReportFormat


def validate(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json for scripts, github for annotations, sarif for code "
            "scanning.",
        ),
    ] = "text",
    jobs: JobsOption = None,
) -> None:
    """Check journey files against the format: syntax, keys, values and references.

    Exit code 0 when every file is valid, 1 when some file is not, 2 on a usage error or
    a file that cannot be read at all.
    """
    from journeymap.cli import runs

    raise typer.Exit(runs.validate(paths, exclude, output_format, jobs))


def register(app: typer.Typer) -> None:
    app.command("validate", cls=Command)(validate)
