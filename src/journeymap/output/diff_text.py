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
    console.print(Text(f"{result.old_label} → {result.new_label}", style="bold"))
    for journey in result.journeys:
        if not journey.changes:
            continue
        console.print()
        heading = Text(f"{journey.title} ({journey.journey})", style="bold")
        heading.append(f", {journey.status}", style="dim")
        console.print(heading)
        for title, changes in sections(journey):
            console.print(Text(f"  {title}", style="underline"))
            for place, inside in by_place(changes):
                indent = "    "
                if place:
                    console.print(Text(f"    {place}", style="cyan"))
                    indent = "      "
                for change, words in zip(inside, told(inside), strict=True):
                    line = Text(indent)
                    line.append(mark(change), style=STYLES[tone(change)] or "bold")
                    line.append(" ")
                    line.append(words, style=STYLES[tone(change)])
                    console.print(line)
    console.print()
    console.print(Text(summary_line(result), style="bold"))
