"""The files a command reads, and their models for the commands that need valid ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeymap.runner.errors import InvalidInputs, Refused, refusing

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic
    from journeymap.model.journey import Journey


def find_journeys(
    paths: Sequence[Path], exclude: Sequence[str], note: Callable[[str], None]
) -> list[Path]:
    """The files named, and those under the folders named; `note` hears of each file
    skipped (a FIFO, a socket, a device) before the run can be refused for finding none.

    A mistyped size limit is refused before any file is read.
    """
    from journeymap.load.discover import PathError, expand
    from journeymap.load.limits import LimitError, Limits

    with refusing(LimitError):
        Limits.from_env()
    notes: list[str] = []
    with refusing(PathError):
        files = expand(paths, exclude, notes)
    for message in notes:
        note(message)
    if not files:
        raise Refused("no *.yaml or *.yml files found in " + ", ".join(map(str, paths)))
    return files


def load_valid(files: Sequence[Path]) -> list[tuple[Path, Journey]]:
    """Every file's journey, or InvalidInputs with the reasons of all the invalid ones.

    Only the models are kept: a file's node tree and text weigh several times its model,
    and views over a thousand journeys must not hold a thousand trees.
    """
    from journeymap.load.batch import load_all

    journeys: list[tuple[Path, Journey]] = []
    diagnostics: list[Diagnostic] = []
    unreadable = False
    for path, loaded in zip(files, load_all(files), strict=True):
        if loaded.ok and loaded.journey is not None:
            journeys.append((path, loaded.journey))
        else:
            diagnostics.extend(loaded.diagnostics)
            unreadable = unreadable or loaded.unreadable
    if diagnostics:
        raise InvalidInputs(diagnostics, len(files), unreadable)
    return journeys
