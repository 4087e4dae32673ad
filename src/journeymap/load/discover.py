"""Expanding the paths given on the command line into journey files, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


class PathError(Exception):
    """A path given by the user that does not exist: a usage error, exit code 2."""


def _walk(directory: Path) -> list[Path]:
    found: list[Path] = []
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        found.extend(
            Path(current) / name
            for name in sorted(files)
            if name.endswith(SUFFIXES) and not name.startswith(".")
        )
    return found


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; directories searched recursively for *.yaml and *.yml.

    Hidden directories (.git, .venv) are skipped; a file named explicitly is always kept,
    whatever its suffix, since the user asked for it. Duplicates are dropped.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise PathError(f"{raw}: no such file or directory")
    return list(dict.fromkeys(files))
