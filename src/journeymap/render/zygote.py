"""Laying out many maps without starting `dot` for each: one Graphviz zygote per process.

`dot` spends 13 to 20 ms of a map's ~44 starting up (exec, linking, its configuration,
plug-ins, fontconfig). A zygote (`zygote_main.py`, a minimal Python process holding
the very libgvc that `dot` links) pays that once, then forks one child per map. It is
used only where it gives `dot`'s bytes (SVG, Linux, the library resolved next to the
`dot` that would run otherwise) and for batches large enough to repay its start;
`JOURNEYMAP_ZYGOTE=0` turns it off. Any doubt at start-up falls back to running `dot`.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

SWITCH = "JOURNEYMAP_ZYGOTE"
_LINKED = re.compile(r"^\s*(libgvc\.so\.\d+|libcgraph\.so\.\d+) => (\S+)", re.MULTILINE)


class ZygoteGone(Exception):
    """The zygote itself stopped (killed from outside): dot draws the map instead."""


def libraries(program: str) -> tuple[str, str] | None:
    """The libgvc and libcgraph that `program` (Graphviz's dot) links, or None when the
    zygote is switched off, the system is not Linux or `program` is not a dynamically
    linked dot (a wrapper script, a static build): then `dot` itself is run."""
    if os.environ.get(SWITCH, "1") == "0" or not sys.platform.startswith("linux"):
        return None
    try:
        done = subprocess.run(
            ["ldd", program], capture_output=True, timeout=30, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = dict(_LINKED.findall(done.stdout.decode("utf-8", "replace")))
    gvc = next((path for name, path in found.items() if name.startswith("libgvc")), None)
    cgraph = next((path for name, path in found.items() if name.startswith("libcgraph")), None)
    if done.returncode != 0 or gvc is None or cgraph is None:
        return None
    return gvc, cgraph


class Zygote:
    """One zygote and the pipes to it; one request at a time."""

    def __init__(self, linked: tuple[str, str]) -> None:
        script = Path(__file__).with_name("zygote_main.py")
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(script), *linked, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._buffer = b""
        self.version = ""

    def ready(self, timeout: float) -> bool:
        """Whether the zygote started and loaded Graphviz (else it is stopped)."""
        try:
            said = self._line(time.monotonic() + timeout)
        except (ZygoteGone, TimeoutError):
            self.kill()
            return False
        self.version = said.removeprefix(b"ready ").decode("ascii", "replace").strip()
        return said.startswith(b"ready ")

    def lay_out(self, source: bytes, timeout: float) -> tuple[int, bytes, bytes]:
        """The exit code (negative: the signal that killed it), SVG and standard error of
        one child laying out `source`. ZygoteGone or TimeoutError leave it stopped."""
        deadline = time.monotonic() + timeout
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(b"%d\n" % len(source))
            stdin.write(source)
            stdin.flush()
            header = self._line(deadline).split()
            code, svg_size, err_size = (int(part) for part in header[1:4])
            svg = self._exactly(svg_size, deadline)
            err = self._exactly(err_size, deadline)
        except TimeoutError:  # an OSError too, but not a broken pipe
            self.kill()
            raise
        except (OSError, ValueError) as exc:
            self.kill()
            raise ZygoteGone(f"the Graphviz zygote stopped ({exc})") from None
        except BaseException:
            self.kill()  # interrupted, timed out or gone: never leave its child running
            raise
        if code < 0:
            self.kill()  # a child killed mid-request may have left part of it unread
        return code, svg, err

    def _read(self, deadline: float) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([stdout], [], [], remaining)[0]:
            raise TimeoutError
        chunk = os.read(stdout.fileno(), 1 << 20)
        if not chunk:
            raise ZygoteGone("the Graphviz zygote stopped")
        self._buffer += chunk

    def _line(self, deadline: float) -> bytes:
        while b"\n" not in self._buffer:
            self._read(deadline)
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _exactly(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            self._read(deadline)
        taken, self._buffer = self._buffer[:size], self._buffer[size:]
        return taken

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self._close_pipes()

    def close(self) -> None:
        """End of the batch: the zygote stops at the end of its input."""
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()
