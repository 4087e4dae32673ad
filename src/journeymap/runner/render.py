"""`render` from the files found to the files written: every output checked before the
first drawing, one output per journey drawn in workers, the rest in threads."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeymap.runner.errors import InvalidInputs, Refused, refusing

if TYPE_CHECKING:
    from journeymap.render.dot import Options
    from journeymap.render.engine import Engine
    from journeymap.render.formats import RenderFormat, ThemeName, View

Tell = Callable[[str], None]
"""Hears a line for the user (on standard error), such as which renderer drew."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """What the options of `render` ask for, checked."""

    output: str | None
    fmt: RenderFormat | None
    view: View
    options: Options


def show_fields(value: str | None) -> frozenset[str]:
    """`--show owner,metrics`: the extra details of each cell, or Refused naming the unknown."""
    from journeymap.render.dot import SHOW_FIELDS

    if not value:
        return frozenset()
    fields = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(fields - set(SHOW_FIELDS))
    if unknown:
        raise Refused(
            f"--show: unknown field {', '.join(unknown)}; choose among {', '.join(SHOW_FIELDS)}"
        )
    return frozenset(fields)


def drawing(
    output: str | None,
    fmt: RenderFormat | None,
    view: View,
    theme: ThemeName,
    show: str | None,
    emotion: bool,
    compact: bool,
) -> Drawing:
    """The options checked, and the folder of `-o DIR/` created, before any file is read."""
    from journeymap.output.atomic import OutputError
    from journeymap.output.folders import make_folder, names_folder
    from journeymap.render.dot import Options
    from journeymap.render.themes import THEMES

    fields = show_fields(show)
    if output and names_folder(output):
        with refusing(OutputError):
            make_folder(output)
    return Drawing(output, fmt, view, Options(THEMES[theme], fields, emotion, compact=compact))


def draw(
    files: Sequence[Path],
    chosen: Drawing,
    jobs: int | None,
    tell: Tell | None = None,
    warn: Tell | None = None,
) -> list[Path]:
    """Draw `files` as `chosen` says; the files written, in input order.

    One output per journey (no -o, or -o naming a folder) is drawn by workers that load
    their own files; one drawing of several journeys, or standard output, from models
    loaded here. `tell`, when given, hears which renderer draws; `warn`, what the user
    should know about a file written (a PNG Graphviz shrank to fit).
    """
    from journeymap.render.pipeline import per_journey_folder

    folder = per_journey_folder(chosen.output)
    if folder is not None:
        return _draw_each(files, folder, chosen.fmt or "svg", chosen, jobs, tell, warn)
    return _draw_together(files, chosen, jobs, tell, warn)


def _draw_each(
    files: Sequence[Path],
    folder: Path,
    fmt: RenderFormat,
    chosen: Drawing,
    jobs: int | None,
    tell: Tell | None,
    warn: Tell | None,
) -> list[Path]:
    from journeymap.output.atomic import InputGuard, OutputError
    from journeymap.output.folders import check_folder
    from journeymap.output.progress import progress
    from journeymap.render import pipeline
    from journeymap.render.engine import EngineError

    with refusing(OutputError):
        check_folder(folder / "journey")
    engine = _engine(fmt, tell)
    batch = pipeline.Batch(folder, fmt, chosen.options, engine, chosen.view, os.urandom(6).hex())
    try:
        with (
            refusing(EngineError, OutputError, pipeline.PlanError),
            progress(len(files), "Rendering") as done,
        ):
            return pipeline.draw_files(files, batch, InputGuard(files), done, jobs, warn)
    except pipeline.InvalidInputs as invalid:
        raise InvalidInputs(invalid.diagnostics, len(files), invalid.unreadable) from None


def _draw_together(
    files: Sequence[Path],
    chosen: Drawing,
    jobs: int | None,
    tell: Tell | None,
    warn: Tell | None,
) -> list[Path]:
    from journeymap.output.atomic import InputGuard, OutputError
    from journeymap.output.folders import check_folder
    from journeymap.output.progress import progress
    from journeymap.render.engine import EngineError
    from journeymap.render.pipeline import PlanError, execute, plan
    from journeymap.runner.inputs import load_valid

    loaded = load_valid(files)
    guard = InputGuard(path for path, _ in loaded)
    with refusing(OutputError, PlanError):
        if chosen.output not in {None, "-"}:
            guard.check(Path(str(chosen.output)))
        planned = plan([journey for _, journey in loaded], chosen.output, chosen.fmt)
        for job in planned.jobs:
            if job.target is not None:
                guard.check(job.target)
                check_folder(job.target)
            elif planned.fmt in {"png", "pdf"} and sys.stdout.isatty():
                raise Refused(
                    f"refusing to write {planned.fmt.upper()} bytes to a terminal; "
                    "redirect stdout or use -o FILE"
                )
    engine = _engine(planned.fmt, tell)
    with refusing(EngineError, OutputError), progress(len(planned.jobs), "Rendering") as done:
        execute(planned, chosen.options, engine, chosen.view, done=done, jobs=jobs, warn=warn)
    return [job.target for job in planned.jobs if job.target is not None]


def _engine(fmt: str, tell: Tell | None) -> Engine | None:
    """The layout program a format needs (None for DOT and Mermaid)."""
    from journeymap.render.engine import EngineError, describe, find_engine
    from journeymap.render.formats import ENGINE_FORMATS

    engine = None
    if fmt in ENGINE_FORMATS:
        with refusing(EngineError):
            engine = find_engine()
    if tell is not None:
        drawn = describe(engine) if engine else "no renderer (DOT and Mermaid are written as text)"
        tell(f"renderer: {drawn}")
    return engine
