"""The files a command reads, with the library's notes and refusals shown as the CLI shows them.

An invalid file is reported exactly as `validate` reports it, on stderr so that the
command's own output on stdout stays clean, and the command stops with exit code 1.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeymap.cli import exits

if TYPE_CHECKING:
    from journeymap.model.journey import Journey


def note(message: str) -> None:
    from journeymap.textsafe import visible

    sys.stderr.write(f"journeymap: note: {visible(message)}\n")


def journey_paths(paths: Sequence[Path], exclude: Sequence[str] | None = None) -> list[Path]:
    """The files the user named or that lie under the folders named, or exit 2."""
    from journeymap.runner.inputs import find_journeys

    with exits.handled():
        return find_journeys(paths, exclude or (), note)


def load_valid(
    paths: Sequence[Path], exclude: Sequence[str] | None = None
) -> list[tuple[Path, Journey]]:
    """Every journey under `paths`, or exit 1 (invalid) or 2 (usage) with the reasons."""
    from journeymap.runner.inputs import load_valid as load

    files = journey_paths(paths, exclude)
    with exits.handled():
        return load(files)
