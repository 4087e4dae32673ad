"""`journeymap import` on Mermaid journeys found in public repositories, as written.

The files are in tests/data/import/wild/ with their sources (SOURCES.md). Every one goes
through the CLI and must give valid journeys; then Mermaid itself (mermaid-cli's page,
in one browser page for all: tests/mermaid_draw.mjs) draws each diagram and the journey
exported back from it, and what it draws is compared with what was imported: nothing
Mermaid shows may be lost on the way in or on the way out.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from journeymap.importers.mermaid import import_mermaid
from journeymap.importers.mermaid_parse import find_diagrams, parse_diagram
from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from tests.conftest import Result, invoke
from tests.test_mermaid import (
    CHROMIUM,
    MMDC,
    NODE,
    Case,
    Drawing,
    _draw,
    _drawing,
    _expected,
    _words,
)

WILD = Path(__file__).resolve().parent / "data" / "import" / "wild"
FILES = sorted(p for p in WILD.iterdir() if p.name != "SOURCES.md")
NOT_A_DIAGRAM: set[str] = set()
"""Files with no diagram at all, refused as JM009 without a line."""
OUTSIDE_A_BLOCK = ":{}:1: error[JM010] `journey` outside any Mermaid block: Markdown shows it"
REFUSED = {
    # The fence closed at once, none at all, fences escaped in a code string: in Markdown
    # the diagram is plain text; the refusal names its line.
    "w20-hashnode-broken-fence.md": OUTSIDE_A_BLOCK.format(5),
    "w182-ru-escaped-backtick-fence-ts.md": OUTSIDE_A_BLOCK.format(3),
    "w189-no-fence-under-heading.md": OUTSIDE_A_BLOCK.format(7),
    "w209-zh-unfenced-arrows.md": OUTSIDE_A_BLOCK.format(3),
    # A diagram in a JavaScript template string shown in a ```javascript fence.
    "w210-js-function-in-markdown.md": OUTSIDE_A_BLOCK.format(5),
    # The only journey of the page is in `[//]: # (...)` lines, Markdown's comments.
    "w206-link-reference-comments.md": ":34:1: error[JM010] no Mermaid journey diagram, only "
    "flowchart",
    "w55-japanese-vitest.ts": ": error[JM009] neither a Mermaid journey",
    "w228-ru-js-object-template.js": ": error[JM009] neither a Mermaid journey",
    "w57-gallery-aligned-colons.ts": ": error[JM009] neither a Mermaid journey",
    "w61-userjourney-typo.md": ":6:1: error[JM010] `userJourney` is not a Mermaid diagram type",
    "w62-userjourney-french.md": ":4:1: error[JM010] `userJourney` is not a Mermaid diagram",
    "w112-echo-mangled-merge.md": ":7:1: error[JM010] `journey###`: Mermaid takes the `journey`",
    "x01-flowchart-pasted.mmd": ":1:1: error[JM010] no Mermaid journey diagram, only flowchart",
    "x02-timeline-pasted.md": ":4:1: error[JM010] no Mermaid journey diagram, only timeline",
    "y01-user-journey-stages.yaml": ": error[JM009] YAML or JSON in a layout `import` does not "
    "read (top-level keys: user_journey)",
}
"""What Mermaid does not draw as a journey, or that is no Markdown (a diagram in a
TypeScript string): refused, on one line saying why (and the summary line)."""
MERMAID_REJECTS = {
    "w09-founder-onboarding.md",
    "w88-semicolon-in-task-fr.md",
    "w89-sebastian-indented-front-matter.md",
    "w200-phase-colon-sections-ampersand.md",
    "w229-vi-colons-in-sections-and-tasks-six.md",
}
"""`section Step 1: Context`: Mermaid stops the section at ':' and fails on the rest; a
';' in a task's text (`appears; confirm`) is "Expecting 'taskData', got 'INVALID'"; a
front matter closed by an indented '---' is "Diagrams beginning with --- are not valid"."""
MERMAID_CUTS = {
    "w32-front-matter-test-scope-fr.md",
    "w46-tenner-de-colons.md",
    "w96-suguba-fr-colon-in-parens.md",
    "w207-no-actors-colon-in-task.md",
    "w212-colon-in-tasks-braces-two-journeys.md",
}
"""`Push um 08:00, ...: 5: Handy`: Mermaid draws 'Push um 08' with no score and '5' as
its actor; the import reads the task whole, so only title and sections are compared."""
needs_mermaid = pytest.mark.skipif(
    not MMDC.exists() or CHROMIUM is None or NODE is None, reason="mermaid-cli is missing"
)


def _import(source: Path, folder: Path) -> list[Path]:
    result = invoke("import", source, "-o", folder)
    assert result.code == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert written and invoke("validate", *written).code == 0
    return written


def test_at_least_a_hundred_files_from_public_repositories() -> None:
    assert len(FILES) >= 120
    listed = (WILD / "SOURCES.md").read_text(encoding="utf-8")
    assert all(path.name in listed for path in FILES)


@pytest.fixture(scope="module")
def imports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Result, list[Path]]]:
    """Each file with a diagram imported once, for its own test and for Mermaid's."""
    base = tmp_path_factory.mktemp("wild")
    found: dict[str, tuple[Result, list[Path]]] = {}
    for source in FILES:
        if source.name not in NOT_A_DIAGRAM and source.name not in REFUSED:
            result = invoke("import", source, "-o", base / source.stem)
            found[source.name] = (result, [Path(line) for line in result.stdout.splitlines()])
    return found


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.name)
def test_every_diagram_imports_to_valid_journeys(
    source: Path, tmp_path: Path, imports: dict[str, tuple[Result, list[Path]]]
) -> None:
    if source.name in REFUSED:
        result = invoke("import", source, "-o", tmp_path)
        assert result.code == 2
        assert result.stderr.startswith(f"{source}{REFUSED[source.name]}")
        assert len(result.stderr.splitlines()) == 2
        assert not any(tmp_path.iterdir())
        return
    if source.name in NOT_A_DIAGRAM:
        result = invoke("import", source, "-o", tmp_path)
        assert result.code == 2
        assert result.stderr.startswith(f"{source}: error[JM009]")
        assert len(result.stderr.splitlines()) == 2  # the error and the summary line
        return
    result, written = imports[source.name]
    assert result.code == 0, result.stderr
    assert written and invoke("validate", *written).code == 0
    assert len(written) == len(find_diagrams(source.read_text(encoding="utf-8")))


