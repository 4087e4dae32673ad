"""Reading the journeys of a site: each file loaded once, its model, its text and its findings.

The site shows each journey's lint findings next to its map, so every file is linted
from the same load that gives its model (no second parse). Invalid files and journey
ids used twice cannot be published (pages are named by id): they are returned apart, for
the command to report exactly as `validate` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeymap.diagnostics import Diagnostic
from journeymap.lint.config import Resolver
from journeymap.lint.linter import lint_journey_file
from journeymap.load.batch import load_all
from journeymap.load.repository import duplicate_journey_ids, journey_id
from journeymap.model.journey import Journey


@dataclass(frozen=True, slots=True)
class Source:
    """One valid journey with what the site shows about its file."""

    path: Path
    journey: Journey
    text: str
    findings: tuple[Diagnostic, ...]

    def counts(self) -> dict[str, int]:
        found = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            found[finding.severity] += 1
        return found


@dataclass(frozen=True, slots=True)
class Collected:
    sources: tuple[Source, ...]
    """Valid journeys, sorted by id so that the site does not depend on the file order."""
    invalid: tuple[Diagnostic, ...]
    unreadable: bool


def collect(files: Sequence[Path], resolver: Resolver) -> Collected:
    """Load and lint every file; raises ConfigError for a lint configuration that is broken."""
    sources: list[Source] = []
    invalid: list[Diagnostic] = []
    ids = []
    unreadable = False
    for path, loaded in zip(files, load_all(files), strict=True):
        ids.append(journey_id(loaded))
        if not loaded.ok or loaded.journey is None:
            invalid.extend(loaded.diagnostics)
            unreadable = unreadable or loaded.unreadable
            continue
        findings = lint_journey_file(loaded, resolver.for_file(path))
        sources.append(Source(path, loaded.journey, loaded.text, tuple(findings)))
    for found in duplicate_journey_ids(ids).values():
        invalid.extend(found)
    sources.sort(key=lambda source: source.journey.id)
    return Collected(tuple(sources), tuple(invalid), unreadable)
