"""`import`: other tools' files read, turned into journeys, and written as journey files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from journeymap.runner.errors import InvalidInputs, Refused, refusing

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic
    from journeymap.importers.common import Imported

SourceFormat = Literal["mermaid", "ems"]
"""Mermaid `journey` diagrams (.mmd, or Markdown with mermaid blocks); Enablement Map
Studio YAML."""


@dataclass(frozen=True, slots=True)
class Found:
    """The journeys of every source, in order, and the warnings of the import, each a
    `Diagnostic` in its source (code JM011)."""

    journeys: list[Imported]
    warnings: list[Diagnostic]


def import_sources(
    sources: Sequence[Path], source_format: SourceFormat | None, channel: str | None
) -> Found:
    """Every journey of every source. InvalidInputs, with every source's problem and every
    warning, when a source cannot be read (JM001), parsed (JM002), told (JM009) or holds
    no journey (JM010): nothing is imported then, and the exit code is 2, the code of an
    input the command cannot use."""
    from journeymap.diagnostics import Diagnostic
    from journeymap.importers.common import ImportProblem
    from journeymap.importers.run import import_source
    from journeymap.load.limits import Limits
    from journeymap.load.source import STDIN, NoWriter, read_text, take_stdin

    limits = Limits.from_env()
    if STDIN in sources:  # `cat diagram.mmd | journeymap import -`: said "was not read"
        try:
            take_stdin(limits.max_bytes)
        except NoWriter as exc:
            raise Refused(f"-: {exc}") from None
    found: list[Imported] = []
    said: list[Diagnostic] = []
    failed = False
    for source in sources:
        text = read_text(source, limits)
        if isinstance(text, Diagnostic):
            said.append(text)
            failed = True
            continue
        try:
            journeys = import_source(text, str(source), source_format, channel)
        except ImportProblem as problem:
            said.append(problem.diagnostic.in_file(str(source)))
            failed = True
            continue
        said += [w.in_file(str(source)) for journey in journeys for w in journey.warnings]
        found.extend(journeys)
    if failed:
        raise InvalidInputs(said, len(sources), unreadable=True)
    return Found(found, said)


def _several(found: Sequence[Imported]) -> str:
    """ "3 journeys found (a, b, c)", the first five named."""
    named = ", ".join(j.id for j in found[:5]) + (", ..." if len(found) > 5 else "")
    return f"{len(found)} journeys found ({named})"


def single_journey(found: Sequence[Imported]) -> str:
    """The one journey's file, for standard output; Refused when there are several."""
    from journeymap.output.journey_yaml import dump_imported

    if len(found) > 1:
        raise Refused(f"{_several(found)}; write them to a folder with -o DIR")
    return dump_imported(found[0])


def write_journeys(
    found: Sequence[Imported],
    output: Path,
    sources: Sequence[Path],
    force: bool,
    wrote: Callable[[Path], None],
) -> None:
    """One `<id>.yaml` per journey in the folder `output` (created), or the one journey
    in `output` when it is named like a journey file (`-o checkout.yaml`: a person who
    writes a file name means that file, not a folder called so). Each file is written
    atomically; `wrote` hears of each as it is written. Every check (a file where the
    folder should be, several journeys for one file, files that exist without `force`, a
    source overwritten) is made before the first file is written."""
    from journeymap.importers.run import name_outputs
    from journeymap.load.source import exists, is_folder
    from journeymap.output.atomic import InputGuard, OutputError, write_atomic
    from journeymap.output.journey_yaml import dump_imported

    one_file = output.suffix.lower() in (".yaml", ".yml") and not is_folder(output)
    if one_file and len(found) > 1:
        raise Refused(f"{output}: {_several(found)}; a .yaml file holds one: give -o a folder")
    if not one_file and exists(output) and not is_folder(output):
        raise Refused(
            f"{output}: is not a folder; -o takes a folder, where each journey gets <id>.yaml, "
            "or a .yaml file for one journey"
        )
    folder = output.parent if one_file else output
    targets = (
        [output] if one_file else [output / f"{name}.yaml" for name in name_outputs(list(found))]
    )
    guard = InputGuard(sources)
    existing = [str(t) for t in targets if exists(t)]
    if existing and not force:
        raise Refused(
            f"{', '.join(existing[:3])}{' and more' if len(existing) > 3 else ''} already "
            "exist(s); use --force to overwrite"
        )
    with refusing(OutputError):
        for target in targets:
            guard.check(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from journeymap.output.folders import cannot_create

        raise Refused(cannot_create(folder, exc)) from None
    for journey, target in zip(found, targets, strict=True):
        with refusing(OutputError):
            write_atomic(target, dump_imported(journey))
        wrote(target)
