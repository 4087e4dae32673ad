"""Where outputs go: folder rules, standard output or one atomic file."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from journeymap.output.atomic import OutputError
from journeymap.output.destination import deliver, output_file, wrote
from journeymap.output.folders import check_folder, is_folder, make_folder, names_folder


def test_a_trailing_separator_names_a_folder_that_need_not_exist(tmp_path: Path) -> None:
    assert names_folder("out/") and not names_folder("out")
    assert is_folder(f"{tmp_path}/missing/")
    assert is_folder(str(tmp_path)) and not is_folder(str(tmp_path / "missing"))


def test_a_folder_cannot_be_made_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    make_folder(f"{tmp_path}/new/deeper/")
    assert (tmp_path / "new" / "deeper").is_dir()
    with pytest.raises(OutputError, match="file/sub/: cannot create the folder"):
        make_folder(f"{tmp_path}/file/sub/")


def test_the_folder_of_a_target_must_exist_and_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    check_folder(tmp_path / "ok.svg")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_folder(tmp_path / "file" / "x.svg")
    with pytest.raises(OutputError, match="does not exist"):
        check_folder(tmp_path / "missing" / "x.svg")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(OutputError, match="is not writable"):
        check_folder(locked / "x.svg")


def test_a_dash_is_standard_output() -> None:
    assert output_file(None) is None and output_file("-") is None and output_file(Path("-")) is None
    assert output_file("x.json") == Path("x.json")


def test_standard_output_is_written_as_it_comes(capsys: pytest.CaptureFixture[str]) -> None:
    deliver(lambda stream: stream.write("one\n") and stream.write("two\n"), None)
    assert capsys.readouterr().out == "one\ntwo\n"


def test_a_file_is_written_once_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("previous\n", encoding="utf-8")

    def failing(stream: io.TextIOBase) -> None:
        stream.write("half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        deliver(failing, target)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "previous\n"
    deliver(lambda stream: stream.write("whole\n"), target)
    assert target.read_text(encoding="utf-8") == "whole\n"


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "journey.yaml"
    source.write_text("kept\n", encoding="utf-8")
    with pytest.raises(OutputError, match="would overwrite the input journey"):
        deliver(lambda stream: stream.write("x"), tmp_path / "." / "journey.yaml", [source])
    assert source.read_text(encoding="utf-8") == "kept\n"


def test_the_written_files_are_summed_up_after_three() -> None:
    assert wrote([]) == ""
    assert wrote([Path("a"), Path("b")]) == "wrote a, b"
    assert wrote([Path(n) for n in "abcdef"]) == "wrote a, b, c and 3 more"
