"""`journeymap import`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.options import Command
from journeymap.runner.imports import SourceFormat


def import_journeys(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Mermaid files (.mmd, or Markdown or HTML with mermaid journey blocks) or "
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
            "missing), or a .yaml file for a single journey. Without it, or with '-', a "
            "single journey is written to stdout.",
            metavar="DIR|FILE",
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
    from journeymap.load.source import is_folder
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs
    from journeymap.runner.imports import import_sources, single_journey, write_journeys

    if output is not None and str(output) == "-":
        # `-o -` is standard output, as `render -o -` is: it made a folder named '-'.
        output = None
    with exits.handled(OutputError):
        if output is not None and not is_folder(output):
            # before the import, whose warnings came first and said nothing of it
            refuse_overwriting_inputs(output, sources)
        found = import_sources(sources, source_format, channel)
        if found.warnings:
            exits.report(found.warnings, len(sources), "import")
        if output is None:
            sys.stdout.write(single_journey(found.journeys))
            return
        write_journeys(found.journeys, output, sources, force, _wrote)


def _wrote(target: Path) -> None:
    from journeymap.textsafe import visible

    sys.stdout.write(f"{visible(str(target))}\n")


def register(app: typer.Typer) -> None:
    app.command("import", cls=Command)(import_journeys)
