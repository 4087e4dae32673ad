"""The console script's entry point, kept free of imports.

`journeymap --version` is run by scripts and editors to probe the tool; answering it
before typer and the commands are imported makes it cost a bare interpreter start. The
common `validate` and `lint` invocations skip typer too (`journeymap.cli.quick`).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]) and sys.stdout is not None:
        from journeymap import __version__

        try:
            sys.stdout.write(f"journeymap {__version__}\n")
            sys.stdout.flush()
            return
        except OSError:
            pass  # a full disk, a closed pipe: the guarded path below says so, exit 2 or 141
    import gc

    # Ctrl-C during the imports (a tenth of a second) printed a KeyboardInterrupt
    # traceback: the signals are handled from here on, the guard takes over later.
    try:
        from journeymap import signals

        signals.install()
    except KeyboardInterrupt:
        _stopped(INTERRUPTED)
    try:
        gc.disable()  # for the imports only: see journeymap.cli.app._end_start_up
        from journeymap.cli import quick

        simple = quick.parse(sys.argv[1:])
        if simple is not None and os.environ.get("JOURNEYMAP_QUICK") != "0":
            quick.run(simple)
        from journeymap.cli.app import main as run

        run(collector_off=True)
    except signals.Interrupted as stop:
        _stopped(stop.code)


INTERRUPTED = 130
"""128 + SIGINT, for a Ctrl-C that comes before journeymap.signals is in place."""


def _stopped(code: int) -> None:
    sys.stderr.write("journeymap: interrupted\n")
    raise SystemExit(code) from None
