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


class TextReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        if colours(stream):
            self.write_rich(report, stream)
        else:
            self.write_plain(report, stream)

    def write_plain(self, report: Report, stream: TextIO) -> None:
        """The report as text, in one buffered write per thousand lines."""
        lines: list[str] = []
        for line in self._lines(report):
            lines.append(_as_rich_writes(line))
            if len(lines) >= 1000:
                stream.write("\n".join(lines) + "\n")
                lines.clear()
        stream.write("".join(f"{line}\n" for line in lines))
        stream.flush()

    def _lines(self, report: Report) -> Iterator[str]:
        lint = report.command == "lint"
        for path, found in _by_file(report.diagnostics):
            if lint:
                if path is not _FIRST:
                    yield ""
                yield self._header_text(found)
            for d in found:
                text = f"{d.path}:{d.line}:{d.column}: {d.severity}[{d.code}] {d.message}"
                yield f"{text} ({d.name})" if lint else text
        yield self._summary_text(report)[0]

    def write_rich(self, report: Report, stream: TextIO) -> None:
        """The report in colour: one print per file (rich costs per call, not per line)."""
        from rich.text import Text

        console = console_for(stream)
        lint = report.command == "lint"
        per_file = self._per_file(report) if lint else {}
        newline = Text("\n")
        for key, found in _by_file(report.diagnostics):
            texts: list[Text] = []
            if lint:
                if key is not _FIRST:
                    console.print()
                texts.append(self._header(found[0].path, *per_file[found[0].path]))
            for d in found:
                line = Text()
                line.append(f"{d.path}:{d.line}:{d.column}:", style="bold")
                line.append(" ")
                line.append(f"{d.severity}[{d.code}]", style=_STYLES[d.severity])
                line.append(f" {d.message}")
                if lint:
                    line.append(f" ({d.name})", style="dim")
                texts.append(line)
            console.print(newline.join(texts))
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
        from rich.text import Text

        return Text(f"{path} ({pluralise(count, 'finding')})", style=f"underline {_STYLES[worst]}")

    @staticmethod
    def _header_text(found: list[Diagnostic]) -> str:
        return f"{found[0].path} ({pluralise(len(found), 'finding')})"

    def _summary(self, report: Report) -> Text:
        from rich.text import Text

        text, style = self._summary_text(report)
        return Text(text, style=style)

    @staticmethod
    def _summary_text(report: Report) -> tuple[str, str]:
        counts = Counter(d.severity for d in report.diagnostics)
        files_with = len({d.path for d in report.diagnostics})
        checked = pluralise(report.files_checked, "file")
        if not report.diagnostics:
            verdict = "valid" if report.command == "validate" else "clean"
            return f"✓ {checked} {verdict}", "green"
        parts = [
            pluralise(counts[severity], severity)
            for severity in ("error", "warning", "info")
            if counts[severity]
        ]
        style = "bold red" if counts["error"] else "yellow"
        return f"✗ {', '.join(parts)} in {files_with} of {checked}", style


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
