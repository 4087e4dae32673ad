"""Writes `quickspec.py`, the journey format as plain data, from pydantic's own schema.

`journeymap validate one.yaml` should not pay for importing pydantic and building the
models (about 0.17 s of CPU) to say that a file is valid. `quickcheck` says it from plain
data instead; its table is read here from the core schema pydantic validates with, so it
cannot drift from the models (a test regenerates it and compares). Any construct this
reader does not know stops the generation: extend `quickcheck` along with it.

    python -m journeymap.model.quickspec_build    # rewrite src/journeymap/model/quickspec.py
"""

from __future__ import annotations

import pprint
from functools import partial
from pathlib import Path
from typing import Any

from journeymap.model.journey import NEW_IN_1_1, Journey
from journeymap.model.values import FORMAT_VERSIONS

TARGET = Path(__file__).with_name("quickspec.py")

_FUNCTIONS: dict[Any, str] = {
    "_check_duration": "duration",
    "_check_period": "period",
    "check_version": "version",
    "check_lang": "lang",
    "period_as_text": "period-text",
    "_from_string": "bare-string",
    "_shows_something": "shows-something",
}
"""The validators pydantic calls, by function name, as quickcheck knows them."""

_STRING_KEYS = {"type", "strict", "strip_whitespace", "min_length", "max_length", "pattern"}
_NUMBER_KEYS = {"type", "strict", "ge", "le"}


class Unknown(Exception):
    """A construct of the core schema that quickcheck does not read."""


class _Reader:
    def __init__(self, definitions: dict[str, Any]) -> None:
        self.definitions = definitions
        self.models: dict[str, Any] = {}

    def node(self, schema: dict[str, Any]) -> Any:
        kind = schema["type"]
        if kind == "definition-ref":
            return self.node(self.definitions[schema["schema_ref"]])
        if kind == "model":
            return ("model", self.model(schema))
        if kind == "str":
            if set(schema) - _STRING_KEYS - {"metadata"}:
                raise Unknown(schema)
            return (  # lax or strict, quickcheck takes nothing but a str
                "str",
                bool(schema.get("strip_whitespace")),
                schema.get("min_length", 0),
                schema.get("max_length"),
                schema.get("pattern"),
            )
        if kind in ("int", "float"):
            if set(schema) - _NUMBER_KEYS - {"metadata"} or not schema.get("strict"):
                raise Unknown(schema)
            return (kind, schema.get("ge"), schema.get("le"))
        if kind == "bool":
            if not schema.get("strict"):
                raise Unknown(schema)
            return ("bool",)
        if kind == "date":
            return ("date",)
        if kind == "literal":
            if not all(type(v) is str for v in schema["expected"]):
                raise Unknown(schema)
            return ("literal", tuple(schema["expected"]))
        if kind == "nullable":
            return ("nullable", self.node(schema["schema"]))
        if kind == "list":
            if set(schema) - {"type", "items_schema", "min_length", "metadata"}:
                raise Unknown(schema)
            return ("list", self.node(schema["items_schema"]), schema.get("min_length", 0))
        if kind == "union":
            if set(schema) - {"type", "choices", "metadata"}:
                raise Unknown(schema)
            return ("union", tuple(self.node(choice) for choice in schema["choices"]))
        if kind in ("function-after", "function-before"):
            function = schema["function"]["function"]
            if isinstance(function, partial) and kind == "function-after":
                return self.bound(function, schema)
            name = _FUNCTIONS.get(function.__name__)
            if name is None or schema["function"]["type"] != "no-info":
                raise Unknown(schema)
            return (kind[len("function-") :], name, self.node(schema["schema"]))
        raise Unknown(schema)

    def bound(self, function: partial[Any], schema: dict[str, Any]) -> Any:
        """A bound pydantic checks after the union it constrains (`Number` with `ge`)."""
        names = {
            "greater_than_or_equal_validator": "ge",
            "less_than_or_equal_validator": "le",
        }
        name = names.get(function.func.__name__)
        if name is None or function.args or set(function.keywords) != {name}:
            raise Unknown(schema)
        return ("bound", name, function.keywords[name], self.node(schema["schema"]))

    def model(self, schema: dict[str, Any]) -> str:
        name: str = schema["cls"].__name__
        if name in self.models:
            return name
        self.models[name] = None  # a model that holds itself stays one entry
        config = schema.get("config", {})
        if config.get("extra_fields_behavior") != "forbid" or schema.get("custom_init"):
            raise Unknown(schema)
        inner = schema["schema"]
        before = None
        if inner["type"] == "function-before":
            if _FUNCTIONS.get(inner["function"]["function"].__name__) != "bare-string":
                raise Unknown(inner)
            before = ("bare-string", schema["cls"].BARE_KEY)  # a string is that one key
            inner = inner["schema"]
        if inner["type"] != "model-fields" or inner.get("computed_fields"):
            raise Unknown(inner)
        fields = []
        for field_name, field in inner["fields"].items():
            if field["type"] != "model-field" or set(field) - {"type", "schema", "metadata"}:
                raise Unknown(field)
            body = field["schema"]
            default: Any = ("required",)
            if body["type"] == "default":
                if "default_factory" in body:
                    if body["default_factory"] is not list:
                        raise Unknown(body)
                    default = ("list",)
                else:
                    default = ("value", body["default"])
                body = body["schema"]
            fields.append((field_name, default, self.node(body)))
        self.models[name] = (before, tuple(fields))
        return name


def spec() -> dict[str, Any]:
    core: Any = Journey.__pydantic_core_schema__
    definitions = {d["ref"]: d for d in core.get("definitions", [])}
    reader = _Reader(definitions)
    root = reader.node(core["schema"] if core["type"] == "definitions" else core)
    new_keys = {model.__name__: tuple(sorted(keys)) for model, keys in NEW_IN_1_1.items()}
    return {
        "ROOT": root,
        "MODELS": reader.models,
        "FORMAT_VERSIONS": FORMAT_VERSIONS,
        "NEW_IN_1_1": new_keys,
    }


def text() -> str:
    lines = [
        '"""The journey format as plain data, for `quickcheck`: generated by',
        '`python -m journeymap.model.quickspec_build` from the models; do not edit."""',
        "",
        "from typing import Any",
        "",
    ]
    for name, value in spec().items():
        lines.append(f"{name}: Any = {pprint.pformat(value, width=99, sort_dicts=False)}")
        lines.append("")
    return "\n".join(lines)


def write() -> None:
    """The module, formatted as the repository formats code (the test compares data)."""
    import subprocess
    import sys

    TARGET.write_text(text(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=False)


if __name__ == "__main__":
    write()
