"""SVG of a batch laid out by the Graphviz zygote (render/zygote.py): `dot`'s very bytes,
its failures reported as dot's are, and nothing left running after a timeout, a crash
or a signal (the signal test of a whole batch is in test_hostile_surroundings.py)."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeymap.render import engine as engine_module
from journeymap.render.engine import Engine, EngineError, close_zygote, find_engine, for_batch, run
from journeymap.render.pipeline import PROCESSES_FROM
from tests.conftest import run_cli
from tests.test_hostile_surroundings import _alive, _batch, _descendants

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None or not sys.platform.startswith("linux"),
    reason="the zygote needs Graphviz's dot on Linux",
)

HOSTILE_DOT = {
    "clusters": "digraph g { "
    + " ".join(
        f'subgraph cluster_{i} {{ label="c{i}" n{i}a -> n{i}b }} n{i}b -> n{(i * 7) % 30}a;'
        for i in range(30)
    )
    + " }",
    "nested clusters": "digraph { subgraph cluster_z { subgraph cluster_y { a b } "
    "subgraph cluster_x { c -> d } } subgraph cluster_w { e -> a } d -> e }",
    "quoting and unicode": 'digraph { "a \\"q\\" \\\\" -> "é ü ✕ 中文 🙂"; '
    'x [label="l1\\nl2\\lleft\\r"] }',
    "html": "digraph { a [shape=plaintext label=<<TABLE><TR><TD PORT='p'>&amp;&lt;"
    "<B>b</B></TD><TD>&#160;→</TD></TR></TABLE>>] a:p -> b }",
    "huge label": 'digraph { a [label="' + "mot " * 4000 + '"] a -> b }',
    "records": 'graph { node [shape=record] a [label="{x|<y>y|z}"] a:y -- b }',
    "empty": "digraph {}",
}
SLOW_DOT = "digraph { " + " ".join(f"n{i} -> n{(i * 7919) % 1500};" for i in range(6000)) + " }"


@pytest.fixture
def engines() -> Iterator[tuple[Engine, Engine]]:
    plain = find_engine()
    through = for_batch(plain, "svg")
    assert through is not None and through.linked is not None, "the zygote is not used here"
    yield plain, through
    close_zygote()


def _zygotes() -> tuple[set[int], set[int]]:
    """This process's zygote (a child running zygote_main.py), and the zygote's children."""
    parents: dict[int, int] = {}
    for pid in _descendants(os.getpid()):
        try:
            if b"zygote_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                parents[pid] = int(
                    Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]
                )
        except OSError:
            continue
    zygotes = {pid for pid, parent in parents.items() if parent == os.getpid()}
    return zygotes, {pid for pid, parent in parents.items() if parent in zygotes}


def _zygote_family() -> set[int]:
    zygotes, children = _zygotes()
    return zygotes | children


def test_a_batch_gives_the_bytes_of_one_dot_per_map(tmp_path: Path) -> None:
    batch = _batch(tmp_path, PROCESSES_FROM + 4)
    zygote, dot = tmp_path / "zygote", tmp_path / "dot"
    first = run_cli("render", batch, "-o", f"{zygote}/", "--jobs", "2")
    second = run_cli(
        "render", batch, "-o", f"{dot}/", "--jobs", "2", env={"JOURNEYMAP_ZYGOTE": "0"}
    )
    assert first.code == second.code == 0, first.stderr + second.stderr
    names = sorted(path.name for path in dot.iterdir())
    assert sorted(path.name for path in zygote.iterdir()) == names
    assert len(names) == PROCESSES_FROM + 4
    for name in names:
        assert (zygote / name).read_bytes() == (dot / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(HOSTILE_DOT))
def test_hostile_dot_gives_dots_bytes(name: str, engines: tuple[Engine, Engine]) -> None:
    plain, through = engines
    source = HOSTILE_DOT[name]
    assert run(through, source, "svg") == run(plain, source, "svg")


def test_the_same_map_twice_in_one_zygote_gives_the_same_bytes(
    engines: tuple[Engine, Engine],
) -> None:
    _, through = engines
    source = HOSTILE_DOT["clusters"]
    assert run(through, source, "svg") == run(through, source, "svg")


def test_a_failing_layout_is_reported_as_dot_reports_it(engines: tuple[Engine, Engine]) -> None:
    plain, through = engines
    source = "digraph { a [label=<<B>x</I>>] }"
    messages = []
    for engine in (plain, through):
        with pytest.raises(EngineError) as failed:
            run(engine, source, "svg")
        messages.append(str(failed.value))
    assert messages[0] == messages[1]
    assert "mismatched tag" in messages[0]
    assert run(through, HOSTILE_DOT["records"], "svg").startswith(b"<?xml")  # still serving


def test_off_switch_and_a_dot_that_is_not_a_linked_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYMAP_ZYGOTE", "0")
    plain = find_engine()
    assert for_batch(plain, "svg") == plain
    monkeypatch.delenv("JOURNEYMAP_ZYGOTE")
    assert for_batch(plain, "png") == plain
    log = tmp_path / "calls"
    wrapper = tmp_path / "dot"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {shutil.which("dot")} "$@"\n')
    wrapper.chmod(0o755)
    batch = _batch(tmp_path, PROCESSES_FROM)
    done = run_cli(
        "render", batch, "-o", f"{tmp_path / 'out'}/", env={"JOURNEYMAP_DOT": str(wrapper)}
    )
    assert done.code == 0, done.stderr
    assert log.read_text().splitlines() == ["-Tsvg"] * PROCESSES_FROM


def test_a_timeout_stops_the_zygote_and_its_child(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, through = engines
    run(through, HOSTILE_DOT["empty"], "svg")
    family = _zygote_family()
    assert family, "no zygote was started"
    monkeypatch.setattr(engine_module, "TIMEOUT", 1)
    with pytest.raises(EngineError, match="took more than 1 s and was stopped"):
        run(through, SLOW_DOT, "svg")
    time.sleep(0.5)
    assert not [pid for pid in family | _zygote_family() if _alive(pid)]
    monkeypatch.setattr(engine_module, "TIMEOUT", 300)
    assert run(through, HOSTILE_DOT["records"], "svg").startswith(b"<?xml")  # a new zygote


def test_a_crashing_child_is_a_failed_layout(engines: tuple[Engine, Engine]) -> None:
    _, through = engines
    run(through, HOSTILE_DOT["empty"], "svg")
    failure: list[BaseException] = []

    def lay_out() -> None:
        try:
            run(through, SLOW_DOT, "svg")
        except EngineError as error:
            failure.append(error)

    worker = threading.Thread(target=lay_out)
    worker.start()
    deadline = time.monotonic() + 30
    crashed = False
    while not crashed and time.monotonic() < deadline:
        # the child laying out: a child of the zygote that has read its request
        for pid in _zygotes()[1]:
            if "State:\tR" in Path(f"/proc/{pid}/status").read_text():
                os.kill(pid, signal.SIGSEGV)
                crashed = True
                break
        time.sleep(0.05)
    worker.join(60)
    assert crashed
    assert failure and str(failure[0]).endswith("failed: exit code -11"), failure
    assert run(through, HOSTILE_DOT["records"], "svg").startswith(b"<?xml")


def test_a_zygote_killed_between_maps_is_replaced(engines: tuple[Engine, Engine]) -> None:
    plain, through = engines
    source = HOSTILE_DOT["nested clusters"]
    run(through, source, "svg")
    zygotes, _ = _zygotes()
    assert len(zygotes) == 1
    os.kill(zygotes.pop(), signal.SIGKILL)
    time.sleep(0.2)
    assert run(through, source, "svg") == run(plain, source, "svg")  # dot drew this one
    assert run(through, source, "svg") == run(plain, source, "svg")  # and a new zygote
    assert len(_zygotes()[0]) == 1
