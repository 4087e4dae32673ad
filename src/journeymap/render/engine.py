"""Finding and running the program that lays out DOT: Graphviz's `dot`, or graphviz-pure.

Order of preference: `JOURNEYMAP_DOT` (a path to a dot-compatible program, for a
Graphviz outside PATH or to force one), then `dot` on PATH, then `graphviz-pure` (the
pip-installable port of dot, found on PATH or beside the running Python). The real
`dot` comes first because it is the reference and the only one that writes PDF.

Runs are made reproducible: cairo writes the time of the run into a PDF (older cairo
ignores `SOURCE_DATE_EPOCH`), so that date is replaced by the epoch, digit for digit so
that the PDF's byte offsets stay right, and the same journey gives the same bytes in
every format.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from journeymap import signals
from journeymap.load.source import is_file
from journeymap.output.atomic import write_all

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz), or `pip install graphviz-pure` for SVG and PNG only"
)
TIMEOUT = 300.0
"""Seconds a layout program may run before it is stopped, with every process it started;
JOURNEYMAP_DOT_TIMEOUT sets it (a map of a few thousand steps takes dot a minute)."""
TIMEOUT_SETTING = "JOURNEYMAP_DOT_TIMEOUT"
_LIVE: set[subprocess.Popen[bytes]] = set()
"""Layout programs running now, from any thread, so that an interruption can stop them."""
_LOCK = threading.Condition()
_starting = 0
"""Layout programs being started now, by any thread, not yet in `_LIVE`."""
_refusing = 0
"""Set while a batch is being stopped (`stopped`): no layout program is started."""
_PDF_DATES = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)[0-9]{14}")


class EngineError(Exception):
    """No usable layout program, or it failed; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Engine:
    program: str
    pure: bool
    """True for graphviz-pure, which has no PDF output."""
    timeout: float = TIMEOUT
    """Seconds one layout may take (JOURNEYMAP_DOT_TIMEOUT)."""

    @property
    def name(self) -> str:
        return "graphviz-pure" if self.pure else "Graphviz dot"


