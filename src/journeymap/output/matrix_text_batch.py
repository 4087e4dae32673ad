"""The text matrix of many journeys: sheets drawn by worker processes, in order.

Each journey's sheet depends on the whole report (which of its moments others share),
so it can only be drawn once every file is read; drawing a thousand sheets is then most
of what is left. When the output shows no style and is not a terminal (a pipe, a file),
the workers draw the sheets as plain strings, each from its own copy of the report
(forked, nothing pickled but the strings coming back), while the parent draws the
comparisons. Anything else (colour, a terminal that may be resized, a platform whose
workers do not start as copies) draws in one process, as before.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO

from rich.console import Console

from journeymap.output import plain_table
from journeymap.output.matrix_text_compare import write_comparisons
from journeymap.views.matrix_report import MatrixReport, Sheet

FROM_SHEETS = 32
"""Fewer sheets than this are drawn faster than workers start."""

DrawSheet = Callable[[Sheet, MatrixReport, plain_table.Out], None]

_FORKED: tuple[MatrixReport, Console, DrawSheet] | None = None
"""What the workers draw from: the report, its console and how a sheet is drawn (set
before they are forked, so nothing of it is pickled)."""


class _Capture(io.StringIO):
    """A buffer that answers as the real output would (encoding, no terminal), so that
    a console writing into it chooses the same characters and widths."""

    def __init__(self, like: IO[str]) -> None:
        super().__init__()
        self._like_encoding = getattr(like, "encoding", None)

    @property
    def encoding(self) -> str | None:  # type: ignore[override]
        return self._like_encoding

    def isatty(self) -> bool:
        return False


def worth_it(report: MatrixReport, out: plain_table.Out) -> bool:
    from journeymap.parallel import available_cores, forks

    return (
        len(report.sheets) >= FROM_SHEETS
        and out.plain
        and not out.console.is_terminal
        and available_cores() > 1
        and forks()
    )


def _captured(console: Console, draw: Callable[[plain_table.Out], None]) -> str:
    """What `draw(out)` prints on `console`, as a string."""
    real = console.file
    buffer = _Capture(real)
    console.file = buffer
    try:
        out = plain_table.Out(console)
        draw(out)
        out.flush()
    finally:
        console.file = real
    return buffer.getvalue()


def _sheet_text(index: int) -> str:
    """One sheet, drawn in a worker from the forked report."""
    assert _FORKED is not None
    report, console, draw = _FORKED
    sheet = report.sheets[index]
    return _captured(console, lambda out: draw(sheet, report, out))


def write(report: MatrixReport, out: plain_table.Out, draw: DrawSheet) -> None:
    global _FORKED
    from journeymap.parallel import iter_per_file

    console = out.console
    console.width = out.width  # fixed before the workers copy it
    _FORKED = (report, console, draw)
    sheets = iter_per_file(_sheet_text, range(len(report.sheets)), None)
    try:
        first = next(sheets)  # the workers are started and drawing
        comparisons = ""
        if report.several:
            comparisons = _captured(console, lambda o: write_comparisons(report, o))
        out.raw(first)
        for text in sheets:
            out.print()
            out.raw(text)
        if report.several:
            out.print()
            out.raw(comparisons)
        out.flush()
    finally:
        _FORKED = None
        close = getattr(sheets, "close", None)
        if close is not None:
            close()  # an interruption stops the workers
