"""Finding and loading the files of a run, without the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeymap.runner.errors import InvalidInputs, Refused
from journeymap.runner.inputs import find_journeys, load_valid
from tests.runner.journeys import write_invalid, write_journey


def test_files_are_found_in_order_and_skipped_ones_are_noted(tmp_path: Path) -> None:
    write_journey(tmp_path, "b.yaml")
    write_journey(tmp_path, "a.yml")
    os.mkfifo(tmp_path / "pipe.yaml")
    notes: list[str] = []
    found = find_journeys([tmp_path], (), notes.append)
    assert [path.name for path in found] == ["a.yml", "b.yaml"]
    assert len(notes) == 1 and "pipe.yaml" in notes[0]


def test_the_notes_are_heard_before_a_run_with_no_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "only.yaml")
    notes: list[str] = []
    with pytest.raises(Refused, match=r"no \*\.yaml or \*\.yml files found in "):
        find_journeys([tmp_path], (), notes.append)
    assert len(notes) == 1


def test_a_mistyped_size_limit_is_refused_before_any_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYMAP_MAX_BYTES", "ten")
    with pytest.raises(Refused, match="JOURNEYMAP_MAX_BYTES='ten'"):
        find_journeys([tmp_path / "missing"], (), lambda note: None)


def test_a_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Refused, match="no such file or directory"):
        find_journeys([tmp_path / "missing.yaml"], (), lambda note: None)


def test_every_invalid_file_is_reported_at_once(tmp_path: Path) -> None:
    good = write_journey(tmp_path, "good.yaml")
    bad = write_invalid(tmp_path, "bad.yaml")
    unreadable = tmp_path / "folder.yaml"  # read as a file, it fails at the system
    unreadable.mkdir()
    with pytest.raises(InvalidInputs) as raised:
        load_valid([good, bad, unreadable])
    assert raised.value.files == 3
    assert raised.value.unreadable
    assert {d.path for d in raised.value.diagnostics} == {str(bad), str(unreadable)}


def test_valid_files_give_their_models_in_input_order(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, f"{name}.yaml") for name in ("z", "a", "m")]
    assert [(path, journey.id) for path, journey in load_valid(files)] == [
        (files[0], "z"),
        (files[1], "a"),
        (files[2], "m"),
    ]
