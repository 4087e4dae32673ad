"""Outputs appear whole or not at all, and never replace an input journey."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.output.atomic import OutputError, refuse_overwriting_inputs, write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    write_atomic(target, "first")
    write_atomic(target, b"second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_an_interrupted_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old diagram", encoding="utf-8")

    def interrupted(self: Path, other: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new diagram")
    assert target.read_text(encoding="utf-8") == "old diagram"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"folder .* does not exist"):
        write_atomic(tmp_path / "nope" / "map.svg", "x")


def test_output_equal_to_an_input_is_refused(tmp_path: Path) -> None:
    journey = tmp_path / "j.yaml"
    journey.write_text("journeymap: 1\n", encoding="utf-8")
    with pytest.raises(OutputError, match="would overwrite the input journey"):
        refuse_overwriting_inputs(tmp_path / "." / "j.yaml", [journey])
    refuse_overwriting_inputs(tmp_path / "j.svg", [journey])
    assert journey.read_text(encoding="utf-8") == "journeymap: 1\n"


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.dot", "digraph {}")
    finally:
        os.umask(umask)
    assert (tmp_path / "out.dot").stat().st_mode & 0o777 == 0o644
