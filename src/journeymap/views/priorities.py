"""Which touchpoints most need work: volume x dissatisfaction (seed 002's "points de
contact les plus importants à optimiser").

Each score a touchpoint has is put on one scale, the share of dissatisfaction, from 0
(every customer happy) to 1 (every customer unhappy):

    CSAT (0..100 %, higher is better)    (100 - csat) / 100
    NPS  (-100..100, higher is better)   (100 - nps) / 200
    CES  (1..7, lower is better)         (ces - 1) / 6

A touchpoint's dissatisfaction is the mean of the shares of the scores it has, and its
priority is

    priority = volume x dissatisfaction

which reads as "customers per period left unsatisfied": with CSAT alone, it is exactly
the number of customers who did not say they were satisfied. The comptoir retrait of
meubles-web-retrait (6,600 customers, CSAT 41, NPS -34, CES 5.6) has a dissatisfaction of
(0.59 + 0.67 + 0.7667) / 3 = 0.6756 and a priority of 4,459.

A touchpoint without a volume or without any score cannot be ranked, and is counted
apart rather than guessed; so is one with a score on another scale (a CSAT of 4.2 out of
5 would read as 96 % dissatisfied and top the list: lint's JM705 says how to fix it).
Ties keep the journey's chronological order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from journeymap.model.journey import Metrics
from journeymap.model.quantities import scale_slip
from journeymap.views.matrix import Entry


@dataclass(frozen=True, slots=True)
class Priority:
    entry: Entry
    volume: int
    dissatisfaction: float
    shares: dict[str, float]
    """The share of dissatisfaction of each score present, by score name."""

    @property
    def score(self) -> float:
        return self.volume * self.dissatisfaction


@dataclass(frozen=True, slots=True)
class Ranking:
    priorities: tuple[Priority, ...]
    """Every rankable touchpoint, highest priority first."""
    unranked: int
    """Touchpoints without a volume, without any score or with one on another scale."""

    def top(self, count: int) -> tuple[Priority, ...]:
        return self.priorities[: max(count, 0)]


def dissatisfaction_shares(metrics: Metrics | None) -> dict[str, float]:
    if metrics is None:
        return {}
    shares: dict[str, float] = {}
    if metrics.csat is not None:
        shares["csat"] = (100 - metrics.csat) / 100
    if metrics.nps is not None:
        shares["nps"] = (100 - metrics.nps) / 200
    if metrics.ces is not None:
        shares["ces"] = (metrics.ces - 1) / 6
    return shares


def priority(entry: Entry) -> Priority | None:
    metrics = entry.touchpoint.metrics
    shares = dissatisfaction_shares(metrics)
    volume = entry.touchpoint.volume
    if not shares or volume is None:
        return None
    if metrics is not None and any(
        value is not None and scale_slip(name, value) is not None
        for name, value in (("csat", metrics.csat), ("nps", metrics.nps))
    ):
        return None
    return Priority(entry, volume, sum(shares.values()) / len(shares), shares)


def rank(entries: Iterable[Entry]) -> Ranking:
    found: list[Priority] = []
    unranked = 0
    for entry in entries:
        item = priority(entry)
        if item is None:
            unranked += 1
        else:
            found.append(item)
    found.sort(key=lambda p: p.score, reverse=True)
    return Ranking(tuple(found), unranked)
