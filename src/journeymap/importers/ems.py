"""Enablement Map Studio YAML -> journeys.

An Enablement Map Studio file (github.com/suwa-sh/enablement-map-studio) holds up to four
YAML documents told apart by `kind`:

- `cjm`: persona, phases, actions (name, phase, touchpoints, thoughts_feelings,
  emotion_score -2..2). One journey per cjm: phases -> stages, actions -> steps (list
  order within each phase), each touchpoint -> a channel, thoughts -> thoughts.
- `sbp`: a service blueprint, lanes (kind cjm, human, team or system) and tasks. A task
  goes to the step of the action its `source_id` names, else to the action drawn nearest
  above it (the editor's x position), as an action of the lane it sits in: human ->
  frontstage, team -> backstage, system -> support. Human and team lanes -> stakeholders.
- `outcome` (KGI, CSF, KPI with a target) and `em` (the staff's actions, skills, knowledge
  and tools): the format has no field for a target without a measured value nor for staff
  enablement, so they are kept as notes, on the journey and on the steps they concern.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from journeymap.importers.common import (
    IdMaker,
    Imported,
    ImportProblem,
    ImportWarning,
    emotion_from_score,
    guess_lang,
    humanise,
)

KINDS = ("cjm", "sbp", "outcome", "em")
LANE_KINDS = {"human": "frontstage", "team": "backstage", "system": "support"}


def _documents(text: str) -> list[dict[str, Any]]:
    import yaml

    try:
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise ImportProblem(f"not valid YAML: {getattr(exc, 'problem', exc)}", line) from None
    return [d for d in documents if isinstance(d, dict)]


_KIND_LINE = re.compile(r"^kind:\s*['\"]?(cjm|sbp|outcome|em)['\"]?\s*$", re.MULTILINE)


def is_ems(text: str) -> bool:
    """A top-level `kind: cjm|sbp|outcome|em`, even in a file too broken to parse (the
    parse error is then worth more than 'unknown format')."""
    return bool(_KIND_LINE.search(text))


def _list(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return str(value).strip() or None if isinstance(value, str | int | float) else None


def _strings(value: Any) -> list[str]:
    """A list of texts, from a list or a lone text (hand-edited files have both)."""
    items = value if isinstance(value, list) else [value]
    return [text for item in items if (text := _text(item)) is not None]


def _tail(ident: Any) -> str:
    """'cjm:action:review-design' -> 'review-design' (a uuid tail is no use as an id)."""
    tail = str(ident).rsplit(":", 1)[-1]
    return "" if len(tail) >= 32 and tail.count("-") == 4 else tail


@dataclass
class _Journey:
    cjm: dict[str, Any]
    imported: Imported
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Step data by cjm action id."""
    paths: dict[str, tuple[str | int, ...]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Notes to add to each step, by cjm action id."""
    tasks: dict[str, str] = field(default_factory=dict)
    """The cjm action id each sbp task went to, by task id."""
    task_names: dict[str, str] = field(default_factory=dict)
    journey_notes: list[str] = field(default_factory=list)
    stakeholders: list[dict[str, str]] = field(default_factory=list)


def _warn(journey: _Journey, message: str) -> None:
    journey.imported.warnings.append(ImportWarning(message))


def _from_cjm(cjm: dict[str, Any], source: str, journey_ids: IdMaker) -> _Journey:
    imported = Imported(data={})
    journey = _Journey(cjm, imported)
    data = imported.data
    persona = cjm.get("persona") if isinstance(cjm.get("persona"), dict) else {}
    assert isinstance(persona, dict)
    cjm_id = str(cjm.get("id") or "")
    named = cjm_id.split(":", 1)[1] if cjm_id.startswith("cjm:") else cjm_id
    ident = journey_ids.make(named, _text(persona.get("name")), max_length=60)
    data["journeymap"] = 1
    data["id"] = ident
    data["title"] = humanise(named or ident)
    imported.comments[("title",)] = "guessed: Enablement Map Studio has no title; from the id"
    texts = [str(a.get("name", "")) for a in _list(cjm, "actions")]
    data["lang"], lang_comment = guess_lang(texts)
    imported.comments[("lang",)] = lang_comment
    if _text(persona.get("name")):
        data["persona"] = {"name": _text(persona.get("name"))}
        if _text(persona.get("description")):
            data["persona"]["description"] = _text(persona.get("description"))

    channel_ids = IdMaker("channel")
    channels: dict[str, str] = {}
    stage_ids, step_ids = IdMaker("stage"), IdMaker("step")
    phases = _list(cjm, "phases")
    known = {str(p.get("id")) for p in phases}
    actions = _list(cjm, "actions")
    for action in actions:
        if str(action.get("phase")) not in known:
            _warn(
                journey,
                f"cjm action '{action.get('name')}': phase '{action.get('phase')}' is not "
                "declared; kept in a stage of its own",
            )
            phases.append({"id": action.get("phase"), "name": str(action.get("phase"))})
            known.add(str(action.get("phase")))
    stages: list[dict[str, Any]] = []
    for phase in phases:
        name = _text(phase.get("name")) or str(phase.get("id"))
        stage: dict[str, Any] = {
            "id": stage_ids.make(_tail(phase.get("id")), name),
            "name": name,
            "steps": [],
        }
        for action in actions:
            if str(action.get("phase")) != str(phase.get("id")):
                continue
            path = ("stages", len(stages), "steps", len(stage["steps"]))
            step = _step(action, step_ids, channel_ids, channels, journey, path)
            journey.steps[str(action.get("id"))] = step
            journey.paths[str(action.get("id"))] = path
            stage["steps"].append(step)
        stages.append(stage)
    if channels:
        data["channels"] = [
            {"id": ident, "name": name, "kind": "other"} for name, ident in channels.items()
        ]
        imported.before[("channels",)] = (
            "the map's touchpoints, one channel each; group them into real channels and set "
            "their kind"
        )
    data["stages"] = stages
    imported.header = [
        f"Imported by `journeymap import` from {source} (Enablement Map Studio,",
        f"customer journey map '{cjm_id}'). What was guessed is marked 'guessed';",
        "`journeymap lint` on this file lists what to complete.",
    ]
    if not stages:
        raise ImportProblem(f"cjm '{cjm_id}' has no phase and no action: nothing to import")
    return journey


def _step(
    action: dict[str, Any],
    step_ids: IdMaker,
    channel_ids: IdMaker,
    channels: dict[str, str],
    journey: _Journey,
    path: tuple[str | int, ...],
) -> dict[str, Any]:
    name = _text(action.get("name")) or str(action.get("id"))
    step: dict[str, Any] = {"id": step_ids.make(_tail(action.get("id")), name, max_length=40)}
    step["text"] = name
    score = action.get("emotion_score")
    if isinstance(score, int | float) and not isinstance(score, bool) and math.isfinite(score):
        emotion, clamped = emotion_from_score(float(score), -2, 2)
        step["emotion"] = emotion
        if clamped or emotion != score:
            journey.imported.comments[(*path, "emotion")] = f"emotion_score {score}, clamped"
            _warn(journey, f"action '{name}': emotion_score {score} is outside -2..2; clamped")
    thoughts = _strings(action.get("thoughts_feelings"))
    if thoughts:
        step["thoughts"] = thoughts
        journey.imported.data["journeymap"] = 1.1
    touchpoints: list[dict[str, str]] = []
    for label in _strings(action.get("touchpoints")):
        if label not in channels:
            channels[label] = channel_ids.make(label)
        if any(t["channel"] == channels[label] for t in touchpoints):
            _warn(journey, f"action '{name}': touchpoint '{label}' twice; kept once")
            continue
        touchpoints.append({"channel": channels[label]})
    if touchpoints:
        step["touchpoints"] = touchpoints
    return step


def _x(task: dict[str, Any]) -> float | None:
    position = task.get("position")
    x = position.get("x") if isinstance(position, dict) else None
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def _links(sbp: dict[str, Any]) -> list[tuple[str, str]]:
    """(from task, to task): the editor's connections, and `link_to` of its first version."""
    links = [(str(c.get("source")), str(c.get("target"))) for c in _list(sbp, "connections")]
    for task in _list(sbp, "tasks"):
        targets = task.get("link_to")
        if isinstance(targets, list):
            links += [(str(task.get("id")), str(target)) for target in targets]
    return links


def _place_tasks(
    sbp: dict[str, Any], lanes: dict[str, dict[str, Any]], journey: _Journey
) -> tuple[dict[str, str], dict[str, str]]:
    """The cjm action each task belongs to, and why when it is a guess.

    First what the file says: the customer lane's tasks are the actions (same id, or a
    `source_id`), other tasks name theirs in `source_id`. Then what the author drew: a task
    linked to a placed task goes with it (the one it leads to first), and a task with no
    link goes under the action drawn nearest above it.
    """
    placed: dict[str, str] = {}
    guesses: dict[str, str] = {}
    tasks = _list(sbp, "tasks")
    names = {str(t.get("id")): _text(t.get("name")) or str(t.get("id")) for t in tasks}
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


def _apply_sbp(sbp: dict[str, Any], journey: _Journey, stakeholder_ids: IdMaker) -> None:
    lanes = {str(lane.get("id")): lane for lane in _list(sbp, "lanes")}
    owners: dict[str, str] = {}
    for lane_id, lane in lanes.items():
        if str(lane.get("kind")) in {"human", "team"}:
            name = _text(lane.get("name")) or lane_id
            owners[lane_id] = stakeholder_ids.make(_tail(lane_id), name)
            journey.stakeholders.append({"id": owners[lane_id], "name": name})
    placed, guesses = _place_tasks(sbp, lanes, journey)
    unplaced: list[str] = []
    for task in _list(sbp, "tasks"):
        lane_id = str(task.get("lane"))
        found = lanes.get(lane_id)
        name = _text(task.get("name")) or str(task.get("id"))
        if found is None:
            _warn(journey, f"sbp task '{name}': lane '{lane_id}' is not declared; skipped")
            continue
        lane = found
        if lane.get("kind") == "cjm":
            continue
        action_id = placed.get(str(task.get("id")))
        if action_id is None:
            unplaced.append(name)
            continue
        lane_kind = str(lane.get("kind"))
        lane_name = _text(lane.get("name")) or lane_id
        lane_key = LANE_KINDS.get(lane_kind, "backstage")
        if lane_kind not in LANE_KINDS:
            _warn(journey, f"sbp lane '{lane_name}': kind '{lane_kind}' unknown; as backstage")
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
        if _text(task.get("description")):
            journey.notes.setdefault(action_id, []).append(
                f"{lane_name}, '{name}': {_text(task.get('description'))}"
            )
    if unplaced:
        journey.journey_notes.append("Blueprint tasks not placed on a step: " + "; ".join(unplaced))
        _warn(
            journey,
            f"sbp: {len(unplaced)} task(s) with no source_id, link or position to place them "
            "by; kept in the journey's notes",
        )
    links = _links(sbp)
    if links:
        _warn(
            journey,
            f"sbp: {len(links)} link(s) between tasks not kept as such: the format orders "
            "steps but does not link blueprint actions",
        )


def _apply_outcome(outcome: dict[str, Any], journey: _Journey) -> None:
    kgi = outcome.get("kgi") if isinstance(outcome.get("kgi"), dict) else {}
    csf = outcome.get("primary_csf") if isinstance(outcome.get("primary_csf"), dict) else {}
    kpi = outcome.get("primary_kpi") if isinstance(outcome.get("primary_kpi"), dict) else {}
    assert isinstance(kgi, dict) and isinstance(csf, dict) and isinstance(kpi, dict)
    target = kpi.get("target")
    unit = _text(kpi.get("unit")) or ""
    parts = [f"Outcome (KGI): {_text(kgi.get('name'))}"]
    task = journey.task_names.get(str(csf.get("source_id")))
    if task or _text(csf.get("rationale")):
        parts.append(f"Critical success factor: {task or csf.get('source_id')}")
        if _text(csf.get("rationale")):
            parts[-1] += f" ({_text(csf.get('rationale'))})"
    if _text(kpi.get("name")):
        definition = f" = {_text(kpi.get('definition'))}" if _text(kpi.get("definition")) else ""
        parts.append(f"KPI: {_text(kpi.get('name'))}{definition}, target {target}{unit}")
        _warn(
            journey,
            f"outcome: KPI '{_text(kpi.get('name'))}' has a target but no measured value; "
            "kept in the notes (add it under kpis: once measured)",
        )
    journey.journey_notes.append("\n".join(parts))
    action_id = journey.tasks.get(str(csf.get("source_id")))
    if action_id:
        journey.notes.setdefault(action_id, []).append(
            f"Critical success factor of '{_text(kgi.get('name'))}': {task}"
        )


def _apply_em(em: dict[str, Any], journey: _Journey) -> None:
    by_action: dict[str, list[str]] = {}
    for kind in ("skills", "knowledge", "tools"):
        for item in _list(em, kind):
            url = f" <{item['url']}>" if _text(item.get("url")) else ""
            learnings = [
                f"{_text(learning.get('title'))} <{learning.get('url')}>"
                for learning in _list(item, "learnings")
            ]
            more = f" (learn: {'; '.join(learnings)})" if learnings else ""
            label = {"skills": "skill", "knowledge": "knowledge", "tools": "tool"}[kind]
            by_action.setdefault(str(item.get("action_id")), []).append(
                f"  - {label}: {_text(item.get('name'))}{url}{more}"
            )
    kept = 0
    for action in _list(em, "actions"):
        action_id = journey.tasks.get(str(action.get("source_id")))
        if action_id is None:
            continue
        kept += 1
        description = f": {_text(action.get('description'))}" if action.get("description") else ""
        lines = [f"Enablement for '{journey.task_names[str(action.get('source_id'))]}': "]
        lines[0] += f"{_text(action.get('name'))}{description}"
        lines += by_action.get(str(action.get("id")), [])
        journey.notes.setdefault(action_id, []).append("\n".join(lines))
    if _list(em, "actions"):
        _warn(
            journey,
            f"em: {kept} of {len(_list(em, 'actions'))} enablement action(s), with their "
            "skills, knowledge and tools, kept as step notes: the format has no field for them",
        )


def import_ems(text: str, source: str) -> list[Imported]:
    """One journey per `kind: cjm` document, with the blueprint, outcome and enablement."""
    documents = _documents(text)
    by_kind: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for document in documents:
        if str(document.get("kind")) in by_kind:
            by_kind[str(document["kind"])].append(document)
    if not by_kind["cjm"]:
        raise ImportProblem(
            "no Enablement Map Studio customer journey (a YAML document with `kind: cjm`)"
        )
    journey_ids, stakeholder_ids = IdMaker("journey"), IdMaker("stakeholder")
    journeys = [_from_cjm(cjm, source, journey_ids) for cjm in by_kind["cjm"]]

    def owner(sources: list[str]) -> _Journey:
        for journey in journeys:
            if any(s in journey.steps or s in journey.tasks for s in sources):
                return journey
        return journeys[0]

    for sbp in by_kind["sbp"]:
        _apply_sbp(
            sbp, owner([str(t.get("source_id")) for t in _list(sbp, "tasks")]), stakeholder_ids
        )
    for outcome in by_kind["outcome"]:
        csf = outcome.get("primary_csf")
        _apply_outcome(outcome, owner([str(csf.get("source_id")) if isinstance(csf, dict) else ""]))
    for em in by_kind["em"]:
        _apply_em(em, owner([str(a.get("source_id")) for a in _list(em, "actions")]))
    return [_finish(journey) for journey in journeys]


def _finish(journey: _Journey) -> Imported:
    data = journey.imported.data
    if journey.stakeholders:
        ordered = {k: v for k, v in data.items() if k not in {"channels", "stages"}}
        ordered["stakeholders"] = journey.stakeholders
        ordered.update((k, data[k]) for k in ("channels", "stages") if k in data)
        data.clear()
        data.update(ordered)
        journey.imported.before[("stakeholders",)] = (
            "the blueprint's human and team lanes (the system lanes are the actions' `system`)"
        )
    for action_id, notes in journey.notes.items():
        journey.steps[action_id]["notes"] = "\n".join(notes)
    if journey.journey_notes:
        data["notes"] = "\n\n".join(journey.journey_notes)
    return journey.imported
