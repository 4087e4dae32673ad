"""Diagnostics for people: one grep-able line each, coloured on a terminal, then a summary.

Lines are never wrapped, so that `path:line:column:` stays clickable in editors and
terminals. Colour needs rich, and rich costs: a pipe, a file or a CI log (no colour
anyway) gets the same characters written plainly, buffered, without importing it; a
terminal gets rich, one print per file rather than one per line.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from journeymap.diagnostics import SEVERITY_RANK, Diagnostic, Severity
from journeymap.output.report import Report, pluralise

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RICH_DROPS = dict.fromkeys((7, 8, 11, 12, 13))
"""The control characters rich removes from a Text (bell, backspace, vertical tab, form
feed, carriage return); the plain writer drops them too, to write the same bytes."""


def console_for(stream: TextIO) -> Console:
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


def colours(stream: TextIO) -> bool:
    """Whether rich would colour `stream`: the same test as rich's own `is_terminal`."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in {"0", "1"}:
        return compatible == "1"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _as_rich_writes(line: str) -> str:
    """A line as rich prints it without colour: its control characters dropped, tabs
    expanded to columns of 8."""
    if line.isprintable():
        return line
    line = line.translate(_RICH_DROPS)
    return _expand_tabs(line) if "\t" in line else line


def _expand_tabs(line: str) -> str:
    """Tabs to the next multiple of 8 columns, counting wide characters as rich does
    (two columns for 漢 or 🎉); rare enough to import rich's cell widths for."""
    from rich.cells import cell_len

    parts = line.split("\t")
    out: list[str] = []
    column = 0
    for part in parts[:-1]:
        column += cell_len(part)
        spaces = 8 - column % 8
        out.append(part + " " * spaces)
        column += spaces
    out.append(parts[-1])
    return "".join(out)


def _where(d: Diagnostic) -> str:
    """`path:line:column:`, or `path:` for what concerns the file as a whole (line 0):
    editors would jump to a line 0 that does not exist."""
    return f"{d.path}:{d.line}:{d.column}:" if d.line > 0 else f"{d.path}:"


class TextReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        self.write_stream(report.diagnostics, report.files_checked, report.command, stream)

    def write_stream(
        self, diagnostics: Iterable[Diagnostic], files: int, command: str, stream: TextIO
    ) -> None:
        """Findings written as they come (grouped by file, in order), then the summary:
        a lint of 10,000 files need not hold its findings."""
        if colours(stream):
            self._rich(diagnostics, files, command, stream)
        else:
            self._plain(diagnostics, files, command, stream)

    def write_plain(self, report: Report, stream: TextIO) -> None:
        self._plain(report.diagnostics, report.files_checked, report.command, stream)

    def write_rich(self, report: Report, stream: TextIO) -> None:
        self._rich(report.diagnostics, report.files_checked, report.command, stream)

    def _plain(
        self, diagnostics: Iterable[Diagnostic], files: int, command: str, stream: TextIO
    ) -> None:
        """The report as text, in one buffered write per thousand lines."""
        lint = command == "lint"
        tally = _Tally()
        lines: list[str] = []
        for key, found in _by_file(diagnostics):
            tally.add(found)
            if lint:
                if key is not _FIRST:
                    lines.append("")
                lines.append(_as_rich_writes(self._header_text(found)))
            for d in found:
                text = f"{_where(d)} {d.severity}[{d.code}] {d.message}"
                lines.append(_as_rich_writes(f"{text} ({d.name})" if lint else text))
            if len(lines) >= 1000:
                stream.write("\n".join(lines) + "\n")
                lines.clear()
        lines.append(_as_rich_writes(tally.summary(files, command)[0]))
        stream.write("\n".join(lines) + "\n")
        stream.flush()

    def _rich(
        self, diagnostics: Iterable[Diagnostic], files: int, command: str, stream: TextIO
    ) -> None:
        """The report in colour: one print per file (rich costs per call, not per line)."""
        from rich.text import Text

        console = console_for(stream)
        lint = command == "lint"
        tally = _Tally()
        newline = Text("\n")
        for key, found in _by_file(diagnostics):
            tally.add(found)
            texts: list[Text] = []
            if lint:
                if key is not _FIRST:
                    console.print()
                worst = max((d.severity for d in found), key=SEVERITY_RANK.__getitem__)
                texts.append(self._header(found[0].path, len(found), worst))
            for d in found:
                line = Text()
                line.append(_where(d), style="bold")
                line.append(" ")
                line.append(f"{d.severity}[{d.code}]", style=_STYLES[d.severity])
                line.append(f" {d.message}")
                if lint:
                    line.append(f" ({d.name})", style="dim")
                texts.append(line)
            console.print(newline.join(texts))
        text, style = tally.summary(files, command)
        console.print(Text(text, style=style))

    @staticmethod
    def _header(path: str, count: int, worst: Severity) -> Text:
        """A file's heading in grouped output, with its count, so a long run reads by file."""
        from rich.text import Text

        return Text(f"{path} ({pluralise(count, 'finding')})", style=f"underline {_STYLES[worst]}")

    @staticmethod
    def _header_text(found: list[Diagnostic]) -> str:
        return f"{found[0].path} ({pluralise(len(found), 'finding')})"


class _Tally:
    """What the summary line needs, counted as the findings go by."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.paths: set[str] = set()

    def add(self, found: list[Diagnostic]) -> None:
        self.counts.update(d.severity for d in found)
        self.paths.update(d.path for d in found)

    def summary(self, files: int, command: str) -> tuple[str, str]:
        """The last line and its style."""
        counts = self.counts
        checked = pluralise(files, "file")
        if not self.paths:
            verdict = "valid" if command == "validate" else "clean"
            return f"✓ {checked} {verdict}", "green"
        parts = [
            pluralise(counts[severity], severity)
            for severity in ("error", "warning", "info")
            if counts[severity]
        ]
        style = "bold red" if counts["error"] else "yellow"
        return f"✗ {', '.join(parts)} in {len(self.paths)} of {checked}", style


_FIRST = object()


def _by_file(diagnostics: Iterable[Diagnostic]) -> Iterator[tuple[object, list[Diagnostic]]]:
    """Runs of findings of one file, in order; the first run's key is `_FIRST`."""
    run: list[Diagnostic] = []
    key: object = _FIRST
    for d in diagnostics:
        if run and d.path != run[0].path:
            yield key, run
            key, run = d.path, []
        run.append(d)
    if run:
        yield key, run
