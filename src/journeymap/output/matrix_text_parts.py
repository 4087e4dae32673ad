"""What every part of the terminal matrix shares: styles, styled runs, wrapping.

A run is a piece of text and its style. Cells and lines are built as runs once, then
turned into rich `Text` when the console shows styles, or joined as plain strings when
it shows none (see `plain_table`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from journeymap.output.plain_table import Out
from journeymap.views import numbers
from journeymap.views.labels import Lang
from journeymap.views.matrix_table import Figure

MARK_STYLES = {
    "moment_of_truth": "bold magenta",
    "shared": "cyan",
    "delight": "green",
    "irritant": "yellow",
    "breakpoint": "bold red",
}
HEAT_STYLES = ("bold red", "dark_orange", "yellow", "chartreuse3", "bold green")
VOLUME_STYLES = ("dim cyan", "cyan", "cyan", "bold cyan", "bold cyan")

Run = tuple[str, str | None]
"""A piece of text and its style."""


def wrap_items(items: Sequence[Text | str], width: int, separator: str = " · ") -> list[Text]:
    """Items joined on lines of at most `width`, breaking only between items."""
    lines: list[Text] = []
    for item in items:
        piece = Text(item) if isinstance(item, str) else item
        if lines and lines[-1].cell_len + len(separator) + piece.cell_len <= width:
            lines[-1].append(separator)
            lines[-1].append_text(piece)
        else:
            line = Text()
            line.append_text(piece)
            lines.append(line)
    return lines


def text(lines: Sequence[Sequence[Run]]) -> Text:
    text = Text()
    for index, runs in enumerate(lines):
        if index:
            text.append("\n")
        for words, style in runs:
            text.append(words, style=style)
    return text


def styled(run: Run) -> Text:
    """One run as a Text styled as a whole: in a table, its padding takes the style too."""
    return Text(run[0], style=run[1] or "")


def plain(runs: Sequence[Run]) -> str:
    return "".join(words for words, _ in runs)


def figure(shown: Figure, lang: Lang, *, short: bool = False) -> Run:
    if shown.value is None:
        return ("–", "dim")
    styles = VOLUME_STYLES if shown.metric == "volume" else HEAT_STYLES
    return (numbers.figure(shown.metric, shown.value, lang, short=short), styles[shown.heat])


def hanging(out: Out, head: Text, indent: int, *paragraphs: Text) -> None:
    """Paragraphs after `head`, wrapped so that every further line starts at `indent`."""
    width = max(out.width - indent, 20)
    lines: list[Text] = []
    for paragraph in paragraphs:
        words = paragraph.plain
        if out.plain and "\n" not in words and "\t" not in words and cell_len(words) <= width:
            lines.append(paragraph)  # what wrap() would give, without its cost
        else:
            lines += paragraph.wrap(out.console, width)
    for index, line in enumerate(lines):
        if out.plain:
            lead = head.plain if index == 0 else " " * indent
            out.raw(lead + line.plain.rstrip() + "\n")
            continue
        line.rstrip()
        out.print(Text.assemble(head if index == 0 else " " * indent, line), soft_wrap=True)
