"""`journeymap import` on real files: every text kept, the result valid, lint useful.

The expectations come from an oracle much simpler than the importer (a line regex over
the diagrams, `yaml.safe_load_all` over the Enablement Map Studio files), so that a text
the importer drops or changes shows up as a difference.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.importers.common import emotion_from_score
from tests.conftest import EXAMPLES, Result, invoke, run_cli
from tests.test_fuzz import mutate_lines, values
from tests.test_hostile_input import BILLION_LAUGHS

DATA = Path(__file__).resolve().parent / "data" / "import"
MERMAID_FILES = sorted((DATA / "mermaid").glob("*.m*"))
EMS_FILES = sorted((DATA / "ems").glob("*.yaml"))
_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*\{?\.?mermaid[^\n]*\n(.*?)^[ \t]*\1", re.M | re.S)
_KEYWORD = re.compile(r"(title|section|acctitle|accdescr)\b", re.I)


def _oracle_diagrams(text: str) -> list[str]:
    bodies = [text] if re.search(r"^\s*journey\s*$", text, re.M) and "```" not in text else []
    bodies += [m.group(2) for m in _FENCE.finditer(text)]
    return [b for b in bodies if re.search(r"^\s*journey\s*$", b, re.M)]


def _oracle(body: str) -> dict[str, list[Any]]:
    """Sections, tasks (text, actors) and titles as a person reads the diagram."""
    seen: dict[str, list[Any]] = {"sections": [], "tasks": [], "titles": []}
    after_journey = False
    for raw in body.splitlines():
        line = raw.strip()
        if not after_journey:
            after_journey = line.lower() == "journey"
            continue
        if not line or line.startswith("%%"):
            continue
        keyword = _KEYWORD.match(line)
        if keyword and keyword.group(1).lower() == "section":
            seen["sections"].append(line[8:].strip())
        elif keyword and keyword.group(1).lower() == "title":
            seen["titles"].append(line[6:].strip())
        elif not keyword and ":" in line:
            text, _, rest = line.partition(":")
            parts = rest.split(":")
            actors = [a.strip() for a in parts[1].split(",") if a.strip()] if len(parts) > 1 else []
            seen["tasks"].append((text.strip(), actors))
    return seen


def _import_to(folder: Path, *sources: Path) -> list[dict[str, Any]]:
    result = invoke("import", *sources, "-o", folder)
    assert result.code == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert written and all(path.parent == folder for path in written)
    assert invoke("validate", *written).code == 0
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in written]


def _import_text(folder: Path, name: str, text: str) -> tuple[Result, dict[str, Any]]:
    """Import a source written for the test, to stdout."""
    source = folder / name
    source.write_text(text, encoding="utf-8")
    result = invoke("import", source)
    assert result.code == 0, result.stderr
    return result, yaml.safe_load(result.stdout)


def _steps(journey: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for stage in journey["stages"] for step in stage["steps"]]


def _actors(journey: dict[str, Any]) -> set[str]:
    named = {journey["persona"]["name"]} if "persona" in journey else set()
    named |= {s["name"] for s in journey.get("stakeholders", [])}
    return named | {a for step in _steps(journey) for a in step.get("actors", [])}


def test_there_are_at_least_a_dozen_real_diagrams() -> None:
    diagrams = [d for f in MERMAID_FILES for d in _oracle_diagrams(f.read_text("utf-8"))]
    assert len(MERMAID_FILES) >= 12
    assert len(diagrams) >= 20


@pytest.mark.parametrize("source", MERMAID_FILES, ids=lambda p: p.name)
def test_real_mermaid_files_keep_every_title_section_task_and_actor(
    source: Path, tmp_path: Path
) -> None:
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    journeys = _import_to(tmp_path, source)
    diagrams = [_oracle(d) for d in _oracle_diagrams(source.read_text("utf-8"))]
    with_content = [d for d in diagrams if d["sections"] or d["tasks"]]
    assert len(journeys) == len(with_content)
    for journey, diagram in zip(journeys, with_content, strict=True):
        if diagram["titles"]:
            assert journey["title"] == diagram["titles"][-1]
        names = [stage["name"] for stage in journey["stages"]]
        assert [n for n in names if n in diagram["sections"]] == diagram["sections"]
        assert [s["text"] for s in _steps(journey)] == [text for text, _ in diagram["tasks"]]
        assert {a for _, actors in diagram["tasks"] for a in actors} == _actors(journey)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("source", MERMAID_FILES, ids=lambda p: p.name)
def test_imported_mermaid_round_trips_through_the_mermaid_export(
    source: Path, tmp_path: Path
) -> None:
    """Mermaid -> journey -> `render -o x.mmd` -> journey: the same sections and tasks
    (read back by the importer, which reads escapes as Mermaid draws them)."""
    for journey in _import_to(tmp_path / "in", source):
        path = tmp_path / "in" / f"{journey['id']}.yaml"
        out = tmp_path / f"{journey['id']}.mmd"
        assert invoke("render", path, "-o", out).code == 0
        (again,) = _import_to(tmp_path / "again" / journey["id"], out)
        assert [s["name"] for s in again["stages"]] == [s["name"] for s in journey["stages"]]
        texts = [" ".join(step["text"].split()) for step in _steps(journey)]
        # an export may give a section without tasks a placeholder task, nothing else
        assert [s["text"] for s in _steps(again) if s["text"] in texts] == texts
        assert len(_steps(again)) <= len(texts) + len(journey["stages"])


def _ems_oracle(text: str) -> dict[str, set[str]]:
    docs: list[dict[str, Any]] = [d for d in yaml.safe_load_all(text) if isinstance(d, dict)]
    cjm = next(d for d in docs if d.get("kind") == "cjm")
    empty: dict[str, Any] = {"lanes": [], "tasks": []}
    sbp = next((d for d in docs if d.get("kind") == "sbp"), empty)
    cjm_lanes = {lane["id"] for lane in sbp["lanes"] if lane.get("kind") == "cjm"}
    return {
        "persona": {cjm["persona"]["name"]},
        "phases": {p["name"] for p in cjm["phases"]},
        "actions": {a["name"] for a in cjm["actions"]},
        "touchpoints": {t for a in cjm["actions"] for t in a.get("touchpoints") or []},
        "thoughts": {t for a in cjm["actions"] for t in a.get("thoughts_feelings") or []},
        "tasks": {t["name"] for t in sbp["tasks"] if t["lane"] not in cjm_lanes},
        "teams": {lane["name"] for lane in sbp["lanes"] if lane.get("kind") in {"team", "human"}},
    }


@pytest.mark.parametrize("source", EMS_FILES, ids=lambda p: p.name)
def test_real_enablement_map_studio_files_keep_every_text(source: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    (journey,) = _import_to(tmp_path, source)
    expected = _ems_oracle(source.read_text("utf-8"))
    steps = _steps(journey)
    lanes = [
        a for s in steps for lane in ("frontstage", "backstage", "support") for a in s.get(lane, [])
    ]
    assert {journey["persona"]["name"]} == expected["persona"]
    assert {stage["name"] for stage in journey["stages"]} == expected["phases"]
    assert {s["text"] for s in steps} == expected["actions"]
    assert {c["name"] for c in journey["channels"]} == expected["touchpoints"]
    assert {t for s in steps for t in s.get("thoughts", [])} == expected["thoughts"]
    assert {a["text"] for a in lanes} == expected["tasks"]
    assert {s["name"] for s in journey["stakeholders"]} == expected["teams"]
    assert journey["journeymap"] == 1.1
    assert "Outcome (KGI)" in journey["notes"]
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_blueprint_tasks_follow_source_id_then_links(tmp_path: Path) -> None:
    (journey,) = _import_to(tmp_path, DATA / "ems" / "studio-sample.yaml")
    by_id = {step["id"]: step for step in _steps(journey)}
    # source_id: cjm:action:execute-uat
    assert {"text": "UATを支援する", "owner": "dev-team"} in by_id["execute-uat"]["backstage"]
    # no source_id, connected to 'review-with-user', whose source_id is review-design
    assert "設計を作成" in [a["text"] for a in by_id["review-design"]["backstage"]]
    text = (tmp_path / "sysdev-lifecycle.yaml").read_text("utf-8")
    assert "設計を作成, owner: dev-team}  # guessed: no source_id; with '設計を説明'" in text


def test_blueprint_tasks_without_source_id_or_link_go_under_the_nearest_action(
    tmp_path: Path,
) -> None:
    result, data = _import_text(
        tmp_path,
        "map.yaml",
        "kind: cjm\nversion: '1.0'\nid: cjm:demo\npersona: {name: Client}\n"
        "phases: [{id: cjm:phase:p, name: Achat}]\nactions:\n"
        "  - {id: cjm:action:a, name: Je choisis, phase: cjm:phase:p, emotion_score: 1}\n"
        "  - {id: cjm:action:b, name: Je paie, phase: cjm:phase:p, emotion_score: 3}\n"
        "---\nkind: sbp\nversion: '1.0'\nid: sbp:demo\nlanes:\n"
        "  - {id: sbp:lane:cjm, name: CJ, kind: cjm}\n"
        "  - {id: sbp:lane:it, name: Paiement, kind: system}\n"
        "  - {id: sbp:lane:shop, name: Vendeur, kind: human}\ntasks:\n"
        "  - {id: cjm:action:a, lane: sbp:lane:cjm, name: Je choisis, readonly: true,"
        " position: {x: 0, y: 0}}\n"
        "  - {id: cjm:action:b, lane: sbp:lane:cjm, name: Je paie, readonly: true,"
        " position: {x: 300, y: 0}}\n"
        "  - {id: sbp:task:t, lane: sbp:lane:it, name: Autorisation, position: {x: 260, y: 9}}\n"
        "  - {id: sbp:task:c, lane: sbp:lane:shop, name: Conseil, source_id: cjm:action:a}\n"
        "  - {id: sbp:task:z, lane: sbp:lane:shop, name: Rangement}\n"
        "connections: []\n",
    )
    first, second = _steps(data)
    assert first["frontstage"] == [{"text": "Conseil", "owner": "shop"}]
    assert second["support"] == [{"text": "Autorisation", "system": "Paiement"}]
    assert second["emotion"] == 2
    assert "under the action drawn nearest" in result.stdout
    assert "emotion_score 3 is outside -2..2" in result.stderr
    assert data["notes"] == "Blueprint tasks not placed on a step: Rangement"
    assert data["stakeholders"] == [{"id": "shop", "name": "Vendeur"}]


def test_a_single_journey_goes_to_stdout_with_its_comments() -> None:
    source = DATA / "mermaid" / "cypress-go-shopping.mmd"
    result = run_cli("import", source)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("# Imported by `journeymap import` from ")
    assert "# guessed: the first actor of the diagram\npersona: {name: Dad}" in result.stdout
    assert "- {id: unspecified, name: Unspecified, kind: other}" in result.stdout


def test_several_journeys_need_a_folder() -> None:
    result = invoke("import", DATA / "mermaid" / "jakesteam-user-journey.md")
    assert result.code == 2
    assert "journeys found" in result.stderr and "-o DIR" in result.stderr


def test_existing_files_are_kept_unless_forced(tmp_path: Path) -> None:
    source = DATA / "mermaid" / "cypress-go-shopping.mmd"
    target = tmp_path / "go-shopping.yaml"
    target.write_text("mine\n", encoding="utf-8")
    refused = invoke("import", source, "-o", tmp_path)
    assert refused.code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = invoke("import", source, "-o", tmp_path, "--force")
    assert forced.code == 0 and forced.stdout.strip() == str(target)
    assert target.read_text(encoding="utf-8").startswith("# Imported")


def test_the_folder_is_created_and_clashing_ids_numbered(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "journeys"
    sources = [
        DATA / "mermaid" / "cypress-working-day.mmd",
        DATA / "mermaid" / "mermaid-docs-user-journey.md",
    ]
    result = invoke("import", *sources, "-o", folder)
    assert result.code == 0, result.stderr
    names = [Path(p).name for p in result.stdout.splitlines()]
    assert names[:2] == ["my-working-day.yaml", "my-working-day-2.yaml"]
    assert invoke("validate", folder).code == 0


def test_channel_option_names_the_one_channel(tmp_path: Path) -> None:
    result = invoke("import", DATA / "mermaid" / "cypress-go-shopping.mmd", "--channel", "Magasin")
    data = yaml.safe_load(result.stdout)
    assert data["channels"] == [{"id": "magasin", "name": "Magasin", "kind": "other"}]
    assert {tp["channel"] for s in _steps(data) for tp in s["touchpoints"]} == {"magasin"}


def test_clamped_and_unreadable_scores_are_said(tmp_path: Path) -> None:
    source = DATA / "mermaid" / "jakesteam-user-journey.md"
    result = invoke("import", source, "-o", tmp_path)
    warned = f"{source}:63:1: warning[JM011] task 'Score 0/5': score 0 is outside"
    assert warned in result.stderr
    warned = f"{source}:69:1: warning[JM011] task 'Score N/A/5': score 'X' is not a number"
    assert warned in result.stderr
    assert result.stderr.endswith("✗ 2 warnings in 1 of 1 file\n")
    assert result.code == 0
    text = (tmp_path / "score.yaml").read_text("utf-8")
    assert "emotion: -2  # Mermaid score 0, outside 1-5: clamped to -2" in text
    emotions = [s.get("emotion") for s in _steps(yaml.safe_load(text))]
    assert emotions == [-2, -2, -1, 0, 1, 2, None]


def test_diagrams_in_azure_wiki_containers_and_web_pages_are_found(tmp_path: Path) -> None:
    page = (
        '<html><body>\n<h1>Docs</h1>\n<pre class="mermaid">\njourney\n'
        "    title Achat &amp; retrait\n    section Avant\n      Je cherche: 4: Moi\n</pre>\n"
        "<div class='diagram mermaid'>\nflowchart LR\n  a --&gt; b\n</div>\n"
        '<div class="mermaid">\njourney\n  title Second\n  section A\n    Je paie: 2: Moi\n'
        "</div>\n</body></html>\n"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    wiki = "# Wiki\n\n::: mermaid\njourney\n  title Wiki\n  section S\n    Je paie: 3: Moi\n:::\n"
    (tmp_path / "wiki.md").write_text(wiki, encoding="utf-8")
    journeys = _import_to(tmp_path / "out", tmp_path / "page.html", tmp_path / "wiki.md")
    assert [j["title"] for j in journeys] == ["Achat & retrait", "Second", "Wiki"]
    written = sorted((tmp_path / "out").iterdir())
    header = (tmp_path / "out" / "achat-retrait.yaml").read_text(encoding="utf-8")
    assert "from " + str(tmp_path / "page.html") + ", lines 4-7 " in header, written


@pytest.mark.parametrize(
    ("scores", "emotions", "said"),
    [
        # Real diagrams score 4..10 as often as 1..5: clamping made 6 and 10 one delight.
        (
            [2, 5, 6, 8, 10],
            [-2, 0, 0, 1, 2],
            "1:1: warning[JM011] scores go up to 10: read on a 1-10",
        ),
        # One score above 5 is a typo, clamped: not a new scale.
        ([1, 5, 7], [-2, 2, 2], "score 7 is outside Mermaid's 1-5; emotion clamped to 2"),
        # Scores that stop at 6 (w229: `Thanh toán thành công nợ kỳ cuối: 6`) are Mermaid's
        # scale with extra delight on top, as Mermaid draws them: read on 1..10 they made
        # 5 neutral and 3 unhappy.
        ([3, 4, 5, 6, 6], [0, 1, 2, 2, 2], "score 6 is outside Mermaid's 1-5; emotion clamped"),
    ],
)
def test_the_scale_of_a_diagram_is_its_authors(
    scores: list[int], emotions: list[int], said: str, tmp_path: Path
) -> None:
    tasks = "".join(f"    Task {n}: {score}: Me\n" for n, score in enumerate(scores))
    result, data = _import_text(tmp_path, "s.mmd", f"journey\n  title S\n  section A\n{tasks}")
    assert [s["emotion"] for s in _steps(data)] == emotions
    assert said in result.stderr


@given(st.floats(-100, 100), st.floats(-100, 100))
def test_a_higher_score_never_gets_a_lower_emotion(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert emotion_from_score(low, 1, 5)[0] <= emotion_from_score(high, 1, 5)[0]
    assert -2 <= emotion_from_score(low, 1, 5)[0] <= 2


def test_mermaid_oddities(tmp_path: Path) -> None:
    result, data = _import_text(
        tmp_path,
        "odd.md",
        "Intro\n\n- item\n\n  ```mermaid\n  %%{init: {'theme': 'dark'}}%%\n  JOURNEY\n"
        "  accTitle: Shop\n  accDescr {\n    two\n    lines\n  }\n\n"
        "      title Acheter 🎁 un cadeau %% comment\n  Section Avant\n"
        "   Je cherche une idée: 4: Moi, Ami,\n    Je compare:   9  : Moi\n  ```\n",
    )
    assert data["title"] == "Acheter 🎁 un cadeau"
    assert data["id"] == "acheter-un-cadeau"
    assert data["lang"] == "fr"
    assert data["notes"] == "Mermaid accTitle: Shop\nMermaid accDescr: two\nlines"
    steps = _steps(data)
    assert [(s["text"], s["emotion"], s.get("actors")) for s in steps] == [
        ("Je cherche une idée", 1, ["Ami"]),
        ("Je compare", 2, None),
    ]
    assert "clamped to 2" in result.stderr


@pytest.mark.parametrize(
    ("content", "place", "message"),
    [
        ("journey\n  title Empty\n", "1:1: error[JM010]", "no section and no task"),
        ("# Notes\n\nNo diagram here.\n", " error[JM009]", "neither a Mermaid journey"),
        ("kind: cjm\nphases: [\n", "3:1: error[JM002]", "not valid YAML"),
        (
            "kind: cjm\nphases: &a [1, *a]\n",
            "2:9: error[JM004]",
            "not valid YAML: recursive alias",
        ),
    ],
)
def test_bad_sources_are_one_clear_diagnostic(
    tmp_path: Path, content: str, place: str, message: str
) -> None:
    """As `validate` reports a file: path, line, column, code and message, then the tally."""
    source = tmp_path / "bad.md"
    source.write_text(content, encoding="utf-8")
    result = run_cli("import", source)
    assert result.code == 2
    found, tally = result.stderr.strip().splitlines()
    assert found.startswith(f"{source}:{place} ") and message in found
    assert ":0:0:" not in found, "a whole-file problem has no line for an editor to open"
    assert tally == "✗ 1 error in 1 of 1 file"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("phases: " + "[" * 10_000 + "]" * 10_000, "nesting deeper than 64 levels"),
        ("phases: " + "{a: " * 3_000 + "1" + "}" * 3_000, "nesting deeper than 64 levels"),
        (
            BILLION_LAUGHS.removeprefix("journeymap: 1\n"),
            "a possible alias bomb",
        ),
    ],
    ids=["deep-flow", "deep-map", "billion-laughs"],
)
def test_hostile_yaml_in_an_enablement_map_is_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    """PyYAML's own loader recurses once a level (a crash at 10,000) and lets aliases
    expand: the importer reads with the journeys' guards."""
    source = tmp_path / "deep.yaml"
    source.write_text("kind: cjm\n" + content + "\n", encoding="utf-8")
    result = run_cli("import", "--from", "ems", source)
    assert result.code == 2
    found, tally = result.stderr.strip().splitlines()
    assert found.startswith(f"{source}:") and "error[JM004] not valid YAML: " in found
    assert message in found
    assert tally == "✗ 1 error in 1 of 1 file"


