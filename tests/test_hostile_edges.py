"""Hostile edges found by the fourth sweep: a layout program that hangs (and the processes
it starts), a read-only journey under `metrics import --write`, texts made of invisible
characters, YAML directives, and a site cut short by a full disk.

Through the real CLI in a subprocess: exit 0, 1 or 2, one clear line naming the file, the
place and the fix, never a traceback, an input changed or a process left running.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FULL, ROOT, Result, run_cli
from tests.processes import alive, marked
from tests.test_render_engine_failures import BATCH, _inputs

JOURNEY = EXAMPLES / "veste-hiver.yaml"
SURVEYS = ROOT / "tests" / "data" / "surveys"
TEXT = "text: Je sens le froid arriver et ma vieille veste ne suffit plus"


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("journeymap: error:")]


# --- 1. a layout program that hangs ----------------------------------------------------


def _left(program: Path, mark: str) -> list[int]:
    """The wrapper `program` and the `sleep` it started, still running with `mark` in
    their environment: killed with SIGKILL before the command ended, so gone within
    moments."""
    deadline = time.monotonic() + 5
    left = [*marked(b"sleep", mark.encode()), *marked(str(program).encode(), mark.encode())]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [pid for pid in left if alive(pid)]
    return left


@pytest.mark.parametrize("count", [1, BATCH])
def test_a_hanging_layout_program_is_stopped_with_its_children(tmp_path: Path, count: int) -> None:
    """The wait was a fixed 300 s, and only the program itself was killed: a wrapper
    script's child (here a `sleep` it started) ran on after the command had failed.

    In a batch both workers time out together: the parent, told first by one, stopped
    the other while that one was killing its own wrapper, and the kill was skipped (a
    `sleep 600` left behind, 2 runs in 40). Every process the wrappers started is found
    by a marker in its environment, whether or not it wrote its id down."""
    inputs = _inputs(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    pids = tmp_path / "pids"
    program = tmp_path / "dot-wrapper"
    program.write_text(
        f"#!/bin/sh\ncat > /dev/null\nsleep 600 &\necho $! >> {pids}\nwait\n", encoding="utf-8"
    )
    program.chmod(0o755)
    mark = f"JOURNEYMAP_TEST_MARK={tmp_path.name}-{os.getpid()}"
    env = {
        "JOURNEYMAP_DOT": str(program),
        "JOURNEYMAP_DOT_TIMEOUT": "1",
        mark.split("=")[0]: mark.split("=")[1],
    }
    result = run_cli("render", inputs, "-o", f"{out}/", "-f", "svg", env=env)
    assert result.code == 2, result.stderr
    errors = _errors(result.stderr)
    assert len(errors) == 1, result.stderr
    assert "JOURNEYMAP_DOT_TIMEOUT" in errors[0]
    assert "took more than 1 s" in errors[0]
    assert str(inputs / "j") in errors[0]  # the journey whose map it was
    assert list(out.iterdir()) == []
    assert [int(pid) for pid in pids.read_text().split()]  # a wrapper did start its sleep
    assert _left(program, mark) == []


_STOPPED_IN_A_WINDOW = """
import os, signal, subprocess, sys
from journeymap import signals
from journeymap.render import engine

role, window, program = sys.argv[1:]
if role == "main":
    signals.install()
else:
    signals.install_in_worker()
if window == "start":  # the signal lands once the child exists, before it is recorded
    class Popen(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGTERM)
    subprocess.Popen = Popen
