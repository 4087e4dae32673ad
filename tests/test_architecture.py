"""The package's import graph: no cycle, and data flowing one way through the layers.

Every import counts, including those inside functions (the lazy imports that keep
`journeymap --help` fast), under `if TYPE_CHECKING:`, and the modules named in strings
for importlib ("journeymap.output.text_report:TextReporter"): a circle that only the
type checker or importlib walks is still a circle a reader has to hold in their head,
and the first refactoring that turns it into a plain import makes it an ImportError.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import journeymap

ROOT = Path(journeymap.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(ROOT.rglob("*.py"))}
PLAIN_MODULES = {name for name, path in MODULES.items() if path.name != "__init__.py"}


def _resolve(base: str, module: str | None, level: int, package: bool) -> str:
    """The absolute name of `from <level dots><module> import ...` written in `base`."""
    if level == 0:
        return module or ""
    parts = base.split(".")
    if not package:
        parts.pop()
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, *([module] if module else [])])


def _imports(name: str, path: Path) -> Iterator[str]:
    """The journeymap modules `name` imports anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, node.module, node.level, package)
            # `from package import module` imports the module; `from module import name`
            # imports the module that holds the name.
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                for alias in node.names
            ]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A module named for importlib, alone or as "module:attribute".
            named = node.value.partition(":")[0]
            targets = [named] if named in PLAIN_MODULES else []
        else:
            continue
        for target in targets:
            if target in MODULES and target != name:
                yield target


GRAPH = {name: frozenset(_imports(name, path)) for name, path in MODULES.items()}


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(set(component), graph) for component in components]


def _cycle_in(component: set[str], graph: dict[str, frozenset[str]]) -> list[str]:
    """A shortest path from the component's first module back to itself."""
    start = min(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & component):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover


def test_the_graph_sees_lazy_and_type_only_imports() -> None:
    """The detector is worth what its graph is: it must see the imports a cycle hides in."""
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert "journeymap.output.report" in GRAPH["journeymap.cli.runs"]  # in a function
    assert "journeymap.model.journey" in GRAPH["journeymap.lint.rule"]  # under TYPE_CHECKING
    assert "journeymap.lint.rules.scope" in GRAPH["journeymap.lint.registry"]  # for importlib


def test_no_import_cycle() -> None:
    cycles = _cycles(dict(GRAPH))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


# Every package in its place: load -> model -> checks and views (lint, diff, metrics,
# importers, views) -> output (output, render, site) -> runner (a command's run) -> cli.
CHECKS = ("lint", "diff", "metrics", "importers", "views")
OUTPUTS = ("output", "render", "site")
LAYERS = ("load", "model", *CHECKS, *OUTPUTS, "runner", "cli")
FORBIDDEN = {
    "model": ("load", *CHECKS, *OUTPUTS, "runner", "cli"),
    **dict.fromkeys(CHECKS, (*OUTPUTS, "runner", "cli")),
    "views": ("lint", "diff", "metrics", "importers", *OUTPUTS, "runner", "cli"),
    "importers": ("lint", "diff", "metrics", *OUTPUTS, "runner", "cli"),
    "output": ("runner", "cli"),
    "render": ("site", "runner", "cli"),
    "site": ("runner", "cli"),
    "runner": ("cli",),
}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _breaches(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if _layer(name) == layer
        for target in targets
        if _layer(target) in forbidden
    )


def test_every_package_has_its_layer() -> None:
    """A new package is placed in the flow before it can reach anywhere it likes."""
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    assert packages - set(LAYERS) == set()


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_data_flows_one_way(layer: str) -> None:
    """load -> model -> checks and views -> output -> cli: no layer reaches up."""
    assert _breaches(layer, FORBIDDEN[layer]) == []


def test_nothing_imports_the_cli() -> None:
    assert (
        sorted(
            f"{name} imports {target}"
            for name, targets in GRAPH.items()
            if _layer(name) != "cli" and name != "journeymap.__main__"
            for target in targets
            if _layer(target) == "cli"
        )
        == []
    )
