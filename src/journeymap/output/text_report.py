"""Diagnostics for people: one grep-able line each, coloured on a terminal, then a summary.

Lines are never wrapped, so that `path:line:column:` stays clickable in editors and
terminals; rich drops colour by itself for pipes and when NO_COLOR is set.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.text import Text

from journeymap.diagnostics import SEVERITY_RANK, Severity
from journeymap.output.report import Report, pluralise

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def console_for(stream: TextIO) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


class TextReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        console = console_for(stream)
        per_file = self._per_file(report) if report.command == "lint" else {}
        previous: str | None = None
        for d in report.diagnostics:
            if report.command == "lint" and d.path != previous:
                if previous is not None:
                    console.print()
                console.print(self._header(d.path, *per_file[d.path]))
                previous = d.path
            line = Text()
            line.append(f"{d.path}:{d.line}:{d.column}:", style="bold")
            line.append(" ")
            line.append(f"{d.severity}[{d.code}]", style=_STYLES[d.severity])
            line.append(f" {d.message}")
            if report.command == "lint":
                line.append(f" ({d.name})", style="dim")
            console.print(line)
        console.print(self._summary(report))

    @staticmethod
    def _per_file(report: Report) -> dict[str, tuple[int, Severity]]:
        """Each file's finding count and worst severity, in one pass over the findings."""
        found: dict[str, tuple[int, Severity]] = {}
        for d in report.diagnostics:
            count, worst = found.get(d.path, (0, d.severity))
            if SEVERITY_RANK[d.severity] > SEVERITY_RANK[worst]:
                worst = d.severity
            found[d.path] = (count + 1, worst)
        return found

    @staticmethod
    def _header(path: str, count: int, worst: Severity) -> Text:
        """A file's heading in grouped output, with its count, so a long run reads by file."""
        return Text(f"{path} ({pluralise(count, 'finding')})", style=f"underline {_STYLES[worst]}")

    @staticmethod
    def _summary(report: Report) -> Text:
        counts = Counter(d.severity for d in report.diagnostics)
        files_with = len({d.path for d in report.diagnostics})
        checked = pluralise(report.files_checked, "file")
        if not report.diagnostics:
            verdict = "valid" if report.command == "validate" else "clean"
            return Text(f"✓ {checked} {verdict}", style="green")
        parts = [
            pluralise(counts[severity], severity)
            for severity in ("error", "warning", "info")
            if counts[severity]
        ]
        style = "bold red" if counts["error"] else "yellow"
        return Text(f"✗ {', '.join(parts)} in {files_with} of {checked}", style=style)
