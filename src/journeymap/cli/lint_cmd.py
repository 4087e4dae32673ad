"""`journeymap lint`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.loading import journey_paths
from journeymap.cli.options import ExcludeOption, FailOn, JobsOption, LintFormat, PathsArgument


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
    ] = LintFormat.auto,
    fail_on: Annotated[
        FailOn | None,
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
    import io

    from journeymap.lint.config import ConfigError, Resolver
    from journeymap.lint.linter import lint_run
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs, write_atomic

    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as for render
    files = journey_paths(paths, exclude)
    try:
        resolver = Resolver(config)
        run = lint_run(
            files,
            resolver,
            fail_on.value if fail_on else None,
            select or None,
            ignore or None,
            jobs,
        )
    except ConfigError as exc:
        exits.fail(str(exc))
    name = output_format.value
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    target = sys.stdout if output is None else io.StringIO()
    if name == "text":
        from journeymap.output.text_report import TextReporter

        # written file by file as the workers finish: the findings are never all held
        TextReporter().write_stream(run, run.files_checked, "lint", target)
    else:
        from journeymap.lint.registry import rule_infos
        from journeymap.output.report import Report
        from journeymap.output.reporters import reporter

        found = list(run)
        report = Report(found, run.files_checked, "lint", rule_infos(), run.suppressed)
        reporter(name).write(report, target)
    if output is not None:
        assert isinstance(target, io.StringIO)
        try:
            refuse_overwriting_inputs(output, files)
            write_atomic(output, target.getvalue())
        except OutputError as exc:
            exits.fail(str(exc))
    if run.unreadable:
        raise typer.Exit(exits.USAGE)
    raise typer.Exit(exits.FINDINGS if run.failing else exits.OK)


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
