"""`validate`, `lint` and `render` as pre-commit, editors and scripts call them, without typer.

typer, click and the pydantic adapters typer builds for every parameter cost about as much
CPU as yamllint's whole run on a file, and delay the first map's layout by as much. The
invocations pre-commit, editors and build scripts make (`journeymap validate FILE...`,
`journeymap lint --format text FILE...`, `journeymap render DIR -o OUT --format svg`)
are recognised here and run through the very same command bodies (`runs`); anything
else, including every error, help and unknown option, goes to the typer application
unchanged, so that messages and exit codes stay typer's. `tests/test_quick.py` runs both
paths on the same argument lists and compares exit codes and both streams byte for byte.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast, get_args

if TYPE_CHECKING:
    from journeymap.output.reporters import ReportFormat
    from journeymap.render.formats import RenderFormat
    from journeymap.runner.lint import LintFormat


@dataclass(frozen=True, slots=True)
class Quick:
    command: str
    output_format: str
    """One of the command's formats (checked by `parse`)."""
    paths: tuple[str, ...]
    output: str | None = None
    """`render -o`: a file, a folder or '-' (None: the current folder)."""


def _formats(command: str) -> tuple[str, ...]:
    if command == "render":
        from journeymap.render.formats import FORMATS

        return FORMATS
    if command == "validate":
        from journeymap.output.reporters import ReportFormat

        return get_args(ReportFormat)
    from journeymap.runner.lint import LintFormat

    return get_args(LintFormat)


def _plain_path(arg: str) -> bool:
    """A path typer would take as it is: not an option, not empty, valid UTF-8."""
    if not arg or arg.startswith("-"):
        return False
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse(args: list[str]) -> Quick | None:
    """The invocation, when it is one of the simple ones; None sends it to typer."""
    if len(args) < 2 or args[0] not in ("validate", "lint", "render"):
        return None
    command, rest = args[0], args[1:]
    output_format = {"validate": "text", "lint": "auto", "render": ""}[command]
    output: str | None = None
    chosen = False
    paths: list[str] = []
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in ("--format", "-f") or arg.startswith("--format="):
            if chosen:
                return None
            value = _value(rest, index)
            if value is None or value not in _formats(command):
                return None
            index += "=" not in arg
            output_format, chosen = value, True
        elif command == "render" and (arg in ("--output", "-o") or arg.startswith("--output=")):
            value = _value(rest, index)
            if output is not None or value is None or not (value == "-" or _plain_path(value)):
                return None
            index += "=" not in arg
            output = value
        elif _plain_path(arg):
            paths.append(arg)
        else:
            return None
        index += 1
    return Quick(command, output_format, tuple(paths), output) if paths else None


def _value(rest: list[str], index: int) -> str | None:
    """The value of the option at `index`: after its '=', else the next argument."""
    arg = rest[index]
    if "=" in arg:
        return arg.partition("=")[2]
    return rest[index + 1] if index + 1 < len(rest) else None


def run(quick: Quick) -> NoReturn:
    """The command, as typer would have run it."""
    from journeymap.cli import guard, runs

    # The start-up is over: keep what it made out of every later collection, as
    # journeymap.cli.app._end_start_up does (loads pause the collector on their own, and
    # import the models only for a file quickcheck cannot vouch for).
    gc.freeze()
    gc.enable()
    paths = [Path(p) for p in quick.paths]

    def command() -> NoReturn:
        if quick.command == "render":
            fmt = cast("RenderFormat", quick.output_format or None)
            raise SystemExit(
                runs.render(
                    paths, None, quick.output, fmt, "map", "default", None, True, False, False, None
                )
            )
        if quick.command == "validate":
            shown = cast("ReportFormat", quick.output_format)
            raise SystemExit(runs.validate(paths, None, shown, None))
        chosen = cast("LintFormat", quick.output_format)
        raise SystemExit(runs.lint(paths, None, chosen, None, None, None, None, None, None))

    guard.run(command)
