"""The comparison of two sets of journeys: every change, placed and told in the method's words.

Everything is matched by identity, never by position in the file: journeys by id, stages
by id, steps by id (unique in a file, so a step that changes stage is *moved*, not
removed and added), touchpoints by channel within their step, channels and stakeholders
by id, delights, irritants and breakpoints by their text. A reformatted file, reordered
keys, new comments or a block moved in the YAML therefore compare equal, since all of
them give the same models.

Fields without a dedicated rule are compared by walking the models (`_walk`), so that a
field added to the format later (a step's `thoughts`, a journey's `owner`) shows up as a
`field-changed` without any change here.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from journeymap.diagnostics import Diagnostic
from journeymap.model.journey import Journey, Kpi, Metrics, Scope, Stage, Step, Touchpoint

Direction = Literal["better", "worse"]

KINDS: tuple[str, ...] = (
    "journey-added",
    "journey-removed",
    "journey-renamed",
    "persona-changed",
    "scope-changed",
    "channel-added",
    "channel-removed",
    "stakeholder-added",
    "stakeholder-removed",
    "stage-added",
    "stage-removed",
    "stage-renamed",
    "stage-moved",
    "step-added",
    "step-removed",
    "step-reworded",
    "step-moved",
    "moment-of-truth-added",
    "moment-of-truth-removed",
    "emotion-changed",
    "touchpoint-added",
    "touchpoint-removed",
    "touchpoint-moved",
    "owner-changed",
    "metric-changed",
    "volume-changed",
    "delight-added",
    "delight-removed",
    "delight-changed",
    "irritant-added",
    "irritant-removed",
    "irritant-changed",
    "breakpoint-added",
    "breakpoint-removed",
    "breakpoint-changed",
    "lint-new",
    "lint-fixed",
    "field-changed",
)
"""Every kind of change, in the order reports list them. Part of the JSON schema."""

SECTIONS: tuple[tuple[str, str], ...] = (
    ("journeys", "Journeys, persona and scope"),
    ("structure", "Stages and steps"),
    ("touchpoints", "Touchpoints"),
    ("scores", "Emotions and scores"),
    ("moments", "Moments of truth"),
    ("pains", "Delights, irritants and breakpoints"),
    ("lint", "Lint findings"),
    ("other", "Other details"),
)

_SECTION_OF_PREFIX: tuple[tuple[str, str], ...] = (
    ("journey-", "journeys"),
    ("persona-", "journeys"),
    ("scope-", "journeys"),
    ("channel-", "journeys"),
    ("stakeholder-", "journeys"),
    ("stage-", "structure"),
    ("step-", "structure"),
    ("touchpoint-", "touchpoints"),
    ("owner-", "touchpoints"),
    ("emotion-", "scores"),
    ("metric-", "scores"),
    ("volume-", "scores"),
    ("moment-of-truth-", "moments"),
    ("delight-", "pains"),
    ("irritant-", "pains"),
    ("breakpoint-", "pains"),
    ("lint-", "lint"),
)

HIGHER_IS_BETTER: dict[str, bool] = {"nps": True, "csat": True, "ces": False, "emotion": True}
"""Which way each score improves; CES measures effort, so lower is better."""

METRIC_LABELS: dict[str, str] = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}
METRIC_CONTEXT = ("n", "period", "source", "method")
"""Metric fields that describe a measure rather than being one: shown with a score's change."""

SIMILAR = 0.6
"""Two texts at least this similar (difflib ratio) are one item reworded, not two items."""


@dataclass(frozen=True, slots=True)
class Where:
    """Where a change sits, by id (stable) and by the words a reader knows."""

    stage: str | None = None
    stage_name: str | None = None
    step: str | None = None
    step_text: str | None = None
    channel: str | None = None
    channel_name: str | None = None

    def label(self) -> str:
        parts = [
            p for p in (self.stage_name, self.step_text, self.channel_name or self.channel) if p
        ]
        return " › ".join(parts)


