"""Rendering a folder of journeys, one output each: the workers load and draw their own
files, and the folder changes only when every file was drawn."""

from __future__ import annotations

from pathlib import Path

from journeymap.render.pipeline import PROCESSES_FROM
from tests.conftest import EXAMPLES, run_cli

SOURCE = (EXAMPLES / "veste-hiver.yaml").read_text(encoding="utf-8")
ORIGINAL_ID = "id: veste-hiver\n"


def _corpus(folder: Path, count: int) -> list[Path]:
    """`count` copies of an example, each with its own journey id."""
    assert ORIGINAL_ID in SOURCE
    folder.mkdir()
    paths = []
    for index in range(count):
        path = folder / f"j{index:02d}.yaml"
        path.write_text(SOURCE.replace(ORIGINAL_ID, f"id: copie-{index}\n"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_large_batch_writes_what_each_file_alone_gives(tmp_path: Path) -> None:
    count = PROCESSES_FROM + 2
    inputs = _corpus(tmp_path / "in", count)
    out = tmp_path / "out"
    result = run_cli("render", tmp_path / "in", "-o", f"{out}/", "-f", "dot", "--jobs", "2")
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"copie-{i}.dot" for i in range(count))
    alone = run_cli("render", inputs[3], "-o", "-", "-f", "dot")
    assert (out / "copie-3.dot").read_text(encoding="utf-8") == alone.stdout
    assert f"and {count - 3} more" in result.stderr


def test_an_invalid_file_in_a_large_batch_writes_nothing(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in", PROCESSES_FROM + 2)
    inputs[-1].write_text(SOURCE.replace("emotion: 1", "emotion: 7"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("mine", encoding="utf-8")
    result = run_cli("render", tmp_path / "in", "-o", out, "--jobs", "2")
    assert result.code == 1
    assert "j17.yaml" in result.stderr and "emotion" in result.stderr
    assert [p.name for p in out.iterdir()] == ["kept.txt"]  # no map, no temporary file


def test_two_files_with_one_id_write_nothing(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in", PROCESSES_FROM + 1)
    inputs[5].write_text(inputs[4].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("render", tmp_path / "in", "-o", out, "-f", "dot", "--jobs", "2")
    assert result.code == 2
    assert "two input files have the journey id 'copie-4'" in result.stderr
    assert list(out.iterdir()) == []


def test_an_output_named_like_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "copie-0.dot"  # a journey saved under an odd name, given by name
    source.write_text(SOURCE.replace(ORIGINAL_ID, "id: copie-0\n"), encoding="utf-8")
    result = run_cli("render", source, "-o", tmp_path, "-f", "dot")
    assert result.code == 2
    assert "would overwrite the input" in result.stderr
    assert source.read_text(encoding="utf-8").startswith(SOURCE[:20])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copie-0.dot"]
