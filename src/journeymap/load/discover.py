"""Expanding the paths given on the command line into journey files, in a stable order."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from journeymap.load.source import (
    STDIN,
    NoWriter,
    closed_stream,
    found_in_folders,
    special_kind,
    take_stdin,
)
from journeymap.textsafe import shortened

SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


class PathError(Exception):
    """A path given by the user that does not exist: a usage error, exit code 2."""


def excluded(relative: str, patterns: Sequence[str]) -> bool:
    """Whether a path relative to the searched folder matches a glob, or any of its parts does.

    'ci/*' names files of one folder, 'docker-*.yml' a file name anywhere, and 'drafts' a
    whole folder anywhere below.
    """
    pure = PurePosixPath(relative)
    candidates = (relative, *pure.parts)
    return any(fnmatchcase(c, pattern) for pattern in patterns for c in candidates)


def _walk(directory: Path, exclude: Sequence[str], notes: list[str]) -> list[Path]:
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        notes.append(f"skipped {shortened(str(error.filename))}: {error.strerror or error}")

    for current, files in _folders(directory, unreadable):
        for name in sorted(files):
            if not name.endswith(SUFFIXES) or name.startswith("."):
                continue
            path = Path(current) / name
            if exclude and excluded(path.relative_to(directory).as_posix(), exclude):
                continue
            kind = special_kind(path)
            if kind is not None:
                notes.append(f"skipped {path}: {kind}, not a journey file")
                continue
            found.append(path)
    found_in_folders(found)
    return found


def _folders(
    directory: Path, unreadable: Callable[[OSError], None]
) -> Iterator[tuple[str, list[str]]]:
    """Each folder under `directory` with the names of its files, in os.walk's top-down
    order (sub-folders sorted; hidden ones, SKIPPED_DIRS and links to folders left out),
    without its recursion: a tree 1,000 folders deep went past Python's recursion limit,
    an internal error. A folder that cannot be listed (past PATH_MAX too) is noted."""
    pending = [os.fspath(directory)]
    while pending:
        current = pending.pop()
        folders: list[str] = []
        files: list[str] = []
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    try:
                        is_folder = entry.is_dir()
                    except OSError:
                        is_folder = False
                    if not is_folder:
                        files.append(entry.name)
                    elif not entry.is_symlink():
                        folders.append(entry.name)
        except OSError as exc:
            unreadable(exc)
            continue
        yield current, files
        kept = sorted(d for d in folders if not d.startswith(".") and d not in SKIPPED_DIRS)
        pending.extend(str(Path(current, name)) for name in reversed(kept))


def _identity(path: Path) -> object:
    """The same file under two names (relative and absolute, a link) is one file."""
    try:
        info = path.stat()
    except OSError:
        return path
    return (info.st_dev, info.st_ino)


def too_long(raw: str) -> str:
    """One line for a path the system refuses as too long (ENAMETOOLONG): the path
    shortened, which limit it passes, and what to do."""
    size = len(os.fsencode(raw))
    name = max((len(os.fsencode(part)) for part in Path(raw).parts), default=0)
    try:
        path_max, name_max = os.pathconf("/", "PC_PATH_MAX"), os.pathconf("/", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # pragma: no cover - not POSIX
        path_max, name_max = 4096, 255
    if name > name_max:
        why = f"a name in it is {name:,} bytes, the system allows {name_max:,}"
    else:
        why = f"it is {size:,} bytes, the system allows {path_max:,}"
    return (
        f"{shortened(raw)}: path too long ({why}); give a shorter path, e.g. relative to "
        "a folder nearer the files"
    )


def expand(
    paths: Iterable[str | Path], exclude: Sequence[str] = (), notes: list[str] | None = None
) -> list[Path]:
    """Files as given; directories searched recursively for *.yaml and *.yml.

    Hidden directories (.git, .venv) are skipped, and so are files below a directory
    that match an `exclude` glob (a repository's CI or compose files are not journeys).
    A file named explicitly is always kept, whatever its suffix, since the user asked for
    it. A named pipe, socket or device met in a folder is skipped, with a line in `notes`.
    The same file reached twice, under any name, is kept once, under its first name.
    """
    notes = [] if notes is None else notes
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if str(raw) == "-":
                from journeymap.load.limits import Limits

                take_stdin(Limits.from_env().max_bytes)
                files.append(STDIN)
            elif path.is_dir():
                files.extend(_walk(path, exclude, notes))
            elif path.exists() or path.is_symlink():
                files.append(path)
            else:
                closed = closed_stream(path)
                if closed is not None:
                    raise PathError(
                        f"{shortened(str(raw))}: {closed} is closed; "
                        "name a file, or run with it open"
                    )
                raise PathError(f"{shortened(str(raw))}: no such file or directory")
        except NoWriter as exc:
            raise PathError(f"-: {exc}") from None
        except OSError as exc:  # a name too long, a folder that cannot be listed
            if exc.errno == errno.ENAMETOOLONG:
                raise PathError(too_long(str(raw))) from None
            raise PathError(f"{shortened(str(raw))}: {exc.strerror or exc}") from None
    unique: dict[object, Path] = {}
    for path in files:
        unique.setdefault(_identity(path), path)
    return list(unique.values())