elif window == "started":  # the signal lands as `start` returns, the child recorded
    start = engine.start
    def started(*args, **kwargs):
        process = start(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        return process
    engine.start = started
else:  # the signal lands as the timed-out program's group is about to be killed
    killpg = os.killpg
    def stopped_first(pid, signum):
        os.kill(os.getpid(), signal.SIGTERM)
        killpg(pid, signum)
    os.killpg = stopped_first
try:
    with signals.task():
        engine.run(engine.Engine(program, pure=False, timeout=1.0), "digraph {}", "svg")
except (signals.Interrupted, signals.WorkerStopped) as stop:
    print(type(stop).__name__, getattr(stop, "code", None))
"""


@pytest.mark.parametrize("role", ["main", "worker"])
@pytest.mark.parametrize("window", ["start", "started", "release"])
def test_a_stop_between_two_lines_of_starting_or_killing_leaves_no_child(
    tmp_path: Path, role: str, window: str
) -> None:
    """A stop signal raised between starting the layout program and recording it, or
    between its timeout and the kill of its group, left the program (and its `sleep`)
    running: the signal is now held for those few lines and raised once the child is
    recorded or killed. The signal is sent at that very place, every time.

    "started": a stop landing once `start` had returned, before the `try` whose `finally`
    releases the child (the DOT's in-memory file was being closed there), ended the
    worker with its wrapper running: the `sleep 600` the hanging-layout test above once
    found left behind. `engine.running` holds it until the child is under that `finally`."""
    program = tmp_path / "dot-wrapper"
    program.write_text("#!/bin/sh\nsleep 600 &\nwait\n", encoding="utf-8")
    program.chmod(0o755)
    mark = f"{tmp_path.name}-{os.getpid()}"
    done = subprocess.run(
        [sys.executable, "-c", _STOPPED_IN_A_WINDOW, role, window, str(program)],
        capture_output=True,
        text=True,
        env={**os.environ, "JOURNEYMAP_TEST_MARK": mark},
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    stopped = "Interrupted 143" if role == "main" else "WorkerStopped 143"
    assert done.stdout.strip() == stopped, (done.stdout, done.stderr)
    assert _left(program, mark) == []


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
@pytest.mark.parametrize("count", [1, BATCH])
def test_a_layout_program_that_leaves_a_child_holding_its_pipes_is_not_waited_for(
    tmp_path: Path, count: int
) -> None:
    """A wrapper that starts something in the background and then runs dot: dot ends,
    its child keeps the wrapper's standard error open, and the wait for the pipe's end
    was the layout timeout (300 s a map; here 100 s, which the test would reach)."""
    inputs = _inputs(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    program = tmp_path / "dot-wrapper"
    program.write_text(f'#!/bin/sh\n(sleep 600 &)\nexec {shutil.which("dot")} "$@"\n')
    program.chmod(0o755)
    mark = f"{tmp_path.name}-{os.getpid()}"
    start = time.monotonic()
    result = run_cli(
        "render",
        inputs,
        "-o",
        f"{out}/",
        "-f",
        "svg",
        env={
            "JOURNEYMAP_DOT": str(program),
            "JOURNEYMAP_DOT_TIMEOUT": "100",
            "JOURNEYMAP_TEST_MARK": mark,
        },
    )
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - start < 90
    maps = sorted(out.iterdir())
    assert len(maps) == count
    assert all(path.read_bytes().rstrip().endswith(b"</svg>") for path in maps)
    assert _left(program, mark) == []


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "inf", "86401", "1e999"])
def test_a_layout_timeout_that_means_nothing_is_one_line(tmp_path: Path, value: str) -> None:
    out = tmp_path / "x.svg"
    result = run_cli("render", JOURNEY, "-o", out, env={"JOURNEYMAP_DOT_TIMEOUT": value})
    assert result.code == 2, result.stderr
    errors = _errors(result.stderr)
    assert errors == [result.stderr.strip()], result.stderr
    assert f"JOURNEYMAP_DOT_TIMEOUT={value!r} is not a number of seconds" in errors[0]
    assert not out.exists()


# --- 2. metrics import --write on a read-only journey ----------------------------------


def _import(journey: Path) -> Result:
    mapping = SURVEYS / "qualtrics-retrait.map.yaml"
    survey = SURVEYS / "qualtrics-retrait.csv"
    return run_cli("metrics", "import", survey, "--map", mapping, "--journey", journey, "--write")


def test_write_refuses_a_read_only_journey_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    """It was replaced by a rename (the folder was writable), mode 0444 and all."""
    journey = tmp_path / "retrait.yaml"
    shutil.copy(EXAMPLES / "meubles-web-retrait.yaml", journey)
    journey.chmod(0o444)
    before = journey.stat()
    data = journey.read_bytes()
    done = _import(journey)
    assert done.code == 2, done.stderr
    errors = _errors(done.stderr)
    assert len(errors) == 1, done.stderr
    assert f"{journey}: the file is read-only (mode 0444)" in errors[0]
    assert "chmod u+w" in errors[0]
    after = journey.stat()
    assert (after.st_ino, after.st_mode, after.st_mtime_ns) == (
        before.st_ino,
        before.st_mode,
        before.st_mtime_ns,
    )
    assert journey.read_bytes() == data


def test_write_keeps_the_mode_of_the_journey_it_rewrites(tmp_path: Path) -> None:
    journey = tmp_path / "retrait.yaml"
    shutil.copy(EXAMPLES / "meubles-web-retrait.yaml", journey)
    journey.chmod(0o640)
    data = journey.read_bytes()
    done = _import(journey)
    assert done.code == 0, done.stderr
    assert journey.read_bytes() != data
    assert stat.S_IMODE(journey.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["retrait.yaml"]


# --- 3. texts of invisible characters ----------------------------------------------------

INVISIBLE = {
    "zero-width-space": "\u200b",
    "zero-width-non-joiner": "\u200c",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "byte-order-mark": "\ufeff",
    "all-five": "\u200b\u200c\u200d\u2060\ufeff",
    "with-spaces": "\u200b \u00a0\u2060",
    "hangul-filler": "\u3164",
    "braille-blank": "\u2800",
    "bidi-marks": "\u200e\u200f\u202a\u202c",
    "lone-combining-accent": "\u0301",
}


def _with_text(tmp_path: Path, text: str, name: str = "h.yaml") -> Path:
    source = JOURNEY.read_text(encoding="utf-8")
    assert TEXT in source
    path = tmp_path / name
    path.write_text(source.replace(TEXT, f'text: "{text}"', 1), encoding="utf-8")
    return path


COMMANDS = [("validate",), ("lint",), ("matrix",)]
INVISIBLE_CASES = [
    pytest.param(text, command, id=f"{name}-{command[0]}")
    for number, (name, text) in enumerate(INVISIBLE.items())
    for command in (COMMANDS if FULL else [COMMANDS[number % len(COMMANDS)]])
]
"""Every text through one command in turn (each command gets four or three of them);
every text through every command with JOURNEYMAP_FULL_TESTS=1."""


@pytest.fixture(scope="module")
def empty_place(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Where an empty text is placed ("49:15"): a text of invisible characters, there."""
    empty = run_cli("validate", _with_text(tmp_path_factory.mktemp("empty"), "", "empty.yaml"))
    found = re.search(r":(\d+:\d+): error\[JM006\]", empty.stdout)
    assert found is not None, empty.stdout
    return found.group(1)


@pytest.mark.parametrize(("text", "command"), INVISIBLE_CASES)
def test_a_text_of_invisible_characters_is_empty(
    tmp_path: Path, text: str, command: tuple[str, ...], empty_place: str
) -> None:
    """Accepted as a step's text: the map showed a step with nothing written in it."""
    path = _with_text(tmp_path, text)
    result = run_cli(*command, path)
    said = result.stdout + result.stderr
    assert result.code in (1, 2), said
    assert f"{path}:{empty_place}: error[JM006]" in said
    assert "'text' must not be empty: it has only invisible characters (U+" in said


def test_visible_texts_with_invisible_characters_stay_valid(tmp_path: Path) -> None:
    for text in ("\u200bJe pars", "Je\u2060 pars\ufeff", "\U0001f9e5", "e\u0301"):
        assert run_cli("validate", _with_text(tmp_path, text)).code == 0, text


# --- 4. YAML directives ------------------------------------------------------------------

DIRECTIVES = {
    "only-yaml-1.2": ("%YAML 1.2\n", "1:1", "holds only the directive '%YAML 1.2' and no journey"),
    "only-yaml-crlf": ("%YAML 1.2\r\n", "1:1", "holds only the directive '%YAML 1.2'"),
    "only-tag": ("%TAG !e! tag:example.com,2000:\n", "1:1", "holds only the directive '%TAG"),
    "yaml-1.3": ("%YAML 1.3\n---\n{JOURNEY}", "1:1", "'%YAML 1.3' asks for a YAML version"),
    "yaml-2.0": ("%YAML 2.0\n---\n{JOURNEY}", "1:1", "'%YAML 2.0' asks for a YAML version"),
    "yaml-word": ("%YAML one\n---\n{JOURNEY}", "1:7", "'%YAML one' is not a YAML version"),
    "yaml-twice": ("%YAML 1.2\n%YAML 1.2\n---\n{JOURNEY}", "2:1", "%YAML line is written twice"),
    "no-marker": ("%YAML 1.2\n{JOURNEY}", "6:1", "YAML needs a line '---' before the journey"),
    "unknown": ("%FOO bar\n---\n{JOURNEY}", "1:5", "'%FOO' is not a YAML directive"),
    "bad-tag": ("%TAG !e!\n---\n{JOURNEY}", "1:9", "'%TAG !e!' is not a valid %TAG line"),
}


@pytest.mark.parametrize("case", list(DIRECTIVES.values()), ids=list(DIRECTIVES))
def test_a_directive_gone_wrong_is_said_plainly(tmp_path: Path, case: tuple[str, str, str]) -> None:
    text, place, said = case
    path = tmp_path / "d.yaml"
    path.write_bytes(text.replace("{JOURNEY}", JOURNEY.read_text(encoding="utf-8")).encode())
    result = run_cli("validate", path)
    assert result.code == 1, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{place}: error[JM002] invalid YAML: "), first
    assert said in first
    for parser_words in ("did not find expected", "incompatible YAML", "while scanning"):
        assert parser_words not in first


NO_JOURNEY = {
    "directive-and-marker": (
        "%YAML 1.2\n---\n",
        "2:1: error[JM005] no journey: the file holds only the directive '%YAML 1.2' and the "
        "document marker '---'; write the journey after '---'",
    ),
    "directive-marker-comment": (
        "# Parcours\n%YAML 1.2\n---\n# à compléter\n",
        "3:1: error[JM005] no journey: the file holds only comments, the directive "
        "'%YAML 1.2' and the document marker '---'; write the journey after '---'",
    ),
    "marker": ("---\n", "1:1: error[JM005] no journey: the file holds only the document marker"),
    "markers": (
        "\n---\n...\n",
        "2:1: error[JM005] no journey: the file holds only the document marker '---' and the "
        "end marker '...'; write the journey between '---' and '...'",
    ),
    "end-marker": (
        "# x\n...\n",
        "2:1: error[JM002] invalid YAML: no journey: the file holds only comments and the end "
        "marker '...'; write the journey in place of '...'",
    ),
    "comments": (
        "\n# Parcours retrait\n\n# à écrire\n",
        "2:1: error[JM005] no journey: the file holds only comments; write the journey below",
    ),
    "null": (
        "---\nnull\n",
        "2:1: error[JM005] no journey: the file holds only the document marker '---' and the "
        "empty value 'null'; write the journey in place of the empty value",
    ),
    "crlf": ("%YAML 1.2\r\n---\r\n", "2:1: error[JM005] no journey:"),
    "empty": ("\n\n", "1:1: error[JM005] empty file: a journey file starts with"),
}


@pytest.mark.parametrize("case", list(NO_JOURNEY.values()), ids=list(NO_JOURNEY))
def test_a_file_with_no_journey_names_its_line_and_the_fix(
    tmp_path: Path, case: tuple[str, str]
) -> None:
    """A file of directives, markers and comments only pointed past its end (`---` at
    line 1 was reported at line 2) and was called an "empty file"; it is placed on the
    '---' the journey goes after, and says what it holds."""
    text, said = case
    path = tmp_path / "d.yaml"
    path.write_bytes(text.encode())
    result = run_cli("validate", path)
    assert result.code == 1, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{said}"), first
    assert first.endswith("starting with 'journeymap: 1'") or "empty file" in first, first


def test_yaml_1_1_and_1_2_directives_are_read(tmp_path: Path) -> None:
    for version in ("1.1", "1.2"):
        path = tmp_path / "d.yaml"
        path.write_text(f"%YAML {version}\n---\n" + JOURNEY.read_text(encoding="utf-8"))
        assert run_cli("validate", path).code == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("targets: [B2C, Québec]", "targets: !!set {B2C, Québec, Lyon, Paris}"),
        ("stages:\n", "stages: !!set\n  ? a\n  ? b\nx-stages:\n"),
    ],
    ids=["targets", "stages"],
)
def test_a_set_is_refused_since_its_order_changed_from_run_to_run(
    tmp_path: Path, old: str, new: str
) -> None:
    """`targets: !!set {...}` was valid, its items in an order set by PYTHONHASHSEED: the
    site's pages differed from one run to the next for the same file."""
    path = tmp_path / "s.yaml"
    path.write_text(JOURNEY.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    said = {run_cli("validate", path, env={"PYTHONHASHSEED": seed}).stdout for seed in "123"}
    assert len(said) == 1
    first = said.pop().splitlines()[0]
    assert first.startswith(f"{path}:"), first
    assert "error[JM002] invalid YAML: a !!set has no order; write a list" in first


# --- 5. a site cut short by a full disk ---------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<dir>"
        for path in sorted(folder.rglob("*"))
    }


