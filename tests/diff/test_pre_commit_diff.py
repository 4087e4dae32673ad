"""The journeymap-diff pre-commit hook, run for real by pre-commit on a staged change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT
from tests.lint.test_pre_commit import _git


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
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "journeymap-diff"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "journeymap diff" in out and "Failed" in out
    assert "▼ CSAT 88 → 61 (−27, worse)" in out
