"""`journeymap render`: every example in every format, through the real CLI and real dot."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from benchmarks.generate import Shape, generate

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from tests.conftest import EXAMPLE_FILES, EXAMPLES, assert_snapshot, invoke, run_cli

DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed")
PURE = Path(sys.executable).parent / ("graphviz-pure.exe" if os.name == "nt" else "graphviz-pure")
SVG_NS = "{http://www.w3.org/2000/svg}"
FURNITURE = [EXAMPLES / "meubles-magasin.yaml", EXAMPLES / "meubles-web-retrait.yaml"]


def _journey(path: Path) -> Journey:
    journey = load_file(path).journey
    assert journey is not None
    return journey


def _svg_text(svg: bytes) -> str:
    """All the text a reader (or a search) finds in the SVG, lines joined by spaces."""
    root = ET.fromstring(svg)
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG_NS}text"))


def _positions(dot_source: str, program: str) -> dict[str, tuple[float, float]]:
    done = subprocess.run(
        [program, "-Tjson"], input=dot_source.encode(), capture_output=True, check=True
    )
    positions = {}
    for obj in json.loads(done.stdout)["objects"]:
        if "pos" in obj:
            x, y = obj["pos"].split(",")
            positions[obj["name"]] = (float(x), float(y))
    return positions


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example in every format, rendered once for the module: folder per format."""
    folders = {}
    for fmt in ("svg", "png", "pdf", "dot", "mmd"):
        folder = tmp_path_factory.mktemp(fmt)
        result = invoke("render", EXAMPLES, "-o", folder, "--format", fmt)
        assert result.code == 0, result.stderr
        assert "warning" not in result.stderr
        folders[fmt] = folder
    return folders


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_dot_snapshot(example: Path, rendered: dict[str, Path]) -> None:
    journey = _journey(example)
    source = (rendered["dot"] / f"{journey.id}.dot").read_text(encoding="utf-8")
    assert_snapshot(f"render/{journey.id}.dot", source)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mermaid_snapshot(example: Path, rendered: dict[str, Path]) -> None:
    journey = _journey(example)
    text = (rendered["mmd"] / f"{journey.id}.mmd").read_text(encoding="utf-8")
    assert text.startswith("---\nconfig:\n  journey:\n") and "\n---\njourney\n" in text
    tasks = [line for line in text.splitlines() if line.startswith("      ")]
    assert len(tasks) == sum(1 for _ in journey.iter_steps())
    for (_, _, _, step), task in zip(journey.iter_steps(), tasks, strict=True):
        score = int(task.split(": ")[1])
        assert score == (3 if step.emotion is None else step.emotion + 3)
    assert_snapshot(f"render/{journey.id}.mmd", text)


@needs_dot
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_svg_has_searchable_text(example: Path, rendered: dict[str, Path]) -> None:
    journey = _journey(example)
    text = _svg_text((rendered["svg"] / f"{journey.id}.svg").read_bytes())
    assert journey.title in text
    for stage in journey.stages:
        assert stage.name in text
    for channel in journey.channels:
        assert channel.name.split()[0] in text
    for _, _, _, step in journey.iter_steps():
        # step texts are wrapped on several lines; their first words stay together
        assert " ".join(step.text.split()[:2]) in text, step.text
        for touchpoint in step.touchpoints:
            if touchpoint.name and len(touchpoint.name) <= 20:
                assert touchpoint.name in text


