"""Mapping a path through the data (as pydantic and the lint rules give it) to a line and column."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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


def locate(
    root: Node | None, loc: Sequence[str | int], target: Target = "value"
) -> tuple[int, int]:
    """Return the 1-based position of `loc`, or of its deepest part that exists.

    Segments that match nothing are skipped rather than fatal: pydantic inserts synthetic
    ones for unions and validators, and a missing key is best shown at its parent.
    """
    if root is None:
        return 1, 1
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
    chosen = key_node if target == "key" and key_node is not None else node
    mark = chosen.start_mark
    return mark.line + 1, mark.column + 1
