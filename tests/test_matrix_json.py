"""`journeymap matrix --format json`: the documented shape, compact or indented.

Every output is validated against `schemas/matrix.schema.json`, the schema scripts are
told to rely on; shared moments refer to touchpoints by position, and each reference
lands on a record of that very moment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT, invoke

SCHEMA = json.loads((ROOT / "schemas" / "matrix.schema.json").read_text(encoding="utf-8"))
PAIR = [EXAMPLES / "meubles-magasin.yaml", EXAMPLES / "meubles-web-retrait.yaml"]


def _document(*args: str | Path) -> dict[str, Any]:
    result = invoke("matrix", "--format", "json", *args)
    assert result.code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    return document


@pytest.mark.parametrize(
    "paths",
    [[p] for p in EXAMPLE_FILES] + [EXAMPLE_FILES, PAIR],
    ids=[p.stem for p in EXAMPLE_FILES] + ["all", "pair"],
)
def test_every_example_matches_the_schema(paths: list[Path]) -> None:
    _document(*paths, "--metric", "csat", "--top", "3")


def test_the_schema_is_a_valid_schema_that_rejects_a_copied_record() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    document = _document(*PAIR)
    side = document["shared_moments"][0]["journeys"][0]
    side["touchpoints"] = [document["journeys"][0]["touchpoints"][0]]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_shared_moments_refer_to_the_records_of_that_moment() -> None:
    document = _document(*EXAMPLE_FILES)
    assert document["shared_moments"], "the examples share the furniture pick-up"
    for moment in document["shared_moments"]:
        for side in moment["journeys"]:
            journey = document["journeys"][side["journey_index"]]
            assert journey["id"] == side["journey"]
            for index in side["touchpoints"]:
                record = journey["touchpoints"][index]
                assert (record["stage"], record["step"]) == (moment["stage"], moment["step"])
                assert record["moments"]["shared"] is True


def test_compact_by_default_and_indent_for_people() -> None:
    compact = invoke("matrix", "--format", "json", *PAIR).stdout
    indented = invoke("matrix", "--format", "json", "--indent", "2", *PAIR).stdout
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert ", " not in compact.split('"title"')[0]
    assert indented.startswith('{\n  "format": 2,\n')
    assert json.loads(compact) == json.loads(indented)
    assert len(compact) < len(indented)


def test_indent_must_be_a_count() -> None:
    result = invoke("matrix", "--format", "json", "--indent", "-1", *PAIR)
    assert result.code == 2