@needs_dot
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_png_and_pdf_are_real_images(example: Path, rendered: dict[str, Path]) -> None:
    journey = _journey(example)
    png = (rendered["png"] / f"{journey.id}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width > 1000 and height > 500
    pdf = (rendered["pdf"] / f"{journey.id}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"/CreationDate (D:19700101000000" in pdf


@needs_dot
def test_a_png_graphviz_shrank_to_fit_is_one_warning(tmp_path: Path) -> None:
    """dot shrinks a PNG wider or taller than cairo's 32,767 px to fit, and says so only
    on its own stderr (a 300-step journey came out at 0.47 scale, unreadable, exit 0):
    the user is told which file and what to draw instead; the exit code stays 0."""
    (source,) = generate(
        tmp_path / "long", 1, Shape(stages=15, steps=10, channels=1, touchpoints_per_step=1)
    )
    each = run_cli("render", source, "-o", f"{tmp_path / 'maps'}/", "--format", "png")
    together = run_cli("render", source, "-o", tmp_path / "map.png")
    for result, png in (
        (each, tmp_path / "maps" / "parcours-0.png"),
        (together, tmp_path / "map.png"),
    ):
        width, height = struct.unpack(">II", png.read_bytes()[16:24])
        assert width in {32_766, 32_767} and height < 1000
        assert result.code == 0
        assert result.stderr == (
            f"journeymap: warning: {png}: Graphviz draws a PNG at most 32,767 px a side and "
            f"shrank this map to fit ({width:,} x {height:,} px), so its words may be too "
            "small to read; render it as .svg or .pdf instead\n"
            f"wrote {png}\n"
        )


@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_same_input_gives_same_bytes(fmt: str, tmp_path: Path) -> None:
    example = EXAMPLES / "retail-omnicanal.yaml"
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert invoke("render", example, "-o", first).code == 0
    assert invoke("render", example, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()
    if fmt == "svg":
        assert b"<!-- Generated by graphviz version" in first.read_bytes()


ZIGZAG = """\
journeymap: 1
id: zigzag
title: Zig-zag
lang: en
channels:
  - {id: north, name: North}
  - {id: east, name: East}
  - {id: south, name: South}
  - {id: west, name: West}
  - {id: centre, name: Centre}
stages:
  - id: one
    name: One
    steps:
      - {id: s1, text: I start in the south, emotion: 1, touchpoints: [{channel: south}]}
      - {id: s2, text: I jump north, emotion: -2, touchpoints: [{channel: north}]}
      - id: s3
        text: I try the centre then the west
        touchpoints:
          - channel: centre
            breakpoints: [{text: pushed back north, kind: forced, to: s2@north}]
          - {channel: west}
  - id: two
    name: Two
    steps:
      - {id: s4, text: Back to the north, emotion: 2, touchpoints: [{channel: north}]}
      - {id: s5, text: Down to the centre, emotion: -1, touchpoints: [{channel: centre}]}
      - {id: s6, text: East at last, emotion: 0, touchpoints: [{channel: east}]}
"""


@needs_dot
@pytest.mark.parametrize("engine", ["dot", "graphviz-pure"])
def test_lanes_and_columns_hold_on_a_zigzag(engine: str, tmp_path: Path) -> None:
    program = DOT if engine == "dot" else str(PURE)
    if program is None or not Path(program).exists():
        pytest.skip(f"{engine} is not installed")
    source = tmp_path / "zigzag.yaml"
    source.write_text(ZIGZAG, encoding="utf-8")
    result = invoke("render", source, "-o", "-", "--format", "dot")
    assert result.code == 0, result.stderr
    positions = _positions(result.stdout, program)
    lanes, columns = 5, 6
    for k in range(columns):
        ys = [positions[f"c{k}_{lane}"][1] for lane in range(lanes)]
        assert ys == sorted(ys, reverse=True), f"column {k}: lanes out of declared order"
        for lane in range(lanes):
            label_y = positions[f"lab_l{lane}"][1]
            assert abs(positions[f"c{k}_{lane}"][1] - label_y) < 1, f"lane {lane} drifts"
        # the emotion band and the step header sit above the lanes
        assert positions[f"e{k}_m2"][1] > ys[0]
        assert positions[f"h{k}"][1] > positions[f"e{k}_p2"][1]
    xs = [positions[f"c{k}_0"][0] for k in range(columns)]
    assert xs == sorted(xs) and len(set(xs)) == columns, "columns out of chronological order"
    assert positions["lab_l0"][0] < xs[0]


def test_a_folder_named_with_a_trailing_slash_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "maps" / "2024"
    result = invoke("render", *FURNITURE, "-o", f"{folder}/", "--format", "mmd")
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "meubles-magasin.mmd",
        "meubles-web-retrait.mmd",
    ]
    missing = invoke("render", *FURNITURE, "-o", tmp_path / "elsewhere", "--format", "mmd")
    assert missing.code == 2 and "no such folder" in missing.stderr


@needs_dot
def test_comparison_draws_both_journeys_on_one_grid(tmp_path: Path) -> None:
    target = tmp_path / "compare.svg"
    result = invoke("render", *FURNITURE, "-o", target)
    assert result.code == 0, result.stderr
    text = _svg_text(target.read_bytes())
    for path in FURNITURE:
        assert _journey(path).title in text
    assert "⇄" in text and "moment partagé" in text
    dot = invoke("render", *FURNITURE, "-o", "-", "--format", "dot")
    assert_snapshot("render/compare-meubles.dot", dot.stdout)
    # the shared pick-up is one column that holds both journeys' touchpoints
    assert "■" in text


def test_comparison_keeps_phases_together() -> None:
    from journeymap.views.grid import build_grid

    grid = build_grid([_journey(p) for p in FURNITURE])
    order = {"before": 0, "during": 1, "after": 2}
    phases = [order[stage.phase or "during"] for stage in grid.stages]
    assert phases == sorted(phases)
    assert [s.stage_id for s in grid.stages].count("retrait") == 1
    shared = [c for c in grid.columns if c.shared]
    assert [(c.stage_id, c.step_id) for c in shared] == [("retrait", "retrait")]


def test_stdout_and_mermaid_comparison() -> None:
    result = invoke("render", *FURNITURE, "-o", "-", "--format", "mmd")
    assert result.code == 0
    # one section per journey and stage: the shared pick-up once per journey, each with
    # its own emotion (never their average); tests/test_mermaid.py draws it with Mermaid
    shared = [line for line in result.stdout.splitlines() if line.startswith("      ⇄")]
    assert [line.split(": ")[1] for line in shared] == ["4", "1"]
    assert "    section Achat en magasin, retrait à l’entrepôt › Retrait" in result.stdout


@needs_dot
def test_show_and_theme_change_the_drawing(tmp_path: Path) -> None:
    example = EXAMPLES / "meubles-web-retrait.yaml"
    plain = invoke("render", example, "-o", "-", "-f", "dot").stdout
    detailed = invoke(
        "render", example, "-o", "-", "-f", "dot", "--show", "owner,metrics,volume"
    ).stdout
    assert "NPS -34" not in plain
    for expected in (
        "Logistique magasin",
        "NPS -34 · CSAT 41\u00a0% · CES 5,6",
        "volume 6\u00a0600",
    ):
        assert expected in detailed
    dark = invoke("render", example, "-o", "-", "-f", "dot", "--theme", "dark").stdout
    assert 'bgcolor="#1B1F27"' in dark
    assert "e0_p2" in plain
    unrated = tmp_path / "unrated.yaml"
    unrated.write_text(re.sub(r"\n +emotion: -?\d", "", example.read_text("utf-8")), "utf-8")
    without = invoke("render", unrated, "-o", "-", "-f", "dot")
    assert without.code == 0 and "c0_0" in without.stdout
    assert "e0_p2" not in without.stdout
    flat = invoke("render", example, "-o", "-", "-f", "dot", "--no-emotion").stdout
    assert "e0_p2" not in flat and "c0_0" in flat
    bad = invoke("render", example, "-o", "-", "-f", "dot", "--show", "owners")
    assert bad.code == 2 and "unknown field owners" in bad.stderr


def test_invalid_journey_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(ZIGZAG.replace("emotion: 1", "emotion: 5"), encoding="utf-8")
    target = tmp_path / "out.svg"
    result = invoke("render", broken, "-o", target)
    assert result.code == 1
    assert "emotion" in result.stderr
    assert not target.exists()


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "zigzag.yaml"
    source.write_text(ZIGZAG, encoding="utf-8")
    result = invoke("render", source, "-o", source)
    assert result.code == 2
    assert "would overwrite the input" in result.stderr
    assert source.read_text(encoding="utf-8") == ZIGZAG


def test_missing_output_folder_and_format_mistakes(tmp_path: Path) -> None:
    example = EXAMPLES / "veste-hiver.yaml"
    missing = invoke("render", example, "-o", tmp_path / "nowhere" / "map.svg")
    assert missing.code == 2 and "does not exist" in missing.stderr
    unknown = invoke("render", example, "-o", tmp_path / "map.jpeg")
    assert unknown.code == 2 and "cannot tell the format" in unknown.stderr
    clash = invoke("render", example, "-o", tmp_path / "map.svg", "--format", "png")
    assert clash.code == 2 and "--format says png" in clash.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_unwritable_output_folder(tmp_path: Path) -> None:
    example = EXAMPLES / "veste-hiver.yaml"
    if os.geteuid() == 0:
        # root writes through permissions; a read-only file system still refuses
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no read-only folder to try as root")
        result = invoke("render", example, "-o", "/sys/journeymap-map.svg")
        assert result.code == 2 and "/sys/journeymap-map.svg: cannot write" in result.stderr
        assert "internal error" not in result.stderr
        return
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = invoke("render", example, "-o", folder / "map.svg")
        assert result.code == 2 and "not writable" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_renderer_says_how_to_install(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    result = run_cli(
        "render",
        EXAMPLES / "veste-hiver.yaml",
        "-o",
        target,
        env={"JOURNEYMAP_DOT": str(tmp_path / "no-such-dot"), "PATH": str(tmp_path)},
    )
    assert result.code == 2
    assert "JOURNEYMAP_DOT" in result.stderr and "apt-get install graphviz" in result.stderr
    assert "internal error" not in result.stderr
    assert not target.exists()


@pytest.mark.skipif(not PURE.exists(), reason="graphviz-pure is not installed")
def test_without_dot_svg_falls_back_to_graphviz_pure_and_pdf_explains(tmp_path: Path) -> None:
    env = {"PATH": str(tmp_path)}
    svg = tmp_path / "map.svg"
    result = run_cli("render", EXAMPLES / "veste-hiver.yaml", "-o", svg, env=env)
    assert result.code == 0, result.stderr
    assert b"graphviz-pure" in svg.read_bytes()[:300]
    assert "Je porte la veste" in _svg_text(svg.read_bytes())
    pdf = tmp_path / "map.pdf"
    result = run_cli("render", EXAMPLES / "veste-hiver.yaml", "-o", pdf, env=env)
    assert result.code == 2
    assert "PDF needs Graphviz's dot" in result.stderr
    assert not pdf.exists()


@needs_dot
def test_large_journey_in_docs_renders_every_step(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "docs" / "large-journey.yaml"
    journey = _journey(source)
    steps = [step for _, _, _, step in journey.iter_steps()]
    assert (len(journey.stages), len(journey.channels), len(steps)) == (10, 6, 40)
    target = tmp_path / "large.svg"
    assert invoke("render", source, "-o", target).code == 0
    text = _svg_text(target.read_bytes())
    for step in steps:
        assert " ".join(step.text.split()[:2]) in text


ODD = """\
journeymap: 1
id: odd
title: "Fish & <chips> \\"quoted\\" {braces} | pipes"
lang: en
stages:
  - {id: draft, name: Drafted & empty}
  - id: s
    name: "<b>not bold</b>"
    steps:
      - {id: a, text: "Tab\\there; %% # : colon", emotion: -2}
"""


@needs_dot
def test_markup_in_text_stays_text_and_empty_stages_show(tmp_path: Path) -> None:
    source = tmp_path / "odd.yaml"
    source.write_text(ODD, encoding="utf-8")
    target = tmp_path / "odd.svg"
    result = invoke("render", source, "-o", target)
    assert result.code == 0, result.stderr
    text = _svg_text(target.read_bytes())
    for expected in ('Fish & <chips> "quoted" {braces} | pipes', "Drafted & empty", "<b>not bold"):
        assert expected in text
    mermaid = invoke("render", source, "-o", "-", "-f", "mmd").stdout
    assert mermaid.splitlines()[-1] == "      Tab here#59; #37;% #35; #58; colon: 1"


def test_path_view_stacks_each_steps_touchpoints_in_the_customers_order() -> None:
    from journeymap.views.grid import build_grid, path_view

    journey = _journey(EXAMPLES / "retail-omnicanal.yaml")
    grid = path_view(build_grid([journey]))
    assert len(grid.lanes) == max(len(step.touchpoints) for _, _, _, step in journey.iter_steps())
    touchpoints = [(step, tp) for _, _, _, step in journey.iter_steps() for tp in step.touchpoints]
    assert [grid.cells[p].entries[0].name for p in grid.paths[0]] == [
        tp.name for _, tp in touchpoints
    ]
    names = {c.id: c.name for c in journey.channels}
    assert [grid.cells[p].channel for p in grid.paths[0]] == [
        names[tp.channel] for _, tp in touchpoints
    ]
    # a step's second touchpoint goes under its first, in the same column
    double = next(c.index for c in grid.columns if c.step_id == "dispo-magasin")
    assert grid.cells[(double, 0)].channel == "Appli mobile"
    assert grid.cells[(double, 1)].channel == "Centre d’appels"


@needs_dot
def test_views_render(tmp_path: Path) -> None:
    example = EXAMPLES / "saas-subscription.yaml"
    emotion = invoke("render", example, "-o", "-", "-f", "dot", "--view", "emotion").stdout
    assert "e0_m2" in emotion and "c0_0" not in emotion
    target = tmp_path / "path.svg"
    assert invoke("render", example, "-o", target, "--view", "path").code == 0
    text = _svg_text(target.read_bytes())
    assert "Sponsored post" in text and "LinkedIn" in text


def test_plain_marks_replace_the_glyphs_graphviz_pure_lacks() -> None:
    from journeymap.render.dot import Options, build_dot
    from journeymap.render.themes import DEFAULT
    from journeymap.views.grid import build_grid

    grid = build_grid([_journey(p) for p in FURNITURE])
    fancy = build_dot(grid, Options(DEFAULT))
    plain = build_dot(grid, Options(DEFAULT, plain_marks=True))
    for glyph in ("✕", "◆", "⇄", "━"):
        assert glyph in fancy and glyph not in plain
    for glyph in ("×", "♦", "↔"):
        assert glyph in plain


@pytest.mark.skipif(shutil.which("false") is None, reason="needs the false program")
def test_a_failing_renderer_in_a_batch_is_reported_once(tmp_path: Path) -> None:
    result = run_cli(
        "render", EXAMPLES, "-o", tmp_path, env={"JOURNEYMAP_DOT": str(shutil.which("false"))}
    )
    assert result.code == 2
    assert result.stderr.count("journeymap: error:") == 1
    assert "failed: exit code 1" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_merge_orders_keeps_each_order_and_survives_contradictions() -> None:
    from journeymap.views.grid import merge_orders

    assert merge_orders([["a", "b", "c"]]) == ["a", "b", "c"]
    merged = merge_orders([["visit", "buy", "pickup", "home"], ["search", "order", "pickup"]])
    assert merged.index("order") < merged.index("pickup") < merged.index("home")
    assert merged.index("visit") < merged.index("buy")
    assert sorted(merge_orders([["a", "b"], ["b", "a"]])) == ["a", "b"]
