"""Writing survey metrics into journey files, leaving every other byte as it was.

Journeys are reviewed in pull requests, so an import must show as a diff of the figures
alone: comments, key order, flow mappings and quoting are kept by ruamel.yaml's
round-trip mode. ruamel re-emits the whole document, though, so two guards stand before
anything is written: the file must come back byte-identical when dumped unchanged (with
the indentation found in it), and after the update every line that differs must belong
to a touchpoint that was updated (or be the `journeymap:` version line). A file that
fails either is reported and left alone, never reformatted.

ruamel.yaml is imported only here, when an import writes (50 to 150 ms measured on a
loaded 2-core machine, much of it re, enum and typing, which the CLI has loaded already).
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterator, Sequence
from typing import Any

from journeymap.metrics.changes import Update

VERSION_KEYS = frozenset({"period", "n", "method", "kpis"})
"""Metrics keys that need `journeymap: 1.1`."""


class UpdateError(Exception):
    """The file cannot be updated without touching other lines; the message says where."""


def _yaml(mapping: int, sequence: int, offset: int, start: bool = False, end: bool = False) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.explicit_start = start
    yaml.explicit_end = end
    return yaml


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _faithful_yaml(text: str, name: str) -> Any:
    """A ruamel instance that reproduces `text` exactly when nothing changes, or UpdateError."""
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except Exception as exc:  # ruamel raises many kinds; the file was validated already
        raise UpdateError(f"{name}: ruamel.yaml cannot read it: {exc}") from None
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    start = bool(lines) and lines[0].startswith("---")
    end = bool(lines) and lines[-1].rstrip() == "..."
    tried = []
    for mapping in (2, 4, sequence):
        for seq, off in ((sequence or 2, offset or 0), (mapping, 0), (mapping + 2, 2)):
            key = (mapping, seq, off)
            if key in tried or off > seq:
                continue
            tried.append(key)
            yaml = _yaml(*key, start=start, end=end)
            if _dump(yaml, yaml.load(text)) == text:
                return yaml
    first = _first_difference(text, _dump(_yaml(2, 4, 2), _yaml(2, 4, 2).load(text)))
    raise UpdateError(
        f"{name}:{first}: ruamel.yaml would reformat this line even without changes; "
        "not written: update the metrics by hand (tab indentation, '---' markers and "
        "unusual indentation are the usual causes)"
    )


def _first_difference(old: str, new: str) -> int:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def _key_lines(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(0-based line, data path) of every mapping key and sequence item, in the document."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key, value in node.items():
            yield node.lc.key(key)[0], (*path, key)
            yield from _key_lines(value, (*path, key))
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            yield node.lc.item(index)[0], (*path, index)
            yield from _key_lines(value, (*path, index))


def _spans(data: Any, paths: Sequence[tuple[Any, ...]], total: int) -> list[tuple[int, int]]:
    """The lines [start, end) each touchpoint occupies, up to the next node outside it."""
    lines = sorted(_key_lines(data))
    spans = []
    for path in paths:
        inside = [line for line, p in lines if p[: len(path)] == path]
        start = min(inside)
        after = [line for line, p in lines if line > start and p[: len(path)] != path]
        spans.append((start, min(after, default=total)))
    return spans


def _touchpoint_path(update: Update) -> tuple[Any, ...]:
    return ("stages", update.stage, "steps", update.step, "touchpoints", update.touchpoint)


def apply_updates(text: str, updates: Sequence[Update], name: str) -> str:
    """The journey text with the updates applied; every other line byte for byte the same.

    A byte-order mark and Windows line ends are set aside and put back, since ruamel
    writes neither.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    crlf = "\r\n" in text
    plain = text.removeprefix(bom).replace("\r\n", "\n") if crlf or bom else text
    updated = _apply(plain, updates, name)
    return bom + (updated.replace("\n", "\r\n") if crlf else updated)


def _apply(text: str, updates: Sequence[Update], name: str) -> str:
    from ruamel.yaml.comments import CommentedMap

    yaml = _faithful_yaml(text, name)
    data = yaml.load(text)
    total = len(text.splitlines())
    allowed = _spans(data, [_touchpoint_path(u) for u in updates], total)
    needs_1_1 = False
    for update in updates:
        touchpoint = data["stages"][update.stage]["steps"][update.step]["touchpoints"][
            update.touchpoint
        ]
        if update.volume is not None:
            _set(touchpoint, "volume", update.volume, before="metrics")
        metrics = touchpoint.get("metrics")
        if metrics is None:
            metrics = CommentedMap()
            metrics.fa.set_flow_style()
            _set(touchpoint, "metrics", metrics, before="delights")
        for key, value in update.metrics.items():
            metrics[key] = value
        needs_1_1 = needs_1_1 or bool(VERSION_KEYS & set(update.metrics))
    if needs_1_1 and data.get("journeymap") == 1:
        data["journeymap"] = 1.1
        allowed.append((data.lc.key("journeymap")[0], data.lc.key("journeymap")[0] + 1))
    updated = _dump(yaml, data)
    _check_confined(text, updated, allowed, name)
    return updated


_ORDER = (
    "channel",
    "name",
    "owner",
    "volume",
    "metrics",
    "delights",
    "irritants",
    "breakpoints",
    "notes",
)


def _set(node: Any, key: str, value: Any, before: str) -> None:
    """Set `key`, inserting a new key where the format's reference puts it."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    later = _ORDER[_ORDER.index(key) + 1 :] if key in _ORDER else (before,)
    position = next((keys.index(k) for k in keys if k in later or k == before), len(keys))
    node.insert(position, key, value)


def _check_confined(old: str, new: str, allowed: list[tuple[int, int]], name: str) -> None:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        touched = range(i1, i2) if i2 > i1 else range(i1 - 1, i1)
        for line in touched:
            if not any(start <= line < end for start, end in allowed):
                raise UpdateError(
                    f"{name}:{line + 1}: ruamel.yaml would change this line, outside the "
                    "touchpoints updated; not written: update the metrics by hand"
                )
