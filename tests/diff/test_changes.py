"""Every kind of change, one at a time, through the real CLI and its JSON output.

Each case changes one thing in a small journey and states exactly which kinds of change
the diff must report: a case that reports more (a side effect misread as a change) fails
as surely as one that reports less.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeymap.diff.changes import KINDS
from tests.conftest import invoke
from tests.diff.base import base, changes, diff_json, step, touchpoint, write

Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _tp(step_id: str, channel: str, key: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        touchpoint(data, step_id, channel)[key] = value

    return mutate


def _metric(step_id: str, channel: str, name: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        metrics = touchpoint(data, step_id, channel).setdefault("metrics", {})
        if value is None:
            metrics.pop(name, None)
        else:
            metrics[name] = value

    return mutate


def _step(step_id: str, key: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        if value is None:
            step(data, step_id).pop(key, None)
        else:
            step(data, step_id)[key] = value

    return mutate


def _add_step(data: dict[str, Any]) -> None:
    data["stages"][2]["steps"].append(
        {
            "id": "wear",
            "text": "I wear my jacket on the first cold morning",
            "emotion": 2,
            "touchpoints": [{"channel": "web", "owner": "digital", "metrics": {"csat": 90}}],
        }
    )


def _remove_step(data: dict[str, Any]) -> None:
    data["stages"][0]["steps"].pop(1)


def _move_step_to_stage(data: dict[str, Any]) -> None:
    moved = data["stages"][0]["steps"].pop(1)
    data["stages"][1]["steps"].insert(0, moved)


def _reorder_steps(data: dict[str, Any]) -> None:
    data["stages"][0]["steps"].reverse()


def _add_stage(data: dict[str, Any]) -> None:
    data["stages"].append(
        {
            "id": "return",
            "name": "Return it",
            "phase": "after",
            "steps": [
                {
                    "id": "send-back",
                    "text": "I send the jacket back",
                    "touchpoints": [
                        {"channel": "store", "owner": "store", "metrics": {"csat": 60}}
                    ],
                }
            ],
        }
    )


def _remove_stage(data: dict[str, Any]) -> None:
    data["stages"].pop(2)
    data["channels"] = [c for c in data["channels"] if c["id"] != "store"]
    data["stakeholders"] = [s for s in data["stakeholders"] if s["id"] != "store"]


def _move_stage(data: dict[str, Any]) -> None:
    data["stages"].insert(0, data["stages"].pop(2))


def _move_touchpoint(data: dict[str, Any]) -> None:
    tp = touchpoint(data, "pay", "phone")
    tp["channel"] = "store"


def _add_touchpoint(data: dict[str, Any]) -> None:
    step(data, "collect")["touchpoints"].append(
        {"channel": "phone", "owner": "care", "metrics": {"csat": 50}, "volume": 40}
    )


def _remove_touchpoint(data: dict[str, Any]) -> None:
    step(data, "pay")["touchpoints"].pop(1)


def _items(step_id: str, channel: str, key: str, change: Callable[[list[Any]], None]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        tp = touchpoint(data, step_id, channel)
        items = tp.setdefault(key, [])
        change(items)
        if not items:
            tp.pop(key)

    return mutate


def _add_channel(data: dict[str, Any]) -> None:
    data["channels"].append({"id": "sms", "name": "SMS", "kind": "messaging"})
    step(data, "collect")["touchpoints"].append({"channel": "sms", "owner": "store"})


def _add_stakeholder(data: dict[str, Any]) -> None:
    data["stakeholders"].append({"id": "logistics", "name": "Logistics"})
    touchpoint(data, "collect", "store")["owner"] = "logistics"


CASES: list[tuple[str, Mutation, set[str]]] = [
    ("journey title", _set(("title",), "Buying a coat online"), {"journey-renamed"}),
    ("persona", _set(("persona",), {"name": "Student"}), {"persona-changed"}),
    ("scope target", _set(("scope", "targets"), ["B2C", "Belgium"]), {"scope-changed"}),
    ("journey notes", _set(("notes",), "Figures from Q1"), {"field-changed"}),
    ("language: English steps lack « je »", _set(("lang",), "fr"), {"field-changed", "lint-new"}),
    ("channel added", _add_channel, {"channel-added", "touchpoint-added"}),
    ("channel renamed", _set(("channels", 0, "name"), "Web shop"), {"field-changed"}),
    ("stakeholder added", _add_stakeholder, {"stakeholder-added", "owner-changed"}),
    ("stage added", _add_stage, {"stage-added", "step-added"}),
    (
        "stage removed",
        _remove_stage,
        {"stage-removed", "step-removed", "channel-removed", "stakeholder-removed"},
    ),
    ("stage renamed", _set(("stages", 0, "name"), "Pick a jacket"), {"stage-renamed"}),
    ("stage moved", _move_stage, {"stage-moved"}),
    ("stage goal", _set(("stages", 0, "goal"), "Find the right jacket"), {"field-changed"}),
    ("step added", _add_step, {"step-added"}),
    ("step removed", _remove_step, {"step-removed"}),
    ("step reworded", _step("compare", "text", "I compare three jackets"), {"step-reworded"}),
    ("step moved to another stage", _move_step_to_stage, {"step-moved"}),
    ("steps reordered", _reorder_steps, {"step-moved"}),
    ("step notes", _step("browse", "notes", "Mostly on mobile"), {"field-changed"}),
    ("moment of truth added", _step("collect", "moment_of_truth", True), {"moment-of-truth-added"}),
    ("moment of truth removed", _step("pay", "moment_of_truth", None), {"moment-of-truth-removed"}),
    ("emotion worse", _step("collect", "emotion", -1), {"emotion-changed"}),
    ("emotion rated no more", _step("collect", "emotion", None), {"emotion-changed"}),
    ("touchpoint added", _add_touchpoint, {"touchpoint-added"}),
    ("touchpoint removed", _remove_touchpoint, {"touchpoint-removed"}),
    ("touchpoint moved to another channel", _move_touchpoint, {"touchpoint-moved"}),
    ("owner changed", _tp("pay", "phone", "owner", "store"), {"owner-changed"}),
    ("touchpoint renamed", _tp("pay", "web", "name", "Checkout"), {"field-changed"}),
    ("csat worse", _metric("collect", "store", "csat", 61), {"metric-changed"}),
    ("metric now measured", _metric("collect", "store", "nps", 12), {"metric-changed"}),
    ("metric source", _metric("pay", "web", "source", "Survey Q2"), {"field-changed"}),
    ("volume", _tp("collect", "store", "volume", 650), {"volume-changed"}),
    (
        "delight added",
        _items("collect", "store", "delights", lambda i: i.append("The jacket is ready early")),
        {"delight-added"},
    ),
    (
        "delight removed",
        _items("browse", "web", "delights", lambda i: i.clear()),
        {"delight-removed"},
    ),
    (
        "delight reworded",
        _items(
            "browse",
            "web",
            "delights",
            lambda i: i.__setitem__(0, "The photos show the jacket worn outside"),
        ),
        {"delight-changed"},
    ),
    (
        "irritant added",
        _items(
            "collect",
            "store",
            "irritants",
            lambda i: i.append({"text": "The queue is long", "category": "process"}),
        ),
        {"irritant-added"},
    ),
    (
        "irritant removed",
        _items("pay", "phone", "irritants", lambda i: i.clear()),
        {"irritant-removed"},
    ),
    (
        "irritant recategorised",
        _items("browse", "web", "irritants", lambda i: i[0].__setitem__("category", "support")),
        {"irritant-changed"},
    ),
    (
        "breakpoint added",
        _items(
            "collect",
            "store",
            "breakpoints",
            lambda i: i.append({"text": "The parcel is missing", "kind": "blocked"}),
        ),
        {"breakpoint-added"},
    ),
    (
        "breakpoint removed",
        _items("pay", "web", "breakpoints", lambda i: i.clear()),
        {"breakpoint-removed"},
    ),
    (
        "breakpoint redirected",
        _items("pay", "web", "breakpoints", lambda i: i[0].__setitem__("to", "store")),
        {"breakpoint-changed"},
    ),
    (
        "company voice: a new lint finding",
        _step("collect", "text", "We hand the jacket over in store"),
        {"step-reworded", "lint-new"},
    ),
    (
        "a metric where others have one: a lint finding fixed",
        _metric("compare", "web", "csat", 75),
        {"metric-changed", "lint-fixed"},
    ),
]


@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_change_gives_exactly_its_kinds(
    tmp_path: Path, name: str, mutate: Mutation, expected: set[str]
) -> None:
    new = base()
    mutate(new)
    old_file = write(tmp_path / "old" / "jacket.yaml", base())
    new_file = write(tmp_path / "new" / "jacket.yaml", new)
    # lint is on only where the case is about lint: the linter rightly finds more in
    # many of these one-line edits (a touchpoint without figures where others have some)
    linted = any(kind.startswith("lint-") for kind in expected)
    document = diff_json(old_file, new_file, *(() if linted else ("--no-lint",)))
    assert {c["kind"] for c in changes(document)} == expected
    assert document["changed"] is True
    assert document["journeys"][0]["status"] == "changed"


def test_the_cases_cover_every_kind_but_journeys_added_and_removed() -> None:
    covered = set().union(*(expected for _, _, expected in CASES))
    assert set(KINDS) - covered == {"journey-added", "journey-removed"}


def test_journeys_added_and_removed_between_folders(tmp_path: Path) -> None:
    other = base()
    other["id"] = "coat"
    other["title"] = "Buying a coat"
    write(tmp_path / "old" / "jacket.yaml", base())
    write(tmp_path / "new" / "coat.yaml", other)
    document = diff_json(tmp_path / "old", tmp_path / "new")
    by_id = {j["id"]: j for j in document["journeys"]}
    assert by_id["jacket"]["status"] == "removed"
    assert [c["kind"] for c in by_id["jacket"]["changes"]] == ["journey-removed"]
    assert by_id["coat"]["status"] == "added"
    # an added journey brings its lint findings with it: the reviewer sees them once
    assert [c["kind"] for c in by_id["coat"]["changes"]] == ["journey-added", "lint-new"]
    assert document["summary"]["journeys"] == {
        "added": 1,
        "removed": 1,
        "changed": 0,
        "unchanged": 0,
    }


def test_a_file_renamed_is_the_same_journey(tmp_path: Path) -> None:
    write(tmp_path / "old" / "jacket.yaml", base())
    write(tmp_path / "new" / "journeys" / "winter-jacket.yml", base())
    document = diff_json(tmp_path / "old", tmp_path / "new")
    assert document["changed"] is False
    assert document["journeys"][0]["status"] == "unchanged"


def test_lint_configuration_applies_to_both_sides(tmp_path: Path) -> None:
    new = base()
    step(new, "collect")["text"] = "We hand the jacket over in store"
    old_file = write(tmp_path / "old" / "jacket.yaml", base())
    new_file = write(tmp_path / "new" / "jacket.yaml", new)
    config = tmp_path / "journeymap.toml"
    config.write_text('[lint]\nignore = ["company-voice"]\n', encoding="utf-8")
    document = diff_json(old_file, new_file, "--config", config)
    assert {c["kind"] for c in changes(document)} == {"step-reworded"}
    config.write_text('[lint]\nignore = ["no-such-rule"]\n', encoding="utf-8")
    broken = invoke("diff", old_file, new_file, "--config", config)
    assert broken.code == 2 and "no-such-rule" in broken.stderr


def test_the_order_of_changes_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Channels and touchpoints common to both sides were once walked as a set of ids, so
    # two runs on the same pair could list their changes in different orders.
    old = base()
    browse = step(old, "browse")
    browse["touchpoints"] = [
        {"channel": channel, "owner": "digital", "volume": 100 * n}
        for n, channel in enumerate(("web", "store", "phone"), 1)
    ]
    new = copy.deepcopy(old)
    for tp in step(new, "browse")["touchpoints"]:
        tp["volume"] += 7
    for channel in new["channels"]:
        channel["name"] += " (new)"
    before, after = write(tmp_path / "old.yaml", old), write(tmp_path / "new.yaml", new)
    outputs = set()
    for seed in ("0", "3", "4", "5", "6"):
        proc = subprocess.run(
            [sys.executable, "-m", "journeymap", "diff", before, after],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"},
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert "6 other changes" in proc.stdout, proc.stdout
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    (text,) = outputs
    assert text.index("Website (new)\n") < text.index("Store (new)\n")  # the file's order
