"""The Mermaid export read back by Mermaid itself: mermaid-cli driving Chromium.

Every example, a comparison and a list of hostile texts are exported through the CLI,
then drawn as `mmdc` draws them, in one browser page (tests/mermaid_draw.mjs, checked
against `mmdc` itself by test_the_drawings_are_mmdcs_own). Each drawing
must show exactly the journey: its title, every section, every task with every word and
its score (the face's height), every actor. A parse error is not the only failure:
Mermaid silently reads a task starting with "title" as the diagram's title.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from journeymap.views.moments import shared_moments
from tests.conftest import EXAMPLE_FILES, EXAMPLES, FULL, ROOT, invoke

TOOLS = ROOT / ".tools"
MMDC = TOOLS / "node_modules" / ".bin" / "mmdc"
NODE = shutil.which("node")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    not MMDC.exists() or CHROMIUM is None or NODE is None,
    reason="node, mermaid-cli or Chromium is missing: `python3 tasks.py setup` installs "
    "the last two (Node.js comes from https://nodejs.org)",
)
SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FURNITURE = [EXAMPLES / "meubles-magasin.yaml", EXAMPLES / "meubles-web-retrait.yaml"]

HOSTILE = [
    "section 2: je paie",
    "Section finale",
    "title: mon titre",
    "Title of my order",
    "journey planning",
    "Journeymap",
    "accTitle: hijack",
    "accDescr: hijack",
    "accDescr { multi }",
    "%% not a comment",
    "%%{init: {'theme': 'dark'}}%%",
    "100 %%% sure; really",
    ":",
    ";",
    "#",
    ":;#,%",
    "...",
    "C#58; is not a colon",
    "#hashtag; here",
    "a: b: c",
    "Je paie : 3 fois ; sans frais # promo",
    "<b>not bold</b> & <br> stays",
    "&amp; &#58; ﬂ°°58¶ß entities",
    "line one\nline two",
    "tab\there",
    "}",
    "--- front matter ---",
    "Ensuite, je compare les offres, les garanties, les délais de livraison et les avis "
    "des clients sur trois sites avant de me décider, puis je reviens au premier site "
    "pour commander l’armoire que j’avais vue au tout début de ma recherche",
    "https://example.com/a/very/long/path/without/any/space/to/break/on/index.html",
    "“Quotes” ’apostrophes’ and 🙂",
]


def _words(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Drawing:
    """What a reader sees in Mermaid's SVG."""

    title: str
    sections: list[str]
    tasks: list[tuple[str, int]]
    actors: set[str]


def _drawing(svg: Path) -> Drawing:
    root = ET.parse(svg).getroot()
    assert root.get("aria-roledescription") == "journey", svg
    title = next(
        (
            _words("".join(t.itertext()))
            for t in root.iter(f"{SVG}text")
            if t.get("font-size") == "4ex"
        ),
        "",
    )
    boxes: dict[str, list[str]] = {"task": [], "journey-section": []}
    for outer in root.iter(f"{XHTML}div"):
        kind = (outer.get("class") or "").split(" ")[0]
        if kind in boxes:
            boxes[kind].append(_words("".join(outer.itertext())))
    faces = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "face"]
    # A score that is not a number is drawn at cy="NaN": read as 0, no face height. A
    # score of 3.5 is drawn half-way between 3 and 4: read rounded half up, as `import`
    # reads it (Python's round() made 3.5 a 3 and 4.5 a 5).
    heights = [float(c.get("cy", "0")) for c in faces]
    scores = [0 if h != h else math.floor(5 - (h - 300) / 30 + 0.5) for h in heights]
    actors = {t.text or "" for c in root.iter(f"{SVG}circle") for t in c.iter(f"{SVG}title")}
    return Drawing(
        title, boxes["journey-section"], list(zip(boxes["task"], scores, strict=True)), actors
    )


