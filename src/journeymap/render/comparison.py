"""What a comparison adds to the map: whose step each column is, and whose stage a header
names when two journeys have stages of the same name."""

from __future__ import annotations

from collections import Counter

from journeymap.render.canvas import Canvas
from journeymap.render.text import font, lines
from journeymap.views.grid import Column, StageSpan


def owners(canvas: Canvas, column: Column) -> str:
    """The mark of each journey that lives the step, in its colour."""
    if not canvas.grid.comparison:
        return ""
    size = canvas.sizes.scale_name
    return "".join(canvas.journey_mark(j, size) for j in column.journeys)


def repeated_names(canvas: Canvas) -> set[str]:
    if not canvas.grid.comparison:
        return set()
    counts = Counter(stage.name.casefold() for stage in canvas.grid.stages)
    return {name for name, count in counts.items() if count > 1}


def stage_owner_line(canvas: Canvas, stage: StageSpan, width: int) -> str:
    """The journeys a stage belongs to, for a header whose name another stage repeats."""
    if stage.name.casefold() not in repeated_names(canvas):
        return ""
    names = " · ".join(canvas.grid.journeys[j].title for j in stage.journeys)
    # on the header's dark fill the shapes tell the journeys apart, in the header's colour
    text_colour = canvas.theme.header_text
    marks = "".join(canvas.journey_mark(j, colour=text_colour) for j in stage.journeys)
    text = font(lines(names, width, 2), text_colour, canvas.sizes.small)
    return f"{marks} {text}"
