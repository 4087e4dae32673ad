"""An Enablement Map Studio service blueprint (`kind: sbp`) onto a journey draft: each task
to the step of its action (by `source_id`, else the action drawn nearest above it), as an
action of its lane; human and team lanes become stakeholders."""

from __future__ import annotations

from typing import Any

from journeymap.importers.common import (
    IdMaker,
)
from journeymap.importers.ems_cjm import Draft, mappings, scalar_text, tail, warn

LANE_KINDS = {"human": "frontstage", "team": "backstage", "system": "support"}


def _x(task: dict[str, Any]) -> float | None:
    position = task.get("position")
    x = position.get("x") if isinstance(position, dict) else None
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def _links(sbp: dict[str, Any]) -> list[tuple[str, str]]:
    """(from task, to task): the editor's connections, and `link_to` of its first version."""
    links = [(str(c.get("source")), str(c.get("target"))) for c in mappings(sbp, "connections")]
    for task in mappings(sbp, "tasks"):
        targets = task.get("link_to")
        if isinstance(targets, list):
            links += [(str(task.get("id")), str(target)) for target in targets]
    return links


def _place_tasks(
    sbp: dict[str, Any], lanes: dict[str, dict[str, Any]], journey: Draft
) -> tuple[dict[str, str], dict[str, str]]:
    """The cjm action each task belongs to, and why when it is a guess.

    First what the file says: the customer lane's tasks are the actions (same id, or a
    `source_id`), other tasks name theirs in `source_id`. Then what the author drew: a task
    linked to a placed task goes with it (the one it leads to first), and a task with no
    link goes under the action drawn nearest above it.
    """
    placed: dict[str, str] = {}
    guesses: dict[str, str] = {}
    tasks = mappings(sbp, "tasks")
    names = {str(t.get("id")): scalar_text(t.get("name")) or str(t.get("id")) for t in tasks}
    columns: list[tuple[float, str]] = []
    for task in tasks:
        if lanes.get(str(task.get("lane")), {}).get("kind") != "cjm":
            continue
        for candidate in (str(task.get("id")), str(task.get("source_id"))):
            if candidate in journey.steps:
                placed[str(task.get("id"))] = candidate
                x = _x(task)
                if x is not None:
                    columns.append((x, candidate))
                break
    others = [t for t in tasks if lanes.get(str(t.get("lane")), {}).get("kind") != "cjm"]
    for task in others:
        source = str(task.get("source_id"))
        action = source if source in journey.steps else placed.get(source)
        if action:
            placed[str(task.get("id"))] = action
    links = _links(sbp)
    changed = True
    while changed:
        changed = False
        for task in others:
            ident = str(task.get("id"))
            if ident in placed:
                continue
            ahead = [b for a, b in links if a == ident and b in placed]
            behind = [a for a, b in links if b == ident and a in placed]
            if ahead or behind:
                neighbour = (ahead or behind)[0]
                placed[ident] = placed[neighbour]
                guesses[ident] = f"guessed: no source_id; with '{names[neighbour]}', linked to it"
                changed = True
    for task in others:
        ident, x = str(task.get("id")), _x(task)
        if ident not in placed and x is not None and columns:
            placed[ident] = min(columns, key=lambda column: abs(column[0] - x))[1]
            guesses[ident] = "guessed: no source_id nor link; under the action drawn nearest"
    return placed, guesses


def apply_sbp(sbp: dict[str, Any], journey: Draft, stakeholder_ids: IdMaker) -> None:
    lanes = {str(lane.get("id")): lane for lane in mappings(sbp, "lanes")}
    owners: dict[str, str] = {}
    for lane_id, lane in lanes.items():
        if str(lane.get("kind")) in {"human", "team"}:
            name = scalar_text(lane.get("name")) or lane_id
            owners[lane_id] = stakeholder_ids.make(tail(lane_id), name)
            journey.stakeholders.append({"id": owners[lane_id], "name": name})
    placed, guesses = _place_tasks(sbp, lanes, journey)
    unplaced: list[str] = []
    for task in mappings(sbp, "tasks"):
        lane_id = str(task.get("lane"))
        found = lanes.get(lane_id)
        name = scalar_text(task.get("name")) or str(task.get("id"))
        if found is None:
            warn(journey, f"sbp task '{name}': lane '{lane_id}' is not declared; skipped")
            continue
        lane = found
        if lane.get("kind") == "cjm":
            continue
        action_id = placed.get(str(task.get("id")))
        if action_id is None:
            unplaced.append(name)
            continue
        lane_kind = str(lane.get("kind"))
        lane_name = scalar_text(lane.get("name")) or lane_id
        lane_key = LANE_KINDS.get(lane_kind, "backstage")
        if lane_kind not in LANE_KINDS:
            warn(journey, f"sbp lane '{lane_name}': kind '{lane_kind}' unknown; as backstage")
        entry: dict[str, Any] = {"text": name}
        if lane_id in owners:
            entry["owner"] = owners[lane_id]
        else:
            entry["system"] = lane_name
        step = journey.steps[action_id]
        lane_list = step.setdefault(lane_key, [])
        guess = guesses.get(str(task.get("id")))
        if guess:
            path = journey.paths[action_id]
            journey.imported.comments[(*path, lane_key, len(lane_list))] = guess
        lane_list.append(entry)
        journey.imported.data["journeymap"] = 1.1
        journey.tasks[str(task.get("id"))] = action_id
        journey.task_names[str(task.get("id"))] = name
        if scalar_text(task.get("description")):
            journey.notes.setdefault(action_id, []).append(
                f"{lane_name}, '{name}': {scalar_text(task.get('description'))}"
            )
    if unplaced:
        journey.journey_notes.append("Blueprint tasks not placed on a step: " + "; ".join(unplaced))
        warn(
            journey,
            f"sbp: {len(unplaced)} task(s) with no source_id, link or position to place them "
            "by; kept in the journey's notes",
        )
    links = _links(sbp)
    if links:
        warn(
            journey,
            f"sbp: {len(links)} link(s) between tasks not kept as such: the format orders "
            "steps but does not link blueprint actions",
        )
