"""Loading journeys for the commands that need valid models (render, matrix, lint).

An invalid file is reported exactly as `validate` reports it, on stderr so that the
command's own output on stdout stays clean, and the command stops with exit code 1.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from journeymap.cli import exits

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic
    from journeymap.model.journey import Journey


def journey_paths(paths: Sequence[Path], exclude: Sequence[str] | None = None) -> list[Path]:
    """The files the user named or that lie under the folders named, or exit 2."""
    from journeymap.load.discover import PathError, expand
    from journeymap.load.limits import LimitError, Limits

    try:
        Limits.from_env()  # a mistyped limit is a usage error before any file is read
    except LimitError as exc:
        exits.fail(str(exc))

    notes: list[str] = []
    try:
        files = expand(paths, exclude or (), notes)
    except PathError as exc:
        exits.fail(str(exc))
    if notes:
        from journeymap.textsafe import visible

        for note in notes:
            sys.stderr.write(f"journeymap: note: {visible(note)}\n")
    if not files:
        exits.fail("no *.yaml or *.yml files found in " + ", ".join(map(str, paths)))
    return files


def load_valid(
    paths: Sequence[Path], exclude: Sequence[str] | None = None
) -> list[tuple[Path, Journey]]:
    """Every journey under `paths`, or exit 1 (invalid) or 2 (usage) with the reasons.

    Only the models are kept: a file's node tree and text weigh several times its model,
    and views over a thousand journeys must not hold a thousand trees.
    """
    from journeymap.load.batch import load_all

    files = journey_paths(paths, exclude)
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
        fail_invalid(diagnostics, len(files), unreadable)
    return journeys


def fail_invalid(diagnostics: list[Diagnostic], files: int, unreadable: bool) -> NoReturn:
    """Report invalid files as `validate` does, on stderr, and exit 1 (2: unreadable)."""
    from journeymap.output.report import Report
    from journeymap.output.reporters import reporter

    reporter("text").write(Report(diagnostics, files, "validate"), sys.stderr)
    raise SystemExit(exits.USAGE if unreadable else exits.FINDINGS)
