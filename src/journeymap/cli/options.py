"""Options shared by several commands, declared once.

Choice lists are the library's own types (typer reads a Literal's values as it reads an
enum's), imported from modules that import nothing heavy, so that `--help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeymap.output.console import ColorMode

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Journey files, or directories searched for *.yaml and *.yml.",
        show_default=False,
        metavar="PATH",
    ),
]

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        metavar="N",
        help="Worker processes; default one per core, 1 to debug. Output order never changes.",
        show_default=False,
    ),
]

ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        "-x",
        metavar="GLOB",
        help="Skip files found in folders that match GLOB ('ci/*', 'docker-*.yml', 'drafts'); "
        "repeatable. Files named on the command line are always read.",
        show_default=False,
    ),
]

OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (atomically) instead of standard output.",
        show_default=False,
        dir_okay=False,
    ),
]

ColorOption = Annotated[
    ColorMode,
    typer.Option(
        "--color",
        help="Colour in the text format: auto (terminal, honours NO_COLOR), always, never.",
    ),
]
