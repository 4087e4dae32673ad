"""`validate` over many files: the same findings whatever the number of workers."""

from __future__ import annotations

from pathlib import Path

from journeymap.parallel import MIN_FILES_PER_WORKER
from journeymap.runner.validate import validate_files
from tests.runner.journeys import write_invalid, write_journey


def test_ids_repeated_across_files_are_found_with_or_without_workers(tmp_path: Path) -> None:
    count = 2 * MIN_FILES_PER_WORKER  # enough for two workers
    files = [write_journey(tmp_path, f"j{n:02}.yaml") for n in range(count)]
    files.append(write_journey(tmp_path, "copy.yaml", ident="j03"))
    files.append(write_invalid(tmp_path, "broken.yaml"))
    alone = validate_files(files, jobs=1)
    together = validate_files(files, jobs=2)
    assert alone == together
    assert not alone.unreadable
    codes = [(Path(d.path).name, d.code) for d in alone.diagnostics]
    assert ("copy.yaml", "JM008") in codes
    assert any(name == "broken.yaml" for name, _ in codes)
    # per file, in input order: the copy's finding comes before the broken file's
    names = [name for name, _ in codes]
    assert names.index("copy.yaml") < names.index("broken.yaml")


def test_an_unreadable_file_is_told_apart_from_an_invalid_one(tmp_path: Path) -> None:
    unreadable = tmp_path / "folder.yaml"  # read as a file, it fails at the system
    unreadable.mkdir()
    assert validate_files([write_invalid(tmp_path, "bad.yaml")], jobs=1).unreadable is False
    assert validate_files([unreadable], jobs=1).unreadable is True


def test_valid_files_give_no_finding(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, f"{name}.yaml") for name in ("a", "b")]
    assert validate_files(files, jobs=1).diagnostics == []
