"""From journeys to the bytes of one output file, and where each file goes.

The command line only parses options; the decisions (which format, one drawing or one
per journey, which names) are made here so they can be tested without a terminal.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from journeymap.model.journey import Journey
from journeymap.output.atomic import write_atomic
from journeymap.parallel import iter_per_file
from journeymap.render.dot import Options, build_dot
from journeymap.render.engine import Engine, run, stop_children
from journeymap.render.mermaid import build_mermaid
from journeymap.views.grid import build_grid, emotion_view, path_view

FORMATS = ("svg", "png", "pdf", "dot", "mmd")
ENGINE_FORMATS = frozenset({"svg", "png", "pdf"})
SUFFIXES = {"gv": "dot", "mermaid": "mmd"}


class PlanError(Exception):
    """Options that cannot be satisfied together; the message says how to fix them."""


def format_of(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    suffix = SUFFIXES.get(suffix, suffix)
    return suffix if suffix in FORMATS else None


@dataclass(frozen=True, slots=True)
class Job:
    """One output: the journeys drawn together, and where the bytes go (None: stdout)."""

    journeys: tuple[Journey, ...]
    target: Path | None


@dataclass(frozen=True, slots=True)
class Plan:
    fmt: str
    jobs: tuple[Job, ...]


def plan(journeys: Sequence[Journey], output: str | None, fmt: str | None) -> Plan:
    """Decide the format and the outputs from `-o` and `--format`.

    `-o FILE.ext` draws every journey on one grid (a comparison when there are several);
    `-o -` does the same on stdout; `-o DIR` or no `-o` writes `<journey id>.<ext>` per
    journey, in DIR or in the current folder.
    """
    every = tuple(journeys)
    if output == "-":
        return Plan(fmt or "svg", (Job(every, None),))
    if output is not None:
        path = Path(output)
        if path.is_dir():
            return _per_journey(every, path, fmt or "svg")
        found = format_of(path)
        if found is None and _is_special(path):
            return Plan(fmt or "svg", (Job(every, path),))  # -o /dev/null, a pipe, a device
        if found is None:
            if not path.suffix:
                raise PlanError(
                    f"{output}: no such folder; create it (or write {output}/) for one file "
                    "per journey, or give a file name ending in .svg, .png, .pdf, .dot or .mmd"
                )
            raise PlanError(
                f"{output}: cannot tell the format from '{path.suffix}'; "
                "use .svg, .png, .pdf, .dot or .mmd"
            )
        if fmt is not None and fmt != found:
            raise PlanError(
                f"{output}: the name says {found} but --format says {fmt}; "
                "drop --format or change the extension"
            )
        return Plan(found, (Job(every, path),))
    return _per_journey(every, Path(), fmt or "svg")


def _is_special(path: Path) -> bool:
    """An existing target that is not a file or folder: written through, format from --format."""
    try:
        return not (path.is_dir() or path.is_file()) and path.exists()
    except OSError:
        return False


def _per_journey(journeys: tuple[Journey, ...], folder: Path, fmt: str) -> Plan:
    seen: set[str] = set()
    for journey in journeys:
        if journey.id in seen:
            raise PlanError(
                f"two input files have the journey id '{journey.id}', so both would be "
                f"written to {folder / f'{journey.id}.{fmt}'}; give them distinct ids"
            )
        seen.add(journey.id)
    return Plan(fmt, tuple(Job((j,), folder / f"{j.id}.{fmt}") for j in journeys))


VIEWS = ("map", "path", "emotion")


def render(
    journeys: Sequence[Journey],
    fmt: str,
    options: Options,
    engine: Engine | None,
    view: str = "map",
) -> bytes:
    if fmt == "mmd":
        return build_mermaid(journeys).encode("utf-8")
    grid = build_grid(journeys)
    if view == "path":
        grid = path_view(grid)
    elif view == "emotion":
        grid = emotion_view(grid)
        options = replace(options, emotion=True)
    if engine is not None and engine.pure:
        options = replace(options, pure=True, plain_marks=options.plain_marks or fmt == "png")
    source = build_dot(grid, options)
    if fmt == "dot":
        return source.encode("utf-8")
    if engine is None:
        raise ValueError(f"format {fmt} needs a layout engine")
    return run(engine, source, fmt)


def _render_to_file(work: tuple[Job, str, Options, Engine | None, str]) -> None:
    """One job of a batch, in a worker process: render, then write atomically."""
    job, fmt, options, engine, view = work
    assert job.target is not None
    write_atomic(job.target, render(job.journeys, fmt, options, engine, view))


PROCESSES_FROM = 16
"""Batches this large go to worker processes: building DOT is Python work that threads
cannot overlap, while a handful of files is quicker in threads than in new processes."""


def execute(
    chosen: Plan,
    options: Options,
    engine: Engine | None,
    view: str = "map",
    done: Callable[[], None] | None = None,
    jobs: int | None = None,
) -> None:
    """Render and write every job of the plan; `done` is called after each one.

    Large batches of files run in worker processes (`jobs`: how many, default one per
    core); smaller ones a few at a time in threads, which overlap the layout programs.
    Each file is written atomically; the first failing job, in plan order, raises its
    EngineError or OutputError.
    """
    if len(chosen.jobs) >= PROCESSES_FROM and all(job.target for job in chosen.jobs):
        work = [(job, chosen.fmt, options, engine, view) for job in chosen.jobs]
        for _ in iter_per_file(_render_to_file, work, jobs):
            if done:
                done()
        return

    stopping = threading.Event()

    def one(job: Job) -> None:
        data = render(job.journeys, chosen.fmt, options, engine, view)
        if stopping.is_set():
            return  # interrupted meanwhile: write nothing more
        if job.target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomic(job.target, data)

    workers = min(4, os.cpu_count() or 1, len(chosen.jobs))
    if workers <= 1:
        for job in chosen.jobs:
            one(job)
            if done:
                done()
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(one, job) for job in chosen.jobs]
        try:
            for future in futures:
                future.result()
                if done:
                    done()
        except BaseException:
            stopping.set()
            for future in futures:
                future.cancel()
            stop_children()
            raise
