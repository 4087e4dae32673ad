"""SARIF output against the official SARIF 2.1.0 schema, and what code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from journeymap import __version__
from journeymap.lint.registry import all_rules
from journeymap.output.sarif_report import artifact_location
from tests.conftest import EXAMPLE_FILES, ROOT, run_cli

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
AGENCE = Path("tests/lint/fixtures/agence.yaml")


def _sarif(*args: str | Path, cwd: Path = ROOT) -> dict[str, Any]:
    result = run_cli("lint", "--format", "sarif", *args, cwd=cwd)
    assert result.code in (0, 1), result.stderr
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_sarif_validates_against_the_2_1_0_schema(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("journeymap: 1\nid: [\n", encoding="utf-8")
    for log in (_sarif(AGENCE, broken), _sarif(*EXAMPLE_FILES)):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_the_schema_rejects_a_broken_log() -> None:
    log = _sarif(AGENCE)
    del log["runs"][0]["tool"]["driver"]["name"]
    assert not jsonschema.Draft4Validator(SCHEMA).is_valid(log)


def test_driver_lists_every_rule_with_its_documentation() -> None:
    driver = _sarif(AGENCE)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "journeymap"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    by_id = {r["id"]: r for r in driver["rules"]}
    assert {r.code for r in all_rules()} <= set(by_id)
    assert {"JM001", "JM006", "JM007"} <= set(by_id)
    voice = by_id["JM402"]
    assert voice["name"] == "company-voice"
    assert voice["defaultConfiguration"] == {"level": "error"}
    assert voice["shortDescription"]["text"].startswith("A step is told in the company's voice")
    assert "Bad (fr)" in voice["help"]["text"]
    assert by_id["JM104"]["defaultConfiguration"] == {"level": "note"}


def test_results_have_repo_relative_uris_and_regions() -> None:
    run = _sarif(AGENCE)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    voice = next(r for r in run["results"] if r["ruleId"] == "JM402")
    assert voice["level"] == "error"
    assert rules[voice["ruleIndex"]]["id"] == "JM402"
    location = voice["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "tests/lint/fixtures/agence.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    text = (ROOT / AGENCE).read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, start=1) if "Nous proposons" in t)
    assert location["region"] == {
        "startLine": line,
        "startColumn": text[line - 1].index("Nous") + 1,
    }


def test_uris_are_relative_to_the_working_directory_whatever_the_path_given() -> None:
    run = _sarif((ROOT / AGENCE).resolve(), cwd=ROOT / "tests")
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["runs"][0]["results"]
    }
    assert uris == {"lint/fixtures/agence.yaml"}


def test_files_outside_the_working_directory_get_absolute_file_uris(tmp_path: Path) -> None:
    inside = tmp_path / "repo" / "journeys" / "a b.yaml"
    outside = tmp_path / "elsewhere" / "c.yaml"
    root = tmp_path / "repo"
    assert artifact_location(str(inside), root) == {
        "uri": "journeys/a%20b.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location(str(outside), root) == {"uri": outside.resolve().as_uri()}


def test_validate_writes_sarif_too(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("journeymap: 1\nid: a\ntitle: t\nstages: []\n", encoding="utf-8")
    result = run_cli("validate", "--format", "sarif", broken, cwd=tmp_path)
    assert result.code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (finding,) = log["runs"][0]["results"]
    assert finding["ruleId"] == "JM006"
    assert finding["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    rule_ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"JM001", "JM006", "JM007"} <= rule_ids
