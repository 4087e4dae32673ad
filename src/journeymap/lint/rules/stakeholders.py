"""JM2xx, golden rule 2: every department in direct or indirect contact with the customer.

Sellers, branches, the call centre, the back office, after-sales, digital, marketing:
the map is built with them in workshops, and each touchpoint has a department that
answers for it. A touchpoint nobody owns is one nobody improves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, rule

if TYPE_CHECKING:
    from journeymap.model.journey import Journey


@rule("JM201", "no-stakeholders", "error")
def no_stakeholders(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey declares no stakeholders: which departments built and own it?

    Golden rule 2: the map is made with every department that touches the customer.
    Declaring them lets each touchpoint name its owner.

    Bad (fr): no `stakeholders:` key.
    Good (fr): `stakeholders: [{id: agences, name: Réseau d'agences}, {id: sav, name: SAV}]`
    Bad (en): no `stakeholders:` key.
    Good (en): `stakeholders: [{id: support, name: Customer support}]`
    """
    if not journey.stakeholders:
        yield Finding(
            ("id",),
            "the journey declares no stakeholders: list the departments that touch the "
            "customer (stakeholders: [{id, name}]) and give each touchpoint an owner",
            target="key",
        )


@rule("JM202", "touchpoint-without-owner", "warning")
def touchpoint_without_owner(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint has no `owner`: which department answers for it?

    Golden rule 2: a touchpoint without an owner has nobody to improve it. Only
    checked when stakeholders are declared (JM201 covers the other case).

    Bad (fr): `- {channel: telephone, name: Service client}`
    Good (fr): `- {channel: telephone, name: Service client, owner: centre-appels}`
    Bad (en): `- {channel: phone, name: Support line}`
    Good (en): `- {channel: phone, name: Support line, owner: support}`
    """
    if not journey.stakeholders:
        return
    ids = ", ".join(s.id for s in journey.stakeholders)
    for ref, touchpoint in journey.iter_touchpoints():
        if touchpoint.owner is None:
            yield Finding(
                (*ref.loc, "channel"),
                f"step '{ref.step.id}': the touchpoint on '{touchpoint.channel}' has no "
                f"owner: add owner: with one of {ids}",
            )


@rule("JM203", "idle-stakeholder", "info")
def idle_stakeholder(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A declared stakeholder owns no touchpoint.

    Golden rule 2 brings every department into the workshop, including those the
    customer never sees (back office). A stakeholder that owns nothing is either such
    a support department (fine, hence information; in format 1.1, give it its
    backstage or support actions) or a touchpoint whose owner is missing or wrong.

    Bad (fr): `{id: sav, name: Service après-vente}` and no touchpoint with `owner: sav`.
    Good (fr): the after-sales call is `{channel: telephone, owner: sav}`.
    Bad (en): `{id: billing, name: Billing}` and no touchpoint with `owner: billing`.
    Good (en): the invoice email is `{channel: email, owner: billing}`.
    """
    owners = {t.owner for _, t in journey.iter_touchpoints()}
    # Format 1.1: a department the customer never sees owns its blueprint actions.
    for _, stage, _, step in journey.iter_steps():
        owners.update(a.owner for _, actions in step.lanes() for a in actions)
        owners.update(o.owner for o in step.opportunities)
        owners.update(o.owner for o in stage.opportunities)
    for index, stakeholder in enumerate(journey.stakeholders):
        if stakeholder.id not in owners:
            yield Finding(
                ("stakeholders", index, "id"),
                f"stakeholder '{stakeholder.id}' owns no touchpoint: give it the "
                "touchpoints it answers for, or remove it",
            )


@rule("JM204", "unowned-channel", "warning")
def unowned_channel(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A channel is used, but no stakeholder owns any of its touchpoints.

    Golden rule 2 at the level of channels: when nobody answers for a whole channel
    (the app, the chat), its irritants have no department to go to.

    Bad (fr): every touchpoint on `appli` lacks `owner:`.
    Good (fr): `{channel: appli, owner: digital}` on at least one of them.
    Bad (en): every touchpoint on `chat` lacks `owner:`.
    Good (en): `{channel: chat, owner: support}`.
    """
    if not journey.stakeholders:
        return
    used: dict[str, bool] = {}
    for _, touchpoint in journey.iter_touchpoints():
        owned = touchpoint.owner is not None
        used[touchpoint.channel] = used.get(touchpoint.channel, False) or owned
    for index, channel in enumerate(journey.channels):
        if used.get(channel.id) is False:
            yield Finding(
                ("channels", index, "id"),
                f"no stakeholder owns channel '{channel.id}': set owner: on its touchpoints",
            )
