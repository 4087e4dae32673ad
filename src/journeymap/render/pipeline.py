"""From journeys to the bytes of one output file, and where each file goes.

The command line only parses options; the decisions (which format, one drawing or one
per journey, which names) are made here so they can be tested without a terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from journeymap.diagnostics import Diagnostic
from journeymap.load.source import is_folder
from journeymap.output.atomic import InputGuard, OutputError, closed_descriptor, write_atomic
from journeymap.parallel import iter_per_file
from journeymap.render import fonts
from journeymap.render.dot import Options, build_dot
from journeymap.render.engine import (
    PNG_MOST,
    Engine,
    EngineError,
    run,
    run_into,
    shrunk_png,
    stop_children,
    stopped,
)
from journeymap.render.formats import FORMATS
from journeymap.render.mermaid import build_mermaid
from journeymap.render.placing import Syncing, move_all_into_place
from journeymap.views.grid import build_grid, emotion_view, path_view

if TYPE_CHECKING:
    from journeymap.model.journey import Journey
    from journeymap.render.libgvc import Library

SUFFIXES = {"gv": "dot", "mermaid": "mmd"}

Warn = Callable[[str], None]
"""Hears a warning about a file written (on standard error), such as a shrunk PNG."""


def shrunk_warning(name: str, size: tuple[int, int] | None) -> str | None:
    """What to tell about a PNG that Graphviz shrank to fit cairo's largest bitmap."""
    if size is None:
        return None
    return (
        f"{name}: Graphviz draws a PNG at most {PNG_MOST:,} px a side and shrank this map "
        f"to fit ({size[0]:,} x {size[1]:,} px), so its words may be too small to read; "
        "render it as .svg or .pdf instead"
    )


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
        if is_folder(path):
            return _per_journey(every, path, fmt or "svg")
        found = format_of(path)
        if found is None and _is_special(path):
            return Plan(fmt or "svg", (Job(every, path),))  # -o /dev/null, a pipe, a device
        if found is None:
            closed = closed_descriptor(path)
            if closed is not None:
                raise PlanError(closed)
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
    _per_journey_targets([j.id for j in journeys], folder, fmt)
    return Plan(fmt, tuple(Job((j,), folder / f"{j.id}.{fmt}") for j in journeys))


def _per_journey_targets(ids: Sequence[str], folder: Path, fmt: str) -> None:
    seen: set[str] = set()
    for journey_id in ids:
        if journey_id in seen:
            raise PlanError(
                f"two input files have the journey id '{journey_id}', so both would be "
                f"written to {folder / f'{journey_id}.{fmt}'}; give them distinct ids"
            )
        seen.add(journey_id)


def per_journey_folder(output: str | None) -> Path | None:
    """The folder of a one-file-per-journey run (no -o, or -o naming a folder), else None."""
    if output is None:
        return Path()
    if output == "-":
        return None
    path = Path(output)
    return path if is_folder(path) else None


def render(
    journeys: Sequence[Journey],
    fmt: str,
    options: Options,
    engine: Engine | None,
    view: str = "map",
) -> bytes:
    return _rendered(journeys, fmt, options, engine, view)[0]


def _rendered(
    journeys: Sequence[Journey],
    fmt: str,
    options: Options,
    engine: Engine | None,
    view: str,
) -> tuple[bytes, dict[str, str]]:
    """The bytes of `fmt`, and the unusual characters of a PNG or PDF (`fonts.unusual`)."""
    source = source_of(journeys, fmt, options, engine, view)
    if fmt in {"dot", "mmd"}:
        return source.encode("utf-8"), {}
    if engine is None:
        raise ValueError(f"format {fmt} needs a layout engine")
    return run(engine, source, fmt), _unusual(source, fmt)


def _unusual(source: str, fmt: str) -> dict[str, str]:
    """The characters of a PNG's or PDF's words that some font must have (for
    `fonts.warning`); none for SVG, which the browser draws with its own fonts."""
    return fonts.unusual(source) if fmt in {"png", "pdf"} else {}


def file_warnings(
    name: str,
    fmt: str,
    engine: Engine | None,
    shrunk: tuple[int, int] | None,
    found: dict[str, str],
) -> list[str]:
    """What to tell about one file written: a PNG shrunk to fit, words without a font."""
    said = [
        shrunk_warning(name, shrunk),
        fonts.warning(name, found, fmt, bool(engine and engine.pure)),
    ]
    return [line for line in said if line is not None]


def source_of(
    journeys: Sequence[Journey],
    fmt: str,
    options: Options,
    engine: Engine | None,
    view: str = "map",
) -> str:
    """The text written for `fmt` (Mermaid or DOT), or laid out for the other formats."""
    if fmt == "mmd":
        return build_mermaid(journeys)
    grid = build_grid(journeys)
    if view == "path":
        grid = path_view(grid)
    elif view == "emotion":
        grid = emotion_view(grid)
        options = replace(options, emotion=True)
    if engine is not None and engine.pure:
        options = replace(options, pure=True, plain_marks=options.plain_marks or fmt == "png")
    return build_dot(grid, options)


