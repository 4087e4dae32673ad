"""JM7xx on format-1.1 metrics: age from the period's end against a pinned today, source, n."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeymap.lint.config import LintConfig, parse
from journeymap.lint.linter import lint_journey_file
from journeymap.load.journey_file import load_text
from tests.conftest import run_cli

JOURNEY = """\
journeymap: 1.1
id: velo
title: Achat d'un vélo
lang: fr
channels: [{id: boutique, name: Boutique, kind: physical}]
stages:
  - id: retrait
    name: Retrait
    steps:
      - id: retrait
        text: Je récupère mon vélo
        touchpoints:
          - channel: boutique
            metrics: {csat: 72, source: Enquête boutique, period: {period}, n: {n}}
"""


def _codes(text: str, config: LintConfig) -> list[str]:
    loaded = load_text("velo.yaml", text)
    assert loaded.ok, loaded.diagnostics
    return [d.code for d in lint_journey_file(loaded, config) if d.code.startswith("JM7")]


@pytest.mark.parametrize(
    ("period", "today", "stale"),
    [
        # 2025-Q3 ends on 2025-09-30; 365 days later is 2026-09-30.
        ("2025-Q3", date(2026, 9, 30), False),
        ("2025-Q3", date(2026, 10, 1), True),
        ("2025-07-01..2025-09-30", date(2026, 10, 1), True),
        ("2025-09", date(2026, 9, 30), False),
        ("2025", date(2026, 12, 31), False),
        ("2025", date(2027, 1, 1), True),
    ],
)
def test_age_runs_from_the_end_of_the_period(period: str, today: date, stale: bool) -> None:
    config = LintConfig(today=today)
    found = _codes(JOURNEY.replace("{period}", period).replace("{n}", "400"), config)
    assert ("JM701" in found) is stale


def test_thresholds_are_configurable() -> None:
    config = parse({"thresholds": {"max-metric-age-days": 30, "min-metric-n": 500}}, "test")
    config = LintConfig(thresholds=config.thresholds, today=date(2026, 11, 15))
    found = _codes(JOURNEY.replace("{period}", "2026-09").replace("{n}", "400"), config)
    assert found == ["JM701", "JM703"]


def test_small_sample_boundary() -> None:
    config = LintConfig(today=date(2026, 10, 1))
    text = JOURNEY.replace("{period}", "2026-Q3")
    assert _codes(text.replace("{n}", "29"), config) == ["JM703"]
    assert _codes(text.replace("{n}", "30"), config) == []


def test_today_is_pinned_through_the_environment_in_the_real_cli(tmp_path: Path) -> None:
    path = tmp_path / "velo.yaml"
    path.write_text(JOURNEY.replace("{period}", "2025-Q3").replace("{n}", "400"), "utf-8")
    old = run_cli("lint", "--select", "JM7", path, env={"JOURNEYMAP_TODAY": "2026-10-01"})
    assert old.code == 0 and "JM701" in old.stdout
    assert "date from 2025-Q3, 366 days ago (over 365)" in old.stdout
    fresh = run_cli("lint", "--select", "JM7", path, env={"JOURNEYMAP_TODAY": "2026-09-30"})
    assert "JM701" not in fresh.stdout
    wrong = run_cli("lint", path, env={"JOURNEYMAP_TODAY": "01/10/2026"})
    assert wrong.code == 2
    assert "JOURNEYMAP_TODAY='01/10/2026' is not a date" in wrong.stderr
    assert "Traceback" not in wrong.stderr
