"""The repository's pre-commit hooks, run for real by pre-commit on a sample repository.

`pre-commit try-repo` installs this checkout into its own environment exactly as a user's
`repo:` entry would, then runs the hooks on the sample's YAML files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import EXAMPLE_FILES, ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"journeymap-validate", "journeymap-lint", "journeymap-diff"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["yaml"]
        assert hook["entry"].startswith("journeymap ")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def try_repo(repo: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` of this checkout in `repo`, with its own cache, as a user runs it."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_pre_commit_runs_both_hooks_on_a_sample_repository(tmp_path: Path) -> None:
    repo = tmp_path / "journeys"
    repo.mkdir()
    shutil.copy(EXAMPLE_FILES[0], repo / "clean.yaml")
    shutil.copy(ROOT / "tests" / "lint" / "fixtures" / "agence.yaml", repo / "agence.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "sample")
    result = try_repo(repo, tmp_path / "cache", "--all-files")
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "journeymap validate" in out and "Passed" in out
    assert "journeymap lint" in out and "Failed" in out
    assert "agence.yaml:26:15: error[JM402]" in out
    assert "clean.yaml" not in out.split("journeymap lint", 1)[1]
