"""The console script's entry point, kept free of imports.

`journeymap --version` is run by scripts and editors to probe the tool; answering it
before typer and the commands are imported makes it cost a bare interpreter start.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from journeymap import __version__

        sys.stdout.write(f"journeymap {__version__}\n")
        return
    import gc

    gc.disable()  # for the imports only: see journeymap.cli.app._end_start_up
    from journeymap.cli.app import main as run

    run(collector_off=True)
