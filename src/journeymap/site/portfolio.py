"""What the index and the portfolio show across journeys: channels compared, the filters,
the site's language."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from journeymap.site.journeys import JourneyData
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
    filter_value: str
    """The index's channel choice that shows the journeys of this channel: the ids of
    every channel named as its first name is (`index_filters`)."""


def channels_across(
    data: Sequence[JourneyData], choices: Sequence[tuple[str, str]] = ()
) -> list[ChannelRow]:
    """Each channel id across the journeys; `choices` are the index's channel filter
    (ids, name), each row linking to the one that holds it."""
    choice_of = {name: ids for ids, name in choices}
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
                choice_of.get(names[channel_id][0], channel_id),
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


def lang_of(data: Sequence[JourneyData]) -> str:
    """The language tag of the pages that span journeys: theirs if they agree, else en."""
    langs = {item.lang for item in data}
    return langs.pop() if len(langs) == 1 else "en"


def _reading_order(name: str) -> str:
    """A name as a reader sorts it: À la maison next to Achat, not after Zoom."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _by_name(ids_of: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(ids joined by spaces, name) per name: two journeys naming a stage alike under
    different ids (maison, chez-moi) are one choice for a reader, not two identical ones."""
    ordered = sorted(ids_of.items(), key=lambda pair: (_reading_order(pair[0]).casefold(), pair[0]))
    return [(" ".join(sorted(ids)), name) for name, ids in ordered]


def index_filters(data: Iterable[JourneyData]) -> dict[str, Any]:
    channels: dict[str, set[str]] = {}
    stages: dict[str, set[str]] = {}
    owners: set[str] = set()
    for item in data:
        for channel in item.journey.channels:
            channels.setdefault(channel.name, set()).add(channel.id)
        for stage in item.journey.stages:
            stages.setdefault(stage.name, set()).add(stage.id)
        if item.journey.owner:
            owners.add(item.journey.owner)
    return {
        "filter_channels": _by_name(channels),
        "filter_stages": _by_name(stages),
        "filter_owners": sorted(owners, key=lambda name: (_reading_order(name).casefold(), name)),
    }
