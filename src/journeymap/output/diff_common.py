"""What every diff format shares: the summary line, the marks, the order of importance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from journeymap.diff.changes import SECTIONS, Change, DiffResult, JourneyDiff
from journeymap.diff.words import short

PRIORITY: tuple[str, ...] = (
    "journey-added",
    "journey-removed",
    "worse",
    "breakpoint-added",
    "irritant-added",
    "step-added",
    "step-removed",
    "stage-added",
    "stage-removed",
    "moment-of-truth-added",
    "moment-of-truth-removed",
    "touchpoint-added",
    "touchpoint-removed",
    "touchpoint-moved",
    "owner-changed",
    "better",
    "breakpoint-removed",
    "irritant-removed",
    "delight-added",
    "delight-removed",
    "scope-changed",
    "persona-changed",
    "step-moved",
    "stage-moved",
    "step-reworded",
    "stage-renamed",
    "journey-renamed",
)
"""Which changes a reviewer reads first: what got worse for the customer leads."""


def rank(change: Change) -> int:
    key = change.direction or change.kind
    return PRIORITY.index(key) if key in PRIORITY else len(PRIORITY)


def mark(change: Change) -> str:
    """A symbol that says the kind of change without colour."""
    if change.direction == "worse":
        return "▼"
    if change.direction == "better":
        return "▲"
    if change.kind == "lint-fixed":
        return "✓"
    if change.kind.endswith("-added") or change.kind == "lint-new":
        return "+"
    if change.kind.endswith("-removed"):
        return "−"
    if change.kind.endswith("-moved"):
        return "→"
    return "~"


def tone(change: Change) -> str:
    """'bad', 'good' or 'neutral' for the customer (or the journey's quality, for lint)."""
    if change.direction == "worse" or change.kind in {
        "breakpoint-added",
        "irritant-added",
        "delight-removed",
        "lint-new",
    }:
        return "bad"
    if change.direction == "better" or change.kind in {
        "breakpoint-removed",
        "irritant-removed",
        "delight-added",
        "lint-fixed",
    }:
        return "good"
    return "neutral"


def _count(counts: Counter[str], *kinds: str) -> int:
    return sum(counts[k] for k in kinds)


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _pair(first: int, second: int, noun: str, verbs: tuple[str, str], plural: str = "") -> str:
    """'2 irritants added, 1 removed' (the noun agrees with the first number shown)."""
    parts: list[str] = []
    for count, verb in zip((first, second), verbs, strict=True):
        if count:
            word = _plural(count, noun, plural or None) if not parts else str(count)
            parts.append(f"{word} {verb}")
    return ", ".join(parts)


def summary_line(result: DiffResult) -> str:
    """One line that says what happened, most important first: 'nothing changed' when so."""
    statuses = Counter(j.status for j in result.journeys)
    counts = Counter(c.kind for c in result.changes)
    directions = Counter(c.direction for c in result.changes if c.direction)
    parts: list[str] = []
    journeys = [
        f"{_plural(statuses[s], 'journey')} {s}"
        for s in ("changed", "added", "removed")
        if statuses[s]
    ]
    if journeys and statuses["unchanged"]:
        journeys.append(f"{statuses['unchanged']} unchanged")
    if journeys:
        parts.append(", ".join(journeys))
    scores = [f"{directions[d]} {d}" for d in ("worse", "better") if directions[d]]
    if scores:
        parts.append("scores and emotions: " + ", ".join(scores))
    for noun, prefix, plural in (
        ("breakpoint", "breakpoint", ""),
        ("irritant", "irritant", ""),
        ("delight", "delight", ""),
        ("step", "step", ""),
        ("stage", "stage", ""),
        ("touchpoint", "touchpoint", ""),
    ):
        phrase = _pair(
            counts[f"{prefix}-added"],
            counts[f"{prefix}-removed"],
            noun,
            ("added", "removed"),
            plural,
        )
        if phrase:
            parts.append(phrase)
    moved = _count(counts, "touchpoint-moved", "owner-changed")
    if moved:
        parts.append(f"{_plural(moved, 'touchpoint')} moved to another channel or owner")
    mot = _pair(
        counts["moment-of-truth-added"],
        counts["moment-of-truth-removed"],
        "moment of truth",
        ("added", "removed"),
        "moments of truth",
    )
    if mot:
        parts.append(mot)
    lint = _pair(counts["lint-new"], counts["lint-fixed"], "lint finding", ("new", "fixed"))
    if lint:
        parts.append(lint)
    told = {
        "breakpoint-added",
        "breakpoint-removed",
        "irritant-added",
        "irritant-removed",
        "delight-added",
        "delight-removed",
        "step-added",
        "step-removed",
        "stage-added",
        "stage-removed",
        "touchpoint-added",
        "touchpoint-removed",
        "touchpoint-moved",
        "owner-changed",
        "moment-of-truth-added",
        "moment-of-truth-removed",
        "lint-new",
        "lint-fixed",
        "journey-added",
        "journey-removed",
    }
    rest = sum(1 for c in result.changes if c.kind not in told and c.direction is None)
    if rest:
        parts.append(_plural(rest, "other change"))
    if not parts:
        return "No change to the journeys."
    return "; ".join(parts) + "."


def sections(journey: JourneyDiff) -> list[tuple[str, list[Change]]]:
    """The journey's changes by section, in the method's order, most important first."""
    grouped: list[tuple[str, list[Change]]] = []
    for key, title in SECTIONS:
        inside = [c for c in journey.changes if c.section == key]
        if inside:
            grouped.append((title, sorted(inside, key=rank)))
    return grouped


def highlights(result: DiffResult, limit: int) -> tuple[list[Change], int]:
    """The `limit` changes a reviewer should see first (no lint), and how many others."""
    candidates = [c for c in result.changes if c.section != "lint"]
    ordered = sorted(candidates, key=rank)
    return ordered[:limit], len(ordered) - min(limit, len(ordered))


def titles(result: DiffResult) -> dict[str, str]:
    return {j.journey: j.title for j in result.journeys}


def location(change: Change, parts: Sequence[str] = ()) -> str:
    return " › ".join([*parts, change.where.label()] if change.where.label() else parts)


def by_place(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    """Changes grouped by where they sit, the group with the most important change first."""
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(location(change), []).append(change)
    ordered = sorted(groups.items(), key=lambda item: min(rank(c) for c in item[1]))
    return [(place, sorted(inside, key=rank)) for place, inside in ordered]


def qualifiers(change: Change) -> str:
    """What a score rests on (n, period, source), for the scores that have it."""
    if change.section != "scores":
        return ""
    return "; ".join(
        f"n={short(v)}" if k == "n" else f"{k}: {short(v)}"
        for k, v in change.context.items()
        if v is not None
    )


def told(changes: Sequence[Change]) -> list[str]:
    """Each change's words; a qualifier shared by all the scores of a place is said once."""
    said = [qualifiers(c) for c in changes]
    shared = {q for q in said if q}
    once = len(shared) == 1 and all(q or changes[i].section != "scores" for i, q in enumerate(said))
    texts = [
        _with(c.summary, q) if q and not once else c.summary
        for c, q in zip(changes, said, strict=True)
    ]
    if once:
        last = max(i for i, q in enumerate(said) if q)
        texts[last] = _with(texts[last], shared.pop())
    return texts


def _with(summary: str, qualifier: str) -> str:
    """'CSAT 41 → 58 (+17, better)' and 'n=320' give 'CSAT 41 → 58 (+17, better; n=320)'."""
    if summary.endswith(")"):
        return f"{summary[:-1]}; {qualifier})"
    return f"{summary} ({qualifier})"