def version(engine: Engine) -> str | None:
    """The version `program -V` says ("2.43.0"), or None when it says none."""
    try:
        with running(
            [engine.program, "-V"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:  # a wrapper that hangs on -V is stopped, with what it started
            out, err = _communicate(process, 30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    said = (err or out).decode("utf-8", "replace").strip().splitlines()
    found = re.search(r"version (\S+)", said[0]) if said else None
    return found.group(1) if found else None


def describe(engine: Engine) -> str:
    """Which renderer this is, with its version, for `render -v` and the demo."""
    found = version(engine)
    shown = f" {found}" if found else ""
    kind = ", the pip-only renderer" if engine.pure else ""
    return f"{engine.name}{shown}{kind} ({engine.program})"


def _pure_candidates() -> list[Path]:
    names = ["graphviz-pure.exe", "graphviz-pure"] if os.name == "nt" else ["graphviz-pure"]
    folders = [Path(sysconfig.get_path("scripts")), Path(sys.executable).parent]
    return [folder / name for folder in folders for name in names]


def layout_timeout() -> float:
    """JOURNEYMAP_DOT_TIMEOUT in seconds (1 to 86400), else the default; EngineError
    (exit 2, one line) when it is not such a number."""
    raw = os.environ.get(TIMEOUT_SETTING, "")
    if not raw.strip():
        return TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 86_400:  # nan and inf fail too
        raise EngineError(
            f"{TIMEOUT_SETTING}={raw!r} is not a number of seconds; write e.g. 600 "
            "(at most 86400), or unset it for the default of 300"
        )
    return value


def find_engine() -> Engine:
    timeout = layout_timeout()
    configured = os.environ.get("JOURNEYMAP_DOT")
    if configured:
        path = Path(configured)
        if not (is_file(path) and os.access(path, os.X_OK)):
            raise EngineError(
                f"JOURNEYMAP_DOT={configured} is not an executable program; point it at "
                f"Graphviz's dot, or unset it to use dot from PATH ({INSTALL_HINT})"
            )
        return Engine(str(path), pure="graphviz-pure" in path.name, timeout=timeout)
    found = shutil.which("dot")
    if found:
        return Engine(found, pure=False, timeout=timeout)
    found = shutil.which("graphviz-pure")
    if found:
        return Engine(found, pure=True, timeout=timeout)
    for candidate in _pure_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return Engine(str(candidate), pure=True, timeout=timeout)
    raise EngineError(f"Graphviz's dot program was not found: {INSTALL_HINT}")


def run(engine: Engine, source: str, fmt: str) -> bytes:
    """Lay out `source` and return the output in format `fmt` (svg, png, pdf, json)."""
    _check_format(engine, fmt)
    code, out, err = _layout(engine, source, fmt, subprocess.PIPE)
    if code != 0 or not out:
        raise failed(engine, code, err)
    if not _looks_like(out, fmt):
        raise _not_the_format(engine, len(out), fmt)
    return pinned(out, fmt)


def pinned(out: bytes, fmt: str) -> bytes:
    """The output with a PDF's dates set to the epoch (cairo writes the time of the run)."""
    if fmt == "pdf":
        return _PDF_DATES.sub(rb"\g<1>19700101000000", out)
    return out


def run_into(engine: Engine, source: str, fmt: str, handle: BinaryIO) -> None:
    """Lay out `source` straight into `handle`, an empty file opened for writing.

    The layout program writes the file itself: the output (100 kB of SVG a map) is not
    read through a pipe and written again by Python. PDF goes through `run`, whose date
    is rewritten."""
    if fmt == "pdf":
        handle.write(run(engine, source, fmt))
        return
    _check_format(engine, fmt)
    handle.flush()
    code, _, err = _layout(engine, source, fmt, handle.fileno())
    if code != 0 and b"gvwrite" in err:  # dot could not write the file: a full disk...
        raise _write_error(handle.fileno())
    size = os.fstat(handle.fileno()).st_size
    if code != 0 or size == 0:
        raise failed(engine, code, err)
    ends = os.pread(handle.fileno(), 16, 0) + os.pread(handle.fileno(), 64, max(0, size - 64))
    if not _looks_like(ends, fmt):
        raise _not_the_format(engine, size, fmt)


def _write_error(fd: int) -> OSError:
    """Why the file could not be written, which dot does not say ("gvwrite_no_z
    problem"): the file system's own answer to one more byte written at its end (the
    temporary file is removed anyway). That byte may find room that another map's
    failure freed meanwhile: then the likely reason is given as a question."""
    try:
        os.pwrite(fd, b"\n", os.fstat(fd).st_size)
    except OSError as exc:
        return exc
    return OSError(errno.EIO, "Graphviz dot could not write it (is the disk full?)")


def _check_format(engine: Engine, fmt: str) -> None:
    if fmt == "pdf" and engine.pure:
        raise EngineError(
            "PDF needs Graphviz's dot (graphviz-pure writes SVG and PNG only): "
            "install Graphviz (apt-get install graphviz, brew install graphviz), "
            "or render to .svg or .png"
        )


def _layout(engine: Engine, source: str, fmt: str, stdout: int) -> tuple[int, bytes, bytes]:
    """Run the layout program to its end: its exit code, standard output (when `stdout`
    is a pipe) and standard error.

    The DOT goes in through an anonymous in-memory file rather than a pipe: written in
    one call, with no loop feeding a pipe 4 kB a turn while the program reads it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    with contextlib.ExitStack() as stack:
        stdin = stack.enter_context(_source_file(source))
        try:
            process = stack.enter_context(
                running(
                    [engine.program, f"-T{fmt}"],
                    stdin=stdin,
                    stdout=stdout,
                    stderr=subprocess.PIPE,
                    env=env,
                )
            )
        except OSError as exc:
            raise EngineError(f"cannot run {engine.program}: {exc.strerror or exc}") from None
        try:
            out, err = _communicate(process, engine.timeout)
        except subprocess.TimeoutExpired:
            raise timed_out(engine) from None
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise EngineError(f"{engine.name} ({engine.program}) failed: {detail}") from None
    return process.returncode, out or b"", err or b""


def _communicate(process: subprocess.Popen[bytes], timeout: float) -> tuple[bytes, bytes]:
    """What the program wrote, once it has ended, within `timeout` seconds.

    A program that ends while a process it started in the background still holds its
    pipes (a wrapper's `(sleep 600 &)`) is done: the rest of its group is killed, which
    closes them. Waiting for the pipes' end waited for the layout timeout, 300 s."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            return process.communicate(timeout=max(0.0, min(left, 0.5)))
        except subprocess.TimeoutExpired:
            if process.poll() is not None:
                _kill_group(process)
                return process.communicate()
            if left <= 0.5:
                raise


def timed_out(engine: Engine) -> EngineError:
    return EngineError(
        f"{engine.name} ({engine.program}) took more than {engine.timeout:g} s and was "
        f"stopped; raise {TIMEOUT_SETTING} (seconds) for a very large map"
    )


def start(argv: list[str], **options: Any) -> subprocess.Popen[bytes]:
    """Start a child in its own process group, recorded among those an interruption or
    `release` stops with every process it starts (a wrapper script's children too).

    A stop signal that comes meanwhile is held (`signals.held`) until the child is
    recorded: raised inside `Popen`, it left a child nobody knew. Another thread's child
    being started is waited for by `stop_children`."""
    global _starting
    with signals.held():
        with _LOCK:
            if _refusing:
                raise EngineError("the run is being stopped: no layout program is started")
            _starting += 1
        process: subprocess.Popen[bytes] | None = None
        try:
            process = subprocess.Popen(argv, process_group=0, **options)
        finally:
            with _LOCK:
                _starting -= 1
                if process is not None:
                    _LIVE.add(process)
                _LOCK.notify_all()
    return process


@contextlib.contextmanager
def running(argv: list[str], **options: Any) -> Iterator[subprocess.Popen[bytes]]:
    """A child started (`start`), and released whatever happens inside (`release`: ended,
    timed out, interrupted, or a child it left behind), then a stop signal that came
    meanwhile acts.

    The child is under the `finally` that releases it before any stop can act: a stop
    that landed between `start` returning and the `try` (while the DOT's in-memory file
    was being closed) ended a worker with its wrapper running, which a timed-out batch
    left behind with its `sleep 600` (the test_hostile_edges flake, 1 run in 20)."""
    process: subprocess.Popen[bytes] | None = None
    try:
        with signals.held():
            process = start(argv, **options)
        signals.act()  # a stop that came while it started: it is recorded, so killed below
        yield process
    finally:
        if process is not None:
            release(process)
        signals.act()


def release(process: subprocess.Popen[bytes]) -> None:
    """Kill `process` and its group, reap it, and forget it (a stop signal meanwhile is
    held until it is done: see `signals.held`)."""
    with signals.held():
        _kill_group(process)
        with contextlib.suppress(ChildProcessError):
            process.wait()
        with _LOCK:
            _LIVE.discard(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the program's process group: a wrapper script's children too. The group
    outlives its first process while a child it left runs (`sleep 600 &`)."""
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def _source_file(source: str) -> Iterator[int]:
    """A file descriptor reading `source` from its start, closed afterwards: an
    anonymous file in memory (Linux), else a temporary file."""
    data = source.encode("utf-8")
    try:
        fd = os.memfd_create("journeymap-dot", os.MFD_CLOEXEC)
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows, old kernels
        with tempfile.TemporaryFile() as spool:
            spool.write(data)
            spool.flush()
            spool.seek(0)
            yield spool.fileno()
        return
    try:
        try:
            write_all(fd, data)
        except OSError as exc:
            # An in-memory file still counts against the file-size limit (`ulimit -f`,
            # RLIMIT_FSIZE): EFBIG here was an internal error (exit 3).
            raise EngineError(
                f"cannot hand the map ({len(data):,} bytes of DOT) to the layout program: "
                f"{exc.strerror or exc}; raise the file-size limit (ulimit -f) or free memory"
            ) from None
        os.lseek(fd, 0, os.SEEK_SET)
        yield fd
    finally:
        os.close(fd)


def failed(engine: Engine, code: int, err: bytes) -> EngineError:
    message = err.decode("utf-8", "replace").strip().splitlines()
    detail = message[0] if message else _status(code)
    return EngineError(f"{engine.name} ({engine.program}) failed: {detail}")


def _not_the_format(engine: Engine, size: int, fmt: str) -> EngineError:
    return EngineError(
        f"{engine.name} ({engine.program}) wrote {size} bytes that are not {fmt.upper()}; "
        "is it Graphviz's dot? (JOURNEYMAP_DOT or PATH chose it)"
    )


_MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}

PNG_MOST = 32_767
"""The widest and tallest bitmap cairo draws, in pixels: Graphviz shrinks a larger map
to fit (a 300-step journey to 0.47 of its size) and says so only on its standard error."""


def shrunk_png(head: bytes) -> tuple[int, int] | None:
    """The width and height of a PNG (from its first 24 bytes) that reaches cairo's
    largest side, which only a map Graphviz shrank to fit does; else None."""
    if len(head) < 24 or not head.startswith(_MAGIC["png"]) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return (width, height) if max(width, height) >= PNG_MOST - 1 else None


def _looks_like(out: bytes, fmt: str) -> bool:
    """Whether a layout program's output is of the format asked: a program named `dot`
    that is not Graphviz (a wrapper, a stub) wrote its garbage into the map, exit 0."""
    if fmt == "svg":
        return out.rstrip().endswith(b"</svg>")
    magic = _MAGIC.get(fmt)
    return magic is None or out.startswith(magic)


def _status(code: int) -> str:
    if code < 0:
        try:
            return f"it was stopped by signal {signal.Signals(-code).name} ({-code})"
        except ValueError:
            return f"it was stopped by signal {-code}"
    return f"exit code {code}" if code else "exit code 0 but no output"


def stop_children() -> None:
    """Kill every layout program still running (the run is being interrupted), those
    another thread is starting at this moment too (waited for, a few milliseconds)."""
    with _LOCK:
        _LOCK.wait_for(lambda: _starting == 0, timeout=10)
        running = list(_LIVE)
    for process in running:
        _kill_group(process)


@contextlib.contextmanager
def stopped() -> Iterator[None]:
    """Kill every layout program running (`stop_children`), and start none until the
    block ends: around the wait for a stopped batch's threads, which would otherwise go
    on to their next map and start its program. A Ctrl-C while `dot` hung drawing a
    folder in threads waited for each map's layout timeout (300 s), not for the kill."""
    global _refusing
    with _LOCK:
        _refusing += 1
    try:
        stop_children()
        yield
    finally:
        with _LOCK:
            _refusing -= 1