def test_a_hostile_front_matter_is_ignored_as_a_broken_one(tmp_path: Path) -> None:
    """Mermaid's front matter is YAML: read with the journeys' guards, not PyYAML's
    recursive loader, so that 10,000 levels are no crash."""
    diagram = (DATA / "mermaid" / "cypress-go-shopping.mmd").read_text(encoding="utf-8")
    source = tmp_path / "deep.mmd"
    source.write_text(
        "---\nconfig: " + "[" * 10_000 + "]" * 10_000 + "\n---\n" + diagram, encoding="utf-8"
    )
    result = run_cli("import", source)
    assert result.code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["journeymap"]


def test_every_bad_source_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    good = DATA / "mermaid" / "cypress-go-shopping.mmd"
    empty = tmp_path / "empty.md"
    empty.write_text("# Notes\n", encoding="utf-8")
    result = run_cli("import", good, empty, tmp_path / "missing.mmd", "-o", tmp_path / "out")
    assert result.code == 2
    assert f"{empty}: error[JM009] neither a Mermaid journey" in result.stderr
    assert f"{tmp_path / 'missing.mmd'}:1:1: error[JM001]" in result.stderr
    assert result.stderr.endswith("✗ 2 errors in 2 of 3 files\n")
    assert not (tmp_path / "out").exists()


