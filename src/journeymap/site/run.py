"""Building a site from paths to a folder, once or again whenever a journey changes.

The command line layer only parses options and reports; this is where files are found,
loaded, linted, rendered and written, so that `--serve` rebuilds exactly as a build does.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from journeymap.diagnostics import Diagnostic
from journeymap.lint.config import Resolver
from journeymap.load.discover import expand
from journeymap.site.build import SiteOptions, build_site
from journeymap.site.collect import collect
from journeymap.site.write import write_site


@dataclass(frozen=True, slots=True)
class Outcome:
    journeys: int
    changed: int
    invalid: tuple[Diagnostic, ...]
    unreadable: bool
    seconds: float


def inputs_outside(files: Sequence[Path], out: Path) -> list[Path]:
    """The input files that are not inside the output folder.

    The site copies every journey's YAML into `out/sources/`; read back as inputs on the
    next build, they would be the same journeys twice.
    """
    root = Path(os.path.realpath(out))
    return [f for f in files if not Path(os.path.realpath(f)).is_relative_to(root)]


def build_to(
    files: Sequence[Path],
    out: Path,
    options: SiteOptions,
    resolver: Resolver,
    jobs: int | None = 1,
) -> Outcome:
    """Build and write the site; nothing is written when a journey is invalid.

    Raises OutputError when the folder cannot or must not be written, ConfigError for a
    broken lint configuration.
    """
    start = time.perf_counter()
    inputs = inputs_outside(files, out)
    collected = collect(inputs, resolver)
    if collected.invalid:
        # the report's count is of the files read: those that could not be were left out
        # ("1 error in 1 of 0 files" for one broken link)
        return Outcome(len(inputs), 0, collected.invalid, collected.unreadable, 0.0)
    changed = write_site(build_site(collected.sources, options, jobs), out)
    return Outcome(len(collected.sources), changed, (), False, time.perf_counter() - start)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each in the author's terminal."""


def _fingerprint(paths: Sequence[Path], exclude: Sequence[str], out: Path) -> tuple[object, ...]:
    """What a change shows in: the files found and their sizes and modification times."""
    try:
        files = inputs_outside(expand(paths, exclude), out)
    except Exception as exc:  # a folder removed while editing: report it as a change
        return (repr(exc),)
    found: list[object] = []
    for path in files:
        with contextlib.suppress(OSError):
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def serve(
    paths: Sequence[Path],
    exclude: Sequence[str],
    out: Path,
    rebuild: functools.partial[Outcome | None],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    interval: float = 0.5,
    stream: TextIO = sys.stderr,
) -> None:
    """Serve `out` and call `rebuild` whenever an input changes, until a signal stops it.

    Polling the files twice a second costs nothing next to a rebuild and needs no
    platform-specific file watcher. The signal (Ctrl-C, SIGTERM from a service manager
    or `timeout`) ends the command as it ends any other: the server is closed here, and
    the guard says "interrupted" and exits 130 or 143, so that a supervisor can tell a
    preview stopped from one that ended by itself (it exited 0 on every signal).
    """
    from journeymap.signals import check

    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    serving = threading.Thread(
        target=server.serve_forever, args=(0.2,), name="journeymap-site-serve", daemon=True
    )
    serving.start()
    address = f"http://{host}:{server.server_address[1]}/"
    stream.write(f"serving {out} at {address} (rebuilt when a journey changes; Ctrl-C stops)\n")
    stream.flush()
    try:
        # Rebuilds run here, in the main thread, where signals land: one stopped midway
        # unwinds as a stopped build does (workers stopped, temporary files removed).
        # In a watcher thread, it printed that thread's traceback and left its pool
        # to the interpreter's exit.
        seen = _fingerprint(paths, exclude, out)
        while True:
            time.sleep(interval)
            check()  # a signal whose raise was lost on the way (seen under load)
            now = _fingerprint(paths, exclude, out)
            if now != seen:
                seen = now
                rebuild()
    finally:
        server.shutdown()
        server.server_close()
