"""Format 1.1: the blueprint fields, their checks, and format 1 left exactly as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from pydantic import BaseModel

from journeymap.model.journey import NEW_IN_1_1, Journey
from journeymap.model.quantities import parse_duration, parse_period
from journeymap.schema import journey_schema
from tests.conftest import invoke

BLUEPRINT = """\
journeymap: 1.1
id: ouverture-compte
title: J'ouvre un compte en ligne
owner: Équipe CX
status: validated
reviewed: 2026-11-15
state: as-is
counterpart: ouverture-compte-cible
evidence:
  - {id: entretiens, source: 12 entretiens clients, date: 2026-10-02, method: Entretiens, n: 12}
kpis:
  - {name: Taux d'abandon, value: 18, unit: '%', direction: lower, target: 10}
stakeholders:
  - {id: digital, name: Direction digitale}
  - {id: conformite, name: Conformité}
channels:
  - {id: appli, name: Application, kind: digital}
stages:
  - id: souscription
    name: Souscription
    needs: [Aller vite]
    opportunities:
      - {text: Ouverture en 5 minutes, owner: digital, status: planned, metric: ces, change: -1}
    steps:
      - id: justificatifs
        text: J'envoie mes justificatifs
        emotion: -1
        feeling: inquiet
        goal: Finir ce soir
        needs: [Savoir quoi envoyer]
        thoughts:
          - Est-ce que la photo suffit ?
          - {text: "C'est long", kind: quote}
        duration: 2-5 days
        actors: [Conseiller]
        systems: [GED]
        frontstage:
          - {text: L'appli affiche la liste des pièces, owner: digital}
        backstage:
          - {text: Vérification KYC, owner: conformite, system: Outil KYC, duration: 48 h}
        support:
          - Scoring
        opportunities:
          - Contrôle de la photo en direct
        touchpoints:
          - channel: appli
            owner: digital
            metrics:
              csat: 62
              n: 412
              period: 2026-Q3
              source: Enquête à chaud
              method: CSAT top-2 box on 1-5
              kpis: [{name: Complétion, value: 71, unit: '%'}]
"""


def _write(tmp_path: Path, text: str, name: str = "j.yaml") -> Path:
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


def test_a_full_blueprint_validates_and_satisfies_the_schema(tmp_path: Path) -> None:
    import json

    import yaml

    target = _write(tmp_path, BLUEPRINT)
    result = invoke("validate", target)
    assert result.code == 0, result.stdout
    # The YAML language server sees dates as the strings they are written as.
    as_editor_sees_it = json.loads(json.dumps(yaml.safe_load(BLUEPRINT), default=str))
    jsonschema.Draft202012Validator(journey_schema()).validate(as_editor_sees_it)
    journey = Journey.model_validate(yaml.safe_load(BLUEPRINT))
    assert journey.version == "1.1"
    step = journey.stages[0].steps[0]
    assert [t.kind for t in step.thoughts] == ["thought", "quote"]
    assert step.backstage[0].owner == "conformite"
    assert [lane for lane, actions in step.lanes() if actions] == [
        "frontstage",
        "backstage",
        "support",
    ]


def test_format_1_files_must_opt_in_to_new_keys(tmp_path: Path) -> None:
    text = BLUEPRINT.replace("journeymap: 1.1", "journeymap: 1")
    target = _write(tmp_path, text)
    result = invoke("validate", target)
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{target}:4:1: error[JM006] 'owner' is new in format 1.1: write 'journeymap: 1.1' "
        "at the top of the file to use it"
    )
    flagged = [line.split(" is new")[0].rsplit(" ", 1)[-1] for line in lines if "is new" in line]
    assert "'thoughts'" in flagged and "'backstage'" in flagged and "'period'" in flagged


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("duration: 2-5 days", "duration: bientôt", "write a duration like '45 min'"),
        ("period: 2026-Q3", "period: 2026-Q5", "write a period like '2026'"),
        ("reviewed: 2026-11-15", "reviewed: last week", "must be a date written YYYY-MM-DD"),
        ("status: validated", "status: done", "use one of: draft, validated, archived"),
        ("n: 412", "n: -3", "must be"),
        ("owner: conformite, system", "owner: legal, system", "owner 'legal' is not a declared"),
        ("{text: Ouverture en 5 minutes, owner: digital", "{text: X, owner: marketing", "owner"),
        ("journeymap: 1.1", "journeymap: 1.2", "unsupported format version 1.2"),
        ("journeymap: 1.1", "journeymap: true", "unsupported format version true"),
    ],
)
def test_wrong_new_values_are_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in BLUEPRINT
    target = _write(tmp_path, BLUEPRINT.replace(old, new, 1))
    result = invoke("validate", target)
    assert result.code == 1, result.stdout
    assert message in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_durations_and_periods_read_as_people_write_them() -> None:
    assert parse_duration("45 min") == (2700, 2700)
    assert parse_duration("2-5 days") == (2 * 86400, 5 * 86400)
    assert parse_duration("P3D") == (3 * 86400, 3 * 86400)
    assert parse_duration("1 h 30 min") == (5400, 5400)
    assert parse_duration("3 jours") == (3 * 86400, 3 * 86400)
    assert parse_duration("5-2 days") is None
    assert parse_duration("soon") is None
    quarter = parse_period("2026-Q3")
    assert quarter is not None and quarter[1].isoformat() == "2026-09-30"
    assert parse_period("2026-02-29") is None
    assert parse_period("2026-09..2026-07") is None


def _fields(model: type[BaseModel], seen: set[type[BaseModel]]) -> list[tuple[str, Any, bool]]:
    if model in seen:
        return []
    seen.add(model)
    found = []
    for name, info in model.model_fields.items():
        nested = [
            inner
            for candidate in (info.annotation, *get_args(info.annotation))
            for inner in (candidate, *get_args(candidate))
            if isinstance(inner, type) and issubclass(inner, BaseModel)
        ]
        found.append((f"{model.__name__}.{name}", info, bool(nested)))
        for inner in nested:
            found += _fields(inner, seen)
    return found


def test_every_field_has_a_description_and_an_example() -> None:
    """Nested models document themselves field by field, so they need no example of their own."""
    missing = [
        name
        for name, info, nested in _fields(Journey, set())
        if not info.description or (not nested and not info.examples)
    ]
    assert missing == []


def test_schema_bounds_are_json_schema_keywords() -> None:
    validator = jsonschema.Draft202012Validator(journey_schema())
    base: dict[str, Any] = {"journeymap": 1, "id": "a", "title": "t"}
    for metrics in ({"nps": 200}, {"csat": 150}, {"ces": 0}):
        step = {"id": "x", "text": "y", "touchpoints": [{"channel": "c", "metrics": metrics}]}
        doc = {
            **base,
            "stages": [
                {
                    "id": "s",
                    "name": "S",
                    "steps": [step],
                }
            ],
        }
        assert not validator.is_valid(doc), metrics
    schema = journey_schema()
    assert schema["$id"].startswith("https://")
    assert '"ge"' not in str(schema).replace("'", '"')


def test_new_in_1_1_names_real_fields() -> None:
    for model, names in NEW_IN_1_1.items():
        assert names <= set(model.model_fields), model


def test_format_reference_is_current_and_covers_every_model() -> None:
    from journeymap.reference import format_reference

    root = Path(__file__).resolve().parents[1]
    current = (root / "docs" / "format.md").read_text(encoding="utf-8")
    assert current == format_reference(), (
        "docs/format.md is stale: run `journeymap schema --format markdown > docs/format.md`"
    )
    models = {name.split(".")[0] for name, _, _ in _fields(Journey, set())}
    for model in models:
        assert f"\n## {model}\n" in current, model
    for name, _, _ in _fields(Journey, set()):
        assert f"| `{name.split('.')[1]}`" in current, name


def test_matrix_json_carries_the_new_fields_and_leaves_format_1_alone() -> None:
    import json

    root = Path(__file__).resolve().parents[1]
    result = invoke("matrix", root / "examples" / "insurance-claim-blueprint.yaml", "-f", "json")
    assert result.code == 0, result.stdout
    journey = json.loads(result.stdout)["journeys"][0]
    blueprint = journey["blueprint"]
    assert blueprint["state"] == "to-be" and blueprint["reviewed"] == "2026-11-24"
    declare = blueprint["steps"][0]
    assert declare["thoughts"][0] == {"text": "Am I even covered for this?", "kind": "question"}
    assert [a["owner"] for a in declare["backstage"]] == ["fraud", "claims"]
    assert journey["touchpoints"][0]["metrics_provenance"]["n"] == 910
    plain = invoke("matrix", root / "examples" / "veste-hiver.yaml", "-f", "json")
    assert "blueprint" not in json.loads(plain.stdout)["journeys"][0]
    assert "metrics_provenance" not in plain.stdout
