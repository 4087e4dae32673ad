"""`diff` without the command line: exit decisions, outputs and drawings of the changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journeymap.diff.changes import DiffResult
from journeymap.diff.sides import run
from journeymap.runner.diff import draw_changes, exit_findings, read_paths, write_diff
from journeymap.runner.errors import Refused
from tests.runner.journeys import journey_text


def _pair(tmp_path: Path, old_emotion: int, new_emotion: int, ident: str = "j") -> DiffResult:
    for side, emotion in (("old", old_emotion), ("new", new_emotion)):
        folder = tmp_path / side
        folder.mkdir(exist_ok=True)
        text = journey_text(ident).replace(
            "text: Je paie\n", f"text: Je paie\n        emotion: {emotion}\n"
        )
        (folder / f"{ident}.yaml").write_text(text, encoding="utf-8")
    return run([str(tmp_path / "old"), str(tmp_path / "new")], lint=False).result


@pytest.mark.parametrize(
    ("new_emotion", "fail_on", "exit_code", "expected"),
    [
        (1, None, False, None),
        (1, None, True, False),
        (-2, None, True, True),
        (-2, "change", False, True),
        (-2, "worse", False, True),
        (2, "worse", False, False),  # better is a change, not a worse one
        (2, "change", False, True),
    ],
)
def test_what_exit_1_is_asked_for(
    tmp_path: Path, new_emotion: int, fail_on: str | None, exit_code: bool, expected: bool | None
) -> None:
    result = _pair(tmp_path, 1, new_emotion)
    assert exit_findings(result, fail_on, exit_code) is expected  # type: ignore[arg-type]


def test_the_files_read_are_outputs_never_written(tmp_path: Path) -> None:
    result = _pair(tmp_path, 1, -1)
    assert sorted(read_paths(result)) == [tmp_path / "new" / "j.yaml", tmp_path / "old" / "j.yaml"]


def test_text_and_markdown_say_the_same_change(tmp_path: Path) -> None:
    result = _pair(tmp_path, 1, -1)
    text, markdown = io.StringIO(), io.StringIO()
    write_diff(result, "text", text, "never")
    write_diff(result, "markdown", markdown, "never")
    assert "\x1b[" not in text.getvalue()
    assert "worse" in text.getvalue() and "worse" in markdown.getvalue()


def test_several_changed_journeys_need_a_folder(tmp_path: Path) -> None:
    _pair(tmp_path, 1, -1, "a")
    result = _pair(tmp_path, 1, -1, "b")
    with pytest.raises(Refused, match="2 journeys changed; write them to a folder with -o DIR/"):
        draw_changes(result, "dot", str(tmp_path / "one.dot"), print)
    written = draw_changes(result, "dot", f"{tmp_path}/maps/", print)
    assert written == [f"{tmp_path}/maps/a.dot", f"{tmp_path}/maps/b.dot"]
    assert all(Path(path).read_text(encoding="utf-8").startswith("digraph") for path in written)


def test_nothing_changed_draws_nothing_and_says_so(tmp_path: Path) -> None:
    heard: list[str] = []
    assert draw_changes(_pair(tmp_path, 1, 1), "dot", str(tmp_path / "x.dot"), heard.append) == []
    assert heard == ["journeymap: nothing to draw: no journey was added or changed"]
    assert not (tmp_path / "x.dot").exists()
