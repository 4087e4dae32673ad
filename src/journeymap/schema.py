"""The JSON Schema of the journey format, generated from the model so they cannot drift."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def journey_schema() -> dict[str, Any]:
    from journeymap.model.journey import Journey

    schema = Journey.model_json_schema()
    return {"$schema": SCHEMA_DIALECT, **schema}


def journey_schema_text() -> str:
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
