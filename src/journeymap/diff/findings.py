"""Lint findings new and fixed between the two sides of a journey."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from journeymap.diagnostics import Diagnostic
from journeymap.diff.records import Change

Key = tuple[str, str, str, str]


def _key(d: Diagnostic) -> Key:
    return (d.code, d.name, d.severity, d.message)


def _beyond(findings: Sequence[Diagnostic], others: Counter[Key]) -> Iterator[Diagnostic]:
    """The findings of one side that the other side's `others` do not account for."""
    seen: Counter[Key] = Counter()
    for d in sorted(findings, key=Diagnostic.sort_key):
        seen[_key(d)] += 1
        if seen[_key(d)] > others[_key(d)]:
            yield d


def lint_changes(
    journey_id: str, old: Sequence[Diagnostic], new: Sequence[Diagnostic]
) -> list[Change]:
    """New and fixed findings, matched on rule and message since lines move with any edit."""
    before, after = Counter(map(_key, old)), Counter(map(_key, new))
    found = [
        Change(
            journey_id,
            "lint-new",
            f"{d.severity}[{d.code}] {d.message} ({d.name})",
            field=d.code,
            after=d.message,
            context={"severity": d.severity, "name": d.name, "line": d.line},
        )
        for d in _beyond(new, before)
    ]
    fixed = [
        Change(
            journey_id,
            "lint-fixed",
            f"fixed: {d.severity}[{d.code}] {d.message} ({d.name})",
            field=d.code,
            before=d.message,
            context={"severity": d.severity, "name": d.name},
        )
        for d in _beyond(old, after)
    ]
    return found + fixed
