"""Mapping a path through the data (as pydantic and the lint rules give it) to a line and column."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeymap.diagnostics import Diagnostic, Severity, Source
from journeymap.load.yamldoc import MERGE_TAG

Loc = tuple[str | int, ...]
Target = Literal["key", "value"]


_INDEXED_FROM = 16
_INDEXES: weakref.WeakKeyDictionary[MappingNode, dict[str, tuple[Node, Node]]] = (
    weakref.WeakKeyDictionary()
)
"""Key lookups of large mappings, built once: placing each of thousands of unknown keys
by a scan of its mapping was quadratic."""


def _index(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    found = _INDEXES.get(node)
    if found is None:
        found = {}
        for key, value in node.value:  # the last of duplicate keys wins, as in YAML
            if isinstance(key, ScalarNode) and key.tag != MERGE_TAG:
                found[key.value] = (key, value)
        _INDEXES[node] = found
    return found


def _mapping_entry(node: MappingNode, name: str) -> tuple[Node, Node] | None:
    if len(node.value) >= _INDEXED_FROM:
        direct = _index(node).get(name)
        if direct is not None:
            return direct
    else:
        for key, value in reversed(node.value):
            if isinstance(key, ScalarNode) and key.value == name and key.tag != MERGE_TAG:
                return key, value
    for key, value in node.value:
        if key.tag == MERGE_TAG:
            merged = [value] if isinstance(value, MappingNode) else getattr(value, "value", [])
            for source in merged:
                if isinstance(source, MappingNode) and (found := _mapping_entry(source, name)):
                    return found
    return None


def _node(root: Node, loc: Sequence[str | int], target: Target) -> Node:
    """The node of `loc`, or of its deepest part that exists.

    Segments that match nothing are skipped rather than fatal: pydantic inserts synthetic
    ones for unions and validators, and a missing key is best shown at its parent.
    """
    node = root
    key_node: Node | None = None
    for segment in loc:
        if isinstance(node, MappingNode) and isinstance(segment, str):
            entry = _mapping_entry(node, segment)
            if entry is None:
                continue
            key_node, node = entry
        elif isinstance(node, SequenceNode) and isinstance(segment, int):
            if not 0 <= segment < len(node.value):
                continue
            key_node, node = None, node.value[segment]
    return key_node if target == "key" and key_node is not None else node


def locate(
    root: Node | None, loc: Sequence[str | int], target: Target = "value"
) -> tuple[int, int]:
    """Return the 1-based position of `loc`, or of its deepest part that exists."""
    if root is None:
        return 1, 1
    mark = _node(root, loc, target).start_mark
    return mark.line + 1, mark.column + 1


class Coded(Protocol):
    """What names a check: a validity code (`RuleInfo`) or a lint `Rule`."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Placer:
    """Makes the diagnostics of one file from places in its data.

    The checks that read data (the schema, the references, the lint rules) know a data
    path, not a line; the placer holds the file's name and node tree and turns the path
    into the span of the node the author wrote there.
    """

    path: str
    root: Node | None

    def at(
        self,
        check: Coded,
        loc: Sequence[str | int],
        message: str,
        target: Target = "value",
        *,
        source: Source,
        severity: Severity = "error",
        hint: str = "",
    ) -> Diagnostic:
        if self.root is None:
            line = column = 1
            end_line = end_column = 0
        else:
            node = _node(self.root, loc, target)
            start, end = node.start_mark, node.end_mark
            line, column = start.line + 1, start.column + 1
            end_line, end_column = end.line + 1, end.column + 1
        return Diagnostic(
            self.path,
            line,
            column,
            check.code,
            check.name,
            message,
            severity,
            end_line,
            end_column,
            hint,
            source,
        )