def _texts(folder: Path, *sources: Path) -> list[dict[str, object]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _import_all(folder, sources)]


def _import_all(folder: Path, sources: tuple[Path, ...]) -> list[Path]:
    return [path for source in sources for path in _import(source, folder / source.stem)]


def test_diagrams_shown_as_source_are_found_when_none_is_drawn(tmp_path: Path) -> None:
    """In a ````markdown block, a ```bat block, a fence never closed, a comment."""
    shown = ["w06-obsidian-nested.md", "w42-md2visio-bat-fence.md", "w34-unclosed-fence.md"]
    titles = [j["title"] for j in _texts(tmp_path, *(WILD / name for name in shown))]
    assert titles == ["First-run experience", "My working day", "My working day"]
    [commented] = _texts(tmp_path / "c", WILD / "w31-blockchain-commented-100.md")
    assert commented["title"] == "Blockchain 101"


def test_a_commented_out_block_is_not_taken_beside_a_drawn_one(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    drawn = '<div class="mermaid">\njourney\n  title Drawn\n  section S\n    T: 4: Me\n</div>\n'
    page.write_text(f"<!--\n{drawn.replace('Drawn', 'Old')}-->\n{drawn}", encoding="utf-8")
    [journey] = _texts(tmp_path, page)
    assert journey["title"] == "Drawn"


def test_hexo_and_jekyll_mermaid_tags(tmp_path: Path) -> None:
    [journey] = _texts(tmp_path, WILD / "w18-hexo-tag-paxos.md")
    assert journey["title"] == "Why do we need Paxos？How it works?"
    stages = journey["stages"]
    assert isinstance(stages, list)
    assert [s["name"] for s in stages] == ["单机", "多副本", "Paxos"]
    assert [len(s["steps"]) for s in stages] == [1, 4, 1]


def test_a_section_name_with_a_colon_is_kept_whole_and_said(tmp_path: Path) -> None:
    source = WILD / "w09-founder-onboarding.md"
    result = invoke("import", source)
    assert result.code == 0
    names = [s["name"] for s in yaml.safe_load(result.stdout)["stages"]]
    assert names == ["Step 1: Context", "Step 2: Analysis", "Step 3: Interview", "Step 4: Review"]
    assert f"{source}:6:1: warning[JM011] section 'Step 1: Context': Mermaid" in result.stderr


def _seen_by_mermaid(journey: Journey, body: str = "") -> Drawing:
    """What Mermaid draws of the diagram the journey was imported from: the task texts,
    the sections (Mermaid draws none for tasks before any section, and one box for a
    section named twice in a row), the actors and, on Mermaid's 1..5 scale, the scores.
    `body`, the diagram's text, tells whether the first stage stands for tasks written
    before any section (its name then supplied by the import)."""
    steps = [step for stage in journey.stages for step in stage.steps]
    parsed = parse_diagram(body).sections if body else []
    unsectioned = bool(parsed) and parsed[0].name is None
    sections: list[str] = []
    for number, stage in enumerate(journey.stages):
        if number == 0 and unsectioned:
            continue
        if stage.steps and (not sections or sections[-1] != _words(stage.name)):
            sections.append(_words(stage.name))
    people = {journey.persona.name} if journey.persona else set()
    return Drawing(
        journey.title,
        sections,
        [(_words(s.text), 3 if s.emotion is None else s.emotion + 3) for s in steps],
        people | {a for s in steps for a in s.actors},
    )


def _comparable(drawn: Drawing, ours: Drawing) -> tuple[Drawing, Drawing]:
    """Leave out what the import supplies and Mermaid cannot show: a title where the
    diagram has none, a stage for tasks without a section, a score off Mermaid's 1..5
    scale (a face off the chart; the import reads it on the diagram's own scale)."""
    # `Me, Brock, `: Mermaid draws the empty name after the last comma as an actor.
    drawn = Drawing(drawn.title, drawn.sections, drawn.tasks, drawn.actors - {""})
    title = ours.title if drawn.title else ""
    sections = ours.sections if drawn.sections else []
    on_scale = all(1 <= score <= 5 for _, score in drawn.tasks)
    tasks = ours.tasks if on_scale else [(text, 0) for text, _ in ours.tasks]
    seen = [(text, score if on_scale else 0) for text, score in drawn.tasks]
    return (
        Drawing(drawn.title, drawn.sections, seen, drawn.actors),
        Drawing(title, sections, tasks, ours.actors),
    )


@pytest.fixture(scope="module")
def imported(
    imports: dict[str, tuple[Result, list[Path]]],
) -> dict[str, tuple[str, Path, Journey]]:
    """Each diagram's text as found in its file, with the journey imported from it."""
    found: dict[str, tuple[str, Path, Journey]] = {}
    for source in FILES:
        if source.name in NOT_A_DIAGRAM or source.name in REFUSED:
            continue
        result, written = imports[source.name]
        assert result.code == 0, result.stderr
        bodies = find_diagrams(source.read_text(encoding="utf-8"))
        for number, (path, (_, body)) in enumerate(zip(written, bodies, strict=True)):
            journey = load_file(path).journey
            assert journey is not None
            found[f"{source.stem}-{number}"] = (body, path, journey)
    return found


@needs_mermaid
def test_mermaid_draws_what_was_imported(
    imported: dict[str, tuple[str, Path, Journey]], tmp_path: Path
) -> None:
    cases = {name: Case([journey], body) for name, (body, _, journey) in imported.items()}
    rejects = {f"{Path(n).stem}-0" for n in MERMAID_REJECTS}
    _draw(cases, tmp_path, fonts=False)
    assert {name for name, case in cases.items() if case.svg is None} == rejects
    cut = {f"{Path(n).stem}-0" for n in MERMAID_CUTS}
    for name, case in cases.items():
        if case.svg is not None:
            seen = _seen_by_mermaid(case.journeys[0], case.mermaid)
            drawn, ours = _comparable(_drawing(case.svg), seen)
            if name in cut:
                assert (drawn.title, drawn.sections) == (ours.title, ours.sections), name
                assert len(drawn.tasks) == len(ours.tasks), name
            else:
                assert drawn == ours, name


@needs_mermaid
def test_the_export_of_every_imported_journey_is_drawn_whole(
    imported: dict[str, tuple[str, Path, Journey]], tmp_path: Path
) -> None:
    """Round trip: the journey imported, exported (`render --format mmd`), drawn."""
    cases: dict[str, Case] = {}
    for name, (_, source, journey) in imported.items():
        result = invoke("render", source, "-o", "-", "--format", "mmd")
        assert result.code == 0, result.stderr
        cases[name] = Case([journey], result.stdout)
    _draw(cases, tmp_path, fonts=False)
    for name, case in cases.items():
        # What the author wrote for screen readers comes back (Mermaid's <title>, <desc>);
        # a diagram without a description gets the one the export writes for it.
        assert case.svg is not None
        diagram = parse_diagram(imported[name][0])
        exported = parse_diagram(case.mermaid)
        svg = case.svg.read_text(encoding="utf-8")
        descriptions = re.findall(r"<desc[^>]*>(.*?)</desc>", svg, re.DOTALL)
        assert exported.acc_descr, name
        assert [_words(d) for d in descriptions] == [_words(exported.acc_descr)], name
        if diagram.acc_descr:
            assert _words(exported.acc_descr) == _words(diagram.acc_descr), name
        if diagram.acc_title and diagram.acc_title != diagram.title:
            assert f">{html.escape(diagram.acc_title, quote=False)}</title>" in svg, name
    for case in cases.values():
        assert case.svg is not None, f"Mermaid cannot parse:\n{case.mermaid}\n{case.error}"
        expected = _expected(case.journeys)
        # Mermaid draws one box for a section named twice in a row, as in the source.
        sections = [
            s for i, s in enumerate(expected.sections) if expected.sections[i - 1 : i] != [s]
        ]
        assert _drawing(case.svg) == Drawing(
            expected.title, sections, expected.tasks, expected.actors
        ), case.mermaid
        assert _seen_by_mermaid(case.journeys[0]).actors <= expected.actors


@pytest.mark.parametrize(
    "name", ["w09-founder-onboarding.md", "w18-hexo-tag-paxos.md", "w36-acc-login-zh-aligned.md"]
)
def test_what_the_user_sees(name: str) -> None:
    """The journey file written and the warnings, as a person reads them."""
    from tests.conftest import assert_snapshot

    result = invoke("import", f"tests/data/import/wild/{name}")
    assert result.code == 0
    assert_snapshot(
        f"import/{Path(name).stem}.txt", f"{result.stdout}\n--- stderr\n{result.stderr}"
    )


def test_a_colon_in_a_task_text_is_read_whole_and_said(tmp_path: Path) -> None:
    """Mermaid ends the text at the first ':' and takes '00, ...' as the score and '5' as
    the actor: the author's task is read whole, with its score and actor."""
    source = WILD / "w46-tenner-de-colons.md"
    result = invoke("import", source)
    assert result.code == 0
    morning = yaml.safe_load(result.stdout)["stages"][0]["steps"]
    assert morning[0]["text"] == "Push um 08:00, ein Tenner pro Nachricht"
    assert morning[0]["emotion"] == 2
    assert yaml.safe_load(result.stdout)["persona"] == {"name": "Handy"}
    assert (
        f"{source}:7:1: warning[JM011] task 'Push um 08:00, ein Tenner pro Nachricht': "
        "Mermaid ends a task's text at the first ':'" in result.stderr
    )
    exported = tmp_path / "tenner.yaml"
    exported.write_text(result.stdout, encoding="utf-8")
    mmd = invoke("render", exported, "-o", "-", "--format", "mmd").stdout
    assert "Push um 08#58;00, ein Tenner pro Nachricht: 5: Handy" in mmd


def test_what_mermaid_ignores_after_the_actors_is_said_and_kept(tmp_path: Path) -> None:
    source = WILD / "w50-metrics-es-counts.md"
    result = invoke("import", source)
    assert result.code == 0
    assert (
        f"{source}:13:1: warning[JM011] task 'PaymentSuccess': Mermaid ignores "
        "': payment_success_total, Atributo: payment_method)' after the actors"
    ) in result.stderr
    assert "# Mermaid ignores ': payment_success_total, Atributo: payment_method)'" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("w58-sphinx-directive.rst", "Customer Purchase Journey"),
        ("w60-hugo-unindented-escaped.md", "My working day"),
        ("w72-quarto-braces.qmd", "Documentation User Journey"),
        ("w73-asciidoc-block.adoc", "Visual review flow"),
    ],
)
def test_sphinx_hugo_quarto_and_asciidoc_blocks(name: str, title: str, tmp_path: Path) -> None:
    [journey] = _texts(tmp_path, WILD / name)
    assert journey["title"] == title


