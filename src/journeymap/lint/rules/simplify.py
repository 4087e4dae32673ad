"""JM5xx, golden rule 5: simplify, so that every department can share one view.

A map is a synthesis read by the whole company. Past a handful of stages, steps or
channels it stops being read and becomes an inventory. The thresholds are defaults
argued in each rule; a team changes them under `thresholds` in its configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, Option, rule

if TYPE_CHECKING:
    from journeymap.model.journey import Journey

MAX_STAGES = Option("max-stages", 7, 1, 1000, "Stages a journey may have.")
MAX_STEPS_PER_STAGE = Option("max-steps-per-stage", 7, 1, 1000, "Steps a stage may have.")
MAX_TOUCHPOINTS_PER_STEP = Option(
    "max-touchpoints-per-step", 4, 1, 1000, "Touchpoints a step may have."
)
MAX_CHANNELS = Option("max-channels", 9, 1, 1000, "Channels a journey may declare.")
MAX_STEP_LENGTH = Option("max-step-length", 90, 1, 100_000, "Characters of a step's text.")


@rule("JM501", "too-many-stages", "warning", options=(MAX_STAGES,))
def too_many_stages(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey has more stages than `max-stages` (default 7).

    Why 7: the generic journey has six stages (discover the need, compare, obtain,
    get support, continue, recommend); one more leaves room for a sector's own
    stage. Beyond that, split the journey by offer or focus it with scope.stages
    (golden rule 1).

    Bad (fr): 12 stages from "Découverte" to "Résiliation" in one file.
    Good (fr): `souscription.yaml` and `resiliation.yaml`, 4 to 6 stages each.
    Bad (en): 12 stages from "Awareness" to "Churn" in one file.
    Good (en): `onboarding.yaml` and `renewal.yaml`, 4 to 6 stages each.
    """
    limit = config.value(MAX_STAGES)
    if len(journey.stages) > limit:
        yield Finding(
            ("stages",),
            f"{len(journey.stages)} stages, more than {limit}: split the journey by offer "
            "or focus it with scope.stages so it stays a synthesis",
            target="key",
        )


@rule("JM502", "too-many-steps", "warning", options=(MAX_STEPS_PER_STAGE,))
def too_many_steps(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A stage has more steps than `max-steps-per-stage` (default 7).

    Why 7: about what a reader holds at once, and what fits in a stage's column of
    the map. A longer stage is usually two stages, or lists the company's process.

    Bad (fr): a stage "Achat" with 11 steps from "Je mets au panier" to "Je reçois la facture".
    Good (fr): "Achat" (5 steps) and "Après l'achat" (3 steps).
    Bad (en): a stage "Buy" with 11 steps.
    Good (en): "Buy" (5 steps) and "After the purchase" (3 steps).
    """
    limit = config.value(MAX_STEPS_PER_STAGE)
    for index, stage in enumerate(journey.stages):
        if len(stage.steps) > limit:
            yield Finding(
                ("stages", index, "steps"),
                f"stage '{stage.id}' has {len(stage.steps)} steps, more than {limit}: split "
                "the stage, or merge steps the customer lives as one",
                target="key",
            )


@rule("JM503", "too-many-touchpoints", "warning", options=(MAX_TOUCHPOINTS_PER_STEP,))
def too_many_touchpoints(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step has more touchpoints than `max-touchpoints-per-step` (default 4).

    Why 4: a touchpoint is a step crossed with a channel, and a customer uses one or
    two channels at a time, three or four when the step is truly omnichannel. More
    is a list of every channel the company offers, not what this customer does.

    Bad (fr): "Je contacte le service client" on téléphone, e-mail, chat, courrier, agence, SMS.
    Good (fr): the two channels this persona uses, the others in another persona's journey.
    Bad (en): "I contact support" on phone, email, chat, mail, store and SMS.
    Good (en): the two channels this persona uses.
    """
    limit = config.value(MAX_TOUCHPOINTS_PER_STEP)
    for stage_index, _, step_index, step in journey.iter_steps():
        if len(step.touchpoints) > limit:
            yield Finding(
                ("stages", stage_index, "steps", step_index, "touchpoints"),
                f"step '{step.id}' has {len(step.touchpoints)} touchpoints, more than "
                f"{limit}: keep the channels this persona really uses",
                target="key",
            )


@rule("JM504", "too-many-channels", "warning", options=(MAX_CHANNELS,))
def too_many_channels(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """The journey declares more channels than `max-channels` (default 9).

    Why 9: the usual channel list (website, on site, phone, email, social networks,
    word of mouth, app, review sites, SMS) has nine entries; a map with more rows
    than that no longer reads as one picture.

    Bad (fr): 14 channels, with "Site mobile" and "Site desktop" apart.
    Good (fr): one "Site web" channel, the device in the touchpoint's name.
    Bad (en): 14 channels, with "iOS app" and "Android app" apart.
    Good (en): one "App" channel.
    """
    limit = config.value(MAX_CHANNELS)
    if len(journey.channels) > limit:
        yield Finding(
            ("channels",),
            f"{len(journey.channels)} channels, more than {limit}: merge channels of the "
            "same kind, or split the journey",
            target="key",
        )


@rule("JM505", "step-text-too-long", "warning", options=(MAX_STEP_LENGTH,))
def step_text_too_long(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step's text is longer than `max-step-length` characters (default 90).

    Why 90: a step is a label in a cell of the map, about three lines of thirty
    characters; a longer text is a story, and its details belong in `notes`,
    irritants or delights.

    Bad (fr): `text: Je retourne sur la boutique d'origine pour passer commande après avoir comparé les prix sur trois autres sites`
    Good (fr): `text: Je reviens sur la boutique d'origine pour commander` with the rest in `notes`.
    Bad (en): `text: I go back to the first shop to place my order after comparing prices on three other sites`
    Good (en): `text: I go back to the first shop to order` with the rest in `notes`.
    """  # noqa: E501
    limit = config.value(MAX_STEP_LENGTH)
    for stage_index, _, step_index, step in journey.iter_steps():
        if len(step.text) > limit:
            yield Finding(
                ("stages", stage_index, "steps", step_index, "text"),
                f"step '{step.id}' is {len(step.text)} characters long, more than {limit}: "
                "keep a short label and move the details to notes",
            )
