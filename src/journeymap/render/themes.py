"""Colours and fonts of a map, one set per theme.

The default palette is built on Okabe and Ito's colour-blind-safe colours: blue for
delights and orange for irritants (the pair that stays apart for every common colour
vision deficiency), vermilion for breakpoints, never red against green. Colour only
repeats what the marks (+ ! ✕ ◆) already say, so the print theme can drop it entirely.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
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


_FONT = "Helvetica,Arial,sans-serif"

DEFAULT = Theme(
    name="default",
    font=_FONT,
    background="#FFFFFF",
    text="#1F2933",
    muted="#616E7C",
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
    journeys=("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"),
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
    journeys=("#000000", "#555555", "#888888", "#222222", "#777777", "#AAAAAA"),
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, DARK, PRINT)}