def test_a_capitalised_keyword_is_read_and_said(tmp_path: Path) -> None:
    """Mermaid's detector wants `journey` in lower case; the author meant a journey."""
    source = tmp_path / "day.mmd"
    source.write_text("Journey\n  title Day\n  section S\n    Tea: 5: Me\n", encoding="utf-8")
    result = invoke("import", source)
    assert result.code == 0
    assert yaml.safe_load(result.stdout)["title"] == "Day"
    assert f"{source}:1:1: warning[JM011] `Journey`: Mermaid knows only `journey`" in (
        result.stderr
    )


def test_a_journey_file_is_not_imported_again() -> None:
    source = Path(__file__).resolve().parent.parent / "examples" / "saas-subscription.yaml"
    result = invoke("import", source)
    assert result.code == 2
    assert result.stderr.startswith(
        f"{source}: error[JM009] already a journey file ('journeymap' key): nothing to import"
    )


def test_a_task_without_its_score_is_kept_and_said(tmp_path: Path) -> None:
    """Mermaid rejects the diagram ('Parse error'); the author's task is not dropped."""
    source = tmp_path / "day.mmd"
    source.write_text(
        "journey\n  title Day\n  section Home\n    Make tea: 5: Me\n    Sit down\n",
        encoding="utf-8",
    )
    result = invoke("import", source)
    assert result.code == 0
    steps = yaml.safe_load(result.stdout)["stages"][0]["steps"]
    assert [(s["text"], s.get("emotion")) for s in steps] == [("Make tea", 2), ("Sit down", None)]
    assert f"{source}:5:1: warning[JM011] task 'Sit down' has no ':' and no score" in (
        result.stderr
    )


