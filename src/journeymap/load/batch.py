"""Running a per-file task over many files, in parallel, with output in input order.

Files are independent, so a repository of hundreds of journeys is spread over the
available cores; results come back in the order the files were given, so output is the
same whatever the parallelism. Small batches (a pre-commit run on three files) stay in
one process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from journeymap.diagnostics import Diagnostic
from journeymap.load.journey_file import JourneyFile, load_file
from journeymap.load.limits import Limits

R = TypeVar("R")
T = TypeVar("T")

MIN_FILES_PER_WORKER = 8


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is loaded.

    Loading allocates hundreds of thousands of acyclic objects (nodes, dicts, models);
    each allocation burst triggers collections that rescan everything alive, which cost
    up to 40% of load time. Reference counting frees all of it anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_all(files: Sequence[Path], limits: Limits | None = None) -> Iterator[JourneyFile]:
    """Full loads (model and node tree) in this process, for commands that need the models."""
    limits = limits or Limits.from_env()
    for path in files:
        with collector_paused():
            loaded = load_file(path, limits)
        yield loaded


@dataclass(frozen=True, slots=True)
class Validity:
    """What `validate` needs of a file: small enough to send back from a worker."""

    diagnostics: tuple[Diagnostic, ...]
    unreadable: bool


def validity(path: Path) -> Validity:
    with collector_paused():
        loaded = load_file(path)
    return Validity(tuple(loaded.diagnostics), loaded.unreadable)


def _worker_init() -> None:
    gc.freeze()


def _context_name() -> str | None:
    return "fork" if sys.platform.startswith("linux") else None


def run_per_file(task: Callable[[T], R], files: Sequence[T], jobs: int | None) -> list[R]:
    """`task` over every file, in order; `jobs` None means one worker per available core.

    `task` must be a module-level function (workers receive it by reference), and each
    item names one file, with whatever that file's task needs (its configuration).
    """
    workers = available_cores() if jobs is None or jobs <= 0 else jobs
    workers = min(workers, len(files) // MIN_FILES_PER_WORKER or 1)
    if workers <= 1:
        return [task(item) for item in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_context_name())
    chunk = max(1, len(files) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init) as pool:
        return list(pool.map(task, files, chunksize=chunk))
