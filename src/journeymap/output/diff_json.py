"""The diff as JSON for other tools; schemas/diff.schema.json documents every field.

The shape is versioned (`format`): fields may be added within a version, never renamed
or removed. Numbers are JSON numbers (whole numbers without a decimal point); `null`
means "not there on that side", never 0.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from journeymap.diff.changes import KINDS, Change, DiffResult, JourneyDiff
from journeymap.output.diff_common import summary_line

FORMAT = "journeymap-diff/1"


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def change_record(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "section": change.section,
        "summary": change.summary,
        "where": asdict(change.where),
        "field": change.field,
        "before": _number(change.before),
        "after": _number(change.after),
        "direction": change.direction,
        "amount": _number(change.amount),
        "context": {k: _number(v) for k, v in change.context.items()},
    }


def journey_record(journey: JourneyDiff) -> dict[str, Any]:
    return {
        "id": journey.journey,
        "title": journey.title,
        "status": journey.status,
        "old_path": journey.old_path,
        "new_path": journey.new_path,
        "changes": [change_record(c) for c in journey.changes],
    }


def document(result: DiffResult) -> dict[str, Any]:
    statuses = Counter(j.status for j in result.journeys)
    kinds = Counter(c.kind for c in result.changes)
    return {
        "format": FORMAT,
        "old": result.old_label,
        "new": result.new_label,
        "changed": result.changed,
        "summary": {
            "text": summary_line(result),
            "journeys": {s: statuses[s] for s in ("added", "removed", "changed", "unchanged")},
            "changes": len(result.changes),
            "worse": sum(1 for c in result.changes if c.direction == "worse"),
            "better": sum(1 for c in result.changes if c.direction == "better"),
            "kinds": {k: kinds[k] for k in KINDS if kinds[k]},
        },
        "journeys": [journey_record(j) for j in result.journeys],
    }


def render(result: DiffResult) -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
