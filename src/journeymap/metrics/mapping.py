"""The mapping file: which survey column is which metric of which touchpoint.

Survey tools name questions their own way (Qualtrics `Q3`, SurveyMonkey the question's
text, Typeform its title), and one survey often feeds several touchpoints, told apart by
a segment column or a hidden field. The mapping says it once, in YAML next to the
journeys, so an import can be rerun every quarter with the same meaning. Keys are
kebab-case like the lint configuration's; unknown keys are errors, as in journeys.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    model_validator,
)

from journeymap.model.journey import BareString, Number, Text
from journeymap.model.quantities import PERIOD_FORMS, parse_period

Format = Literal["auto", "qualtrics", "surveymonkey", "typeform", "google-forms", "csv"]
DateOrder = Literal["dmy", "mdy", "ymd"]


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=False
    )


def _as_text(value: Any) -> Any:
    """YAML reads `2026` as a number and `2026-09-30` as a date; periods and values are text."""
    if isinstance(value, date) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def _check_period(value: str) -> str:
    if parse_period(value) is None:
        raise ValueError(f"write a period like {PERIOD_FORMS}")
    return value


Cell = Annotated[str, BeforeValidator(_as_text)]


class Where(_Model):
    """Keep only the answers whose `column` holds one of `values` (a segment, a hidden field)."""

    column: Annotated[Text, Field(description="The column's id, header or question text.")]
    equals: Annotated[
        Cell | list[Cell],
        Field(description="The value, or list of values, to keep (compared trimmed, any case)."),
    ]

    def kept(self) -> list[str]:
        return self.equals if isinstance(self.equals, list) else [self.equals]

    def values(self) -> tuple[str, ...]:
        return tuple(v.strip().casefold() for v in self.kept())


class Filter(_Model):
    """Which answers count: a date range (inclusive) and segment conditions (all must hold)."""

    from_: Annotated[date | None, Field(description="First day counted.")] = None
    to: Annotated[date | None, Field(description="Last day counted.")] = None
    where: Annotated[list[Where], Field(description="Conditions that must all hold.")] = Field(
        default_factory=list
    )

    @model_validator(mode="after")
    def _ordered(self) -> Filter:
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"'to' ({self.to}) is before 'from' ({self.from_})")
        return self


class Question(BareString, _Model):
    """A survey column read as one metric, with its scale and the labels of text answers."""

    BARE_KEY = "column"  # a bare column name is a question too

    column: Annotated[Text, Field(description="The column's id, header or question text.")]
    scale: Annotated[
        tuple[Number, Number] | None,
        Field(description="Lowest and highest answer; defaults: NPS 0-10, CSAT 1-5, CES 1-7."),
    ] = None
    labels: Annotated[
        dict[str, Number],
        Field(description="Text answers and the number each stands for ('Very satisfied': 5)."),
    ] = Field(default_factory=dict)
    reverse: Annotated[
        StrictBool,
        Field(
            description="CES only: the question is an agreement ('It was easy to...'), where "
            "a high answer means little effort; answers are turned round to lower-is-better."
        ),
    ] = False

    @model_validator(mode="after")
    def _scale_ordered(self) -> Question:
        if self.scale is not None and self.scale[1] <= self.scale[0]:
            raise ValueError(f"scale {list(self.scale)} must go from lowest to highest")
        return self


class Target(_Model):
    """One touchpoint of a journey, and the questions that measure it."""

    journey: Annotated[
        Text | None, Field(description="The journey id; optional with a single journey.")
    ] = None
    step: Annotated[Text, Field(description="The step id.")]
    channel: Annotated[Text, Field(description="The channel id of the touchpoint.")]
    where: Annotated[
        list[Where], Field(description="Conditions that pick this touchpoint's answers.")
    ] = Field(default_factory=list)
    nps: Annotated[Question | None, Field(description="The 0-10 recommendation question.")] = None
    csat: Annotated[Question | None, Field(description="The satisfaction question.")] = None
    ces: Annotated[Question | None, Field(description="The effort question.")] = None
    volume: Annotated[
        Literal["responses"] | None,
        Field(description="'responses': write the count of answers kept as the volume."),
    ] = None

    @model_validator(mode="after")
    def _measures_something(self) -> Target:
        if not (self.nps or self.csat or self.ces or self.volume):
            raise ValueError("give at least one of nps, csat, ces or volume")
        return self

    def questions(self) -> list[tuple[str, Question]]:
        return [(n, q) for n, q in (("nps", self.nps), ("csat", self.csat), ("ces", self.ces)) if q]


class Mapping(_Model):
    """How a survey export becomes touchpoint metrics (`journeymap metrics import --map`)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        alias_generator=_kebab,
        title="journeymap metrics mapping",
        json_schema_extra={"$comment": "Generated by `journeymap metrics schema`; do not edit."},
    )

    source: Annotated[
        Text,
        Field(
            description="Where the figures come from, written as each metric's `source`.",
            examples=["Enquête à chaud Qualtrics"],
        ),
    ]
    format: Annotated[
        Format,
        Field(description="The export's shape; auto recognises it from its headers."),
    ] = "auto"
    encoding: Annotated[
        Text | None,
        Field(
            description="Force an encoding (utf-8, utf-16, cp1252, cp1250, cp1251, koi8-r, "
            "mac-roman...); default: detected, and named in the report."
        ),
    ] = None
    separator: Annotated[
        Annotated[str, StringConstraints(min_length=1, max_length=1)] | None,
        Field(description="Force the column separator; default: sniffed among , ; tab |."),
    ] = None
    date_column: Annotated[
        Text | None,
        Field(description="The column with each answer's date; default: the tool's own."),
    ] = None
    date_order: Annotated[
        DateOrder | None,
        Field(description="How to read 03/07/2026: dmy or mdy; default: guessed from the data."),
    ] = None
    period: Annotated[
        Annotated[str, BeforeValidator(_as_text), AfterValidator(_check_period)] | None,
        Field(
            description=f"The period written on each metric ({PERIOD_FORMS}); default: the "
            "filter's dates, else the dates of the answers kept."
        ),
    ] = None
    filter: Annotated[Filter, Field(description="Which answers count.")] = Field(
        default_factory=Filter
    )
    min_n: Annotated[
        Annotated[StrictInt, Field(ge=1)],
        Field(description="Fewer answers than this and a metric is reported, not written."),
    ] = 30
    include_unfinished: Annotated[
        StrictBool,
        Field(description="Count answers of surveys left unfinished (Qualtrics Finished = 0)."),
    ] = False
    journeys: Annotated[
        list[Text],
        Field(description="Journey files, relative to the mapping; --journey overrides them."),
    ] = Field(default_factory=list)
    touchpoints: Annotated[
        list[Target], Field(min_length=1, description="The touchpoints and their questions.")
    ]

    def words(self) -> tuple[str, ...]:
        """The texts the export must hold: the columns named, the values kept by a
        filter, the labels of text answers. Written in the export's language, they tell a
        legacy code page that its letters alone leave open (decoding.py)."""
        wheres = [*self.filter.where, *(w for t in self.touchpoints for w in t.where)]
        questions = [q for t in self.touchpoints for _, q in t.questions()]
        return (
            *([self.date_column] if self.date_column else []),
            *(w.column for w in wheres),
            *(v for w in wheres for v in w.kept()),
            *(q.column for q in questions),
            *(label for q in questions for label in q.labels),
        )


