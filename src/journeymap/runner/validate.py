"""`validate` over many files: each file in a worker, then the checks across files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class Validation:
    diagnostics: list[Diagnostic]
    """Per file, in input order; a file's duplicate journey id among its own findings."""
    unreadable: bool
    """Some file could not be read at all (exit 2 rather than 1)."""


def validate_files(files: Sequence[Path], jobs: int | None) -> Validation:
    """Workers check files independently and send back only their findings and journey
    id; ids repeated across files are found once all are back, so the result is the
    same whatever the number of workers."""
    from journeymap.load import batch
    from journeymap.load.repository import duplicate_journey_ids, merged
    from journeymap.parallel import run_per_file

    outcomes = run_per_file(batch.validity, files, jobs)
    across = duplicate_journey_ids([outcome.journey_id for outcome in outcomes])
    diagnostics: list[Diagnostic] = []
    for outcome in outcomes:
        diagnostics.extend(merged(outcome.path, outcome.diagnostics, across))
    return Validation(diagnostics, any(outcome.unreadable for outcome in outcomes))
