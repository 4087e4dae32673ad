"""Colours and fonts of a map, one set per theme.

The default palette is built on Okabe and Ito's colour-blind-safe colours: blue for
delights and orange for irritants (the pair that stays apart for every common colour
vision deficiency), vermilion for breakpoints, never red against green. Colour only
repeats what the marks (+ ! ✕ ◆) already say, so the print theme can drop it entirely.
In a comparison each journey has a shape as well as a colour (`JOURNEY_MARKS`, the
emotion points in `JOURNEY_SHAPES`): blue against green, or two greys in print, is not
enough to tell whose touchpoint a cell is.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymap.render.formats import ThemeName


@dataclass(frozen=True, slots=True)
class Theme:
    name: ThemeName
    font: str
    background: str
    text: str
    muted: str
    title: str
    header_fill: str
    header_text: str
    step_fill: str
    phase_fill: dict[str, str]
    stage_border: str
    lane_fill: str
    lane_text: str
    empty_border: str
    cell_border: str
    tone_fill: dict[str, str]
    mark: dict[str, str]
    moment_border: str
    path: str
    breakpoint: str
    emotion_line: str
    emotion_fill: dict[int, str]
    journeys: tuple[str, ...]
    """Path colours of the journeys in a comparison, in file order."""
    thought: str
    opportunity: str
    blueprint_fill: dict[str, str]
    """Fill of the frontstage, backstage and support lanes' actions."""
    visibility: str
    """The line of visibility between frontstage and backstage."""
    breakpoint_kind: dict[str, str]
    """Arrow colour of a breakpoint by kind: forced, blocked, unspecified."""
    breakpoint_words: dict[str, str]
    """Colour of the words that say where a breakpoint sends the customer, by kind: the
    arrow's hue, dark enough to read (4.5:1) on a breakpoint's fill."""


@dataclass(frozen=True, slots=True)
class Sizes:
    """Every size of the drawing in one place, in inches (lengths) or points (text).

    Widths are chosen from the text (`cell_widths` holds the steps a column may take);
    these are the units and bounds the choice works with.
    """

    cell_widths: tuple[float, ...] = (1.9, 2.4, 2.9)
    """A column takes the narrowest of these in which its densest cell fits."""
    cell_fits: tuple[int, ...] = (110, 230)
    """Characters of annotation that fit the first widths without growing tall."""
    label_width: float = 1.45
    ranksep: float = 0.42
    nodesep: float = 0.22
    """Between lanes: room for a path arrow from a cell to the one just below."""
    nodesep_emotion: float = 0.45
    emotion_slot: float = 0.16
    emotion_point: float = 0.16
    visibility_height: float = 0.12
    min_lane_height: float = 0.62
    min_action_height: float = 0.45
    pad: float = 0.3
    cell_pad: float = 14
    """Points of padding around a cell's text (border and margins)."""
    char_width: float = 0.52
    """Average glyph width of sans-serif text, in ems (bold adds `bold_extra`)."""
    bold_extra: float = 0.06
    line: float = 1.22
    """Line height, in font sizes."""
    floor: float = 8
    """No text is drawn smaller: below it a map printed on A3 or shown on a screen does
    not read (tests/test_render_reading.py checks every example)."""
    text: float = 10
    small: float = 8.5
    note: float = 8.5
    detail: float = 8
    """The line under an annotation: where a breakpoint sends the customer, who does an
    action and with what."""
    step: float = 9
    stage: float = 11
    title: float = 18
    subtitle: float = 11
    legend: float = 10
    legend_mark: float = 11
    legend_gap: float = 5
    """The blank line between the title and the legend."""
    lane_name: float = 10.5
    phase: float = 10
    scale: float = 8
    scale_name: float = 9
    step_lines: int = 6
    """Lines of a step's text in its header (in the widest column, about 260 characters;
    the rest is cut with "…" and kept whole in the tooltip)."""
    name_lines: int = 3
    compact_note_lines: int = 1
    stage_lines: int = 2
    lane_name_lines: int = 2
    penwidth_path: float = 2
    penwidth_edge: float = 1.6
    penwidth_emotion: float = 2.2
    penwidth_breakpoint: float = 1.8
    penwidth_cell: float = 1.2
    penwidth_moment: float = 2.6
    penwidth_baseline: float = 0.8
    penwidth_visibility: float = 1.2
    penwidth_blocked_extra: float = 0.6
    """Blocked breakpoints are drawn heavier than the others."""
    breakpoint_arrowsize: float = 0.9
    arrowsize: float = 0.7
    stage_margin: float = 6
    phase_margin: float = 10


SIZES = Sizes()

JOURNEY_MARKS = ("■", "●", "▲", "▼")
"""The mark of each journey of a comparison, in file order (then again, in the next
colours): glyphs that graphviz-pure's fonts draw too."""
JOURNEY_SHAPES = ("square", "circle", "triangle", "invtriangle")
"""The emotion point of each journey, the same shapes as its mark."""


_FONT = "Helvetica,Arial,sans-serif"