def _site(out: Path, *inputs: Path, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "journeymap", "site", *map(str, inputs), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
        preexec_fn=limit,
    )


def _check_cut_short(out: Path, before: dict[str, bytes] | None, done: object) -> None:
    assert isinstance(done, subprocess.CompletedProcess)
    assert done.returncode == 2, done.stderr
    assert len(_errors(done.stderr)) == 1, done.stderr
    if before is None:
        assert not out.exists(), _tree(out.parent)  # no folder left empty, no page
    else:
        assert _tree(out) == before  # the previous site, whole
    assert not list(out.parent.rglob("*.tmp"))


def test_a_site_cut_short_by_the_file_size_limit_leaves_the_old_site(tmp_path: Path) -> None:
    """Files larger than the limit fail with EFBIG, as on a full disk: the pages were
    written one by one, so the old site was left half replaced, without its manifest."""
    out = tmp_path / "deep" / "site"
    _check_cut_short(out, None, _site(out, EXAMPLES, fsize=4096))
    assert not (tmp_path / "deep").exists()
    assert _site(out, JOURNEY).returncode == 0
    before = _tree(out)
    _check_cut_short(out, before, _site(out, EXAMPLES, fsize=4096))
    assert _site(out, EXAMPLES).returncode == 0  # still ours: not refused as foreign


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 200 KB tmpfs: too small for the examples' site, big enough for one journey's."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = shutil.which("mount")
    if mount is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_site_cut_short_by_a_full_disk_leaves_the_old_site(small_disk: Path) -> None:
    out = small_disk / "site"
    _check_cut_short(out, None, _site(out, EXAMPLES))
    assert list(small_disk.iterdir()) == []
    assert _site(out, JOURNEY).returncode == 0
    before = _tree(out)
    done = _site(out, EXAMPLES)
    _check_cut_short(out, before, done)
    assert "No space left on device" in done.stderr
    assert _site(out, JOURNEY).returncode == 0