def test_a_semicolon_in_a_task_is_kept_and_said() -> None:
    source = WILD / "w88-semicolon-in-task-fr.md"
    result = invoke("import", source)
    assert result.code == 0
    texts = [s["text"] for st in yaml.safe_load(result.stdout)["stages"] for s in st["steps"]]
    expected = (
        "Swipe left, tap Supprimer => a confirmation dialog appears; confirm => the row "
        "is gone and the hero amount updates"
    )
    assert expected in texts
    assert "Mermaid rejects the diagram, a ';' ends a task's text (write #59;)" in result.stderr


def test_an_indented_end_of_front_matter_is_read_and_said(tmp_path: Path) -> None:
    """Mermaid wants the closing '---' at the start of its line and rejects the diagram
    otherwise; the author's title and accessibility lines are read, and that is said."""
    source = WILD / "w89-sebastian-indented-front-matter.md"
    result = invoke("import", source)
    assert result.code == 0
    assert result.stderr.startswith(
        f"{source}:10:1: warning[JM011] the front matter ends with an indented '---': "
        'Mermaid rejects the diagram ("Diagrams beginning with --- are not valid"'
    )
    journey = yaml.safe_load(result.stdout)
    assert journey["title"] == "My working day"
    assert "2 main sections: work and home, each with just a few tasks" in journey["notes"]


@pytest.mark.parametrize(
    ("name", "title", "first"),
    [
        ("w114-dashboard-mdx-simplemermaid.mdx", "Dashboard User Journey", 5),
        ("w115-agency-mdx-mermaiddiagram.mdx", "30-day agency-to-independent transition", 7),
    ],
)
def test_mdx_chart_components(name: str, title: str, first: int, tmp_path: Path) -> None:
    """`<Mermaid chart={`journey ...`} />`: the template string is the diagram."""
    [journey] = _texts(tmp_path, WILD / name)
    assert journey["title"] == title
    result = invoke("import", WILD / name)
    assert f"{WILD / name}, lines {first}-" in result.stdout.splitlines()[0]