def test_output_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = invoke("import", DATA / "mermaid" / "cypress-go-shopping.mmd", "-o", tmp_path / "file")
    assert result.code == 2 and "is not a folder; -o takes a folder" in result.stderr


def test_a_yaml_file_name_takes_the_one_journey(tmp_path: Path) -> None:
    """`-o checkout.yaml` means that file: it was a folder named checkout.yaml."""
    source = DATA / "mermaid" / "cypress-go-shopping.mmd"
    target = tmp_path / "new" / "shopping.yaml"
    result = invoke("import", source, "-o", target)
    assert result.code == 0, result.stderr
    assert target.is_file() and result.stdout.strip() == str(target)
    assert target.read_text(encoding="utf-8") == invoke("import", source).stdout
    assert invoke("validate", target).code == 0
    again = invoke("import", source, "-o", target)
    assert again.code == 2 and "--force" in again.stderr
    assert invoke("import", source, "-o", target, "--force").code == 0


def test_a_yaml_file_name_refuses_several_journeys(tmp_path: Path) -> None:
    target = tmp_path / "all.yml"
    result = invoke("import", DATA / "mermaid" / "jakesteam-user-journey.md", "-o", target)
    assert result.code == 2 and "a .yaml file holds one: give -o a folder" in result.stderr
    assert not target.exists()