@dataclass(frozen=True, slots=True)
class Change:
    journey: str
    kind: str
    summary: str
    """The change in words, without its place (formatters add `where`)."""
    where: Where = Where()
    field: str | None = None
    before: Any = None
    after: Any = None
    direction: Direction | None = None
    amount: float | None = None
    context: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """What qualifies a score (n, period, source) or locates a lint finding (line)."""

    @property
    def section(self) -> str:
        for prefix, section in _SECTION_OF_PREFIX:
            if self.kind.startswith(prefix):
                return section
        return "other"

    @property
    def scored(self) -> bool:
        """A change of a score or an emotion, which `--fail-on worse` looks at."""
        return self.direction is not None


@dataclass(frozen=True, slots=True)
class JourneyState:
    """One side of one journey: the model, where it was read and its lint findings."""

    journey: Journey
    path: str
    findings: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class JourneyDiff:
    journey: str
    title: str
    status: Literal["added", "removed", "changed", "unchanged"]
    old_path: str | None
    new_path: str | None
    changes: tuple[Change, ...]
    model: Journey | None = None
    """The new side's journey (None when removed), for drawing the new map."""


@dataclass(frozen=True, slots=True)
class DiffResult:
    old_label: str
    new_label: str
    journeys: tuple[JourneyDiff, ...]

    @property
    def changes(self) -> list[Change]:
        return [c for j in self.journeys for c in j.changes]

    @property
    def changed(self) -> bool:
        return any(j.changes for j in self.journeys)

    @property
    def worse(self) -> list[Change]:
        return [c for c in self.changes if c.direction == "worse"]

    def drawable(self) -> list[tuple[Journey, tuple[Change, ...]]]:
        """The journeys added or changed, with their changes: what a visual diff draws."""
        return [(j.model, j.changes) for j in self.journeys if j.model is not None and j.changes]


def compare(
    old: Mapping[str, JourneyState],
    new: Mapping[str, JourneyState],
    old_label: str = "old",
    new_label: str = "new",
) -> DiffResult:
    """Every change from `old` to `new`, two sets of journeys keyed by journey id."""
    results: list[JourneyDiff] = []
    for journey_id in sorted(set(old) | set(new)):
        before, after = old.get(journey_id), new.get(journey_id)
        if before is None and after is not None:
            changes = [_journey_added(after.journey)]
            changes += _lint(journey_id, (), after.findings)
            results.append(
                JourneyDiff(
                    journey_id,
                    after.journey.title,
                    "added",
                    None,
                    after.path,
                    tuple(changes),
                    after.journey,
                )
            )
        elif after is None and before is not None:
            changes = [_journey_removed(before.journey)]
            results.append(
                JourneyDiff(
                    journey_id, before.journey.title, "removed", before.path, None, tuple(changes)
                )
            )
        elif before is not None and after is not None:
            same = before.journey is after.journey  # the same bytes, loaded once
            changes = [] if same else _JourneyComparison(before.journey, after.journey).run()
            changes += _lint(journey_id, before.findings, after.findings)
            status: Literal["changed", "unchanged"] = "changed" if changes else "unchanged"
            results.append(
                JourneyDiff(
                    journey_id,
                    after.journey.title,
                    status,
                    before.path,
                    after.path,
                    tuple(changes),
                    after.journey,
                )
            )
    return DiffResult(old_label, new_label, tuple(results))


# --- helpers ------------------------------------------------------------------------------


