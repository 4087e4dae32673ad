"""`journeymap validate` on the examples and on corrupted copies of each.

Every corruption is a text edit whose position the test computes itself, so a wrong
line or column in the loader cannot agree with the expectation by accident.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_FILES, invoke, run_cli

Corruption = Callable[[list[str]], tuple[list[str], int, int, str]]


def _first(lines: list[str], pattern: str) -> tuple[int, re.Match[str]]:
    regex = re.compile(pattern)
    for index, line in enumerate(lines):
        match = regex.search(line)
        if match:
            return index, match
    raise AssertionError(f"no line matches {pattern!r}")


def wrong_reference(lines: list[str]) -> tuple[list[str], int, int, str]:
    index, match = _first(lines, r"^\s+- channel: (\S+)")
    lines[index] = lines[index][: match.start(1)] + "nowhere" + lines[index][match.end(1) :]
    return lines, index + 1, match.start(1) + 1, "touchpoint channel 'nowhere' is not declared"


def out_of_range(lines: list[str]) -> tuple[list[str], int, int, str]:
    index, match = _first(lines, r"^\s+emotion: (-?\d+)")
    lines[index] = lines[index][: match.start(1)] + "7" + lines[index][match.end(1) :]
    return lines, index + 1, match.start(1) + 1, "'emotion' must be a whole number from -2"


def unknown_key(lines: list[str]) -> tuple[list[str], int, int, str]:
    index, match = _first(lines, r"^(\s+)text: ")
    indent = match.group(1)
    lines.insert(index + 1, f"{indent}emotions: 2")
    return lines, index + 2, len(indent) + 1, "unknown key 'emotions'; did you mean 'emotion'?"


def duplicate_id(lines: list[str]) -> tuple[list[str], int, int, str]:
    first, first_match = _first(lines, r"^\s+- id: (\S+)\s*$")
    stage_id = first_match.group(1)
    later = [i for i, line in enumerate(lines) if i > first and re.match(r"^  - id: \S+\s*$", line)]
    index = later[0]
    column = lines[index].index("id: ") + len("id: ")
    lines[index] = lines[index][:column] + stage_id
    return lines, index + 1, column + 1, f"stage id '{stage_id}' is declared twice"


def duplicate_yaml_key(lines: list[str]) -> tuple[list[str], int, int, str]:
    index, _ = _first(lines, r"^title: ")
    lines.insert(index + 1, "title: Un autre titre")
    return lines, index + 2, 1, "duplicate key 'title' (first defined at line"


def broken_indentation(lines: list[str]) -> tuple[list[str], int, int, str]:
    index, _ = _first(lines, r"^(\s{6,})text: ")
    lines[index] = lines[index][1:]
    return lines, index + 1, 0, "invalid YAML"


CORRUPTIONS: list[Corruption] = [
    wrong_reference,
    out_of_range,
    unknown_key,
    duplicate_id,
    duplicate_yaml_key,
    broken_indentation,
]


def test_there_are_enough_examples() -> None:
    assert len(EXAMPLE_FILES) >= 5


def test_every_example_is_valid() -> None:
    result = invoke("validate", "examples")
    assert result.code == 0, result.stdout
    assert f"✓ {len(EXAMPLE_FILES)} files valid" in result.stdout


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_corrupted_example_points_at_the_real_position(
    example: Path, corrupt: Corruption, tmp_path: Path
) -> None:
    lines = example.read_text(encoding="utf-8").splitlines()
    broken, line, column, message = corrupt(lines)
    target = tmp_path / example.name
    target.write_text("\n".join(broken) + "\n", encoding="utf-8")
    result = invoke("validate", "--format", "json", target)
    assert result.code == 1
    found = json.loads(result.stdout)
    matching = [d for d in found if message in d["message"]]
    assert matching, found
    assert matching[0]["line"] == line, matching[0]
    if column:
        assert matching[0]["column"] == column, matching[0]
    assert matching[0]["path"] == str(target)


def test_all_errors_of_a_file_in_one_run(tmp_path: Path) -> None:
    target = tmp_path / "many.yaml"
    target.write_text(
        "journeymap: 1\n"
        "id: Bad Id\n"
        "title: t\n"
        "lang: deutsch\n"
        "channels: [{id: site, name: Site}]\n"
        "stages:\n"
        "  - id: a\n"
        "    name: A\n"
        "    steps:\n"
        "      - id: s\n"
        "        text: Je paie\n"
        "        emotion: 3\n"
        "        touchpoints: [{channel: apli}]\n",
        encoding="utf-8",
    )
    result = invoke("validate", target)
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        f"{target}:2:5: error[JM006] 'Bad Id' is not a valid id: use lowercase letters, "
        "digits and '-' (e.g. 'bad-id')",
        f"{target}:4:7: error[JM006] 'lang' is the text 'deutsch'; write a BCP 47 language "
        "tag like fr, en, es, de, pt-BR, ja or ar",
        f"{target}:12:18: error[JM006] stage 'a', step 's': 'emotion' must be a whole number "
        "from -2 (very bad) to 2 (very good), not 3",
        f"{target}:13:33: error[JM007] stage 'a', step 's': touchpoint channel 'apli' is not "
        "declared; declared channels: site",
    ]
    assert lines[-1] == "✗ 4 errors in 1 of 1 file"


def test_dangling_reference_message_names_the_declared_ids(tmp_path: Path) -> None:
    source = (Path("examples") / "retail-omnicanal.yaml").read_text(encoding="utf-8")
    target = tmp_path / "r.yaml"
    target.write_text(source.replace("channel: appli", "channel: apli", 1), encoding="utf-8")
    result = invoke("validate", target)
    assert result.code == 1
    assert (
        "touchpoint channel 'apli' is not declared; did you mean 'appli'? declared channels:"
        in (result.stdout)
    )


def test_a_file_without_version_is_not_a_journey(tmp_path: Path) -> None:
    target = tmp_path / "ci.yaml"
    target.write_text("name: CI\non: [push]\n", encoding="utf-8")
    result = invoke("validate", target)
    assert result.code == 1
    assert result.stdout.splitlines()[0] == (
        f"{target}:1:1: error[JM005] not a journey file: the top level is a mapping without a "
        "'journeymap' key; a journey file starts with 'journeymap: 1' (other YAML in a folder: "
        "--exclude it)"
    )


def test_unsupported_version_is_the_only_error(tmp_path: Path) -> None:
    target = tmp_path / "v2.yaml"
    target.write_text("journeymap: 2\nwhatever: 1\n", encoding="utf-8")
    result = invoke("validate", target)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        f"{target}:1:13: error[JM006] unsupported format version 2; this journeymap reads "
        "versions 1 and 1.1 (write 'journeymap: 1', or 'journeymap: 1.1' for the blueprint "
        "fields)",
        "✗ 1 error in 1 of 1 file",
    ]


def test_key_in_the_wrong_place_says_where_it_belongs(tmp_path: Path) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(
        "journeymap: 1\nid: a\ntitle: t\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: x\n        text: Je fais\n        irritants: [Trop long]\n",
        encoding="utf-8",
    )
    result = invoke("validate", target)
    assert "unknown key 'irritants'; 'irritants' belongs under 'touchpoints'" in result.stdout


def test_directories_are_searched_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/z.yml", "a.yaml", ".hidden/x.yaml"):
        (tmp_path / name).write_text("nope: 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not yaml", encoding="utf-8")
    result = invoke("validate", "--format", "json", tmp_path)
    assert [
        Path(d["path"]).relative_to(tmp_path).as_posix() for d in json.loads(result.stdout)
    ] == [
        "a.yaml",
        "b/z.yml",
    ]


def test_json_format_is_a_list_with_positions() -> None:
    result = invoke("validate", "--format", "json", "examples")
    assert result.code == 0
    assert json.loads(result.stdout) == []


def test_github_format_escapes_annotations(tmp_path: Path) -> None:
    target = tmp_path / "g.yaml"
    target.write_text("journeymap: 1\nid: a\ntitle: t\nstages: []\n", encoding="utf-8")
    result = invoke("validate", "--format", "github", target)
    assert result.code == 1
    assert result.stdout == (
        f"::error file={target},line=4,col=9,endLine=4,endColumn=11,title=JM006 schema::"
        "a journey needs at least one stage under 'stages'\n"
    )


def test_usage_errors_exit_2() -> None:
    assert invoke("validate").code == 2
    assert invoke("validate", "--format", "xml", "examples").code == 2
    missing = run_cli("validate", "does/not/exist.yaml")
    assert missing.code == 2
    assert missing.stderr == "journeymap: error: does/not/exist.yaml: no such file or directory\n"


def test_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path)
    assert result.code == 2
    assert "no *.yaml or *.yml files found" in result.stderr


def test_exclude_skips_other_yaml_found_in_folders(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    (tmp_path / "ci").mkdir()
    (tmp_path / "drafts").mkdir()
    journey = tmp_path / "journeys" / "veste.yaml"
    journey.write_text(EXAMPLE_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("ci/build.yml", "docker-compose.yml", "drafts/wip.yaml"):
        (tmp_path / name).write_text("services: {}\n", encoding="utf-8")
    assert invoke("validate", tmp_path).code == 1
    result = invoke("validate", tmp_path, "-x", "ci/*", "--exclude", "docker-*.yml", "-x", "drafts")
    assert result.code == 0, result.stdout
    assert result.stdout == "✓ 1 file valid\n"
    named = invoke("validate", tmp_path / "ci" / "build.yml", "-x", "ci/*")
    assert named.code == 1


def test_journey_ids_are_unique_across_the_files_of_a_run(tmp_path: Path) -> None:
    source = EXAMPLE_FILES[0].read_text(encoding="utf-8")
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(source, encoding="utf-8")
    lines = source.splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("id: "))
    ident = lines[line - 1].removeprefix("id: ").strip()
    for jobs in ("1", "2"):
        result = invoke("validate", "--format", "json", "--jobs", jobs, tmp_path)
        assert result.code == 1
        found = json.loads(result.stdout)
        assert [(Path(d["path"]).name, d["line"], d["column"], d["code"]) for d in found] == [
            ("b.yaml", line, 5, "JM008"),
            ("c.yaml", line, 5, "JM008"),
        ]
        assert found[0]["message"].startswith(
            f"journey id '{ident}' is already the id of {tmp_path / 'a.yaml'}"
        )
    lint = invoke("lint", "--format", "json", tmp_path)
    assert lint.code == 1
    assert [d["code"] for d in json.loads(lint.stdout)] == ["JM008", "JM008"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "stages:\n  - id: a\n    name: A\n    steps: [Je compare les offres]\n",
            "7:13: error[JM006] stage 'a', step 1: item 1 of 'steps' must be a mapping "
            "with 'id' and 'text', not the text 'Je compare les offres'; write it as "
            "{id: je-compare-les-offres, text: Je compare les offres}",
        ),
        (
            "stages: [Découverte]\n",
            "4:10: error[JM006] stage 1: item 1 of 'stages' must be a mapping with 'id' "
            "and 'name', not the text 'Découverte'; write it as "
            "{id: decouverte, name: Découverte}",
        ),
        (
            "channels:\n  - id: web\n    name: Web\nstages:\n  - id: a\n    name: A\n"
            "    steps:\n      - id: s\n        text: Je compare\n        touchpoints:\n"
            "          - channel: web\n            irritants: [3]\n",
            "15:25: error[JM006] stage 'a', step 's', touchpoint on 'web': item 1 of "
            "'irritants' must be a text or a mapping with 'text', not 3",
        ),
    ],
)
def test_a_list_item_of_the_wrong_kind_is_told_what_it_must_be(
    items: str, expected: str, tmp_path: Path
) -> None:
    # A step written as a bare text was told it "must be a text", which it was: only the
    # items with a text shorthand (irritants, thoughts, actions) may be bare texts.
    path = tmp_path / "j.yaml"
    path.write_text("journeymap: 1\nid: x\ntitle: t\n" + items, encoding="utf-8")
    done = run_cli("validate", path)
    assert done.code == 1
    assert f"{path}:{expected}\n" in done.stdout


def test_the_fixes_proposed_for_a_first_journey_are_pasted_back_and_validate(
    tmp_path: Path,
) -> None:
    # A first journey written the way people start (bare channel and stage names, no ids,
    # a channel with a colon and a comma): every line proposes the fix, and pasting the
    # proposals in gives a valid file. A touchpoint on a channel declared as a bare text
    # is not reported a second time as undeclared.
    import re

    path = tmp_path / "first.yaml"
    path.write_text(
        "journeymap: 1\nid: robe\ntitle: Robe\n"
        'channels: [web, "Magasin: Paris, Lyon"]\n'
        "stages:\n  - name: Découverte du produit en ligne\n    steps:\n"
        "      - text: Je cherche une robe d'été pour le mariage de ma soeur en juin\n"
        "        touchpoints: [{channel: web}]\n",
        encoding="utf-8",
    )
    first = run_cli("validate", path)
    assert first.code == 1
    lines = [line for line in first.stdout.splitlines() if "error[" in line]
    assert len(lines) == 4, first.stdout
    assert "not declared" not in first.stdout
    written = [re.search(r"write it as (\{.*\})$", line) for line in lines[:2]]
    ids = [re.search(r"e\.g\. 'id: ([a-z0-9-]+)'$", line) for line in lines[2:]]
    assert all(written) and all(ids), first.stdout
    assert [m.group(1) for m in ids if m] == [
        "decouverte-du-produit-en-ligne",
        "je-cherche-une-robe-d-ete-pour",
    ]
    channels = ", ".join(m.group(1) for m in written if m)
    assert (
        channels == '{id: web, name: web}, {id: magasin-paris-lyon, name: "Magasin: Paris, Lyon"}'
    )
    fixed = (
        "journeymap: 1\nid: robe\ntitle: Robe\n"
        f"channels: [{channels}]\n"
        "stages:\n  - id: decouverte-du-produit-en-ligne\n"
        "    name: Découverte du produit en ligne\n    steps:\n"
        "      - id: je-cherche-une-robe-d-ete-pour\n"
        "        text: Je cherche une robe d'été pour le mariage de ma soeur en juin\n"
        "        touchpoints: [{channel: web}]\n"
    )
    path.write_text(fixed, encoding="utf-8")
    second = run_cli("validate", path)
    assert second.code == 0, second.stdout


def test_a_key_one_level_too_deep_is_told_to_go_up(tmp_path: Path) -> None:
    # `volume` is a touchpoint's, written inside its `metrics`: "belongs under
    # 'touchpoints'" sent the author looking elsewhere; the fix is one level up.
    path = tmp_path / "j.yaml"
    path.write_text(
        "journeymap: 1\nid: x\ntitle: t\nchannels: [{id: web, name: Web}]\n"
        "stages:\n  - id: a\n    name: A\n    steps:\n      - id: s\n        text: Je compare\n"
        "        touchpoints:\n          - channel: web\n"
        "            metrics: {csat: 3.1, volume: 1200}\n",
        encoding="utf-8",
    )
    done = run_cli("validate", path)
    assert done.code == 1
    assert (
        f"{path}:13:34: error[JM006] stage 'a', step 's', touchpoint on 'web': unknown key "
        "'volume'; 'volume' belongs one level up, beside 'metrics'; allowed keys here: "
    ) in done.stdout
