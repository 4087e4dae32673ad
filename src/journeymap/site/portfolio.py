"""What the index and the portfolio show across journeys: channels compared, the filters,
the site's language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from journeymap.site.journeys import JourneyData
from journeymap.views.labels import Lang
from journeymap.views.matrix import Entry
from journeymap.views.metrics import MetricName, aggregate
from journeymap.views.priorities import Priority


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """One channel id across every journey that declares it."""

    channel_id: str
    names: tuple[str, ...]
    kind: str
    journeys: tuple[JourneyData, ...]
    touchpoints: int
    volume: float | None
    csat: float | None
    nps: float | None
    ces: float | None
    irritants: int
    breakpoints: int


def channels_across(data: Sequence[JourneyData]) -> list[ChannelRow]:
    entries: dict[str, list[Entry]] = {}
    owners: dict[str, list[JourneyData]] = {}
    names: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for item in data:
        for channel in item.journey.channels:
            owners.setdefault(channel.id, []).append(item)
            names.setdefault(channel.id, [])
            if channel.name not in names[channel.id]:
                names[channel.id].append(channel.name)
            kinds.setdefault(channel.id, channel.kind)
        for entry in item.matrix.entries:
            entries.setdefault(entry.channel.id, []).append(entry)
    rows = []
    for channel_id in sorted(owners):
        found = entries.get(channel_id, [])

        def mean(metric: MetricName, found: list[Entry] = found) -> float | None:
            return aggregate(metric, ((e.value(metric), e.touchpoint.volume) for e in found))

        rows.append(
            ChannelRow(
                channel_id,
                tuple(names[channel_id]),
                kinds[channel_id],
                tuple(owners[channel_id]),
                len(found),
                mean("volume"),
                mean("csat"),
                mean("nps"),
                mean("ces"),
                sum(len(e.touchpoint.irritants) for e in found),
                sum(len(e.touchpoint.breakpoints) for e in found),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class JourneyPain:
    """One journey as a manager weighs it: how many customers it leaves unsatisfied."""

    item: JourneyData
    unsatisfied: float | None
    """Customers per period left unsatisfied: the sum of its touchpoints' priorities
    (volume x dissatisfaction); None when no touchpoint has both a volume and a score."""
    worst: Priority | None
    irritants: int
    breakpoints: int


def journeys_by_pain(data: Sequence[JourneyData]) -> list[JourneyPain]:
    """Journeys that hurt most first; those without the figures to tell come last, by
    their breakpoints and irritants, rather than ranked as if nobody suffered (0)."""
    found = []
    for item in data:
        priorities = item.ranking.priorities
        summary = item.matrix.summary()
        found.append(
            JourneyPain(
                item,
                sum(p.score for p in priorities) if priorities else None,
                priorities[0] if priorities else None,
                summary.irritants,
                summary.breakpoints,
            )
        )
    return sorted(
        found,
        key=lambda pain: (
            pain.unsatisfied is None,
            -(pain.unsatisfied or 0.0),
            -pain.breakpoints,
            -pain.irritants,
            pain.item.journey.id,
        ),
    )


def lang_of(data: Sequence[JourneyData]) -> Lang:
    langs = {item.lang for item in data}
    return langs.pop() if len(langs) == 1 else "en"


def index_filters(data: Iterable[JourneyData]) -> dict[str, Any]:
    channels: dict[str, str] = {}
    stages: dict[str, str] = {}
    owners: set[str] = set()
    for item in data:
        for channel in item.journey.channels:
            channels.setdefault(channel.id, channel.name)
        for stage in item.journey.stages:
            stages.setdefault(stage.id, stage.name)
        if item.journey.owner:
            owners.add(item.journey.owner)
    return {
        "filter_channels": sorted(channels.items()),
        "filter_stages": sorted(stages.items()),
        "filter_owners": sorted(owners),
    }
