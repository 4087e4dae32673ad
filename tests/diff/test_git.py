"""Git revisions in a temporary repository: read with git, nothing checked out or staged."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import invoke, run_cli
from tests.diff.base import base, changes, touchpoint, write


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "cx@example.com")
    git(root, "config", "user.name", "CX team")
    write(root / "journeys" / "jacket.yaml", base())
    (root / "ci.yml").write_text("on: [push]\njobs: {}\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First map")
    monkeypatch.chdir(root)
    return root


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def _kinds(output: str) -> list[str]:
    return [c["kind"] for c in changes(json.loads(output))]


def test_two_revisions(repo: Path) -> None:
    data = base()
    touchpoint(data, "collect", "store")["metrics"]["csat"] = 62
    write(repo / "journeys" / "jacket.yaml", data)
    _commit(repo, "Survey results")
    result = invoke("diff", "HEAD~1..HEAD", "--format", "json", "--no-lint")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["old"], document["new"]) == ("HEAD~1", "HEAD")
    (change,) = changes(document)
    assert (change["kind"], change["direction"]) == ("metric-changed", "worse")
    assert document["journeys"][0]["old_path"] == "HEAD~1:journeys/jacket.yaml"


def test_a_revision_against_the_working_tree_reads_and_changes_nothing(repo: Path) -> None:
    data = base()
    touchpoint(data, "pay", "phone")["owner"] = "store"
    write(repo / "journeys" / "jacket.yaml", data)
    other = base()
    other["id"], other["title"] = "coat", "Buying a coat"
    write(repo / "journeys" / "coat.yaml", other)  # untracked: a journey being written
    git(repo, "add", "journeys/jacket.yaml")  # staged, and edited again after staging
    write(repo / "journeys" / "jacket.yaml", {**data, "title": "Buying a jacket"})
    status = git(repo, "status", "--porcelain")
    index = (repo / ".git" / "index").read_bytes()
    result = invoke("diff", "main", "--format", "json", "--no-lint")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["new"] == "working tree"
    by_id = {j["id"]: j for j in document["journeys"]}
    assert by_id["coat"]["status"] == "added"
    assert {c["kind"] for c in by_id["jacket"]["changes"]} == {"owner-changed", "journey-renamed"}
    assert git(repo, "status", "--porcelain") == status
    assert (repo / ".git" / "index").read_bytes() == index


def test_three_dots_compare_with_where_the_branch_left(repo: Path) -> None:
    git(repo, "switch", "-q", "-c", "survey")
    data = base()
    touchpoint(data, "browse", "web")["irritants"].append("The filters reset on every page")
    write(repo / "journeys" / "jacket.yaml", data)
    _commit(repo, "New irritant from the survey")
    git(repo, "switch", "-q", "main")
    renamed = base()
    renamed["title"] = "Winter jacket"
    write(repo / "journeys" / "jacket.yaml", renamed)
    _commit(repo, "Rename on main")
    # what the branch adds, as a pull request shows it: not main's later rename
    result = invoke("diff", "main...survey", "--format", "json", "--no-lint")
    assert _kinds(result.stdout) == ["irritant-added"]
    # two dots: the two tips, main's rename undone included
    result = invoke("diff", "main..survey", "--format", "json", "--no-lint")
    assert sorted(_kinds(result.stdout)) == ["irritant-added", "journey-renamed"]


def test_paths_limit_both_sides(repo: Path) -> None:
    other = base()
    other["id"], other["title"] = "coat", "Buying a coat"
    write(repo / "drafts" / "coat.yaml", other)
    _commit(repo, "A draft")
    result = invoke("diff", "HEAD~1..HEAD", "journeys", "--format", "json")
    assert json.loads(result.stdout)["changed"] is False
    result = invoke("diff", "HEAD~1..HEAD", "drafts/coat.yaml", "--format", "json")
    assert json.loads(result.stdout)["journeys"][0]["status"] == "added"


def test_a_journey_invalid_in_history_is_compared_as_absent(repo: Path) -> None:
    (repo / "journeys" / "jacket.yaml").write_text("journeymap: 1\nid: jacket\n", encoding="utf-8")
    _commit(repo, "Broken")
    write(repo / "journeys" / "jacket.yaml", base())
    _commit(repo, "Fixed")
    result = invoke("diff", "HEAD~1..HEAD", "--no-lint")
    assert result.code == 0
    assert "HEAD~1:journeys/jacket.yaml is not a valid journey there" in result.stderr
    assert "1 journey added" in result.stdout


def test_an_invalid_journey_on_the_new_side_is_reported_as_validate_does(repo: Path) -> None:
    data = base()
    touchpoint(data, "collect", "store")["metrics"]["csat"] = 180
    write(repo / "journeys" / "jacket.yaml", data)
    result = invoke("diff", "HEAD")
    assert result.code == 1
    assert "journeys/jacket.yaml:" in result.stderr and "JM006" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope",), "'nope' is neither a file, a folder nor a git revision here"),
        (("nope..HEAD",), "'nope' is neither a file, a folder nor a git revision here"),
        (("journeys/jacket.yaml",), "two files or two folders are compared"),
        (("journeys", "journeys/jacket.yaml"), "compare a file with a file or a folder"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    repo: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("diff", *args, cwd=repo)
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_outside_a_repository_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("diff", "old.yaml", "new.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "is not in a git repository" in result.stderr


def test_head_before_the_first_commit_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pre-commit hook comparing with HEAD works on a repository's first commit."""
    root = tmp_path / "new-repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root / "jacket.yaml", base())
    monkeypatch.chdir(root)
    result = invoke("diff", "HEAD", "--format", "json", "--no-lint")
    assert result.code == 0, result.stderr
    assert [j["status"] for j in json.loads(result.stdout)["journeys"]] == ["added"]


def test_odd_names_links_and_a_broken_file_in_both_revisions(repo: Path) -> None:
    """Spaces, accents and a newline in a name; a link; invalid YAML on both sides."""
    odd = repo / "dossier é" / "ma veste\nnouvelle.yaml"
    write(odd, {**base(), "id": "veste"})
    (repo / "lien.yaml").symlink_to("dossier é")
    (repo / "broken.yaml").write_text("a: [1\n", encoding="utf-8")
    _commit(repo, "Odd names")
    data = {**base(), "id": "veste"}
    touchpoint(data, "collect", "store")["metrics"]["csat"] = 70
    write(odd, data)
    _commit(repo, "Survey")
    result = invoke("diff", "HEAD~1..HEAD", "--no-lint", "-x", "broken.yaml")
    assert result.code == 0, result.stderr
    assert "▼ CSAT 80 → 70 (-10, worse)" in result.stdout
    result = invoke("diff", "HEAD~1..HEAD", "--no-lint")
    assert result.code == 1
    # the new side's file is named as the new side's, though its bytes did not change
    assert "HEAD:broken.yaml:2:1: error[JM002]" in result.stderr
    assert "warning: HEAD~1:broken.yaml is not a valid journey there" in result.stderr


def test_a_revision_not_in_utf8_is_placed_at_the_byte_as_validate_does(repo: Path) -> None:
    (repo / "journeys" / "jacket.yaml").write_bytes(
        "journeymap: 1\ntitle: Caf\u00e9\n".encode("latin-1")
    )
    _commit(repo, "Latin-1")
    result = invoke("diff", "HEAD~1..HEAD", "--no-lint")
    assert "HEAD:journeys/jacket.yaml:2:11: error[JM001] not valid UTF-8" in result.stderr
    assert "journeys/jacket.yaml:2:11: error[JM001]" in invoke("validate", "journeys").stdout
