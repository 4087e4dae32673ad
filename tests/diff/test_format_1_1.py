"""Format 1.1 fields show up in the diff: walked generically, told in words, KPIs scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT, invoke
from tests.test_format_1_1 import BLUEPRINT

EDITS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "a journey KPI where lower is better goes up",
        "value: 18, unit: '%', direction: lower",
        "value: 22, unit: '%', direction: lower",
        {
            "kind": "metric-changed",
            "field": "kpi:Taux d'abandon",
            "direction": "worse",
            "amount": 4,
            "summary": "Taux d'abandon (%) 18 → 22 (+4, worse)",
        },
    ),
    (
        "a touchpoint KPI improves",
        "kpis: [{name: Complétion, value: 71, unit: '%'}]",
        "kpis: [{name: Complétion, value: 76, unit: '%'}]",
        {
            "kind": "metric-changed",
            "direction": "better",
            "summary": "Complétion (%) 71 → 76 (+5, better)",
        },
    ),
    (
        "a score with its n, period and method",
        "csat: 62\n              n: 412\n              period: 2026-Q3",
        "csat: 70\n              n: 530\n              period: 2026-Q4",
        {
            "kind": "metric-changed",
            "direction": "better",
            "context": {
                "n": 530,
                "period": "2026-Q4",
                "source": "Enquête à chaud",
                "method": "CSAT top-2 box on 1-5",
            },
        },
    ),
    (
        "a thought added",
        '          - {text: "C\'est long", kind: quote}\n',
        '          - {text: "C\'est long", kind: quote}\n          - Combien de temps encore ?\n',
        {
            "kind": "field-changed",
            "summary": "step thoughts: + “Combien de temps encore ?” (kind thought)",
        },
    ),
    (
        "a need added (a plain text in a list)",
        "needs: [Savoir quoi envoyer]",
        "needs: [Savoir quoi envoyer, Un délai annoncé]",
        {"kind": "field-changed", "summary": "step needs: + “Un délai annoncé”"},
    ),
    (
        "a backstage action slower",
        "system: Outil KYC, duration: 48 h}",
        "system: Outil KYC, duration: 72 h}",
        {
            "kind": "field-changed",
            "summary": "step backstage: “Vérification KYC”: duration 48 h → 72 h",
        },
    ),
    (
        "an opportunity done",
        "owner: digital, status: planned, metric: ces",
        "owner: digital, status: done, metric: ces",
        {
            "kind": "field-changed",
            "summary": "stage opportunities: “Ouverture en 5 minutes”: status planned → done",
        },
    ),
    (
        "the journey reviewed again",
        "reviewed: 2026-11-15",
        "reviewed: 2026-12-01",
        {"kind": "field-changed", "before": "2026-11-15", "after": "2026-12-01"},
    ),
    (
        "the journey's status",
        "status: validated",
        "status: draft",
        {"kind": "field-changed", "summary": "journey status changed from “validated” to “draft”"},
    ),
]

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "old", "new", "expected"), EDITS, ids=[e[0] for e in EDITS])
def test_format_1_1_changes(
    tmp_path: Path, name: str, old: str, new: str, expected: dict[str, Any]
) -> None:
    assert BLUEPRINT.count(old) == 1
    before, after = tmp_path / "a.yaml", tmp_path / "b.yaml"
    before.write_text(BLUEPRINT, encoding="utf-8")
    after.write_text(BLUEPRINT.replace(old, new), encoding="utf-8")
    result = invoke("diff", before, after, "--format", "json", "--no-lint")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    (change,) = document["journeys"][0]["changes"]
    assert {k: change[k] for k in expected} == expected


def test_reordered_thoughts_are_no_change(tmp_path: Path) -> None:
    photo = "          - Est-ce que la photo suffit ?\n"
    long = '          - {text: "C\'est long", kind: quote}\n'
    reordered = BLUEPRINT.replace(photo + long, long + photo)
    assert reordered != BLUEPRINT
    before, after = tmp_path / "a.yaml", tmp_path / "b.yaml"
    before.write_text(BLUEPRINT, encoding="utf-8")
    after.write_text(reordered, encoding="utf-8")
    assert invoke("diff", before, after, "--exit-code").code == 0
