"""Loading journeys for the commands that need valid models (render, matrix, lint).

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
    from journeymap.load.journey_file import JourneyFile
    from journeymap.model.journey import Journey


def journey_paths(paths: Sequence[Path]) -> list[Path]:
    """The files the user named or that lie under the folders named, or exit 2."""
    from journeymap.load.discover import PathError, expand

    try:
        files = expand(paths)
    except PathError as exc:
        exits.fail(str(exc))
    if not files:
        exits.fail("no *.yaml or *.yml files found in " + ", ".join(map(str, paths)))
    return files


def load_valid(paths: Sequence[Path]) -> list[tuple[Path, Journey]]:
    """Every journey under `paths`, or exit 1 (invalid) or 2 (usage) with the reasons."""
    from journeymap.load.batch import load_all
    from journeymap.output.report import Report, reporter

    files = journey_paths(paths)
    loaded: list[JourneyFile] = list(load_all(files))
    invalid = [f for f in loaded if not f.ok]
    if invalid:
        diagnostics = [d for f in invalid for d in f.diagnostics]
        reporter("text").write(Report(diagnostics, len(files), "validate"), sys.stderr)
        code = exits.USAGE if any(f.unreadable for f in invalid) else exits.FINDINGS
        raise SystemExit(code)
    return [(path, f.journey) for path, f in zip(files, loaded, strict=True) if f.journey]