@dataclass(frozen=True, slots=True)
class Batch:
    """What every file of a batch is drawn with: sent to each worker once per chunk of
    files, with no model in it (workers load their own files)."""

    folder: Path
    fmt: str
    options: Options
    engine: Engine | None
    view: str
    token: str
    """Marks this run's temporary files, so that an interrupted run can find and remove
    every one, including those of a worker stopped mid-file."""
    library: Library | None = None
    """Graphviz's library, when the batch's maps go to layout servers (`libgvc`)."""


@dataclass(frozen=True, slots=True)
class Drawn:
    """One input file of a batch: its journey drawn to a temporary file, or why not."""

    path: Path
    journey_id: str | None
    temp: str | None
    diagnostics: tuple[Diagnostic, ...] = ()
    unreadable: bool = False
    shrunk: tuple[int, int] | None = None
    """The PNG's size when Graphviz shrank it to fit (`engine.shrunk_png`)."""
    unusual: dict[str, str] = field(default_factory=dict)
    """The characters of a PNG's or PDF's words some font must have (`fonts.unusual`):
    the parent asks fontconfig, once, rather than every worker."""


class InvalidInputs(Exception):
    """Some input files are not valid journeys: nothing was written."""

    def __init__(self, diagnostics: list[Diagnostic], unreadable: bool) -> None:
        super().__init__(f"{len(diagnostics)} problems")
        self.diagnostics = diagnostics
        self.unreadable = unreadable


