"""The command itself: version, help, entry points, and what start-up imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journeymap import __version__
from tests.conftest import invoke, run_cli

HEAVY = (
    "rich",
    "graphviz",
    "yaml",
    "journeymap.model",
    "journeymap.load",
    "ruamel",
    "anyascii",
    "jinja2",
    "journeymap.site",
)


def test_version() -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.stdout == f"journeymap {__version__}\n"


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "Usage: journeymap" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "typer_needs_pydantic"),
    [(["--version"], False), (["--help"], False), (["validate", "--help"], True)],
)
def test_start_up_imports_nothing_heavy(args: list[str], typer_needs_pydantic: bool) -> None:
    """`--help` and `--version` must stay as quick as typer itself (lazy imports).

    typer itself imports pydantic to convert a subcommand's parameters, so only the
    top-level calls can be free of it.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    heavy = (*HEAVY, *(() if typer_needs_pydantic else ("pydantic",)))
    assert not [m for m in imported if m.startswith(heavy)]


def test_every_command_has_help() -> None:
    from journeymap.cli.app import app

    names = [c.name for c in app.registered_commands]
    assert "validate" in names
    for name in names:
        result = invoke(str(name), "--help")
        assert result.code == 0, name
        assert f"Usage: journeymap {name}" in result.stdout


def test_console_script_is_installed() -> None:
    from shutil import which

    script = which("journeymap", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script is not None
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("journeymap ")
