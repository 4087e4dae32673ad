"""Changes of touchpoints: added, removed, moved to another channel, their owner, figures
and delights, irritants and breakpoints."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from journeymap.diff import scores
from journeymap.diff.fields import walk
from journeymap.diff.pairing import channel_moves, match_items
from journeymap.diff.recorder import Recorder
from journeymap.diff.records import Where
from journeymap.diff.words import ITEMS, dump, item_change, item_detail, quote, short, text_of
from journeymap.diff.words import touchpoint_detail as detail
from journeymap.model.journey import Stage, Step, Touchpoint


def touchpoints(record: Recorder, stage: Stage, old_step: Step, step: Step) -> None:
    """A step's touchpoints, matched by channel; one that changed channel is moved."""
    olds = {t.channel: t for t in old_step.touchpoints}
    news = {t.channel: t for t in step.touchpoints}
    added = [c for c in news if c not in olds]
    removed = [c for c in olds if c not in news]
    names = record.channel_names
    for source, target in channel_moves(olds, news, removed, added):
        removed.remove(source)
        added.remove(target)
        where = record.step_where(stage, step, target)
        record.add(
            "touchpoint-moved",
            f"touchpoint moved from channel {quote(names.get(source, source))} "
            f"to {quote(names.get(target, target))}",
            where,
            field="channel",
            before=source,
            after=target,
        )
        touchpoint(record, olds[source], news[target], where)
    for channel in added:
        where = record.step_where(stage, step, channel)
        after = news[channel]
        record.add("touchpoint-added", "touchpoint added" + detail(after), where, after=dump(after))
    for channel in removed:
        where = record.step_where(stage, step, channel)
        before = olds[channel]
        record.add(
            "touchpoint-removed", "touchpoint removed" + detail(before), where, before=dump(before)
        )
    for channel in (channel for channel in news if channel in olds):  # new file's order
        touchpoint(record, olds[channel], news[channel], record.step_where(stage, step, channel))


def touchpoint(record: Recorder, old: Touchpoint, new: Touchpoint, where: Where) -> None:
    if old.owner != new.owner:
        record.add(
            "owner-changed",
            f"owner changed from {short(old.owner)} to {short(new.owner)}",
            where,
            field="owner",
            before=old.owner,
            after=new.owner,
        )
    scores.metrics(record, old, new, where)
    if old.volume != new.volume:
        scores.score(record, "volume-changed", "volume", "volume", old.volume, new.volume, where)
    for attribute, kind in ITEMS:
        items(record, kind, getattr(old, attribute), getattr(new, attribute), where)
    skip = ("channel", "owner", "metrics", "volume", *(attribute for attribute, _ in ITEMS))
    walk(old, new, "", skip, record.field(where, "touchpoint"))


def items(
    record: Recorder,
    kind: str,
    olds: Sequence[BaseModel],
    news: Sequence[BaseModel],
    where: Where,
) -> None:
    """Delights, irritants or breakpoints, matched by their text."""
    added, removed, pairs = match_items(olds, news)
    for item in added:
        summary = f"{kind} added: {quote(text_of(item))}{item_detail(item)}"
        record.add(f"{kind}-added", summary, where, after=dump(item))
    for item in removed:
        summary = f"{kind} removed: {quote(text_of(item))}"
        record.add(f"{kind}-removed", summary, where, before=dump(item))
    for before, after in pairs:
        summary = f"{kind} {item_change(before, after)}"
        record.add(f"{kind}-changed", summary, where, before=dump(before), after=dump(after))
