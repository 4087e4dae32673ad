"""`journeymap site --serve`: a preview that rebuilds when a journey changes, until a signal."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_FILES, ROOT


def _get(address: str) -> str:
    with urllib.request.urlopen(address, timeout=10) as response:
        body: bytes = response.read()
    return body.decode("utf-8")


def _serve(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`journeymap site ARGS --serve --port 0` in a subprocess, its streams piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "journeymap", "site", *args, "--serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def test_serve_rebuilds_on_change_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    source = shutil.copy(EXAMPLE_FILES[-1], journeys)
    proc = _serve(journeys, "-o", tmp_path / "out")
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        address = found.group(1)
        title = "Achat d’une veste d’hiver en ligne"
        assert title in _get(address + "index.html")
        text = Path(source).read_text(encoding="utf-8")
        Path(source).write_text(text.replace(title, "Veste réécrite"), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Veste réécrite" not in _get(address + "index.html"):
            assert time.monotonic() < deadline, "the site was not rebuilt"
            time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err == "journeymap: interrupted\n"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_stops_the_server_and_exits_with_its_code(tmp_path: Path, signum: int) -> None:
    """A service manager's SIGTERM (or `timeout`) stops the preview as it stops any command:
    exit 128 + the signal, one line, the port free again, no process left. It exited 0 on
    every signal, so that a stopped preview looked like one that had ended by itself."""
    import socket

    from tests.processes import alive, descendants

    journeys = tmp_path / "journeys"
    journeys.mkdir()
    shutil.copy(EXAMPLE_FILES[-1], journeys)
    proc = _serve(journeys, "-o", tmp_path / "out")
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        port = int(found.group(1))
        _get(f"http://127.0.0.1:{port}/index.html")
        children = descendants(proc.pid)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, err) == (128 + signum, "journeymap: interrupted\n")
    assert not [pid for pid in children if alive(pid)]
    with socket.socket() as free:  # the server's socket is closed: a new one listens
        free.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        free.bind(("127.0.0.1", port))
        free.listen()


def test_serve_stops_on_a_ctrl_c_whose_raise_was_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under load: the preview served on after Ctrl-C, its raise lost in the
    # server's bookkeeping. A signal recorded but never raised must still end it.
    import functools
    import io
    import threading

    from journeymap import signals
    from journeymap.site.run import serve

    monkeypatch.setattr(signals, "_pending", [])
    (tmp_path / "out").mkdir()
    stream = io.StringIO()
    lost = threading.Timer(0.5, signals._pending.append, args=(signal.SIGINT,))
    lost.start()
    # Without the fix the test would hang: a real Ctrl-C after 8 s ends it, and fails it.
    rescue = threading.Timer(8, os.kill, args=(os.getpid(), signal.SIGINT))
    rescue.start()
    started = time.monotonic()
    with pytest.raises(signals.Interrupted) as stopped:
        serve([tmp_path], [], tmp_path / "out", functools.partial(print), port=0, stream=stream)
    rescue.cancel()
    assert time.monotonic() - started < 8
    assert stopped.value.code == 128 + signal.SIGINT


def test_a_signal_during_a_rebuild_stops_it_as_it_stops_a_build(tmp_path: Path) -> None:
    """A named pipe among the inputs holds the rebuild at a known place (reading it):
    the signal ends the run there, exit 143, one line, no worker left. (The rebuild ran
    in a watcher thread, where a signal met while its workers drew the pages printed
    that thread's traceback: 5 runs in 6 of SIGTERM 0-2 s into a `-j 2` rebuild; that
    moment cannot be held from here, it is the main thread's now.)"""
    import threading

    from tests.processes import alive, descendants

    journeys = tmp_path / "journeys"
    journeys.mkdir()
    text = EXAMPLE_FILES[-1].read_text(encoding="utf-8")
    for index in range(20):  # enough files for the pages to be drawn by workers
        (journeys / f"j{index:02}.yaml").write_text(
            text.replace("\nid: ", f"\nid: n{index}-", 1), encoding="utf-8"
        )
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    piped = text.replace("\nid: ", "\nid: piped-", 1)

    def feed_once() -> None:
        with pipe.open("w", encoding="utf-8") as writer:
            writer.write(piped)

    threading.Thread(target=feed_once, daemon=True).start()  # the first build reads it
    proc = _serve(
        journeys, pipe, "-o", tmp_path / "out", "-j", "2", env={"JOURNEYMAP_PIPE_WAIT": "600"}
    )
    try:
        assert proc.stderr is not None
        while "serving" not in (line := proc.stderr.readline()):
            assert line, "the preview did not start"

        def reading_the_pipe() -> bool:
            for pid in {proc.pid, *descendants(proc.pid)}:
                with contextlib.suppress(OSError):
                    for fd in Path(f"/proc/{pid}/fd").iterdir():
                        with contextlib.suppress(OSError):
                            if str(fd.readlink()) == str(pipe):
                                return True
            return False

        deadline = time.monotonic() + 60
        changes = 0
        while not reading_the_pipe():  # a change (again, until seen): the rebuild reads it
            assert time.monotonic() < deadline, "the rebuild never started"
            changes += 1
            os.utime(journeys / "j00.yaml", ns=(changes, changes))
            time.sleep(0.2)
        children = descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, err) == (143, "journeymap: interrupted\n")
    assert not [pid for pid in children if alive(pid)]


def test_a_rebuild_error_shortens_a_long_path_as_every_error_line_does(tmp_path: Path) -> None:
    """`site --serve` printed a rebuild's error with its whole path (exits.fail shortens
    one over 160 characters to its start and end, and every other error line did)."""
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    source = Path(shutil.copy(EXAMPLE_FILES[-1], journeys))
    out = tmp_path / ("o" * 90) / ("p" * 90) / "site"
    proc = _serve(journeys, "-o", out)
    try:
        assert proc.stderr is not None
        assert "serving" in proc.stderr.readline()
        (out / "index.html").unlink()
        (out / "index.html").mkdir()  # the next rebuild cannot write it
        source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        # The watcher compares modification times: a write in the same tick as the build
        # is not seen, so the change is made again until the rebuild speaks (never a hang).
        import queue
        import threading

        lines: queue.Queue[str] = queue.Queue()
        stream = proc.stderr
        threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
        deadline = time.monotonic() + 60
        changes = 0
        while True:
            try:
                line = lines.get(timeout=0.5)
                break
            except queue.Empty:
                assert time.monotonic() < deadline, "the rebuild never reported"
                changes += 1
                os.utime(source, ns=(changes * 10**9, changes * 10**9))
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert len(str(out / "index.html")) > 200
    assert line.startswith(f"journeymap: error: {str(tmp_path)[:20]}")
    assert "…" in line and line.endswith("/site/index.html: cannot write: Is a directory\n")
    assert max(len(word) for word in line.split()) == 159  # the path and its colon
