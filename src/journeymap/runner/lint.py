"""`lint`'s report: which format, and how it is written (as it comes, or collected)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from journeymap.lint.linter import LintRun
    from journeymap.output.reporters import ReportFormat

LintFormat = Literal["auto", "text", "json", "sarif", "github"]
"""The reporters' formats, and `auto`: github inside GitHub Actions, text elsewhere."""


def report_format(name: LintFormat, environ: Mapping[str, str]) -> ReportFormat:
    """`auto` made concrete: annotations on the pull request's diff in GitHub Actions."""
    if name == "auto":
        return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def write_report(run: LintRun, name: ReportFormat, stream: TextIO) -> None:
    """Text is written file by file as the workers finish, so the findings are never all
    held; the other formats need every finding (and the rules) before their first byte."""
    if name == "text":
        from journeymap.output.text_report import TextReporter

        TextReporter().write_stream(run, run.files_checked, "lint", stream)
        return
    from journeymap.lint.registry import rule_infos
    from journeymap.output.report import Report
    from journeymap.output.reporters import reporter

    found = list(run)
    report = Report(found, run.files_checked, "lint", rule_infos(), run.suppressed)
    reporter(name).write(report, stream)
