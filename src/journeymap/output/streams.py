"""Standard output and error that survive the places a CLI really runs in.

A Windows console or `PYTHONIOENCODING=ascii` cannot encode "✓" or "é"; a pipe to
`head` closes early; `> /dev/full` or a full disk fails on write; `COLUMNS=0` makes rich
print nothing at all. Each of these used to end in an internal error or a silent loss.
The streams are prepared once, before a command runs, so no reporter has to care:

- pipes and files get UTF-8 whatever the locale (JSON, SARIF and CSV are UTF-8 by
  their specifications), a terminal keeps its encoding and shows `?` for what it cannot
  draw;
- a write that fails raises `StreamClosed` (the reader went away: end quietly) or
  `StreamError` (no space, I/O error: say so and exit 2). Both are raised from the raw
  file object, so every writer (print, rich, bytes of a PNG) is covered.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys
from typing import TextIO

MIN_WIDTH = 20
MAX_WIDTH = 1000
"""Widths outside this range are typing mistakes (`COLUMNS=0`) or terminals no table
needs; clamping keeps every line printed and memory bounded."""


class StreamClosed(BaseException):
    """The reader of standard output went away (`| head`): stop quietly.

    A BaseException so that typer's own handling of EPIPE (exit 1, which means
    "findings" here) and broad `except Exception` blocks let it through to the entry point.
    """


class StreamError(Exception):
    """Standard output cannot be written (a full disk, an I/O error); the message says why."""


class _GuardedFile(io.FileIO):
    """A file descriptor whose write errors become the two exceptions above."""

    label = "standard output"
    failed = False

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.failed:
            return len(data)  # reported once; later flushes (at exit) must not fail again
        try:
            return super().write(data)
        except OSError as exc:
            self.failed = True
            if self.label == "standard error":
                return len(data)  # nowhere left to report it: the exit code still tells
            if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
                raise StreamClosed from None
            raise StreamError(f"cannot write to {self.label}: {exc.strerror or exc}") from None


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


class _ClosedFile(io.RawIOBase):
    """Standard output or error closed by the caller (`>&-`)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.label == "standard error" or self.failed:
            return len(data)
        self.failed = True
        raise StreamError(f"cannot write to {self.label}: it is closed")


def _guard(stream: TextIO | None, label: str) -> TextIO:
    if stream is None:
        return io.TextIOWrapper(io.BufferedWriter(_ClosedFile(label)), encoding="utf-8")  # type: ignore[type-var]
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return stream  # already replaced (a test runner's capture): leave it alone
    raw = _GuardedFile(fd, "wb", closefd=False)
    raw.label = label
    tty = raw.isatty()
    encoding = stream.encoding if tty else "utf-8"
    errors = "replace" if tty and not _is_utf8(encoding) else "strict"
    if label == "standard error":
        errors = "backslashreplace"
    return io.TextIOWrapper(
        io.BufferedWriter(raw),  # type: ignore[type-var]
        encoding=encoding,
        errors=errors,
        line_buffering=tty or label == "standard error",
        write_through=label == "standard error",
    )


def prepare() -> None:
    """Replace sys.stdout and sys.stderr by guarded, encodable streams; fix COLUMNS."""
    normalise_size_variables()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    sys.stdout = _guard(sys.stdout, "standard output")
    sys.stderr = _guard(sys.stderr, "standard error")


def silence_stdout() -> None:
    """Point standard output at the null device, so that exit-time flushes cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def finish() -> None:
    """Flush standard output while its errors can still be reported."""
    sys.stdout.flush()


def normalise_size_variables(environ: dict[str, str] | None = None) -> None:
    """Make COLUMNS and LINES usable, or drop them so the terminal is asked instead.

    rich takes `COLUMNS=0` literally and prints nothing, and `COLUMNS=1` one character a
    line; a value that is not a positive whole number is dropped, others are clamped.
    """
    env = os.environ if environ is None else environ
    for name in ("COLUMNS", "LINES"):
        raw = env.get(name)
        if raw is None:
            continue
        try:
            value = int(raw.strip())
        except ValueError:
            value = 0
        if value <= 0:
            del env[name]
        else:
            env[name] = str(max(MIN_WIDTH, min(MAX_WIDTH, value)))