class MappingError(Exception):
    """A mapping file that cannot be used; the message names the file, the place and the fix."""


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif "[" not in item and item not in {"str", "int", "float"}:
            parts.append(("." if parts else "") + item)
    return "".join(parts) or "the file"


def parse_mapping(text: str, name: str) -> Mapping:
    """The mapping in `text` (YAML), or MappingError naming `name` and the first problem."""
    from journeymap.load.limits import Limits
    from journeymap.load.yamldoc import parse

    # The journeys' own reader: deep nesting, alias bombs and duplicate keys are one line.
    parsed = parse(text, Limits.from_env())
    if parsed.problems:
        problem = parsed.problems[0]
        raise MappingError(f"{name}:{problem.line}:{problem.column}: {problem.message}")
    data = parsed.data
    if not isinstance(data, dict):
        raise MappingError(f"{name}: a mapping file is a YAML mapping with source and touchpoints")
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key; see `journeymap metrics schema` for the allowed keys"
        elif error["type"] == "missing":
            message = "required key missing"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise MappingError(f"{name}: {_where(error['loc'])}: {message}{more}") from None


def mapping_schema() -> dict[str, Any]:
    from journeymap.schema import SCHEMA_DIALECT

    return {"$schema": SCHEMA_DIALECT, **Mapping.model_json_schema(by_alias=True)}
