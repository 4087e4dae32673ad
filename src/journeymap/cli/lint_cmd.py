"""`journeymap lint`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli.options import Command, ExcludeOption, JobsOption, PathsArgument
from journeymap.runner.lint import LintFormat
from journeymap.severity import Severity


def lint(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output_format: Annotated[
        LintFormat,
        typer.Option(
            "--format",
            "-f",
            help="auto (github inside GitHub Actions, else text), text, json, sarif, github.",
        ),
    ] = "auto",
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on",
            help="Lowest severity that makes the exit code 1 "
            "(default: the configuration's, else error).",
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            metavar="FILE",
            help="Configuration file (pyproject.toml or journeymap.toml) instead of the one "
            "found above each linted file.",
            dir_okay=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select", metavar="RULES", help="Rules to run (codes, names or families like JM4)."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="RULES", help="Rules to skip (codes, names or families)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to this file (e.g. a .sarif)."
        ),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Check journeys against the method: scope, stakeholders, the customer's "je", the diagnosis.

    Exit code 0 when no finding reaches --fail-on, 1 when some does (or a file is
    invalid), 2 on a usage or configuration error. `journeymap rules` lists the rules.
    """
    from journeymap.cli import runs

    code = runs.lint(paths, exclude, output_format, fail_on, config, select, ignore, output, jobs)
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("lint", cls=Command)(lint)
