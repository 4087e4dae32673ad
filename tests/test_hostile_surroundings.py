"""Hostile surroundings: streams, output targets, special inputs, signals, the environment.

Every case runs the real CLI in a subprocess (streams, signals and exit codes are the
subject) and must end with exit 0, 1 or 2 (130/143 for a signal, 141 for a closed pipe)
and at most one clear line: never an internal error, a traceback, a Python warning, a
hang, an orphan process, a modified input or a temporary file left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.batches import journey_copies
from tests.conftest import EXAMPLES, ROOT, run_cli
from tests.processes import alive, descendants

JOURNEY = EXAMPLES / "veste-hiver.yaml"
AGENCE = ROOT / "tests" / "lint" / "fixtures" / "agence.yaml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="creating device nodes needs root")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **extra}


def _command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "journeymap", *map(str, args)]


def _clean(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    assert "Warning" not in stderr


def _no_temp_files(folder: Path) -> None:
    assert not list(folder.rglob("*.tmp")), list(folder.rglob("*"))


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    target = tmp_path / "veste.yaml"
    shutil.copy(JOURNEY, target)
    return target


# --- output streams -----------------------------------------------------------------

STREAM_COMMANDS: dict[str, tuple[str | Path, ...]] = {
    "validate": ("validate", EXAMPLES),
    "lint": ("lint", AGENCE),
    "lint-json": ("lint", "--format", "json", AGENCE),
    "matrix": ("matrix", EXAMPLES),
    "matrix-csv": ("matrix", "--format", "csv", EXAMPLES),
    "rules": ("rules", "JM402"),
    "render-dot": ("render", JOURNEY, "-o", "-", "--format", "dot"),
}


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
@pytest.mark.parametrize("name", sorted(STREAM_COMMANDS))
def test_output_that_the_locale_cannot_encode(name: str, encoding: str) -> None:
    """A pipe or file gets UTF-8 whatever PYTHONIOENCODING says; nothing crashes."""
    done = subprocess.run(
        _command(*STREAM_COMMANDS[name]),
        capture_output=True,
        env=_env(PYTHONIOENCODING=encoding, LANG="C", LC_ALL="C"),
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    _clean(done.stderr.decode("utf-8", "replace"))
    assert done.stdout.decode("utf-8")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_that_cannot_encode_gets_replacement_characters() -> None:
    """A console in ASCII (a Windows code page, LANG=C) shows '?' where it cannot draw."""
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen(
            _command("validate", JOURNEY),
            stdout=follower,
            stderr=subprocess.PIPE,
            env=_env(PYTHONIOENCODING="ascii"),
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        assert proc.wait(timeout=60) == 0
        assert proc.stderr is not None
        _clean(proc.stderr.read().decode())
    finally:
        os.close(leader)
    assert b"? 1 file valid" in output


def _many_findings(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(40):
        text = AGENCE.read_text(encoding="utf-8")
        (folder / f"agence-{index}.yaml").write_text(
            text.replace("id: agence", f"id: agence-{index}", 1), encoding="utf-8"
        )
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "{many}"),
        ("lint", "--format", "json", "{many}"),
        ("rules", "--format", "markdown"),
        ("schema",),
        ("matrix", EXAMPLES, "--format", "json"),
    ],
    ids=["lint", "lint-json", "rules", "schema", "matrix-json"],
)
def test_a_closed_pipe_ends_quietly(args: tuple[str | Path, ...], tmp_path: Path) -> None:
    """`journeymap lint . | head -1`: no message, the status shells give for SIGPIPE."""
    many = _many_findings(tmp_path)
    command = _command(*(str(a).replace("{many}", str(many)) for a in args))
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    code = proc.wait(timeout=120)
    stderr = proc.stderr.read().decode()
    assert stderr == ""
    # 141 when the pipe closes under a write; else the command's own code (lint: findings)
    assert code in ((0, 1, 141) if args[0] == "lint" else (0, 141))


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("name", sorted(STREAM_COMMANDS))
def test_a_full_disk_on_stdout_is_an_error(name: str) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            _command(*STREAM_COMMANDS[name]),
            stdout=full,
            stderr=subprocess.PIPE,
            env=_env(),
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "journeymap: error: cannot write to standard output: No space left on device\n"
    )


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "1", "5", "100000000", ""])
def test_any_terminal_width_prints_everything(columns: str) -> None:
    done = subprocess.run(
        _command("matrix", JOURNEY, "--top", "3"),
        capture_output=True,
        text=True,
        env=_env(COLUMNS=columns, LINES="0"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(veste-hiver)" in done.stdout
    assert "Légende" in done.stdout
    lint = subprocess.run(
        _command("lint", AGENCE),
        capture_output=True,
        text=True,
        env=_env(COLUMNS=columns),
        timeout=120,
        check=False,
    )
    assert lint.stdout.splitlines()[-1] == "✗ 1 error, 15 warnings, 1 info in 1 of 1 file"


# --- output targets -----------------------------------------------------------------

WRITERS: dict[str, tuple[str, ...]] = {
    "lint": ("lint", "--format", "json", "{input}", "-o", "{out}"),
    "matrix": ("matrix", "--format", "csv", "{input}", "-o", "{out}"),
    "render": ("render", "{input}", "--format", "dot", "-o", "{out}"),
}


def _write(
    kind: str, source: Path, out: Path | str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    args = [a.replace("{input}", str(source)).replace("{out}", str(out)) for a in WRITERS[kind]]
    return subprocess.run(
        _command(*args),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        cwd=cwd,
        check=False,
    )


@needs_root
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_onto_a_device_writes_through(kind: str, journey: Path, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    done = _write(kind, journey, null)
    assert done.returncode == 0, done.stderr
    assert null.is_char_device()
    _no_temp_files(tmp_path)


@needs_root
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_onto_a_full_device_is_an_error(kind: str, journey: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    done = _write(kind, journey, full)
    assert done.returncode == 2
    assert done.stderr == f"journeymap: error: {full}: cannot write: No space left on device\n"
    assert full.is_char_device()
    _no_temp_files(tmp_path)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_onto_a_fifo(kind: str, journey: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    nobody = _write(kind, journey, fifo)
    assert nobody.returncode == 2
    assert nobody.stderr == (
        f"journeymap: error: {fifo}: a named pipe that nobody reads; start its reader first\n"
    )
    received: list[bytes] = []
    opened = threading.Event()

    def read() -> None:
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        opened.set()
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                chunk = handle.read()
                if chunk:
                    received.append(chunk)
                    break
                time.sleep(0.05)

    reader = threading.Thread(target=read)
    reader.start()
    opened.wait(10)
    done = _write(kind, journey, fifo)
    reader.join(60)
    assert done.returncode == 0, done.stderr
    assert received and received[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_through_links(kind: str, journey: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.dot"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.dot"
    link.symlink_to(target)
    assert _write(kind, journey, link).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") != "old"
    dangling = tmp_path / "dangling.dot"
    dangling.symlink_to(tmp_path / "created.dot")
    assert _write(kind, journey, dangling).returncode == 0
    assert dangling.is_symlink() and (tmp_path / "created.dot").stat().st_size > 0
    _no_temp_files(tmp_path)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_through_a_link_to_dev_stdout(kind: str, journey: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout.dot"
    link.symlink_to("/dev/stdout")
    done = _write(kind, journey, link)
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert link.is_symlink()


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_paths_that_cannot_be_written(kind: str, journey: Path, tmp_path: Path) -> None:
    through = _write(kind, journey, journey / "x.dot")
    assert through.returncode == 2
    assert "is a file, not a folder" in through.stderr, through.stderr
    assert through.stderr.count("\n") == 1
    folder = tmp_path / "folder.dot"
    folder.mkdir()
    assert _write(kind, journey, folder).returncode in (0, 2)  # render -o DIR is per journey
    assert journey.read_bytes() == JOURNEY.read_bytes()


def _read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    if IS_ROOT:
        locked = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if locked.returncode != 0:
            pytest.skip("root writes everywhere and chattr +i is not available here")
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_output_in_a_read_only_folder(kind: str, journey: Path, tmp_path: Path) -> None:
    for folder in _read_only_folder(tmp_path):
        done = _write(kind, journey, folder / "out.dot")
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1
        assert str(folder) in done.stderr
        assert not list(folder.iterdir())


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("alias", ["relative", "absolute", "symlink", "hardlink"])
def test_an_input_under_another_name_is_never_overwritten(
    kind: str, alias: str, journey: Path, tmp_path: Path
) -> None:
    if alias == "relative":
        out: Path | str = f"./{journey.name}"
    elif alias == "absolute":
        out = journey.resolve()
    elif alias == "symlink":
        out = tmp_path / "alias.dot"
        Path(out).symlink_to(journey)
    else:
        out = tmp_path / "hard.dot"
        os.link(journey, out)
    done = _write(kind, journey, out, cwd=tmp_path)
    assert done.returncode == 2
    assert "would overwrite the input journey" in done.stderr
    assert journey.read_bytes() == JOURNEY.read_bytes()
    _no_temp_files(tmp_path)


# --- special inputs -----------------------------------------------------------------


def _socket(path: Path) -> socket.socket:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


@pytest.mark.parametrize("command", ["validate", "lint", "matrix", "render"])
def test_special_files_named_on_the_command_line(command: str, tmp_path: Path) -> None:
    sock_path = tmp_path / "s.yaml"
    server = _socket(sock_path)
    try:
        cases: list[tuple[str | Path, str]] = [
            ("/dev/null", "a device"),
            ("/dev/zero", "a device"),
            (sock_path, "a socket"),
        ]
        for path, word in cases:
            done = (
                run_cli(command, path, "-o", tmp_path / "x.dot")
                if command == "render"
                else run_cli(command, path)
            )
            assert done.code == 2, (path, done)
            shown = done.stdout + done.stderr
            assert f"{path}:1:1: error[JM001] is {word}, not a journey file" in shown
    finally:
        server.close()


def test_a_named_pipe_nobody_writes_to_is_refused_after_the_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        _command("validate", fifo),
        capture_output=True,
        text=True,
        env=_env(JOURNEYMAP_PIPE_WAIT="0.5"),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert (
        f"{fifo}:1:1: error[JM001] named pipe with nobody writing to it (waited 0.5 s); "
        "start the program that writes it first"
    ) in done.stdout
    _clean(done.stderr)


def test_a_named_pipe_whose_writer_starts_a_moment_later_is_read(tmp_path: Path) -> None:
    """`mkfifo p; producer > p & journeymap lint p`: the producer may start after us."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    text = JOURNEY.read_bytes()

    def produce() -> None:
        time.sleep(1.0)
        with fifo.open("wb") as writer:
            writer.write(text)

    producer = threading.Thread(target=produce)
    producer.start()
    try:
        done = run_cli("lint", fifo)
    finally:
        producer.join(timeout=30)
    assert done.code == 0, done
    assert "1 file clean" in done.stdout


