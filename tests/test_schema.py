"""The committed JSON Schema is what the model generates, and it agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from journeymap.schema import journey_schema_text
from tests.conftest import EXAMPLE_FILES, ROOT, invoke

SCHEMA_FILE = ROOT / "schemas" / "journey.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == journey_schema_text(), (
        "schemas/journey.schema.json is stale: "
        "run `journeymap schema > schemas/journey.schema.json`"
    )


def test_schema_command_prints_it() -> None:
    result = invoke("schema")
    assert result.code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_satisfy_the_schema(example: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    # The YAML language server hands the schema dates as the strings they are written as.
    as_editor_sees_it = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(schema).validate(as_editor_sees_it)


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    base = {"journeymap": 1, "id": "a", "title": "t", "stages": [{"id": "s", "name": "S"}]}
    assert validator.is_valid(base)
    assert not validator.is_valid({**base, "typo": 1})
    assert not validator.is_valid({**base, "journeymap": 2})
    assert not validator.is_valid({**base, "id": "Not A Slug"})
    step = {"id": "x", "text": "Je", "touchpoints": [{"channel": "c", "delights": ["ok", 3]}]}
    assert not validator.is_valid({**base, "stages": [{"id": "s", "name": "S", "steps": [step]}]})
