"""Cross-reference checks: unique ids and references that resolve.

They read the raw data rather than the model so that they run even when some other part
of the file fails validation: an author sees every error of a file in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from journeymap.diagnostics import DUPLICATE_ID, REFERENCE
from journeymap.load.context import with_context
from journeymap.load.positions import Loc, Target
from journeymap.model.journey import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True, slots=True)
class RefProblem:
    loc: Loc
    target: Target
    kind: tuple[str, str]
    message: str


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _slug(value: Any) -> str | None:
    return value if isinstance(value, str) and _SLUG.match(value) else None


def _declared(kind: str, names: list[str], wrong: str) -> str:
    if not names:
        return f"no {kind}s are declared; add one under '{kind}s'"
    close = difflib.get_close_matches(wrong, names, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
    return f"{hint}declared {kind}s: {shown}"


def _unique(
    data: dict[str, Any], prefix: Loc, items: list[tuple[Loc, str]], kind: str
) -> Iterator[RefProblem]:
    first: dict[str, Loc] = {}
    for loc, ident in items:
        if ident in first:
            yield RefProblem(
                (*loc, "id"),
                "value",
                DUPLICATE_ID,
                with_context(
                    data,
                    prefix,
                    f"{kind} id '{ident}' is declared twice; ids must be unique in a file, "
                    "rename one",
                ),
            )
        else:
            first[ident] = loc


def check(data: dict[str, Any]) -> list[RefProblem]:
    problems: list[RefProblem] = []

    def ids(key: str) -> list[tuple[Loc, str]]:
        return [
            ((key, index), ident)
            for index, item in _items(data.get(key))
            if (ident := _slug(item.get("id"))) is not None
        ]

    channels = ids("channels")
    stakeholders = ids("stakeholders")
    stages = ids("stages")
    problems += _unique(data, (), channels, "channel")
    problems += _unique(data, (), stakeholders, "stakeholder")
    problems += _unique(data, (), stages, "stage")
    channel_ids = list(dict.fromkeys(i for _, i in channels))
    stakeholder_ids = list(dict.fromkeys(i for _, i in stakeholders))
    stage_ids = list(dict.fromkeys(i for _, i in stages))

    steps: list[tuple[Loc, str]] = []
    touchpoints: list[tuple[Loc, dict[str, Any]]] = []
    owned: list[tuple[Loc, dict[str, Any]]] = []
    for stage_index, stage in _items(data.get("stages")):
        for index, idea in _items(stage.get("opportunities")):
            owned.append((("stages", stage_index, "opportunities", index), idea))
        for step_index, step in _items(stage.get("steps")):
            step_loc: Loc = ("stages", stage_index, "steps", step_index)
            if (ident := _slug(step.get("id"))) is not None:
                steps.append((step_loc, ident))
            for lane in ("frontstage", "backstage", "support", "opportunities"):
                for index, action in _items(step.get(lane)):
                    owned.append(((*step_loc, lane, index), action))
            seen_channels: set[str] = set()
            for tp_index, touchpoint in _items(step.get("touchpoints")):
                tp_loc: Loc = (*step_loc, "touchpoints", tp_index)
                touchpoints.append((tp_loc, touchpoint))
                channel = _slug(touchpoint.get("channel"))
                if channel is None:
                    continue
                if channel in seen_channels:
                    problems.append(
                        RefProblem(
                            (*tp_loc, "channel"),
                            "value",
                            DUPLICATE_ID,
                            with_context(
                                data,
                                step_loc,
                                f"two touchpoints on channel '{channel}'; a touchpoint is a "
                                "step crossed with a channel, merge them into one",
                            ),
                        )
                    )
                seen_channels.add(channel)
    problems += _unique(data, (), steps, "step")
    step_ids = {i for _, i in steps}

    scope = data.get("scope")
    if isinstance(scope, dict) and isinstance(scope.get("stages"), list):
        for index, stage_ref in enumerate(scope["stages"]):
            if (ref := _slug(stage_ref)) is not None and ref not in stage_ids:
                problems.append(
                    RefProblem(
                        ("scope", "stages", index),
                        "value",
                        REFERENCE,
                        f"scope names stage '{ref}', which is not declared; "
                        + _declared("stage", stage_ids, ref),
                    )
                )

    def check_owner(item_loc: Loc, item: dict[str, Any]) -> None:
        owner = _slug(item.get("owner"))
        if owner is not None and owner not in stakeholder_ids:
            problems.append(
                RefProblem(
                    (*item_loc, "owner"),
                    "value",
                    REFERENCE,
                    with_context(
                        data,
                        item_loc,
                        f"owner '{owner}' is not a declared stakeholder; "
                        + _declared("stakeholder", stakeholder_ids, owner),
                    ),
                )
            )

    for item_loc, item in owned:
        check_owner(item_loc, item)

    for tp_loc, touchpoint in touchpoints:
        channel = _slug(touchpoint.get("channel"))
        if channel is not None and channel not in channel_ids:
            problems.append(
                RefProblem(
                    (*tp_loc, "channel"),
                    "value",
                    REFERENCE,
                    with_context(
                        data,
                        tp_loc[:-2],
                        f"touchpoint channel '{channel}' is not declared; "
                        + _declared("channel", channel_ids, channel),
                    ),
                )
            )
        check_owner(tp_loc, touchpoint)
        for bp_index, breakpoint in _items(touchpoint.get("breakpoints")):
            to = breakpoint.get("to")
            if not isinstance(to, str):
                continue
            step_ref, sep, channel_ref = to.partition("@")
            if not sep:
                step_ref, channel_ref = "", to
            message = None
            if _slug(channel_ref) is None or (step_ref and _slug(step_ref) is None):
                continue
            if step_ref and step_ref not in step_ids:
                message = f"breakpoint leads to step '{step_ref}', which is not declared; " + (
                    _declared("step", sorted(step_ids), step_ref)
                )
            elif channel_ref not in channel_ids:
                message = (
                    f"breakpoint leads to channel '{channel_ref}', which is not declared; "
                    + (_declared("channel", channel_ids, channel_ref))
                )
            if message:
                problems.append(
                    RefProblem(
                        (*tp_loc, "breakpoints", bp_index, "to"),
                        "value",
                        REFERENCE,
                        with_context(data, tp_loc, message),
                    )
                )
    return problems
