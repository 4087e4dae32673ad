"""Hostile limits: what the system refuses (memory, open files, a worker it kills), a
Ctrl-C sent to the whole process group as a terminal sends it, and `-o /dev/stdout`
with standard output closed.

Each case runs the real CLI in a subprocess, under the limit it tests, and must end
with exit 2 (or 128 + the signal) and one line saying what ran out and the fix: never
"internal error ... This is a bug in journeymap", a traceback or a hang.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import journeymap
from tests.conftest import EXAMPLES
from tests.processes import alive, descendants
from tests.test_render_engine_failures import _inputs

JOURNEY = EXAMPLES / "veste-hiver.yaml"
ENV = {
    **os.environ,
    "NO_COLOR": "1",
    "COLUMNS": "100",
    # the package under test, from a working folder that is not the repository's
    "PYTHONPATH": str(Path(journeymap.__file__).resolve().parents[1]),
}

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or sys.platform != "linux",
    reason="resource limits and process groups as Linux has them",
)


def _run(
    args: list[str | Path],
    cwd: Path,
    limits: dict[int, int] | None = None,
    stdout: int | None = subprocess.PIPE,
    close_stdout: bool = False,
) -> tuple[int, str]:
    """The CLI in a subprocess, with resource `limits` ({which: value}) set in the child."""

    def prepare() -> None:
        import resource

        for which, value in (limits or {}).items():
            resource.setrlimit(which, (value, value))
        if close_stdout:
            os.close(1)

    proc = subprocess.run(
        [sys.executable, "-m", "journeymap", *map(str, args)],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=ENV,
        preexec_fn=prepare,
        timeout=120,
    )
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def _one_line(stderr: str, *said: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    for words in said:
        assert words in lines[0], stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "-j", "2", "batch"],
        ["lint", "-j", "2", "batch"],
        ["render", "-j", "2", "batch", "-o", "maps/", "-f", "svg"],
        ["diff", "-j", "2", "batch", "batch"],
    ],
    ids=["validate", "lint", "render", "diff"],
)
def test_too_few_file_descriptors_is_one_line(args: list[str], tmp_path: Path) -> None:
    import resource

    _inputs(tmp_path / "batch", 24)
    code, stderr = _run(list(args), tmp_path, {resource.RLIMIT_NOFILE: 10})
    assert code == 2, stderr
    _one_line(stderr, "too many open files (the limit is 10", "ulimit -n")


def test_running_out_of_memory_is_one_line(tmp_path: Path) -> None:
    """A 3 MB journey of 200,000 keys, read under an address space of 100 MB."""
    import resource

    many = tmp_path / "many.yaml"
    text = JOURNEY.read_text(encoding="utf-8")
    many.write_text(text + "".join(f"k{i}: {i}\n" for i in range(200_000)), encoding="utf-8")
    code, stderr = _run(["validate", many], tmp_path, {resource.RLIMIT_AS: 100 << 20})
    assert code == 2, stderr
    _one_line(stderr, "out of memory (the limit is 100 MB", "ulimit -v")


def test_no_room_for_a_thread_is_one_line(tmp_path: Path) -> None:
    """Each thread's stack is address space: with stacks of 512 MB under a limit of
    400 MB, the threads that draw three maps cannot start ("can't start new thread",
    an internal error; `render -j 2` of 60 files under `ulimit -v 200000` met it)."""
    import resource

    for name in ("a", "b", "c"):
        text = JOURNEY.read_text(encoding="utf-8").replace("id: veste-hiver", f"id: {name}", 1)
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    limits = {resource.RLIMIT_STACK: 512 << 20, resource.RLIMIT_AS: 400 << 20}
    code, stderr = _run(["render", "a.yaml", "b.yaml", "c.yaml", "-o", "maps/"], tmp_path, limits)
    assert code == 2, stderr
    _one_line(stderr, "cannot start a thread (the limit is 400 MB", "ulimit -v")
    assert not (tmp_path / "maps").exists() or not list((tmp_path / "maps").iterdir())


def _has_workers(proc: subprocess.Popen[bytes]) -> bool:
    """Wait until `proc` has started a child; False when it ended first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if descendants(proc.pid):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize(
    "args",
    [["lint", "-j", "2", "batch"], ["render", "-j", "2", "batch", "-o", "maps/", "-f", "dot"]],
    ids=["lint", "render"],
)
def test_a_worker_killed_from_outside_is_one_line(args: list[str], tmp_path: Path) -> None:
    """The kernel's out-of-memory killer, or a `kill -9`, takes one worker of a batch."""
    _inputs(tmp_path / "batch", 99)
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeymap", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    if not _has_workers(proc):
        proc.kill()
        pytest.skip("the batch ended before its workers could be seen")
    os.kill(min(descendants(proc.pid)), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the worker had finished its share when it was killed")
    assert proc.returncode == 2, stderr
    _one_line(stderr.decode(), "a worker process was killed by SIGKILL", "-j 1")


def test_ctrl_c_to_the_whole_group_never_hangs(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the workers too: the ones gone, the pool's feeder
    thread waited for ever on the pipe of files still queued (a `diff -j 2` of 200
    journeys hung 5 runs in 16, the interpreter's exit joining that thread). A race:
    these six stops caught it in 2 runs of the test in 5 before the fix."""
    _inputs(tmp_path / "old", 150)
    for changed in _inputs(tmp_path / "new", 150).iterdir():  # each one examined, no twin
        changed.write_text(changed.read_text(encoding="utf-8") + "# changed\n")
    for delay in (0.3, 0.5, 0.7, 0.9, 1.1, 1.3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "journeymap", "diff", "-j", "2", "old", "new"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=ENV,
            start_new_session=True,
        )
        if not _has_workers(proc):
            continue  # ended before it had workers
        time.sleep(delay)
        seen = descendants(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"a Ctrl-C {delay} s into the batch left the run hanging")
        assert proc.returncode in (0, 130), stderr
        if proc.returncode == 130:
            assert stderr.decode() == "journeymap: interrupted\n"
        time.sleep(0.3)
        assert not [pid for pid in seen if alive(pid)]


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["render", "j.yaml", "-f", "svg", "-o"], "/dev/stdout"),
        (["render", "j.yaml", "-f", "dot", "-o"], "/proc/self/fd/1"),
        (["matrix", "-f", "json", "j.yaml", "-o"], "/dev/stdout"),
        (["lint", "j.yaml", "-o"], "/dev/stdout"),
        (["metrics", "plan", "j.yaml", "-o"], "/dev/stdout"),
        (["site", "j.yaml", "-o"], "/dev/stdout"),
        (["import", "j.mmd", "-o"], "/dev/stdout"),
    ],
    ids=["render-svg", "render-proc", "matrix", "lint", "metrics-plan", "site", "import"],
)
def test_output_to_a_closed_standard_output_says_so(
    args: list[str], target: str, tmp_path: Path
) -> None:
    """`-o /dev/stdout` in a command run with `>&-` was "no such folder; create it",
    "cannot create the folder: File exists" or a file refused in /proc/<pid>/fd."""
    (tmp_path / "j.yaml").write_bytes(JOURNEY.read_bytes())
    (tmp_path / "j.mmd").write_text("journey\n  title T\n  section S\n    a: 3: me\n")
    code, stderr = _run([*args, target], tmp_path, stdout=None, close_stdout=True)
    assert code == 2, stderr
    _one_line(stderr, f"{target}: standard output is closed; give -o a file name")


def test_a_stop_while_dot_hangs_in_threads_ends_at_once(tmp_path: Path) -> None:
    """Two maps drawn in threads, their `dot` hanging: a Ctrl-C waited for the pool's
    threads, each for its program's layout timeout (300 s), and the programs outlived
    the run when it was killed. Now they are killed first and no other is started."""
    program = tmp_path / "dot"
    program.write_text("#!/bin/sh\ncat > /dev/null\nsleep 600\n", encoding="utf-8")
    program.chmod(0o755)
    for name in ("a", "b"):
        text = JOURNEY.read_text(encoding="utf-8").replace("id: veste-hiver", f"id: {name}", 1)
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    args = ["render", "a.yaml", "b.yaml", "-o", "maps/", "-f", "svg"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeymap", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**ENV, "JOURNEYMAP_DOT": str(program)},
    )
    assert _has_workers(proc), "no layout program started"
    time.sleep(0.3)  # the second map's program too
    seen = descendants(proc.pid)
    proc.send_signal(signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the run waited for its hanging layout programs")
    assert proc.returncode == 130, stderr
    assert stderr.decode() == "journeymap: interrupted\n"
    time.sleep(0.3)
    assert not [pid for pid in seen if alive(pid)]
    assert not list(tmp_path.rglob("*.tmp"))


def _closed_stdin(args: list[str], cwd: Path) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "journeymap", *args],
        cwd=cwd,
        capture_output=True,
        env=ENV,
        preexec_fn=lambda: os.close(0),
        timeout=60,
    )
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "/dev/stdin"],
        ["lint", "/proc/self/fd/0"],
        ["render", "/dev/stdin", "-o", "-", "-f", "dot"],
        ["diff", "j.yaml", "/dev/stdin"],
        ["diff", "/proc/self/fd/0", "j.yaml"],
        ["import", "/dev/stdin"],
        ["metrics", "plan", "/dev/stdin"],
    ],
    ids=["validate", "lint", "render", "diff", "diff-old", "import", "metrics-plan"],
)
def test_reading_a_closed_standard_input_says_so(args: list[str], tmp_path: Path) -> None:
    """`/dev/stdin` in a command run with `<&-` was "file not found (a broken link?)",
    "no such file or directory", or for diff's old side a git revision not found."""
    (tmp_path / "j.yaml").write_bytes(JOURNEY.read_bytes())
    code, stdout, stderr = _closed_stdin(args, tmp_path)
    assert code == 2, stderr
    said = stdout + stderr
    assert "standard input is closed; name a file, or run with it open" in said, said
    assert "Traceback" not in said and "broken link" not in said


def test_a_site_counts_the_files_it_could_not_read(tmp_path: Path) -> None:
    """A site of one broken link and one journey said "1 error in 1 of 1 file", of one
    link alone "1 of 0 files": the files it could not read were left out of the count."""
    (tmp_path / "j.yaml").write_bytes(JOURNEY.read_bytes())
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    code, _, stderr = _closed_stdin(["site", "gone.yaml", "j.yaml", "-o", "out"], tmp_path)
    assert code == 2, stderr
    assert "✗ 1 error in 1 of 2 files\n" in stderr, stderr
    code, _, stderr = _closed_stdin(["site", "gone.yaml", "-o", "out"], tmp_path)
    assert "✗ 1 error in 1 of 1 file\n" in stderr, stderr
    assert not (tmp_path / "out").exists()
