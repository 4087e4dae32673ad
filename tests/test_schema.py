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


def test_one_shorthand_serves_journey_items_and_mapping_questions(tmp_path: Path) -> None:
    """ "A bare string is the mapping's one key" is one base class (`BareString`, its key a
    class variable) for journey items and the metrics mapping's questions: both schemas the
    CLI prints say it alike, and both files accept the bare string."""
    from journeymap.metrics.mapping import Question
    from journeymap.model.journey import (
        Action,
        BareString,
        Breakpoint,
        Delight,
        Irritant,
        Opportunity,
        Thought,
    )

    items = (Action, Breakpoint, Delight, Irritant, Opportunity, Thought)
    assert all(issubclass(c, BareString) and c.BARE_KEY == "text" for c in items)
    assert issubclass(Question, BareString) and Question.BARE_KEY == "column"
    journey = json.loads(invoke("schema").stdout)["$defs"]
    mapping = json.loads(invoke("metrics", "schema").stdout)["$defs"]
    shorthand = {"type": "string", "minLength": 1}
    shown = [journey[c.__name__]["anyOf"] for c in items] + [mapping["Question"]["anyOf"]]
    assert all(any_of[0] == shorthand and any_of[1]["type"] == "object" for any_of in shown)
    bare = {"source": "s", "touchpoints": [{"step": "a", "channel": "b", "nps": "Q1"}]}
    jsonschema.validate(bare, json.loads(invoke("metrics", "schema").stdout))
    assert Question.model_validate("Q1").column == "Q1"