def test_forcing_the_wrong_format_is_an_error() -> None:
    result = invoke("import", DATA / "ems" / "studio-sample.yaml", "--from", "mermaid")
    assert result.code == 2 and "no Mermaid journey diagram" in result.stderr


def test_lint_on_an_imported_journey_gives_the_next_steps(tmp_path: Path) -> None:
    _import_to(tmp_path, DATA / "mermaid" / "cypress-go-shopping.mmd")
    result = invoke("lint", tmp_path / "go-shopping.yaml", "--format", "json")
    codes = {finding["code"] for finding in json.loads(result.stdout)}
    # no scope, channels nobody owns, Mermaid's imperative tasks are steps without a subject
    assert {"JM101", "JM202", "JM404"} <= codes


_REAL_TEXTS = [p.read_text("utf-8") for p in [*MERMAID_FILES, *EMS_FILES]]
_fuzz = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


_NOISE = st.text(alphabet=":,#%;{}-[] 0123456789.xé🎉\t", max_size=8).map(str.encode)


@st.composite
def _mutated_sources(draw: st.DrawFn) -> str:
    """A real source with lines dropped, repeated, shifted or spliced with Mermaid noise."""
    text = draw(st.sampled_from(_REAL_TEXTS)).encode("utf-8")
    return mutate_lines(draw, text, _NOISE).decode("utf-8", errors="replace")


