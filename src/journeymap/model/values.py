"""The values every part of a journey shares: ids, texts, numbers, the closed lists of
words (phases, channel kinds, statuses), durations and periods, and the strict base model.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictFloat,
    StrictInt,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from journeymap.model.constants import SLUG_PATTERN as SLUG_PATTERN
from journeymap.model.langs import LANG_PATTERN, check_lang
from journeymap.model.quantities import (
    DURATION_FORMS,
    PERIOD_FORMS,
    parse_duration,
    parse_period,
    period_as_text,
)

FORMAT_VERSION = 1
FORMAT_VERSIONS: tuple[float, ...] = (1, 1.1)

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lowercase letters, digits and '-' (e.g. 'retrait-magasin')."),
]


def _shows_something(value: str) -> str:
    """A text of zero-width or other invisible characters only is as empty as ''."""
    from journeymap.textsafe import code_points, invisible

    if invisible(value):
        raise PydanticCustomError(
            "invisible_text",
            "the text has only invisible characters ({found})",
            {"found": code_points(value)},
        )
    return value


Text = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1),
    AfterValidator(_shows_something),
]
Number = StrictInt | StrictFloat
Phase = Literal["before", "during", "after"]
ChannelKind = Literal["digital", "physical", "phone", "messaging", "social", "mail", "other"]
IrritantCategory = Literal["financial", "productivity", "support", "process"]
BreakpointKind = Literal["forced", "blocked"]
Lang = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1),
    AfterValidator(check_lang),
    Field(json_schema_extra={"pattern": LANG_PATTERN}),
]
"""A BCP 47 language tag, kept as written (`journeymap.model.langs`)."""
Status = Literal["draft", "validated", "archived"]
State = Literal["as-is", "to-be"]
Direction = Literal["higher", "lower"]
ThoughtKind = Literal["thought", "quote", "question"]
OpportunityStatus = Literal["idea", "planned", "in-progress", "done", "dropped"]

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
STATUSES: tuple[Status, ...] = ("draft", "validated", "archived")
OPPORTUNITY_STATUSES: tuple[OpportunityStatus, ...] = (
    "idea",
    "planned",
    "in-progress",
    "done",
    "dropped",
)


def _check_duration(value: str) -> str:
    if parse_duration(value) is None:
        raise PydanticCustomError(
            "duration_format", "write a duration like {forms}", {"forms": DURATION_FORMS}
        )
    return value


def _check_period(value: str) -> str:
    if parse_period(value) is None:
        raise PydanticCustomError(
            "period_format", "write a period like {forms}", {"forms": PERIOD_FORMS}
        )
    return value


def check_version(value: Any) -> Any:
    if isinstance(value, bool) or value not in FORMAT_VERSIONS:
        raise PydanticCustomError("format_version", "unsupported format version")
    return value


DurationText = Annotated[
    Text,
    AfterValidator(_check_duration),
    Field(description=f"A duration: {DURATION_FORMS}.", examples=["45 min", "2-5 days"]),
]
PeriodText = Annotated[
    Text,
    BeforeValidator(period_as_text),
    AfterValidator(_check_period),
    Field(description=f"A period: {PERIOD_FORMS}.", examples=["2026-Q3"]),
]
MAX_COUNT = 10**15
"""A million billion: more customers or answers than any journey has, and small enough
that a float holds it exactly; a volume of 4,000 digits made the priorities (volume x
dissatisfaction, a float) overflow."""
Count = Annotated[StrictInt, Field(ge=0, le=MAX_COUNT)]


class StrictModel(BaseModel):
    """Unknown keys are errors (a misspelt key would vanish), and a journey read is never
    changed in place."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class BareString(BaseModel):
    """A mapping that may also be written as a bare string, which is then its one key
    `BARE_KEY` (`- Livraison offerte` for `- text: Livraison offerte`, `nps: Q1` for
    `nps: {column: Q1}`). The JSON Schema says so too (a string, or the object), so that
    editors accept what the validator accepts. Journey items and the metrics mapping's
    questions share it; each subclass names its key."""

    BARE_KEY: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {cls.BARE_KEY: value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(core_schema)]}


def notes_field() -> Any:
    return Field(description="Free text for the team.", examples=["À revoir avec la DSI"])
