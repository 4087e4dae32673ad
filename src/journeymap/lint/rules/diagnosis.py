"""JM6xx, the touchpoint diagnosis: delights, irritants, breakpoints and the figures behind them.

Once mapped, each touchpoint is diagnosed: what delights, what irritates (in one of the
four pain-point categories: financial, productivity, support, process), where the
customer is forced to change channel or blocked. The diagnosis is then backed by
figures: the volume of each touchpoint and the feedback collected after it (NPS, CSAT,
CES). These rules keep
the diagnosis and the figures consistent with each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, Option, rule
from journeymap.model.quantities import scale_slip

if TYPE_CHECKING:
    from journeymap.model.journey import Journey, Metrics

POOR_NPS = Option("poor-nps", 0, -100, 100, "An NPS below this is poor.")
POOR_CSAT = Option("poor-csat", 60, 0, 100, "A CSAT (%) below this is poor.")
POOR_CES = Option("poor-ces", 5, 1, 7, "A CES (1 to 7) at or above this is poor.")
POOR_SCORES = (POOR_CSAT, POOR_NPS, POOR_CES)


def poor_scores(metrics: Metrics | None, config: LintConfig) -> list[str]:
    """The scores of `metrics` that count as poor, worded for a message ("CSAT 41 %").

    A figure written on another scale (a CSAT of 4.2 out of 5) is JM705's: read as a
    percent it would be "poor" and send the author looking for an irritant that is not
    the problem."""
    if metrics is None:
        return []
    poor: list[str] = []
    nps_ok = metrics.nps is not None and scale_slip("nps", metrics.nps) is None
    if nps_ok and metrics.nps is not None and metrics.nps < config.value(POOR_NPS):
        poor.append(f"NPS {metrics.nps:g}")
    csat_ok = metrics.csat is not None and scale_slip("csat", metrics.csat) is None
    if csat_ok and metrics.csat is not None and metrics.csat < config.value(POOR_CSAT):
        poor.append(f"CSAT {metrics.csat:g} %")
    if metrics.ces is not None and metrics.ces >= config.value(POOR_CES):
        poor.append(f"CES {metrics.ces:g}")
    return poor


@rule("JM601", "irritant-without-category", "warning")
def irritant_without_category(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """An irritant has no `category` (financial, productivity, support or process).

    The four pain-point categories tell which lever fixes it: price (financial), the
    customer's time (productivity), help received (support), or the company's rules
    (process). Uncategorised irritants cannot be counted per lever.

    Bad (fr): `irritants: [J'attends 20 minutes en caisse]`
    Good (fr): `irritants: [{text: J'attends 20 minutes en caisse, category: productivity}]`
    Bad (en): `irritants: [Nobody answers the chat]`
    Good (en): `irritants: [{text: Nobody answers the chat, category: support}]`
    """
    for ref, touchpoint in journey.iter_touchpoints():
        for index, irritant in enumerate(touchpoint.irritants):
            if irritant.category is None:
                yield Finding(
                    (*ref.loc, "irritants", index),
                    f"step '{ref.step.id}': irritant '{_short(irritant.text)}' has no "
                    "category: add category: financial, productivity, support or process",
                )


@rule("JM602", "touchpoint-without-metric", "warning")
def touchpoint_without_metric(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint has no feedback score while the journey measures others.

    Feedback is collected after each touchpoint: once a journey carries NPS, CSAT or
    CES somewhere, a touchpoint without any is a blind spot in the diagnosis. Not
    reported for journeys that measure nothing yet.

    Bad (fr): two touchpoints with `metrics: {csat: 72}` and a third without `metrics`.
    Good (fr): `metrics: {csat: 64, source: Enquête e-mail J+1}` on the third too.
    Bad (en): one touchpoint without `metrics` among measured ones.
    Good (en): `metrics: {ces: 2.1, source: In-app survey, Q1}`.
    """
    pairs = list(journey.iter_touchpoints())
    if not any(t.metrics and t.metrics.measured() for _, t in pairs):
        return
    for ref, touchpoint in pairs:
        if not (touchpoint.metrics and touchpoint.metrics.measured()):
            yield Finding(
                (*ref.loc, "channel"),
                f"step '{ref.step.id}': the touchpoint on '{touchpoint.channel}' has no NPS, "
                "CSAT or CES while others do: collect feedback here too",
            )


