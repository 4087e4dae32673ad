"""`journeymap lint`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.loading import journey_paths
from journeymap.cli.options import ExcludeOption, JobsOption, PathsArgument
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
        typer.Option("--output", "-o", help="Write the report to this file (e.g. a .sarif)."),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Check journeys against the method: scope, stakeholders, the customer's "je", the diagnosis.

    Exit code 0 when no finding reaches --fail-on, 1 when some does (or a file is
    invalid), 2 on a usage or configuration error. `journeymap rules` lists the rules.
    """
    from journeymap.lint.config import ConfigError, Resolver
    from journeymap.lint.linter import lint_run
    from journeymap.output.atomic import OutputError
    from journeymap.output.destination import deliver, output_file
    from journeymap.runner.lint import report_format, write_report

    files = journey_paths(paths, exclude)
    with exits.handled(ConfigError):
        run = lint_run(files, Resolver(config), fail_on, select or None, ignore or None, jobs)
    name = report_format(output_format, os.environ)
    with exits.handled(OutputError):
        deliver(lambda stream: write_report(run, name, stream), output_file(output), files)
    if run.unreadable:
        raise typer.Exit(exits.USAGE)
    raise typer.Exit(exits.FINDINGS if run.failing else exits.OK)


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
