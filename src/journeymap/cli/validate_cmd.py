"""`journeymap validate`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.loading import journey_paths
from journeymap.cli.options import ExcludeOption, JobsOption, PathsArgument
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
    from journeymap.output.report import Report, validity_rules
    from journeymap.output.reporters import reporter
    from journeymap.runner.validate import validate_files

    files = journey_paths(paths, exclude)
    found = validate_files(files, jobs)
    report = Report(found.diagnostics, len(files), "validate", validity_rules())
    reporter(output_format).write(report, sys.stdout)
    if found.unreadable:
        raise typer.Exit(exits.USAGE)
    raise typer.Exit(exits.FINDINGS if found.diagnostics else exits.OK)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
