"""GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

The span's end is given when it is on the finding's line: GitHub refuses a column range
across lines (`col` and `endColumn` "cannot be sent when line and endLine differ",
actions/toolkit's AnnotationProperties), and a YAML block ends at the start of the line
after it, which would underline one line too many.
"""

from __future__ import annotations

from typing import TextIO

from journeymap.output.report import Report


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


class GithubReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        for d in report.diagnostics:
            props = [f"file={_escape_property(d.path)}"]
            if d.line:
                props += [f"line={d.line}", f"col={d.column}"]
            if d.on_one_line():  # GitHub takes a column range on one line only
                props += [f"endLine={d.end_line}", f"endColumn={d.end_column}"]
            props.append(f"title={_escape_property(f'{d.code} {d.name}')}")
            stream.write(f"::{_LEVELS[d.severity]} {','.join(props)}::{_escape_data(d.message)}\n")
