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
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast, get_args

if TYPE_CHECKING:
    from journeymap.output.reporters import ReportFormat
    from journeymap.render.formats import RenderFormat
    from journeymap.runner.lint import LintFormat
    from journeymap.severity import Severity


@dataclass(frozen=True, slots=True)
class Quick:
    command: str
    output_format: str
    """One of the command's formats (checked by `parse`)."""
    paths: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    fail_on: str | None = None
    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    output: str | None = None


@dataclass(frozen=True, slots=True)
class _Option:
    """An option as the typer command declares it (`validate_cmd`, `lint_cmd`, `options`)."""

    field: str
    names: tuple[str, ...]
    many: bool = False
    """Repeatable: every value is kept, in order."""


_COMMON = (
    _Option("output_format", ("--format", "-f")),
    _Option("exclude", ("--exclude", "-x"), many=True),
    _Option("jobs", ("--jobs", "-j")),
)
_OPTIONS = {
    "validate": _COMMON,
    "lint": (
        *_COMMON,
        _Option("fail_on", ("--fail-on",)),
        _Option("config", ("--config", "-c")),
        _Option("select", ("--select",), many=True),
        _Option("ignore", ("--ignore",), many=True),
        _Option("output", ("--output", "-o")),
    ),
    "render": (*_COMMON, _Option("output", ("--output", "-o"))),
}


def _formats(command: str) -> tuple[str, ...]:
    if command == "render":
        from journeymap.render.formats import FORMATS

        return FORMATS
    if command == "validate":
        from journeymap.output.reporters import ReportFormat

        return get_args(ReportFormat)
    from journeymap.runner.lint import LintFormat

    return get_args(LintFormat)


def _utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_text(arg: str) -> bool:
    """A value click takes as it is: not empty, not an option, valid UTF-8."""
    return bool(arg) and not arg.startswith("-") and _utf8(arg)


def _plain_path(arg: str, directory: bool = True) -> bool:
    """A path click's `Path` type takes as it is: plain text, readable if it exists, and
    not a directory where the option wants a file."""
    if not _plain_text(arg):
        return False
    try:
        mode = Path(arg).stat().st_mode
    except (OSError, ValueError):
        return True  # click leaves a missing path to the command
    if not directory and stat.S_ISDIR(mode):
        return False
    return os.access(arg, os.R_OK)


def _value(field: str, command: str, value: str) -> object | None:
    """The option's value as typer would convert it, or None when typer must say why not."""
    if field == "output_format":
        return value if value in _formats(command) else None
    if field == "jobs":
        return int(value) if value.isascii() and value.isdigit() else None
    if field == "fail_on":
        from journeymap.severity import SEVERITIES

        return value if value in SEVERITIES else None
    if field == "config":
        return value if _plain_path(value, directory=False) else None
    if field == "output" and command == "render":  # typer's str: a file, a folder or '-'
        return value if value == "-" or _plain_text(value) else None
    if field == "output":
        return value if _plain_path(value) else None
    return value if _plain_text(value) else None


def parse(args: list[str]) -> Quick | None:
    """The invocation, when it is one of the simple ones; None sends it to typer."""
    if len(args) < 2 or args[0] not in _OPTIONS:
        return None
    command, rest = args[0], args[1:]
    by_name = {name: option for option in _OPTIONS[command] for name in option.names}
    values: dict[str, object] = {}
    paths: list[str] = []
    index = 0
    while index < len(rest):
        arg = rest[index]
        name, equals, attached = arg.partition("=")
        option = by_name.get(name if arg.startswith("--") else arg)
        if option is not None:
            if equals:
                raw = attached
            elif index + 1 < len(rest):
                index += 1
                raw = rest[index]
            else:
                return None
            value = _value(option.field, command, raw)
            if value is None:
                return None
            if option.many:
                kept = cast("tuple[object, ...]", values.get(option.field, ()))
                values[option.field] = (*kept, value)
            elif option.field in values:
                return None  # click keeps the last one silently; let it
            else:
                values[option.field] = value
        elif _plain_path(arg):
            paths.append(arg)
        else:
            return None
        index += 1
    if not paths:
        return None
    default = {"validate": "text", "lint": "auto", "render": ""}[command]
    return Quick(
        command,
        str(values.get("output_format", default)),
        tuple(paths),
        exclude=cast("tuple[str, ...]", values.get("exclude", ())),
        jobs=cast("int | None", values.get("jobs")),
        fail_on=cast("str | None", values.get("fail_on")),
        config=cast("str | None", values.get("config")),
        select=cast("tuple[str, ...]", values.get("select", ())),
        ignore=cast("tuple[str, ...]", values.get("ignore", ())),
        output=cast("str | None", values.get("output")),
    )


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
        exclude = list(quick.exclude) or None
        if quick.command == "render":
            fmt = cast("RenderFormat | None", quick.output_format or None)
            raise SystemExit(
                runs.render(
                    paths,
                    exclude,
                    quick.output,
                    fmt,
                    "map",
                    "default",
                    None,
                    True,  # --emotion
                    False,  # --compact
                    False,  # --verbose
                    quick.jobs,
                )
            )
        if quick.command == "validate":
            shown = cast("ReportFormat", quick.output_format)
            raise SystemExit(runs.validate(paths, exclude, shown, quick.jobs))
        chosen = cast("LintFormat", quick.output_format)
        raise SystemExit(
            runs.lint(
                paths,
                exclude,
                chosen,
                cast("Severity | None", quick.fail_on),
                Path(quick.config) if quick.config is not None else None,
                list(quick.select) or None,
                list(quick.ignore) or None,
                Path(quick.output) if quick.output is not None else None,
                quick.jobs,
            )
        )

    guard.run(command)
