"""Lint on hostile input: the same reports as validate, and rules that survive odd text."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.lint.base import BASE_FR
from tests.test_hostile_input import CASES


def test_hostile_files_are_reported_as_validate_reports_them(tmp_path: Path) -> None:
    files = []
    for name, (content, _, _) in sorted(CASES.items()):
        target = tmp_path / f"{name}.yaml"
        target.write_bytes(content)
        files.append(target)
    lint = run_cli("lint", "--format", "json", *files)
    validate = run_cli("validate", "--format", "json", *files)
    assert "Traceback" not in lint.stdout + lint.stderr
    assert (lint.code, lint.stdout) == (validate.code, validate.stdout)
    assert lint.code == 1


def test_pathological_step_text_and_comments(tmp_path: Path) -> None:
    weird = "J’" + " ,je" * 20_000 + " # journeymap: disable=JM401" * 50
    text = BASE_FR.replace("Je commande mon vélo sur le site", f"'{weird}'")
    text += "# journeymap: disable=JM402\n" * 2_000 + "#journeymap: disable=\n"
    target = tmp_path / "weird.yaml"
    target.write_text(text, encoding="utf-8")
    result = run_cli("lint", "--format", "json", target)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.code == 0  # only warnings: text too long, unused suppressions
    assert result.stdout.count('"JM505"') == 1
    # Inside the quoted step text, "# journeymap: ..." is text, not a suppression.
    assert result.stdout.count('"JM901"') == 2_000
