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

import signal
import sys
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


def _interrupt(signum: int, frame: FrameType | None) -> None:
    _pending.append(signum)
    raise Interrupted(signum)


def check() -> None:
    """Raise `Interrupted` for a signal whose first raise was swallowed (see `_pending`)."""
    if _pending:
        raise Interrupted(_pending[0])


def acknowledge() -> None:
    """The caller ended on the signal as it means to (a preview server's Ctrl-C): the run
    is not to be reported as interrupted."""
    _pending.clear()


def _exit_worker(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _unraisable(report: sys.UnraisableHookArgs) -> None:
    """Where Python cannot raise (an at-fork hook, a finaliser), it prints the exception
    as "Exception ignored in ..." with a traceback: for `Interrupted` that is the run
    being stopped, which `check` raises again, so nothing is printed."""
    if isinstance(report.exc_value, Interrupted):
        return
    sys.__unraisablehook__(report)


def install() -> None:
    """In the main process. A SIGINT ignored by the shell (a background job) stays ignored."""
    for signum in HANDLED:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _interrupt)
    sys.unraisablehook = _unraisable


def install_in_worker() -> None:
    """In a worker process: stop quietly; the parent reports the interruption."""
    for signum in HANDLED:
        signal.signal(signum, _exit_worker)
