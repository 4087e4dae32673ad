"""The DOT writer's quoting, read back by real Graphviz (and graphviz-pure): texts that
look like DOT, like markup or like escapes reach the SVG as the journey wrote them.

Tooltips are the quoted strings of the DOT (labels are HTML-like and tested in
test_render_maps.py); each hostile text is put where a tooltip repeats it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from journeymap.render.dotwriter import Digraph, quote
from tests.conftest import run_cli

DOT = shutil.which("dot")
PURE = Path(sys.executable).parent / ("graphviz-pure.exe" if os.name == "nt" else "graphviz-pure")
XLINK = "{http://www.w3.org/1999/xlink}title"
SVG_TITLE = "{http://www.w3.org/2000/svg}title"

HOSTILE = [
    'say "hello" and \\"escaped\\"',
    "back\\slash and a final one \\",
    "\\N and \\G and \\L and \\n",
    "<b>bold</b>",
    "<x>>",
    "node",
    "Graph",
    "a\tb\x01c\x7fd",
    "-4.2",
    "{ } [ ] ; = -> --",
    "// not a comment /* nor this */",
]


def _program(renderer: str) -> str:
    program = DOT if renderer == "dot" else (str(PURE) if PURE.exists() else None)
    if program is None:
        pytest.skip(f"{renderer} is not installed")
    return program


def _journey(tmp_path: Path) -> Path:
    """One step per hostile text (its tooltip) and a touchpoint named with it."""
    steps = [
        {
            "id": f"s{index}",
            "text": f"I read {text}",
            "emotion": 0,
            "touchpoints": [{"channel": "web", "name": text}],
        }
        for index, text in enumerate(HOSTILE)
    ]
    journey = {
        "journeymap": 1,
        "id": "hostile",
        "title": 'Title "quoted" <i>x</i>',
        "lang": "en",
        "channels": [{"id": "web", "name": "Web"}],
        "stages": [{"id": "st", "name": "Stage", "steps": steps}],
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(journey, allow_unicode=True), encoding="utf-8")
    return path


def _clean(text: str) -> str:
    """What the map shows of a text: control characters become spaces."""
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text)


@pytest.mark.parametrize("renderer", ["dot", "pure"])
def test_hostile_texts_reach_the_svg_as_written(renderer: str, tmp_path: Path) -> None:
    program = _program(renderer)
    target = tmp_path / "map.svg"
    result = run_cli("render", _journey(tmp_path), "-o", target, env={"JOURNEYMAP_DOT": program})
    assert result.code == 0, result.stderr
    root = ET.fromstring(target.read_bytes())
    tooltips = {a.get(XLINK) for a in root.iter() if a.get(XLINK) is not None}
    for text in HOSTILE:
        assert f"I read {_clean(text)}" in tooltips, text
        assert _clean(text) in tooltips, text
    titles = [t.text for t in root.iter(SVG_TITLE)]
    assert 'Title "quoted" <i>x</i>' in titles


def test_quote_leaves_names_and_numbers_bare_and_quotes_the_rest() -> None:
    assert quote("c0_1") == "c0_1"
    assert quote("-4.2") == "-4.2"
    assert quote(".5") == ".5"
    assert quote("") == '""'
    assert quote("Node") == '"Node"'  # a keyword in any case
    assert quote("1a") == '"1a"'
    assert quote('say "hi"') == '"say \\"hi\\""'
    assert quote("<b>") == '"<b>"'


@pytest.mark.skipif(DOT is None, reason="needs Graphviz dot")
def test_written_dot_parses_with_graphviz() -> None:
    assert DOT is not None
    graph = Digraph('a "name"')
    graph.attr("graph", label="<<B>bold</B>>", rankdir="LR")
    with graph.subgraph("cluster_0") as box:
        box.attr(label="", style="rounded")
        box.node("a", label="<x &amp; y>", tooltip='<not "html">')
        box.node("b")
    graph.edge("a", "b", tooltip="node")
    done = subprocess.run(
        [DOT, "-Tjson"], input=graph.source.encode(), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    layout = json.loads(done.stdout)
    assert layout["name"] == 'a "name"'
    nodes = {o["name"]: o for o in layout["objects"] if "nodes" not in o}
    assert nodes["a"]["tooltip"] == '<not "html">'
    assert layout["edges"][0]["tooltip"] == "node"
