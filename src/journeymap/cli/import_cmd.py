"""`journeymap import`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli import exits


class SourceFormat(StrEnum):
    mermaid = "mermaid"
    ems = "ems"


def import_journeys(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Mermaid files (.mmd, or Markdown with ```mermaid journey blocks) or "
            "Enablement Map Studio YAML files.",
            show_default=False,
            metavar="SOURCE",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write one <journey id>.yaml per journey into (created when "
            "missing). Without it, a single journey is written to stdout.",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    source_format: Annotated[
        SourceFormat | None,
        typer.Option(
            "--from",
            help="The sources' format; default: told from their content.",
            show_default=False,
        ),
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel",
            help="Name of the one channel of Mermaid journeys (Mermaid has none); "
            "default 'Unspecified'.",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite journey files that already exist.")
    ] = False,
) -> None:
    """Bring journeys in from Mermaid `journey` diagrams or Enablement Map Studio YAML.

    Each journey becomes a journey file, with comments saying where it came from and what
    was guessed; `journeymap lint` on it then lists what to complete. Sources are only read.
    """
    from journeymap.diagnostics import Diagnostic
    from journeymap.importers.common import ImportProblem
    from journeymap.importers.run import import_source, name_outputs
    from journeymap.load.limits import Limits
    from journeymap.load.source import read_text
    from journeymap.output.atomic import InputGuard, OutputError, write_atomic
    from journeymap.output.journey_yaml import dump_imported

    limits = Limits.from_env()
    found = []
    for source in sources:
        text = read_text(source, limits)
        if isinstance(text, Diagnostic):
            exits.fail(f"{source}: {text.message}")
        try:
            journeys = import_source(
                text, str(source), source_format.value if source_format else None, channel
            )
        except ImportProblem as problem:
            place = f"{source}:{problem.line}" if problem.line else str(source)
            exits.fail(f"{place}: {problem.message}")
        for journey in journeys:
            for warning in journey.warnings:
                place = f"{source}:{warning.line}" if warning.line else str(source)
                sys.stderr.write(f"{place}: warning: {warning.message}\n")
        found.extend(journeys)

    if output is None:
        if len(found) > 1:
            exits.fail(
                f"{len(found)} journeys found ({', '.join(j.id for j in found[:5])}"
                f"{', ...' if len(found) > 5 else ''}); write them to a folder with -o DIR"
            )
        sys.stdout.write(dump_imported(found[0]))
        return

    if output.exists() and not output.is_dir():
        exits.fail(f"{output}: is a file; -o takes a folder, where each journey gets <id>.yaml")
    names = name_outputs(found)
    targets = [output / f"{name}.yaml" for name in names]
    guard = InputGuard(sources)
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        exits.fail(
            f"{', '.join(existing[:3])}{' and more' if len(existing) > 3 else ''} already "
            "exist(s); use --force to overwrite"
        )
    try:
        for target in targets:
            guard.check(target)
        output.mkdir(parents=True, exist_ok=True)
    except OutputError as exc:
        exits.fail(str(exc))
    except OSError as exc:
        exits.fail(f"{output}: cannot create the folder: {exc.strerror or exc}")
    for journey, target in zip(found, targets, strict=True):
        try:
            write_atomic(target, dump_imported(journey))
        except OutputError as exc:
            exits.fail(str(exc))
        sys.stdout.write(f"{target}\n")


def register(app: typer.Typer) -> None:
    app.command("import")(import_journeys)
