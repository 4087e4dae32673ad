"""Format 1.1 keys in a file that declares format 1.

A reader of format 1 rejects the keys that 1.1 added, so a format-1 file that uses them
would break for colleagues on an older journeymap: the file must opt in with
`journeymap: 1.1`. The walk follows the raw data (the model may not have validated); the
keys come from the models through the generated `quickspec` table, without pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from journeymap.model.quickspec import NEW_IN_1_1

Loc = tuple[str | int, ...]


def _new_keys(data: Any, model: str, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, dict):
        for key in data:
            if key in NEW_IN_1_1.get(model, ()):
                yield (*loc, key), str(key)


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def format_1_1_keys(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """Where a format-1 file uses keys new in 1.1, in file order."""
    if data.get("journeymap") != 1 or isinstance(data.get("journeymap"), bool):
        return
    yield from _new_keys(data, "Journey", ())
    for si, stage in _items(data.get("stages")):
        stage_loc: Loc = ("stages", si)
        yield from _new_keys(stage, "Stage", stage_loc)
        for pi, step in _items(stage.get("steps")):
            step_loc: Loc = (*stage_loc, "steps", pi)
            yield from _new_keys(step, "Step", step_loc)
            for ti, touchpoint in _items(step.get("touchpoints")):
                metrics = touchpoint.get("metrics")
                yield from _new_keys(metrics, "Metrics", (*step_loc, "touchpoints", ti, "metrics"))
