"""The repository's pre-commit hooks, run for real by pre-commit on a sample repository.

`pre-commit try-repo` installs this checkout into its own environment exactly as a user's
`repo:` entry would, then runs the hooks on the sample's staged YAML files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT

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


@pytest.fixture(scope="module")
def hooks_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """Every hook on one staged commit of a sample repository: a clean journey and one
    with lint findings added, an example changed to make a score worse. `try-repo`
    installs the checkout into a fresh environment each time (20 s and more, the most
    of these tests' time): one run serves the tests of each hook below."""
    repo = tmp_path_factory.mktemp("pre-commit") / "journeys"
    repo.mkdir()
    shutil.copy(EXAMPLES / "veste-hiver.yaml", repo / "veste.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "sample")
    path = repo / "veste.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("metrics: {csat: 88}", "metrics: {csat: 61}", 1), encoding="utf-8")
    shutil.copy(EXAMPLE_FILES[0], repo / "clean.yaml")
    shutil.copy(ROOT / "tests" / "lint" / "fixtures" / "agence.yaml", repo / "agence.yaml")
    _git(repo, "add", ".")
    return try_repo(repo, repo.parent / "cache")


def _section(out: str, hook: str) -> str:
    """What pre-commit printed for `hook`, up to the next hook's name."""
    names = [h["name"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))]
    after = out.split(hook, 1)[1]
    ends = [after.index(name) for name in names if name != hook and name in after]
    return after[: min(ends, default=len(after))]


def _failed(run: subprocess.CompletedProcess[str]) -> str:
    """pre-commit's output, once its exit says a hook failed."""
    assert run.returncode == 1, run.stdout + run.stderr
    return run.stdout


def test_pre_commit_runs_validate_and_lint_on_a_sample_repository(
    hooks_run: subprocess.CompletedProcess[str],
) -> None:
    out = _failed(hooks_run)
    assert "journeymap validate" in out and "Passed" in _section(out, "journeymap validate")
    assert "journeymap lint" in out and "Failed" in _section(out, "journeymap lint")
    assert "agence.yaml:26:15: error[JM402]" in _section(out, "journeymap lint")
    assert "clean.yaml" not in _section(out, "journeymap lint")


def test_the_diff_hook_fails_a_commit_that_makes_a_score_worse(
    hooks_run: subprocess.CompletedProcess[str],
) -> None:
    out = _failed(hooks_run)
    assert "journeymap diff" in out and "Failed" in _section(out, "journeymap diff")
    assert "▼ CSAT 88 → 61 (-27, worse)" in _section(out, "journeymap diff")
