"""Cross-reference checks: unique ids and references that resolve.

They read the raw data rather than the model so that they run even when some other part
of the file fails validation: an author sees every error of a file in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from journeymap.diagnostics import DUPLICATE_ID, REFERENCE, Diagnostic
from journeymap.load.context import with_context
from journeymap.load.positions import Loc, Placer
from journeymap.model.constants import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _slug(value: Any) -> str | None:
    return value if isinstance(value, str) and _SLUG.match(value) else None


def _declared(kind: str, names: list[str], wrong: str) -> tuple[str, str]:
    """What is declared instead of `wrong`, and the closest declared id ('' if none)."""
    if not names:
        return f"no {kind}s are declared; add one under '{kind}s'", ""
    close = difflib.get_close_matches(wrong, names, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
    return f"{hint}declared {kind}s: {shown}", close[0] if close else ""


def _unique(
    place: Placer, data: dict[str, Any], prefix: Loc, items: list[tuple[Loc, str]], kind: str
) -> Iterator[Diagnostic]:
    first: dict[str, Loc] = {}
    for loc, ident in items:
        if ident in first:
            yield place.at(
                DUPLICATE_ID,
                (*loc, "id"),
                with_context(
                    data,
                    prefix,
                    f"{kind} id '{ident}' is declared twice; ids must be unique in a file, "
                    "rename one",
                ),
                source="references",
            )
        else:
            first[ident] = loc


def check(data: dict[str, Any], place: Placer) -> list[Diagnostic]:
    """Duplicate ids and dangling references of one file's data, placed by `place`."""
    problems: list[Diagnostic] = []

    def ids(key: str) -> list[tuple[Loc, str]]:
        return [
            ((key, index), ident)
            for index, item in _items(data.get(key))
            if (ident := _slug(item.get("id"))) is not None
        ]

    def pending(key: str) -> set[str]:
        """Names written in `key` without a usable id (`channels: [web]`): their own error
        already says how to declare them, a reference to them is not reported again."""
        names: set[str] = set()
        value = data.get(key)
        for item in value if isinstance(value, list) else []:
            if isinstance(item, str):
                names.add(item.strip())
            elif isinstance(item, dict) and _slug(item.get("id")) is None:
                names.update(str(item[k]).strip() for k in ("id", "name") if item.get(k))
        return names

    channels = ids("channels")
    undeclared_channels = pending("channels")
    undeclared_stakeholders = pending("stakeholders")
    stakeholders = ids("stakeholders")
    stages = ids("stages")
    problems += _unique(place, data, (), channels, "channel")
    problems += _unique(place, data, (), stakeholders, "stakeholder")
    problems += _unique(place, data, (), stages, "stage")
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
                        place.at(
                            DUPLICATE_ID,
                            (*tp_loc, "channel"),
                            with_context(
                                data,
                                step_loc,
                                f"two touchpoints on channel '{channel}'; a touchpoint is a "
                                "step crossed with a channel, merge them into one",
                            ),
                            source="references",
                        )
                    )
                seen_channels.add(channel)
    problems += _unique(place, data, (), steps, "step")
    step_ids = {i for _, i in steps}

    scope = data.get("scope")
    if isinstance(scope, dict) and isinstance(scope.get("stages"), list):
        for index, stage_ref in enumerate(scope["stages"]):
            if (ref := _slug(stage_ref)) is not None and ref not in stage_ids:
                declared, close = _declared("stage", stage_ids, ref)
                problems.append(
                    place.at(
                        REFERENCE,
                        ("scope", "stages", index),
                        f"scope names stage '{ref}', which is not declared; {declared}",
                        source="references",
                        hint=close,
                    )
                )

    def check_owner(item_loc: Loc, item: dict[str, Any]) -> None:
        owner = _slug(item.get("owner"))
        if (
            owner is not None
            and owner not in stakeholder_ids
            and owner not in undeclared_stakeholders
        ):
            declared, close = _declared("stakeholder", stakeholder_ids, owner)
            problems.append(
                place.at(
                    REFERENCE,
                    (*item_loc, "owner"),
                    with_context(
                        data, item_loc, f"owner '{owner}' is not a declared stakeholder; {declared}"
                    ),
                    source="references",
                    hint=close,
                )
            )

    for item_loc, item in owned:
        check_owner(item_loc, item)

    for tp_loc, touchpoint in touchpoints:
        channel = _slug(touchpoint.get("channel"))
        if (
            channel is not None
            and channel not in channel_ids
            and channel not in undeclared_channels
        ):
            declared, close = _declared("channel", channel_ids, channel)
            problems.append(
                place.at(
                    REFERENCE,
                    (*tp_loc, "channel"),
                    with_context(
                        data,
                        tp_loc[:-2],
                        f"touchpoint channel '{channel}' is not declared; {declared}",
                    ),
                    source="references",
                    hint=close,
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
                declared, close = _declared("step", sorted(step_ids), step_ref)
                message = (
                    f"breakpoint leads to step '{step_ref}', which is not declared; {declared}"
                )
                hint = f"{close}@{channel_ref}" if close else ""
            elif channel_ref not in channel_ids:
                declared, close = _declared("channel", channel_ids, channel_ref)
                message = (
                    f"breakpoint leads to channel '{channel_ref}', which is not declared; "
                    f"{declared}"
                )
                hint = (f"{step_ref}@{close}" if step_ref else close) if close else ""
            if message:
                problems.append(
                    place.at(
                        REFERENCE,
                        (*tp_loc, "breakpoints", bp_index, "to"),
                        with_context(data, tp_loc, message),
                        source="references",
                        hint=hint,
                    )
                )
    return problems
