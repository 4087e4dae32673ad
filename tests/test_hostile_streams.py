"""Hostile streams and files found by the seventh sweep (tools/hostile_streams.py): files
of a batch replaced while they are read, standard input that is no stream of text, and
standard output that nobody reads.

Through the real CLI in a subprocess where the situation can be made every time; the
moment a file changes kind between two system calls is made by a stand-in `stat` in a
subprocess of its own (a hang there would otherwise hang the suite).
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, run_cli
from tests.processes import in_session
from tests.test_render_engine_failures import _inputs

JOURNEY = EXAMPLES / "veste-hiver.yaml"

_SWAPPED = """
import os, sys
from pathlib import Path
from journeymap.load.limits import Limits
from journeymap.load.source import read_bytes

path, regular, now = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
real_stat = Path.stat


def stat(self, *args, **kwargs):
    # what the command saw a moment ago: a regular file, before it was replaced
    return real_stat(regular) if self == path else real_stat(self, *args, **kwargs)


Path.stat = stat
said = read_bytes(path, Limits.from_env())
print(said.message if hasattr(said, "message") else f"read {len(said)} bytes")
"""


@pytest.mark.parametrize("now", ["fifo", "folder"])
def test_a_file_that_became_a_pipe_or_a_folder_while_read_is_refused_at_once(
    tmp_path: Path, now: str
) -> None:
    """A batch's file replaced by a named pipe after it was found: opened as a regular
    file (blocking), the open waited for a writer for ever (`validate -j 2`, `lint`,
    `render` hung; the sweep's vanish7:became-fifo cases)."""
    path = tmp_path / "j.yaml"
    if now == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    regular = tmp_path / "regular.yaml"
    regular.write_text("journeymap: 1\n", encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _SWAPPED, str(path), str(regular), now],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    kind = "a named pipe" if now == "fifo" else "a folder"
    assert done.stdout.strip() == f"cannot read file: it changed while read and is now {kind}"
    assert time.monotonic() - start < 30  # refused, not waited for (JOURNEYMAP_PIPE_WAIT)


def test_a_named_pipe_found_as_one_is_still_waited_for(tmp_path: Path) -> None:
    """The refusal above is for a file that changed kind: a pipe given as a pipe is read
    once its writer comes (here within the wait)."""
    fifo = tmp_path / "j.yaml"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; time.sleep(1); open({str(fifo)!r}, 'wb').write("
            f"open({str(JOURNEY)!r}, 'rb').read())",
        ]
    )
    try:
        result = run_cli("validate", fifo, env={"JOURNEYMAP_PIPE_WAIT": "20"})
    finally:
        writer.wait(timeout=30)
    assert result.code == 0, result.stderr


_FOUND_THEN_SWAPPED = """
import os, sys
from pathlib import Path
from journeymap.load.discover import expand
from journeymap.load.limits import Limits
from journeymap.load.source import read_bytes

folder = Path(sys.argv[1])
files = expand([folder])
for path in files:  # the batch's files replaced by named pipes once found
    path.unlink()
    os.mkfifo(path)
for path in files:
    said = read_bytes(path, Limits.from_env())
    print(said.message if hasattr(said, "message") else f"read {len(said)} bytes")
"""


def test_files_found_in_a_folder_then_swapped_for_pipes_are_not_waited_for(
    tmp_path: Path,
) -> None:
    """A named pipe found in a folder is skipped with a note; one put in a found file's
    place while the batch runs was waited for as if named on the command line, 10 s a
    file (120 files: 10 minutes, the sweep's vanish7:became-fifo)."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for index in range(3):
        (folder / f"j{index}.yaml").write_bytes(JOURNEY.read_bytes())
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _FOUND_THEN_SWAPPED, str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "JOURNEYMAP_PIPE_WAIT": "20"},
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    said = "cannot read file: it changed while read and is now a named pipe"
    assert done.stdout.splitlines() == [said] * 3
    assert time.monotonic() - start < 20  # not one wait of 20 s


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("form", ["render-svg", "matrix-json-batch"])
def test_a_command_blocked_on_a_pipe_nobody_reads_stops_on_a_signal(
    tmp_path: Path, form: str, signum: int
) -> None:
    """`journeymap ... > fifo` whose reader went to sleep: the command waits to write,
    as it must; stopped then, it ends with one line and 128 + the signal, its workers
    with it, instead of waiting for ever to flush what it could not write."""
    argv = (
        ["render", str(JOURNEY), "-o", "-", "-f", "svg"]
        if form == "render-svg"
        else ["matrix", "-f", "json", str(_inputs(tmp_path / "batch", 120))]
    )
    reading, writing = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "journeymap", *argv],
        stdin=subprocess.DEVNULL,
        stdout=writing,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(writing)
    try:
        # the pipe holds what it can and no more comes for a second: the command is
        # blocked writing (the rest of a buffered piece does not fit)
        held: list[int] = []
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.25)
            held.append(struct.unpack("i", fcntl.ioctl(reading, termios.FIONREAD, b"\0" * 4))[0])
            if len(held) > 4 and held[-1] > 32_768 and len(set(held[-5:])) == 1:
                break
        assert process.poll() is None and held[-1] > 32_768, "the output should fill the pipe"
        process.send_signal(signum)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(reading)
    assert process.returncode == 128 + signum, err
    assert err.decode().splitlines() == ["journeymap: interrupted"]
    assert in_session(process.pid) == []


def test_an_import_onto_its_own_source_is_refused_before_importing(tmp_path: Path) -> None:
    """`import x.yaml -o x.yaml`: the import's warnings came first, then the refusal
    (five lines, the sweep's edge-self:import-onto-input); now the refusal alone, and
    `--force` does not make it overwrite its source."""
    source = tmp_path / "ems.yaml"
    source.write_bytes((ROOT / "tests/data/import/ems/studio-sample.yaml").read_bytes())
    before = source.read_bytes()
    for force in ([], ["--force"]):
        result = run_cli("import", source, "-o", source, *force)
        assert result.code == 2, result.stderr
        assert result.stderr.splitlines() == [
            f"journeymap: error: {source}: output would overwrite the input journey {source}; "
            "choose another output path"
        ]
        assert result.stdout == ""
        assert source.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["validate", "-x.yaml"], "Error: Missing argument 'PATH'."),
        (["lint", "-x.yaml"], "Error: Missing argument 'PATH'."),
        (["render", "-z.yaml", "-f", "dot"], "Error: No such option: -z"),
    ],
    ids=["validate-option-value", "lint-option-value", "render-unknown-option"],
)
def test_a_file_named_like_an_option_gets_the_way_to_name_it(
    tmp_path: Path, argv: list[str], said: str
) -> None:
    """`journeymap validate -x.yaml`: -x (--exclude) takes ".yaml" as its value and the
    error was only "Missing argument 'PATH'"; the file's name and the two ways to give
    it now follow. Given either way, it is read."""
    named = argv[1]
    (tmp_path / named).write_bytes(JOURNEY.read_bytes())
    result = run_cli(*argv, cwd=tmp_path)
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    hint = f"({named!r} is a file: write ./{named}, or put the files after --)"
    assert result.stderr.splitlines()[-1] == f"{said} {hint}"
    for fixed in ([f"./{named}"], ["--", named]):
        again = run_cli(argv[0], *argv[2:], *fixed, cwd=tmp_path)
        assert again.code == 0, again.stderr


def test_an_option_error_without_such_a_file_is_unchanged(tmp_path: Path) -> None:
    result = run_cli("validate", "-x.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.splitlines()[-1] == "Error: Missing argument 'PATH'."
