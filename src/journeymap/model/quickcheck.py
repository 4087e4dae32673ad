"""A journey's plain data checked without pydantic, to say "valid" fast, and only that.

Importing pydantic and building the models costs more CPU than the whole of yamllint on
a file; `journeymap validate one.yaml` (pre-commit, editors) mostly meets valid files. This
reads the table `quickspec.py`, generated from the models' own core schema, and walks the
data as pydantic would, but it is one-sided: it answers `None` ("not sure") for anything
it does not take exactly as pydantic takes it: a type other than the one YAML gives
(a tuple, a bool for a number, a datetime for a date), whitespace only Unicode knows,
surrogates, infinities, two union choices that both fit. Only then does the caller import
pydantic, which finds the problems and words them. `tests/test_quickcheck.py` holds it to
that: on every example, fixture, hostile input and thousands of mutated journeys, it never
accepts what pydantic rejects, and what it returns equals the model's dump.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, cast

from journeymap.model.plain import Plain, make
from journeymap.model.quantities import parse_duration, parse_period, period_as_text
from journeymap.model.quickspec import FORMAT_VERSIONS, MODELS, ROOT
from journeymap.textsafe import invisible


class _Unsure(Exception):
    """The data may be fine, but only pydantic can tell."""


_EDGES = " \t\n\r"
"""The whitespace Python and pydantic (Rust) both strip; any other edge: not sure."""


def _string(found: Any, strip: bool, least: int, most: int | None, pattern: str | None) -> str:
    if type(found) is not str:
        raise _Unsure
    value: str = found
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: pydantic refuses the string
            raise _Unsure from None
    if strip:
        value = value.strip(_EDGES)
        if value != value.strip():
            raise _Unsure
    if len(value) < least or (most is not None and len(value) > most):
        raise _Unsure
    if pattern is not None and not (value.isascii() and _pattern(pattern).fullmatch(value)):
        raise _Unsure
    return value


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _number(value: Any, kind: type, ge: float | None, le: float | None) -> Any:
    if type(value) is not kind:
        raise _Unsure
    number = cast(float, value)
    # An int past float's range ("-999...9", 400 digits) makes isfinite raise: the models judge.
    if abs(number) > 1e300 or not math.isfinite(number):
        raise _Unsure
    if (ge is not None and number < ge) or (le is not None and number > le):
        raise _Unsure
    return number


def _version(value: Any) -> Any:
    if type(value) not in (int, float) or value not in FORMAT_VERSIONS:
        raise _Unsure
    return value


def _duration(value: str) -> str:
    if parse_duration(value) is None:
        raise _Unsure
    return value


def _period(value: str) -> str:
    if parse_period(value) is None:
        raise _Unsure
    return value


def _shows_something(value: str) -> str:
    if invisible(value):
        raise _Unsure  # pydantic says where and which characters
    return value


_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "shows-something": _shows_something,
    "version": _version,
    "duration": _duration,
    "period": _period,
    "period-text": period_as_text,
}


def _node(value: Any, spec: Any) -> Any:
    kind = spec[0]
    if kind == "str":
        return _string(value, *spec[1:])
    if kind == "model":
        return _model(value, spec[1])
    if kind == "nullable":
        return None if value is None else _node(value, spec[1])
    if kind == "list":
        if type(value) is not list or len(value) < spec[2]:
            raise _Unsure
        return [_node(item, spec[1]) for item in value]
    if kind == "int":
        return _number(value, int, spec[1], spec[2])
    if kind == "float":
        return _number(value, float, spec[1], spec[2])
    if kind == "literal":
        if type(value) is not str or value not in spec[1]:
            raise _Unsure
        return value
    if kind == "bool":
        if type(value) is not bool:
            raise _Unsure
        return value
    if kind == "date":
        if type(value) is not date:
            raise _Unsure
        return value
    if kind == "union":
        return _union(value, spec[1])
    if kind == "after":
        return _FUNCTIONS[spec[1]](_node(value, spec[2]))
    if kind == "before":
        return _node(_FUNCTIONS[spec[1]](value), spec[2])
    if kind == "bound":
        checked = _node(value, spec[3])
        if checked < spec[2] if spec[1] == "ge" else checked > spec[2]:
            raise _Unsure
        return checked
    raise _Unsure  # a construct the table gained after this reader: not sure


def _union(value: Any, choices: Any) -> Any:
    """The one choice that takes the value; two that do would need pydantic's ranking."""
    found: list[Any] = []
    for choice in choices:
        try:
            found.append(_node(value, choice))
        except _Unsure:
            continue
    if len(found) != 1:
        raise _Unsure
    return found[0]


def _model(value: Any, name: str) -> Plain:
    before, fields = MODELS[name]
    if before is not None and isinstance(value, str):  # ("bare-string", its one key)
        value = {before[1]: value}
    if type(value) is not dict:
        raise _Unsure
    known = {field[0] for field in fields}
    if any(type(key) is not str or key not in known for key in value):
        raise _Unsure  # an unknown key (or a key that is not text): pydantic words it
    out: dict[str, Any] = {}
    for field_name, default, spec in fields:
        if field_name in value:
            out[field_name] = _node(value[field_name], spec)
        elif default[0] == "required":
            raise _Unsure
        else:
            out[field_name] = [] if default[0] == "list" else default[1]
    return make(name, out, frozenset(value))


def checked(data: Any) -> Plain | None:
    """The journey as plain objects holding what the model would hold (defaults filled,
    text stripped) when the data is surely valid; None when only pydantic can tell."""
    try:
        result: Plain = _node(data, ROOT)
    except (_Unsure, RecursionError):
        return None
    return result
