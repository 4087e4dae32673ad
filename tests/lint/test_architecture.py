"""Rules read only the model: no YAML, no loader, no output, no CLI in a rule module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import journeymap.lint.rules
import journeymap.metrics

RULE_MODULES = sorted(Path(journeymap.lint.rules.__file__).parent.glob("*.py"))
ALLOWED = (
    "journeymap.model",
    "journeymap.lint.rule",
    "journeymap.lint.text",
    "journeymap.lint.sentence",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: p.name)
def test_rule_modules_import_only_the_model_and_the_rule_api(path: Path) -> None:
    project = {m for m in _imports(path) if m.split(".")[0] in {"journeymap", "yaml", "rich"}}
    assert {m for m in project if not m.startswith(ALLOWED)} == set()


METRICS_MODULES = sorted(Path(journeymap.metrics.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("path", METRICS_MODULES, ids=lambda p: p.name)
def test_metrics_modules_are_pure(path: Path) -> None:
    """Survey reading and computing take bytes and text: no files, terminals or journey
    loading. A mapping's YAML is read with the journeys' guarded parser (text to data:
    PyYAML's own loader crashes on deep nesting and expands alias bombs)."""
    imported = _imports(path)
    layers = ("journeymap.cli", "journeymap.output", "journeymap.load", "journeymap.render")
    guarded = {"journeymap.load.yamldoc", "journeymap.load.limits"}
    assert {m for m in imported if m.startswith(layers)} - guarded == set()
    assert not imported & {"ruamel", "ruamel.yaml", "rich", "pathlib.Path", "os"}
    source = path.read_text(encoding="utf-8")
    assert "open(" not in source and "read_bytes" not in source and "read_text" not in source
