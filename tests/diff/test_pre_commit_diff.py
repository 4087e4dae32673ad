"""The journeymap-diff pre-commit hook, run for real by pre-commit on a staged change."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES
from tests.lint.test_pre_commit import _git, try_repo


def test_the_hook_fails_a_commit_that_makes_a_score_worse(tmp_path: Path) -> None:
    repo = tmp_path / "journeys"
    repo.mkdir()
    shutil.copy(EXAMPLES / "veste-hiver.yaml", repo / "veste.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "sample")
    path = repo / "veste.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("metrics: {csat: 88}", "metrics: {csat: 61}", 1), encoding="utf-8")
    _git(repo, "add", ".")
    result = try_repo(repo, tmp_path / "cache", "journeymap-diff")
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "journeymap diff" in out and "Failed" in out
    assert "▼ CSAT 88 → 61 (-27, worse)" in out
