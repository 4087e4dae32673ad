"""Pydantic models of format version 1.

Every model forbids unknown keys, because a misspelt optional key ("irritant:" for
"irritants:") would otherwise vanish silently. Numbers are strict: YAML turns "yes" into
a boolean and "81%" into a string, and neither should pass for a score.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

FORMAT_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lowercase letters, digits and '-' (e.g. 'retrait-magasin')."),
]
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
"""No control characters but tab and line breaks: invisible to the author, and escape
sequences, NULs and the like break terminals, Graphviz and annotations downstream."""
Text = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, pattern=TEXT_PATTERN),
]
Number = StrictInt | StrictFloat
Phase = Literal["before", "during", "after"]
ChannelKind = Literal["digital", "physical", "phone", "messaging", "social", "mail", "other"]
IrritantCategory = Literal["financial", "productivity", "support", "process"]
BreakpointKind = Literal["forced", "blocked"]
Lang = Literal["fr", "en"]

PHASES: tuple[Phase, ...] = ("before", "during", "after")
CHANNEL_KINDS: tuple[ChannelKind, ...] = (
    "digital",
    "physical",
    "phone",
    "messaging",
    "social",
    "mail",
    "other",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _TextItem(_Model):
    """An item that may be written as a bare string or as a mapping with `text`."""

    text: Text

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        as_object = handler(core_schema)
        return {"anyOf": [{"type": "string", "minLength": 1}, as_object]}


class Delight(_TextItem):
    """A moment that pleases the customer (enchantement)."""


class Irritant(_TextItem):
    """A pain point (irritant); the category follows the four kinds of pain point."""

    category: IrritantCategory | None = None


class Breakpoint(_TextItem):
    """A point of rupture: the customer is forced to change channel, or blocked."""

    kind: BreakpointKind | None = None
    to: Annotated[
        str | None,
        Field(
            description="Where the customer is pushed: 'step@channel' or a channel id.",
            pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:@[a-z0-9]+(?:-[a-z0-9]+)*)?$",
        ),
    ] = None

    def target(self) -> tuple[str | None, str] | None:
        """The (step id or None, channel id) that `to` names."""
        if self.to is None:
            return None
        step, sep, channel = self.to.partition("@")
        return (step, channel) if sep else (None, step)


class Metrics(_Model):
    """Feedback measured at a touchpoint."""

    nps: Annotated[Number | None, Field(ge=-100, le=100, description="Net Promoter Score.")] = None
    csat: Annotated[
        Number | None, Field(ge=0, le=100, description="Satisfied customers, in percent.")
    ] = None
    ces: Annotated[
        Number | None, Field(ge=1, le=7, description="Customer Effort Score; lower is better.")
    ] = None
    source: Annotated[
        Text | None, Field(description="Where the figures come from (survey, period).")
    ] = None

    def measured(self) -> dict[str, float]:
        return {
            name: float(value)
            for name, value in (("nps", self.nps), ("csat", self.csat), ("ces", self.ces))
            if value is not None
        }


class Touchpoint(_Model):
    """A step crossed with a channel."""

    channel: Slug
    name: Text | None = None
    owner: Slug | None = None
    volume: Annotated[StrictInt | None, Field(ge=0, description="Customers per period.")] = None
    metrics: Metrics | None = None
    delights: list[Delight] = Field(default_factory=list)
    irritants: list[Irritant] = Field(default_factory=list)
    breakpoints: list[Breakpoint] = Field(default_factory=list)
    notes: Text | None = None


class Step(_Model):
    """A moment lived by the customer, in the customer's own words."""

    id: Slug
    text: Text
    emotion: Annotated[
        StrictInt | None, Field(ge=-2, le=2, description="From -2 (very bad) to 2 (very good).")
    ] = None
    moment_of_truth: StrictBool = False
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    notes: Text | None = None


class Stage(_Model):
    id: Slug
    name: Text
    phase: Phase | None = None
    goal: Text | None = None
    steps: list[Step] = Field(default_factory=list)
    notes: Text | None = None


class Channel(_Model):
    id: Slug
    name: Text
    kind: ChannelKind = "other"


class Stakeholder(_Model):
    """A department or team that touches the customer."""

    id: Slug
    name: Text


class Persona(_Model):
    name: Text
    description: Text | None = None


class Scope(_Model):
    """The perimeter of the journey (golden rule 1)."""

    targets: list[Text] = Field(default_factory=list)
    offers: list[Text] = Field(default_factory=list)
    stages: list[Slug] = Field(default_factory=list)
    excluded: list[Text] = Field(default_factory=list)


class Journey(_Model):
    """One customer journey, stages and steps in chronological order."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="journeymap journey, format version 1",
        json_schema_extra={"$comment": "Generated by `journeymap schema`; do not edit."},
    )

    journeymap: Literal[1] = Field(description="Format version of this file.")
    id: Slug
    title: Text
    lang: Lang = "fr"
    persona: Persona | None = None
    scope: Scope | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    stages: Annotated[list[Stage], Field(min_length=1)]
    notes: Text | None = None

    def iter_steps(self) -> Iterator[tuple[int, Stage, int, Step]]:
        """Every step with its stage and their indexes, in chronological order."""
        for stage_index, stage in enumerate(self.stages):
            for step_index, step in enumerate(stage.steps):
                yield stage_index, stage, step_index, step

    def iter_touchpoints(self) -> Iterator[tuple[TouchpointRef, Touchpoint]]:
        for stage_index, stage, step_index, step in self.iter_steps():
            for tp_index, touchpoint in enumerate(step.touchpoints):
                yield TouchpointRef(stage, step, stage_index, step_index, tp_index), touchpoint

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)


class TouchpointRef:
    """Where a touchpoint sits, for views and rules that need its stage, step and data path."""

    __slots__ = ("stage", "stage_index", "step", "step_index", "touchpoint_index")

    def __init__(
        self, stage: Stage, step: Step, stage_index: int, step_index: int, touchpoint_index: int
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
