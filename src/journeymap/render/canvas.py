"""What every part of the drawing shares: the grid, the options, the rows and the widths.

The map is a table of nodes: one column of nodes per step (plus the row labels on the
left), one row per kind of content, top to bottom: the step, the customer's thoughts,
the emotion levels, the channel lanes, then the blueprint lanes (frontstage, the line of
visibility, backstage, support) and the opportunities. Rows that hold nothing are left
out, so a format-1 journey draws as it always did. Node names are derived from the row
and the column, so the same journey always gives the same DOT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from journeymap.render.dotwriter import Digraph
from journeymap.render.text import font
from journeymap.render.themes import JOURNEY_MARKS, SIZES, Sizes, Theme
from journeymap.views.grid import Grid, Note
from journeymap.views.labels import MARKS, Lang

if TYPE_CHECKING:
    from journeymap.render.highlight import Highlight

SHOW_FIELDS = ("owner", "metrics", "volume")
EMOTION_LEVELS = (2, 1, 0, -1, -2)

PLAIN_MARKS = {"breakpoint": "×", "moment_of_truth": "♦", "shared": "↔"}
"""Look-alikes of the marks for fonts that lack them (graphviz-pure's bundled fonts
draw ✕ ◆ ⇄ as empty boxes in PNG)."""

PURE_FONT = "Helvetica"
"""graphviz-pure measures text with metrics it knows by font name; given a list of
fallbacks it measures Times and its boxes come out too narrow for the sans it draws."""


@dataclass(frozen=True, slots=True)
class Options:
    theme: Theme
    show: frozenset[str] = frozenset()
    emotion: bool = True
    plain_marks: bool = False
    compact: bool = False
    """Counts of delights, irritants and breakpoints instead of their words."""
    pure: bool = False
    """Laid out by graphviz-pure, whose text metrics are known for one font name only."""
    highlight: Highlight | None = None
    """Cells and steps to mark as changed (`journeymap diff --format svg`)."""


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    """Node names of the row: `lab_<key>` on the left, then one per column."""
    kind: str
    """step, thoughts, emotion, lane, action, visibility or opportunities."""
    height: float
    index: int = 0
    """The lane (channel lanes), the blueprint lane (0-2) or the emotion level."""


@lru_cache(maxsize=8192)
def node_name(key: str, column: int) -> str:
    """The node of row `key` in a column (the names tests and tools read); cached, as
    each is asked for several times a map (node, row chain, column chain, edges)."""
    if key == "step":
        return f"h{column}"
    if key.startswith("e"):
        return f"e{column}_{key[1:]}"
    if key.startswith("l"):
        return f"c{column}_{key[1:]}"
    return f"{key}{column}"


def level_key(level: int) -> str:
    return f"m{-level}" if level < 0 else f"p{level}"


@dataclass
class Canvas:
    grid: Grid
    options: Options
    graph: Digraph
    sizes: Sizes = SIZES
    widths: list[float] = field(default_factory=list)
    """Width of each column, in inches, chosen from its text."""
    rows: list[Row] = field(default_factory=list)
    labels: dict[tuple[str, int, int], tuple[str, float]] = field(default_factory=dict)
    """Labels already built, by (row kind, column, lane): sizing and drawing share them."""
    header_lines: int = 1
    """Lines of the tallest stage header, measured once (per stage, it was quadratic)."""
    stage_ideas: dict[int, tuple[Note, ...]] | None = None
    """Each stage's opportunities by its first column, indexed on first use."""

    @property
    def theme(self) -> Theme:
        return self.options.theme

    @property
    def lang(self) -> Lang:
        return self.grid.lang

    @property
    def font(self) -> str:
        return PURE_FONT if self.options.pure else self.theme.font

    @property
    def emotion(self) -> bool:
        """Whether the emotion band is drawn: a journey whose steps carry no emotion yet
        gets no empty band for it."""
        grid = self.grid
        rated = any(e is not None for c in grid.columns for e in c.emotions)
        return self.options.emotion and (rated or not grid.lanes)

    @property
    def line(self) -> str:
        return "——" if self.options.plain_marks else "━━"

    def mark(self, key: str) -> str:
        if self.options.plain_marks:
            return PLAIN_MARKS.get(key, MARKS[key])
        return MARKS[key]

    def journey_colour(self, journey: int) -> str:
        colours = self.theme.journeys
        return colours[journey % len(colours)]

    def journey_mark(self, journey: int, size: float | None = None, colour: str = "") -> str:
        """The journey's mark (its shape) in its colour, or in `colour`."""
        glyph = JOURNEY_MARKS[journey % len(JOURNEY_MARKS)]
        return font(glyph, colour or self.journey_colour(journey), size)


def rule(canvas: Canvas, tail: str, head: str, colour: str, width: float) -> None:
    """A dashed line along a row, centre to centre, that holds the row straight (the
    neutral emotion, the line of visibility)."""
    canvas.graph.edge(
        tail,
        head,
        weight="100",
        arrowhead="none",
        style="dashed",
        color=colour,
        penwidth=f"{width:g}",
        tailclip="false",
        headclip="false",
    )