def _expected(journeys: list[Journey]) -> Drawing:
    shared = {(m.stage_id, m.step_id) for m in shared_moments(journeys)}
    sections, tasks, actors = [], [], set()
    for journey in journeys:
        names = {c.id: c.name for c in journey.channels}
        for stage in journey.stages:
            prefix = f"{journey.title} › " if len(journeys) > 1 else ""
            sections.append(_words(prefix + stage.name))
            if not stage.steps:
                tasks.append(("…", 3))
            for step in stage.steps:
                mark = "◆ " if step.moment_of_truth else ""
                mark = ("⇄ " if (stage.id, step.id) in shared else "") + mark
                score = 3 if step.emotion is None else step.emotion + 3
                tasks.append((_words(mark + step.text), score))
                # A step told as its own `frontstage` action is its actor's, without
                # the persona (a Mermaid task given to others alone, imported).
                theirs = [
                    name.strip()
                    for action in step.frontstage
                    if action.actor and action.text == step.text
                    for name in action.actor.split(",")
                ]
                people = theirs or ([journey.persona.name] if journey.persona else [])
                actors |= {_words(a) for a in [*people, *step.actors]}
                actors |= {_words(names[t.channel]) for t in step.touchpoints}
    title = _words(" · ".join(j.title for j in journeys))
    return Drawing(title, sections, tasks, actors)


def _hostile_journey(texts: list[str], journey_id: str = "hostile") -> str:
    """One journey holding every text as a title, a stage name, a step text, a channel
    name and a step's actors (with a comma), a persona with a comma, each step with its
    own emotion, and an empty stage."""
    quoted = [json.dumps(text, ensure_ascii=False) for text in texts]
    lines = [
        "journeymap: 1.1",
        f"id: {journey_id}",
        f"title: {json.dumps(' | '.join(texts), ensure_ascii=False)}",
        "lang: en",
        f"persona: {{name: {json.dumps('Me, ' + texts[0], ensure_ascii=False)}}}",
        "channels:",
        *(f"  - {{id: c{i}, name: {q}}}" for i, q in enumerate(quoted)),
        "  - {id: app, name: App}",
        "stages:",
    ]
    for i, q in enumerate(quoted):
        lines += [
            f"  - id: s{i}",
            f"    name: {q}",
            "    steps:",
            f"      - id: t{i}",
            f"        text: {q}",
            f"        emotion: {i % 5 - 2}",
            f"        actors: [{q}, {json.dumps(texts[i - 1] + ', too', ensure_ascii=False)}]",
            f"        touchpoints: [{{channel: c{i}}}, {{channel: app}}]",
        ]
    lines += ["  - id: empty", "    name: Empty stage"]
    return "\n".join(lines) + "\n"


UNRATED = """\
journeymap: 1
id: unrated
title: "Rates nothing: #1 & co"
lang: en
channels: [{id: web, name: Website}]
stages:
  - id: look
    name: Look
    steps:
      - {id: a, text: I look at the offer, touchpoints: [{channel: web}]}
"""
PARTLY = (
    UNRATED.replace("id: unrated", "id: partly")
    + "      - {id: b, text: I buy, emotion: 2, touchpoints: [{channel: web}]}\n"
)
IMPORTED = """\
journeymap: 1
id: imported
title: Shop
lang: fr
notes: "Mermaid accTitle: Achats du samedi\\nMermaid accDescr: Ce que dit l'auteur"
channels: [{id: web, name: Site}]
stages:
  - id: s
    name: Avant
    steps:
      - {id: a, text: Je compare, emotion: 1, touchpoints: [{channel: web}]}
"""


def _mmdc(source: Path, output: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MMDC), "-q", "-p", str(config), "-i", str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=600,
    )


@dataclass
class Case:
    journeys: list[Journey]
    mermaid: str
    svg: Path | None = None
    error: str = ""


def _puppeteer_config(base: Path) -> Path:
    config = base / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": CHROMIUM, "args": ["--no-sandbox"]}))
    return config


