"""The site's colours, light and dark, as CSS custom properties.

Colours live here rather than in the stylesheet so that a test can compute the WCAG
contrast of every pair a reader sees (text on its background, heat cells, marks) and fail
when a palette change makes a text unreadable. Heat runs from 0 (needs work) to 4 (good),
as in the matrix; the hues are Okabe and Ito's colour-blind-safe vermilion, orange and
bluish green, lightened (or darkened in the dark theme) so that text on them stays
readable. Marks (+ ! ✕ ◆) always repeat what colour says.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Palette:
    bg: str
    surface: str
    text: str
    muted: str
    link: str
    border: str
    focus: str
    delight: str
    irritant: str
    breakpoint: str
    moment: str
    heat0: str
    heat1: str
    heat2: str
    heat3: str
    heat4: str
    curve: str


LIGHT = Palette(
    bg="#ffffff",
    surface="#f0f4f8",
    text="#1f2933",
    muted="#52606d",
    link="#0b4f9c",
    border="#9aa5b1",
    focus="#b4470a",
    delight="#005a8c",
    irritant="#8a4100",
    breakpoint="#a8200d",
    moment="#3e2a80",
    heat0="#f6c3b5",
    heat1="#fad7a6",
    heat2="#f2eec4",
    heat3="#cde8d6",
    heat4="#a6d9bb",
    curve="#005a8c",
)

DARK = Palette(
    bg="#14191f",
    surface="#1f2933",
    text="#e4e7eb",
    muted="#b0bac5",
    link="#8cc3ff",
    border="#616e7c",
    focus="#ffb067",
    delight="#7cc6f2",
    irritant="#f5b461",
    breakpoint="#ff9c85",
    moment="#c9b8ff",
    heat0="#5e2116",
    heat1="#5a3b0e",
    heat2="#474314",
    heat3="#1e4a2f",
    heat4="#125238",
    curve="#7cc6f2",
)

THEMES: dict[str, Palette] = {"light": LIGHT, "dark": DARK}

READ_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("link", "bg", 4.5),
    ("link", "surface", 4.5),
    ("delight", "bg", 4.5),
    ("irritant", "bg", 4.5),
    ("breakpoint", "bg", 4.5),
    ("moment", "bg", 4.5),
    ("text", "heat0", 4.5),
    ("text", "heat1", 4.5),
    ("text", "heat2", 4.5),
    ("text", "heat3", 4.5),
    ("text", "heat4", 4.5),
    ("focus", "bg", 3.0),
    ("border", "bg", 1.5),
    ("curve", "bg", 3.0),
)
"""(foreground, background, minimum ratio): 4.5 for text (WCAG 1.4.3 AA), 3 for the focus
ring and the curve (1.4.11 non-text contrast); borders only separate cells that are also
spaced, so they are allowed to be faint."""


def _declarations(palette: Palette) -> str:
    return "".join(f"--{f.name}:{getattr(palette, f.name)};" for f in fields(palette))


def css_variables() -> str:
    """The palette as custom properties; the dark one follows the reader's system setting."""
    return (
        f":root{{{_declarations(LIGHT)}}}\n"
        f"@media (prefers-color-scheme:dark){{:root{{{_declarations(DARK)}}}}}\n"
        f"@media print{{:root{{{_declarations(LIGHT)}}}}}\n"
    )
