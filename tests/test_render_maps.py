"""What a map shows and how: the words, the emotion curve, breakpoints by kind, the
blueprint lanes, comparisons, hostile text, both renderers, and the gallery.

Through the real CLI, with real Graphviz `dot` and with graphviz-pure forced as a machine
without Graphviz would use it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT, invoke, run_cli

DOT = shutil.which("dot")
PURE = Path(sys.executable).parent / ("graphviz-pure.exe" if os.name == "nt" else "graphviz-pure")
SVG_NS = "{http://www.w3.org/2000/svg}"
BLUEPRINT = ROOT / "tests" / "data" / "blueprint-repair.yaml"
RENDERERS = ["dot", "pure"]
RADIUS = 0.08 * 72
CURVE_WIDTH = "2.2"


def _program(renderer: str) -> str:
    program = DOT if renderer == "dot" else (str(PURE) if PURE.exists() else None)
    if program is None:
        pytest.skip(f"{renderer} is not installed")
    return program


def _render(renderer: str, tmp_path: Path, *args: str | Path) -> tuple[bytes, str]:
    """SVG bytes and stderr of `render ... -o tmp.svg`, drawn by that renderer."""
    target = tmp_path / f"out-{renderer}.svg"
    env = {"JOURNEYMAP_DOT": _program(renderer)}
    result = run_cli("render", *args, "-o", target, "-v", env=env)
    assert result.code == 0, result.stderr
    return target.read_bytes(), result.stderr


def _words(svg: bytes) -> str:
    root = ET.fromstring(svg)
    text = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG_NS}text"))
    return " ".join(text.replace("\u00a0", " ").split())


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _journey(path: Path) -> Journey:
    journey = load_file(path).journey
    assert journey is not None
    return journey


def _layout(source: str, program: str) -> dict[str, object]:
    done = subprocess.run([program, "-Tjson"], input=source.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr
    loaded: dict[str, object] = json.loads(done.stdout)
    return loaded


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("example", [*EXAMPLE_FILES, BLUEPRINT], ids=lambda p: p.stem)
def test_every_word_of_the_journey_is_on_the_map(
    example: Path, renderer: str, tmp_path: Path
) -> None:
    svg, _ = _render(renderer, tmp_path, example)
    words = _words(svg)
    journey = _journey(example)
    expected = []
    for _, stage, _, step in journey.iter_steps():
        for touchpoint in step.touchpoints:
            expected += [d.text for d in touchpoint.delights]
            expected += [i.text for i in touchpoint.irritants]
            expected += [b.text for b in touchpoint.breakpoints]
        expected += [t.text for t in step.thoughts] + [o.text for o in step.opportunities]
        for _, actions in step.lanes():
            expected += [a.text for a in actions]
        expected += [o.text for o in stage.opportunities]
    assert expected
    missing = [text for text in expected if _norm(text) not in words]
    assert missing == []


def test_compact_shows_counts_not_words(tmp_path: Path) -> None:
    example = EXAMPLES / "meubles-web-retrait.yaml"
    full = invoke("render", example, "-o", "-", "-f", "dot").stdout
    compact = invoke("render", example, "-o", "-", "-f", "dot", "--compact").stdout
    assert "Un colis manque" in full and "Un colis manque" not in compact.split("tooltip")[0]
    assert "Un colis manque" not in re.sub(r'tooltip="[^"]*"', "", compact)
    assert "! 3" in compact and "✕ 1" in compact
    assert len(compact) < len(full)


def test_columns_widen_for_their_words_and_lanes_grow_for_them() -> None:
    source = invoke("render", EXAMPLES / "meubles-web-retrait.yaml", "-o", "-", "-f", "dot")
    widths = {float(w) for w in re.findall(r"\bc\d+_\d+ \[[^\]]*? width=([\d.]+)", source.stdout)}
    assert len(widths) > 1, "every column has the same width whatever its text"
    compact = invoke(
        "render", EXAMPLES / "meubles-web-retrait.yaml", "-o", "-", "-f", "dot", "--compact"
    ).stdout
    assert {float(w) for w in re.findall(r"\bc\d+_\d+ \[[^\]]*? width=([\d.]+)", compact)} == {1.9}


HOSTILE = """\
journeymap: 1
id: hostile
title: "Ends with a backslash \\\\"
lang: en
channels:
  - {id: web, name: "Web <b>&amp;</b>"}
