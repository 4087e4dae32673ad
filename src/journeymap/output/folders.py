"""Rules for the folders outputs go into, checked before anything is drawn.

A long render that fails on its first write, after minutes of layout, is worse than
one that refuses at once: every check here runs before the first output is made.
"""

from __future__ import annotations

import os
from pathlib import Path

from journeymap.load import source
from journeymap.output.atomic import OutputError, closed_descriptor


def names_folder(output: str) -> bool:
    """`-o out/`: a trailing separator says "a folder", existing or not."""
    return output.endswith(("/", os.sep))


def is_folder(output: str) -> bool:
    """An existing folder, or one named with a trailing separator."""
    return source.is_folder(output) or names_folder(output)


def make_folder(output: str) -> None:
    """Create a folder named with a trailing separator (and its parents)."""
    try:
        Path(output).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(cannot_create(output, exc)) from None


def cannot_create(folder: str | Path, error: OSError) -> str:
    """Why `folder` could not be created, in one line: a closed `/dev/stdout` is said
    as such (`atomic.closed_descriptor`), not as "File exists"."""
    return closed_descriptor(folder) or (
        f"{folder}: cannot create the folder: {error.strerror or error}"
    )


def check_folder(target: Path) -> None:
    """Refuse a target whose folder is missing, is a file, or cannot be written in."""
    folder = target.parent if str(target.parent) else Path()
    if not source.is_folder(folder):
        if source.exists(folder):
            raise OutputError(
                f"{target}: {folder} is a file, not a folder; choose another output path"
            )
        raise OutputError(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: folder {folder} is not writable")
