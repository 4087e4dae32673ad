"""`journeymap validate`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.loading import journey_paths
from journeymap.cli.options import DiagnosticFormat, ExcludeOption, JobsOption, PathsArgument


def validate(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output_format: Annotated[
        DiagnosticFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json for scripts, github for annotations, sarif for code "
            "scanning.",
        ),
    ] = DiagnosticFormat.text,
    jobs: JobsOption = None,
) -> None:
    """Check journey files against the format: syntax, keys, values and references.

    Exit code 0 when every file is valid, 1 when some file is not, 2 on a usage error or
    a file that cannot be read at all.
    """
    from journeymap.diagnostics import Diagnostic
    from journeymap.load.batch import validity
    from journeymap.load.repository import duplicate_journey_ids, merged
    from journeymap.output.report import Report, validity_rules
    from journeymap.output.reporters import reporter
    from journeymap.parallel import run_per_file

    files = journey_paths(paths, exclude)
    diagnostics: list[Diagnostic] = []
    unreadable = False
    outcomes = run_per_file(validity, files, jobs)
    across = duplicate_journey_ids([outcome.journey_id for outcome in outcomes])
    for outcome in outcomes:
        diagnostics.extend(merged(outcome.path, outcome.diagnostics, across))
        unreadable = unreadable or outcome.unreadable
    reporter(output_format.value).write(
        Report(diagnostics, len(files), "validate", validity_rules()), sys.stdout
    )
    if unreadable:
        raise typer.Exit(exits.USAGE)
    raise typer.Exit(exits.FINDINGS if diagnostics else exits.OK)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
