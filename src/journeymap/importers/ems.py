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

import re
from typing import Any

from journeymap.diagnostics import DUPLICATE_KEY, YAML_LIMIT, YAML_SYNTAX
from journeymap.importers.common import (
    IdMaker,
    Imported,
    ImportProblem,
)
from journeymap.importers.ems_blueprint import apply_sbp
from journeymap.importers.ems_cjm import Draft, from_cjm, mappings
from journeymap.importers.ems_notes import apply_em, apply_outcome

KINDS = ("cjm", "sbp", "outcome", "em")


def _documents(text: str) -> list[dict[str, Any]]:
    from journeymap.load.limits import Limits
    from journeymap.load.yamldoc import parse_documents

    # The journeys' own reader: deep nesting and alias bombs are one line, not a crash.
    parsed = parse_documents(text, Limits.from_env())
    problems = [p for p in parsed.problems if p.code != DUPLICATE_KEY.code]
    if problems:
        first = problems[0]
        check = YAML_SYNTAX if first.code == YAML_SYNTAX.code else YAML_LIMIT
        message = first.message.removeprefix("invalid YAML: ")
        raise ImportProblem(f"not valid YAML: {message}", first.line, first.column, check)
    return [d for d in parsed.data if isinstance(d, dict)]


_KIND_LINE = re.compile(r"^kind:\s*['\"]?(cjm|sbp|outcome|em)['\"]?\s*$", re.MULTILINE)


def is_ems(text: str) -> bool:
    """A top-level `kind: cjm|sbp|outcome|em`, even in a file too broken to parse (the
    parse error is then worth more than 'unknown format')."""
    return bool(_KIND_LINE.search(text))


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
    journeys = [from_cjm(cjm, source, journey_ids) for cjm in by_kind["cjm"]]

    def owner(sources: list[str]) -> Draft:
        for journey in journeys:
            if any(s in journey.steps or s in journey.tasks for s in sources):
                return journey
        return journeys[0]

    for sbp in by_kind["sbp"]:
        apply_sbp(
            sbp, owner([str(t.get("source_id")) for t in mappings(sbp, "tasks")]), stakeholder_ids
        )
    for outcome in by_kind["outcome"]:
        csf = outcome.get("primary_csf")
        apply_outcome(outcome, owner([str(csf.get("source_id")) if isinstance(csf, dict) else ""]))
    for em in by_kind["em"]:
        apply_em(em, owner([str(a.get("source_id")) for a in mappings(em, "actions")]))
    return [_finish(journey) for journey in journeys]


def _finish(journey: Draft) -> Imported:
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
