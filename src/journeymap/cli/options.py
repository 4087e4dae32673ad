"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class LintFormat(StrEnum):
    """`auto` is github inside GitHub Actions (annotations on the diff), text elsewhere."""

    auto = "auto"
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


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
