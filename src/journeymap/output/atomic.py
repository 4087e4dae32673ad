"""Writing outputs so that an interrupted run never leaves a half-written file.

The content goes to a temporary file in the destination folder, then is renamed over
the target: rename is atomic on one file system, so readers see the old file or the new
one, never a mix.

Targets that are not regular files are written through, never replaced: `-o /dev/null`,
a device, a named pipe (refused at once when nobody reads it, instead of hanging) or
`/dev/stdout`. A symbolic link is followed, dangling or not, so the link stays and its
target gets the content. A full disk is an error, never a silent success.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from journeymap.load.source import closed_stream, is_folder


class OutputError(Exception):
    """An output that cannot or must not be written; the message says why."""


class InputGuard:
    """Refuses output paths that are one of the input journeys.

    An output equal to an input would destroy the journey it was drawn from. Inputs are
    resolved once, so checking a thousand outputs costs a thousand look-ups, not a
    million path resolutions.
    """

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._inputs: dict[Path, Path] = {}
        self._files: dict[tuple[int, int], Path] = {}
        for source in inputs:
            with contextlib.suppress(OSError):
                self._inputs.setdefault(Path(os.path.realpath(source)), source)
                info = source.stat()
                self._files.setdefault((info.st_dev, info.st_ino), source)

    def check(self, output: Path) -> None:
        """Refuse an input under any of its names: relative, absolute, a link, a hard link."""
        try:
            target = Path(os.path.realpath(output))
        except (OSError, RuntimeError):
            return
        source = self._inputs.get(target)
        if source is None:
            with contextlib.suppress(OSError):
                info = output.stat()
                source = self._files.get((info.st_dev, info.st_ino))
        if source is not None:
            raise OutputError(
                f"{output}: output would overwrite the input journey {source}; "
                "choose another output path"
            )


def refuse_overwriting_inputs(output: Path, inputs: Iterable[Path]) -> None:
    InputGuard(inputs).check(output)


def _describe(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_all(fd: int, payload: bytes) -> None:
    """Every byte of `payload` to `fd` (a pipe or a device may take fewer in one call)."""
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_through(path: Path, payload: bytes, mode: int, append: bool = False) -> None:
    """Write into an existing special file (a device, a pipe, a terminal) without replacing it."""
    flags = os.O_WRONLY | (os.O_APPEND if append else 0)
    if stat.S_ISFIFO(mode):
        flags |= os.O_NONBLOCK  # with no reader, fail at once rather than wait forever
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(
                f"{path}: {_describe(mode)} that nobody reads; start its reader first"
            ) from None
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        if flags & os.O_NONBLOCK:
            os.set_blocking(fd, True)
        write_all(fd, payload)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def closed_descriptor(path: Path | str) -> str | None:
    """Why `path` cannot be written when it names a closed descriptor of this process
    (`load.source.closed_stream`), else None.

    `-o /dev/stdout` in a command run with `>&-` was taken for a missing folder to
    create ("no such folder; create it"), one that exists ("cannot create the folder:
    File exists") or a file in /proc/<pid>/fd."""
    stream = closed_stream(path)
    if stream is None:
        return None
    return f"{path}: {stream} is closed; give -o a file name, or run the command with it open"


def _final_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file that receives the content (a link's target), and its status if it exists."""
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        closed = closed_descriptor(path)
        if closed is not None:
            raise OutputError(closed) from None
        info = None
    except NotADirectoryError:
        raise OutputError(
            f"{path}: a part of this path is a file, not a folder; choose another output path"
        ) from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if path.is_symlink():
        return Path(os.path.realpath(path)), info
    return path, info


@contextlib.contextmanager
def _discarded_on_failure(temp: Path, shown: Path) -> Iterator[None]:
    """The temporary file removed when writing or renaming it fails or is interrupted; an
    OSError becomes one OutputError line naming `shown`."""
    try:
        yield
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_beside(target: Path, payload: bytes, *, fsync: bool, shown: Path | None = None) -> Path:
    """A temporary file in `target`'s folder holding `payload`, with the mode `target` has
    (or a new file's mode), for the caller to rename into place; OutputError, naming
    `shown` (the path as given), when it cannot be written, and nothing left behind."""
    shown = shown or target
    directory = target.parent if str(target.parent) else Path()
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write in {directory}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    with _discarded_on_failure(temp, shown):
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        try:
            mode = target.stat().st_mode & 0o777  # a file rewritten keeps its mode
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        with contextlib.suppress(OSError):
            temp.chmod(mode)
    return temp


def write_atomic(path: Path, data: bytes | str, *, fsync: bool = True) -> None:
    """`fsync=False` skips forcing the bytes to disk: still never half-written for readers
    (the rename is atomic), but a power cut may leave an empty file. Only for outputs that
    are rebuilt from their inputs anyway and written by the hundred (a site)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target, info = _final_target(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path}: is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, payload, info.st_mode)
        return
    if info is not None and str(target).startswith("/proc/"):
        # /dev/stdout redirected to a file: replacing that file would cut it from the shell.
        _write_through(path, payload, info.st_mode, append=True)
        return
    directory = target.parent if str(target.parent) else Path()
    if not is_folder(directory):
        raise OutputError(f"{path}: folder {directory} does not exist")
    temp = write_beside(target, payload, fsync=fsync, shown=path)
    with _discarded_on_failure(temp, path):
        temp.replace(target)