@pytest.mark.parametrize("command", ["validate", "lint", "matrix"])
def test_a_dash_reads_the_journey_from_standard_input(command: str, tmp_path: Path) -> None:
    text = JOURNEY.read_text(encoding="utf-8")
    done = subprocess.run(
        _command(command, "-"), input=text, capture_output=True, text=True, env=_env(),
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    _clean(done.stderr)
    broken = text.replace("journeymap: 1", "journeymap: 7", 1)
    done = subprocess.run(
        _command(command, "-"), input=broken, capture_output=True, text=True, env=_env(),
        timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "-:5:13: error[JM006] unsupported format version 7" in done.stdout + done.stderr


@pytest.mark.parametrize("command", ["validate", "lint", "matrix"])
def test_a_dash_with_standard_input_closed_says_so(command: str) -> None:
    done = subprocess.run(
        _command(command, "-"), stdin=subprocess.DEVNULL, capture_output=True, text=True,
        env=_env(), timeout=60, check=False, preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "journeymap: error: -: standard input is closed; pipe a journey in (... < journey.yaml)\n"
    )


@pytest.mark.parametrize(
    "args", [("validate",), ("lint",), ("matrix",), ("render", "-f", "dot"), ("site", "-o", "s")]
)
def test_a_dash_with_standard_input_open_for_writing_says_so(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    """`journeymap validate - 0>file`: it said "-: Bad file descriptor"."""
    with (tmp_path / "w").open("wb") as write_only:
        done = subprocess.run(
            _command(*args, "-"), stdin=write_only, capture_output=True, text=True,
            env=_env(), timeout=60, check=False, cwd=tmp_path,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "journeymap: error: -: standard input is not open for reading; pipe a journey in "
        "(... < journey.yaml)\n"
    )
    assert not (tmp_path / "s").exists()


def test_a_dash_beside_files_is_one_more_journey(journey: Path) -> None:
    done = subprocess.run(
        _command("validate", journey, "-"), input=AGENCE.read_text(encoding="utf-8"),
        capture_output=True, text=True, env=_env(), timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
    assert "2 files valid" in done.stdout


def test_a_pipe_wait_that_is_not_seconds_is_a_usage_error(journey: Path) -> None:
    done = subprocess.run(
        _command("validate", journey), capture_output=True, text=True,
        env=_env(JOURNEYMAP_PIPE_WAIT="soon"), timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "JOURNEYMAP_PIPE_WAIT='soon' is not a number of seconds" in done.stderr


def test_an_endless_input_stops_at_the_size_limit() -> None:
    """`yes | journeymap validate /dev/stdin` is read up to the limit, then refused."""
    endless = subprocess.Popen(["yes", "notes: x"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            _command("validate", "/dev/stdin"),
            stdin=endless.stdout,
            capture_output=True,
            text=True,
            env=_env(JOURNEYMAP_MAX_BYTES="1M"),
            timeout=120,
            check=False,
        )
    finally:
        endless.kill()
        endless.wait()
    assert done.returncode == 1
    assert "/dev/stdin:1:1: error[JM001] file is over the 1.0 MB limit" in done.stdout


def test_special_files_met_while_walking_are_skipped_with_a_note(
    journey: Path, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    server = _socket(tmp_path / "sock.yaml")
    if IS_ROOT:
        os.mknod(tmp_path / "dev.yaml", 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    try:
        for command in ("validate", "lint", "matrix"):
            done = run_cli(command, tmp_path)
            assert done.code == 0, done
            assert (
                f"journeymap: note: skipped {tmp_path / 'pipe.yaml'}: a named pipe" in done.stderr
            )
            assert f"journeymap: note: skipped {tmp_path / 'sock.yaml'}: a socket" in done.stderr
            if IS_ROOT:
                assert f"skipped {tmp_path / 'dev.yaml'}: a device" in done.stderr
    finally:
        server.close()


@pytest.mark.parametrize("alias", ["absolute", "dot-slash", "symlink", "hardlink", "folder"])
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_the_same_file_reached_twice_is_one_file(
    command: str, alias: str, journey: Path, tmp_path: Path
) -> None:
    other: Path | str
    if alias == "absolute":
        other = journey.resolve()
    elif alias == "dot-slash":
        other = f"./{journey.name}"
    elif alias == "symlink":
        other = tmp_path / "link.yaml"
        Path(other).symlink_to(journey)
    elif alias == "hardlink":
        other = tmp_path / "hard.yaml"
        os.link(journey, other)
    else:
        other = "."
    done = run_cli(command, journey.name, other, cwd=tmp_path)
    assert done.code == 0, done
    assert done.stdout.splitlines()[-1] in ("✓ 1 file valid", "✓ 1 file clean")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_file_names_that_are_not_utf8_are_escaped(command: str, fmt: str, tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9\nx\x1b[2J.yaml"
    content = JOURNEY.read_bytes().replace(b"journeymap: 1\n", b"journeymap: 1\nbogus: 1\n", 1)
    fd = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, content)
    os.close(fd)
    done = subprocess.run(
        _command(command, "--format", fmt, tmp_path),
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    stdout = done.stdout.decode("utf-8")
    assert "\x1b" not in stdout
    shown = unquote(stdout) if fmt == "sarif" else stdout.replace("\\\\", "\\")
    assert "caf\\xe9\\nx\\e[2J.yaml" in shown
    if fmt in ("json", "sarif"):
        json.loads(stdout)
    if fmt == "github":
        assert all(line.startswith("::") for line in stdout.splitlines())


# --- signals ------------------------------------------------------------------------


def _batch(tmp_path: Path, count: int) -> Path:
    return journey_copies(tmp_path / "batch", sorted(EXAMPLES.glob("*.yaml")), count)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("count", [3, 40], ids=["threads", "workers"])
def test_a_signal_stops_the_whole_batch(signum: int, count: int, tmp_path: Path) -> None:
    batch = _batch(tmp_path, count)
    out = tmp_path / "maps"
    out.mkdir()
    proc = subprocess.Popen(
        _command("render", batch, "-o", f"{out}/", "--format", "svg", "--jobs", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= descendants(proc.pid)
        # a batch draws into temporary files, renamed into place once all are drawn
        if seen and (count == 3 or any(out.iterdir())):
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted")
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0 and len(list(out.iterdir())) == count:
        # On a loaded machine the last map can be renamed into place between the poll
        # above and the signal: the run was complete, which is no interruption to test.
        _no_temp_files(out)
        pytest.skip("the batch finished as the signal arrived")
    assert proc.returncode == 128 + signum, stderr
    assert stderr.decode() == "journeymap: interrupted\n"
    time.sleep(0.5)
    assert not [pid for pid in seen if alive(pid)], "a worker or Graphviz child outlived the run"
    written = sorted(out.iterdir())
    _no_temp_files(out)
    time.sleep(1)
    assert sorted(out.iterdir()) == written, "the batch went on after the signal"
    if count == 40:
        assert len(written) < count


# --- the environment ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "limit"),
    [
        ("10MB", 10 << 20),
        ("10M", 10 << 20),
        ("10485760", 10 << 20),
        ("10 MiB", 10 << 20),
        ("512k", 512 << 10),
        ("100", 100),
    ],
)
def test_size_limit_forms(value: str, limit: int, tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    target.write_bytes(b"journeymap: 1\nnotes: '" + b"x" * limit + b"'\n")
    done = run_cli("validate", target, env={"JOURNEYMAP_MAX_BYTES": value})
    assert done.code == 1
    assert "limit; split the journey" in done.stdout


@pytest.mark.parametrize("value", ["abc", "-5", "0", "10 parsecs", "1e9", "0.1"])
def test_size_limits_that_mean_nothing_are_refused(value: str) -> None:
    done = run_cli("validate", JOURNEY, env={"JOURNEYMAP_MAX_BYTES": value})
    assert done.code == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"journeymap: error: JOURNEYMAP_MAX_BYTES={value!r}")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("import", ROOT / "tests" / "data" / "import" / "mermaid" / "cypress-go-shopping.mmd"),
        ("diff", JOURNEY, JOURNEY),
        ("metrics", "import", ROOT / "tests" / "data" / "surveys" / "qualtrics-retrait.csv",
         "--map", ROOT / "tests" / "data" / "surveys" / "qualtrics-retrait.map.yaml"),
    ],
    ids=["import", "diff", "metrics-import"],
)  # fmt: skip
@pytest.mark.parametrize("name", ["JOURNEYMAP_MAX_BYTES", "JOURNEYMAP_PIPE_WAIT"])
def test_a_limit_that_means_nothing_is_a_usage_error_in_every_command(
    name: str, args: tuple[str | Path, ...]
) -> None:
    done = run_cli(*args, env={name: "soon"})
    assert done.code == 2, done
    assert done.stderr.startswith(f"journeymap: error: {name}='soon' is not a ")
    assert done.stderr.count("\n") == 1


def test_an_internal_error_is_one_paragraph_and_exit_3(tmp_path: Path) -> None:
    """The one place exit 3 is expected: a bug, forced here, is reported without a traceback."""
    script = (
        "import journeymap.load.batch as batch\n"
        "def broken(path):\n"
        "    raise RuntimeError('forced for the test')\n"
        "batch.validity = broken\n"
        "import journeymap.cli.validate_cmd\n"
        "from journeymap.cli.entry import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "validate", str(JOURNEY)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 3
    assert done.stderr.startswith("journeymap: internal error: RuntimeError: forced for the test\n")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["validate", "matrix", "render-dot"])
def test_a_closed_stdout_is_an_error(name: str) -> None:
    done = subprocess.run(
        _command(*STREAM_COMMANDS[name]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert (
        done.stderr.decode() == "journeymap: error: cannot write to standard output: it is closed\n"
    )


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_an_unwritable_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            _command("validate", tmp_path / "nope.yaml"),
            stdout=subprocess.PIPE,
            stderr=full,
            env=_env(),
            timeout=120,
            check=False,
        )
    assert done.returncode == 2


@pytest.mark.parametrize("command", ["lint", "matrix"])
def test_dash_is_standard_output(command: str, journey: Path, tmp_path: Path) -> None:
    done = run_cli(command, journey, "-o", "-", cwd=tmp_path)
    assert done.code == 0
    assert done.stdout
    assert not (tmp_path / "-").exists()


def test_names_the_system_refuses(journey: Path, tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    long_name = tmp_path / ("a" * 300 + ".yaml")
    for path, reading, writing in [
        (loop, "Too many levels of symbolic links", "Too many levels of symbolic links"),
        # an input path says the name's length and the limit; an output, the system's words
        (long_name, "a name in it is 305 bytes, the system allows 255", "File name too long"),
    ]:
        read = run_cli("validate", path)
        assert read.code == 2
        assert reading in read.stdout + read.stderr
        written = run_cli("lint", journey, "-o", path)
        assert written.code == 2
        assert writing in written.stderr