def test_a_chart_shown_in_a_fence_is_not_drawn(tmp_path: Path) -> None:
    page = tmp_path / "usage.mdx"
    chart = "<Mermaid chart={`journey\n  title Shown\n  section S\n    T: 4: Me\n`} />\n"
    page.write_text(f"```mdx\n{chart}```\n\n{chart.replace('Shown', 'Drawn')}", "utf-8")
    assert [j["title"] for j in _texts(tmp_path, page)] == ["Drawn"]


def test_an_init_directive_over_several_lines_is_skipped_as_one(tmp_path: Path) -> None:
    """`%%{init: {` ... `}}%%` over nine lines before `journey`: Mermaid reads it as one
    directive; the diagram was not found at all (exit 2)."""
    [journey] = _texts(tmp_path, WILD / "w135-quest-pl-multiline-init.md")
    assert journey["title"] == 'Player\'s First Quest: "Goblin Menace"'
    stages = journey["stages"]
    assert isinstance(stages, list)
    assert [s["name"] for s in stages] == [
        "Accepting the Quest",
        "Completing Objectives",
        "Receiving the Reward",
    ]
    assert [len(s["steps"]) for s in stages] == [3, 3, 3]


def test_an_actor_written_as_the_task_is_read_as_written_and_said() -> None:
    source = WILD / "w170-swapped-actor-and-task.md"
    result = invoke("import", source)
    assert result.code == 0
    assert result.stderr.startswith(
        f"{source}:7:1: warning[JM011] tasks 'User', 'System' come back on every line, each "
        "with an actor of its own ('Signs up'...): the actor and the task look swapped "
        "(write `Signs up: 5: User`); read as written, as Mermaid draws it\n"
    )
    steps = [s for st in yaml.safe_load(result.stdout)["stages"] for s in st["steps"]]
    assert [s["text"] for s in steps] == ["User", "System"] * 3
    # Each task with an actor of its own, a few task texts again and again: only there and
    # in a Russian page written the same way (`Пользователь: 1: Поиск фильма`).
    others = [p for p in FILES if p.name not in {*REFUSED, *NOT_A_DIAGRAM}]
    warned = [
        p.name
        for p in others
        for journey in import_mermaid(p.read_text(encoding="utf-8"), p.name)
        if any("look swapped" in w.message for w in journey.warnings)
    ]
    assert warned == [source.name, "w265-ru-swapped-blank-lines-between-sections.md"]


def test_brand_names_stay_whole_in_ids_and_a_camel_case_key_is_split() -> None:
    """Before: `developer-mastery-roadmap-for-enterprise-saa-s`, `type-script-...`."""
    result = invoke("import", WILD / "w200-phase-colon-sections-ampersand.md")
    journey = yaml.safe_load(result.stdout)
    assert journey["id"] == "developer-mastery-roadmap-for-enterprise-saas"
    steps = [s["id"] for stage in journey["stages"] for s in stage["steps"]]
    assert steps[:3] == [
        "typescript-modern-javascript",
        "python-3-12-async-programming",
        "git-github-workflow",
    ]
    assert "offline-sync-dexie-js-indexeddb" in steps
    sagemaker = yaml.safe_load(invoke("import", WILD / "w208-actor-glued-to-score.md").stdout)
    assert sagemaker["id"] == "sagemaker-mme"
    assert [s["id"] for s in sagemaker["stages"]] == ["container", "s3-bucket", "user-api"]
    # An identifier quoted in a text (`riskScore`, `searchId`) is still split.
    result = invoke("import", WILD / "w214-python-docstring-braces.mmd")
    steps = [s["id"] for stage in yaml.safe_load(result.stdout)["stages"] for s in stage["steps"]]
    assert "poll-for-results-using-search-id-get" in steps


def test_a_task_without_the_persona_is_kept_as_its_actors_action() -> None:
    """`Load Model Artifacts: 3: System` in a diagram whose first actor is User: the
    format has no way to take the persona off a step, so the task is also the step's
    `frontstage` action by System, said in a comment; the export gives it back to System
    alone, and the lint sees System at work instead of a customer step without subject."""
    source = WILD / "w217-system-steps-persona-user.md"
    result = invoke("import", source)
    assert result.code == 0
    steps = {
        step["id"]: step
        for stage in yaml.safe_load(result.stdout)["stages"]
        for step in stage["steps"]
    }
    assert steps["load-model-artifacts"]["frontstage"] == [
        {"text": "Load Model Artifacts", "actor": "System"}
    ]
    assert "frontstage" not in steps["open-app"]
    marked = [line.strip() for line in result.stdout.splitlines() if "without User" in line]
    assert marked == [
        "- {text: Load Model Artifacts, actor: System}  # Mermaid: done by System, without "
        "User; guessed in view of the customer (else move it to backstage)",
        "- {text: System Cleans and Predicts, actor: System}  # Mermaid: done by System, "
        "without User; guessed in view of the customer (else move it to backstage)",
    ]


