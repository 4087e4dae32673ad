"""The bodies of `validate`, `lint` and `render`, without typer: called by their typer
commands and by `quick`, which answers the common invocations without importing typer."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeymap.cli import exits
from journeymap.cli.loading import journey_paths

if TYPE_CHECKING:
    from journeymap.output.reporters import ReportFormat
    from journeymap.render.formats import RenderFormat, ThemeName, View
    from journeymap.runner.lint import LintFormat
    from journeymap.severity import Severity


def validate(
    paths: Sequence[Path],
    exclude: Sequence[str] | None,
    output_format: ReportFormat,
    jobs: int | None,
) -> int:
    """The exit code: 0 every file valid, 1 some file is not, 2 some file unreadable."""
    from journeymap.output.report import Report, validity_rules
    from journeymap.output.reporters import reporter
    from journeymap.runner.validate import validate_files

    files = journey_paths(paths, exclude)
    found = validate_files(files, jobs)
    report = Report(found.diagnostics, len(files), "validate", validity_rules())
    reporter(output_format).write(report, sys.stdout)
    return exits.outcome(found.unreadable, bool(found.diagnostics))


def lint(
    paths: Sequence[Path],
    exclude: Sequence[str] | None,
    output_format: LintFormat,
    fail_on: Severity | None,
    config: Path | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    output: Path | None,
    jobs: int | None,
) -> int:
    """The exit code: 0 no finding reaches `fail_on`, 1 some does, 2 usage or input error."""
    from journeymap.lint.config import ConfigError, Resolver
    from journeymap.lint.linter import lint_run
    from journeymap.output.atomic import OutputError
    from journeymap.output.destination import deliver, output_file
    from journeymap.runner.lint import report_format, write_report

    files = journey_paths(paths, exclude)
    with exits.handled(ConfigError):
        chosen = list(select) if select else None
        skipped = list(ignore) if ignore else None
        run = lint_run(files, Resolver(config), fail_on, chosen, skipped, jobs)
    name = report_format(output_format, os.environ)
    with exits.handled(OutputError):
        deliver(lambda stream: write_report(run, name, stream), output_file(output), files)
    return exits.outcome(run.unreadable, run.failing > 0)


def render(
    paths: Sequence[Path],
    exclude: Sequence[str] | None,
    output: str | None,
    output_format: RenderFormat | None,
    view: View,
    theme: ThemeName,
    show: str | None,
    emotion: bool,
    compact: bool,
    verbose: bool,
    jobs: int | None,
) -> int:
    """The exit code: 0 when every map was drawn (every failure exits on its own)."""
    from journeymap.output.destination import wrote
    from journeymap.runner.render import draw, drawing

    with exits.handled():
        chosen = drawing(output, output_format, view, theme, show, emotion, compact)
    files = journey_paths(paths, exclude)
    with exits.handled():
        written = draw(files, chosen, jobs, _tell if verbose else None, _warn)
    if written:
        _tell(wrote(written))
    return exits.OK


def _tell(line: str) -> None:
    sys.stderr.write(f"{line}\n")


def _warn(line: str) -> None:
    from journeymap.textsafe import visible

    sys.stderr.write(f"journeymap: warning: {visible(line)}\n")
