"""The one way a command runs, whether typer parsed its arguments or `quick` did: the
streams prepared, signals turned into exit codes, and no Python traceback ever shown."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn

from journeymap.cli import exits


def run(command: Callable[[], object]) -> NoReturn:
    """Run `command`, which ends with SystemExit (or returns: exit 0), and exit."""
    from journeymap import signals
    from journeymap.output import streams

    # Scanning entry points for pydantic plugins costs ~15 ms a run; a CLI has no use for it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    signals.install()
    streams.prepare()
    code: int | str | None = exits.OK
    try:
        try:
            command()
        except SystemExit as done:
            code = done.code
        streams.finish()
        # A signal whose raise was swallowed on the way (in a pool's bookkeeping, an
        # at-fork hook) must still end the run as interrupted, not as a success.
        signals.check()
    except signals.Interrupted as stop:
        code = _interrupted(stop.code)
    except streams.StreamClosed:
        streams.silence_stdout()
        code = exits.PIPE_CLOSED
    except streams.StreamError as exc:
        streams.silence_stdout()
        sys.stderr.write(f"journeymap: error: {exc}\n")
        code = exits.USAGE
    except Exception as exc:
        interrupted = signals.received()
        if interrupted is not None:  # the signal's raise, reported by Python as another error
            raise SystemExit(_interrupted(interrupted)) from None
        if os.environ.get("JOURNEYMAP_DEBUG"):
            raise
        if isinstance(exc, FileNotFoundError) and _working_folder_gone():
            sys.stderr.write(
                "journeymap: error: the current folder no longer exists (deleted or moved); "
                "cd into an existing folder and run again\n"
            )
            raise SystemExit(exits.USAGE) from None
        exhausted = _exhausted(exc)
        if exhausted is not None:
            streams.silence_stdout()
            sys.stderr.write(f"journeymap: error: {exhausted}\n")
            raise SystemExit(exits.USAGE) from None
        sys.stderr.write(
            f"journeymap: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in journeymap; please report it with the input that caused it "
            "(JOURNEYMAP_DEBUG=1 shows the traceback).\n"
        )
        code = exits.INTERNAL
    raise SystemExit(code)


def _interrupted(code: int) -> int:
    from journeymap.output import streams

    streams.silence_stdout()
    sys.stderr.write("journeymap: interrupted\n")
    _stop_workers()
    return code


def _stop_workers() -> None:
    """Stop every worker process still alive after an interruption.

    A pool terminates its own workers when it is shut down (`parallel._terminate`); a
    pool whose batch was left suspended (its generator not yet closed when the signal
    unwound the command) is shut down only once the interruption's traceback is freed,
    after this: its workers are stopped here, and the interpreter's exit does not wait
    on them."""
    if "multiprocessing" not in sys.modules:
        return
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(1)
        if child.is_alive():
            child.kill()


def _working_folder_gone() -> bool:
    """The current folder was deleted under the shell: every relative path, and the
    look-ups that start from it (the repository root, a configuration), fail at once."""
    from pathlib import Path

    try:
        Path.cwd()
    except FileNotFoundError:
        return True
    return False


_FILES = "too many open files (the limit is {limit}: `ulimit -n`); raise it (`ulimit -n 4096`)"
_MEMORY = (
    "out of memory (the limit is {limit}: `ulimit -v`); raise it, or give fewer or smaller "
    "files (JOURNEYMAP_MAX_BYTES lowers the size of one)"
)


def _exhausted(error: BaseException) -> str | None:
    """What ran out, and the fix, when `error` is the system refusing a resource (memory,
    file descriptors, a process) rather than a bug: one line, exit 2.

    A shell with `ulimit -n 12` or `ulimit -v 120000` ran every command into an internal
    error ("This is a bug in journeymap") for what is the environment's limit; so did a
    worker killed from outside (the kernel's out-of-memory killer), `parallel.WorkerLost`.
    """
    import errno

    parallel = sys.modules.get("journeymap.parallel")
    if parallel is not None and isinstance(error, parallel.WorkerLost):
        return str(error)
    if isinstance(error, MemoryError) or (
        # a module imported late, its library mapped into a full address space
        isinstance(error, ImportError) and "failed to map segment" in str(error)
    ):
        return _MEMORY.format(limit=_limit("RLIMIT_AS"))
    if isinstance(error, RuntimeError) and "can't start new thread" in str(error):
        # each thread's stack is address space too (`render -j 2` under `ulimit -v`)
        return _MEMORY.format(limit=_limit("RLIMIT_AS")).replace(
            "out of memory", "cannot start a thread", 1
        )
    if not isinstance(error, OSError):
        return None
    if error.errno == errno.EMFILE:
        return _FILES.format(limit=_limit("RLIMIT_NOFILE", bytes_=False))
    if error.errno == errno.ENFILE:
        return "the system has too many files open; close some programs and run again"
    if error.errno == errno.ENOMEM:
        return _MEMORY.format(limit=_limit("RLIMIT_AS"))
    return None


def _limit(name: str, bytes_: bool = True) -> str:
    """The soft limit `name` of this process, as a person reads it."""
    try:
        import resource

        soft = resource.getrlimit(getattr(resource, name))[0]
    except (ImportError, AttributeError, OSError, ValueError):  # pragma: no cover - Windows
        return "unknown"
    if soft == resource.RLIM_INFINITY:
        return "unlimited"
    return f"{soft / 2**20:.0f} MB" if bytes_ else str(soft)