stages:
  - id: s
    name: "Tab\\there \\"quoted\\""
    steps:
      - id: a
        text: "Bell\\a and escape\\e and NUL-free \\\\N \\\\G"
        emotion: 1
        touchpoints:
          - channel: web
            name: "<TABLE> & \\"x\\" \\\\"
            delights: ["</FONT></TD> & ]]> \\\\"]
            irritants: ["line one\\nline two\\r\\x7f\\x85end"]
"""


@pytest.mark.parametrize("renderer", RENDERERS)
def test_hostile_text_stays_text(renderer: str, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE, encoding="utf-8")
    assert invoke("validate", source).code == 0
    svg, _ = _render(renderer, tmp_path, source)
    words = _words(svg)
    for expected in (
        "Ends with a backslash \\",
        'Tab here "quoted"',
        '<TABLE> & "x" \\',
        "</FONT></TD> & ]]> \\",
        "line one line two",
        "\\N \\G",
    ):
        assert expected in words, expected


def _emotion_segments(
    layout: dict[str, object],
) -> list[tuple[str, str, list[tuple[float, float]]]]:
    objects = layout["objects"]
    assert isinstance(objects, list)
    names = {i: obj["name"] for i, obj in enumerate(objects)}
    segments = []
    edges = layout.get("edges", [])
    assert isinstance(edges, list)
    for edge in edges:
        tail, head = names[edge["tail"]], names[edge["head"]]
        if not (tail.startswith("e") and head.startswith("e")) or "_" not in tail:
            continue
        if edge.get("weight") == "100" and edge.get("penwidth") != CURVE_WIDTH:
            continue  # the baseline at 0, which holds the row, not the curve
        points: list[tuple[float, float]] = []
        for op in edge.get("_draw_", []):
            if op.get("op") in {"b", "B"}:
                points += [(float(x), float(y)) for x, y in op["points"]]
        if points:  # the invisible chains are not drawn
            segments.append((tail, head, points))
    return segments


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_the_emotion_curve_stays_in_range_and_never_goes_back(example: Path, renderer: str) -> None:
    source = invoke("render", example, "-o", "-", "-f", "dot").stdout
    layout = _layout(source, _program(renderer))
    segments = _emotion_segments(layout)
    assert segments
    for tail, head, points in segments:
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        assert xs == sorted(xs), f"{tail} -> {head} goes backwards"
        # within the radius of an emotion point (dot bends a line between clusters by a
        # point or two, which no one sees; the old splines overshot by a whole level)
        low, high = min(ys[0], ys[-1]) - RADIUS, max(ys[0], ys[-1]) + RADIUS
        assert all(low <= y <= high for y in ys), f"{tail} -> {head} overshoots"


_EDGE = re.compile(r"^(e\d+_[pm]\d)->(e\d+_[pm]\d)$")


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("example", ["veste-hiver", "meubles-magasin"])
def test_the_curve_is_straight_between_two_points_at_one_level(
    example: str, renderer: str, tmp_path: Path
) -> None:
    """Graphviz bows apart the edges between one pair of nodes: a level piece of the
    curve beside its row's own edge came out as a slight arc (and the neutral line
    under it too)."""
    svg, _ = _render(renderer, tmp_path, EXAMPLES / f"{example}.yaml", "--show", "volume,metrics")
    level = 0
    for group in ET.fromstring(svg).iter(f"{SVG_NS}g"):
        title = group.find(f"{SVG_NS}title")
        found = _EDGE.match(title.text or "") if title is not None else None
        if found is None or found[1].split("_")[1] != found[2].split("_")[1]:
            continue
        for path in group.iter(f"{SVG_NS}path"):
            numbers = re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))
            ys = {float(y) for y in numbers[1::2]}
            assert len(ys) == 1, f"{found[0]} bends: {path.get('d')}"
            level += path.get("stroke", "").lower() == "#486581"
    assert level >= 2  # the curve itself was among them, not only the neutral line


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["NPS -35 · CSAT 41\u00a0% · CES 5,6", "volume 12\u00a0346"]),
        ("en", ["NPS -35 · CSAT 41% · CES 5.6", "volume 12,346"]),
    ],
)
def test_map_figures_are_written_as_the_matrix_writes_them(
    renderer: str, lang: str, expected: list[str], tmp_path: Path
) -> None:
    """Whole NPS and CSAT points, CES to one decimal, thousands grouped, the percent sign
    after a no-break space in French, the hyphen-minus: `views/numbers`, as drawn by
    each renderer (the SVG keeps the characters it drew)."""
    source = (EXAMPLES / "meubles-web-retrait.yaml").read_text(encoding="utf-8")
    source = source.replace("{nps: -34, csat: 41, ces: 5.6,", "{nps: -34.6, csat: 40.7, ces: 5.57,")
    source = source.replace("volume: 6600", "volume: 12346").replace(
        "\nlang: fr", f"\nlang: {lang}"
    )
    journey = tmp_path / "journey.yaml"
    journey.write_text(source, encoding="utf-8")
    svg, _ = _render(renderer, tmp_path, journey, "--show", "metrics,volume")
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG_NS}text")]
    for figure in expected:
        assert any(figure in text for text in texts), (figure, [t for t in texts if "NPS" in t])
    assert not any("−" in text for text in texts)  # one minus sign, the hyphen-minus
    matrix = invoke("matrix", journey, "--metric", "nps").stdout
    assert "-35" in matrix  # the matrix writes the same NPS


def test_breakpoints_are_drawn_by_kind_and_target() -> None:
    source = invoke("render", BLUEPRINT, "-o", "-", "-f", "dot").stdout
    edges = {
        (m[1], m[2]): m[3] for m in re.finditer(r"\t(c\d+_\d+) -> (c\d+_\d+) \[([^\]]*)\]", source)
    }
    # forced, to the cell just below in the same column: out and in on the right side
    forced = edges[("c0_0", "c0_1")]
    assert "style=dashed" in forced and "arrowhead=vee" in forced
    assert "tailport=e" in forced and "headport=e" in forced
    # unspecified: dotted, open head, back to the booking page
    unspecified = edges[("c2_2", "c0_0")]
    assert "style=dotted" in unspecified and "arrowhead=empty" in unspecified
    # blocked on the same channel: no arrow along the lane, the words say where it leads
    assert ("c2_2", "c3_2") not in edges or "tee" not in edges[("c2_2", "c3_2")]
    assert "blocked → Store (Pick-up counter)" in source
    assert "forced to Hotline" in source
    # nor in the path view, where rows are not channels (the pick-up counter is the second
    # row of its step there, the repair counter the first)
    storyline = invoke("render", BLUEPRINT, "-o", "-", "-f", "dot", "--view", "path").stdout
    assert "arrowhead=tee" not in storyline and "arrowhead=vee" in storyline
    # the legend names the kinds of arrow drawn
    assert "forced channel change" in source and "unspecified breakpoint" in source
    assert "blocked, sent to" not in source


def test_a_blocked_breakpoint_to_another_channel_ends_in_a_bar(tmp_path: Path) -> None:
    variant = tmp_path / "variant.yaml"
    text = BLUEPRINT.read_text(encoding="utf-8")
    variant.write_text(text.replace("to: collect@store}", "to: collect@web}"), "utf-8")
    source = invoke("render", variant, "-o", "-", "-f", "dot").stdout
    edges = re.findall(r"\tc2_2 -> c3_0 \[([^\]]*)\]", source)
    assert any("arrowhead=tee" in attrs and "style=solid" in attrs for attrs in edges)
    assert "blocked, sent to" in source and "blocked → Website (Ready e-mail)" in source


@pytest.mark.parametrize("renderer", RENDERERS)
def test_blueprint_lanes_in_service_blueprint_order(renderer: str, tmp_path: Path) -> None:
    source = invoke("render", BLUEPRINT, "-o", "-", "-f", "dot").stdout
    layout = _layout(source, _program(renderer))
    objects = layout["objects"]
    assert isinstance(objects, list)
    y = {o["name"]: float(o["pos"].split(",")[1]) for o in objects if "pos" in o}
    order = ["lab_t", "lab_ep0", "lab_l0", "lab_l1", "lab_l2", "lab_a0", "lab_v", "lab_a1"]
    order += ["lab_a2", "lab_o"]
    ys = [y[name] for name in order]
    assert ys == sorted(ys, reverse=True), "rows out of blueprint order"
    svg, _ = _render(renderer, tmp_path, BLUEPRINT)
    words = _words(svg)
    for expected in (
        "Thoughts",
        "Frontstage",
        "line of visibility",
        "Backstage",
        "Support",
        "Opportunities",
        "Clerk · Store team · 5 min",
        "Repair centre · Ticketing · 1 day",
        "IT · Booking API",
        "IT · planned · CES -1",
        "hopeful · 10 min",
    ):
        assert expected in words, expected


def test_the_emotion_view_keeps_thoughts_but_no_lanes() -> None:
    source = invoke("render", BLUEPRINT, "-o", "-", "-f", "dot", "--view", "emotion").stdout
    assert "lab_t " in source and "Is there a slot before" in source
    for gone in ("lab_a0", "lab_v ", "lab_o ", "Slot calendar", "Book a slot in the app"):
        assert gone not in source
    storyline = invoke("render", BLUEPRINT, "-o", "-", "-f", "dot", "--view", "path").stdout
    assert "lab_a0" in storyline and "Slot calendar" in storyline


def test_format_1_examples_get_no_blueprint_rows() -> None:
    for example in EXAMPLE_FILES:
        if _journey(example).version != "1":
            continue
        source = invoke("render", example, "-o", "-", "-f", "dot").stdout
        for name in ("lab_t ", "lab_a0", "lab_v ", "lab_o "):
            assert name not in source


def test_comparison_names_the_journey_of_stages_with_the_same_name(tmp_path: Path) -> None:
    text = BLUEPRINT.read_text(encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(
        text.replace("id: blueprint-repair", "id: repair-by-post")
        .replace("title: I get my phone repaired", "title: I send my phone by post")
        .replace("id: repair\n    name: Repair", "id: post-repair\n    name: Repair"),
        encoding="utf-8",
    )
    source = invoke("render", BLUEPRINT, other, "-o", "-", "-f", "dot").stdout
    headers = re.findall(r"cluster_stage\d+ \{\n\t+color=\S+ label=<(.*?</TABLE>)>", source)
    repair = [h for h in headers if ">Repair<" in h]
    assert len(repair) == 2
    assert "I get my phone repaired" in repair[0] + repair[1]
    assert "I send my phone by post" in repair[0] + repair[1]
    book = next(h for h in headers if ">Book<" in h)
    assert "I send my phone" not in book, "a stage both journeys share needs no names"


@pytest.mark.skipif(not PURE.exists(), reason="graphviz-pure is not installed")
def test_pure_renderer_keeps_the_scale_apart(tmp_path: Path) -> None:
    svg, said = _render("pure", tmp_path, EXAMPLES / "meubles-web-retrait.yaml")
    assert "graphviz-pure" in said and "pip-only" in said
    root = ET.fromstring(svg)
    texts = [(t, "".join(t.itertext())) for t in root.iter(f"{SVG_NS}text")]
    assert not any("Émotion0" in s.replace("\u00a0", "").replace(" ", "") for _, s in texts)
    name = next(t for t, s in texts if s.strip() == "Émotion")
    zero = next(t for t, s in texts if s.strip() == "0")
    assert float(zero.get("x", 0)) - float(name.get("x", 0)) > 20


@pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed")
def test_render_verbose_names_graphviz_and_its_version(tmp_path: Path) -> None:
    _, said = _render("dot", tmp_path, EXAMPLES / "veste-hiver.yaml")
    assert re.search(r"renderer: Graphviz dot \d+\.\d+", said), said
    text = invoke("render", EXAMPLES / "veste-hiver.yaml", "-o", "-", "-f", "dot", "-v")
    assert "no renderer" in text.stderr


@pytest.mark.skipif(DOT is None or not PURE.exists(), reason="needs dot and graphviz-pure")
def test_the_gallery_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gallery.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
