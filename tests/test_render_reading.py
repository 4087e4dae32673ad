"""The maps as a reader sees them, read from the SVG that the real Graphviz draws: every
word stands out from what it is drawn on (WCAG 2 contrast: 4.5:1 for words, 3:1 for a
mark, a single symbol), no text is smaller than the theme's floor, in every theme."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeymap.render.themes import SIZES, THEMES
from tests.conftest import EXAMPLES, ROOT, run_cli

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is missing")

SVG = "{http://www.w3.org/2000/svg}"
WORDS = 4.5
MARKS = 3.0
INPUTS = [*sorted(EXAMPLES.glob("*.yaml")), ROOT / "tests/data/blueprint-repair.yaml"]
FURNITURE = [EXAMPLES / "meubles-magasin.yaml", EXAMPLES / "meubles-web-retrait.yaml"]


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Shown:
    """A piece of text as drawn: its words, colour, size and what is behind it."""

    text: str
    colour: str
    size: float
    behind: str


Box = tuple[float, float, float, float]
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _box(element: ET.Element) -> Box | None:
    if element.tag == f"{SVG}ellipse":
        cx, cy = float(element.get("cx", 0)), float(element.get("cy", 0))
        rx, ry = float(element.get("rx", 0)), float(element.get("ry", 0))
        return cx - rx, cy - ry, cx + rx, cy + ry
    coords = [float(n) for n in _NUMBER.findall(element.get("points") or element.get("d") or "")]
    if len(coords) < 4:
        return None
    xs, ys = coords[0::2], coords[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def shown(svg: bytes) -> list[Shown]:
    """Every text of a Graphviz SVG with the fill of the last shape drawn under it (edges,
    which are thin, are not backgrounds)."""
    shapes: list[tuple[Box, str]] = []
    found: list[Shown] = []

    def walk(element: ET.Element, in_edge: bool) -> None:
        in_edge = in_edge or element.get("class") == "edge"
        tag = element.tag.removeprefix(SVG)
        fill = (element.get("fill") or "").lower()
        if tag in {"polygon", "path", "ellipse"} and fill.startswith("#") and not in_edge:
            box = _box(element)
            if box is not None:
                shapes.append((box, fill))
        if tag == "text" and (element.text or "").strip():
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            size = float(element.get("font-size", 14))
            point = (x, y - size / 3)
            behind = next(
                fill
                for (x0, y0, x1, y1), fill in reversed(shapes)
                if x0 <= point[0] <= x1 and y0 <= point[1] <= y1
            )
            colour = (element.get("fill") or "#000000").lower()
            found.append(Shown(element.text or "", colour, size, behind))
        for child in element:
            walk(child, in_edge)

    walk(ET.fromstring(svg), False)
    return found


def _is_mark(text: str) -> bool:
    """A symbol standing for a word the legend gives (+ ! ✕ ◆ → - - →), not words."""
    return not any(c.isalnum() for c in text)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, bytes]]]:
    """Every example, the blueprint of tests/data and a comparison, in each theme."""
    base = tmp_path_factory.mktemp("reading")
    found: dict[str, list[tuple[str, bytes]]] = {}
    for theme in THEMES:
        folder = base / theme
        result = run_cli("render", *INPUTS, "-o", f"{folder}/", "--theme", theme)
        assert result.code == 0, result.stderr
        compare = folder / "compare.svg"
        result = run_cli("render", *FURNITURE, "-o", compare, "--theme", theme)
        assert result.code == 0, result.stderr
        found[theme] = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.svg"))]
    return found


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_word_stands_out_from_what_it_is_drawn_on(
    theme: str, drawn: dict[str, list[tuple[str, bytes]]]
) -> None:
    faint = set()
    for name, svg in drawn[theme]:
        for text in shown(svg):
            needed = MARKS if _is_mark(text.text) else WORDS
            ratio = contrast(text.colour, text.behind)
            if ratio < needed:
                faint.add(f"{text.colour} on {text.behind} {ratio:.2f}:1 {text.text!r} ({name})")
    assert not faint, "\n".join(sorted(faint))


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_no_text_is_smaller_than_the_floor(
    theme: str, drawn: dict[str, list[tuple[str, bytes]]]
) -> None:
    small = {
        f"{text.size:g} pt {text.text!r} ({name})"
        for name, svg in drawn[theme]
        for text in shown(svg)
        if text.size < SIZES.floor
    }
    assert not small, "\n".join(sorted(small))


def test_the_reading_finds_what_is_behind_a_text() -> None:
    """The helper itself: a word on a filled box is read against the box, not the page."""
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><g class="graph">'
        b'<polygon fill="#ffffff" points="0,0 0,-100 100,-100 100,0 0,0"/>'
        b'<g class="node"><path fill="#f9d3c0" d="M10,-10C10,-10 90,-10 90,-10L90,-50L10,-50Z"/>'
        b'<text x="20" y="-20" font-size="7.50" fill="#d55e00">forced</text></g>'
        b'<g class="edge"><polygon fill="#000000" points="0,0 0,-100 100,-100 100,0"/></g>'
        b'<text x="20" y="-80" font-size="10.00">page</text></g></svg>'
    )
    assert shown(svg) == [
        Shown("forced", "#d55e00", 7.5, "#f9d3c0"),
        Shown("page", "#000000", 10.0, "#ffffff"),
    ]
    assert contrast("#d55e00", "#f9d3c0") < WORDS


def test_each_journey_of_a_comparison_has_its_own_shape_even_in_grey(
    drawn: dict[str, list[tuple[str, bytes]]],
) -> None:
    """In print, the two furniture journeys' colours are greys: their touchpoints and
    emotion points differ by shape (■ and ●, squares and circles)."""
    svg = dict(drawn["print"])["compare.svg"]
    marks = {text.text for text in shown(svg)}
    assert {"■", "●"} <= marks
    root = ET.fromstring(svg)
    points = {
        "square" if shape.tag == f"{SVG}polygon" else "circle"
        for node in root.iter(f"{SVG}g")
        if node.get("class") == "node" and (node.findtext(f"{SVG}title") or "").startswith("e")
        for shape in node.iter()
        if shape.tag in {f"{SVG}polygon", f"{SVG}ellipse"} and shape.get("fill") != "none"
    }
    assert points == {"square", "circle"}


GAPPED = """\
journeymap: 1
id: gapped
title: Gapped
lang: en
channels: [{id: web, name: Website}]
stages:
  - id: s
    name: Stage
    steps:
      - {id: a, text: I look, emotion: 1, touchpoints: [{channel: web}]}
      - {id: b, text: I wait, touchpoints: [{channel: web}]}
      - {id: c, text: I buy, emotion: -1, touchpoints: [{channel: web}]}
