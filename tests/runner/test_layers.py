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


def test_metrics_import_is_run_by_the_runner() -> None:
    """`metrics import` reads, computes, matches and writes in runner/metrics.py: its
    command module holds arguments, one call and exit codes, and reaches none of the
    pieces (the mapping, the readers, the computation, the report) itself."""
    pieces = sorted(
        target
        for target in GRAPH["journeymap.cli.metrics_cmd"]
        if target.startswith(("journeymap.metrics.", "journeymap.output.metrics_text"))
        and target != "journeymap.metrics.mapping"  # `metrics schema` prints its schema
    )
    assert pieces == []
    assert "journeymap.output.metrics_text" in GRAPH["journeymap.runner.metrics"]
