"""Ctrl-C, SIGTERM and SIGHUP: stop everything, say so in one line, exit 130, 143 or 129.

Python turns SIGINT into KeyboardInterrupt, which typer swallows into a silent exit
130, and leaves SIGTERM and SIGHUP (the terminal closed, an SSH session dropped) to kill
the process outright: worker processes then go on rendering as orphans, Graphviz
children run to the end and temporary files stay. All three signals raise
`Interrupted` in the main process instead, which unwinds every `finally` (temporary
files removed, pools terminated, children killed) up to the entry point. Workers turn
the same signals into a quiet SystemExit, which kills their own Graphviz child.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

HANDLED = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(BaseException):
    """The user or the system asked the run to stop; `code` is the conventional status."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum


_pending: list[int] = []
"""Signals received in this process. Raising from a handler is not always enough: a
signal that lands while `os.fork` runs its at-fork hooks has its exception printed as
"Exception ignored" and dropped, and the run would go on to exit 0. `check` raises it
again at the next safe point."""


_deferring: list[bool] = []
"""Set while a pool starts its workers (see `deferred`)."""

_in_task: list[bool] = []
"""Set in a worker while it runs one of journeymap's tasks (see `_exit_worker`)."""

_holding: list[bool] = []
"""Set while the main thread starts or stops a child process (see `held`)."""

_worker: list[bool] = []
"""Set in a worker process (`install_in_worker`): a stop raises WorkerStopped there."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    _pending.append(signum)
    if not _deferring and not _holding:
        raise Interrupted(signum)


@contextmanager
def held() -> Iterator[None]:
    """A stop signal received inside is recorded, and acts at the next `act`.

    Starting a child and recording it, or killing its group and reaping it, are a few
    lines that a raise in the middle leaves half done: a layout program started but not
    yet recorded, or one whose kill was skipped, ran on after the run had ended (a
    timed-out batch, its workers stopped while each stopped its own `dot`, left a
    wrapper's `sleep 600` behind). The signal is only recorded, not blocked: a blocked
    signal would stay blocked in the child too, which inherits the mask.

    Python runs signal handlers in the main thread only: elsewhere this does nothing
    (the main thread stops the threads' children, `engine.stop_children`)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _holding.append(True)
    try:
        yield
    finally:
        _holding.pop()


def act() -> None:
    """Raise the stop recorded meanwhile (see `held`), as its handler would have."""
    if _pending and not _holding and threading.current_thread() is threading.main_thread():
        if _worker:
            raise WorkerStopped(128 + _pending[0])
        raise Interrupted(_pending[0])


@contextmanager
def deferred() -> Iterator[None]:
    """A signal received inside is raised when the block ends, not where it lands.

    Starting a pool forks its workers and records each one as it goes: a raise between
    a fork and its record left a worker nobody knew about (it kept the run from ending,
    or outlived it), or a bookkeeping thread created but not started (shutting the pool
    down then failed with an internal error).

    The signals are also blocked in this thread, and so in every worker forked here
    (and the pool's threads started here): Python forgets, in a new child, the signals
    that arrived before it finished forking, so the parent's stop sent to a worker that
    was just forked was lost and the worker waited for work for ever (1 interrupted
    `validate` in 100). Blocked, the signal stays pending in the kernel until
    `install_in_worker` unblocks it, and acts then."""
    _deferring.append(True)
    mask = _block()
    try:
        yield
    finally:
        _unblock(mask)
        _deferring.pop()
    check()


def _block() -> set[int | signal.Signals] | None:
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED)


def _unblock(mask: set[int | signal.Signals] | None) -> None:
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def received() -> int | None:
    """The exit code of the first stop signal this process received, if any."""
    return 128 + _pending[0] if _pending else None


def check() -> None:
    """Raise `Interrupted` for a signal whose first raise was swallowed (see `_pending`)."""
    if _pending:
        raise Interrupted(_pending[0])


def _exit_worker(signum: int, frame: FrameType | None) -> None:
    """Inside a task, unwind it (its `finally` kill its Graphviz child, remove its
    temporary file) and let `parallel._call` end the process; anywhere else, end now.

    The executor's worker loop catches every exception, SystemExit included, around a
    task and around sending its result back: a SystemExit raised there was swallowed,
    the worker went back to wait for work that never came, and the parent waited for
    that worker forever (matrix interrupted early hung about 1 run in 40)."""
    _pending.append(signum)
    if _holding:
        return  # raised by `act` once the child is recorded, or killed and reaped
    if _in_task:
        raise WorkerStopped(128 + signum)
    os._exit(128 + signum)


class WorkerStopped(SystemExit):
    """A worker's stop signal, raised inside its task."""


@contextmanager
def task() -> Iterator[None]:
    """In a worker, around one task: a stop signal received inside raises SystemExit."""
    _in_task.append(True)
    try:
        yield
    finally:
        _in_task.clear()
    if _pending:  # a stop whose raise Python dropped (met in a finaliser, a callback)
        raise WorkerStopped(128 + _pending[0])


def _unraisable(report: sys.UnraisableHookArgs) -> None:
    """Where Python cannot raise (an at-fork hook, a finaliser), it prints the exception
    as "Exception ignored in ..." with a traceback: for `Interrupted` that is the run
    being stopped, which `check` raises again, so nothing is printed; in a worker, the
    end of its task does (see `task`)."""
    if isinstance(report.exc_value, (Interrupted, WorkerStopped)):
        return
    sys.__unraisablehook__(report)


def install() -> None:
    """In the main process. A SIGINT ignored by the shell (a background job) stays ignored."""
    for signum in HANDLED:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _interrupt)
    sys.unraisablehook = _unraisable


def install_in_worker() -> None:
    """In a worker process: stop quietly; the parent reports the interruption.

    Until now the worker had the parent's handler, deferred (see `deferred`): a signal
    it recorded, or one the parent had recorded before this worker was forked, ends
    the worker here."""
    for signum in HANDLED:
        signal.signal(signum, _exit_worker)
    sys.unraisablehook = _unraisable
    _worker.append(True)
    _deferring.clear()
    if _pending:
        os._exit(128 + _pending[0])
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HANDLED)  # blocked by `deferred`
