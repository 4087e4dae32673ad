"""`journeymap render`."""

from __future__ import annotations

from typing import Annotated

import typer

from journeymap.cli.options import Command, ExcludeOption, JobsOption, PathsArgument
from journeymap.render.formats import RenderFormat, ThemeName, View


def render(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="FILE.svg|png|pdf|dot|mmd draws all inputs on one map (a comparison when "
            "several); DIR writes <journey id>.<ext> per journey; '-' writes to stdout. "
            "Default: one file per journey in the current folder.",
            metavar="OUT",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format when -o does not name one (DIR, '-' or no -o); default svg.",
            show_default=False,
        ),
    ] = None,
    view: Annotated[
        View,
        typer.Option(
            "--view",
            help="map: the grid of stages and channels; path: the customer's path as a "
            "storyline; emotion: the emotion curve alone. Ignored by .mmd.",
        ),
    ] = "map",
    theme: Annotated[
        ThemeName, typer.Option("--theme", "-t", help="Colours: default, dark, or print (grey).")
    ] = "default",
    show: Annotated[
        str | None,
        typer.Option(
            "--show",
            help="Extra details in each cell, comma-separated: owner, metrics, volume.",
            metavar="FIELDS",
            show_default=False,
        ),
    ] = None,
    emotion: Annotated[
        bool,
        typer.Option("--emotion/--no-emotion", help="Draw the emotion curve above the grid."),
    ] = True,
    compact: Annotated[
        bool,
        typer.Option(
            "--compact",
            help="Counts of delights, irritants and breakpoints in each cell instead of "
            "their words.",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Say which renderer drew (program and version)."),
    ] = False,
    jobs: JobsOption = None,
) -> None:
    """Draw journey maps: stages across, channels down, the customer's path and emotion.

    Several files into one -o FILE are compared on one grid, shared moments marked.

    The same input always gives the same bytes, so rendered maps diff cleanly in git.
    """
    from journeymap.cli import runs

    raise typer.Exit(
        runs.render(
            paths,
            exclude,
            output,
            output_format,
            view,
            theme,
            show,
            emotion,
            compact,
            verbose,
            jobs,
        )
    )


def register(app: typer.Typer) -> None:
    app.command("render", cls=Command)(render)
