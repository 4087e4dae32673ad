"""`render` when the layout program misbehaves: it fails with a message, is killed by a
signal, writes nothing, or cannot be started. Through the real CLI, both for a few files
(drawn in threads) and for a batch large enough for worker processes, where the program
writes each map straight into its temporary file: one clear error, exit 2, nothing
written and no temporary file left behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed")
VALID = EXAMPLES / "veste-hiver.yaml"
BATCH = 20
"""More files than `pipeline.PROCESSES_FROM`: drawn by worker processes."""


def _program(folder: Path, body: str) -> Path:
    """A stand-in for dot: a shell script with `body`, made executable."""
    path = folder / "fake-dot"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _inputs(folder: Path, count: int) -> Path:
    """`count` copies of one valid journey, each with its own id."""
    folder.mkdir()
    text = VALID.read_text(encoding="utf-8")
    for index in range(count):
        (folder / f"j{index:02d}.yaml").write_text(
            text.replace("id: veste-hiver", f"id: veste-{index:02d}", 1), encoding="utf-8"
        )
    assert "id: veste-hiver" in text
    return folder


@pytest.mark.parametrize("count", [1, BATCH])
@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("echo 'Error: <stdin>: syntax error in line 1' >&2; exit 1", "syntax error in line 1"),
        ("kill -9 $$", "stopped by signal SIGKILL (9)"),
        ("cat > /dev/null; exit 0", "failed: exit code 0"),
        ("cat > /dev/null; exit 4", "failed: exit code 4"),
    ],
    ids=["message", "killed", "no-output", "exit-code"],
)
def test_a_failing_layout_program_writes_nothing(
    tmp_path: Path, count: int, body: str, said: str
) -> None:
    inputs = _inputs(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    program = _program(tmp_path, body)
    result = run_cli("render", inputs, "-o", out, env={"JOURNEYMAP_DOT": str(program)})
    assert result.code == 2, result.stderr
    assert result.stderr.count("journeymap: error:") == 1, result.stderr
    assert said in result.stderr
    assert str(program) in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # no map, no temporary file


@pytest.mark.parametrize("count", [1, BATCH])
def test_a_layout_program_that_cannot_start_is_named(tmp_path: Path, count: int) -> None:
    """Found and executable, but its interpreter is missing: the start itself fails."""
    inputs = _inputs(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    program = tmp_path / "fake-dot"
    program.write_text("#!/no/such/interpreter\n", encoding="utf-8")
    program.chmod(0o755)
    result = run_cli("render", inputs, "-o", out, env={"JOURNEYMAP_DOT": str(program)})
    assert result.code == 2, result.stderr
    assert f"cannot run {program}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []


@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_a_batch_gives_the_bytes_dot_gives_on_the_dot_written(tmp_path: Path, fmt: str) -> None:
    """Each map of a batch laid out by worker processes (dot writing its temporary file
    itself) is byte for byte what `dot -T<fmt>` gives on the DOT journeymap writes."""
    inputs = _inputs(tmp_path / "in", BATCH)
    maps, sources = tmp_path / "maps", tmp_path / "dot"
    result = run_cli("render", inputs, "-o", f"{maps}/", "--format", fmt)
    assert result.code == 0, result.stderr
    result = run_cli("render", inputs, "-o", f"{sources}/", "--format", "dot")
    assert result.code == 0, result.stderr
    written = sorted(maps.iterdir())
    assert [p.name for p in written] == [f"veste-{i:02d}.{fmt}" for i in range(BATCH)]
    for drawn in written[:3]:
        source = sources / f"{drawn.stem}.dot"
        expected = subprocess.run(
            [str(DOT), f"-T{fmt}", str(source)],
            capture_output=True,
            check=True,
            env={"SOURCE_DATE_EPOCH": "0", "PATH": "/usr/bin:/bin"},
        ).stdout
        if fmt == "pdf":  # journeymap writes the epoch as the PDF's dates (engine.py)
            expected = re.sub(
                rb"(/(?:CreationDate|ModDate) \(D:)[0-9]{14}", rb"\g<1>19700101000000", expected
            )
        assert drawn.read_bytes() == expected, drawn


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 150 kB: room for the maps of a few journeys, not of twenty."""
    mount = shutil.which("mount")
    where = tmp_path / "small"
    where.mkdir()
    if mount is None or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=150k", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "--lazy", str(where)], capture_output=True, check=False)


@needs_dot
@pytest.mark.parametrize("count", [3, BATCH])
def test_a_full_disk_under_the_layout_program_is_named(
    tmp_path: Path, small_disk: Path, count: int
) -> None:
    """dot writes each map itself and says only "gvwrite_no_z problem" when the disk is
    full: the error names the map and the file system's reason, as when Python wrote."""
    inputs = _inputs(tmp_path / "in", count)
    result = run_cli("render", inputs, "-o", f"{small_disk}/")
    assert result.code == 2, result.stderr
    assert re.fullmatch(
        rf"journeymap: error: {re.escape(str(small_disk))}/veste-\d\d\.svg: cannot write: "
        # or, when another map's failure freed room before the reason was asked:
        r"(No space left on device|Graphviz dot could not write it \(is the disk full\?\))\n",
        result.stderr,
    ), result.stderr
    assert list(small_disk.iterdir()) == []


@needs_dot
@pytest.mark.parametrize("fmt", ["pdf", "svg"])
def test_a_file_size_limit_under_the_map_given_to_dot_is_one_line(tmp_path: Path, fmt: str) -> None:
    """`ulimit -f 2`: the in-memory file that hands the DOT to dot counts against the
    limit (EFBIG), which was an internal error (exit 3, found by tools/hostile_sweep.py,
    out:fsize-2k|render-pdf-o). Now one line naming the limit, and nothing written."""
    import resource
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    out = tmp_path / f"map.{fmt}"
    args = ["render", str(VALID), "-o", str(out)] + (["-f", "pdf"] if fmt == "pdf" else [])
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=limit,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"journeymap: error: {out}: "), lines
    assert "ulimit -f" in lines[0] or "File too large" in lines[0], lines
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
