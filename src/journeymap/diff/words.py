"""How a diff says values: quoted texts, figures, counts, details.

Every change's summary is built from these, so that a text, a number or an item reads
the same in every kind of change. Figures are written by `views/numbers.py`, the one
number format of the product, in the language of the sentence around them, as the
matrix, the site and the maps do: a diff's sentences are English, so 12,345 and -0.5
(French decimals would read "(+0,3, worse)", where the comma already separates).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from journeymap.model.journey import Touchpoint
from journeymap.views import numbers
from journeymap.views.labels import Lang

WORDS: Lang = "en"
"""The language of a diff's sentences, and so of its figures."""

METRIC_LABELS: dict[str, str] = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}
ITEMS = (("delights", "delight"), ("irritants", "irritant"), ("breakpoints", "breakpoint"))
"""A touchpoint's lists of items, each with the word for one of them."""


def dump(value: Any) -> Any:
    """A JSON-ready copy of a model value (models as dicts, without defaults left empty)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list | tuple):
        return [dump(v) for v in value]
    return to_jsonable_python(value)


def short(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, list | dict):
        return ", ".join(map(short, value)) if isinstance(value, list) else str(value)
    return str(value)


def said(value: Any) -> str:
    """A value in a sentence: texts between quotes, the rest as is."""
    return quote(value) if isinstance(value, str) else short(value)


def quote(text: str, limit: int = 90) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def number(value: float) -> str:
    """A figure as the other outputs write it: thousands grouped, no '.0', decimals kept."""
    return numbers.exact(value, WORDS)


def signed(value: float) -> str:
    return numbers.signed(value, WORDS)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def text_of(item: Any) -> str:
    return item if isinstance(item, str) else str(getattr(item, "text", ""))


def item_change(before: Any, after: Any) -> str:
    """'reworded: “new” (was “old”)', or '“text”: category process → support'."""
    details = []
    if isinstance(after, BaseModel) and isinstance(before, BaseModel):
        details = [
            f"{name} {short(getattr(before, name))} → {short(getattr(after, name))}"
            for name in type(after).model_fields
            if name != "text" and getattr(before, name) != getattr(after, name)
        ]
    if text_of(before) != text_of(after):
        summary = f"reworded: {quote(text_of(after))} (was {quote(text_of(before))})"
        return summary + "".join(f"; {d}" for d in details)
    return f"{quote(text_of(after))}: " + "; ".join(details)


def item_detail(item: Any) -> str:
    if not isinstance(item, BaseModel):
        return ""
    extra = [
        f"{name} {short(value)}" for name, value in item if name != "text" and value is not None
    ]
    return f" ({', '.join(extra)})" if extra else ""


def touchpoint_detail(touchpoint: Touchpoint) -> str:
    parts = []
    if touchpoint.name:
        parts.append(quote(touchpoint.name))
    if touchpoint.owner:
        parts.append(f"owner {touchpoint.owner}")
    if touchpoint.metrics is not None:
        parts += [
            f"{METRIC_LABELS[k]} {number(v)}" for k, v in touchpoint.metrics.measured().items()
        ]
    for attribute, word in ITEMS:
        count = len(getattr(touchpoint, attribute))
        if count:
            parts.append(plural(count, word))
    return f": {', '.join(parts)}" if parts else ""
