"""Every colour pair a reader sees meets WCAG 2 contrast, in the light and the dark theme."""

from __future__ import annotations

from dataclasses import fields

import pytest

from journeymap.site.theme import READ_PAIRS, THEMES, Palette


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(THEMES))
@pytest.mark.parametrize(("fg", "bg", "minimum"), READ_PAIRS, ids=lambda v: str(v))
def test_pairs_are_readable(name: str, fg: str, bg: str, minimum: float) -> None:
    palette = THEMES[name]
    ratio = contrast(getattr(palette, fg), getattr(palette, bg))
    assert ratio >= minimum, f"{name}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_every_text_colour_is_checked_on_the_page_background() -> None:
    checked = {(fg, bg) for fg, bg, _ in READ_PAIRS}
    text_colours = {"text", "muted", "link", "delight", "irritant", "breakpoint", "moment"}
    assert {f.name for f in fields(Palette)} >= text_colours
    assert {(c, "bg") for c in text_colours} <= checked
