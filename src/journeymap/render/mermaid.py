"""The grid as a Mermaid `journey` diagram, which GitHub draws inside Markdown.

Mermaid's journey diagram has sections, tasks, a score from 1 to 5 and actors, so the
export is lossy: stages become sections, steps become tasks, the emotion (-2..2) becomes
the score (1..5, 3 when not rated) and the channels of the step become its actors; in a
comparison the actors are the journeys that live the step. Cells, marks and breakpoints
have no place there.
"""

from __future__ import annotations

import re

from journeymap.views.grid import Grid

_UNSAFE = re.compile(r"[:;#%\n\r]+")


def _clean(text: str) -> str:
    """Mermaid's journey syntax splits on ':' and treats ';', '#' and '%%' specially."""
    return " ".join(_UNSAFE.sub(" ", text).split())


def _actor(name: str) -> str:
    return _clean(name.replace(",", " "))


def score(emotion: int | None) -> int:
    return 3 if emotion is None else emotion + 3


def build_mermaid(grid: Grid) -> str:
    lines = ["journey", f"    title {_clean(grid.title)}"]
    for stage in grid.stages:
        lines.append(f"    section {_clean(stage.name)}")
        for index in stage.columns:
            column = grid.columns[index]
            if not column.step_id:
                continue
            emotions = [e for e in column.emotions if e is not None]
            emotion = round(sum(emotions) / len(emotions)) if emotions else None
            if grid.comparison:
                actors = [_actor(grid.journeys[j].title) for j in column.journeys]
            else:
                lanes = sorted({lane for (k, lane) in grid.cells if k == index})
                actors = [_actor(grid.lanes[lane].name) for lane in lanes]
            task = f"      {_clean(column.text)}: {score(emotion)}"
            lines.append(f"{task}: {', '.join(actors)}" if actors else task)
    return "\n".join(lines) + "\n"
