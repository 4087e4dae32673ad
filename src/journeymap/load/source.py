"""Turning a path into text, with every failure a diagnostic rather than an exception.

A failure of the file system (no such file, a folder, a device, no permission) has the
source `file`, which makes the path unreadable (exit 2); bytes that are not UTF-8 text
within the size limit have the source `bytes`, an invalid file like any other (exit 1).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journeymap.diagnostics import UNREADABLE, Diagnostic, diagnostic
from journeymap.load.limits import Limits


def _refused(message: str, path: str) -> Diagnostic:
    return diagnostic(UNREADABLE, message, source="file", path=path)


def _not_text(message: str, path: str, line: int = 1, column: int = 1) -> Diagnostic:
    return diagnostic(UNREADABLE, message, line, column, source="bytes", path=path)


def _human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _too_big(size: int, limits: Limits, path: str) -> Diagnostic:
    return _not_text(
        f"file is {_human_size(size)}, over the {_human_size(limits.max_bytes)} limit; "
        "split the journey, or raise the limit with JOURNEYMAP_MAX_BYTES",
        path,
    )


def decode(data: bytes, limits: Limits, path: str = "") -> str | Diagnostic:
    """The text of `data`, or why it is not a journey's text (in the file named `path`)."""
    if len(data) > limits.max_bytes:
        return _too_big(len(data), limits, path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _not_text("file is UTF-16 encoded; save it as UTF-8", path)
    if b"\x00" in data:
        return _not_text("binary file (it contains NUL bytes), not a YAML journey", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return _not_text(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            path,
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


def read_text(path: Path, limits: Limits, shown: str | None = None) -> str | Diagnostic:
    """The text of the file, or why it has none; diagnostics name it `shown` (default: path)."""
    name = str(path) if shown is None else shown
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _refused("is a directory, not a file", name)
        kind = _kind(info.st_mode)
        if kind is not None:
            return _refused(f"is {kind}, not a journey file; name a YAML file", name)
        if info.st_size > limits.max_bytes:
            return _too_big(info.st_size, limits, name)
        data = _read_bounded(path, stat.S_ISFIFO(info.st_mode), limits.max_bytes)
    except IsADirectoryError:
        return _refused("is a directory, not a file", name)
    except PermissionError:
        return _refused("permission denied; check the file's read permission", name)
    except FileNotFoundError:
        return _refused("file not found (a broken link?)", name)
    except OSError as exc:
        return _refused(f"cannot read file: {exc.strerror or exc}", name)
    if len(data) > limits.max_bytes:
        return _not_text(
            f"file is over the {_human_size(limits.max_bytes)} limit; "
            "split the journey, or raise the limit with JOURNEYMAP_MAX_BYTES",
            name,
        )
    return decode(data, limits, name)
