"""Naming a place in a journey the way its author thinks of it: "stage 'achat', step 'paie'"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_ITEM_NAMES = {
    "stages": "stage",
    "steps": "step",
    "touchpoints": "touchpoint",
    "channels": "channel",
    "stakeholders": "stakeholder",
    "delights": "delight",
    "irritants": "irritant",
    "breakpoints": "breakpoint",
}


def _label(kind: str, index: int, item: Any) -> str:
    if isinstance(item, dict):
        if kind == "touchpoint" and isinstance(item.get("channel"), str):
            return f"touchpoint on '{item['channel']}'"
        if isinstance(item.get("id"), str):
            return f"{kind} '{item['id']}'"
    return f"{kind} {index + 1}"


def describe(data: Any, loc: Sequence[str | int]) -> str:
    """Name the containers along `loc` (not the final field), or '' at the top level."""
    parts: list[str] = []
    node = data
    for position, segment in enumerate(loc):
        if isinstance(segment, int) and position > 0 and isinstance(node, list):
            container = loc[position - 1]
            item = node[segment] if 0 <= segment < len(node) else None
            kind = _ITEM_NAMES.get(str(container))
            is_last = position == len(loc) - 1
            if kind is not None and not (is_last and kind in {"delight", "irritant", "breakpoint"}):
                parts.append(_label(kind, segment, item))
            node = item
        elif isinstance(node, dict) and isinstance(segment, str):
            node = node.get(segment)
        else:
            break
    return ", ".join(parts)


def field_name(loc: Sequence[str | int]) -> str:
    """The key the message is about, written as the author would type it."""
    strings = [s for s in loc if isinstance(s, str)]
    if not strings:
        return "document"
    last = loc[-1]
    if isinstance(last, int):
        return f"item {last + 1} of '{strings[-1]}'"
    return f"'{strings[-1]}'"


def with_context(data: Any, loc: Sequence[str | int], message: str) -> str:
    where = describe(data, loc)
    return f"{where}: {message}" if where else message
