"""Turning a path into text, with every failure a diagnostic rather than an exception.

A failure of the file system (no such file, a folder, a device, no permission) has the
source `file`, which makes the path unreadable (exit 2); bytes that are not UTF-8 text
within the size limit have the source `bytes`, an invalid file like any other (exit 1).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from journeymap.diagnostics import UNREADABLE, Diagnostic, diagnostic
from journeymap.load.limits import Limits

_STREAMS = {0: "standard input", 1: "standard output", 2: "standard error"}


def closed_stream(path: Path | str) -> str | None:
    """ "standard input" (output, error, "file descriptor N") when `path` names one of
    this process's descriptors that is closed, else None.

    `/dev/stdin` in a command run with `<&-` (or `/dev/stdout` with `>&-`) is a link to
    /proc/self/fd/N that leads nowhere: it was "file not found (a broken link?)"."""
    try:
        target = os.path.realpath(path)
    except (OSError, ValueError):
        return None
    parts = target.split("/")
    if len(parts) != 5 or parts[:2] != ["", "proc"] or parts[3] != "fd":
        return None
    if parts[2] != str(os.getpid()) or not parts[4].isdigit() or os.path.lexists(target):
        return None
    number = int(parts[4])
    return _STREAMS.get(number, f"file descriptor {number}")


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


_SPLIT = "split the journey, or raise the limit with JOURNEYMAP_MAX_BYTES"
_JOURNEY = "a journey file; name a YAML file"


def _too_big(size: int, limits: Limits, path: str, fix: str = _SPLIT) -> Diagnostic:
    return _not_text(
        f"file is {_human_size(size)}, over the {_human_size(limits.max_bytes)} limit; {fix}",
        path,
    )


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32, told as the YAML specification (5.2) tells them: by the
    byte-order mark, or without one by where the NULs of two ASCII characters fall.
    UTF-32's little-endian mark starts with UTF-16's, so it is tried first."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(head) == 4 and (head[:3] == b"\x00\x00\x00" or head[1:] == b"\x00\x00\x00"):
        return "UTF-32"
    nuls = tuple(byte == 0 for byte in head)
    if nuls in ((True, False, True, False), (False, True, False, True)):
        return "UTF-16"
    return None


def decode(data: bytes, limits: Limits, path: str = "") -> str | Diagnostic:
    """The text of `data`, or why it is not a journey's text (in the file named `path`)."""
    if len(data) > limits.max_bytes:
        return _too_big(len(data), limits, path)
    wide = _wide_encoding(data[:4])
    if wide is not None:
        return _not_text(f"file is {wide} encoded; save it as UTF-8", path)
    if b"\x00" in data:
        return _not_text("binary file (it contains NUL bytes), not a YAML journey", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column, what = not_utf8(data, exc)
        return _not_text(f"{what}; save the file as UTF-8", path, line, column)


def not_utf8(data: bytes, exc: UnicodeDecodeError) -> tuple[int, int, str]:
    """Where `data` stops being UTF-8 (line, column) and the byte there, for a message
    that sends the user to it: a file saved in a legacy code page (Windows-1251 Notepad,
    an old Mac) has its first letter beyond ASCII there. `exc` is from decoding `data`
    as "utf-8-sig", which counts after a byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 1, 1, "UTF-16 text, not UTF-8"  # Windows Notepad's "Unicode"
    start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return line, column, f"not valid UTF-8 (byte 0x{data[start]:02x})"


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file, a folder or a pipe is, for the message."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def _not_a_file(mode: int) -> str | None:
    """What a path opened for reading is when it is not a regular file."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    return _kind(mode)


def exists(path: Path | str) -> bool:
    """`Path.exists` that answers False, rather than raising, for a name the system
    refuses (too long, a loop of links): what reads or writes it next says why."""
    try:
        return Path(path).exists()
    except OSError:
        return False


def why_unreachable(path: Path | str) -> str:
    """The system's own reason a name cannot be reached ("no such file or directory", "too
    many levels of symbolic links", "file name too long"), for one line that says which."""
    try:
        Path(path).stat()
    except OSError as error:
        closed = closed_stream(path)
        if closed is not None:
            return f"{closed} is closed; name a file, or run with it open"
        reason = error.strerror or "cannot be reached"
        return reason[:1].lower() + reason[1:]
    return "cannot be reached"


def is_file(path: Path | str) -> bool:
    """`Path.is_file`, False for a name the system refuses (see `exists`): pathlib raises
    PermissionError for a file inside a folder that may be listed but not searched."""
    try:
        return Path(path).is_file()
    except OSError:
        return False


def is_folder(path: Path | str) -> bool:
    """`Path.is_dir`, False for a name the system refuses (see `exists`)."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def special_kind(path: Path) -> str | None:
    """'a named pipe', 'a device', 'a socket' for what is neither a file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    return _kind(mode)


STDIN = Path("-")
"""The path that names standard input on the command line (`cat j.yaml | journeymap lint -`)."""

_stdin: list[bytes] = []

_found: set[str] = set()
"""Files found as regular files in the folders searched (`found_in_folders`): a named
pipe there now was put in their place while the command ran, and is refused at once
rather than waited for (120 files swapped for pipes waited 10 s each). Forked workers
inherit it."""


def found_in_folders(paths: Iterable[Path]) -> None:
    """Record files a folder search found as regular files (see `_found`)."""
    _found.update(map(str, paths))


class NoWriter(OSError):
    """A named pipe that nobody opened for writing in time."""


def take_stdin(limit: int, what: str = "a journey", example: str = "journey.yaml") -> None:
    """Read standard input once, in the main process, before any worker starts: a forked
    worker's stdin is /dev/null, and a pipe can be read only once. `what` and `example`
    name what the command wants piped in (a survey export for `metrics import -`)."""
    if _stdin:
        return
    pipe = f"pipe {what} in (... < {example})"
    if os.isatty(0):
        raise NoWriter(f"standard input is a terminal; {pipe}")
    try:
        copy = os.dup(0)  # a copy: sys.stdin stays as it was
    except OSError:
        raise NoWriter(f"standard input is closed; {pipe}") from None
    try:
        with os.fdopen(copy, "rb") as stdin:
            _stdin.append(_read_upto(stdin, limit + 1))
    except OSError as exc:
        # `0>file` (open for writing only) said "Bad file descriptor". (A directory,
        # `< folder`, never gets here: Python refuses it before any code runs.)
        why = (
            "is not open for reading"
            if exc.errno == errno.EBADF
            else f"cannot be read ({exc.strerror or exc})"
        )
        raise NoWriter(f"standard input {why}; {pipe}") from None


def _read_upto(handle: BinaryIO, count: int) -> bytes:
    """At most `count` bytes, read in pieces: `read(count)` sets aside `count` bytes at
    once, and JOURNEYMAP_MAX_BYTES=1000G made reading a 9 KB journey a MemoryError."""
    size = os.fstat(handle.fileno()).st_size
    piece = max(size + 1, 1 << 16)
    chunks = []
    while count > 0:
        chunk = handle.read(min(count, piece))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _wait_for_writer(fd: int, seconds: float) -> None:
    """Linux reports a FIFO readable once a writer has written or closed it, and not
    before: a poll with a timeout waits for the producer without hanging forever."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    if not poller.poll(seconds * 1000):
        raise NoWriter(f"named pipe with nobody writing to it (waited {seconds:g} s)")


_CHANGED = "it changed while read and is now {}"


def _read_bounded(path: Path, fifo: bool, limits: Limits) -> bytes:
    """At most `limit` + 1 bytes: a file that grows, a pipe or /proc file never reads forever.

    A named pipe is opened without waiting for a writer, then given `limits.pipe_wait`
    seconds (JOURNEYMAP_PIPE_WAIT) for one to write: a producer that starts a moment
    later is read in full, and a pipe nobody writes to is refused instead of hanging.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        now = None if fifo else _not_a_file(os.fstat(fd).st_mode)
        if now is not None:
            # A file replaced meanwhile by a named pipe: opened without O_NONBLOCK, the
            # open waited for a writer for ever (a batch whose files were being swapped).
            raise OSError(errno.EINVAL, _CHANGED.format(now))
        if fifo:
            _wait_for_writer(fd, limits.pipe_wait)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        return _read_upto(handle, limits.max_bytes + 1)


def read_bytes(
    path: Path,
    limits: Limits,
    shown: str | None = None,
    *,
    max_bytes: int | None = None,
    kind: str = _JOURNEY,
) -> bytes | Diagnostic:
    """The bytes of the file, at most `max_bytes` (default: the journey limit), or why it
    has none; diagnostics name it `shown` (default: path) and say it is not `kind`.

    Every file a command reads goes through here, journeys and the files beside them
    (survey exports, mappings): a device, a socket or a folder is refused, a named pipe
    waited for a while, and nothing is ever read without bound (`/dev/zero`)."""
    name = str(path) if shown is None else shown
    limit = limits.max_bytes if max_bytes is None else max_bytes
    bounded = replace(limits, max_bytes=limit)
    fix = (
        _SPLIT
        if kind == _JOURNEY
        else "is it the right file? (JOURNEYMAP_MAX_BYTES sets the limit)"
    )
    if path == STDIN:
        if not _stdin:
            return _refused("standard input was not read before the run", name)
        data = _stdin[0]
    else:
        try:
            info = path.stat()
            if stat.S_ISDIR(info.st_mode):
                return _refused("is a directory, not a file", name)
            special = _kind(info.st_mode)
            if special is not None:
                return _refused(f"is {special}, not {kind}", name)
            if stat.S_ISFIFO(info.st_mode) and str(path) in _found:
                why = _CHANGED.format("a named pipe")
                return _refused(f"cannot read file: {why}", name)
            if info.st_size > limit:
                return _too_big(info.st_size, bounded, name, fix)
            data = _read_bounded(path, stat.S_ISFIFO(info.st_mode), bounded)
        except IsADirectoryError:
            return _refused("is a directory, not a file", name)
        except PermissionError:
            return _refused("permission denied; check the file's read permission", name)
        except FileNotFoundError:
            closed = closed_stream(path)
            if closed is not None:
                return _refused(f"{closed} is closed; name a file, or run with it open", name)
            return _refused("file not found (a broken link?)", name)
        except NoWriter as exc:
            return _refused(f"{exc}; start the program that writes it first", name)
        except OSError as exc:
            return _refused(f"cannot read file: {exc.strerror or exc}", name)
    if len(data) > limit:
        return _not_text(f"file is over the {_human_size(limit)} limit; {fix}", name)
    return data


def read_text(path: Path, limits: Limits, shown: str | None = None) -> str | Diagnostic:
    """The text of the file, or why it has none; diagnostics name it `shown` (default: path)."""
    data = read_bytes(path, limits, shown)
    if isinstance(data, Diagnostic):
        return data
    return decode(data, limits, str(path) if shown is None else shown)
