"""A small journey to change one thing at a time, and helpers to write and compare pairs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import invoke

BASE: dict[str, Any] = {
    "journeymap": 1,
    "id": "jacket",
    "title": "Buying a winter jacket online",
    "lang": "en",
    "persona": {"name": "Urban commuter"},
    "scope": {"targets": ["B2C", "France"], "offers": ["Winter jackets"]},
    "stakeholders": [
        {"id": "digital", "name": "Digital"},
        {"id": "store", "name": "Store team"},
        {"id": "care", "name": "Customer care"},
    ],
    "channels": [
        {"id": "web", "name": "Website", "kind": "digital"},
        {"id": "store", "name": "Store", "kind": "physical"},
        {"id": "phone", "name": "Call centre", "kind": "phone"},
    ],
    "stages": [
        {
            "id": "choose",
            "name": "Choose",
            "phase": "before",
            "steps": [
                {
                    "id": "browse",
                    "text": "I browse the jackets on the site",
                    "emotion": 1,
                    "touchpoints": [
                        {
                            "channel": "web",
                            "owner": "digital",
                            "volume": 1000,
                            "metrics": {"csat": 70, "nps": 10, "ces": 3},
                            "delights": ["The photos show the jacket worn"],
                            "irritants": [
                                {
                                    "text": "The size guide is hard to find",
                                    "category": "productivity",
                                }
                            ],
                        }
                    ],
                },
                {
                    "id": "compare",
                    "text": "I compare two jackets side by side",
                    "emotion": 0,
                    "touchpoints": [{"channel": "web", "owner": "digital", "volume": 800}],
                },
            ],
        },
        {
            "id": "buy",
            "name": "Buy",
            "phase": "during",
            "steps": [
                {
                    "id": "pay",
                    "text": "I pay for my jacket",
                    "emotion": -1,
                    "moment_of_truth": True,
                    "touchpoints": [
                        {
                            "channel": "web",
                            "name": "Payment page",
                            "owner": "digital",
                            "volume": 600,
                            "metrics": {"ces": 4.5, "source": "Survey Q1"},
                            "irritants": [
                                {"text": "I must type my card twice", "category": "process"}
                            ],
                            "breakpoints": [
                                {
                                    "text": "The payment page times out",
                                    "kind": "forced",
                                    "to": "phone",
                                }
                            ],
                        },
                        {
                            "channel": "phone",
                            "name": "Payment help line",
                            "owner": "care",
                            "volume": 90,
                            "metrics": {"csat": 55},
                            "irritants": [
                                {"text": "I wait ten minutes on hold", "category": "support"}
                            ],
                        },
                    ],
                }
            ],
        },
        {
            "id": "get",
            "name": "Get it",
            "phase": "after",
            "steps": [
                {
                    "id": "collect",
                    "text": "I collect my jacket in store",
                    "emotion": 1,
                    "touchpoints": [
                        {
                            "channel": "store",
                            "owner": "store",
                            "volume": 500,
                            "metrics": {"csat": 80},
                        }
                    ],
                }
            ],
        },
    ],
}


def base() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def step(data: dict[str, Any], step_id: str) -> dict[str, Any]:
    for stage in data["stages"]:
        for found in stage["steps"]:
            if found["id"] == step_id:
                return found  # type: ignore[no-any-return]
    raise KeyError(step_id)


def touchpoint(data: dict[str, Any], step_id: str, channel: str) -> dict[str, Any]:
    return next(t for t in step(data, step_id)["touchpoints"] if t["channel"] == channel)


def diff_json(*args: str | Path) -> dict[str, Any]:
    result = invoke("diff", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def changes(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for j in document["journeys"] for c in j["changes"]]
