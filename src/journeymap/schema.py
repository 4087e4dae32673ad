"""The JSON Schema of the journey format, generated from the model so they cannot drift."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = (
    "https://raw.githubusercontent.com/journeymap/journeymap/main/schemas/journey.schema.json"
)
"""A stable address, so that a repository without a copy of `schemas/` can point at it."""

_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _json_schema_bounds(node: Any) -> Any:
    """Pydantic leaves a bound on a union (int | float) as its own `ge`/`le`, which JSON
    Schema validators ignore: rewrite them as the keywords editors check."""
    if isinstance(node, dict):
        return {_BOUNDS.get(key, key): _json_schema_bounds(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_json_schema_bounds(item) for item in node]
    return node


def journey_schema() -> dict[str, Any]:
    from journeymap.model.journey import Journey

    schema = _json_schema_bounds(Journey.model_json_schema())
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **schema}


def journey_schema_text() -> str:
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