def draw_file(batch: Batch, path: Path) -> Drawn:
    """Load one file, draw it and write the bytes beside their target (in a worker)."""
    from journeymap.load.batch import collector_paused
    from journeymap.load.journey_file import load_file

    # The collector stays paused until the file's model is gone: enabled while the node
    # tree and model were alive, its next collection scanned them all.
    with collector_paused():
        loaded = load_file(path, model=False)
        journey = loaded.journey
        if journey is None or not loaded.ok:
            return Drawn(path, None, None, tuple(loaded.diagnostics), loaded.unreadable)
        del loaded  # the node tree and text weigh more than the model
        source = source_of((journey,), batch.fmt, batch.options, batch.engine, batch.view)
        journey_id = journey.id
        del journey
    name = f"{journey_id}.{batch.fmt}"
    shrunk = None
    unusual = _unusual(source, batch.fmt)
    try:
        fd, temp = tempfile.mkstemp(
            prefix=f".{name}.{batch.token}.", suffix=".tmp", dir=batch.folder
        )
    except OSError as exc:
        raise OutputError(
            f"{batch.folder / name}: cannot write in {batch.folder}: {exc.strerror or exc}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            # forced to disk by the parent (`placing.Syncing`), not here
            if batch.fmt in {"dot", "mmd"}:
                handle.write(source.encode("utf-8"))
            elif batch.engine is None:
                raise ValueError(f"format {batch.fmt} needs a layout engine")
            else:
                _lay_out(batch, batch.engine, source, handle)
                if batch.fmt == "png":
                    handle.flush()  # the layout server's bytes are written through it
                    shrunk = shrunk_png(os.pread(handle.fileno(), 24, 0))
    except EngineError as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise EngineError(f"{path}: {exc}") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise OutputError(f"{batch.folder / name}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise
    return Drawn(path, journey_id, temp, shrunk=shrunk, unusual=unusual)


def _lay_out(batch: Batch, engine: Engine, source: str, handle: BinaryIO) -> None:
    """The map laid out into `handle`: by this worker's layout server when the batch
    has one, else by `dot`, which writes the file itself."""
    if batch.library is not None:
        from journeymap.render import libgvc

        data = libgvc.run(engine, batch.library, source, batch.fmt)
        if data is not None:
            handle.write(data)
            return
    run_into(engine, source, batch.fmt, handle)


def draw_files(
    files: Sequence[Path],
    batch: Batch,
    guard: InputGuard,
    done: Callable[[], None] | None = None,
    jobs: int | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """Draw one output per input file into `batch.folder`, named by journey id.

    Workers load, draw and write their own files; only paths come back. Outputs are
    renamed into place once every file has been drawn, so an invalid file, two files
    with one journey id or an interruption leave the folder as it was (the same
    guarantee as loading everything first, without the parent doing the loading).
    `warn` hears about each shrunk PNG, and words no font draws, once all are in place,
    in input order.
    """
    drawn: list[Drawn] = []
    results: Iterator[Drawn] = iter(())
    syncing = Syncing(batch.folder, batch.fmt)
    try:
        if len(files) >= PROCESSES_FROM:
            batch = _with_library(batch)
        task = partial(draw_file, batch)
        if len(files) >= PROCESSES_FROM:
            results = iter_per_file(task, files, jobs, prepare=_prepare, taper=_laid_out(batch))
            for result in results:
                syncing.add(result.temp, result.journey_id)
                drawn.append(result)
                if done:
                    done()
        else:
            workers = max(1, min(4, os.cpu_count() or 1, len(files)))
            with _threads(workers) as pool:
                for result in pool.map(task, files):
                    syncing.add(result.temp, result.journey_id)
                    drawn.append(result)
                    if done:
                        done()
        problems = [d for item in drawn for d in item.diagnostics]
        if problems:
            raise InvalidInputs(problems, any(item.unreadable for item in drawn))
        ids = [item.journey_id for item in drawn if item.journey_id is not None]
        _per_journey_targets(ids, batch.folder, batch.fmt)
        targets = [batch.folder / f"{journey_id}.{batch.fmt}" for journey_id in ids]
        for target in targets:
            guard.check(target)
        syncing.wait()
        move_all_into_place([Path(item.temp) for item in drawn if item.temp is not None], targets)
    except BaseException:
        syncing.stop()
        stop_children()  # layout programs of the threads (the workers stop their own)
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stop the workers first, so that none writes after the sweep
        for leftover in batch.folder.glob(f".*.{batch.token}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    finally:
        if batch.library is not None:
            from journeymap.render import libgvc

            libgvc.stop()  # the server of a batch drawn in this process (one core)
    if warn is not None:
        kept = [item for item in drawn if item.journey_id is not None]
        for item, target in zip(kept, targets, strict=True):
            for said in file_warnings(
                str(target), batch.fmt, batch.engine, item.shrunk, item.unusual
            ):
                warn(said)
    return targets


def _with_library(batch: Batch) -> Batch:
    """The batch with Graphviz's library for its workers' layout servers, when there is
    one to use (`libgvc.usable`): only for batches drawn by worker processes, whose
    maps come one at a time (a server is not shared by threads)."""
    if batch.engine is None or not _laid_out(batch):
        return batch
    from journeymap.render import libgvc

    return replace(batch, library=libgvc.usable(batch.engine))


def _laid_out(batch: Batch) -> bool:
    """Whether a layout program draws each map (40 ms of dot): the batch's last maps
    then go to the workers one at a time (`parallel.tapered`)."""
    return batch.fmt not in {"dot", "mmd"}


def _prepare() -> None:
    """Before workers are forked: the loading code (YAML, positions, the quick check),
    imported once here rather than once in each worker before its first map."""
    import journeymap.load.batch
    import journeymap.load.journey_file  # noqa: F401


PROCESSES_FROM = 16
"""Batches this large go to worker processes: loading and building DOT is Python work
that threads cannot overlap, while a handful of files is quicker in threads than in new
processes."""


def execute(
    chosen: Plan,
    options: Options,
    engine: Engine | None,
    view: str = "map",
    done: Callable[[], None] | None = None,
    jobs: int | None = None,
    warn: Warn | None = None,
) -> None:
    """Render and write every job of the plan; `done` is called after each one.

    The journeys are already loaded (one drawing of several journeys, or a few jobs):
    a few at a time in threads, which overlap the layout programs. Each file is written
    atomically; the first failing job, in plan order, raises its EngineError or
    OutputError. One output per input file in a folder goes through `draw_files`.
    `warn` hears about each shrunk PNG, and words no font draws, once all are written, in
    plan order.
    """

    stopping = threading.Event()
    warnings: dict[str, list[str]] = {}

    def one(job: Job) -> None:
        name = str(job.target or "standard output")
        try:
            data, found = _rendered(job.journeys, chosen.fmt, options, engine, view)
        except EngineError as exc:
            raise EngineError(f"{name}: {exc}") from None
        shrunk = shrunk_png(data[:24]) if chosen.fmt == "png" else None
        warnings[name] = file_warnings(name, chosen.fmt, engine, shrunk, found)
        if stopping.is_set():
            return  # interrupted meanwhile: write nothing more
        if job.target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomic(job.target, data)

    _write_all(chosen, one, done, stopping)
    if warn is not None:
        for job in chosen.jobs:
            for said in warnings.get(str(job.target or "standard output"), []):
                warn(said)


def _write_all(
    chosen: Plan,
    one: Callable[[Job], None],
    done: Callable[[], None] | None,
    stopping: threading.Event,
) -> None:
    """Run `one` on each job: in order, or in a few threads (the first failure raises)."""
    workers = min(4, os.cpu_count() or 1, len(chosen.jobs))
    if workers <= 1:
        for job in chosen.jobs:
            one(job)
            if done:
                done()
        return
    with _threads(workers) as pool:
        futures = [pool.submit(one, job) for job in chosen.jobs]
        try:
            for future in futures:
                future.result()
                if done:
                    done()
        except BaseException:
            stopping.set()
            raise


@contextlib.contextmanager
def _threads(workers: int) -> Iterator[ThreadPoolExecutor]:
    """A pool of threads that, when the block fails or is interrupted, kills their
    layout programs, drops the maps not begun and waits for the threads with no new
    program started (`engine.stopped`): the pool's own exit waited for every queued
    map, each to its layout timeout when `dot` hung."""
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        yield pool
    except BaseException:
        with stopped():
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
