"""The title, the persona and the legend above the map.

The legend lists only what the drawing uses: the marks that appear, the kinds of
breakpoint arrow, the emotion curve's dashes, and either the path or, in a comparison,
each journey's mark and colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeymap.render import emotion, path
from journeymap.render.canvas import Canvas
from journeymap.render.text import esc, font
from journeymap.views.labels import label

ARROWS = {"forced": "- - →", "blocked": "——┤", "unspecified": "· · ▷"}
PLAIN_ARROWS = {"forced": "- - →", "blocked": "——|", "unspecified": "· · >"}
GAP_LINES = {"dashed": "- - -", "dotted": "· · ·"}
"""The emotion curve across steps without a point, as the legend draws it."""
ARROW_LABELS = {"forced": "forced", "blocked": "blocked_arrow", "unspecified": "unspecified"}


def title(canvas: Canvas) -> str:
    theme, grid, lang, sizes = canvas.theme, canvas.grid, canvas.grid.lang, canvas.sizes
    rows = [font(esc(grid.title), theme.title, sizes.title, bold=True)]
    if not grid.comparison and grid.journeys[0].persona:
        rows.append(font(esc(grid.journeys[0].persona or ""), theme.muted, sizes.subtitle))
    big = sizes.legend_mark
    legend = [
        (font(canvas.mark("delight"), theme.mark["delight"], big, bold=True), "delights"),
        (font(canvas.mark("irritant"), theme.mark["irritant"], big, bold=True), "irritants"),
        (font(canvas.mark("breakpoint"), theme.mark["breakpoint"], big, bold=True), "breakpoints"),
    ]
    arrows = PLAIN_ARROWS if canvas.options.plain_marks else ARROWS
    kinds = {path.kind(edge) for edge in grid.breakpoints if path.drawn(edge)}
    for name in ("forced", "blocked", "unspecified"):
        if name in kinds:
            arrow = font(esc(arrows[name]), theme.breakpoint_kind[name], big, bold=True)
            legend.append((arrow, ARROW_LABELS[name]))
    legend.append(
        (
            font(canvas.mark("moment_of_truth"), theme.mark["moment_of_truth"], big),
            "moment_of_truth",
        )
    )
    if grid.comparison:
        legend.append((font(canvas.mark("shared"), theme.mark["shared"], big), "shared"))
    else:
        legend.append((font("→", theme.path, big, bold=True), "path"))
    crossed = emotion.gaps(canvas)
    for style, key in (("dashed", "emotion_unrated"), ("dotted", "emotion_elsewhere")):
        if style in crossed:
            line = font(GAP_LINES[style], theme.emotion_line, big, bold=True)
            legend.append((line, key))
    drawn = _drawn_marks(canvas)
    legend = [item for item in legend if item[1] not in MARK_KEYS or item[1] in drawn]
    if not grid.lanes:  # the emotion view: no cells, no path
        legend = [item for item in legend if item[1] != "path"]
    items = [(m, esc(label(key, lang))) for m, key in legend]
    if grid.comparison:
        items = [
            (
                canvas.journey_mark(i, big)
                + font(canvas.line + "→", canvas.journey_colour(i), big, True),
                esc(journey.title),
            )
            for i, journey in enumerate(grid.journeys)
        ] + items
    rows.append(f'<FONT POINT-SIZE="{sizes.legend_gap:g}">&#160;</FONT>')
    rows.append(_legend_line(canvas, items))
    if canvas.options.highlight is not None:
        rows.append(canvas.options.highlight.legend(theme.font, lang))
    # Lines of text, not a table: graphviz stretches a table's cells to the widest row.
    return "<" + "".join(f'{row}<BR ALIGN="LEFT"/>' for row in rows) + ">"


MARK_KEYS = {
    "delights": "delight",
    "irritants": "irritant",
    "breakpoints": "breakpoint",
    "moment_of_truth": "moment_of_truth",
    "shared": "shared",
}


def _drawn_marks(canvas: Canvas) -> set[str]:
    """The legend's marks that the drawing shows: a mark nobody meets on the map would
    send the reader looking for it."""
    grid = canvas.grid
    entries = [e for cell in grid.cells.values() for e in cell.entries] if grid.lanes else []
    return {
        key
        for key, present in (
            ("delights", any(e.delights for e in entries)),
            ("irritants", any(e.irritants for e in entries)),
            ("breakpoints", any(e.breakpoints for e in entries)),
            ("moment_of_truth", any(c.moment_of_truth for c in grid.columns)),
            ("shared", any(c.shared for c in grid.columns)),
        )
        if present
    }


def _legend_line(canvas: Canvas, items: Sequence[tuple[str, str]]) -> str:
    gap = "&#160;" * 6
    size = canvas.sizes.legend
    return gap.join(f"{mark}&#160;{font(text, canvas.theme.text, size)}" for mark, text in items)
