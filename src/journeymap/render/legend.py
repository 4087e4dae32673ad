"""The title, the persona and the legend above the map.

The legend lists only what the drawing uses: the marks, the kinds of breakpoint arrow
that appear, and either the path or, in a comparison, each journey's colour.
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
    if not grid.lanes:
        kept = {"moment_of_truth", "shared", "emotion_unrated", "emotion_elsewhere"}
        legend = [item for item in legend if item[1] in kept]
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


def _legend_line(canvas: Canvas, items: Sequence[tuple[str, str]]) -> str:
    gap = "&#160;" * 6
    size = canvas.sizes.legend
    return gap.join(f"{mark}&#160;{font(text, canvas.theme.text, size)}" for mark, text in items)
