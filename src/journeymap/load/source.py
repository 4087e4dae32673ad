"""Turning a path into text, with every failure a sentence rather than an exception."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from journeymap.load.limits import Limits


@dataclass(frozen=True, slots=True)
class SourceProblem:
    message: str
    line: int = 0
    column: int = 0
    os_error: bool = False


def _human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _too_big(size: int, limits: Limits) -> SourceProblem:
    return SourceProblem(
        f"file is {_human_size(size)}, over the {_human_size(limits.max_bytes)} limit; "
        "split the journey, or raise the limit with JOURNEYMAP_MAX_BYTES"
    )


def decode(data: bytes, limits: Limits) -> str | SourceProblem:
    if len(data) > limits.max_bytes:
        return _too_big(len(data), limits)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return SourceProblem("file is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        return SourceProblem("binary file (it contains NUL bytes), not a YAML journey")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return SourceProblem(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            line,
            column,
        )


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file, a folder or a pipe is, for the message."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def special_kind(path: Path) -> str | None:
    """'a named pipe', 'a device', 'a socket' for what is neither a file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    return _kind(mode)


def _read_bounded(path: Path, fifo: bool, limit: int) -> bytes:
    """At most `limit` + 1 bytes: a file that grows, a pipe or /proc file never reads forever.

    A named pipe is opened without waiting for a writer (then read normally): with
    nobody writing, it reads as empty instead of hanging.
    """
    fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if fifo else 0))
    if fifo:
        os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit + 1)


def read_text(path: Path, limits: Limits) -> str | SourceProblem:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return SourceProblem("is a directory, not a file", os_error=True)
        kind = _kind(info.st_mode)
        if kind is not None:
            return SourceProblem(f"is {kind}, not a journey file; name a YAML file", os_error=True)
        if info.st_size > limits.max_bytes:
            return _too_big(info.st_size, limits)
        data = _read_bounded(path, stat.S_ISFIFO(info.st_mode), limits.max_bytes)
    except IsADirectoryError:
        return SourceProblem("is a directory, not a file", os_error=True)
    except PermissionError:
        return SourceProblem("permission denied; check the file's read permission", os_error=True)
    except FileNotFoundError:
        return SourceProblem("file not found (a broken link?)", os_error=True)
    except OSError as exc:
        return SourceProblem(f"cannot read file: {exc.strerror or exc}", os_error=True)
    if len(data) > limits.max_bytes:
        return SourceProblem(
            f"file is over the {_human_size(limits.max_bytes)} limit; "
            "split the journey, or raise the limit with JOURNEYMAP_MAX_BYTES"
        )
    return decode(data, limits)