def test_the_actors_of_a_task_survive_import_and_export(tmp_path: Path) -> None:
    """Through the CLI, as a user round-trips a diagram: each task comes back done by
    whom it was written with, and lint names the staff and the system at work."""
    source = tmp_path / "cat.mmd"
    source.write_text(
        "journey\n  title Cat day\n  section Morning\n    Wake up: 5: Me\n"
        "    Feed the cat: 3: Me, Cat\n    Calls back about the bill: 2: Agent\n"
        "    Sends the receipt: 4: System, Agent\n",
        encoding="utf-8",
    )
    assert invoke("import", source, "-o", tmp_path / "cat.yaml").code == 0
    exported = invoke("render", tmp_path / "cat.yaml", "-o", "-", "--format", "mmd")
    assert exported.code == 0, exported.stderr
    tasks = [
        (t.text, [a for a in t.actors if a != "Unspecified"])
        for section in parse_diagram(exported.stdout).sections
        for t in section.tasks
    ]
    assert tasks == [
        ("Wake up", ["Me"]),
        ("Feed the cat", ["Me", "Cat"]),
        ("Calls back about the bill", ["Agent"]),
        ("Sends the receipt", ["System", "Agent"]),
    ]
    lint = invoke("lint", tmp_path / "cat.yaml")
    done_by = re.findall(
        r"step '([a-z-]+)' is done by ([^,]+(?:, [A-Z]\w+)?), without", lint.stdout
    )
    assert done_by == [
        ("calls-back-about-the-bill", "Agent"),
        ("sends-the-receipt", "System, Agent"),
    ]


def test_every_tasks_actors_come_back_from_the_export() -> None:
    """Import, then `render --format mermaid`, then Mermaid's grammar again: each task
    is done by the actors it was written with (the channels the export adds aside).
    Before, the persona came back on every task: 90 of 216 diagrams lost their actors
    (86 with tasks given to others alone: `Agent`, `System`, `Me, Cat`). A task written
    with no actor at all comes back with the persona, who lives every step: 7 diagrams."""
    from journeymap.render.mermaid import build_mermaid

    changed: dict[str, list[tuple[str, list[str], list[str]]]] = {}
    diagrams = 0
    for source in FILES:
        if source.name in NOT_A_DIAGRAM or source.name in REFUSED:
            continue
        text = source.read_text(encoding="utf-8")
        bodies = find_diagrams(text)
        for (offset, body), found in zip(bodies, import_mermaid(text, source.name), strict=True):
            journey = Journey.model_validate(found.data)
            channels = {c.name for c in journey.channels}
            back = parse_diagram(build_mermaid([journey]))
            written = [
                (t.text, [a for a in t.actors if a])
                for section in parse_diagram(body, offset).sections
                for t in section.tasks
                if t.said != "no steps"
            ]
            exported = [
                [a for a in t.actors if a not in channels]
                for section in back.sections
                for t in section.tasks
                if t.said != "no steps"
            ]
            diagrams += 1
            for (task, actors), actors_back in zip(written, exported, strict=True):
                if set(actors) != set(actors_back):
                    changed.setdefault(source.name, []).append((task, actors, actors_back))
    assert diagrams >= 216
    persona_added = {
        name
        for name, tasks in changed.items()
        if all(not actors and len(back) == 1 for _, actors, back in tasks)
    }
    assert persona_added == set(changed), {n: changed[n] for n in set(changed) - persona_added}
    assert len(changed) == 7, sorted(changed)


def _read(folder: Path, *sources: Path) -> list[Any]:
    """The journeys imported from `sources` as YAML gives them (nested plain data)."""
    return list(_texts(folder, *sources))


def test_a_fence_turned_into_html_code_is_found(tmp_path: Path) -> None:
    """`<pre><code class="language-mermaid">`: what Jekyll, markdown-it or an editor makes
    of a ```mermaid fence (the page's script draws it). Was JM009 "neither a Mermaid
    journey"; the source shown in a plain `<code>` beside it is not taken twice."""
    jekyll, tiptap = (
        (WILD / "w238-jekyll-text-pre-code-language-mermaid.html"),
        (WILD / "w239-tiptap-html-string-code-language-mermaid.html"),
    )
    [drawn] = _read(tmp_path, jekyll)
    assert drawn["title"] == "My working day"
    steps = [(s["text"], s["emotion"]) for st in drawn["stages"] for s in st["steps"]]
    assert steps == [
        ("Make tea", 2),
        ("Go upstairs", 0),
        ("Do work", -2),
        ("Go downstairs", 2),
        ("Sit down", 0),
    ]
    result = invoke("import", tiptap)
    assert result.code == 0, result.stderr
    assert f"{tiptap}, lines 12-20 " in result.stdout.splitlines()[0]
    # MkDocs Material writes the fence as <pre class="mermaid"><code>: the same diagram.
    page = tmp_path / "mkdocs.html"
    page.write_text(
        '<pre class="mermaid"><code>journey\n  title Wrapped\n  section S\n    T: 4: Me\n'
        "</code></pre>\n",
        encoding="utf-8",
    )
    assert [j["title"] for j in _read(tmp_path / "mk", page)] == ["Wrapped"]
    # Inside it, a <div class="mermaid"> is the diagram (a generated Korean page).
    [korean] = _read(tmp_path / "k", WILD / "w113-korean-html-pre-code-div.html")
    assert korean["title"] == '"🚨 시민 안전신고 상세 여정 맵"'


