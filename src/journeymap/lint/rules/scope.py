"""JM1xx, golden rule 1: define the perimeter of the journey before mapping it.

For which targets (B2B or B2C, France or abroad), for which offers (a product with its
own sales process gets its own journey), on which stages (a focus on some, others left
out). Without a perimeter, two teams reading the same map argue about different
customers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, rule

if TYPE_CHECKING:
    from journeymap.model.journey import Journey


@rule("JM101", "missing-scope", "error")
def missing_scope(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey has no `scope`: say for whom, for which offers and on which stages.

    Golden rule 1: a journey is studied within a perimeter. Targets and offers tell the
    reader which customers and which sales process the map describes.

    Bad (fr): `title: Parcours client` with no `scope:` key.
    Good (fr): `scope: {targets: [B2C, France], offers: [Abonnement sans engagement]}`
    Bad (en): `title: Customer journey` with no `scope:` key.
    Good (en): `scope: {targets: [B2B, SMEs in Europe], offers: [Monthly plan]}`
    """
    if journey.scope is None:
        yield Finding(
            ("id",),
            "the journey has no 'scope': add scope.targets (which customers) and "
            "scope.offers (which offers) so readers know the perimeter",
            target="key",
        )


@rule("JM102", "scope-without-targets", "warning")
def scope_without_targets(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The scope names no targets: which customers does this journey describe?

    Golden rule 1 asks "for which targets?": B2B or B2C, domestic or international,
    a segment. A journey for everyone is a journey for no one.

    Bad (fr): `scope: {offers: [Crédit immobilier]}`
    Good (fr): `scope: {targets: [Primo-accédants, France], offers: [Crédit immobilier]}`
    Bad (en): `scope: {offers: [Home loan]}`
    Good (en): `scope: {targets: [First-time buyers, UK], offers: [Home loan]}`
    """
    if journey.scope is not None and not journey.scope.targets:
        yield Finding(
            ("scope",),
            "the scope names no targets: add scope.targets, e.g. [B2C, France]",
            target="key",
        )


@rule("JM103", "scope-without-offers", "warning")
def scope_without_offers(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The scope names no offers: which product or service, with which sales process?

    Golden rule 1 asks "for which offers?": products with a specific sales process
    (an open-ended subscription and a fixed-term one) deserve separate journeys.

    Bad (fr): `scope: {targets: [B2C]}`
    Good (fr): `scope: {targets: [B2C], offers: [Abonnement à durée libre]}`
    Bad (en): `scope: {targets: [B2C]}`
    Good (en): `scope: {targets: [B2C], offers: [Open-ended subscription]}`
    """
    if journey.scope is not None and not journey.scope.offers:
        yield Finding(
            ("scope",),
            "the scope names no offers: add scope.offers, e.g. [Abonnement à durée libre]",
            target="key",
        )


@rule("JM104", "stages-out-of-focus", "info")
def stages_out_of_focus(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """Some stages lie outside the focus that `scope.stages` sets: say which.

    Golden rule 1 allows a focus on some stages (the subscription step of an insurance
    journey) and the exclusion of others. When `scope.stages` lists the stages in
    focus, the reader should know which mapped stages are only context, so that
    nobody prioritises their irritants as if they were in scope. Information only: a
    little context around the focus is often wanted; a file that keeps it on purpose
    says so with `# journeymap: disable-file=JM104` and its reason.

    Bad (fr): `scope: {stages: [souscription]}` and stages recherche, souscription, usage,
    with nothing saying recherche and usage are context.
    Good (fr): `scope: {stages: [souscription]}` and only the stage souscription, or the
    context stages acknowledged.
    Bad (en): `scope: {stages: [sign-up]}` and stages research, sign-up, usage.
    Good (en): `scope: {stages: [research, sign-up, usage]}` when all three are studied.
    """
    if journey.scope is None or not journey.scope.stages:
        return
    focus = set(journey.scope.stages)
    outside = [stage.id for stage in journey.stages if stage.id not in focus]
    if outside:
        yield Finding(
            ("scope", "stages"),
            f"{len(outside)} of {len(journey.stages)} stages are outside the focus "
            f"(scope.stages): {', '.join(outside)}; keep them as light context, add them "
            "to scope.stages, or map them in their own journey",
        )


@rule("JM105", "missing-persona", "warning")
def missing_persona(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey has no persona: whose "je" is it?

    Golden rules 1 and 4: the steps are told by one customer of the target. Naming
    that customer keeps the team from mixing the lives of several.

    Bad (fr): no `persona:` key.
    Good (fr): `persona: {name: Famille en magasin, description: Couple avec deux enfants}`
    Bad (en): no `persona:` key.
    Good (en): `persona: {name: Small-team admin, description: Runs IT for 12 people}`
    """
    if journey.persona is None:
        yield Finding(
            ("id",),
            "the journey has no persona: add persona.name (and a description) for the "
            "customer whose steps these are",
            target="key",
        )
