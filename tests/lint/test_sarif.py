"""SARIF output against the official SARIF 2.1.0 schema, and what code scanning needs."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from journeymap import __version__
from journeymap.lint.registry import FAMILY_TAGS, FAMILY_TITLES, all_rules
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
    start = text[line - 1].index("Nous") + 1
    assert location["region"] == {
        "startLine": line,
        "startColumn": start,
        "endLine": line,
        "endColumn": len(text[line - 1]) + 1,  # exclusive: just after the step's text
    }


def test_uris_are_relative_to_the_repository_root_from_any_folder() -> None:
    """Run from a subfolder with an absolute path: still the path from the repository's
    root, which `originalUriBaseIds` declares."""
    run = _sarif((ROOT / AGENCE).resolve(), cwd=ROOT / "tests" / "lint")["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"tests/lint/fixtures/agence.yaml"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.resolve().as_uri() + "/"}}


def _journey_repo(tmp_path: Path, git: bool) -> Path:
    repo = tmp_path / "repo"
    folder = repo / "journeys" / "retail"
    folder.mkdir(parents=True)
    (folder / "agence.yaml").write_text((ROOT / AGENCE).read_text("utf-8"), "utf-8")
    if git:
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


@pytest.mark.parametrize("git", [True, False], ids=["git-repository", "plain-folder"])
def test_lint_from_a_subfolder(tmp_path: Path, git: bool) -> None:
    """In a git repository, URIs start at its root whatever folder lint runs from;
    elsewhere, at the working directory."""
    repo = _journey_repo(tmp_path, git)
    run = _sarif("retail/agence.yaml", cwd=repo / "journeys")["runs"][0]
    jsonschema.Draft4Validator(SCHEMA).validate({"version": "2.1.0", "runs": [run]})
    base = repo if git else repo / "journeys"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == base.resolve().as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"] for r in run["results"]]
    for location in locations:
        artifact = location["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert (base / artifact["uri"]).is_file(), artifact["uri"]
    expected = "journeys/retail/agence.yaml" if git else "retail/agence.yaml"
    assert {loc["artifactLocation"]["uri"] for loc in locations} == {expected}


def _fingerprints(log: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """Each result's fingerprint, with its rule and line."""
    found = {}
    for result in log["runs"][0]["results"]:
        key = result["partialFingerprints"]["journeymap/v1"]
        assert key not in found, "fingerprints are unique within a run"
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        found[key] = (result["ruleId"], line)
    return found


def test_fingerprints_survive_lines_moving(tmp_path: Path) -> None:
    """Code scanning keeps an alert open across commits when its fingerprint holds:
    lines added above a finding move it, but must not make it a new alert."""
    target = tmp_path / "agence.yaml"
    original = (ROOT / AGENCE).read_text("utf-8")
    target.write_text(original, "utf-8")
    before = _fingerprints(_sarif(target.name, cwd=tmp_path))
    lines = original.splitlines(keepends=True)
    moved = [*lines[:1], "# a comment\n", "# and another, above everything\n", *lines[1:]]
    target.write_text("".join(moved), "utf-8")
    after = _fingerprints(_sarif(target.name, cwd=tmp_path))
    assert len(before) > 10
    assert before.keys() == after.keys()
    for key, (rule, line) in before.items():
        assert after[key] == (rule, line + 2 if line > 1 else line)


def test_fingerprints_tell_findings_apart(tmp_path: Path) -> None:
    """Another file, or another finding, is another alert."""
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text((ROOT / AGENCE).read_text("utf-8"), "utf-8")
    log = _sarif("a.yaml", "b.yaml", cwd=tmp_path)
    both = _fingerprints(log)
    results = log["runs"][0]["results"]
    assert len(both) == len(results)
    per_file = {
        uri: {
            r["partialFingerprints"]["journeymap/v1"]
            for r in results
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
        }
        for uri in ("a.yaml", "b.yaml")
    }
    assert per_file["a.yaml"].isdisjoint(per_file["b.yaml"])
    # b.yaml repeats a.yaml's journey id: one more finding (JM008) there
    assert len(per_file["b.yaml"]) == len(per_file["a.yaml"]) + 1 > 10


def test_every_rule_links_its_documentation_and_tags() -> None:
    driver = _sarif(AGENCE)["runs"][0]["tool"]["driver"]
    anchors = set(
        re.findall(r'<a id="([a-z0-9]+)"></a>', (ROOT / "docs" / "rules.md").read_text("utf-8"))
    )
    for rule in driver["rules"]:
        base, _, anchor = rule["helpUri"].partition("#")
        assert base == "https://github.com/journeymap/journeymap/blob/main/docs/rules.md"
        assert anchor == rule["id"].lower() and anchor in anchors, rule["id"]
        tags = rule["properties"]["tags"]
        assert tags[0] == "customer-journey" and len(tags) == 2, rule["id"]
    by_id = {r["id"]: r for r in driver["rules"]}
    assert FAMILY_TAGS.keys() == FAMILY_TITLES.keys(), "every family has its tag"
    assert by_id["JM402"]["properties"]["tags"][1] == "customer-voice"
    assert by_id["JM006"]["properties"]["tags"][1] == "validity"


