"""JM7xx, feedback metrics: recent, sourced, on their scale, and standing on enough answers.

The method ends with "measure": NPS, CSAT and CES collected after each touchpoint. A
figure is only worth its provenance: nobody can act on a CSAT when nobody knows how old
it is, where it comes from, or whether twelve people gave it. Format 1.1 records that on
each metric (`source`, `period`, `n`); `journeymap metrics import` writes them from a
survey export. These rules keep the figures honest between imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeymap.lint.rule import Finding, LintConfig, Option, rule
from journeymap.model.quantities import parse_period, scale_slip

if TYPE_CHECKING:
    from journeymap.model.journey import Journey

MAX_METRIC_AGE_DAYS = Option(
    "max-metric-age-days", 365, 1, 36_500, "Days since a metric's period ended."
)
MIN_METRIC_N = Option("min-metric-n", 30, 1, 10_000_000, "Answers a score needs.")


@rule("JM701", "stale-metric", "warning", options=(MAX_METRIC_AGE_DAYS,))
def stale_metric(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint's metrics were measured longer ago than `max-metric-age-days`.

    The age runs from the last day of the metric's `period` (format 1.1) to today;
    the default, 365 days, is four quarterly waves missed. A touchpoint redesigned
    since will still show its old score, and priorities computed from it (volume x
    dissatisfaction) point at yesterday's problems. Measure it again, or drop the
    figure. `JOURNEYMAP_TODAY=2026-12-01` pins today for reproducible runs.

    Bad (fr): `metrics: {csat: 72, source: Enquête magasin, period: 2024-Q2}` linted in 2026.
    Good (fr): `metrics: {csat: 68, source: Enquête magasin, period: 2026-Q3, n: 412}`
    Bad (en): `metrics: {nps: 12, source: Post-call survey, period: 2023}`
    Good (en): `metrics: {nps: 18, source: Post-call survey, period: 2026-09, n: 230}`
    """
    limit = config.value(MAX_METRIC_AGE_DAYS)
    for ref, touchpoint in journey.iter_touchpoints():
        metrics = touchpoint.metrics
        if metrics is None or metrics.period is None:
            continue
        bounds = parse_period(metrics.period)
        if bounds is None:
            continue
        age = (config.today - bounds[1]).days
        if age > limit:
            yield Finding(
                (*ref.loc, "metrics", "period"),
                f"step '{ref.step.id}': the metrics on '{touchpoint.channel}' date from "
                f"{metrics.period}, {age} days ago (over {limit}): measure them again, "
                "or remove them",
            )


