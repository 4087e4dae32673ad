"""Options shared by several commands, declared once.

Choice lists are the library's own types (typer reads a Literal's values as it reads an
enum's), imported from modules that import nothing heavy, so that `--help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, ClassVar

import typer
from typer.core import TyperArgument, TyperCommand

from journeymap.output.console import ColorMode


class Command(TyperCommand):
    """typer's command, its `--help` naming each argument by its metavar alone.

    typer prints an argument's Python type after its name even when a metavar is given
    (`PATH <list[Path]>`); users read the metavar, a word of theirs. Every command is
    declared with `cls=Command` (a test walks every `--help` for type names).

    `retired`: short flags a command no longer declares, because another command gives
    the same letter another meaning, each with its long option and that other meaning.
    They still work, with a one-line warning, so that scripts keep running."""

    retired: ClassVar[Mapping[str, tuple[str, str]]] = {}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if self.retired:
            args = self._unretired(args)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def _unretired(self, args: list[str]) -> list[str]:
        """`args` with each retired short flag (`-j FILE`, `-jFILE`) written long."""
        out: list[str] = []
        warned: set[str] = set()
        for at, arg in enumerate(args):
            if arg == "--":
                return [*out, *args[at:]]
            short = arg[:2]
            if short in self.retired and not arg.startswith("--"):
                long, elsewhere = self.retired[short]
                if short not in warned:
                    warned.add(short)
                    sys.stderr.write(
                        f"journeymap: warning: {short} is deprecated here, write {long} "
                        f"({short} means {elsewhere} elsewhere)\n"
                    )
                arg = long if arg == short else f"{long}={arg[2:]}"
            out.append(arg)
        return out

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                if param.metavar is not None:
                    record = (param.metavar, record[1])
                arguments.append(record)
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


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