def _dump(value: Any) -> Any:
    """A JSON-ready copy of a model value (models as dicts, without defaults left empty)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    return to_jsonable_python(value)


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return ", ".join(map(_short, value)) if isinstance(value, list) else str(value)
    return str(value)


def _said(value: Any) -> str:
    """A value in a sentence: texts between quotes, the rest as is."""
    return _quote(value) if isinstance(value, str) else _short(value)


def _quote(text: str, limit: int = 90) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _number(value: float) -> str:
    """A figure as a reader writes it: no '.0', a true minus sign."""
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace("-", "−")


def _signed(value: float) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + _number(abs(value))


def _direction(name: str, amount: float, higher: bool | None = None) -> Direction | None:
    higher = HIGHER_IS_BETTER.get(name) if higher is None else higher
    if higher is None or amount == 0:
        return None
    return "better" if (amount > 0) == higher else "worse"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def stable_order(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Ids common to both orders that kept their place: the longest common subsequence.

    The others among the common ids are the ones that moved; computing the LCS (rather
    than comparing indexes) means that inserting one step does not "move" all the next.
    """
    common = set(old) & set(new)
    a = [x for x in old if x in common]
    b = [x for x in new if x in common]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    return kept


class Emit(Protocol):
    def __call__(self, path: str, before: Any, after: Any, item: str | None = None) -> None:
        """Report `path` changed; `item` tells one item of a list added, removed or changed."""


def _walk(
    old: BaseModel,
    new: BaseModel,
    prefix: str,
    skip: Iterable[str],
    emit: Emit,
) -> None:
    """Report every differing field not in `skip`, recursing into nested models.

    Lists of models with an `id` are matched by id, and lists of texts (or of items told
    by a text) by their text, so that reordering them is no change.
    """
    skipped = set(skip)
    names = [n for n in type(new).model_fields if n not in skipped]
    names += [n for n in type(old).model_fields if n not in skipped and n not in names]
    for name in names:
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a == b:
            continue
        path = f"{prefix}{name}"
        if isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
            _walk(a, b, path + ".", (), emit)
        elif _textual(a) and _textual(b) and (a or b):
            added, removed, pairs = match_items(a or [], b or [])
            if not (added or removed or pairs):
                continue  # reordered only
            for item in added:
                emit(path, None, _dump(item), f"+ {_quote(_text(item))}{_item_detail(item)}")
            for item in removed:
                emit(path, _dump(item), None, f"− {_quote(_text(item))}")
            for before, after in pairs:
                emit(path, _dump(before), _dump(after), _item_change(before, after))
        elif _by_id(a) is not None and _by_id(b) is not None:
            olds, news = _by_id(a) or {}, _by_id(b) or {}
            if (
                list(olds) != list(news)
                and set(olds) == set(news)
                and all(olds[k] == news[k] for k in olds)
            ):
                continue  # reordered only
            for key in [*olds, *(k for k in news if k not in olds)]:
                if key not in news:
                    emit(f"{path}[{key}]", _dump(olds[key]), None)
                elif key not in olds:
                    emit(f"{path}[{key}]", None, _dump(news[key]))
                elif olds[key] != news[key]:
                    _walk(olds[key], news[key], f"{path}[{key}].", (), emit)
        else:
            emit(path, _dump(a), _dump(b))


def _by_id(value: Any) -> dict[str, BaseModel] | None:
    if not isinstance(value, list) or not all(
        isinstance(v, BaseModel) and isinstance(getattr(v, "id", None), str) for v in value
    ):
        return None
    return {v.id: v for v in value}


# --- journeys ------------------------------------------------------------------------------


def _touchpoint_count(journey: Journey) -> int:
    return sum(1 for _ in journey.iter_touchpoints())


def _journey_added(journey: Journey) -> Change:
    steps = sum(len(s.steps) for s in journey.stages)
    summary = (
        f"new journey {_quote(journey.title)}: {_plural(len(journey.stages), 'stage')}, "
        f"{_plural(steps, 'step')}, {_plural(_touchpoint_count(journey), 'touchpoint')}"
    )
    return Change(journey.id, "journey-added", summary, after=journey.title)


def _journey_removed(journey: Journey) -> Change:
    return Change(
        journey.id,
        "journey-removed",
        f"journey {_quote(journey.title)} removed",
        before=journey.title,
    )