@rule("JM603", "poor-score-without-irritant", "warning", options=POOR_SCORES)
def poor_score_without_irritant(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint scores poorly but records no irritant: what goes wrong there?

    Poor means NPS below `poor-nps` (default 0: more detractors than promoters), CSAT
    below `poor-csat` (default 60 %: four customers in ten or more not satisfied, a
    failing touchpoint whatever the sector's usual level) or CES at or above
    `poor-ces` (default 5 on the 1-7 scale: more effort than neutral). The figure
    says *that* it hurts; the irritant says *what* hurts, which the team can act on.

    Bad (fr): `metrics: {csat: 41}` and no `irritants:`.
    Good (fr): `irritants: [{text: J'attends une heure au comptoir, category: productivity}]`
    Bad (en): `metrics: {nps: -20}` and no `irritants:`.
    Good (en): `irritants: [{text: The invoice is wrong, category: financial}]`
    """
    for ref, touchpoint in journey.iter_touchpoints():
        poor = poor_scores(touchpoint.metrics, config)
        if poor and not touchpoint.irritants:
            yield Finding(
                (*ref.loc, "metrics"),
                f"step '{ref.step.id}': the touchpoint on '{touchpoint.channel}' scores "
                f"poorly ({', '.join(poor)}) but records no irritant: add what hurts",
                target="key",
            )


@rule("JM604", "delight-on-poor-score", "warning", options=POOR_SCORES)
def delight_on_poor_score(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint records a delight although it scores poorly.

    A delight is a touchpoint that brings a satisfying, valuable experience; one
    that scores poorly (thresholds as in JM603) contradicts it. Either the delight is
    the company's view and not the customers', or the score belongs elsewhere.

    Bad (fr): `metrics: {nps: -34}` with `delights: [Le site est très joli]`.
    Good (fr): the delight removed, or moved to the touchpoint that earns it.
    Bad (en): `metrics: {csat: 35}` with `delights: [Friendly staff]`.
    Good (en): the delight on a touchpoint that scores well.
    """
    for ref, touchpoint in journey.iter_touchpoints():
        poor = poor_scores(touchpoint.metrics, config)
        if poor and touchpoint.delights:
            yield Finding(
                (*ref.loc, "delights"),
                f"step '{ref.step.id}': the touchpoint on '{touchpoint.channel}' records a "
                f"delight but scores poorly ({', '.join(poor)}): check it is what "
                "customers say, or move it to the touchpoint that earns it",
                target="key",
            )


@rule("JM605", "breakpoint-without-kind", "warning")
def breakpoint_without_kind(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A breakpoint does not say whether the customer is forced to switch or blocked.

    A point of rupture is either the impossibility of going on in another channel
    (blocked) or the need to change channel to go on (forced). The two call for
    different fixes: open a bridge between channels, or remove a forced detour.

    Bad (fr): `breakpoints: [Je dois appeler pour finir]`
    Good (fr): `breakpoints: [{text: Je dois appeler pour finir, kind: forced, to: telephone}]`
    Bad (en): `breakpoints: [My cart is lost in the app]`
    Good (en): `breakpoints: [{text: My cart is lost in the app, kind: blocked}]`
    """
    for ref, touchpoint in journey.iter_touchpoints():
        for index, breakpoint in enumerate(touchpoint.breakpoints):
            if breakpoint.kind is None:
                yield Finding(
                    (*ref.loc, "breakpoints", index),
                    f"step '{ref.step.id}': breakpoint '{_short(breakpoint.text)}' has no "
                    "kind: add kind: forced (must change channel) or blocked (cannot go on)",
                )


@rule("JM606", "stage-without-touchpoint", "warning")
def stage_without_touchpoint(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A stage has no touchpoint at all: where does the customer meet the company?

    A touchpoint is a step crossed with a channel; a stage without any cannot be
    diagnosed. Missing touchpoints that customers expect are themselves irritants.

    Bad (fr): a stage "Recommandation" whose steps have no `touchpoints:`.
    Good (fr): `touchpoints: [{channel: avis, owner: marketing}]` on "Je laisse un avis".
    Bad (en): a stage "Recommend" whose steps have no `touchpoints:`.
    Good (en): `touchpoints: [{channel: reviews, owner: marketing}]`.
    """
    for index, stage in enumerate(journey.stages):
        if not any(step.touchpoints for step in stage.steps):
            yield Finding(
                ("stages", index, "id"),
                f"stage '{stage.id}' has no touchpoint: add the channels where the customer "
                "meets the company in this stage",
            )


@rule("JM607", "unused-channel", "warning")
def unused_channel(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A channel is declared but no touchpoint uses it.

    The channels are the rows of the map: an empty row is either a channel this
    persona does not use (remove it) or touchpoints that were forgotten.

    Bad (fr): `channels: [{id: sms, name: SMS}]` and no touchpoint with `channel: sms`.
    Good (fr): the channel removed, or `{channel: sms, name: Rappel de rendez-vous}`.
    Bad (en): `channels: [{id: sms, name: SMS}]`, unused.
    Good (en): the channel removed, or used by a touchpoint.
    """
    used = {t.channel for _, t in journey.iter_touchpoints()}
    used.update(
        target[1]
        for _, t in journey.iter_touchpoints()
        for b in t.breakpoints
        if (target := b.target()) is not None
    )
    for index, channel in enumerate(journey.channels):
        if channel.id not in used:
            yield Finding(
                ("channels", index, "id"),
                f"channel '{channel.id}' is declared but no touchpoint uses it: remove it "
                "or add its touchpoints",
            )


@rule("JM608", "moment-of-truth-without-metric", "warning")
def moment_of_truth_without_metric(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A moment of truth has no feedback score on any of its touchpoints.

    Moments of truth are where the relationship is won or lost: they are the first
    places to measure (NPS, CSAT or CES right after the moment).

    Bad (fr): `moment_of_truth: true` and no `metrics:` on its touchpoints.
    Good (fr): `metrics: {nps: 24, csat: 83, source: Enquête SMS J+1}`.
    Bad (en): `moment_of_truth: true` and no `metrics:`.
    Good (en): `metrics: {csat: 88, source: Post-call survey}`.
    """
    for stage_index, _, step_index, step in journey.iter_steps():
        if step.moment_of_truth and not any(
            t.metrics and t.metrics.measured() for t in step.touchpoints
        ):
            yield Finding(
                ("stages", stage_index, "steps", step_index, "moment_of_truth"),
                f"step '{step.id}' is a moment of truth without any NPS, CSAT or CES: "
                "measure it first",
            )


@rule("JM609", "touchpoint-without-volume", "warning")
def touchpoint_without_volume(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint has no `volume` while the journey counts others.

    The diagnosis is completed by the volume each touchpoint represents: it is what
    ranks the touchpoints to fix first. Once a journey counts customers somewhere, a
    touchpoint without a count cannot be ranked. Not reported for journeys that count
    nothing yet.

    Bad (fr): `volume: 4300` on the till, nothing on the pick-up desk.
    Good (fr): `volume: 3900` on the pick-up desk too (same period, same unit).
    Bad (en): `volume: 1200` on the website, nothing on the phone line.
    Good (en): `volume: 310` on the phone line too.
    """
    pairs = list(journey.iter_touchpoints())
    if not any(t.volume is not None for _, t in pairs):
        return
    for ref, touchpoint in pairs:
        if touchpoint.volume is None:
            yield Finding(
                (*ref.loc, "channel"),
                f"step '{ref.step.id}': the touchpoint on '{touchpoint.channel}' has no "
                "volume while others do: count the customers who go through it",
            )


@rule("JM610", "low-emotion-without-irritant", "warning")
def low_emotion_without_irritant(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step is lived badly (emotion -1 or -2) but none of its touchpoints says why.

    The low points of the emotion curve are where the journey hurts; an irritant or a
    breakpoint on the step's touchpoints names the cause, which is what a team can
    act on. A low point without a cause is a feeling nobody can fix.

    Bad (fr): `emotion: -2` on "Je récupère mon armoire" and no irritant.
    Good (fr): `irritants: [{text: J'attends une heure, category: productivity}]`
    Bad (en): `emotion: -1` on "I wait for my login" and no irritant.
    Good (en): `breakpoints: [{text: I must call to get my login, kind: forced, to: phone}]`
    """
    for stage_index, _, step_index, step in journey.iter_steps():
        if (
            step.emotion is not None
            and step.emotion < 0
            and not any(t.irritants or t.breakpoints for t in step.touchpoints)
        ):
            yield Finding(
                ("stages", stage_index, "steps", step_index, "emotion"),
                f"step '{step.id}' is lived badly (emotion {step.emotion}) but records no "
                "irritant or breakpoint: say what hurts on its touchpoints",
            )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
