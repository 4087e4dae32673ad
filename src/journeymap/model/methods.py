"""What the journey's parts do beyond holding their fields, written once for both of their
forms: the pydantic models (`journey`, `step`, `items`, `touchpoint`) and the plain
objects `quickcheck` builds for valid data (`plain`), which lint reads without pydantic.

The functions take the object they serve (`self`), typed loosely here; each model's
method calls them with its own, precise signature.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Generic, TypeVar

StageT = TypeVar("StageT")
StepT = TypeVar("StepT")


def version(journey: Any) -> str:
    return "1.1" if journey.journeymap == 1.1 else "1"


def words_lang(journey: Any) -> str:
    from journeymap.model.langs import words_lang as of_tag

    return of_tag(journey.lang)


def iter_steps(journey: Any) -> Iterator[tuple[int, Any, int, Any]]:
    """Every step with its stage and their indexes, in chronological order."""
    for stage_index, stage in enumerate(journey.stages):
        for step_index, step in enumerate(stage.steps):
            yield stage_index, stage, step_index, step


def iter_touchpoints(journey: Any) -> Iterator[tuple[TouchpointRef[Any, Any], Any]]:
    for stage_index, stage, step_index, step in iter_steps(journey):
        for tp_index, touchpoint in enumerate(step.touchpoints):
            yield TouchpointRef(stage, step, stage_index, step_index, tp_index), touchpoint


def channel(journey: Any, channel_id: str) -> Any:
    return next((c for c in journey.channels if c.id == channel_id), None)


def lanes(step: Any) -> Iterator[tuple[str, Any]]:
    """The blueprint lanes below the customer's, from the closest to the furthest."""
    yield "frontstage", step.frontstage
    yield "backstage", step.backstage
    yield "support", step.support


def acted_by(step: Any) -> list[str]:
    """Who does the step when the persona does not: the actors of its own `frontstage`
    action (the step's very words, with an `actor`), as `import` keeps a Mermaid task the
    diagram gave to others alone ("Reviews the claim: 3: Agent"). Empty for a step the
    persona lives, which is every other step. An action's actor may name several,
    separated by commas as Mermaid writes them."""
    return [
        name.strip()
        for action in step.frontstage
        if action.actor and action.text == step.text
        for name in action.actor.split(",")
        if name.strip()
    ]


def target(breakpoint_: Any) -> tuple[str | None, str] | None:
    """The (step id or None, channel id) that `to` names."""
    if breakpoint_.to is None:
        return None
    step, sep, channel_id = breakpoint_.to.partition("@")
    return (step, channel_id) if sep else (None, step)


def measured(metrics: Any) -> dict[str, float]:
    return {
        name: float(value)
        for name, value in (("nps", metrics.nps), ("csat", metrics.csat), ("ces", metrics.ces))
        if value is not None
    }


class TouchpointRef(Generic[StageT, StepT]):
    """Where a touchpoint sits, for views and rules that need its stage, step and data path."""

    __slots__ = ("stage", "stage_index", "step", "step_index", "touchpoint_index")

    def __init__(
        self, stage: StageT, step: StepT, stage_index: int, step_index: int, touchpoint_index: int
    ) -> None:
        self.stage = stage
        self.step = step
        self.stage_index = stage_index
        self.step_index = step_index
        self.touchpoint_index = touchpoint_index

    @property
    def loc(self) -> tuple[str | int, ...]:
        return (
            "stages",
            self.stage_index,
            "steps",
            self.step_index,
            "touchpoints",
            self.touchpoint_index,
        )
