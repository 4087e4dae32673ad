"""An Enablement Map Studio customer journey (`kind: cjm`) as a journey draft: persona,
phases -> stages, actions -> steps, touchpoints -> channels, thoughts; and the reading
of the loosely typed values such hand-edited files hold."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from journeymap.importers.common import (
    IdMaker,
    Imported,
    ImportProblem,
    emotion_from_score,
    guess_lang,
    humanise,
    import_warning,
)


def mappings(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def scalar_text(value: Any) -> str | None:
    return str(value).strip() or None if isinstance(value, str | int | float) else None


def texts(value: Any) -> list[str]:
    """A list of texts, from a list or a lone text (hand-edited files have both)."""
    items = value if isinstance(value, list) else [value]
    return [found for item in items if (found := scalar_text(item)) is not None]


def tail(ident: Any) -> str:
    """'cjm:action:review-design' -> 'review-design' (a uuid tail is no use as an id)."""
    tail = str(ident).rsplit(":", 1)[-1]
    return "" if len(tail) >= 32 and tail.count("-") == 4 else tail


@dataclass
class Draft:
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


def warn(journey: Draft, message: str) -> None:
    journey.imported.warnings.append(import_warning(message))


def from_cjm(cjm: dict[str, Any], source: str, journey_ids: IdMaker) -> Draft:
    imported = Imported(data={})
    journey = Draft(cjm, imported)
    data = imported.data
    persona = cjm.get("persona") if isinstance(cjm.get("persona"), dict) else {}
    assert isinstance(persona, dict)
    cjm_id = str(cjm.get("id") or "")
    named = cjm_id.split(":", 1)[1] if cjm_id.startswith("cjm:") else cjm_id
    ident = journey_ids.make(named, scalar_text(persona.get("name")), max_length=60)
    data["journeymap"] = 1
    data["id"] = ident
    data["title"] = humanise(named or ident)
    imported.comments[("title",)] = "guessed: Enablement Map Studio has no title; from the id"
    texts = [str(a.get("name", "")) for a in mappings(cjm, "actions")]
    data["lang"], lang_comment = guess_lang(texts)
    imported.comments[("lang",)] = lang_comment
    if scalar_text(persona.get("name")):
        data["persona"] = {"name": scalar_text(persona.get("name"))}
        if scalar_text(persona.get("description")):
            data["persona"]["description"] = scalar_text(persona.get("description"))

    channel_ids = IdMaker("channel")
    channels: dict[str, str] = {}
    stage_ids, step_ids = IdMaker("stage"), IdMaker("step")
    phases = mappings(cjm, "phases")
    known = {str(p.get("id")) for p in phases}
    actions = mappings(cjm, "actions")
    for action in actions:
        if str(action.get("phase")) not in known:
            warn(
                journey,
                f"cjm action '{action.get('name')}': phase '{action.get('phase')}' is not "
                "declared; kept in a stage of its own",
            )
            phases.append({"id": action.get("phase"), "name": str(action.get("phase"))})
            known.add(str(action.get("phase")))
    stages: list[dict[str, Any]] = []
    for phase in phases:
        name = scalar_text(phase.get("name")) or str(phase.get("id"))
        stage: dict[str, Any] = {
            "id": stage_ids.make(tail(phase.get("id")), name),
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
    journey: Draft,
    path: tuple[str | int, ...],
) -> dict[str, Any]:
    name = scalar_text(action.get("name")) or str(action.get("id"))
    step: dict[str, Any] = {"id": step_ids.make(tail(action.get("id")), name, max_length=40)}
    step["text"] = name
    score = action.get("emotion_score")
    if isinstance(score, int | float) and not isinstance(score, bool) and math.isfinite(score):
        emotion, clamped = emotion_from_score(float(score), -2, 2)
        step["emotion"] = emotion
        if clamped or emotion != score:
            journey.imported.comments[(*path, "emotion")] = f"emotion_score {score}, clamped"
            warn(journey, f"action '{name}': emotion_score {score} is outside -2..2; clamped")
    thoughts = texts(action.get("thoughts_feelings"))
    if thoughts:
        step["thoughts"] = thoughts
        journey.imported.data["journeymap"] = 1.1
    touchpoints: list[dict[str, str]] = []
    for label in texts(action.get("touchpoints")):
        if label not in channels:
            channels[label] = channel_ids.make(label)
        if any(t["channel"] == channels[label] for t in touchpoints):
            warn(journey, f"action '{name}': touchpoint '{label}' twice; kept once")
            continue
        touchpoints.append({"channel": channels[label]})
    if touchpoints:
        step["touchpoints"] = touchpoints
    return step
