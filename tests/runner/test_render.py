"""`render` without the command line: options checked, outputs checked before any drawing."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.runner.errors import InvalidInputs, Refused
from journeymap.runner.render import draw, drawing, show_fields
from tests.runner.journeys import write_invalid, write_journey


def test_show_names_the_unknown_fields_and_the_known_ones() -> None:
    assert show_fields(" owner , metrics,") == frozenset({"owner", "metrics"})
    assert show_fields(None) == frozenset()
    with pytest.raises(Refused, match="unknown field colour, zzz; choose among owner, metrics"):
        show_fields("zzz,owner,colour")


def test_a_folder_named_with_a_slash_is_created_before_any_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "maps" / "dot"
    drawing(f"{target}/", "dot", "map", "default", None, True, False)
    assert target.is_dir()


def test_one_file_per_journey_in_input_order(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, f"{name}.yaml") for name in ("b", "a")]
    out = tmp_path / "out"
    out.mkdir()
    heard: list[str] = []
    written = draw(
        files, drawing(str(out), "dot", "map", "dark", None, True, False), 1, heard.append
    )
    assert written == [out / "b.dot", out / "a.dot"]
    assert all(path.read_text(encoding="utf-8").startswith("digraph") for path in written)
    assert heard == ["renderer: no renderer (DOT and Mermaid are written as text)"]
    assert sorted(p.name for p in out.iterdir()) == ["a.dot", "b.dot"]  # no temporary left


def test_two_journeys_with_one_id_leave_the_folder_as_it_was(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, "a.yaml", "same"), write_journey(tmp_path, "b.yaml", "same")]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Refused, match="two input files have the journey id 'same'"):
        draw(files, drawing(str(out), "mmd", "map", "default", None, True, False), 1)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("output", [None, "one.dot"])
def test_an_invalid_input_is_reported_with_the_count_of_files(
    tmp_path: Path, output: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = [write_journey(tmp_path, "a.yaml"), write_invalid(tmp_path, "bad.yaml")]
    with pytest.raises(InvalidInputs) as raised:
        draw(files, drawing(output, "dot", "map", "default", None, True, False), 1)
    assert raised.value.files == 2
    assert [Path(d.path).name for d in raised.value.diagnostics] == ["bad.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "bad.yaml"]


def test_several_journeys_into_one_file_make_one_comparison(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, f"{name}.yaml") for name in ("a", "b")]
    target = tmp_path / "both.dot"
    written = draw(files, drawing(str(target), None, "map", "default", None, True, False), 1)
    assert written == [target]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("digraph") and text.count("digraph") == 1


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/one.dot", "folder missing does not exist"),
        ("a.yaml/one.dot", "a.yaml is a file, not a folder"),
        ("a.yaml", "output would overwrite the input journey"),
        ("one.txt", "cannot tell the format from '.txt'"),
    ],
)
def test_outputs_that_cannot_be_written_are_refused_before_drawing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    files = [write_journey(tmp_path, "a.yaml")]
    with pytest.raises(Refused, match=message):
        draw(files, drawing(output, None, "map", "default", None, True, False), 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