def _draw(cases: dict[str, Case], base: Path, *, fonts: bool = True) -> None:
    """Draw every case as mmdc does, in one browser page (tests/mermaid_draw.mjs); a
    diagram Mermaid rejects gets its error and no drawing, the others are drawn all the
    same. `fonts=False` leaves out what mmdc adds after drawing, its fonts embedded in a
    <style> (some 200 KB a drawing, most of the time spent), for the checks that read
    only the drawing (texts, boxes, faces, actors), not how a browser shows it."""
    assert NODE is not None
    config = _puppeteer_config(base)
    markdown = base / "all.md"
    blocks = [f"```mermaid\n{case.mermaid}```\n" for case in cases.values()]
    markdown.write_text("\n".join(blocks), "utf-8")
    script = ROOT / "tests" / "mermaid_draw.mjs"
    drawn = subprocess.run(
        [NODE, str(script), str(TOOLS), str(config), str(markdown), str(base)]
        + ([] if fonts else ["--no-font-embed"]),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert drawn.returncode == 0, drawn.stderr[-4000:]
    errors = json.loads(drawn.stdout)
    assert len(errors) == len(cases), (len(errors), len(cases))
    for number, (case, error) in enumerate(zip(cases.values(), errors, strict=True), start=1):
        if error is None:
            case.svg = base / f"out-{number}.svg"
        else:
            case.error = error


def _export(inputs: list[Path], target: Path) -> str:
    result = invoke("render", *inputs, "-o", target, "--format", "mmd")
    assert result.code == 0, result.stderr
    return result.stdout if str(target) == "-" else ""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Every example, the furniture comparison and the hostile texts, exported through
    the CLI and drawn as mmdc draws them."""
    base = tmp_path_factory.mktemp("mermaid")
    (base / "hostile.yaml").write_text(_hostile_journey(HOSTILE), "utf-8")
    (base / "unrated.yaml").write_text(UNRATED, "utf-8")
    (base / "partly.yaml").write_text(PARTLY, "utf-8")
    (base / "imported.yaml").write_text(IMPORTED, "utf-8")
    names = ["hostile", "unrated", "partly", "imported"]
    extra = [base / f"{name}.yaml" for name in names]
    _export([EXAMPLES, *extra], base)
    cases: dict[str, Case] = {}
    for path in [*EXAMPLE_FILES, *extra]:
        journey = load_file(path).journey
        assert journey is not None, path
        cases[journey.id] = Case([journey], (base / f"{journey.id}.mmd").read_text("utf-8"))
    pair = [load_file(p).journey for p in FURNITURE]
    cases["compare"] = Case([j for j in pair if j is not None], _export(FURNITURE, Path("-")))
    _draw(cases, base)
    if cases["hostile"].svg is None:
        # Which text breaks the parser? One journey per text, drawn one by one.
        for index, text in enumerate(HOSTILE):
            name = f"hostile-{index}"
            source = base / f"{name}.yaml"
            source.write_text(_hostile_journey([text], name), "utf-8")
            journey = load_file(source).journey
            assert journey is not None
            cases[name] = Case([journey], _export([source], Path("-")))
        (base / "each").mkdir()
        _draw({k: v for k, v in cases.items() if k.startswith("hostile-")}, base / "each")
    return cases


def _fonts_in_order(svg: str) -> str:
    """The drawing with the lines of its embedded fonts' <style> sorted: mmdc loads its
    stylesheets all at once, and their @font-face rules come in the order they arrive."""
    return re.sub(
        r"(<style>)([^<]*@font-face[^<]*)(</style>)",
        lambda m: m[1] + "\n".join(sorted(m[2].split("\n"))) + m[3],
        svg,
    )


def test_the_drawings_are_mmdcs_own(drawn: dict[str, Case], tmp_path: Path) -> None:
    """tests/mermaid_draw.mjs draws in one page what `mmdc` draws a page each: the same
    drawings, byte for byte but for the order of the fonts. The hostile texts and a
    comparison here, every drawing with JOURNEYMAP_FULL_TESTS=1: mmdc takes a second or
    two a diagram."""
    names = list(drawn) if FULL else ["hostile", "compare"]
    cases = {name: drawn[name] for name in names if drawn[name].svg is not None}
    assert FULL or len(cases) == 2
    markdown = tmp_path / "some.md"
    markdown.write_text("\n".join(f"```mermaid\n{c.mermaid}```\n" for c in cases.values()))
    done = _mmdc(markdown, tmp_path / "out.md", _puppeteer_config(tmp_path))
    assert done.returncode == 0, done.stderr
    for number, (name, case) in enumerate(cases.items(), start=1):
        assert case.svg is not None
        theirs = (tmp_path / f"out-{number}.svg").read_text("utf-8")
        ours = case.svg.read_text("utf-8")
        assert _fonts_in_order(ours) == _fonts_in_order(theirs), name


def _check(case: Case) -> None:
    assert case.svg is not None, f"Mermaid cannot parse:\n{case.mermaid}\n{case.error}"
    assert _drawing(case.svg) == _expected(case.journeys), case.mermaid


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_draw_every_word(example: Path, drawn: dict[str, Case]) -> None:
    journey = load_file(example).journey
    assert journey is not None
    _check(drawn[journey.id])


def test_hostile_texts_parse_and_show_whole(drawn: dict[str, Case]) -> None:
    _check(drawn["hostile"])


@pytest.mark.parametrize("index", range(len(HOSTILE)), ids=lambda i: repr(HOSTILE[i])[:30])
def test_each_hostile_text_is_a_section_a_task_and_an_actor(
    index: int, drawn: dict[str, Case]
) -> None:
    case = drawn.get(f"hostile-{index}", drawn["hostile"])
    assert case.svg is not None, f"Mermaid cannot parse:\n{case.mermaid}\n{case.error}"
    drawing = _drawing(case.svg)
    text = _words(HOSTILE[index])
    position = 0 if f"hostile-{index}" in drawn else index
    assert drawing.sections[position] == text
    assert drawing.tasks[position] == (text, position % 5 + 1)
    assert text in drawing.actors
    assert text in drawing.title


def test_comparison_draws_each_journey_with_its_own_emotion(drawn: dict[str, Case]) -> None:
    case = drawn["compare"]
    _check(case)
    assert case.svg is not None
    pickups = [t for t in _drawing(case.svg).tasks if t[0].startswith("⇄")]
    # the in-store customers are happy at the pick-up (+1), the web customers are not (-2)
    assert [score for _, score in pickups] == [4, 1]


def _announced(svg: Path) -> tuple[str, str]:
    """What a screen reader announces of the drawing: the SVG's title and description,
    which its `aria-labelledby` and `aria-describedby` name."""
    root = ET.parse(svg).getroot()
    by_id = {e.get("id"): _words("".join(e.itertext())) for e in root.iter() if e.get("id")}
    return by_id.get(root.get("aria-labelledby"), ""), by_id.get(root.get("aria-describedby"), "")


def test_screen_readers_hear_the_title_and_what_the_scores_mean(drawn: dict[str, Case]) -> None:
    """Mermaid draws the scores as faces: the description says what they stand for, and
    that a 3 may stand for no emotion at all."""
    for name, case in drawn.items():
        if name.startswith("hostile-") or name == "imported":
            continue
        assert case.svg is not None, name
        title, described = _announced(case.svg)
        assert title == _expected(case.journeys).title, name
        assert described, name
    case = drawn["veste-hiver"]
    assert case.svg is not None
    assert _announced(case.svg)[1] == (
        "Parcours client (Acheteuse en ligne prudente), 6 étapes, 14 pas. La note de chaque "
        "pas est l'émotion du client, de 1 (très mauvaise) à 5 (très bonne). ◆ marque un "
        "moment de vérité."
    )
    case = drawn["compare"]
    assert case.svg is not None
    assert _announced(case.svg)[1].endswith(". ⇄ marque un moment partagé.")
    case = drawn["unrated"]
    assert case.svg is not None
    assert _announced(case.svg) == (
        "Rates nothing: #1 & co",
        "Customer journey, 1 stage, 1 step. No step gives an emotion, so every score is 3.",
    )
    case = drawn["partly"]
    assert case.svg is not None
    assert _announced(case.svg)[1] == (
        "Customer journey, 1 stage, 2 steps. Each step's score is the customer's emotion, "
        "from 1 (very bad) to 5 (very good), 3 where the journey does not give it (1 step)."
    )


def test_what_a_mermaid_author_wrote_for_screen_readers_is_kept(drawn: dict[str, Case]) -> None:
    case = drawn["imported"]
    assert case.svg is not None, case.error
    assert _announced(case.svg) == ("Achats du samedi", "Ce que dit l'auteur")
    assert case.mermaid.count("accTitle") == case.mermaid.count("accDescr") == 1


def test_no_text_is_clipped_in_a_browser(drawn: dict[str, Case], tmp_path: Path) -> None:
    """Mermaid clips each text to its box (a foreignObject): Chromium measures what every
    text needs (with its fonts, wider than most readers'), and every box holds it."""
    svgs = [str(case.svg) for case in drawn.values() if case.svg is not None]
    assert NODE is not None
    script = ROOT / "tests" / "mermaid_clipping.mjs"
    config = _puppeteer_config(tmp_path)
    measured = subprocess.run(
        [NODE, str(script), str(TOOLS), str(config), *svgs],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    boxes = [box for found in json.loads(measured.stdout).values() for box in found]
    assert len(boxes) == sum(
        len(_expected(case.journeys).sections) + len(_expected(case.journeys).tasks)
        for case in drawn.values()
        if case.svg is not None
    )
    clipped = [
        box
        for box in boxes
        if box["needHeight"] > box["height"] + 0.5 or box["needWidth"] > box["width"] + 0.5
    ]
    assert not clipped


def test_boxes_are_wide_enough_for_the_longest_text(drawn: dict[str, Case]) -> None:
    """Mermaid clips a task's text to its box: the box widens instead of clipping."""
    long_case = drawn["hostile"]
    width = re.compile(r"^    width: (\d+)$", re.MULTILINE)
    long_width = int(width.findall(long_case.mermaid)[0])
    assert long_width > int(width.findall(drawn["compare"].mermaid)[0]) >= 150
    assert long_case.svg is not None
    root = ET.parse(long_case.svg).getroot()
    boxes = [r for r in root.iter(f"{SVG}rect") if (r.get("class") or "").startswith("task ")]
    assert {float(r.get("width", "0")) for r in boxes} == {long_width}
    # and the drawing is wide enough for its last box (Mermaid does not count it)
    view = [float(v) for v in root.get("viewBox", "").split()]
    right = max(float(r.get("x", "0")) + float(r.get("width", "0")) for r in boxes)
    assert right <= view[0] + view[2]


def test_a_step_text_of_100_000_characters_is_drawn(tmp_path: Path) -> None:
    """The box width was found by growing it 10 px at a time and re-wrapping the text at
    each step: quadratic in the text, hours for this one (a 5 KB text took 24 s)."""
    from tests.conftest import run_cli

    text = (EXAMPLES / "veste-hiver.yaml").read_text(encoding="utf-8")
    source = tmp_path / "long.yaml"
    long_text = "Je sens " + "très " * 20_000 + "le froid arriver"
    source.write_text(text.replace("Je sens le froid arriver", long_text, 1), encoding="utf-8")
    result = run_cli("render", source, "-o", tmp_path / "long.mmd")
    assert result.code == 0, result.stderr
    assert long_text in (tmp_path / "long.mmd").read_text(encoding="utf-8")
