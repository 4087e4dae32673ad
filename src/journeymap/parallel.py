"""Running a per-file task over many files, in parallel, with results in input order.

Files are independent, so a repository of hundreds of journeys is spread over the
available cores; results come back in the order the files were given, so output is the
same whatever the parallelism. Small batches (a pre-commit run on three files) stay in
one process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

R = TypeVar("R")
T = TypeVar("T")

MIN_FILES_PER_WORKER = 8


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


def _worker_init() -> None:
    from journeymap.signals import install_in_worker

    install_in_worker()
    gc.freeze()


def _call(task: Callable[[T], R], item: T) -> R:
    """Run one task in a worker; a stop signal ends the worker once the task has unwound.

    The executor's worker loop catches every exception of a task, SystemExit included,
    and would go on with the next queued file; leaving the process here, after the
    task's own clean-up (temporary file removed, Graphviz child killed), prevents that.
    A signal landing while `signals.task` closes is caught here too.
    """
    from journeymap import signals

    try:
        with signals.task():
            return task(item)
    except SystemExit as stop:
        sys.stderr.flush()
        os._exit(stop.code if isinstance(stop.code, int) else 1)


def _call_each(task: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [_call(task, item) for item in items]


def tapered(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    """`items` in consecutive chunks, each a quarter of what every worker would get of
    what is left ("guided" scheduling): few chunks to send, and the last ones of one
    item each, so the workers finish together (100 items, 2 workers: 31 chunks, from
    12 items down to 15 of one)."""
    chunks: list[Sequence[T]] = []
    start = 0
    while start < len(items):
        size = max(1, (len(items) - start) // (workers * 4))
        chunks.append(items[start : start + size])
        start += size
    return chunks


def _terminate(pool: Any) -> None:
    """Stop the workers now, without waiting for the files still queued.

    A worker stopped while sending a result back leaves half a message in the results'
    pipe, and the pool's management thread waits for the rest, for ever: shutting the
    pool down, and the interpreter's exit, waited on that thread (matrix interrupted
    early hung about 1 run in 100). This process's copy of the pipe's writing end is
    closed too, so that once the workers are gone the thread reads the end of the pipe,
    takes the pool for broken and ends.
    """
    stop = getattr(pool, "terminate_workers", None)  # Python 3.14 and newer
    if stop is not None:
        stop()
    else:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.terminate()
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    # The files still queued for the workers go through a pipe that this process also
    # holds open for reading: once the workers are gone, the queue's feeder thread,
    # blocked on a full pipe (a diff's journeys fill it at once), waits for a reader
    # for ever, and the pool's shutdown and the interpreter's exit both joined it (a
    # `diff -j 2` stopped by Ctrl-C hung 5 runs in 24). Nothing queued matters now.
    calls = getattr(pool, "_call_queue", None)
    if calls is not None:
        with contextlib.suppress(Exception):
            calls.cancel_join_thread()


def _context_name() -> str | None:
    return "fork" if sys.platform.startswith("linux") else None


def forks() -> bool:
    """Whether workers start as copies of this process, so that a task may read what
    the parent built before the batch (instead of receiving it pickled)."""
    return _context_name() == "fork"


def iter_per_file(
    task: Callable[[T], R],
    files: Sequence[T],
    jobs: int | None,
    prepare: Callable[[], object] | None = None,
    taper: bool = False,
) -> Iterator[R]:
    """`task` over every file, yielded in order as each completes (for progress bars).

    `jobs` None means one worker per available core. `task` must be a module-level
    function (workers receive it by reference), and each item names one file with
    whatever that file's task needs (its configuration, its journeys). `prepare`, when
    workers are started, runs here first: what it imports or builds, every forked worker
    has without doing it again.

    Workers take the files in chunks, each an eighth of a worker's share; with `taper`,
    in chunks that shrink to one file at the end (`tapered`), for tasks so long (a map
    laid out by Graphviz, 40 ms) that one worker left alone with a last chunk of six
    kept the other cores idle for a quarter of a second.
    """
    workers = available_cores() if jobs is None or jobs <= 0 else jobs
    workers = min(workers, len(files) // MIN_FILES_PER_WORKER or 1)
    if workers <= 1:
        yield from (task(item) for item in files)
        return
    if prepare is not None and forks():
        prepare()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_context_name())
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init)
    from journeymap.signals import check, deferred

    started: dict[int, Any] = {}
    try:
        with deferred():  # every worker forked is known to the pool before a signal acts
            if taper:
                groups = pool.map(partial(_call_each, task), tapered(files, workers))
            else:
                chunk = max(1, len(files) // (workers * 8))
                groups = ([r] for r in pool.map(partial(_call, task), files, chunksize=chunk))
            started = dict(getattr(pool, "_processes", None) or {})
        for group in groups:
            for result in group:
                check()  # a signal met while forking the workers is dropped by Python
                yield result
        check()
    except BaseException:
        import threading

        # Workers killed mid-message make the executor's own management thread fail
        # (its traceback would follow "interrupted" on stderr): we stopped them on
        # purpose, so that thread's end is silenced until the pool is shut down.
        previous = threading.excepthook
        threading.excepthook = lambda args: None
        try:
            _terminate(pool)
            pool.shutdown(wait=True, cancel_futures=True)
        finally:
            threading.excepthook = previous
        # A worker that met the signal while forking ends at once; the parent may learn
        # it as a broken pool (BrokenProcessPool from `map`) before its own raise: the
        # batch was interrupted all the same (1 CI run in ~20 said otherwise).
        check()
        from concurrent.futures.process import BrokenProcessPool

        error = sys.exc_info()[1]
        if isinstance(error, BrokenProcessPool):
            raise WorkerLost(list(started.values())) from None
        raise
    pool.shutdown(wait=True)


class WorkerLost(Exception):
    """A worker ended without a word: killed from outside (the kernel's out-of-memory
    killer, a `kill -9`) or crashed. Not a bug of journeymap's: the CLI says it in one
    line, exit 2, instead of an internal error."""

    def __init__(self, processes: Sequence[Any]) -> None:
        import signal

        how = "ended abruptly"
        for process in processes:
            code = getattr(process, "exitcode", None)
            if isinstance(code, int) and code < 0:
                with contextlib.suppress(ValueError):
                    how = f"was killed by {signal.Signals(-code).name}"
                break
        super().__init__(
            f"a worker process {how} (out of memory, or stopped from outside); "
            "run again, or with -j 1 to work in one process"
        )


def run_per_file(task: Callable[[T], R], files: Sequence[T], jobs: int | None) -> list[R]:
    return list(iter_per_file(task, files, jobs))
