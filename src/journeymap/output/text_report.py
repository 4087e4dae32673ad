"""Diagnostics for people: one grep-able line each, coloured on a terminal, then a summary.

Lines are never wrapped, so that `path:line:column:` stays clickable in editors and
terminals; rich drops colour by itself for pipes and when NO_COLOR is set.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.console import Console
from rich.text import Text

from journeymap.output.report import Report, pluralise

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def console_for(stream: TextIO) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


class TextReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        console = console_for(stream)
        previous: str | None = None
        for d in report.diagnostics:
            if report.command == "lint" and d.path != previous:
                if previous is not None:
                    console.print()
                console.print(self._header(report, d.path))
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
    def _header(report: Report, path: str) -> Text:
        """A file's heading in grouped output, with its count, so a long run reads by file."""
        mine = [d for d in report.diagnostics if d.path == path]
        worst = next(s for s in ("error", "warning", "info") if any(d.severity == s for d in mine))
        return Text(
            f"{path} ({pluralise(len(mine), 'finding')})", style=f"underline {_STYLES[worst]}"
        )

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
