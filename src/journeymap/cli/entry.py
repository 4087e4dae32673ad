"""The console script's entry point, kept free of imports.

`journeymap --version` is run by scripts and editors to probe the tool; answering it
before typer and the commands are imported makes it cost a bare interpreter start. The
common `validate` and `lint` invocations skip typer too (`journeymap.cli.quick`).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Ctrl-C or SIGTERM at any moment, the imports included (a tenth of a second, more
    under load), ends the run with one line and 128 + the signal, never a traceback."""
    try:
        _main()
    except SystemExit:
        raise
    except BaseException as stop:
        code = _interruption(stop)
        if code is None:
            raise
        _stopped(code)


def _main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]) and sys.stdout is not None:
        from journeymap import __version__

        try:
            sys.stdout.write(f"journeymap {__version__}\n")
            sys.stdout.flush()
            return
        except OSError:
            pass  # a full disk, a closed pipe: the guarded path below says so, exit 2 or 141
    import gc

    from journeymap import signals

    signals.install()
    gc.disable()  # for the imports only: see journeymap.cli.app._end_start_up
    from journeymap.cli import quick

    simple = quick.parse(sys.argv[1:])
    if simple is not None and os.environ.get("JOURNEYMAP_QUICK") != "0":
        quick.run(simple)
    from journeymap.cli.app import main as run

    run(collector_off=True)


INTERRUPTED = 130
"""128 + SIGINT, for a Ctrl-C that comes before journeymap.signals is in place."""


def _interruption(error: BaseException) -> int | None:
    """The exit code when `error` is how a signal surfaced, else None.

    Before journeymap's handlers are in place, Ctrl-C is a KeyboardInterrupt; after,
    `Interrupted`, which the handler also records: the record is what counts, since
    Python sometimes reports the raise as another error (3.11 turns an exception in a
    class's `__set_name__`, met while a module loads, into a RuntimeError)."""
    signals = sys.modules.get("journeymap.signals")
    received = None if signals is None else signals.received()
    if received is not None:
        return int(received)
    return INTERRUPTED if isinstance(error, KeyboardInterrupt) else None


def _stopped(code: int) -> None:
    sys.stderr.write("journeymap: interrupted\n")
    raise SystemExit(code) from None
