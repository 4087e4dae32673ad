"""The diff for the terminal: journey by journey, section by section, coloured by effect.

Colour repeats what the marks say (▼ worse, ▲ better, + added, − removed, → moved,
~ changed, ✓ fixed), so the report reads the same with NO_COLOR or in a pipe.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from journeymap.diff.changes import DiffResult
from journeymap.output.diff_common import by_place, mark, sections, summary_line, told, tone

STYLES = {"bad": "red", "good": "green", "neutral": ""}


def write(result: DiffResult, console: Console) -> None:
    """On a terminal, long lines wrap under their own text; elsewhere (a CI log, a file,
    a pipe) a change stays on one line, whole, for grep: at 80 columns a finding's
    words went on at column 0, as if they were a line of their own."""
    soft = not console.is_terminal
    console.print(Text(f"{result.old_label} → {result.new_label}", style="bold"), soft_wrap=soft)
    for journey in result.journeys:
        if not journey.changes:
            continue
        console.print()
        heading = Text(f"{journey.title} ({journey.journey})", style="bold")
        heading.append(f", {journey.status}", style="dim")
        console.print(heading, soft_wrap=soft)
        for title, changes in sections(journey):
            console.print(Text(f"  {title}", style="underline"), soft_wrap=soft)
            for place, inside in by_place(changes):
                indent = "    "
                if place:
                    _hanging(console, Text("    "), Text(place, style="cyan"), soft)
                    indent = "      "
                for change, words in zip(inside, told(inside), strict=True):
                    head = Text(indent)
                    head.append(mark(change), style=STYLES[tone(change)] or "bold")
                    head.append(" ")
                    _hanging(console, head, Text(words, style=STYLES[tone(change)]), soft)
    console.print()
    console.print(Text(summary_line(result), style="bold"), soft_wrap=soft)


def _hanging(console: Console, head: Text, body: Text, soft: bool) -> None:
    """`head` then `body`, the body's further lines under its first word."""
    if soft:
        console.print(Text.assemble(head, body), soft_wrap=True)
        return
    width = max(20, console.width - head.cell_len)
    for index, line in enumerate(body.wrap(console, width)):
        line.rstrip()
        console.print(
            Text.assemble(head if index == 0 else " " * head.cell_len, line), soft_wrap=True
        )