def test_scores_that_stop_at_six_are_mermaids_scale() -> None:
    """3..6, 6 for the best moments: read on 1..10 before, the author's 5 was neutral and
    3 unhappy where Mermaid draws both smiling."""
    source = WILD / "w229-vi-colons-in-sections-and-tasks-six.md"
    result = invoke("import", source)
    assert result.code == 0
    journey = yaml.safe_load(result.stdout)
    steps = [s for st in journey["stages"] for s in st["steps"]]
    assert [s["emotion"] for s in steps] == [2, 1, 1, 0, 2, 1, 2, 2, 1, 2, 2]
    assert steps[2]["text"] == "Ghi nhận Hồ sơ (Gắn DPC: 00XHX1)"
    assert journey["stages"][0]["name"] == "Giai đoạn 1: Mở Hồ Sơ Vay Mới"
    assert "read on a 1-10 scale" not in result.stderr
    assert (
        f"{source}:18:1: warning[JM011] task 'Thanh toán thành công nợ kỳ cuối': score 6 "
        "is outside Mermaid's 1-5; emotion clamped to 2"
    ) in result.stderr


def test_scores_that_number_the_steps_give_no_emotion() -> None:
    """1, 1, 2, 2 ... 17: the author counted the steps. Clamped as feelings, every step
    from the eighth on was delighted, with 17 warnings."""
    source = WILD / "w240-pl-scores-count-steps-to-17.md"
    result = invoke("import", source)
    assert result.code == 0
    assert result.stderr.splitlines()[0] == (
        f"{source}:2:1: warning[JM011] scores rise with the tasks from 1 to 17 and never go "
        "down: they number the steps, not how the persona feels; the steps have no emotion"
    )
    assert len(result.stderr.splitlines()) == 2  # that warning and the summary
    journey = yaml.safe_load(result.stdout)
    steps = [s for st in journey["stages"] for s in st["steps"]]
    assert len(steps) == 26
    assert all("emotion" not in s for s in steps)
    assert "# Mermaid score 17: a step number, no emotion" in result.stdout


@pytest.mark.parametrize(
    ("name", "ident", "stage"),
    [
        # Before: put-pol-zovatel-ya-perva-ya-pokupka, registra-ts-i-ya.
        (
            "w234-ru-new-user-then-client-blank-before-fence.md",
            "put-polzovatelya-pervaya-pokupka",
            "registratsiya",
        ),
        # Before: cal-dudu-as-is-sa-yong-ja-..., 1-jin-ib-mich-in-jeung.
        (
            "w227-ko-blueprint-layers-as-actors.md",
            "cal-dudu-as-is-sayongja-yeojeong-mich-seobiseu",
            "1-jinib-mich-injeung",
        ),
        # Before: ph-u-ai-ch-ra-ng-tor-dwy-kh-wam..., etriym-kh-omul.
        (
            "w248-th-thai-mixed-latin-mindmap-after.md",
            "phuaichrang-tor-dwykhwamchwyehlueokhong-ai-hybrid-mode",
            "etriymkhomul",
        ),
        # Chinese and Japanese run their words together: a syllable each, as before.
        (
            "w237-ja-yaml-block-handlebars-title.md",
            "target-domain-ye-wu-yu-za-ji-ya-ni",
            "xian-zhuang",
        ),
    ],
)
def test_ids_keep_the_words_of_scripts_that_space_them(name: str, ident: str, stage: str) -> None:
    journey = yaml.safe_load(invoke("import", WILD / name).stdout)
    assert journey["id"] == ident
    assert journey["stages"][0]["id"] == stage


def test_what_this_batch_holds_is_kept(tmp_path: Path) -> None:
    """Texts, sections and actors as written: placeholders, emoji, durations, RTL."""
    titles = [
        j["title"] for j in _read(tmp_path, WILD / "w225-de-indented-fences-three-journeys.md")
    ]
    assert titles == [
        "Kunde bekommt eine Web-App zum testen",
        "CMS wird ausgebaut",
        "Neue Smart Village App erstellen",
    ]
    [template] = _read(tmp_path, WILD / "w232-ja-template-placeholders.md")
    assert [st["name"] for st in template["stages"]] == [
        "{phase_1_name}",
        "{phase_2_name}",
        "{phase_3_name}",
    ]
    students = _read(tmp_path, WILD / "w241-pl-emoji-and-durations-in-tasks.md")
    assert [len([s for st in j["stages"] for s in st["steps"]]) for j in students] == [11, 9, 8]
    first = [s["text"] for st in students[0]["stages"] for s in st["steps"]]
    assert first[:2] == ["Kliknij tab 📊 Uczniowie 1s", "Kliknij ➕ Nowy uczeń 1s"]
    assert "POST /api/students 120ms" in first
    [hebrew] = _read(tmp_path, WILD / "w242-he-rtl-plural-actors.md")
    assert hebrew["persona"] == {"name": "משתמש"}
    assert [s["name"] for s in hebrew["stakeholders"]] == ["מערכת", "מנהלים", "משתמשים"]
    [blueprint] = _read(tmp_path, WILD / "w227-ko-blueprint-layers-as-actors.md")
    actors = [s.get("actors") for st in blueprint["stages"] for s in st["steps"]]
    assert actors[2] == ["BookingForm", "PostgreSQL (대기/비점유)"]
    # Two journeys among venn-beta, wardley-beta, zenuml and an empty block.
    beta = _read(tmp_path / "beta", WILD / "w244-ja-two-journeys-among-beta-diagrams.md")
    assert [j["title"] for j in beta] == ["図表プレビュー", "私の仕事の1日"]
    # A section named twice with another between: two stages, in the diagram's order.
    [orders] = _read(tmp_path, WILD / "w247-tr-section-named-twice-apart.md")
    assert [(st["id"], st["name"]) for st in orders["stages"]] == [
        ("ofis", "Ofis"),
        ("teknisyen-mobil", "Teknisyen (Mobil)"),
        ("ofis-2", "Ofis"),
    ]
    assert orders["persona"] == {"name": "Ofis Personeli"}
    [listed] = _read(tmp_path, WILD / "w231-tr-fence-in-numbered-list.md")
    assert [st["name"] for st in listed["stages"]] == ["Müşteri", "Sistem"]


