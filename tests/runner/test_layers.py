"""The runner sits between the library and the CLI: nothing below it imports it."""

from __future__ import annotations

from tests.test_architecture import GRAPH


def test_only_the_cli_imports_the_runner() -> None:
    importers = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if not name.startswith(("journeymap.cli", "journeymap.runner"))
        for target in targets
        if target.startswith("journeymap.runner")
    )
    assert importers == []


def test_the_command_modules_use_the_runner() -> None:
    """The batch runs live in the runner: the commands that have one call it (directly,
    or through `cli/runs.py`, the bodies the quick entry shares with typer)."""
    for command in ("validate", "render", "matrix", "diff", "import"):
        module = f"journeymap.cli.{command}_cmd"
        targets = set(GRAPH[module])
        if "journeymap.cli.runs" in targets:
            targets |= GRAPH["journeymap.cli.runs"]
        assert any(target.startswith("journeymap.runner") for target in targets), module
