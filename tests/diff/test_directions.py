"""Better or worse, by how much, with what the figure rests on; and the exit codes on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke
from tests.diff.base import base, changes, diff_json, step, touchpoint, write


def _pair(tmp_path: Path, new: dict[str, Any]) -> tuple[Path, Path]:
    return write(tmp_path / "a" / "j.yaml", base()), write(tmp_path / "b" / "j.yaml", new)


@pytest.mark.parametrize(
    ("name", "before", "after", "direction"),
    [
        ("csat", 70, 64, "worse"),
        ("csat", 70, 81, "better"),
        ("nps", 10, -5, "worse"),
        ("nps", 10, 30, "better"),
        # effort: lower is better
        ("ces", 3, 4.5, "worse"),
        ("ces", 3, 2.2, "better"),
    ],
)
def test_each_score_knows_which_way_is_better(
    tmp_path: Path, name: str, before: float, after: float, direction: str
) -> None:
    new = base()
    touchpoint(new, "browse", "web")["metrics"][name] = after
    (change,) = changes(diff_json(*_pair(tmp_path, new), "--no-lint"))
    assert (change["kind"], change["field"]) == ("metric-changed", name)
    assert (change["before"], change["after"]) == (before, after)
    assert change["direction"] == direction
    assert change["amount"] == pytest.approx(after - before)
    assert where(change) == ("choose", "browse", "web")


def where(change: dict[str, Any]) -> tuple[str, str, str]:
    w = change["where"]
    return w["stage"], w["step"], w["channel"]


def test_the_source_of_a_figure_comes_with_its_change(tmp_path: Path) -> None:
    new = base()
    touchpoint(new, "pay", "web")["metrics"] = {"ces": 5.5, "source": "Survey Q2"}
    (change,) = changes(diff_json(*_pair(tmp_path, new), "--no-lint"))
    assert change["direction"] == "worse"
    assert change["context"] == {"source": "Survey Q2"}
    assert change["summary"] == "CES 4.5 → 5.5 (+1, worse)"
    old_file, new_file = tmp_path / "a" / "j.yaml", tmp_path / "b" / "j.yaml"
    text = invoke("diff", old_file, new_file, "--no-lint").stdout
    assert "▼ CES 4.5 → 5.5 (+1, worse; source: Survey Q2)" in text


def test_emotion_change_has_a_direction_and_an_amount(tmp_path: Path) -> None:
    new = base()
    step(new, "pay")["emotion"] = -2
    step(new, "collect")["emotion"] = 2
    found = {c["where"]["step"]: c for c in changes(diff_json(*_pair(tmp_path, new), "--no-lint"))}
    assert (found["pay"]["direction"], found["pay"]["amount"]) == ("worse", -1)
    assert (found["collect"]["direction"], found["collect"]["amount"]) == ("better", 1)


def test_a_figure_measured_on_one_side_only_has_no_direction(tmp_path: Path) -> None:
    new = base()
    del touchpoint(new, "collect", "store")["metrics"]
    (change,) = changes(diff_json(*_pair(tmp_path, new), "--no-lint"))
    assert change["direction"] is None
    assert change["summary"] == "CSAT no longer measured (was 80)"


def test_volume_has_no_direction(tmp_path: Path) -> None:
    new = base()
    touchpoint(new, "collect", "store")["volume"] = 300
    (change,) = changes(diff_json(*_pair(tmp_path, new), "--no-lint"))
    assert (change["kind"], change["direction"], change["amount"]) == ("volume-changed", None, -200)


@pytest.mark.parametrize(
    ("edit", "exit_code", "fail_on_worse"),
    [
        ("nothing", 0, 0),
        ("better", 1, 0),
        ("worse", 1, 1),
        ("irritant", 1, 0),
    ],
)
def test_exit_codes(tmp_path: Path, edit: str, exit_code: int, fail_on_worse: int) -> None:
    new = base()
    if edit == "better":
        touchpoint(new, "collect", "store")["metrics"]["csat"] = 90
    elif edit == "worse":
        touchpoint(new, "collect", "store")["metrics"]["csat"] = 60
    elif edit == "irritant":
        touchpoint(new, "collect", "store")["irritants"] = [
            {"text": "The queue is long", "category": "process"}
        ]
    old_file, new_file = _pair(tmp_path, new)
    assert invoke("diff", old_file, new_file).code == 0
    assert invoke("diff", old_file, new_file, "--exit-code").code == exit_code
    assert invoke("diff", old_file, new_file, "--fail-on", "change").code == exit_code
    assert invoke("diff", old_file, new_file, "--fail-on", "worse").code == fail_on_worse
