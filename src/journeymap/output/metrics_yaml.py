"""Writing survey metrics into journey files, leaving every other byte as it was.

Journeys are reviewed in pull requests, so an import must show as a diff of the figures
alone. The writer therefore edits the text itself, at the exact spans the YAML parser
reports for each node: a changed value replaces its scalar, keeping its quote style; a
new key goes after the last one of its mapping, `, key: value` inside a flow mapping or
a line at the mapping's indentation in a block one, after that entry's own comment.
Comments, key order, wrapped flow mappings, quoting and line ends are untouched.

A round trip through ruamel.yaml was measured first and rejected: it re-emits the whole
document and joins every flow mapping wrapped over several lines (66 changed lines on
examples/banque-ouverture-compte.yaml without any edit), and the format 1.1 examples
wrap their long `metrics: {...}` that way.

The result is checked before it is returned: parsed again, it must equal the original
data with exactly the intended values changed; and metrics shared with another place
through a YAML anchor are never edited, since the edit would change both. Such files are
reported and left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from journeymap.metrics.changes import Update

VERSION_KEYS = frozenset({"period", "n", "method", "kpis"})
"""Metrics keys that need `journeymap: 1.1`."""

ORDER = ("channel", "name", "owner", "volume", "metrics", "delights", "irritants")
"""The format reference's key order in a touchpoint: where a new `volume` or `metrics` goes."""

Node = Any  # yaml.Node; PyYAML ships no precise types for its node classes


class UpdateError(Exception):
    """The file cannot be updated safely; the message says where and why."""


def apply_updates(text: str, updates: Sequence[Update], name: str) -> str:
    """The journey text with the updates applied; every other byte the same.

    A byte-order mark and Windows line ends are set aside and put back.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    crlf = "\r\n" in text
    plain = text.removeprefix(bom).replace("\r\n", "\n")
    updated = _apply(plain, updates, name)
    return bom + (updated.replace("\n", "\r\n") if crlf else updated)


def _apply(text: str, updates: Sequence[Update], name: str) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    shared = _shared(root)
    edits: list[tuple[int, int, str]] = []
    needs_1_1 = False
    for update in updates:
        touchpoint = _at(root, ("stages", update.stage, "steps", update.step, "touchpoints"))
        touchpoint = touchpoint.value[update.touchpoint]
        for node in (touchpoint, _get(touchpoint, "metrics")):
            if node is not None and id(node) in shared:
                line = node.start_mark.line + 1
                raise UpdateError(
                    f"{name}:{line}: these metrics are shared with another place through a "
                    "YAML anchor and alias; updating them would change both: not written, "
                    "give each touchpoint its own metrics"
                )
        if update.volume is not None:
            edits += _set(text, touchpoint, "volume", _scalar(update.volume))
        metrics = _get(touchpoint, "metrics")
        entries = ", ".join(f"{k}: {_scalar(v, flow=True)}" for k, v in update.metrics.items())
        if metrics is None:
            edits += _set(text, touchpoint, "metrics", "{" + entries + "}")
        elif not isinstance(metrics, yaml.MappingNode):  # `metrics:` left empty
            start, end = metrics.start_mark.index, metrics.end_mark.index
            space = " " if text[start - 1 : start] == ":" else ""
            edits.append((start, end, space + "{" + entries + "}"))
        else:
            for key, value in update.metrics.items():
                old = _get(metrics, key)
                style = old.style if old is not None else None
                edits += _set(text, metrics, key, _scalar(value, style, metrics.flow_style))
        needs_1_1 = needs_1_1 or bool(VERSION_KEYS & set(update.metrics))
    version = _get(root, "journeymap")
    if needs_1_1 and version is not None and version.value in {"1", "1.0"}:
        edits.append((version.start_mark.index, version.end_mark.index, "1.1"))
    updated = _splice(text, edits)
    _check(text, updated, updates, needs_1_1, name)
    return updated


def _shared(root: Node) -> set[int]:
    """The nodes that appear more than once in the tree: anchors used through aliases."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return shared


def _get(mapping: Node, key: str) -> Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((v for k, v in mapping.value if k.value == key), None)