def test_a_div_drawn_inside_a_blockquote_is_the_diagram(tmp_path: Path) -> None:
    """`> <div class="mermaid">`: a page's script draws the diagram quoted in a blockquote.
    It was not found: the copy shown in a ```html fence below it was taken (lines 17-25),
    and without that copy the page was JM009 "neither a Mermaid journey"."""
    source = WILD / "w271-zh-blockquoted-div-and-html-fence.md"
    result = invoke("import", source)
    assert result.code == 0, result.stderr
    assert f"{source}, lines 4-12 " in result.stdout.splitlines()[0]
    quoted = tmp_path / "quoted.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    quoted.write_text("\n".join(lines[:13]) + "\n", encoding="utf-8")
    [journey] = _read(tmp_path / "q", quoted)
    assert journey["title"] == "My working day"
    assert [len(st["steps"]) for st in journey["stages"]] == [3, 2]


def test_braces_in_a_one_line_acc_title_come_back_whole(tmp_path: Path) -> None:
    """`accTitle: ${value.accessibilityTitle}` (a TypeScript template cut out): the export
    wrote `${value.accessibilityTitle)`, a ')' for the '}' that only ends an
    `accDescr { ... }` block; Mermaid reads a one-line accTitle to the end of the line."""
    source = WILD / "w267-ts-template-decimal-scores-placeholders.mmd"
    target = tmp_path / "template.yaml"
    assert invoke("import", source, "-o", target).code == 0
    exported = invoke("render", target, "-o", "-", "--format", "mmd")
    assert exported.code == 0, exported.stderr
    assert "    accTitle: ${value.accessibilityTitle}\n" in exported.stdout
    diagram = parse_diagram(exported.stdout)
    assert diagram.acc_title == "${value.accessibilityTitle}"


def test_texts_yaml_reads_otherwise_are_quoted_in_the_journey_file(tmp_path: Path) -> None:
    """`Other Closings : 2 : ??` (w275): the journey file said `actors: [??]`, which PyYAML
    cannot parse, and `validate` refused it (JM002); a task `Yes` or an actor `No` read
    back as true and false. Each comes back as written."""
    [journey] = [
        j
        for j in _read(tmp_path, WILD / "w275-res-five-untitled-html-block-question-actor.md")
        if "??" in str(j)
    ]
    by_text = {s["text"]: s for st in journey["stages"] for s in st["steps"]}
    assert by_text["Other Closings"]["actors"] == ["??"]
    source = tmp_path / "yes.mmd"
    source.write_text(
        "journey\n  title Q\n  section S\n    Start: 5: Me\n    Yes: 4: Me\n"
        "    Ask: 3: No, Who?\n    Can we help?: 3: On\n",
        encoding="utf-8",
    )
    [data] = _read(tmp_path / "q", source)
    steps = [s for st in data["stages"] for s in st["steps"]]
    assert [s["text"] for s in steps] == ["Start", "Yes", "Ask", "Can we help?"]
    assert steps[2]["actors"] == ["No", "Who?"]
    assert [s["name"] for s in data["stakeholders"]] == ["No", "Who?", "On"]


def test_a_fence_inside_an_html_block_is_said_not_dropped_in_silence(tmp_path: Path) -> None:
    """`<div style="page-break-after: always;"></div>` then a heading and a ```mermaid
    fence, no blank line between: Markdown reads them as one HTML block, and GitHub shows
    the diagram as text. Two of w275's five diagrams; they were left out unsaid."""
    source = WILD / "w275-res-five-untitled-html-block-question-actor.md"
    result = invoke("import", source, "-o", tmp_path)
    assert result.code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    lines = result.stderr.splitlines()
    said = [line for line in lines if "HTML block" in line]
    assert said == [
        f"{source}:{fence}:1: warning[JM011] a ```mermaid fence inside the HTML block of line "
        f"{html}, which runs to the next blank line: Markdown shows the diagram as text and "
        "Mermaid does not draw it, so it is not imported; put a blank line before the fence"
        for fence, html in ((47, 45), (93, 91))
    ]


def test_dash_as_the_output_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`import x.md -o -` made a folder named '-' and wrote the journey there; `render -o -`
    writes to standard output, and so does import now (one journey; several are refused
    with the way out, as without -o)."""
    monkeypatch.chdir(tmp_path)
    one = invoke("import", WILD / "w268-vault-glued-score.md", "-o", "-")
    assert one.code == 0, one.stderr
    assert yaml.safe_load(one.stdout)["title"] == (
        "Create SpringBoot application with vault-java-driver"
    )
    several = invoke("import", WILD / "w270-websockets-front-matter-three-divs.md", "-o", "-")
    assert several.code == 2
    assert "2 journeys found (typical-client-server-flow, a-bit-later); write them to a " in (
        several.stderr
    )
    assert not any(tmp_path.iterdir())
