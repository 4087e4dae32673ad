"""The `journeymap` command: a thin typer layer over the library.

Only typer and the standard library are imported here and in the command modules' top
level; each command imports the heavy parts (pydantic, rich, graphviz) when it runs, so
`journeymap --help` and `--version` stay about as fast as `import typer` itself.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from journeymap import __version__
from journeymap.cli import exits

app = typer.Typer(
    name="journeymap",
    help="Customer journeys as code: validate, lint, render and tabulate journey YAML files.",
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


def _register() -> None:
    from journeymap.cli import (
        diff_cmd,
        import_cmd,
        lint_cmd,
        matrix_cmd,
        metrics_cmd,
        render_cmd,
        rules_cmd,
        schema_cmd,
        site_cmd,
        validate_cmd,
    )

    for module in (
        validate_cmd,
        lint_cmd,
        rules_cmd,
        matrix_cmd,
        render_cmd,
        schema_cmd,
        import_cmd,
    ):
        module.register(app)
    diff_cmd.register(app)
    metrics_cmd.register(app)
    site_cmd.register(app)


_register()


def main() -> None:
    """Run the CLI; no Python traceback ever reaches the user."""
    from journeymap import signals
    from journeymap.output import streams

    # Scanning entry points for pydantic plugins costs ~15 ms a run; a CLI has no use for it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    signals.install()
    streams.prepare()
    code: int | str | None = exits.OK
    try:
        try:
            app(prog_name="journeymap")
        except SystemExit as done:
            code = done.code
        streams.finish()
    except signals.Interrupted as stop:
        streams.silence_stdout()
        sys.stderr.write("journeymap: interrupted\n")
        code = stop.code
    except streams.StreamClosed:
        streams.silence_stdout()
        code = exits.PIPE_CLOSED
    except streams.StreamError as exc:
        streams.silence_stdout()
        sys.stderr.write(f"journeymap: error: {exc}\n")
        code = exits.USAGE
    except Exception as exc:
        if os.environ.get("JOURNEYMAP_DEBUG"):
            raise
        sys.stderr.write(
            f"journeymap: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in journeymap; please report it with the input that caused it "
            "(JOURNEYMAP_DEBUG=1 shows the traceback).\n"
        )
        code = exits.INTERNAL
    raise SystemExit(code)