def _lint(journey_id: str, old: Sequence[Diagnostic], new: Sequence[Diagnostic]) -> list[Change]:
    """New and fixed findings, matched on rule and message since lines move with any edit."""

    def key(d: Diagnostic) -> tuple[str, str, str, str]:
        return (d.code, d.name, d.severity, d.message)

    before, after = Counter(map(key, old)), Counter(map(key, new))
    changes: list[Change] = []
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for d in sorted(new, key=Diagnostic.sort_key):
        k = key(d)
        seen[k] += 1
        if seen[k] > before[k]:
            changes.append(
                Change(
                    journey_id,
                    "lint-new",
                    f"{d.severity}[{d.code}] {d.message} ({d.name})",
                    field=d.code,
                    after=d.message,
                    context={"severity": d.severity, "name": d.name, "line": d.line},
                )
            )
    seen.clear()
    for d in sorted(old, key=Diagnostic.sort_key):
        k = key(d)
        seen[k] += 1
        if seen[k] > after[k]:
            changes.append(
                Change(
                    journey_id,
                    "lint-fixed",
                    f"fixed: {d.severity}[{d.code}] {d.message} ({d.name})",
                    field=d.code,
                    before=d.message,
                    context={"severity": d.severity, "name": d.name},
                )
            )
    return changes