def _imports_cleanly(text: str) -> None:
    from journeymap.load.journey_file import load_text

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.md"
        source.write_text(text, encoding="utf-8")
        result = invoke("import", source, "-o", Path(folder) / "out")
        assert result.code in (0, 2), result.stderr
        if result.code == 2:
            assert result.stderr.startswith(f"{source}:")
            assert result.stderr.endswith("✗ 1 error in 1 of 1 file\n")
            assert len(result.stderr.strip().splitlines()) == 2
            return
        assert source.read_text(encoding="utf-8") == text
        for written in result.stdout.splitlines():
            loaded = load_text(written, Path(written).read_text(encoding="utf-8"))
            assert loaded.ok, [d.message for d in loaded.diagnostics]


@_fuzz
@given(_mutated_sources())
def test_mutated_real_sources_import_to_valid_journeys_or_one_error(text: str) -> None:
    _imports_cleanly(text)


@st.composite
def _mutated_maps(draw: st.DrawFn) -> str:
    """A real Enablement Map Studio file with values swapped for anything YAML can hold."""
    documents = list(yaml.safe_load_all(draw(st.sampled_from(EMS_FILES)).read_text("utf-8")))
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        node: Any = draw(st.sampled_from(documents))
        while isinstance(node, dict | list) and node and draw(st.booleans()):
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = draw(st.sampled_from(keys))
            if not isinstance(node[key], dict | list) or draw(st.integers(0, 3)) == 0:
                node[key] = draw(values)
                break
            node = node[key]
    return yaml.safe_dump_all(documents, allow_unicode=True)


