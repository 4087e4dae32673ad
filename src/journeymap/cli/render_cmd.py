"""`journeymap render`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.options import ExcludeOption, JobsOption, PathsArgument

if TYPE_CHECKING:
    from journeymap.render.dot import Options
    from journeymap.render.engine import Engine


class RenderFormat(StrEnum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"
    mmd = "mmd"


class View(StrEnum):
    map = "map"
    path = "path"
    emotion = "emotion"


class ThemeName(StrEnum):
    default = "default"
    dark = "dark"
    print = "print"


def _show_fields(value: str | None) -> frozenset[str]:
    from journeymap.render.dot import SHOW_FIELDS

    if not value:
        return frozenset()
    fields = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(fields - set(SHOW_FIELDS))
    if unknown:
        exits.fail(
            f"--show: unknown field {', '.join(unknown)}; choose among {', '.join(SHOW_FIELDS)}"
        )
    return frozenset(fields)


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
    ] = View.map,
    theme: Annotated[
        ThemeName, typer.Option("--theme", "-t", help="Colours: default, dark, or print (grey).")
    ] = ThemeName.default,
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
    from journeymap.cli.loading import load_valid
    from journeymap.output.atomic import InputGuard, OutputError
    from journeymap.render.dot import Options
    from journeymap.render.engine import EngineError
    from journeymap.render.pipeline import PlanError, execute, per_journey_folder, plan
    from journeymap.render.themes import THEMES

    fields = _show_fields(show)
    if output and output.endswith(("/", os.sep)):
        try:
            Path(output).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            exits.fail(f"{output}: cannot create the folder: {exc.strerror or exc}")
    options = Options(THEMES[theme.value], fields, emotion, compact=compact)
    folder = per_journey_folder(output)
    if folder is not None:
        # one file per journey: the workers load and draw their own files
        fmt = output_format.value if output_format else "svg"
        written = _draw_each(paths, exclude, folder, fmt, options, view.value, verbose, jobs)
        _say_written(written)
        return

    loaded = load_valid(paths, exclude)
    journeys = [journey for _, journey in loaded]
    guard = InputGuard(path for path, _ in loaded)
    if output not in {None, "-"}:
        try:
            guard.check(Path(str(output)))
        except OutputError as exc:
            exits.fail(str(exc))
    try:
        chosen = plan(journeys, output, output_format.value if output_format else None)
    except PlanError as exc:
        exits.fail(str(exc))
    for job in chosen.jobs:
        if job.target is not None:
            try:
                guard.check(job.target)
            except OutputError as exc:
                exits.fail(str(exc))
            _check_folder(job.target)
        elif chosen.fmt in {"png", "pdf"} and sys.stdout.isatty():
            exits.fail(
                f"refusing to write {chosen.fmt.upper()} bytes to a terminal; "
                "redirect stdout or use -o FILE"
            )
    engine = _engine(chosen.fmt, verbose)
    try:
        with _progress(len(chosen.jobs)) as done:
            execute(chosen, options, engine, view.value, done=done, jobs=jobs)
    except (EngineError, OutputError) as exc:
        exits.fail(str(exc))
    _say_written([job.target for job in chosen.jobs if job.target is not None])


def _draw_each(
    paths: list[Path],
    exclude: list[str] | None,
    folder: Path,
    fmt: str,
    options: Options,
    view: str,
    verbose: bool,
    jobs: int | None,
) -> list[Path]:
    """`render` with one output per input file, in `folder`."""
    from journeymap.cli.loading import fail_invalid, journey_paths
    from journeymap.output.atomic import InputGuard, OutputError
    from journeymap.render.engine import EngineError
    from journeymap.render.pipeline import Batch, InvalidInputs, PlanError, draw_files

    files = journey_paths(paths, exclude)
    _check_folder(folder / "journey")
    engine = _engine(fmt, verbose)
    batch = Batch(folder, fmt, options, engine, view, os.urandom(6).hex())
    try:
        with _progress(len(files)) as done:
            return draw_files(files, batch, InputGuard(files), done, jobs)
    except InvalidInputs as invalid:
        fail_invalid(invalid.diagnostics, len(files), invalid.unreadable)
    except (EngineError, OutputError, PlanError) as exc:
        exits.fail(str(exc))


def _engine(fmt: str, verbose: bool) -> Engine | None:
    """The layout program a format needs (None for DOT and Mermaid), or exit 2."""
    from journeymap.render.engine import EngineError, describe, find_engine
    from journeymap.render.pipeline import ENGINE_FORMATS

    engine = None
    if fmt in ENGINE_FORMATS:
        try:
            engine = find_engine()
        except EngineError as exc:
            exits.fail(str(exc))
    if verbose:
        drawn = describe(engine) if engine else "no renderer (DOT and Mermaid are written as text)"
        sys.stderr.write(f"renderer: {drawn}\n")
    return engine


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None] | None]:
    """A progress bar on a terminal for several outputs; `done` advances it."""
    if total <= 1 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Rendering", total=total)
        yield lambda: progress.advance(task)


def _say_written(written: list[Path]) -> None:
    if written:
        names = ", ".join(str(path) for path in written[:3])
        more = f" and {len(written) - 3} more" if len(written) > 3 else ""
        sys.stderr.write(f"wrote {names}{more}\n")


def _check_folder(target: Path) -> None:
    """Fail before any rendering when the output folder is missing or read-only."""
    folder = target.parent if str(target.parent) else Path()
    if folder.exists() and not folder.is_dir():
        exits.fail(f"{target}: {folder} is a file, not a folder; choose another output path")
    if not folder.is_dir():
        exits.fail(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        exits.fail(f"{target}: folder {folder} is not writable")


def register(app: typer.Typer) -> None:
    app.command("render")(render)