"""


def _legend_words(svg: Path, *inputs: str | Path) -> set[str]:
    result = run_cli("render", *inputs, "-o", svg)
    assert result.code == 0, result.stderr
    return {text.text for text in shown(svg.read_bytes())}


def test_the_legend_says_what_a_dashed_emotion_line_means(tmp_path: Path) -> None:
    """The curve crosses a step without emotion as a dashed line (at a level it does not
    have): the legend says so, only when the map draws one."""
    gapped = tmp_path / "gapped.yaml"
    gapped.write_text(GAPPED, encoding="utf-8")
    svg = tmp_path / "map.svg"
    assert "emotion not given" in _legend_words(svg, gapped)
    assert "emotion not given" in _legend_words(svg, gapped, "--view", "emotion")
    rated = tmp_path / "rated.yaml"
    rated.write_text(GAPPED.replace("I wait,", "I wait, emotion: 0,"), encoding="utf-8")
    assert "emotion not given" not in _legend_words(svg, rated)
    words = _legend_words(svg, *FURNITURE)
    assert "pas d'un autre parcours" in words
    assert "émotion non donnée" not in words


def test_a_long_step_text_is_drawn_whole(tmp_path: Path) -> None:
    """A step told in 200 characters: its header took 4 lines of the narrowest column and
    cut the rest with "…"; the column widens and the header takes up to 6 lines."""
    long_text = (
        "I read the whole of the terms and conditions on a small screen and scroll back to "
        "the fees table twice because the figures moved when the cookie banner closed at last"
    )
    source = tmp_path / "long.yaml"
    source.write_text(GAPPED.replace("I wait", long_text), encoding="utf-8")
    svg = tmp_path / "long.svg"
    result = run_cli("render", source, "-o", svg)
    assert result.code == 0, result.stderr
    texts = [t.text for t in shown(svg.read_bytes()) if t.size == SIZES.step]
    assert " ".join(" ".join(texts).split()).count(long_text) == 1
    assert not any("…" in text for text in texts)


def test_the_legend_names_only_the_marks_the_map_shows(tmp_path: Path) -> None:
    """A legend of marks that appear nowhere sends the reader looking for them."""
    svg = tmp_path / "map.svg"
    plain = tmp_path / "plain.yaml"
    plain.write_text(GAPPED, encoding="utf-8")
    marks = {"delights", "irritants", "breakpoints", "moment of truth"}
    words = _legend_words(svg, plain)
    assert not words & marks
    assert "customer path" in words
    irritated = tmp_path / "irritated.yaml"
    irritated.write_text(
        GAPPED.replace("{channel: web}]}", "{channel: web, irritants: [Too slow]}]}", 1),
        encoding="utf-8",
    )
    assert _legend_words(svg, irritated) & marks == {"irritants"}
    assert not _legend_words(svg, irritated, "--view", "emotion") & {"irritants", "customer path"}
