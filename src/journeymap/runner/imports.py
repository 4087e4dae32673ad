"""`import`: other tools' files read, turned into journeys, and written as journey files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from journeymap.runner.errors import Refused, refusing

if TYPE_CHECKING:
    from journeymap.importers.common import Imported

SourceFormat = Literal["mermaid", "ems"]
"""Mermaid `journey` diagrams (.mmd, or Markdown with mermaid blocks); Enablement Map
Studio YAML."""


def import_sources(
    sources: Sequence[Path],
    source_format: SourceFormat | None,
    channel: str | None,
    warn: Callable[[str], None],
) -> list[Imported]:
    """Every journey of every source, in order; `warn` hears "file:line: warning: ..." for
    each guess worth checking. Refused, naming file and line, for a source that cannot
    be read or understood."""
    from journeymap.diagnostics import Diagnostic
    from journeymap.importers.common import ImportProblem
    from journeymap.importers.run import import_source
    from journeymap.load.limits import Limits
    from journeymap.load.source import read_text

    limits = Limits.from_env()
    found: list[Imported] = []
    for source in sources:
        text = read_text(source, limits)
        if isinstance(text, Diagnostic):
            raise Refused(f"{source}: {text.message}")
        try:
            journeys = import_source(text, str(source), source_format, channel)
        except ImportProblem as problem:
            place = f"{source}:{problem.line}" if problem.line else str(source)
            raise Refused(f"{place}: {problem.message}") from None
        for journey in journeys:
            for warning in journey.warnings:
                place = f"{source}:{warning.line}" if warning.line else str(source)
                warn(f"{place}: warning: {warning.message}")
        found.extend(journeys)
    return found


def single_journey(found: Sequence[Imported]) -> str:
    """The one journey's file, for standard output; Refused when there are several."""
    from journeymap.output.journey_yaml import dump_imported

    if len(found) > 1:
        raise Refused(
            f"{len(found)} journeys found ({', '.join(j.id for j in found[:5])}"
            f"{', ...' if len(found) > 5 else ''}); write them to a folder with -o DIR"
        )
    return dump_imported(found[0])


def write_journeys(
    found: Sequence[Imported],
    output: Path,
    sources: Sequence[Path],
    force: bool,
    wrote: Callable[[Path], None],
) -> None:
    """One `<id>.yaml` per journey in the folder `output` (created), each written
    atomically; `wrote` hears of each file as it is written. Every check (a file where
    the folder should be, files that exist without `force`, a source overwritten) is
    made before the first file is written."""
    from journeymap.importers.run import name_outputs
    from journeymap.output.atomic import InputGuard, OutputError, write_atomic
    from journeymap.output.journey_yaml import dump_imported

    if output.exists() and not output.is_dir():
        raise Refused(f"{output}: is a file; -o takes a folder, where each journey gets <id>.yaml")
    targets = [output / f"{name}.yaml" for name in name_outputs(list(found))]
    guard = InputGuard(sources)
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise Refused(
            f"{', '.join(existing[:3])}{' and more' if len(existing) > 3 else ''} already "
            "exist(s); use --force to overwrite"
        )
    with refusing(OutputError):
        for target in targets:
            guard.check(target)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Refused(f"{output}: cannot create the folder: {exc.strerror or exc}") from None
    for journey, target in zip(found, targets, strict=True):
        with refusing(OutputError):
            write_atomic(target, dump_imported(journey))
        wrote(target)
