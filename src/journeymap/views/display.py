"""Journeys as a terminal or a Markdown page may show them.

A journey's texts may hold control characters (an escape sequence pasted from a
terminal, a NUL, a vertical tab from a spreadsheet): JSON and CSV carry them as data,
and the map escapes them, but printed raw they would clear the screen or retitle the
window of whoever runs `journeymap matrix`. The copy made here shows each one escaped
(`\\e`, `\\x0b`) and line breaks and tabs as spaces, so a table's rows stay rows.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from journeymap.textsafe import CONTROL, visible

M = TypeVar("M", bound=BaseModel)

_SPACES = re.compile(r"[\t\n\r]+")
_MAYBE = re.compile(r"\\u00[01][0-9a-fA-F]|\\[nrt]|[\x7f-\x9f]")
"""What a control character looks like in pydantic's JSON (C0 escaped, C1 and DEL raw);
a backslash written in a text can match too, which only costs the walk below."""


def printable(text: str, breaks: bool = False) -> str:
    """Control characters escaped; line breaks and tabs kept when `breaks` (Markdown turns
    them into <br>), else made spaces (a terminal table's row stays one row)."""
    if not CONTROL.search(text):
        return text
    if breaks:
        return "".join(visible(c) if c not in "\t\n\r" and CONTROL.match(c) else c for c in text)
    return visible(_SPACES.sub(" ", text))


def _clean(value: Any, breaks: bool) -> Any:
    if isinstance(value, str):
        return printable(value, breaks)
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _clean(old, breaks)
            if new is not old:
                changed[name] = new
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, list | tuple):
        items = [_clean(item, breaks) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            return type(value)(items)
        return value
    return value


def for_display(model: M, breaks: bool = False) -> M:
    """`model` with every text printable on a terminal; the same object when nothing is."""
    if not _MAYBE.search(model.model_dump_json()):
        return model
    cleaned: M = _clean(model, breaks)
    return cleaned
