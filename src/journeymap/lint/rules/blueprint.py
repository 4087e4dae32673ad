"""JM8xx, format 1.1: a blueprint and a journey that someone keeps alive.

Golden rule 3 sends internal work out of the customer's steps and into the backstage
lane; rule 2 asks that every department answers for what it does there. A journey map
is also a living document: the paid tools sell ownership and review dates because an
unreviewed map quietly stops describing the customer. These rules only speak when a
file uses the format 1.1 fields they check, so format-1 files are never disturbed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, Loc, Option, rule

if TYPE_CHECKING:
    from journeymap.model.journey import Journey, Opportunity

MAX_REVIEW_AGE_DAYS = Option(
    "max-review-age-days", 365, 1, 36_500, "Days since the journey's last review."
)


@rule("JM801", "stale-journey", "warning", options=(MAX_REVIEW_AGE_DAYS,))
def stale_journey(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey was last `reviewed` longer ago than `max-review-age-days` (default 365).

    Customers, channels and offers move; a map nobody has re-read with the departments
    for a year describes a journey that may no longer exist. Review it in a workshop
    and set `reviewed:` to the date, or mark it `status: archived`.

    Bad (fr): `reviewed: 2023-01-10` on a journey still in use.
    Good (fr): `reviewed: 2026-11-15` after the quarterly workshop.
    Bad (en): `reviewed: 2023-01-10` on a journey still in use.
    Good (en): `status: archived` for the journey that was replaced.
    """
    if journey.reviewed is None or journey.status == "archived":
        return
    limit = config.value(MAX_REVIEW_AGE_DAYS)
    age = (config.today - journey.reviewed).days
    if age > limit:
        yield Finding(
            ("reviewed",),
            f"last reviewed {age} days ago ({journey.reviewed.isoformat()}), more than "
            f"{limit}: review the journey with the departments and update 'reviewed', "
            "or set status: archived",
        )


@rule("JM802", "journey-without-owner", "info")
def journey_without_owner(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A format 1.1 journey names no `owner` to keep it up to date.

    Only asked of files that opted into format 1.1: a map with no owner is a map
    nobody reviews. The owner is a person or a team, not necessarily a stakeholder.

    Bad (fr): `journeymap: 1.1` and no `owner:`.
    Good (fr): `owner: Équipe expérience client`
    Bad (en): `journeymap: 1.1` and no `owner:`.
    Good (en): `owner: CX team`
    """
    if journey.version == "1.1" and journey.owner is None:
        yield Finding(
            ("journeymap",),
            "nobody owns this journey: add owner: with the person or team who keeps it up to date",
            target="key",
        )


@rule("JM803", "opportunity-without-owner", "warning")
def opportunity_without_owner(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """An opportunity has no `owner`: which department carries the idea?

    Golden rule 2 again: an improvement idea without a department stays an idea.
    Opportunities that are `done` or `dropped` need no owner any more.

    Bad (fr): `opportunities: [Paiement en un clic]`
    Good (fr): `opportunities: [{text: Paiement en un clic, owner: digital}]`
    Bad (en): `opportunities: [One-click payment]`
    Good (en): `opportunities: [{text: One-click payment, owner: digital}]`
    """
    for stage_index, stage in enumerate(journey.stages):
        places: list[tuple[Loc, list[Opportunity], str]] = [
            (("stages", stage_index), stage.opportunities, f"stage '{stage.id}'")
        ]
        places += [
            (("stages", stage_index, "steps", step_index), step.opportunities, f"step '{step.id}'")
            for step_index, step in enumerate(stage.steps)
        ]
        for loc, ideas, where in places:
            for index, idea in enumerate(ideas):
                if idea.owner is None and idea.status not in ("done", "dropped"):
                    yield Finding(
                        (*loc, "opportunities", index),
                        f"{where}: opportunity '{idea.text}' has no owner: add owner: with "
                        "the stakeholder that carries it",
                    )


@rule("JM804", "lane-action-without-owner", "warning")
def lane_action_without_owner(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A frontstage, backstage or support action names no `owner`.

    The blueprint's lanes show the work behind each step; the point of drawing it is
    that each department sees, and answers for, its part. An action with neither owner
    nor actor belongs to nobody.

    Bad (fr): `backstage: [Vérification KYC]`
    Good (fr): `backstage: [{text: Vérification KYC, owner: conformite}]`
    Bad (en): `backstage: [KYC check]`
    Good (en): `backstage: [{text: KYC check, owner: compliance}]`
    """
    for stage_index, _, step_index, step in journey.iter_steps():
        for lane, actions in step.lanes():
            for index, action in enumerate(actions):
                if action.owner is None:
                    yield Finding(
                        ("stages", stage_index, "steps", step_index, lane, index),
                        f"step '{step.id}': {lane} action '{action.text}' has no owner: add "
                        "owner: with the stakeholder that does it",
                    )