# --- 6. folder trees deeper than Python's recursion ----------------------------------------


def _deep(top: Path, depth: int) -> None:
    """`depth` folders one in another, a journey at the bottom (past PATH_MAX too)."""
    top.mkdir()
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("j.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, JOURNEY.read_bytes())
        os.close(out)
    finally:
        os.close(fd)


def _remove_deep(top: Path) -> None:
    """Remove a tree made by `_deep` without recursion: pytest's own clean-up of its
    temporary folders (shutil.rmtree) goes past the recursion limit on it."""
    fds = [os.open(top, os.O_RDONLY | os.O_DIRECTORY)]
    while True:
        try:
            fds.append(os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fds[-1]))
        except FileNotFoundError:
            break
    with contextlib.suppress(FileNotFoundError):
        os.unlink("j.yaml", dir_fd=fds[-1])
    for inner, outer in zip(reversed(fds[1:]), reversed(fds[:-1]), strict=True):
        os.close(inner)
        os.rmdir("d", dir_fd=outer)
    os.close(fds[0])
    top.rmdir()


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    top = tmp_path / "deep"
    try:
        yield top
    finally:
        if top.exists():
            _remove_deep(top)


@pytest.mark.parametrize(
    ("command", "said"),
    [(("validate",), "1 file valid"), (("lint",), "1 file clean"), (("matrix", "-f", "csv"), "")],
    ids=["validate", "lint", "matrix"],
)
def test_a_folder_tree_1000_deep_is_searched(
    deep: Path, command: tuple[str, ...], said: str
) -> None:
    """os.walk, and the search for the nearest lint configuration above a file, recursed
    once a level: past Python's limit, an internal error (exit 3)."""
    _deep(deep, 1000)
    result = run_cli(*command, deep)
    assert result.code == 0, result.stderr
    assert said in result.stdout


def test_a_folder_past_path_max_is_a_note(deep: Path) -> None:
    _deep(deep, 2500)
    result = run_cli("validate", deep)
    assert result.code == 2, result.stderr
    assert "journeymap: note: skipped " in result.stderr
    assert "File name too long" in result.stderr
    assert f"error: no *.yaml or *.yml files found in {deep}" in result.stderr
    assert "Traceback" not in result.stderr
