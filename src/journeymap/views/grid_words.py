"""The words a grid shows for a touchpoint (its entry, with breakpoints and where they
lead) and for a step or stage (blueprint actions and opportunities, with who, how, how
long)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymap.views.grid_parts import BreakNote, Entry, Note
from journeymap.views.labels import Lang, label

if TYPE_CHECKING:
    from journeymap.model.journey import Action, Journey, Opportunity, Step, Touchpoint


def _break_notes(journey: Journey, step: Step, touchpoint: Touchpoint) -> tuple[BreakNote, ...]:
    if not touchpoint.breakpoints:
        return ()  # indexing every step for each touchpoint was quadratic in steps
    steps = {s.id: s for _, _, _, s in journey.iter_steps()}
    notes = []
    for breakpoint in touchpoint.breakpoints:
        target = breakpoint.target()
        where = None
        same = False
        if target is not None:
            to_step, channel_id = target
            channel = journey.channel(channel_id)
            where = channel.name if channel else channel_id
            moved = to_step is not None and to_step != step.id
            if moved and to_step in steps:
                there = next(
                    (t.name for t in steps[to_step].touchpoints if t.channel == channel_id),
                    None,
                )
                where = f"{where} ({there or steps[to_step].text})"
            same = channel_id == touchpoint.channel
        notes.append(BreakNote(breakpoint.text, breakpoint.kind, where, same))
    return tuple(notes)


def _detail(*parts: str | None) -> str:
    return " · ".join(part for part in parts if part)


def action_note(action: Action, owners: dict[str, str]) -> Note:
    owner = owners.get(action.owner, action.owner) if action.owner else None
    return Note(action.text, _detail(action.actor, owner, action.system, action.duration))


def opportunity_note(opportunity: Opportunity, owners: dict[str, str], lang: Lang) -> Note:
    owner = owners.get(opportunity.owner, opportunity.owner) if opportunity.owner else None
    effect = None
    if opportunity.metric:
        change = "" if opportunity.change is None else f" {opportunity.change:+g}"
        metric = opportunity.metric
        effect = (metric.upper() if metric in {"nps", "csat", "ces"} else metric) + change
    status = label(f"status_{opportunity.status}", lang)
    return Note(opportunity.text, _detail(owner, status, effect), opportunity.status)


def entry(journey_index: int, journey: Journey, step: Step, touchpoint: Touchpoint) -> Entry:
    owners = {s.id: s.name for s in journey.stakeholders}
    return Entry(
        journey=journey_index,
        name=touchpoint.name or step.text,
        delights=tuple(d.text for d in touchpoint.delights),
        irritants=tuple(i.text for i in touchpoint.irritants),
        breakpoints=_break_notes(journey, step, touchpoint),
        owner=owners.get(touchpoint.owner, touchpoint.owner) if touchpoint.owner else None,
        volume=touchpoint.volume,
        metrics=touchpoint.metrics.measured() if touchpoint.metrics else {},
    )
