"""Changes of figures: emotions, NPS, CSAT, CES, volumes and custom KPIs, better or worse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from journeymap.diff.fields import walk
from journeymap.diff.pairing import in_old_order
from journeymap.diff.recorder import Recorder
from journeymap.diff.records import Direction, Where
from journeymap.diff.words import METRIC_LABELS, number, signed
from journeymap.model.journey import Kpi, Metrics, Touchpoint

HIGHER_IS_BETTER: dict[str, bool] = {"nps": True, "csat": True, "ces": False, "emotion": True}
"""Which way each score improves; CES measures effort, so lower is better."""

METRIC_CONTEXT = ("n", "period", "source", "method")
"""Metric fields that describe a measure rather than being one: shown with a score's change."""


def direction(name: str, amount: float, higher: bool | None = None) -> Direction | None:
    higher = HIGHER_IS_BETTER.get(name) if higher is None else higher
    if higher is None or amount == 0:
        return None
    return "better" if (amount > 0) == higher else "worse"


def score(
    record: Recorder,
    kind: str,
    name: str,
    label: str,
    before: float | None,
    after: float | None,
    where: Where,
    context: Mapping[str, Any] | None = None,
    higher: bool | None = None,
) -> None:
    """A figure's change; `higher` says which way is better when the name does not."""
    shown = {k: v for k, v in (context or {}).items() if v is not None}
    if before is None:
        summary = f"{label} now measured: {number(after)}"  # type: ignore[arg-type]
        record.add(kind, summary, where, field=name, after=after, context=shown)
        return
    if after is None:
        summary = f"{label} no longer measured (was {number(before)})"
        record.add(kind, summary, where, field=name, before=before, context=shown)
        return
    amount = after - before
    verdict = direction(name, amount, higher)
    said = f", {verdict}" if verdict else ""
    summary = f"{label} {number(before)} → {number(after)} ({signed(amount)}{said})"
    record.add(
        kind,
        summary,
        where,
        field=name,
        before=before,
        after=after,
        direction=verdict,
        amount=round(amount, 6),
        context=shown,
    )


def metrics(record: Recorder, old: Touchpoint, new: Touchpoint, where: Where) -> None:
    a, b = old.metrics, new.metrics
    if a == b:
        return
    fields = Metrics.model_fields
    scores = [
        name
        for name in fields
        if name not in METRIC_CONTEXT
        and any(isinstance(getattr(m, name, None), int | float) for m in (a, b) if m)
    ]
    context = {
        name: getattr(b, name, None) if b is not None else getattr(a, name, None)
        for name in METRIC_CONTEXT
        if name in fields
    }
    scored = False
    for name in scores:
        before, after = getattr(a, name, None), getattr(b, name, None)
        if before != after and not isinstance(before, bool):
            scored = True
            label = METRIC_LABELS.get(name, name)
            score(record, "metric-changed", name, label, before, after, where, context)
    kpis(record, a.kpis if a else [], b.kpis if b else [], where, "touchpoint")
    if a is None or b is None:
        return  # a block added or removed: its scores said so above
    skip = [*scores, "kpis", *(METRIC_CONTEXT if scored else ())]
    walk(a, b, "metrics.", skip, record.field(where, "touchpoint"))


def kpis(
    record: Recorder, olds: Sequence[Kpi], news: Sequence[Kpi], where: Where, noun: str
) -> None:
    """Custom indicators, matched by name, scored in the direction each one declares."""
    for name, a, b in in_old_order({k.name: k for k in olds}, {k.name: k for k in news}):
        if a == b:
            continue
        kpi = b if b is not None else a
        assert kpi is not None
        context = {k: getattr(kpi, k) for k in METRIC_CONTEXT if hasattr(kpi, k)}
        if a is None or b is None or a.value != b.value:
            score(
                record,
                "metric-changed",
                f"kpi:{name}",
                name + (f" ({kpi.unit})" if kpi.unit else ""),
                a.value if a else None,
                b.value if b else None,
                where,
                context,
                higher=kpi.direction == "higher",
            )
        if a is not None and b is not None:
            skip = ["name", "value", *(METRIC_CONTEXT if a.value != b.value else ())]
            walk(a, b, f"kpis[{name}].", skip, record.field(where, noun))
