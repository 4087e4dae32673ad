"""`lint`'s report format and `import`'s journey files, without the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from journeymap.importers.common import Imported
from journeymap.lint.config import Resolver
from journeymap.lint.linter import lint_run
from journeymap.runner.errors import Refused
from journeymap.runner.imports import single_journey, write_journeys
from journeymap.runner.lint import report_format, write_report
from tests.runner.journeys import write_journey


def test_auto_is_github_only_inside_github_actions() -> None:
    assert report_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert report_format("auto", {"GITHUB_ACTIONS": "false"}) == "text"
    assert report_format("auto", {}) == "text"
    assert report_format("sarif", {"GITHUB_ACTIONS": "true"}) == "sarif"


def test_the_streamed_text_and_the_collected_json_hold_the_same_findings(tmp_path: Path) -> None:
    files = [write_journey(tmp_path, "a.yaml"), write_journey(tmp_path, "b.yaml", "a")]
    text, data = io.StringIO(), io.StringIO()
    write_report(lint_run(files, Resolver(None), jobs=1), "text", text)
    write_report(lint_run(files, Resolver(None), jobs=1), "json", data)
    found = json.loads(data.getvalue())
    assert found
    for finding in found:
        assert f"{finding['code']}" in text.getvalue()


def _imported(ident: str) -> Imported:
    return Imported({"journeymap": 1, "id": ident, "title": ident, "stages": []})


def test_one_journey_goes_to_standard_output_several_need_a_folder() -> None:
    assert "id: solo" in single_journey([_imported("solo")])
    with pytest.raises(Refused, match=r"2 journeys found \(a, b\); write them to a folder"):
        single_journey([_imported("a"), _imported("b")])


def test_existing_files_are_kept_unless_forced_and_nothing_is_half_written(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("mine\n", encoding="utf-8")
    heard: list[Path] = []
    with pytest.raises(Refused, match=r"b\.yaml already exist\(s\); use --force"):
        write_journeys([_imported("a"), _imported("b")], tmp_path, [], False, heard.append)
    assert heard == [] and not (tmp_path / "a.yaml").exists()
    write_journeys([_imported("a"), _imported("b")], tmp_path, [], True, heard.append)
    assert heard == [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    assert "id: b" in (tmp_path / "b.yaml").read_text(encoding="utf-8")


def test_a_source_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("the source\n", encoding="utf-8")
    with pytest.raises(Refused, match="would overwrite the input journey"):
        write_journeys([_imported("a")], tmp_path, [source], True, lambda path: None)
    assert source.read_text(encoding="utf-8") == "the source\n"
