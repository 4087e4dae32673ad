"""The comparison of two sets of journeys: every change, placed and told in the method's words.

Everything is matched by identity, never by position in the file: journeys by id, stages
by id, steps by id (unique in a file, so a step that changes stage is *moved*, not
removed and added), touchpoints by channel within their step, channels and stakeholders
by id, delights, irritants and breakpoints by their text. A reformatted file, reordered
keys, new comments or a block moved in the YAML therefore compare equal, since all of
them give the same models.

The parts are paired in `pairing`; each kind of change has its module (`journeys`,
`structure`, `touchpoints`, `scores`, `findings`), writing into one `Recorder` in the
order below, the order every format keeps. Fields without a dedicated rule are compared
by walking the models (`fields.walk`), so that a field added to the format later (a
step's `thoughts`, a journey's `owner`) shows up as a `field-changed` without any change
here. The records live in `records` and are re-exported here, their public home.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from journeymap.diff import journeys, structure
from journeymap.diff.fields import walk
from journeymap.diff.findings import lint_changes
from journeymap.diff.pairing import SIMILAR, match_items, stable_order
from journeymap.diff.recorder import Recorder
from journeymap.diff.records import (
    JOURNEY_WIDE,
    KINDS,
    SECTIONS,
    Change,
    DiffResult,
    Direction,
    JourneyDiff,
    JourneyState,
    Where,
)
from journeymap.diff.scores import HIGHER_IS_BETTER, METRIC_CONTEXT, kpis
from journeymap.diff.words import METRIC_LABELS
from journeymap.model.journey import Journey

__all__ = [
    "HIGHER_IS_BETTER",
    "KINDS",
    "METRIC_CONTEXT",
    "METRIC_LABELS",
    "SECTIONS",
    "SIMILAR",
    "Change",
    "DiffResult",
    "Direction",
    "JourneyDiff",
    "JourneyState",
    "Where",
    "compare",
    "match_items",
    "stable_order",
]


def compare(
    old: Mapping[str, JourneyState],
    new: Mapping[str, JourneyState],
    old_label: str = "old",
    new_label: str = "new",
) -> DiffResult:
    """Every change from `old` to `new`, two sets of journeys keyed by journey id."""
    results: list[JourneyDiff] = []
    for journey_id in sorted(set(old) | set(new)):
        before, after = old.get(journey_id), new.get(journey_id)
        if before is None and after is not None:
            changes = [journeys.added(after.journey)]
            changes += lint_changes(journey_id, (), after.findings)
            results.append(
                JourneyDiff(
                    journey_id,
                    after.journey.title,
                    "added",
                    None,
                    after.path,
                    tuple(changes),
                    after.journey,
                )
            )
        elif after is None and before is not None:
            changes = [journeys.removed(before.journey)]
            results.append(
                JourneyDiff(
                    journey_id, before.journey.title, "removed", before.path, None, tuple(changes)
                )
            )
        elif before is not None and after is not None:
            same = before.journey is after.journey  # the same bytes, loaded once
            changes = [] if same else _journey_changes(before.journey, after.journey)
            changes += lint_changes(journey_id, before.findings, after.findings)
            status: Literal["changed", "unchanged"] = "changed" if changes else "unchanged"
            results.append(
                JourneyDiff(
                    journey_id,
                    after.journey.title,
                    status,
                    before.path,
                    after.path,
                    tuple(changes),
                    after.journey,
                )
            )
    return DiffResult(old_label, new_label, tuple(results))


def _journey_changes(old: Journey, new: Journey) -> list[Change]:
    """Every change inside one journey: journey-wide ones first, then the stages, then the
    steps, each step followed by its touchpoints."""
    record = Recorder(old, new)
    journeys.renamed(record)
    journeys.persona(record)
    journeys.scope(record)
    journeys.declared(record, "channels", "channel")
    journeys.declared(record, "stakeholders", "stakeholder")
    skip = ("title", "persona", "scope", "channels", "stakeholders", "stages", "kpis")
    walk(old, new, "", skip, record.field(JOURNEY_WIDE, "journey"))
    kpis(record, old.kpis, new.kpis, JOURNEY_WIDE, "journey")
    structure.stages(record)
    structure.steps(record)
    return record.changes