DEFAULT = Theme(
    name="default",
    font=_FONT,
    background="#FFFFFF",
    text="#1F2933",
    muted="#56616E",
    title="#102A43",
    header_fill="#243B53",
    header_text="#FFFFFF",
    step_fill="#FFFFFF",
    phase_fill={"before": "#F0F4F8", "during": "#E6EEF6", "after": "#F4F1EA", "none": "#F7F7F7"},
    stage_border="#BCCCDC",
    lane_fill="#D9E2EC",
    lane_text="#102A43",
    empty_border="#D9E2EC",
    cell_border="#829AB1",
    tone_fill={
        "neutral": "#FFFFFF",
        "delight": "#D4E8F7",
        "irritant": "#FCE8C3",
        "breakpoint": "#F9D3C0",
    },
    mark={
        "delight": "#0072B2",
        "irritant": "#B36B00",
        "breakpoint": "#C04A00",
        "moment_of_truth": "#102A43",
        "shared": "#6A3D9A",
    },
    moment_border="#102A43",
    path="#334E68",
    breakpoint="#D55E00",
    emotion_line="#486581",
    emotion_fill={2: "#0072B2", 1: "#56B4E9", 0: "#9FB3C8", -1: "#E69F00", -2: "#D55E00"},
    journeys=("#0072B2", "#007A5A", "#A8447E", "#8F6200", "#56616E", "#000000"),
    thought="#52606D",
    opportunity="#007A5E",
    blueprint_fill={"frontstage": "#EEF2F7", "backstage": "#F5F5F5", "support": "#FAFAFA"},
    visibility="#829AB1",
    breakpoint_kind={"forced": "#D55E00", "blocked": "#A3180E", "unspecified": "#8A6D3B"},
    breakpoint_words={"forced": "#A33E00", "blocked": "#A3180E", "unspecified": "#74572B"},
)

DARK = Theme(
    name="dark",
    font=_FONT,
    background="#1B1F27",
    text="#E4E7EB",
    muted="#9AA5B1",
    title="#F5F7FA",
    header_fill="#3E4C59",
    header_text="#F5F7FA",
    step_fill="#1B1F27",
    phase_fill={"before": "#232A35", "during": "#212B38", "after": "#2A2A30", "none": "#23262D"},
    stage_border="#3E4C59",
    lane_fill="#323F4B",
    lane_text="#F5F7FA",
    empty_border="#323F4B",
    cell_border="#7B8794",
    tone_fill={
        "neutral": "#2D3440",
        "delight": "#123A57",
        "irritant": "#4D3A12",
        "breakpoint": "#582B14",
    },
    mark={
        "delight": "#7CC4F5",
        "irritant": "#F5C26B",
        "breakpoint": "#FF8F52",
        "moment_of_truth": "#F5F7FA",
        "shared": "#D4A5E8",
    },
    moment_border="#F5F7FA",
    path="#B8C4D0",
    breakpoint="#FF8F52",
    emotion_line="#9AA5B1",
    emotion_fill={2: "#56B4E9", 1: "#9BD0F0", 0: "#7B8794", -1: "#E69F00", -2: "#FF8F52"},
    journeys=("#56B4E9", "#3CCB9B", "#E39AC5", "#F0B43C", "#A3D9F5", "#F5F7FA"),
    thought="#CBD2D9",
    opportunity="#5FD3A8",
    blueprint_fill={"frontstage": "#26303C", "backstage": "#22272F", "support": "#1F232A"},
    visibility="#7B8794",
    breakpoint_kind={"forced": "#FF8F52", "blocked": "#FF6B5E", "unspecified": "#D9B36C"},
    breakpoint_words={"forced": "#FF8F52", "blocked": "#FF8A80", "unspecified": "#D9B36C"},
)

PRINT = Theme(
    name="print",
    font=_FONT,
    background="#FFFFFF",
    text="#000000",
    muted="#404040",
    title="#000000",
    header_fill="#404040",
    header_text="#FFFFFF",
    step_fill="#FFFFFF",
    phase_fill={"before": "#F2F2F2", "during": "#E8E8E8", "after": "#F2F2F2", "none": "#F7F7F7"},
    stage_border="#999999",
    lane_fill="#E0E0E0",
    lane_text="#000000",
    empty_border="#D0D0D0",
    cell_border="#606060",
    tone_fill={
        "neutral": "#FFFFFF",
        "delight": "#FFFFFF",
        "irritant": "#E6E6E6",
        "breakpoint": "#CCCCCC",
    },
    mark={
        "delight": "#000000",
        "irritant": "#000000",
        "breakpoint": "#000000",
        "moment_of_truth": "#000000",
        "shared": "#000000",
    },
    moment_border="#000000",
    path="#000000",
    breakpoint="#000000",
    emotion_line="#000000",
    emotion_fill={2: "#000000", 1: "#404040", 0: "#808080", -1: "#B0B0B0", -2: "#FFFFFF"},
    journeys=("#000000", "#505050", "#000000", "#505050", "#000000", "#505050"),
    thought="#202020",
    opportunity="#000000",
    blueprint_fill={"frontstage": "#F7F7F7", "backstage": "#FFFFFF", "support": "#FFFFFF"},
    visibility="#000000",
    breakpoint_kind={"forced": "#000000", "blocked": "#000000", "unspecified": "#606060"},
    breakpoint_words={"forced": "#000000", "blocked": "#000000", "unspecified": "#505050"},
)

THEMES: dict[ThemeName, Theme] = {theme.name: theme for theme in (DEFAULT, DARK, PRINT)}
