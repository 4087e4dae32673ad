"""Tables drawn with string joins, byte for byte as rich draws them, when no style can show.

rich lays a table out for any width and any content, and pays for it on every cell: the
comparisons of a thousand journeys cost 170,000 renders. When the console writes no
colour (a pipe, a file, `--color never`) and the table fits its width, the layout is
simple enough to write directly: the same box characters (taken from rich's own boxes,
so an ASCII-only console gets what rich would give it), the same padding, lines wrapped
by rich's own `Text.wrap` only when a cell is too narrow for them. Anything outside that
(a tab, a control character, a table wider than the console) returns None, and the
caller lets rich draw it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.box import Box
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

_AWKWARD = re.compile(r"[\x00-\x1f\x7f]")
"""Control codes rich expands or strips. (Headings reach rich as Text, so no markup
character needs rich: a property test once found "\\[" read as markup.)"""

Overflow = Literal["fold", "ellipsis"]


@dataclass(frozen=True, slots=True)
class PlainColumn:
    width: int
    """Content width, without padding."""
    left: int = 1
    right: int = 1
    overflow: Overflow = "ellipsis"
    justify: Literal["left", "right"] = "left"


def usable(console: Console) -> bool:
    """Whether this console shows no style at all, so that plain strings are its output."""
    return console.color_system is None and not console.legacy_windows


def awkward(texts: Sequence[str]) -> bool:
    """Text that rich would expand or strip (tabs, control codes): leave it to rich."""
    return any(_AWKWARD.search(text) for text in texts)


def _cell(console: Console, lines: Sequence[str], column: PlainColumn) -> list[str]:
    width = column.width
    out: list[str] = []
    for line in lines:
        size = cell_len(line)
        if size <= width:
            gap = " " * (width - size)
            out.append(gap + line if column.justify == "right" else line + gap)
            continue
        wrapped = Text(line).wrap(console, width, justify=column.justify, overflow=column.overflow)
        out += [piece.plain for piece in wrapped]
    return out


def rows(
    console: Console,
    box: Box,
    columns: Sequence[PlainColumn],
    table_rows: Sequence[Sequence[Sequence[str]]],
    *,
    header: bool = True,
    footer: bool = False,
    edge: bool = True,
    sections: Sequence[bool] = (),
) -> str:
    """The table as text, ending with a newline.

    `table_rows` holds, per row, the lines of each cell (missing cells are empty); the
    first row is the header when `header`, the last the footer when `footer`. A body row
    whose `sections` entry is true is followed by a rule unless it is the last body row.
    """
    box = box.substitute(console.options)
    widths = [c.left + c.width + c.right for c in columns]
    out: list[str] = []
    if edge:
        out.append(box.get_top(widths) + "\n")
    last_index = len(table_rows) - 1
    for index, row in enumerate(table_rows):
        first, last = index == 0, index == last_index
        is_header, is_footer = first and header, last and footer
        if is_footer:
            out.append(box.get_row(widths, "foot", edge=edge) + "\n")
        cells = [
            _cell(console, row[i] if i < len(row) else ("",), column)
            for i, column in enumerate(columns)
        ]
        height = max(len(cell) for cell in cells)
        for i, cell in enumerate(cells):
            blank = [" " * columns[i].width] * (height - len(cell))
            cells[i] = blank + cell if is_header else cell + blank
        if first:
            left, right, divider = box.head_left, box.head_right, box.head_vertical
        elif last:
            left, right, divider = box.foot_left, box.foot_right, box.foot_vertical
        else:
            left, right, divider = box.mid_left, box.mid_right, box.mid_vertical
        for line in range(height):
            parts = [
                " " * column.left + cell[line] + " " * column.right
                for column, cell in zip(columns, cells, strict=True)
            ]
            text = divider.join(parts)
            out.append((left + text + right if edge else text) + "\n")
        if is_header:
            out.append(box.get_row(widths, "head", edge=edge) + "\n")
        body = index - (1 if header else 0)
        last_body = last_index - (1 if footer else 0)
        if (
            not is_header
            and not is_footer
            and index < last_body
            and 0 <= body < len(sections)
            and sections[body]
        ):
            out.append(box.get_row(widths, "row", edge=edge) + "\n")
    if edge:
        out.append(box.get_bottom(widths) + "\n")
    return "".join(out)


def fits(console: Console, columns: Sequence[PlainColumn], *, edge: bool = True) -> bool:
    dividers = len(columns) - 1 + (2 if edge else 0)
    return sum(c.left + c.width + c.right for c in columns) + dividers <= console.width


class Out:
    """A console's output, buffered as plain strings while nothing needs rich.

    Lines that fit the width (no tab, no newline) are what rich would print for them;
    anything else flushes the buffer and goes through rich, so the bytes never change.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.plain = usable(console)
        self.width = console.width
        self._parts: list[str] = []

    def print(self, text: Text | None = None, *, soft_wrap: bool = False) -> None:
        if text is None:
            self.raw("\n") if self.plain else self._rich(Text())
            return
        line = text.plain
        simple = self.plain and "\n" not in line and "\t" not in line
        if simple and (soft_wrap or cell_len(line) <= self.width):
            self._parts.append(line + "\n")
            return
        self._rich(text, soft_wrap=soft_wrap)

    def raw(self, text: str) -> None:
        """Text already laid out as rich would print it."""
        self._parts.append(text)

    def _rich(self, renderable: object, *, soft_wrap: bool = False) -> None:
        self.flush()
        self.console.print(renderable, soft_wrap=soft_wrap)

    def rich(self, renderable: object) -> None:
        self._rich(renderable)

    def flush(self) -> None:
        if self._parts:
            self.console.file.write("".join(self._parts))
            self._parts.clear()
