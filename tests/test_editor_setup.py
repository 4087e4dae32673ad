"""The README's editor set-up points at the schema that `journeymap schema` publishes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, run_cli

SCHEMA_ID = json.loads((ROOT / "schemas" / "journey.schema.json").read_text("utf-8"))["$id"]


def _editor_section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    return readme.split("### In your editor", 1)[1].split("\n## ", 1)[0]


def test_the_documented_url_is_the_schemas_id() -> None:
    assert SCHEMA_ID == (
        "https://raw.githubusercontent.com/journeymap/journeymap/main/schemas/journey.schema.json"
    )
    section = _editor_section()
    urls = set(re.findall(r"https://raw\.githubusercontent\.com/\S+?\.json", section))
    assert urls == {SCHEMA_ID}


def test_the_vs_code_settings_are_valid_json_mapping_the_schema() -> None:
    block = re.search(r"```json\n(.*?)```", _editor_section(), re.DOTALL)
    assert block is not None
    settings = json.loads(block.group(1))
    globs = settings["yaml.schemas"][SCHEMA_ID]
    assert globs and all(g.startswith("journeys/") for g in globs)


def test_a_file_with_the_documented_comment_is_still_a_valid_journey(tmp_path: Path) -> None:
    comment = re.search(r"^# yaml-language-server: \$schema=(\S+)$", _editor_section(), re.M)
    assert comment is not None and comment.group(1) == SCHEMA_ID
    journey = tmp_path / "journey.yaml"
    example = (EXAMPLES / "meubles-web-retrait.yaml").read_text("utf-8")
    journey.write_text(comment.group(0) + "\n" + example, "utf-8")
    result = run_cli("validate", journey)
    assert result.code == 0, result.stdout + result.stderr
