"""Changes of a journey as a whole: added, removed, renamed, its persona, scope, channels
and stakeholders."""

from __future__ import annotations

from journeymap.diff.fields import walk
from journeymap.diff.recorder import Recorder
from journeymap.diff.records import JOURNEY_WIDE, Change
from journeymap.diff.words import dump, plural, quote
from journeymap.model.journey import Journey, Scope


def added(journey: Journey) -> Change:
    steps = sum(len(s.steps) for s in journey.stages)
    touchpoints = sum(1 for _ in journey.iter_touchpoints())
    summary = (
        f"new journey {quote(journey.title)}: {plural(len(journey.stages), 'stage')}, "
        f"{plural(steps, 'step')}, {plural(touchpoints, 'touchpoint')}"
    )
    return Change(journey.id, "journey-added", summary, after=journey.title)


def removed(journey: Journey) -> Change:
    summary = f"journey {quote(journey.title)} removed"
    return Change(journey.id, "journey-removed", summary, before=journey.title)


def renamed(record: Recorder) -> None:
    old, new = record.old, record.new
    if old.title != new.title:
        record.add(
            "journey-renamed",
            f"journey renamed from {quote(old.title)} to {quote(new.title)}",
            field="title",
            before=old.title,
            after=new.title,
        )


def persona(record: Recorder) -> None:
    a, b = record.old.persona, record.new.persona
    if a == b:
        return
    if a is None or b is None:
        summary = (
            f"persona {quote(b.name)} added" if b else f"persona {quote(a.name)} removed"  # type: ignore[union-attr]
        )
    elif a.name != b.name:
        summary = f"persona changed from {quote(a.name)} to {quote(b.name)}"
    else:
        summary = f"persona {quote(b.name)} redescribed"
    record.add("persona-changed", summary, field="persona", before=dump(a), after=dump(b))


def scope(record: Recorder) -> None:
    a, b = record.old.scope, record.new.scope
    if a == b:
        return
    for name in Scope.model_fields:
        before = list(getattr(a, name, None) or [])
        after = list(getattr(b, name, None) or [])
        if before == after:
            continue
        gained = [x for x in after if x not in before]
        lost = [x for x in before if x not in after]
        if not gained and not lost:
            continue  # reordered only
        parts = [f"+ {x}" for x in gained] + [f"− {x}" for x in lost]
        record.add(
            "scope-changed",
            f"scope {name}: " + ", ".join(parts),
            field=f"scope.{name}",
            before=before,
            after=after,
            context={"added": gained, "removed": lost},
        )


def declared(record: Recorder, attribute: str, kind: str) -> None:
    """Channels or stakeholders, matched by id."""
    olds = {x.id: x for x in getattr(record.old, attribute)}
    news = {x.id: x for x in getattr(record.new, attribute)}
    for key, item in news.items():
        if key not in olds:
            summary = f"{kind} {quote(item.name)} ({key}) added"
            record.add(f"{kind}-added", summary, field=attribute, after=dump(item))
    for key, item in olds.items():
        if key not in news:
            summary = f"{kind} {quote(item.name)} ({key}) removed"
            record.add(f"{kind}-removed", summary, field=attribute, before=dump(item))
    for key in (key for key in news if key in olds):  # the new file's order, whatever the hash seed
        walk(olds[key], news[key], f"{attribute}[{key}].", (), record.field(JOURNEY_WIDE))
