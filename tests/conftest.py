"""Shared helpers: run the real CLI, in-process or as a subprocess, and compare snapshots."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
FULL = os.environ.get("JOURNEYMAP_FULL_TESTS") == "1"
"""The full run (nightly, before a release): every case where the everyday run takes a
fixed sample of many equivalent ones (see CONTRIBUTING.md, "Test suite time")."""

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    # A suite started in the background (`nohup ... &`, some CI runners) ignores SIGINT,
    # and every CLI it starts would inherit that and keep it ignored, by design (a
    # background job's Ctrl-C stays ignored). A handler, unlike SIG_IGN, is reset to the
    # default in a child at exec, so the Ctrl-C tests see what a terminal gives.
    signal.signal(signal.SIGINT, signal.default_int_handler)


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


INTERNAL_ERROR = 3


def run_cli(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    internal_error_expected: bool = False,
) -> Result:
    """The CLI in a subprocess, exactly as a user runs it (exit code, streams, no tty).

    Exit 3 (an internal error: a bug) fails every test but the one that checks how such
    a bug is reported.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "journeymap", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})},
        timeout=120,
    )
    if not internal_error_expected:
        assert proc.returncode != INTERNAL_ERROR, (args, proc.stderr)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def invoke(*args: str | Path) -> Result:
    """The CLI in-process (fast), through the same typer app and the same main() guard."""
    from journeymap.cli.app import app

    runner = CliRunner()
    outcome = runner.invoke(
        app, [str(a) for a in args], env={"NO_COLOR": "1", "COLUMNS": "100"}, catch_exceptions=False
    )
    assert outcome.exit_code != INTERNAL_ERROR, (args, outcome.stderr)
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)


def assert_snapshot(name: str, actual: str) -> None:
    """Compare with tests/snapshots/NAME; UPDATE_SNAPSHOTS=1 rewrites it instead."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        if os.environ.get("CI") and not path.exists():
            pytest.fail(f"snapshot {name} is missing; run the tests locally and commit it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"snapshot {name} differs; UPDATE_SNAPSHOTS=1 to accept"


@pytest.fixture
def examples() -> list[Path]:
    return EXAMPLE_FILES
