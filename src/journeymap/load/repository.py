"""Checks across the files of one run: what no single file can know about itself.

A journey id must be unique in a repository: maps are written as `<id>.svg`, and
reviewers name journeys by id. Two files with the same id are reported on every file
after the first, naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeymap.diagnostics import DUPLICATE_ID, Diagnostic, diagnostic
from journeymap.load.journey_file import JourneyFile


@dataclass(frozen=True, slots=True)
class JourneyId:
    """A valid journey's id and where it is written, small enough to leave a worker."""

    path: str
    ident: str
    line: int
    column: int


def journey_id(loaded: JourneyFile) -> JourneyId | None:
    if loaded.journey is None:
        return None
    line, column = loaded.position(("id",))
    return JourneyId(loaded.path, loaded.journey.id, line, column)


def duplicate_journey_ids(ids: Sequence[JourneyId | None]) -> dict[str, list[Diagnostic]]:
    """The findings per file path, for every id already used by an earlier file."""
    first: dict[str, JourneyId] = {}
    found: dict[str, list[Diagnostic]] = {}
    for entry in ids:
        if entry is None:
            continue
        earlier = first.setdefault(entry.ident, entry)
        if earlier is entry:
            continue
        found.setdefault(entry.path, []).append(
            diagnostic(
                DUPLICATE_ID,
                f"journey id '{entry.ident}' is already the id of {earlier.path}; journey ids "
                "must be unique in a repository: rename one (shared moments are matched by "
                "stage and step ids, not by journey ids)",
                entry.line,
                entry.column,
                source="repository",
                path=entry.path,
            )
        )
    return found


def merged(
    path: str, own: Sequence[Diagnostic], extra: dict[str, list[Diagnostic]]
) -> list[Diagnostic]:
    """A file's own diagnostics with the cross-file ones, in position order."""
    more = extra.get(path)
    if not more:
        return list(own)
    return sorted([*own, *more], key=Diagnostic.sort_key)