def _at(node: Node, path: tuple[str | int, ...]) -> Node:
    for part in path:
        node = node.value[part] if isinstance(part, int) else _get(node, part)
    return node


def _set(text: str, mapping: Node, key: str, rendered: str) -> list[tuple[int, int, str]]:
    """The edit that gives `key` this rendered value: in place, or as a new entry."""
    old = _get(mapping, key)
    if old is not None:
        return [(old.start_mark.index, old.end_mark.index, rendered)]
    keys = [k.value for k, _ in mapping.value]
    if key in ORDER and mapping.value and keys[0] == "channel":
        earlier = [i for i, k in enumerate(keys) if k in ORDER[: ORDER.index(key)]]
        after = mapping.value[max(earlier)][1] if earlier else mapping.value[-1][1]
    else:
        after = mapping.value[-1][1]
    if mapping.flow_style:
        return [(after.end_mark.index, after.end_mark.index, f", {key}: {rendered}")]
    column = mapping.value[0][0].start_mark.column
    at = _after_entry(text, after)
    return [(at, at, f"{' ' * column}{key}: {rendered}\n")]


def _after_entry(text: str, value: Node) -> int:
    """Where a new line goes after an entry: after its last line and that line's comment,
    before the blank lines and comments that introduce what follows."""
    end = int(value.end_mark.index)
    if value.end_mark.column == 0 or text[end - 1 : end] == "\n":
        start = end
        lines = text[:end].splitlines(keepends=True)
        while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            start -= len(lines.pop())
        return start
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The edits applied from the end, so that earlier spans keep their offsets; two
    insertions at one place come out in the order they were listed."""
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
    for _, (start, end, replacement) in ordered:
        text = text[:start] + replacement + text[end:]
    return text


_PRINTABLE = re.compile(
    "[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)
"""What YAML may hold inside quotes as it is; anything else is written escaped."""

_PLAIN_FIRST = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]")


def _plain(value: str, flow: bool) -> bool:
    """Whether `value` reads back as the same string when written without quotes."""
    if not value or value != value.strip() or not _PLAIN_FIRST.match(value[0]):
        return False
    if ": " in value or " #" in value or value.endswith(":") or "\n" in value:
        return False
    # Inside {...} parsers disagree on '?', ':' and '#' in a plain scalar (libyaml reads
    # `source: 0?,` where PyYAML's own scanner stops): quote rather than bet on one.
    if flow and any(c in value for c in ",[]{}?:#"):
        return False
    try:
        return bool(yaml.safe_load(value) == value)
    except yaml.YAMLError:
        return False


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if _PRINTABLE.fullmatch(char):
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _scalar(value: Any, style: str | None = None, flow: bool | None = True) -> str:
    """A value written as YAML; a string keeps the quote style of the value it replaces."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"cannot write {value!r}")
    if isinstance(value, int | float):
        return repr(value)
    if style == '"' or not _PRINTABLE.fullmatch(value):
        return '"' + "".join(_escaped(c) for c in value) + '"'
    if style != "'" and _plain(value, bool(flow)):
        return value
    return "'" + value.replace("'", "''") + "'"


def _check(old: str, new: str, updates: Sequence[Update], needs_1_1: bool, name: str) -> None:
    """The new text must hold the old data with exactly the intended values changed."""
    expected = yaml.safe_load(old)
    for update in updates:
        touchpoint = expected["stages"][update.stage]["steps"][update.step]["touchpoints"][
            update.touchpoint
        ]
        if update.volume is not None:
            touchpoint["volume"] = update.volume
        if touchpoint.get("metrics") is None:
            touchpoint["metrics"] = {}
        metrics = touchpoint["metrics"]
        if not isinstance(metrics, dict):
            raise UpdateError(f"{name}: a touchpoint's metrics is not a mapping; not written")
        metrics.update(update.metrics)
    if needs_1_1 and expected.get("journeymap") == 1:
        expected["journeymap"] = 1.1
    try:
        found = yaml.safe_load(new)
    except yaml.YAMLError as exc:
        raise UpdateError(f"{name}: the update would break the YAML ({exc}); not written") from None
    if found != expected:
        raise UpdateError(
            f"{name}: the update would change more than the metrics; not written: update "
            "the metrics by hand, and please report this file"
        )
