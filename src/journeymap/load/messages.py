"""Pydantic errors rewritten as sentences that say what to change.

Pydantic's own wording ("Input should be a valid integer") names the type but neither the
key nor the fix; authors of journeys are CX people, not Python programmers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic_core import ErrorDetails

from journeymap.load.context import field_name, with_context
from journeymap.load.positions import Target
from journeymap.load.yamldoc import InvalidScalar

_UNION_MEMBERS = frozenset({"int", "float", "str", "bool"})
"""Segments pydantic appends to a location for each member of a union (int | float)."""

_PERCENT = re.compile(r"\s*[-+]?\d+(?:[.,]\d+)?\s*%\s*")
_DECIMAL_COMMA = re.compile(r"\s*[-+]?\d+,\d+\s*")
_GROUPED = re.compile(r"\s*\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+\s*")


def _number_hint(value: Any) -> str:
    """How to write the number the author meant, for the forms spreadsheets use."""
    if not isinstance(value, str):
        return ""
    if _PERCENT.fullmatch(value):
        number = value.strip().rstrip("%").strip().replace(",", ".")
        return f"; write {number}, without '%'"
    if _DECIMAL_COMMA.fullmatch(value):
        return f"; write {value.strip().replace(',', '.')}, with a decimal point"
    if _GROUPED.fullmatch(value):
        return f"; write {re.sub(r'[^0-9]', '', value)}, without separators"
    return ""


RANGES: dict[str, str] = {
    "emotion": "a whole number from -2 (very bad) to 2 (very good)",
    "nps": "a number from -100 to 100",
    "csat": "a percentage from 0 to 100",
    "ces": "a number from 1 to 7 (lower is better)",
    "volume": "a whole number of customers, from 0 to 1,000,000,000,000,000",
    "n": "a whole number, from 0 to 1,000,000,000,000,000",
}


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, InvalidScalar):
        return str(value)
    if isinstance(value, bytes):
        return "binary data (!!binary)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _key_shown(data: Any, parent: Sequence[str | int], segment: Any) -> str:
    """A key that is not text, as written and with why YAML read it so.

    Pydantic's location holds `on:` (YAML 1.1 reads it as true) as 1, so the key itself is
    looked up in the mapping: it was shown as "1" with the hint for a decimal comma."""
    node = data
    for step in parent:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    found = [k for k in node if not isinstance(k, str)] if isinstance(node, dict) else []
    key = next((k for k in found if k == segment or str(k) == str(segment)), segment)
    if isinstance(key, bool):
        return (
            f"{str(key).lower()} (YAML reads a bare yes, no, on, off, true or false as true "
            "or false: put the key in quotes)"
        )
    if key is None:
        return "null (a key written ~, null or nothing before ':'): write a key name"
    if isinstance(key, int):
        return (
            f"{key}; a decimal comma? in a {{...}} mapping, 'ces: 4,4' reads as two entries: "
            "write 4.4"
        )
    return _shown(key)


# The longest id proposed for a missing one: a few words of the text, not all of it.
ID_SHOWN = 32


def _value_at(data: Any, loc: Sequence[str | int]) -> Any:
    """The raw value at `loc`, or None where the path does not lead anywhere."""
    node = data
    for segment in loc:
        if isinstance(segment, int) and isinstance(node, list) and 0 <= segment < len(node):
            node = node[segment]
        elif isinstance(segment, str) and isinstance(node, dict):
            node = node.get(segment)
        else:
            return None
    return node


def proposed_id(words: str) -> str:
    """An id made of the first words of a name or text, for a message that proposes one."""
    ident = slugify(words)
    if len(ident) > ID_SHOWN:
        ident = ident[:ID_SHOWN].rsplit("-", 1)[0]
    return ident


def _flow_scalar(text: str) -> str:
    """The text as it can be pasted inside `{...}`: quoted when a comma, colon or quote in
    it would end or break the value."""
    if re.search(r"[,:{}\[\]#&*!|>'\"%@`]", text) or text != text.strip():
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def slugify(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "my-id"


def _allowed_keys(
    model_fields: Sequence[str],
    key: str,
    everywhere: Mapping[tuple[str | int, ...], Sequence[str]],
    here: tuple[str | int, ...] = (),
) -> tuple[str, str]:
    """What to say about an unknown key, and the allowed key it is closest to ('' if none)."""
    close = difflib.get_close_matches(key, model_fields, n=1, cutoff=0.6)
    if close:
        hint = f"did you mean '{close[0]}'? "
    else:
        homes = [path for path, keys in everywhere.items() if key in keys and path]
        # The home nearest to where the key was written: `volume` under a touchpoint's
        # `metrics` belongs to that touchpoint, one level up, not to "touchpoints" at large.
        homes.sort(key=lambda path: -_shared_prefix(path, here))
        hint = f"'{key}' belongs {_where(homes[0], here)}; " if homes else ""
    return f"{hint}allowed keys here: {', '.join(model_fields)}", close[0] if close else ""


def _shared_prefix(path: tuple[str | int, ...], here: tuple[str | int, ...]) -> int:
    shared = 0
    for a, b in zip(path, here, strict=False):
        if a != b:
            break
        shared += 1
    return shared


def _where(home: tuple[str | int, ...], here: tuple[str | int, ...]) -> str:
    """Where a key goes, said from where it was written."""
    if len(here) > len(home) and here[: len(home)] == home:
        up = len(here) - len(home)
        levels = "one level" if up == 1 else f"{up} levels"
        return f"{levels} up, beside '{here[len(home)]}'"
    return f"under '{home[-1]}'"


def _required_keys(class_name: str) -> tuple[str, ...] | None:
    """The keys a list item of this model must have; None for the items that may also be
    written as a bare text (an irritant, a thought), () when the model is not known.

    A step written as a bare text was told it "must be a text", which it was."""
    from journeymap.model.values import BareString, StrictModel

    pending: list[type[StrictModel]] = [StrictModel]
    while pending:
        model = pending.pop()
        if model.__name__ == class_name:
            if issubclass(model, BareString):
                return None
            return tuple(n for n, f in model.model_fields.items() if f.is_required())
        pending.extend(model.__subclasses__())
    return None


def humanise(
    error: ErrorDetails, data: Any, allowed: Mapping[tuple[str | int, ...], Sequence[str]]
) -> tuple[tuple[str | int, ...], Target, str, str]:
    """Return the location, whether to point at the key or value, the message and the hint
    (the allowed key closest to an unknown one, else '')."""
    loc = tuple(error["loc"])
    while len(loc) > 1 and loc[-1] in _UNION_MEMBERS:
        loc = loc[:-1]
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = field_name(loc)
    bare = loc[-1] if loc and isinstance(loc[-1], str) else None
    target: Target = "value"

    if kind == "missing":
        message = f"missing required key {name}"
        parent = loc[:-1]
        parent_value = _value_at(data, parent)
        if loc[-1] == "id" and isinstance(parent_value, dict):
            # An id is what other places (breakpoints, scope, diff) refer to: propose one
            # made of the item's own words, as an author would write it.
            words = parent_value.get("name") or parent_value.get("text")
            if isinstance(words, str) and words.strip():
                message += f"; add one, e.g. 'id: {proposed_id(words)}'"
        return parent, "value", with_context(data, parent, message), ""
    if kind == "extra_forbidden":
        parent = loc[:-1]
        keys = allowed.get(tuple(s for s in parent if isinstance(s, str)), ())
        here = tuple(s for s in parent if isinstance(s, str))
        allowed_here, close = _allowed_keys(list(keys), str(loc[-1]), allowed, here)
        message = f"unknown key {name}; {allowed_here}"
        if value is None and not difflib.get_close_matches(str(loc[-1]), list(keys), n=1):
            # `{text: Late, again, category: process}`: the comma ended the text.
            message = (
                f"{message} (if it is the end of a text cut by a comma inside {{...}}, "
                "put the whole text in quotes)"
            )
        return loc, "key", with_context(data, parent, message), close
    if kind == "invalid_key":
        parent = loc[:-1]
        keys = allowed.get(tuple(s for s in parent if isinstance(s, str)), ())
        message = (
            f"unknown key {_key_shown(data, parent, loc[-1])}; allowed keys here: {', '.join(keys)}"
        )
        return parent, "value", with_context(data, parent, message), ""
    if loc[:1] == ("journeymap",):
        message = (
            f"unsupported format version {_shown(value)}; this journeymap reads versions 1 "
            "and 1.1 (write 'journeymap: 1', or 'journeymap: 1.1' for the blueprint fields)"
        )
    elif kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        message = f"{name} is {_shown(value)}; use one of: {expected.replace(' or ', ', ')}"
    elif kind in {"duration_format", "period_format", "lang_format"}:
        message = f"{name} is {_shown(value)}; {error['msg']}"
    elif kind in {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    }:
        message = f"{name} must be a date written YYYY-MM-DD, not {_shown(value)}"
    elif kind == "string_pattern_mismatch":
        if isinstance(value, str) and bare == "to":
            message = (
                f"{name} is '{value}'; write 'step-id@channel-id' or a channel id, "
                "in lowercase letters, digits and '-'"
            )
        else:
            suggestion = slugify(value) if isinstance(value, str) else "my-id"
            message = (
                f"'{value}' is not a valid id: use lowercase letters, digits and '-' "
                f"(e.g. '{suggestion}')"
            )
    elif kind in {"string_type", "model_type", "dict_type", "list_type"} and value is None:
        message = f"{name} is empty; give it a value"
    elif kind == "string_type":
        message = (
            f"{name} must be text, not {_shown(value)}; put it in quotes if it is meant as text"
        )
    elif kind in {"string_too_short", "too_short"}:
        if loc == ("stages",):
            message = "a journey needs at least one stage under 'stages'"
        else:
            message = f"{name} must not be empty"
    elif kind == "invisible_text":
        message = (
            f"{name} must not be empty: it has only invisible characters "
            f"({ctx.get('found')}); write the text, or remove them"
        )
    elif kind == "string_too_long":
        message = f"{name} is too long (at most {ctx.get('max_length')} characters)"
    elif kind in {
        "int_type",
        "int_from_float",
        "float_type",
        "greater_than_equal",
        "less_than_equal",
        "greater_than",
        "less_than",
        "int_parsing",
        "float_parsing",
    }:
        expected = RANGES.get(str(bare), "a number")
        message = f"{name} must be {expected}, not {_shown(value)}{_number_hint(value)}"
    elif kind == "bool_type":
        message = f"{name} must be true or false, not {_shown(value)}"
    elif kind == "list_type":
        message = f"{name} must be a list ('- item' lines or [a, b]), not {_shown(value)}"
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        required = _required_keys(str(ctx.get("class_name", "")))
        if isinstance(loc[-1], int) and required is None:
            message = f"{name} must be a text or a mapping with 'text', not {_shown(value)}"
        elif isinstance(loc[-1], int) and required:
            keys = " and ".join(f"'{key}'" for key in required)
            message = f"{name} must be a mapping with {keys}, not {_shown(value)}"
            if isinstance(value, str) and "id" in required and value.strip():
                # `channels: [web, magasin]`: the fix is the same words, as a mapping.
                label = next((key for key in required if key != "id"), "name")
                shown = _flow_scalar(value.strip())
                message += f"; write it as {{id: {proposed_id(value)}, {label}: {shown}}}"
        else:
            message = f"{name} must be a mapping of keys, not {_shown(value)}"
    else:
        message = f"{name}: {error['msg']}"
    return loc, target, with_context(data, loc, message), ""