SUPPRESSED = """\
journeymap: 1
id: suppressed
title: Suppressions
stakeholders: [{id: agence, name: Agence}]
channels: [{id: agence, name: Agence}]
# journeymap: disable-file=JM101 -- the scope lives in the programme's charter
stages:
  - id: s
    name: Souscription
    steps:
      - id: a
        text: Nous livrons le jour même   # journeymap: disable=JM402 -- the survey's own words
        touchpoints: [{channel: agence, owner: agence}]
      - id: b
        # journeymap: disable=JM404 -- the product's name on the bank's site,
        # as customers type it in the search box
        text: Simulation de prêt
        touchpoints: [{channel: agence, owner: agence}]
"""


def test_suppressed_findings_are_reported_with_their_justification(tmp_path: Path) -> None:
    source = tmp_path / "suppressed.yaml"
    source.write_text(SUPPRESSED, "utf-8")
    text = run_cli("lint", "--format", "text", source.name, cwd=tmp_path)
    assert "JM402" not in text.stdout and "JM404" not in text.stdout, text.stdout
    log = _sarif(source.name, cwd=tmp_path)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    silenced = {r["ruleId"]: r for r in results if "suppressions" in r}
    assert set(silenced) == {"JM101", "JM402", "JM404"}
    lines = SUPPRESSED.splitlines()
    expected = {
        "JM101": ("the scope lives in the programme's charter", "disable-file=JM101"),
        "JM402": ("the survey's own words", "disable=JM402"),
        "JM404": (
            "the product's name on the bank's site, as customers type it in the search box",
            "disable=JM404",
        ),
    }
    for code, (justification, comment) in expected.items():
        (suppression,) = silenced[code]["suppressions"]
        assert suppression["kind"] == "inSource"
        assert suppression["justification"] == justification
        region = suppression["location"]["physicalLocation"]["region"]
        assert comment in lines[region["startLine"] - 1]
        assert lines[region["startLine"] - 1][region["startColumn"] - 1] == "#"
    # the finding itself stays where it is, and unsuppressed findings have no suppressions
    finding = silenced["JM402"]["locations"][0]["physicalLocation"]["region"]
    assert "Nous livrons" in lines[finding["startLine"] - 1]
    assert any("suppressions" not in r for r in results)


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


def _apply(text: str, replacement: dict[str, Any]) -> str:
    """A SARIF replacement applied to a text, as an editor's quick fix does."""
    region, lines = replacement["deletedRegion"], text.split("\n")
    assert region["startLine"] == region["endLine"]
    line = lines[region["startLine"] - 1]
    start, end = region["startColumn"] - 1, region["endColumn"] - 1
    lines[region["startLine"] - 1] = (
        line[:start] + replacement["insertedContent"]["text"] + line[end:]
    )
    return "\n".join(lines)


def test_spans_and_hints_reach_every_machine_format(tmp_path: Path) -> None:
    """The end of each offending node and the hint: SARIF's region and `fix` (applied,
    the file is valid), JSON's end_line, end_column and hint, GitHub's endLine and
    endColumn on one line."""
    target = tmp_path / "typo.yaml"
    good = (ROOT / "examples" / "veste-hiver.yaml").read_text(encoding="utf-8")
    typo = good.replace("channel: site", "channel: sitee", 1).replace("title:", "titel:", 1)
    target.write_text(typo, encoding="utf-8")
    done = run_cli("validate", "--format", "sarif", target, cwd=tmp_path)
    assert done.code == 1, done.stderr
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    fixed = typo
    results = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert {r["ruleId"] for r in results} == {"JM006", "JM007"}
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["endLine"] == region["startLine"]
        assert region["endColumn"] > region["startColumn"]
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "typo.yaml"
        fixed = _apply(fixed, change["replacements"][0])
    assert fixed == good
    found = json.loads(run_cli("validate", "--format", "json", target).stdout)
    by_code = {d["code"]: d for d in found if d["code"] in {"JM006", "JM007"}}
    assert by_code["JM007"]["hint"] == "site" and by_code["JM006"]["hint"] == "title"
    assert by_code["JM006"]["end_line"] == by_code["JM006"]["line"]
    assert by_code["JM006"]["end_column"] == by_code["JM006"]["column"] + len("titel")
    annotations = run_cli("validate", "--format", "github", target).stdout
    assert re.search(
        r"::error file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=JM007", annotations
    )
