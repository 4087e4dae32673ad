"""Batches laid out by layout servers (Graphviz's library loaded once per worker) give
`dot`'s bytes, say `dot`'s failures, respect the timeout and leave no process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from journeymap.render import libgvc
from journeymap.render.engine import EngineError, find_engine
from journeymap.render.pipeline import PROCESSES_FROM
from tests.conftest import EXAMPLE_FILES, ROOT, run_cli
from tests.processes import marked

pytestmark = [
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="layout servers: Linux"),
]

OFF = {libgvc.SETTING: "0"}


def _folder(tmp_path: Path) -> Path:
    """Every example, and copies of two of them under other ids: more files than a
    batch drawn in threads, so that workers and their servers draw them."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in EXAMPLE_FILES:
        shutil.copy(path, folder / path.name)
    extra = PROCESSES_FROM + 2 - len(EXAMPLE_FILES)
    for index in range(extra):
        example = EXAMPLE_FILES[index % 2]
        text = example.read_text(encoding="utf-8")
        journey_id = next(line for line in text.splitlines() if line.startswith("id: "))
        copied = text.replace(journey_id, f"{journey_id}-{index}", 1)
        (folder / f"copy-{index}.yaml").write_text(copied, encoding="utf-8")
    return folder


def _draw(folder: Path, out: Path, *options: str, env: dict[str, str] | None = None) -> None:
    out.mkdir()
    result = run_cli("render", folder, "-o", out, "--jobs", "2", *options, env=env)
    assert result.code == 0, result.stderr


def _same_files(left: Path, right: Path) -> None:
    names = sorted(p.name for p in left.iterdir())
    assert names == sorted(p.name for p in right.iterdir())
    assert len(names) >= PROCESSES_FROM
    differ = [n for n in names if (left / n).read_bytes() != (right / n).read_bytes()]
    assert differ == []


def _only_version_dot(tmp_path: Path) -> dict[str, str]:
    """A PATH whose `dot` answers `-V` as Graphviz's and fails any layout: a batch that
    succeeds with it was laid out by the servers alone."""
    folder = tmp_path / "bin"
    folder.mkdir()
    real = shutil.which("dot")
    fake = folder / "dot"
    fake.write_text(
        f'#!/bin/sh\nif [ "$1" = "-V" ]; then exec {real} -V; fi\n'
        'echo "this map went to dot" >&2\nexit 1\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.parametrize(
    "options",
    [(), ("--theme", "print", "--compact", "--view", "path")],
    ids=["map", "print-compact-path"],
)
def test_a_batch_laid_out_by_servers_is_byte_for_byte_dots(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    folder = _folder(tmp_path)
    _draw(folder, tmp_path / "servers", *options, env=_only_version_dot(tmp_path))
    _draw(folder, tmp_path / "dot", *options, env=OFF)
    _same_files(tmp_path / "servers", tmp_path / "dot")


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_from_servers_are_dots_too(tmp_path: Path, fmt: str) -> None:
    folder = _folder(tmp_path)
    _draw(folder, tmp_path / "servers", "-f", fmt, env=_only_version_dot(tmp_path))
    _draw(folder, tmp_path / "dot", "-f", fmt, env=OFF)
    _same_files(tmp_path / "servers", tmp_path / "dot")


def test_a_map_over_the_timeout_stops_the_batch_and_its_servers(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    marker = uuid.uuid4().hex
    env = {"JOURNEYMAP_DOT_TIMEOUT": "0.001", "JM_TEST_MARK": marker, **_only_version_dot(tmp_path)}
    result = run_cli("render", folder, "-o", out, "--jobs", "2", env=env)
    assert result.code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "took more than 0.001 s and was stopped" in lines[0]
    assert "JOURNEYMAP_DOT_TIMEOUT" in lines[0] and ".yaml" in lines[0]
    assert list(out.iterdir()) == []
    assert marked(b"libgvc_main", marker.encode()) == []


def test_an_interrupted_batch_leaves_no_server_and_no_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    marker = uuid.uuid4().hex
    env = {**os.environ, "JM_TEST_MARK": marker, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeymap", "render", str(folder), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while not marked(b"libgvc_main", marker.encode()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marked(b"libgvc_main", marker.encode()), "no layout server started"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    time.sleep(0.2)  # a server sees its worker's end through the kernel's signal
    assert marked(b"libgvc_main", marker.encode()) == []
    assert list(out.iterdir()) == []


def test_a_server_killed_from_outside_is_replaced_and_dot_draws_that_map() -> None:
    engine = find_engine()
    library = libgvc.usable(engine)
    assert library is not None
    source = "digraph g { a -> b }\n"
    try:
        first = libgvc.run(engine, library, source, "svg")
        assert first is not None and first.rstrip().endswith(b"</svg>")
        libgvc._server[0].process.kill()
        assert libgvc.run(engine, library, source, "svg") is None  # the caller runs dot
        assert libgvc.run(engine, library, source, "svg") == first  # a new server
    finally:
        libgvc.stop()


def test_graphviz_errors_are_reported_as_dots() -> None:
    engine = find_engine()
    library = libgvc.usable(engine)
    assert library is not None
    try:
        with pytest.raises(EngineError, match=r"failed: .*syntax error"):
            libgvc.run(engine, library, "digraph { a -> }\n", "svg")
        fine = libgvc.run(engine, library, "digraph g { a }\n", "svg")
        assert fine is not None and b"<svg" in fine  # the server goes on after a failure
    finally:
        libgvc.stop()


def test_another_graphviz_version_is_not_used() -> None:
    engine = find_engine()
    try:
        assert libgvc.run(engine, libgvc.Library("0.0.0"), "digraph g { a }\n", "svg") is None
        assert libgvc._unstartable  # the other maps go to dot without trying again
    finally:
        libgvc.stop()


def test_the_setting_and_a_chosen_program_turn_servers_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = find_engine()
    monkeypatch.setenv(libgvc.SETTING, "0")
    assert libgvc.usable(engine) is None
    monkeypatch.delenv(libgvc.SETTING)
    monkeypatch.setenv("JOURNEYMAP_DOT", engine.program)
    assert libgvc.usable(engine) is None


def test_a_server_is_replaced_after_its_share_of_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = find_engine()
    library = libgvc.usable(engine)
    assert library is not None
    monkeypatch.setattr(libgvc, "MAPS_PER_SERVER", 2)
    try:
        pids = []
        for _ in range(5):
            assert libgvc.run(engine, library, "digraph g { a }\n", "svg") is not None
            pids.append(libgvc._server[0].process.pid if libgvc._server else None)
        assert pids[1] is None and pids[3] is None  # stopped after every second map
        assert len({pid for pid in pids if pid is not None}) == 3
    finally:
        libgvc.stop()