@_fuzz
@given(_mutated_maps())
def test_mutated_enablement_maps_import_to_valid_journeys_or_one_error(text: str) -> None:
    _imports_cleanly(text)


def test_importers_are_pure_text_to_data() -> None:
    """No loader, model, output or CLI, and no file access: text in, journey data out
    (and `Diagnostic`s, the record every check makes). YAML is read with the journeys'
    guarded parser (`load.yamldoc`, text to data too): PyYAML's own loader crashes on
    deep nesting and expands alias bombs."""
    import ast

    import journeymap.importers

    folder = Path(journeymap.importers.__file__).parent
    for module in folder.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {
            name
            for node in ast.walk(tree)
            for name in (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
        }
        ours = {name for name in imported if name.startswith("journeymap")}
        allowed = (
            "journeymap.importers",
            "journeymap.diagnostics",  # the one record
            "journeymap.lang_words",  # text to a language guess, as pure
            "journeymap.load.yamldoc",
            "journeymap.load.limits",
        )
        assert all(name.startswith(allowed) for name in ours), module.name
        calls = {
            node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "open" not in calls and "pathlib" not in imported, module.name


def test_control_characters_and_line_breaks_never_break_the_file(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_text(
        'kind: cjm\nid: cjm:x\nphases: [{id: p, name: "Ph\\x99ase"}]\nactions:\n'
        '  - {id: a, name: "Je\\ncommande", phase: p, emotion_score: .nan,'
        ' thoughts_feelings: "seul \\x85 avis"}\n---\nkind: sbp\nlanes:\n'
        "  - {id: l, name: Team, kind: team}\n  - {id: c, name: CJ, kind: cjm}\ntasks:\n"
        "  - {id: a, lane: c, name: x, readonly: true}\n"
        '  - {id: t1, lane: l, name: "Pr\\x99\\nepare", source_id: a}\n'
        '  - {id: t2, lane: l, name: "Ser\\x07ve"}\n'
        "connections: [{source: t2, target: t1}]\n",
        encoding="utf-8",
    )
    _imports_cleanly(source.read_text(encoding="utf-8"))
    result = invoke("import", source)
    assert "# guessed: no source_id; with 'Pr\ufffd epare', linked to it" in result.stdout


def test_mermaid_entities_are_the_characters_mermaid_draws(tmp_path: Path) -> None:
    _, data = _import_text(
        tmp_path,
        "entities.mmd",
        "journey\n  title Order #35;12\n  section Pay#59; then go\n"
        "    Pay #58; card #amp; cash #nope;: 4: Me, Mum#44; Dad\n",
    )
    assert data["title"] == "Order #12"
    assert data["stages"][0]["name"] == "Pay; then go"
    (step,) = _steps(data)
    assert step["text"] == "Pay : card & cash #nope;"
    assert step["actors"] == ["Mum, Dad"]


def test_an_export_of_journeymap_imports_back_with_its_moments_of_truth(tmp_path: Path) -> None:
    """`render --format mermaid` marks a moment of truth ◆ (and a shared moment ⇄) and
    writes what the scores mean as accDescr: read back as the field, not as words."""
    exported = invoke("render", EXAMPLES / "veste-hiver.yaml", "-o", "-", "-f", "mmd").stdout
    assert "accDescr: Parcours client (" in exported
    _, data = _import_text(tmp_path, "veste.mmd", exported)
    steps = _steps(data)
    moments = [s["text"] for s in steps if s.get("moment_of_truth")]
    assert moments == [
        "Je compare le prix de la même veste sur d’autres sites",
        "Je reviens sur la boutique d’origine, qui reste la moins chère",
        "Je reçois la veste en trois jours dans un bel emballage",
    ]
    assert not any(s["text"].startswith(("◆", "⇄")) for s in steps)
    assert "notes" not in data
    _, data = _import_text(
        tmp_path, "own.mmd", "journey\n  accDescr: Mine\n  section A\n    ◆: 3: Me\n"
    )
    assert [s["text"] for s in _steps(data)] == ["◆"]
    assert data["notes"] == "Mermaid accDescr: Mine"
