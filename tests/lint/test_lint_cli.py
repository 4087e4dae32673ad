"""`journeymap lint` as users and CI run it: output formats, positions, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_FILES, ROOT, assert_snapshot, invoke, run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
AGENCE = FIXTURES / "agence.yaml"


def _position(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def _json(*args: str | Path) -> list[dict[str, object]]:
    result = invoke("lint", "--format", "json", *args)
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_examples_are_lint_clean_even_at_info() -> None:
    result = invoke("lint", "--fail-on", "info", *EXAMPLE_FILES)
    assert result.code == 0, result.stdout
    assert result.stdout == f"✓ {len(EXAMPLE_FILES)} files clean\n"


def test_text_output_groups_findings_by_file() -> None:
    result = run_cli("lint", "--format", "text", AGENCE.relative_to(ROOT))
    assert_snapshot("lint_agence.txt", result.stdout)
    assert result.code == 1  # JM402 is an error by default


def _line_end(path: Path, line: int) -> int:
    """The column just after a line's last character (an exclusive end)."""
    return len(path.read_text(encoding="utf-8").splitlines()[line - 1]) + 1


def test_findings_point_at_the_offending_value() -> None:
    found = {d["code"]: (d["line"], d["column"]) for d in _json(AGENCE)}
    assert found["JM402"] == _position(AGENCE, "Nous proposons")
    assert found["JM404"] == _position(AGENCE, "Simulation de mon")
    assert found["JM302"] == _position(AGENCE, "Traitement back-office")
    assert found["JM607"] == _position(AGENCE, "courrier, name")
    assert found["JM601"] == _position(AGENCE, "Trois semaines")
    assert found["JM603"] == _position(AGENCE, "metrics: {csat: 48}")


def test_json_findings_carry_every_field() -> None:
    first = _json(AGENCE)[0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "code",
        "name",
        "message",
        "hint",
    }
    assert first["path"] == str(AGENCE)


def test_fail_on_ignores_lower_severities(tmp_path: Path) -> None:
    journey = tmp_path / "j.yaml"
    journey.write_text(AGENCE.read_text(encoding="utf-8"), encoding="utf-8")
    only_info = ("--select", "JM203")
    assert invoke("lint", *only_info, journey).code == 0
    assert invoke("lint", *only_info, "--fail-on", "warning", journey).code == 0
    assert invoke("lint", *only_info, "--fail-on", "info", journey).code == 1


def test_github_format_and_auto_inside_actions() -> None:
    direct = run_cli("lint", "--format", "github", AGENCE.relative_to(ROOT))
    auto = run_cli("lint", AGENCE.relative_to(ROOT), env={"GITHUB_ACTIONS": "true"})
    assert direct.stdout == auto.stdout
    line, column = _position(AGENCE, "Nous proposons")
    assert (
        f"::error file=tests/lint/fixtures/agence.yaml,line={line},col={column},"
        f"endLine={line},endColumn={_line_end(AGENCE, line)},"
        "title=JM402 company-voice::step 'rdv' is told in the company's voice"
    ) in direct.stdout
    assert "::notice file=" in direct.stdout  # info findings are notices
    plain = run_cli("lint", AGENCE.relative_to(ROOT), env={"GITHUB_ACTIONS": ""})
    assert plain.stdout.startswith("tests/lint/fixtures/agence.yaml (")


def test_an_invalid_file_is_reported_as_validate_reports_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = EXAMPLE_FILES[0].read_text(encoding="utf-8").replace("emotion: 1", "emotion: 7", 1)
    broken.write_text(text, encoding="utf-8")
    lint = invoke("lint", "--format", "json", broken)
    validate = invoke("validate", "--format", "json", broken)
    assert lint.code == validate.code == 1
    assert json.loads(lint.stdout) == json.loads(validate.stdout)


def test_an_unreadable_path_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("lint", tmp_path / "missing.yaml")
    assert result.code == 2
    assert "no such file or directory" in result.stderr


def test_output_file_is_written_and_inputs_are_protected(tmp_path: Path) -> None:
    copy = tmp_path / "agence.yaml"
    shutil.copy(AGENCE, copy)
    out = tmp_path / "lint.sarif"
    result = invoke("lint", "--format", "sarif", "-o", out, copy)
    assert result.code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    refused = invoke("lint", "-o", copy, copy)
    assert refused.code == 2
    assert "would overwrite the input journey" in refused.stderr
    assert copy.read_text(encoding="utf-8") == AGENCE.read_text(encoding="utf-8")


def test_select_and_ignore_on_the_command_line() -> None:
    only_voice = {d["code"] for d in _json("--select", "JM4", AGENCE)}
    assert only_voice == {"JM402", "JM404"}
    without = {d["code"] for d in _json("--select", "JM4", "--ignore", "company-voice", AGENCE)}
    assert without == {"JM404"}
    bad = invoke("lint", "--select", "JM499", AGENCE)
    assert bad.code == 2
    assert "unknown rule 'JM499'" in bad.stderr


def test_rules_lists_every_rule() -> None:
    result = run_cli("rules", env={"COLUMNS": "160"})
    assert result.code == 0
    assert_snapshot("rules_table.txt", result.stdout)


def test_rules_documents_one_rule_by_code_or_name() -> None:
    by_code = invoke("rules", "jm402")
    by_name = invoke("rules", "company-voice")
    assert by_code.stdout == by_name.stdout
    assert by_code.stdout.startswith("JM402 company-voice (default severity: error)")
    assert "Bad (fr): `text: Nous envoyons le devis par e-mail`" in by_code.stdout
    unknown = invoke("rules", "JM999")
    assert unknown.code == 2
    assert "unknown rule 'JM999'" in unknown.stderr


def test_the_rules_are_imported_only_when_a_command_needs_them() -> None:
    probe = (
        "import sys, journeymap.cli.app; "
        "print(sorted(m for m in sys.modules if m.startswith(('journeymap.lint', 'rich'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"
