"""Round trips and small defects users met, each through the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from tests.conftest import EXAMPLE_FILES, invoke, run_cli


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _story(data: dict[str, Any]) -> list[Any]:
    """What a journey tells step by step, as Mermaid can hold it, with channel names."""
    names = {c["id"]: c["name"] for c in data["channels"]}
    return [
        (
            stage["name"],
            " ".join(step["text"].split()),
            step.get("emotion"),
            bool(step.get("moment_of_truth")),
            step.get("actors", []),
            [names[t["channel"]] for t in step.get("touchpoints", [])],
        )
        for stage in data["stages"]
        for step in stage["steps"]
    ]


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_a_mermaid_export_imports_back_with_nothing_invented(example: Path, tmp_path: Path) -> None:
    """`render -f mmd` then `import`: the channels came back as people (step actors and
    stakeholders) and every step crossed an invented 'Unspecified' channel; now the
    persona, the channels (id, kind, name), each step's actors and touchpoints come back
    as they were, and nothing else."""
    exported = tmp_path / "map.mmd"
    assert invoke("render", example, "-o", exported).code == 0
    back = tmp_path / "back.yaml"
    result = invoke("import", exported, "-o", back)
    assert result.code == 0, result.stderr
    before, after = _read(example), _read(back)
    assert _story(after) == _story(before)
    assert after["persona"] == {"name": before["persona"]["name"]}
    assert after["channels"] == [
        {"id": c["id"], "name": c["name"], "kind": c["kind"]} for c in before["channels"]
    ]
    assert "stakeholders" not in after
    assert "nspecified" not in back.read_text(encoding="utf-8")
    assert invoke("validate", back).code == 0


def test_an_imported_mermaid_diagram_exports_and_imports_back_the_same(tmp_path: Path) -> None:
    """Mermaid -> journey -> Mermaid -> journey: the guessed channel stays a channel (it
    came back as an 'Unspecified' actor on every step, and a stakeholder)."""
    source = tmp_path / "d.mmd"
    source.write_text(
        "journey\n  title Move in\n  section Before\n    Pack boxes: 2: Me, Mum\n"
        "  section After\n    Unpack: 4: Me\n",
        encoding="utf-8",
    )
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    assert invoke("import", source, "-o", first).code == 0
    assert invoke("render", first, "-o", tmp_path / "again.mmd").code == 0
    assert invoke("import", tmp_path / "again.mmd", "-o", second).code == 0
    one, two = _read(first), _read(second)
    assert _story(two) == _story(one)
    assert two["persona"] == one["persona"] and two["channels"] == one["channels"]
    assert _story(two)[0][4] == ["Mum"]


def test_the_importer_knows_every_channel_kind() -> None:
    from journeymap.importers.mermaid_parse import CHANNEL_KINDS
    from journeymap.model.values import ChannelKind

    assert get_args(ChannelKind) == CHANNEL_KINDS


def test_edited_export_comments_fall_back_to_guessing(tmp_path: Path) -> None:
    """A kind the format does not know in a `%% journeymap channel` comment: the actors
    are read as any diagram's, and the file written is valid."""
    source = tmp_path / "d.mmd"
    source.write_text(
        "journey\n  %% journeymap persona: Me\n  %% journeymap channel web website: Web\n"
        "  section A\n    Look: 3: Me, Web\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.yaml"
    assert invoke("import", source, "-o", out).code == 0
    data = _read(out)
    assert [c["name"] for c in data["channels"]] == ["Unspecified"]
    assert invoke("validate", out).code == 0


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("a" * 5000, "(a name in it is 5,000 bytes, the system allows 255)"),
        ("/".join(["d" * 200] * 25), "(it is 5,024 bytes, the system allows 4,096)"),
    ],
    ids=["name", "path"],
)
@pytest.mark.parametrize("quick", ["1", "0"])
def test_a_path_too_long_is_one_short_line(path: str, why: str, quick: str) -> None:
    """ENAMETOOLONG printed the whole 5,000-character path; now its start and end, which
    limit it passes and what to do, on one line, exit 2 (with and without the quick
    path that skips typer)."""
    result = run_cli("validate", path, env={"JOURNEYMAP_QUICK": quick})
    assert result.code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line == (
        f"journeymap: error: {path[:79]}…{path[-79:]}: path too long {why}; give a shorter "
        "path, e.g. relative to a folder nearer the files"
    )


def test_a_long_missing_path_is_shortened_too() -> None:
    path = "/".join(["d" * 200] * 10)
    result = run_cli("lint", path)
    assert result.code == 2
    assert (
        result.stderr == f"journeymap: error: {path[:79]}…{path[-79:]}: no such file or directory\n"
    )


def test_an_unrated_step_and_an_empty_stage_come_back_as_they_were(tmp_path: Path) -> None:
    """The export writes 3 for a step with no emotion and a placeholder task '…' for a
    stage without steps (Mermaid would not draw it); read back, they were an emotion 0
    and a step '…'. Comments before them say what they are."""
    data = _read(EXAMPLE_FILES[0])
    first = data["stages"][0]["steps"][0]
    del first["emotion"]
    data["stages"].insert(1, {"id": "pause", "name": "Pause", "steps": []})
    source = tmp_path / "j.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert invoke("validate", source).code == 0
    exported = tmp_path / "j.mmd"
    assert invoke("render", source, "-o", exported).code == 0
    back = tmp_path / "back.yaml"
    assert invoke("import", exported, "-o", back).code == 0
    again = _read(back)
    assert _story(again) == _story(data)
    assert [s["name"] for s in again["stages"]] == [s["name"] for s in data["stages"]]
    assert again["stages"][1]["steps"] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["render", "{example}", "-o", "{long}.svg"], ".svg: cannot write: File name too long"),
        (["lint", "{example}", "-c", "{long}.toml"], ".toml: cannot read: File name too long"),
        (["site", "{example}", "-o", "{long}"], ": cannot create the folder: File name too long"),
    ],
    ids=["render -o", "lint -c", "site -o"],
)
def test_every_error_line_shortens_a_long_path(args: list[str], said: str) -> None:
    long = "o" * 5000
    filled = [a.format(example=EXAMPLE_FILES[0], long=long) for a in args]
    result = run_cli(*filled)
    assert result.code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"journeymap: error: {'o' * 79}…")
    assert line.endswith(said) and len(line) < 260
