"""Maps of a batch laid out by a layout server (`libgvc_main`) instead of one `dot` each.

A worker of `render`'s batches starts one server, sends it map after map and replaces
it every `MAPS_PER_SERVER` maps (Graphviz 2.43 leaks about 140 kB a map). The server
is the very Graphviz library of the `dot` on PATH (the version is checked), and the
DOT journeymap writes gives the same bytes laid out there as by `dot` (no named
subgraphs: `dotwriter.Graph.subgraph`); `tests/test_render_libgvc.py` compares them.

Used only on Linux (the server dies with its worker through `PR_SET_PDEATHSIG` and
reads Graphviz's messages from a memory file), for `dot` found on PATH, and not when
JOURNEYMAP_LIBGVC=0. Anything unexpected at start-up (no library, another version,
no Python to run it) and the batch goes on with `dot`, one process a map, as before.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from journeymap import signals
from journeymap.output.atomic import write_all
from journeymap.render import engine as engines
from journeymap.render.engine import Engine

SETTING = "JOURNEYMAP_LIBGVC"
MAPS_PER_SERVER = 100
"""Maps a server lays out before it is replaced: at most about 14 MB of Graphviz's
leaks, for a start-up (about 40 ms) spread over 100 maps of about 30 ms."""
START_TIMEOUT = 30.0
SCRIPT = Path(__file__).with_name("libgvc_main.py")


@dataclass(frozen=True, slots=True)
class Library:
    """What a worker needs to start servers: the Graphviz version they must load."""

    version: str


def usable(engine: Engine) -> Library | None:
    """The library to lay out a batch with, or None to run `dot` for each map.

    Asked once a batch, in the parent: `dot -V` (about 10 ms) gives the version the
    server must find."""
    if not sys.platform.startswith("linux") or engine.pure:
        return None
    if os.environ.get(SETTING, "").strip() == "0" or os.environ.get("JOURNEYMAP_DOT"):
        return None
    found = engines.version(engine)
    return Library(found) if found else None


class Server:
    """One layout server and the maps it has laid out."""

    def __init__(self, library: Library) -> None:
        env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
        self.process = engines.start(
            [sys.executable, "-I", "-S", str(SCRIPT), library.version, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.maps = 0
        try:
            signals.act()  # a stop that came while it started
            line = self._line(time.monotonic() + START_TIMEOUT)
        except BaseException:
            self.close()
            raise
        if not line.startswith(b"ready "):
            self.close()
            raise OSError(f"layout server not started: {line!r}")

    def _read(self, size: int, deadline: float) -> bytes:
        """`size` bytes of the server's answer, waiting at most until `deadline`."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        answer = bytearray(size)
        view = memoryview(answer)
        done = 0
        while done < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            got = os.readv(fd, [view[done:]])
            if got == 0:
                raise EOFError
            done += got
        return bytes(answer)

    def _line(self, deadline: float) -> bytes:
        line = b""
        while not line.endswith(b"\n"):
            line += self._read(1, deadline)
        return line

    def layout(self, source: str, fmt: str, timeout: float) -> tuple[int, bytes, bytes]:
        """Graphviz's status (0: success), output and messages for one map."""
        assert self.process.stdin is not None
        data = source.encode("utf-8")
        self.maps += 1
        header = b"%s %d\n" % (fmt.encode("ascii"), len(data))
        write_all(self.process.stdin.fileno(), header)
        write_all(self.process.stdin.fileno(), data)
        deadline = time.monotonic() + timeout
        status, size, said = (int(part) for part in self._line(deadline).split())
        return status, self._read(size, deadline), self._read(said, deadline)

    def close(self) -> None:
        engines.release(self.process)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.process.wait()


_server: list[Server] = []
"""This worker's server, started at its first map."""
_unstartable: list[bool] = []
"""Set when a server could not start (no library, another version): this process's
other maps go to `dot` until `stop`."""


def run(engine: Engine, library: Library, source: str, fmt: str) -> bytes | None:
    """`source` laid out in `fmt` by this worker's server; None when no server could be
    started or it died on the way (the caller runs `dot`). Graphviz's failures and
    timeouts raise EngineError, worded as for `dot`."""
    if _unstartable:
        return None
    if not _server:
        try:
            _server.append(Server(library))
        except (OSError, TimeoutError, EOFError):
            _unstartable.append(True)  # not tried again for every map of the batch
            return None
        _stop_at_exit()
    server = _server[0]
    try:
        status, out, said = server.layout(source, fmt, engine.timeout)
    except TimeoutError:
        stop()
        raise engines.timed_out(engine) from None
    except (EOFError, OSError, ValueError):
        # The server died (killed from outside, or Graphviz crashed on this map): `dot`
        # lays the map out instead and says what it says; the next map starts a server.
        stop()
        return None
    if server.maps >= MAPS_PER_SERVER:
        stop()
    if status != 0 or not out:
        raise engines.failed(engine, status or 1, said)
    return engines.pinned(out, fmt)


def stop() -> None:
    """Stop this process's server, if it has one; the next map may start one again."""
    _unstartable.clear()
    while _server:
        _server.pop().close()


_registered: list[bool] = []


def _stop_at_exit() -> None:
    """A worker process stops (and waits for) its server when the pool ends it, so that
    the server's CPU time is counted with the run's (`time`, the benchmark)."""
    if _registered:
        return
    _registered.append(True)
    import multiprocessing.util

    multiprocessing.util.Finalize(None, stop, exitpriority=0)