@rule("JM702", "metric-without-source", "warning")
def metric_without_source(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint carries NPS, CSAT or CES without saying where they come from.

    Every tool computes these scores its own way (which scale, which answers count,
    previews and spam left in or out), so a figure without its `source` cannot be
    checked, compared or renewed. Name the survey, or the study it was read in.
    Checked in journeys that declare `journeymap: 1.1`, the version that records
    provenance: moving a file to 1.1 is the moment to say where its figures come from.

    Bad (fr): `metrics: {nps: -34, csat: 41}`
    Good (fr): `metrics: {nps: -34, csat: 41, source: Enquête SMS après retrait}`
    Bad (en): `metrics: {ces: 2.1}`
    Good (en): `metrics: {ces: 2.1, source: In-app survey after checkout}`
    """
    if journey.version != "1.1":
        return
    for ref, touchpoint in journey.iter_touchpoints():
        metrics = touchpoint.metrics
        if metrics is not None and metrics.measured() and metrics.source is None:
            names = ", ".join(name.upper() for name in metrics.measured())
            yield Finding(
                (*ref.loc, "metrics"),
                f"step '{ref.step.id}': the {names} on '{touchpoint.channel}' has no source: "
                "add source: (the survey or study it comes from)",
                target="key",
            )


@rule("JM703", "small-sample-metric", "warning", options=(MIN_METRIC_N,))
def small_sample_metric(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint's metrics stand on fewer answers than `min-metric-n`.

    With n answers, a CSAT or an NPS share moves by about 100/sqrt(n) points from one
    wave to the next by chance alone: some 18 points at the default minimum of 30,
    over 30 points at 10. Below that a score ranks touchpoints by luck. Collect more
    answers (a longer period, another channel) or say the figure is indicative in
    `notes`, and suppress the finding there.

    Bad (fr): `metrics: {csat: 90, source: Enquête atelier, n: 8}`
    Good (fr): `metrics: {csat: 84, source: Enquête atelier, period: 2026-H2, n: 96}`
    Bad (en): `metrics: {nps: 60, source: Beta users, n: 12}`
    Good (en): `metrics: {nps: 41, source: Onboarding survey, n: 310}`
    """
    minimum = config.value(MIN_METRIC_N)
    for ref, touchpoint in journey.iter_touchpoints():
        metrics = touchpoint.metrics
        if metrics is not None and metrics.n is not None and metrics.n < minimum:
            yield Finding(
                (*ref.loc, "metrics", "n"),
                f"step '{ref.step.id}': the metrics on '{touchpoint.channel}' stand on "
                f"{metrics.n} answers (under {minimum}): collect more before ranking on them",
            )


@rule("JM704", "undated-metric", "info")
def undated_metric(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A touchpoint's metrics say nothing of when they were measured.

    Without a `period`, nobody can tell last month's CSAT from one of three years
    ago, and `stale-metric` (JM701) cannot age it. Checked in journeys that declare
    `journeymap: 1.1`, where `period` exists; an info, since the date may simply be
    unknown for figures inherited from an old study.

    Bad (fr): `metrics: {csat: 64, source: Enquête e-mail J+1}`
    Good (fr): `metrics: {csat: 64, source: Enquête e-mail J+1, period: 2026-09}`
    Bad (en): `metrics: {nps: 22, source: Relationship survey}`
    Good (en): `metrics: {nps: 22, source: Relationship survey, period: 2026-H1}`
    """
    if journey.version != "1.1":
        return
    for ref, touchpoint in journey.iter_touchpoints():
        metrics = touchpoint.metrics
        if metrics is not None and metrics.measured() and metrics.period is None:
            yield Finding(
                (*ref.loc, "metrics"),
                f"step '{ref.step.id}': the metrics on '{touchpoint.channel}' have no period: "
                "add period: (e.g. 2026-Q3) so their age can be checked",
                target="key",
            )


@rule("JM705", "metric-off-scale", "warning")
def metric_off_scale(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A CSAT or an NPS is written on another scale than the format's.

    Survey tools report a CSAT as an average out of 5 (4.2) or a share (0.82), and an
    NPS question as an average out of 10 (7.8). journeymap's CSAT is the share of
    satisfied answers (4 or 5 out of 5) in percent, 0..100, and its NPS the share of
    promoters minus the share of detractors, -100..100: a CSAT of 4.2 reads as 4 %
    satisfied and ranks the touchpoint first among the priorities. Flagged: a CSAT from
    0 (excluded) to 5, and an NPS that is not a whole number, between -1 and 1 (a share)
    or from 1 to 10 (an average). Give the figure on the format's scale, or let
    `journeymap metrics import` compute it from the answers.

    Bad (fr): `metrics: {csat: 4.2, nps: 7.8}`
    Good (fr): `metrics: {csat: 84, nps: 31}`
    Bad (en): `metrics: {csat: 0.82}`
    Good (en): `metrics: {csat: 82}`
    """
    for ref, touchpoint in journey.iter_touchpoints():
        metrics = touchpoint.metrics
        if metrics is None:
            continue
        for name, reading in (
            ("csat", _csat_reading(metrics.csat)),
            ("nps", _nps_reading(metrics.nps)),
        ):
            if reading is not None:
                yield Finding(
                    (*ref.loc, "metrics", name),
                    f"step '{ref.step.id}': the {name.upper()} on '{touchpoint.channel}' {reading}",
                )


def _csat_reading(value: float | None) -> str | None:
    slip = None if value is None else scale_slip("csat", value)
    if value is None or slip is None:
        return None
    if slip == "fraction":
        return (
            f"is {value:g}, a share written as a fraction: CSAT is in percent, "
            f"write {value * 100:g}"
        )
    return (
        f"is {value:g}, which reads like an average out of 5: CSAT is the percent of "
        "satisfied answers (4 or 5 out of 5), 0..100; give that percent (e.g. 84)"
    )


def _nps_reading(value: float | None) -> str | None:
    slip = None if value is None else scale_slip("nps", value)
    if value is None or slip is None:
        return None
    if slip == "fraction":
        return (
            f"is {value:g}, a share written as a fraction: NPS runs from -100 to 100, "
            f"write {value * 100:g}"
        )
    return (
        f"is {value:g}, which reads like an average of the 0-10 answers: NPS is the "
        "percent of promoters (9-10) minus the percent of detractors (0-6), -100..100"
    )
