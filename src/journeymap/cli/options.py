"""Options shared by several commands, declared once.

Choice lists are the library's own types (typer reads a Literal's values as it reads an
enum's), imported from modules that import nothing heavy, so that `--help` stays fast.
"""

from __future__ import annotations

import contextlib
import os
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
    They still work, with a one-line warning, so that scripts keep running.

    The usage line writes arguments as click and man pages do (`PATH...`, `[RULE]`),
    not in typer's braces (`{PATH}...`, `{OLD NEW | REV [PATH...]}...`)."""

    retired: ClassVar[Mapping[str, tuple[str, str]]] = {}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if self.retired:
            args = self._unretired(args, self._takes_value(ctx))
        given = list(args)  # click's parser takes the arguments out of the list
        try:
            result: list[str] = super().parse_args(ctx, args)
        except Exception as error:
            # click's usage error (exit 2), from click or from the copy newer typer carries
            named = _file_read_as_option(given)
            said = getattr(error, "message", None)
            if named is not None and isinstance(said, str) and getattr(error, "exit_code", 0) == 2:
                # `validate -x.yaml`: -x took ".yaml" as its value, and PATH was missing
                hint = f"{named!r} is a file: write ./{named}, or put the files after --"
                error.message = f"{said} ({hint})" if said else f"({hint})"  # type: ignore[attr-defined]
            raise
        return result

    def _takes_value(self, ctx: Any) -> dict[str, bool]:
        """Each option name of the command (short and long), and whether a value follows it."""
        names: dict[str, bool] = {}
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                continue
            flag = bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
            for name in (*param.opts, *getattr(param, "secondary_opts", ())):
                names[name] = not flag
        return names

    def _unretired(self, args: list[str], takes_value: Mapping[str, bool]) -> list[str]:
        """`args` with each retired short flag written long: `-j FILE`, `-jFILE`, and inside
        a group of short flags (`-kc ID`, `-kcID` become `-k --channel ID`, `-k
        --channel=ID`), as click reads a group. An option's value is never read as a flag
        (`--title -c`), nor is anything after `--`."""
        out: list[str] = []
        warned: set[str] = set()
        at = 0
        while at < len(args):
            arg = args[at]
            at += 1
            if arg == "--":
                return [*out, *args[at - 1 :]]
            if arg.startswith("--") or not arg.startswith("-") or arg == "-":
                out.append(arg)
                if "=" not in arg and takes_value.get(arg, False):
                    out.extend(args[at : at + 1])  # its value, whatever it looks like
                    at += 1
                continue
            pieces, value_follows = self._group(arg, takes_value, warned)
            out.extend(pieces)
            if value_follows:
                out.extend(args[at : at + 1])
                at += 1
        return out

    def _group(
        self, arg: str, takes_value: Mapping[str, bool], warned: set[str]
    ) -> tuple[list[str], bool]:
        """A group of short flags (`-kc`, `-kcID`, `-v`): the arguments it stands for, and
        whether the next argument is the value of its last option. Left whole when it holds
        no retired flag or a letter the command does not know (click names that letter)."""
        pieces: list[str] = []
        for index in range(1, len(arg)):
            short, rest = f"-{arg[index]}", arg[index + 1 :]
            if short in self.retired:
                long, elsewhere = self.retired[short]
                if short not in warned:
                    warned.add(short)
                    sys.stderr.write(
                        f"journeymap: warning: {short} is deprecated here, write {long} "
                        f"({short} means {elsewhere} elsewhere)\n"
                    )
                return [*pieces, f"{long}={rest}" if rest else long], not rest
            if short not in takes_value:
                return [arg], False
            if takes_value[short]:
                return [arg], not rest  # a value starts here: no retired flag in it
            pieces.append(short)
        return [arg], False

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(_usage_piece(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

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


def _file_read_as_option(args: list[str]) -> str | None:
    """The first argument before `--` that click reads as options but names a file here
    (`-x.yaml`), for the usage error it caused."""
    for arg in args:
        if arg == "--":
            return None
        if arg.startswith("-") and not arg.startswith("--") and arg != "-":
            with contextlib.suppress(OSError, ValueError):
                if os.path.lexists(arg):
                    return arg
    return None


def _usage_piece(argument: TyperArgument) -> str:
    """`PATH...` for one or more, `[RULE]` for an optional one; a metavar that already says
    how many (`OLD NEW | REV [PATH...]`) is left as it is."""
    name = argument.display_name_raw
    if argument.nargs != 1 and "..." not in name:
        name += "..."
    return name if argument.required else f"[{name}]"


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
