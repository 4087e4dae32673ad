"""The `journeymap` command: a thin typer layer over the library.

Only typer and the standard library are imported here. The commands are loaded lazily:
`journeymap --help` lists them from the table below without importing one, and
`journeymap lint ...` imports and converts the lint command alone (typer otherwise
builds every command's parameters, with a pydantic adapter each, on every run). Each
command imports the heavy parts (pydantic, rich, graphviz) when it runs, so `--help`
and `--version` stay about as fast as `import typer` itself.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator, MutableMapping
from functools import wraps
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from journeymap import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "validate_cmd",
        "Check journey files against the format: syntax, keys, values and references.",
    ),
    "lint": (
        "lint_cmd",
        """Check journeys against the method: scope, stakeholders, the customer's "je", """
        "the diagnosis.",
    ),
    "rules": (
        "rules_cmd",
        "List the lint rules (code, name, severity, summary), or document one of them.",
    ),
    "matrix": (
        "matrix_cmd",
        "Show the channels x stages matrix of each journey, then the moments they share.",
    ),
    "render": (
        "render_cmd",
        "Draw journey maps: stages across, channels down, the customer's path and emotion.",
    ),
    "schema": (
        "schema_cmd",
        "Print the JSON Schema of the journey format (for editors' YAML language server).",
    ),
    "import": (
        "import_cmd",
        "Bring journeys in from Mermaid `journey` diagrams or Enablement Map Studio YAML.",
    ),
    "diff": ("diff_cmd", "Show what changed in the journeys, in the method's words."),
    "site": (
        "site_cmd",
        "Build a static site of every journey: index, maps, matrices, priorities, portfolio.",
    ),
    "metrics": (
        "metrics_cmd",
        "Feedback metrics: import NPS, CSAT and CES from survey exports; plan what to ask.",
    ),
}
"""Each command's module in journeymap.cli (whose `register(app)` adds it) and the first
paragraph of its help, which `--help` lists; a test keeps them equal to the commands'."""


_start_up = {"collector_off": False}


_WITHOUT_MODEL = frozenset({"validate", "lint", "render"})
"""Commands that read valid files as plain objects (`journeymap.model.plain`): the
pydantic models are built only for a file that needs them."""


def _end_start_up(model: bool = True) -> None:
    """Import the journey model, keep all start-up made for good, and collect from now on.

    `journeymap.cli.entry` turns the cyclic garbage collector off before any import:
    start-up allocates only what lives as long as the process (modules, classes, the
    model's validators), which collections during it would rescan again and again. The
    commands that use the journey model (`model`: all but validate and lint, which read
    valid files as plain objects) import it here, before the collector comes back;
    `gc.freeze` then sets everything made so far apart, so that no later collection
    scans it. A one-file run takes about a fifth less CPU time.
    """
    if not _start_up["collector_off"]:
        return  # called in-process (tests, scripts): their collector is left as it is
    _start_up["collector_off"] = False
    if model:
        import_module("journeymap.model.journey")
    gc.freeze()
    gc.enable()


def _after_start_up(command: Any, model: bool = True) -> Any:
    """The command, its callback (and its subcommands') first ending the start-up."""
    callback: Callable[..., Any] | None = command.callback
    if callback is not None:
        run = callback

        @wraps(run)
        def started(*args: Any, **kwargs: Any) -> Any:
            _end_start_up(model)
            return run(*args, **kwargs)

        command.callback = started
    for sub in getattr(command, "commands", {}).values():
        _after_start_up(sub, model)
    return command


def load_command(name: str) -> Any:
    """The click command of one subcommand, built from its module alone."""
    module = import_module(f"journeymap.cli.{COMMANDS[name][0]}")
    single = typer.Typer(add_completion=False, rich_markup_mode=None)
    module.register(single)
    return _after_start_up(
        typer.main.get_group(single).commands[name], model=name not in _WITHOUT_MODEL
    )


class _LazyCommands(MutableMapping[str, Any]):
    """The subcommands by name, in the table's order; a command is built when first read."""

    def __init__(self) -> None:
        self.loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            self.loaded[name] = load_command(name)
        return self.loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self.loaded if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self.loaded)

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self.loaded


class LazyGroup(TyperGroup):
    """typer's group, its commands imported only when one is run (click's LazyGroup)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        lazy = _LazyCommands()
        lazy.loaded.update(self.commands)
        self.commands = lazy

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The list in `--help`, from each command's summary: nothing is imported."""
        assert isinstance(self.commands, _LazyCommands)
        loaded = self.commands.loaded
        summaries = {
            name: loaded.get(name) or TyperCommand(name=name, help=COMMANDS[name][1])
            for name in self.commands
        }
        stubs = TyperGroup(name=self.name, commands=summaries)
        stubs.format_commands(ctx, formatter)


app = typer.Typer(
    name="journeymap",
    help="Customer journeys as code: validate, lint, render and tabulate journey YAML files.",
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"journeymap {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Customer journeys as code: validate, lint, render and tabulate journey YAML files."""


def main(collector_off: bool = False) -> None:
    """Run the CLI; no Python traceback ever reaches the user (`guard`).

    `collector_off`: the entry point turned the garbage collector off for the start-up;
    the command turns it back on (`_end_start_up`).
    """
    from journeymap.cli import guard

    _start_up["collector_off"] = collector_off
    guard.run(lambda: app(prog_name="journeymap"))