class _JourneyComparison:
    def __init__(self, old: Journey, new: Journey) -> None:
        self.old, self.new = old, new
        self.id = new.id
        self.changes: list[Change] = []
        self.channel_names = {c.id: c.name for c in old.channels} | {
            c.id: c.name for c in new.channels
        }

    def add(
        self,
        kind: str,
        summary: str,
        where: Where = Where(),
        **values: Any,
    ) -> None:
        self.changes.append(Change(self.id, kind, summary, where, **values))

    def run(self) -> list[Change]:
        old, new = self.old, self.new
        if old.title != new.title:
            self.add(
                "journey-renamed",
                f"journey renamed from {_quote(old.title)} to {_quote(new.title)}",
                field="title",
                before=old.title,
                after=new.title,
            )
        self._persona()
        self._scope()
        self._declared("channels", "channel")
        self._declared("stakeholders", "stakeholder")
        _walk(
            old,
            new,
            "",
            ("title", "persona", "scope", "channels", "stakeholders", "stages", "kpis"),
            self._field(Where(), "journey"),
        )
        self._kpis(old.kpis, new.kpis, Where(), "journey")
        self._stages()
        self._steps()
        return self.changes

    def _field(self, where: Where, noun: str = "") -> Emit:
        """Report any other field; `noun` says whose field it is ('step notes')."""

        def emit(path: str, before: Any, after: Any, item: str | None = None) -> None:
            name = f"{noun} {path}" if noun else path
            if item is not None:
                summary = f"{name}: {item}"
            elif before is None:
                summary = f"{name} set to {_said(after)}"
            elif after is None:
                summary = f"{name} removed (was {_said(before)})"
            else:
                summary = f"{name} changed from {_said(before)} to {_said(after)}"
            self.add("field-changed", summary, where, field=path, before=before, after=after)

        return emit

    def _persona(self) -> None:
        a, b = self.old.persona, self.new.persona
        if a == b:
            return
        if a is None or b is None:
            summary = (
                f"persona {_quote(b.name)} added" if b else f"persona {_quote(a.name)} removed"  # type: ignore[union-attr]
            )
        elif a.name != b.name:
            summary = f"persona changed from {_quote(a.name)} to {_quote(b.name)}"
        else:
            summary = f"persona {_quote(b.name)} redescribed"
        self.add("persona-changed", summary, field="persona", before=_dump(a), after=_dump(b))

    def _scope(self) -> None:
        a, b = self.old.scope, self.new.scope
        if a == b:
            return
        names = Scope.model_fields
        for name in names:
            before = list(getattr(a, name, None) or [])
            after = list(getattr(b, name, None) or [])
            if before == after:
                continue
            added = [x for x in after if x not in before]
            removed = [x for x in before if x not in after]
            if not added and not removed:
                continue  # reordered only
            parts = [f"+ {x}" for x in added] + [f"− {x}" for x in removed]
            self.add(
                "scope-changed",
                f"scope {name}: " + ", ".join(parts),
                field=f"scope.{name}",
                before=before,
                after=after,
                context={"added": added, "removed": removed},
            )

    def _declared(self, attribute: str, kind: str) -> None:
        olds = {x.id: x for x in getattr(self.old, attribute)}
        news = {x.id: x for x in getattr(self.new, attribute)}
        for key, item in news.items():
            if key not in olds:
                self.add(
                    f"{kind}-added",
                    f"{kind} {_quote(item.name)} ({key}) added",
                    field=attribute,
                    after=_dump(item),
                )
        for key, item in olds.items():
            if key not in news:
                self.add(
                    f"{kind}-removed",
                    f"{kind} {_quote(item.name)} ({key}) removed",
                    field=attribute,
                    before=_dump(item),
                )
        for key in olds.keys() & news.keys():
            _walk(olds[key], news[key], f"{attribute}[{key}].", (), self._field(Where()))

    # --- stages and steps ------------------------------------------------------------------

    def _stage_where(self, stage: Stage) -> Where:
        return Where(stage=stage.id, stage_name=stage.name)

    def _step_where(self, stage: Stage, step: Step, channel: str | None = None) -> Where:
        return Where(
            stage=stage.id,
            stage_name=stage.name,
            step=step.id,
            step_text=step.text,
            channel=channel,
            channel_name=self.channel_names.get(channel) if channel else None,
        )

    def _stages(self) -> None:
        olds = {s.id: s for s in self.old.stages}
        news = {s.id: s for s in self.new.stages}
        kept = stable_order(list(olds), list(news))
        new_order = list(news)
        for index, (key, stage) in enumerate(news.items()):
            where = self._stage_where(stage)
            if key not in olds:
                self.add(
                    "stage-added",
                    f"new stage with {_plural(len(stage.steps), 'step')}",
                    where,
                    after=stage.name,
                )
                continue
            before = olds[key]
            if before.name != stage.name:
                self.add(
                    "stage-renamed",
                    f"stage renamed from {_quote(before.name)} to {_quote(stage.name)}",
                    where,
                    field="name",
                    before=before.name,
                    after=stage.name,
                )
            if key not in kept:
                previous = news[new_order[index - 1]].name if index else None
                self._reordered(
                    "stage", where, previous, "the journey", list(olds).index(key), index
                )
            _walk(before, stage, "", ("id", "name", "steps"), self._field(where, "stage"))
        for key, stage in olds.items():
            if key not in news:
                self.add(
                    "stage-removed",
                    f"stage removed with its {_plural(len(stage.steps), 'step')}",
                    self._stage_where(stage),
                    before=stage.name,
                )

    def _reordered(
        self, noun: str, where: Where, previous: str | None, whole: str, before: int, after: int
    ) -> None:
        """A stage or step that left the order the others kept (positions from 0)."""
        summary = (
            f"{noun} moved, now after {_quote(previous)}"
            if previous
            else f"{noun} moved to the start of {whole}"
        )
        self.add(f"{noun}-moved", summary, where, field="order", before=before, after=after)

    def _steps(self) -> None:
        olds = {step.id: (stage, step) for _, stage, _, step in self.old.iter_steps()}
        news = {step.id: (stage, step) for _, stage, _, step in self.new.iter_steps()}
        # order within a stage: a step whose whole stage moved has not moved itself
        kept: set[str] = set()
        old_stages = {s.id: s for s in self.old.stages}
        for stage in self.new.stages:
            before = old_stages.get(stage.id)
            if before is not None:
                kept |= stable_order([s.id for s in before.steps], [s.id for s in stage.steps])
        for key, (stage, step) in news.items():
            where = self._step_where(stage, step)
            if key not in olds:
                channels = [self.channel_names.get(t.channel, t.channel) for t in step.touchpoints]
                detail = f" on {', '.join(channels)}" if channels else ""
                emotion = f", emotion {_signed(step.emotion)}" if step.emotion is not None else ""
                mot = ", a moment of truth" if step.moment_of_truth else ""
                self.add(
                    "step-added",
                    f"new step{detail}{emotion}{mot}",
                    where,
                    after=step.text,
                )
                continue
            old_stage, old_step = olds[key]
            if old_stage.id != stage.id:
                self.add(
                    "step-moved",
                    f"step moved from stage {_quote(old_stage.name)} to {_quote(stage.name)}",
                    where,
                    field="stage",
                    before=old_stage.id,
                    after=stage.id,
                )
            elif key not in kept:
                position = [s.id for s in stage.steps].index(key)
                previous = stage.steps[position - 1].text if position else None
                was = [s.id for s in old_stage.steps].index(key)
                self._reordered("step", where, previous, _quote(stage.name), was, position)
            self._step(old_step, stage, step, where)
        for key, (stage, step) in olds.items():
            if key not in news:
                self.add(
                    "step-removed",
                    "step removed",
                    self._step_where(stage, step),
                    before=step.text,
                )

    def _step(self, old: Step, stage: Stage, new: Step, where: Where) -> None:
        if old.text != new.text:
            self.add(
                "step-reworded",
                f"step reworded (was {_quote(old.text)})",
                where,
                field="text",
                before=old.text,
                after=new.text,
            )
        if old.moment_of_truth != new.moment_of_truth:
            kind = "moment-of-truth-added" if new.moment_of_truth else "moment-of-truth-removed"
            summary = (
                "now a moment of truth" if new.moment_of_truth else "no longer a moment of truth"
            )
            self.add(
                kind,
                summary,
                where,
                field="moment_of_truth",
                before=old.moment_of_truth,
                after=new.moment_of_truth,
            )
        if old.emotion != new.emotion:
            self._score("emotion-changed", "emotion", "emotion", old.emotion, new.emotion, where)
        _walk(
            old,
            new,
            "",
            ("id", "text", "moment_of_truth", "emotion", "touchpoints"),
            self._field(where, "step"),
        )
        self._touchpoints(stage, old, new)

    def _score(
        self,
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
            summary = f"{label} now measured: {_number(after)}"  # type: ignore[arg-type]
            self.add(kind, summary, where, field=name, after=after, context=shown)
            return
        if after is None:
            summary = f"{label} no longer measured (was {_number(before)})"
            self.add(kind, summary, where, field=name, before=before, context=shown)
            return
        amount = after - before
        direction = _direction(name, amount, higher)
        verdict = f", {direction}" if direction else ""
        summary = f"{label} {_number(before)} → {_number(after)} ({_signed(amount)}{verdict})"
        self.add(
            kind,
            summary,
            where,
            field=name,
            before=before,
            after=after,
            direction=direction,
            amount=round(amount, 6),
            context=shown,
        )

    # --- touchpoints ---------------------------------------------------------------------

    def _touchpoints(self, stage: Stage, old_step: Step, step: Step) -> None:
        olds = {t.channel: t for t in old_step.touchpoints}
        news = {t.channel: t for t in step.touchpoints}
        added = [c for c in news if c not in olds]
        removed = [c for c in olds if c not in news]
        for source, target in _moves(olds, news, removed, added):
            removed.remove(source)
            added.remove(target)
            where = self._step_where(stage, step, target)
            self.add(
                "touchpoint-moved",
                f"touchpoint moved from channel {_quote(self.channel_names.get(source, source))} "
                f"to {_quote(self.channel_names.get(target, target))}",
                where,
                field="channel",
                before=source,
                after=target,
            )
            self._touchpoint(olds[source], news[target], where)
        for channel in added:
            touchpoint = news[channel]
            self.add(
                "touchpoint-added",
                "touchpoint added" + _touchpoint_detail(touchpoint),
                self._step_where(stage, step, channel),
                after=_dump(touchpoint),
            )
        for channel in removed:
            touchpoint = olds[channel]
            self.add(
                "touchpoint-removed",
                "touchpoint removed" + _touchpoint_detail(touchpoint),
                self._step_where(stage, step, channel),
                before=_dump(touchpoint),
            )
        for channel in olds.keys() & news.keys():
            self._touchpoint(olds[channel], news[channel], self._step_where(stage, step, channel))

    def _touchpoint(self, old: Touchpoint, new: Touchpoint, where: Where) -> None:
        if old.owner != new.owner:
            self.add(
                "owner-changed",
                f"owner changed from {_short(old.owner)} to {_short(new.owner)}",
                where,
                field="owner",
                before=old.owner,
                after=new.owner,
            )
        self._metrics(old, new, where)
        if old.volume != new.volume:
            self._score("volume-changed", "volume", "volume", old.volume, new.volume, where)
        for attribute, kind in (
            ("delights", "delight"),
            ("irritants", "irritant"),
            ("breakpoints", "breakpoint"),
        ):
            self._items(kind, getattr(old, attribute), getattr(new, attribute), where)
        _walk(
            old,
            new,
            "",
            ("channel", "owner", "metrics", "volume", "delights", "irritants", "breakpoints"),
            self._field(where, "touchpoint"),
        )

    def _metrics(self, old: Touchpoint, new: Touchpoint, where: Where) -> None:
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
                self._score("metric-changed", name, label, before, after, where, context)
        self._kpis(a.kpis if a else [], b.kpis if b else [], where, "touchpoint")
        if a is None or b is None:
            return  # a block added or removed: its scores said so above
        skip = [*scores, "kpis", *(METRIC_CONTEXT if scored else ())]
        _walk(a, b, "metrics.", skip, self._field(where, "touchpoint"))

    def _items(
        self, kind: str, olds: Sequence[BaseModel], news: Sequence[BaseModel], where: Where
    ) -> None:
        added, removed, pairs = match_items(olds, news)
        for item in added:
            self.add(
                f"{kind}-added",
                f"{kind} added: {_quote(_text(item))}{_item_detail(item)}",
                where,
                after=_dump(item),
            )
        for item in removed:
            self.add(
                f"{kind}-removed",
                f"{kind} removed: {_quote(_text(item))}",
                where,
                before=_dump(item),
            )
        for before, after in pairs:
            self.add(
                f"{kind}-changed",
                f"{kind} {_item_change(before, after)}",
                where,
                before=_dump(before),
                after=_dump(after),
            )

    def _kpis(self, olds: Sequence[Kpi], news: Sequence[Kpi], where: Where, noun: str) -> None:
        """Custom indicators, matched by name, scored in the direction each one declares."""
        before = {k.name: k for k in olds}
        after = {k.name: k for k in news}
        for name in [*before, *(n for n in after if n not in before)]:
            a, b = before.get(name), after.get(name)
            if a == b:
                continue
            kpi = b if b is not None else a
            assert kpi is not None
            context = {k: getattr(kpi, k) for k in METRIC_CONTEXT if hasattr(kpi, k)}
            if a is None or b is None or a.value != b.value:
                self._score(
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
                _walk(a, b, f"kpis[{name}].", skip, self._field(where, noun))


def _text(item: Any) -> str:
    return item if isinstance(item, str) else str(getattr(item, "text", ""))


def _textual(value: Any) -> bool:
    """A list of texts, or of items told by a text (thoughts, actions, opportunities)."""
    return isinstance(value, list) and all(
        isinstance(v, str) or (isinstance(v, BaseModel) and "text" in type(v).model_fields)
        for v in value
    )


def match_items(
    olds: Sequence[Any], news: Sequence[Any]
) -> tuple[list[Any], list[Any], list[tuple[Any, Any]]]:
    """(added, removed, changed pairs) of two lists of items, matched by text.

    The same text is the same item (its other fields may have changed); what is left is
    paired by similarity, so that a reworded irritant reads as reworded, not as one
    irritant fixed and another found.
    """
    unmatched_old = list(olds)
    added: list[Any] = []
    pairs: list[tuple[Any, Any]] = []
    for item in news:
        same = next((o for o in unmatched_old if _text(o) == _text(item)), None)
        if same is None:
            added.append(item)
        else:
            unmatched_old.remove(same)
            if same != item:
                pairs.append((same, item))
    for item in list(added):
        best = max(
            unmatched_old,
            key=lambda o: difflib.SequenceMatcher(a=_text(o), b=_text(item)).ratio(),
            default=None,
        )
        if best is not None and (
            difflib.SequenceMatcher(a=_text(best), b=_text(item)).ratio() >= SIMILAR
        ):
            unmatched_old.remove(best)
            added.remove(item)
            pairs.append((best, item))
    return added, unmatched_old, pairs


def _item_change(before: Any, after: Any) -> str:
    """'reworded: “new” (was “old”)', or '“text”: category process → support'."""
    details = []
    if isinstance(after, BaseModel) and isinstance(before, BaseModel):
        details = [
            f"{name} {_short(getattr(before, name))} → {_short(getattr(after, name))}"
            for name in type(after).model_fields
            if name != "text" and getattr(before, name) != getattr(after, name)
        ]
    if _text(before) != _text(after):
        summary = f"reworded: {_quote(_text(after))} (was {_quote(_text(before))})"
        return summary + "".join(f"; {d}" for d in details)
    return f"{_quote(_text(after))}: " + "; ".join(details)


def _moves(
    olds: Mapping[str, Touchpoint],
    news: Mapping[str, Touchpoint],
    removed: Sequence[str],
    added: Sequence[str],
) -> list[tuple[str, str]]:
    """Touchpoints of a step that left one channel for another: the same name, or items."""

    def items(t: Touchpoint) -> set[str]:
        return {i.text for i in (*t.delights, *t.irritants, *t.breakpoints)}

    moves: list[tuple[str, str]] = []
    free = list(added)
    for source in removed:
        before = olds[source]
        for target in free:
            after = news[target]
            same_name = before.name is not None and before.name == after.name
            if same_name or items(before) & items(after):
                moves.append((source, target))
                free.remove(target)
                break
    if not moves and len(removed) == 1 and len(added) == 1:
        before, after = olds[removed[0]], news[added[0]]
        if before.model_copy(update={"channel": after.channel}) == after:
            moves.append((removed[0], added[0]))
    return moves


def _touchpoint_detail(touchpoint: Touchpoint) -> str:
    parts = []
    if touchpoint.name:
        parts.append(_quote(touchpoint.name))
    if touchpoint.owner:
        parts.append(f"owner {touchpoint.owner}")
    if touchpoint.metrics is not None:
        parts += [
            f"{METRIC_LABELS[k]} {_number(v)}" for k, v in touchpoint.metrics.measured().items()
        ]
    for attribute, word in (
        ("delights", "delight"),
        ("irritants", "irritant"),
        ("breakpoints", "breakpoint"),
    ):
        count = len(getattr(touchpoint, attribute))
        if count:
            parts.append(_plural(count, word))
    return f": {', '.join(parts)}" if parts else ""


def _item_detail(item: Any) -> str:
    if not isinstance(item, BaseModel):
        return ""
    extra = [
        f"{name} {_short(value)}" for name, value in item if name != "text" and value is not None
    ]
    return f" ({', '.join(extra)})" if extra else ""
