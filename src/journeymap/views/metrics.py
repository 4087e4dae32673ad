"""The figures a matrix can show per touchpoint, how they aggregate, and which way is good.

Volume is a count of customers per period, so a stage's volume is a sum. Scores (CSAT,
NPS, CES) and the step's emotion are averaged, weighted by each touchpoint's volume: a
touchpoint lived by 6,600 customers weighs more than one lived by 240. Touchpoints
without a volume only count when none of the group has one (then the mean is plain),
so that adding a volume to one touchpoint never makes the others vanish silently
without a figure to weigh them by.

Heat bands turn a figure into a rating from 0 (needs work) to 4 (good) for colouring.
They follow the usual reading of each score rather than a linear scale (a CSAT of 41 %
is bad even though it is near the middle of 0-100), and CES runs the other way: lower
effort is better.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the command line reads MetricName at start-up, before any model
    from journeymap.model.journey import Step, Touchpoint

MetricName = Literal["csat", "nps", "ces", "volume", "emotion"]
METRIC_NAMES: tuple[MetricName, ...] = ("csat", "nps", "ces", "volume", "emotion")
SCORE_NAMES: tuple[MetricName, ...] = ("csat", "nps", "ces")

# Upper bounds of ratings 0..3 (anything above the last is 4); for CES, lower bounds.
_HEAT_BANDS: dict[MetricName, tuple[float, float, float, float]] = {
    "csat": (50, 65, 75, 85),
    "nps": (-20, 0, 20, 40),
    "emotion": (-2, -1, 0, 1),
    "ces": (5, 4, 3, 2),
}

HEAT_RATINGS = 5


def value(metric: MetricName, step: Step, touchpoint: Touchpoint) -> float | None:
    """The figure of one touchpoint; emotion belongs to the step, so every channel shares it."""
    if metric == "volume":
        return None if touchpoint.volume is None else float(touchpoint.volume)
    if metric == "emotion":
        return None if step.emotion is None else float(step.emotion)
    if touchpoint.metrics is None:
        return None
    score: float | None = getattr(touchpoint.metrics, metric)  # what measured() holds, unbuilt
    return None if score is None else float(score)


def aggregate(
    metric: MetricName, figures: Iterable[tuple[float | None, int | None]]
) -> float | None:
    """Sum of volumes, or the volume-weighted mean of a score, over (value, volume) pairs."""
    pairs = [(v, w) for v, w in figures if v is not None]
    if not pairs:
        return None
    if metric == "volume":
        return sum(v for v, _ in pairs)
    weighted = [(v, w) for v, w in pairs if w is not None]
    total = sum(w for _, w in weighted if w is not None)
    if weighted and total > 0:
        return sum(v * w for v, w in weighted if w is not None) / total
    return sum(v for v, _ in pairs) / len(pairs)


def heat(metric: MetricName, figure: float, largest_volume: float = 0.0) -> int:
    """Rating from 0 (needs work) to 4 (good); volume is rated against the largest one."""
    if metric == "volume":
        if largest_volume <= 0:
            return 0
        return min(HEAT_RATINGS - 1, int(figure / largest_volume * HEAT_RATINGS))
    bands = _HEAT_BANDS[metric]
    if metric == "ces":
        return sum(1 for bound in bands if figure < bound)
    return sum(1 for bound in bands if figure > bound)
