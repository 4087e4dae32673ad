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

from journeymap.model.langs import LANG_PATTERN
from journeymap.model.plain import CLASSES, Plain
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


_LANG_TAG = re.compile(LANG_PATTERN)


def _lang(value: str) -> str:
    if _LANG_TAG.match(value) is None:
        raise _Unsure  # pydantic says how to write a tag
    return value


_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "shows-something": _shows_something,
    "lang": _lang,
    "version": _version,
    "duration": _duration,
    "period": _period,
    "period-text": period_as_text,
}


Check = Callable[[Any], Any]
"""One spec of the table as a function: the value as the model holds it, or `_Unsure`."""


def _unsure(value: Any) -> Any:
    raise _Unsure  # a construct the table gained after this reader: not sure


def _compile(spec: Any) -> Check:
    """The spec as a function, built once: walking the table for every value (a match
    on the spec's kind at each of a file's thousand values) cost half the check."""
    kind = spec[0]
    if kind == "str":
        strip, least, most, pattern = spec[1:]
        return lambda value: _string(value, strip, least, most, pattern)
    if kind == "model":
        return _model_check(spec[1])
    if kind == "nullable":
        inner = _compiled(spec[1])
        return lambda value: None if value is None else inner(value)
    if kind == "list":
        return _list_check(_compiled(spec[1]), spec[2])
    if kind in ("int", "float"):
        number_kind, ge, le = (int if kind == "int" else float), spec[1], spec[2]
        return lambda value: _number(value, number_kind, ge, le)
    if kind == "literal":
        return _literal_check(spec[1])
    if kind in ("bool", "date"):
        return _type_check(bool if kind == "bool" else date)
    if kind == "union":
        return _union_check(tuple(_compiled(choice) for choice in spec[1]))
    if kind == "after":
        after, inner = _FUNCTIONS[spec[1]], _compiled(spec[2])
        return lambda value: after(inner(value))
    if kind == "before":
        before, inner = _FUNCTIONS[spec[1]], _compiled(spec[2])
        return lambda value: inner(before(value))
    if kind == "bound":
        return _bound_check(spec[1] == "ge", spec[2], _compiled(spec[3]))
    return _unsure


_COMPILED: dict[Any, Check] = {}


def _compiled(spec: Any) -> Check:
    check = _COMPILED.get(spec)
    if check is None:
        check = _COMPILED[spec] = _compile(spec)
    return check


def _list_check(item: Check, least: int) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list or len(value) < least:
            raise _Unsure
        return [item(x) for x in value]

    return check


def _literal_check(allowed: tuple[str, ...]) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise _Unsure
        return value

    return check


def _type_check(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Unsure
        return value

    return check


def _bound_check(ge: bool, limit: Any, inner: Check) -> Check:
    def check(value: Any) -> Any:
        checked = inner(value)
        if checked < limit if ge else checked > limit:
            raise _Unsure
        return checked

    return check


def _union_check(choices: tuple[Check, ...]) -> Check:
    """The one choice that takes the value; two that do would need pydantic's ranking."""

    def check(value: Any) -> Any:
        found: list[Any] = []
        for choice in choices:
            try:
                found.append(choice(value))
            except _Unsure:
                continue
        if len(found) != 1:
            raise _Unsure
        return found[0]

    return check


_MODELS: dict[str, Check] = {}


def _model_check(name: str) -> Check:
    """A model's check, looked up when first called: a model may hold itself."""

    def check(value: Any) -> Any:
        compiled = _MODELS.get(name)
        if compiled is None:
            compiled = _MODELS[name] = _model(name)
        return compiled(value)

    return check


def _model(name: str) -> Check:
    before, fields = MODELS[name]
    bare_key = before[1] if before is not None else None
    known = frozenset(field[0] for field in fields)
    parts = [
        (field_name, default[0] == "required", default[0] == "list", default[1:], _compiled(spec))
        for field_name, default, spec in fields
    ]
    cls = CLASSES[name]

    def check(value: Any) -> Plain:
        if bare_key is not None and isinstance(value, str):  # ("bare-string", its one key)
            value = {bare_key: value}
        if type(value) is not dict:
            raise _Unsure
        for key in value:
            if type(key) is not str or key not in known:
                raise _Unsure  # an unknown key (or a key that is not text): pydantic words it
        out: dict[str, Any] = {}
        for field_name, required, listed, default, field_check in parts:
            if field_name in value:
                out[field_name] = field_check(value[field_name])
            elif required:
                raise _Unsure
            else:
                out[field_name] = [] if listed else default[0]
        return cls(out, frozenset(value))

    return check


def checked(data: Any) -> Plain | None:
    """The journey as plain objects holding what the model would hold (defaults filled,
    text stripped) when the data is surely valid; None when only pydantic can tell."""
    try:
        result: Plain = _compiled(ROOT)(data)
    except (_Unsure, RecursionError):
        return None
    return result
