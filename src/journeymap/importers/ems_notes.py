"""Enablement Map Studio outcomes (`kind: outcome`: KGI, CSF, KPI) and enablement
(`kind: em`: the staff's actions, skills, knowledge, tools) kept as notes: the format has
no field for a target without a measured value nor for staff enablement."""

from __future__ import annotations

from typing import Any

from journeymap.importers.ems_cjm import Draft, mappings, scalar_text, warn


def apply_outcome(outcome: dict[str, Any], journey: Draft) -> None:
    kgi = outcome.get("kgi") if isinstance(outcome.get("kgi"), dict) else {}
    csf = outcome.get("primary_csf") if isinstance(outcome.get("primary_csf"), dict) else {}
    kpi = outcome.get("primary_kpi") if isinstance(outcome.get("primary_kpi"), dict) else {}
    assert isinstance(kgi, dict) and isinstance(csf, dict) and isinstance(kpi, dict)
    target = kpi.get("target")
    unit = scalar_text(kpi.get("unit")) or ""
    parts = [f"Outcome (KGI): {scalar_text(kgi.get('name'))}"]
    task = journey.task_names.get(str(csf.get("source_id")))
    if task or scalar_text(csf.get("rationale")):
        parts.append(f"Critical success factor: {task or csf.get('source_id')}")
        if scalar_text(csf.get("rationale")):
            parts[-1] += f" ({scalar_text(csf.get('rationale'))})"
    if scalar_text(kpi.get("name")):
        definition = (
            f" = {scalar_text(kpi.get('definition'))}" if scalar_text(kpi.get("definition")) else ""
        )
        parts.append(f"KPI: {scalar_text(kpi.get('name'))}{definition}, target {target}{unit}")
        warn(
            journey,
            f"outcome: KPI '{scalar_text(kpi.get('name'))}' has a target but no measured value; "
            "kept in the notes (add it under kpis: once measured)",
        )
    journey.journey_notes.append("\n".join(parts))
    action_id = journey.tasks.get(str(csf.get("source_id")))
    if action_id:
        journey.notes.setdefault(action_id, []).append(
            f"Critical success factor of '{scalar_text(kgi.get('name'))}': {task}"
        )


def apply_em(em: dict[str, Any], journey: Draft) -> None:
    by_action: dict[str, list[str]] = {}
    for kind in ("skills", "knowledge", "tools"):
        for item in mappings(em, kind):
            url = f" <{item['url']}>" if scalar_text(item.get("url")) else ""
            learnings = [
                f"{scalar_text(learning.get('title'))} <{learning.get('url')}>"
                for learning in mappings(item, "learnings")
            ]
            more = f" (learn: {'; '.join(learnings)})" if learnings else ""
            label = {"skills": "skill", "knowledge": "knowledge", "tools": "tool"}[kind]
            by_action.setdefault(str(item.get("action_id")), []).append(
                f"  - {label}: {scalar_text(item.get('name'))}{url}{more}"
            )
    kept = 0
    for action in mappings(em, "actions"):
        action_id = journey.tasks.get(str(action.get("source_id")))
        if action_id is None:
            continue
        kept += 1
        description = (
            f": {scalar_text(action.get('description'))}" if action.get("description") else ""
        )
        lines = [f"Enablement for '{journey.task_names[str(action.get('source_id'))]}': "]
        lines[0] += f"{scalar_text(action.get('name'))}{description}"
        lines += by_action.get(str(action.get("id")), [])
        journey.notes.setdefault(action_id, []).append("\n".join(lines))
    if mappings(em, "actions"):
        warn(
            journey,
            f"em: {kept} of {len(mappings(em, 'actions'))} enablement action(s), with their "
            "skills, knowledge and tools, kept as step notes: the format has no field for them",
        )
