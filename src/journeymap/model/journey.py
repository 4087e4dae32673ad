"""Pydantic models of the journey format, versions 1 and 1.1.

Format 1.1 only adds optional fields: service-blueprint lanes (frontstage, backstage,
support), thoughts, opportunities, needs, durations, named feelings, custom KPIs, where
each figure comes from, and journey governance (owner, status, review date, evidence,
as-is/to-be). Every format-1 file keeps its meaning. The fields new in 1.1 are listed in
`NEW_IN_1_1`, so that the loader asks a format-1 file to opt in instead of accepting them
silently (a reader of format 1 would reject them).

Every model forbids unknown keys, because a misspelt optional key ("irritant:" for
"irritants:") would otherwise vanish silently. Numbers are strict: YAML turns "yes" into
a boolean and "81%" into a string, and neither should pass for a score. Bounds are set on
the number itself, so that the JSON Schema carries them as `minimum`/`maximum` and editors
check them as the user types.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from datetime import date as Date  # a field of Evidence is called `date`
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
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
from pydantic_core import CoreSchema, PydanticCustomError

from journeymap.model.quantities import (
    DURATION_FORMS,
    PERIOD_FORMS,
    parse_duration,
    parse_period,
)

FORMAT_VERSION = 1
FORMAT_VERSIONS: tuple[float, ...] = (1, 1.1)
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lowercase letters, digits and '-' (e.g. 'retrait-magasin')."),
]
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Number = StrictInt | StrictFloat
Phase = Literal["before", "during", "after"]
ChannelKind = Literal["digital", "physical", "phone", "messaging", "social", "mail", "other"]
IrritantCategory = Literal["financial", "productivity", "support", "process"]
BreakpointKind = Literal["forced", "blocked"]
Lang = Literal["fr", "en"]
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


def _period_as_text(value: Any) -> Any:
    """YAML reads `2026-09-30` as a date and `2026` as a number; the period is text."""
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def _check_period(value: str) -> str:
    if parse_period(value) is None:
        raise PydanticCustomError(
            "period_format", "write a period like {forms}", {"forms": PERIOD_FORMS}
        )
    return value


def _check_version(value: Any) -> Any:
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
    BeforeValidator(_period_as_text),
    AfterValidator(_check_period),
    Field(description=f"A period: {PERIOD_FORMS}.", examples=["2026-Q3"]),
]
Count = Annotated[StrictInt, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _TextItem(_Model):
    """An item that may be written as a bare string or as a mapping with `text`."""

    text: Annotated[
        Text,
        Field(description="The words, as the team writes them.", examples=["Livraison offerte"]),
    ]

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

    category: Annotated[
        IrritantCategory | None,
        Field(
            description="financial, productivity, support or process pain point.",
            examples=["process"],
        ),
    ] = None


class Breakpoint(_TextItem):
    """A point of rupture: the customer is forced to change channel, or blocked."""

    kind: Annotated[
        BreakpointKind | None,
        Field(
            description="forced: must change channel; blocked: cannot go on.",
            examples=["forced"],
        ),
    ] = None
    to: Annotated[
        str | None,
        Field(
            description="Where the customer is pushed: 'step@channel' or a channel id.",
            pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:@[a-z0-9]+(?:-[a-z0-9]+)*)?$",
            examples=["rappel@telephone"],
        ),
    ] = None

    def target(self) -> tuple[str | None, str] | None:
        """The (step id or None, channel id) that `to` names."""
        if self.to is None:
            return None
        step, sep, channel = self.to.partition("@")
        return (step, channel) if sep else (None, step)


class Thought(_TextItem):
    """What the customer thinks, says or asks at this step, in the customer's words."""

    kind: Annotated[
        ThoughtKind,
        Field(description="thought, quote (heard verbatim) or question.", examples=["question"]),
    ] = "thought"


class Action(_TextItem):
    """What staff or systems do at a step, in a blueprint lane (format 1.1)."""

    actor: Annotated[
        Text | None, Field(description="Who acts: a role or a system.", examples=["Conseiller"])
    ] = None
    owner: Annotated[
        Slug | None,
        Field(description="The stakeholder that answers for it.", examples=["service-client"]),
    ] = None
    system: Annotated[
        Text | None, Field(description="The tool or system used.", examples=["CRM"])
    ] = None
    duration: Annotated[
        DurationText | None, Field(description="How long it takes.", examples=["48 h"])
    ] = None


class Opportunity(_TextItem):
    """An idea to make the journey better, with who carries it (format 1.1)."""

    owner: Annotated[
        Slug | None,
        Field(description="The stakeholder that carries the idea.", examples=["digital"]),
    ] = None
    status: Annotated[
        OpportunityStatus,
        Field(description="idea, planned, in-progress, done or dropped.", examples=["planned"]),
    ] = "idea"
    metric: Annotated[
        Text | None,
        Field(
            description="The metric it should move: nps, csat, ces, volume or a KPI's name.",
            examples=["csat"],
        ),
    ] = None
    change: Annotated[
        Number | None,
        Field(description="The expected change of that metric, signed.", examples=[10]),
    ] = None


class Kpi(_Model):
    """A custom indicator (conversion, completion, drop-off, time-to-X) (format 1.1)."""

    name: Annotated[Text, Field(description="What is measured.", examples=["Conversion"])]
    value: Annotated[Number, Field(description="The measured value.", examples=[3.2])]
    unit: Annotated[Text | None, Field(description="Its unit.", examples=["%"])] = None
    target: Annotated[Number | None, Field(description="The value aimed at.", examples=[4])] = None
    direction: Annotated[
        Direction,
        Field(description="Whether higher or lower is better.", examples=["higher"]),
    ] = "higher"
    source: Annotated[
        Text | None, Field(description="Where it comes from.", examples=["Web analytics"])
    ] = None
    period: Annotated[
        PeriodText | None, Field(description="When it was measured.", examples=["2026-09"])
    ] = None
    n: Annotated[
        Count | None, Field(description="How many observations stand behind it.", examples=[1200])
    ] = None


class Metrics(_Model):
    """Feedback measured at a touchpoint, and where it comes from."""

    nps: Annotated[
        Annotated[Number, Field(ge=-100, le=100)] | None,
        Field(
            description="Net Promoter Score: share of 9-10 minus share of 0-6, -100..100.",
            examples=[32],
        ),
    ] = None
    csat: Annotated[
        Annotated[Number, Field(ge=0, le=100)] | None,
        Field(description="Satisfied customers (top-2 box), in percent, 0..100.", examples=[81]),
    ] = None
    ces: Annotated[
        Annotated[Number, Field(ge=1, le=7)] | None,
        Field(description="Customer Effort Score, 1..7; lower is better.", examples=[2.4]),
    ] = None
    kpis: Annotated[
        list[Kpi],
        Field(
            description="Other indicators measured here (format 1.1).",
            examples=[[{"name": "Conversion", "value": 3.2, "unit": "%"}]],
        ),
    ] = Field(default_factory=list)
    source: Annotated[
        Text | None,
        Field(description="Where the figures come from.", examples=["Enquête à chaud"]),
    ] = None
    period: Annotated[
        PeriodText | None,
        Field(description="When they were measured (format 1.1).", examples=["2026-Q3"]),
    ] = None
    n: Annotated[
        Count | None,
        Field(description="How many answers stand behind them (format 1.1).", examples=[412]),
    ] = None
    method: Annotated[
        Text | None,
        Field(
            description="How they were computed (format 1.1).",
            examples=["NPS on 0-10; CSAT top-2 box on 1-5; CES mean on 1-7"],
        ),
    ] = None

    def measured(self) -> dict[str, float]:
        return {
            name: float(value)
            for name, value in (("nps", self.nps), ("csat", self.csat), ("ces", self.ces))
            if value is not None
        }


def _notes() -> Any:
    return Field(description="Free text for the team.", examples=["À revoir avec la DSI"])


class Touchpoint(_Model):
    """A step crossed with a channel."""

    channel: Annotated[Slug, Field(description="A declared channel id.", examples=["site"])]
    name: Annotated[
        Text | None, Field(description="What the customer meets there.", examples=["Panier"])
    ] = None
    owner: Annotated[
        Slug | None,
        Field(description="The stakeholder that answers for it.", examples=["digital"]),
    ] = None
    volume: Annotated[
        Count | None, Field(description="Customers per period.", examples=[12000])
    ] = None
    metrics: Annotated[Metrics | None, Field(description="Feedback measured here.")] = None
    delights: Annotated[
        list[Delight],
        Field(description="What pleases the customer here.", examples=[["Livraison rapide"]]),
    ] = Field(default_factory=list)
    irritants: Annotated[
        list[Irritant],
        Field(description="Pain points met here.", examples=[["Frais de port cachés"]]),
    ] = Field(default_factory=list)
    breakpoints: Annotated[
        list[Breakpoint],
        Field(
            description="Where the customer is forced to change channel, or blocked.",
            examples=[[{"text": "Pas de suivi en ligne", "kind": "forced", "to": "telephone"}]],
        ),
    ] = Field(default_factory=list)
    notes: Annotated[Text | None, _notes()] = None


class Step(_Model):
    """A moment lived by the customer, in the customer's own words."""

    id: Annotated[Slug, Field(description="Unique among the file's steps.", examples=["paie"])]
    text: Annotated[
        Text,
        Field(
            description="The step in the customer's first person.",
            examples=["Je paie ma commande"],
        ),
    ]
    emotion: Annotated[
        Annotated[StrictInt, Field(ge=-2, le=2)] | None,
        Field(description="From -2 (very bad) to 2 (very good).", examples=[1]),
    ] = None
    feeling: Annotated[
        Text | None,
        Field(description="The feeling named in words (format 1.1).", examples=["anxieux"]),
    ] = None
    moment_of_truth: Annotated[
        StrictBool,
        Field(description="A moment that makes or breaks the relationship.", examples=[True]),
    ] = False
    goal: Annotated[
        Text | None,
        Field(description="What the customer wants here (format 1.1).", examples=["Payer vite"]),
    ] = None
    needs: Annotated[
        list[Text],
        Field(description="What the customer needs here (format 1.1).", examples=[["Un reçu"]]),
    ] = Field(default_factory=list)
    thoughts: Annotated[
        list[Thought],
        Field(
            description="Thoughts, quotes and questions in the customer's words (format 1.1).",
            examples=[["Est-ce que mon paiement est passé ?"]],
        ),
    ] = Field(default_factory=list)
    duration: Annotated[
        DurationText | None,
        Field(description="How long the step takes (format 1.1).", examples=["2-5 days"]),
    ] = None
    actors: Annotated[
        list[Text],
        Field(
            description="Who else takes part: staff, systems, a relative (format 1.1).",
            examples=[["Conseiller", "Conjoint"]],
        ),
    ] = Field(default_factory=list)
    systems: Annotated[
        list[Text],
        Field(description="Systems used at this step (format 1.1).", examples=[["CRM"]]),
    ] = Field(default_factory=list)
    touchpoints: Annotated[
        list[Touchpoint], Field(description="The channels this step crosses.")
    ] = Field(default_factory=list)
    frontstage: Annotated[
        list[Action],
        Field(
            description="What staff or systems do in view of the customer (format 1.1).",
            examples=[[{"text": "Le conseiller présente les offres", "owner": "agence"}]],
        ),
    ] = Field(default_factory=list)
    backstage: Annotated[
        list[Action],
        Field(
            description="What staff or systems do out of the customer's view (format 1.1).",
            examples=[[{"text": "Vérification KYC", "owner": "conformite"}]],
        ),
    ] = Field(default_factory=list)
    support: Annotated[
        list[Action],
        Field(
            description="Systems and teams behind (format 1.1).",
            examples=[[{"text": "Scoring crédit", "system": "Moteur de scoring"}]],
        ),
    ] = Field(default_factory=list)
    opportunities: Annotated[
        list[Opportunity],
        Field(
            description="Ideas to improve this step (format 1.1).",
            examples=[[{"text": "Paiement en un clic", "owner": "digital"}]],
        ),
    ] = Field(default_factory=list)
    notes: Annotated[Text | None, _notes()] = None

    def lanes(self) -> Iterator[tuple[str, list[Action]]]:
        """The blueprint lanes below the customer's, from the closest to the furthest."""
        yield "frontstage", self.frontstage
        yield "backstage", self.backstage
        yield "support", self.support


class Stage(_Model):
    """A stage of the journey, as the customer lives it."""

    id: Annotated[Slug, Field(description="Unique among the file's stages.", examples=["achat"])]
    name: Annotated[Text, Field(description="The stage's name.", examples=["Achat"])]
    phase: Annotated[
        Phase | None,
        Field(description="before, during or after the purchase.", examples=["during"]),
    ] = None
    goal: Annotated[
        Text | None,
        Field(description="What the customer wants from this stage.", examples=["Trouver"]),
    ] = None
    needs: Annotated[
        list[Text],
        Field(description="What the customer needs here (format 1.1).", examples=[["Conseil"]]),
    ] = Field(default_factory=list)
    steps: Annotated[list[Step], Field(description="The steps, in chronological order.")] = Field(
        default_factory=list
    )
    opportunities: Annotated[
        list[Opportunity],
        Field(description="Ideas to improve this stage (format 1.1).", examples=[["Chat"]]),
    ] = Field(default_factory=list)
    notes: Annotated[Text | None, _notes()] = None


class Channel(_Model):
    """A channel the customer uses (web, store, call centre...)."""

    id: Annotated[Slug, Field(description="Unique among the channels.", examples=["site"])]
    name: Annotated[Text, Field(description="The channel's name.", examples=["Site web"])]
    kind: Annotated[
        ChannelKind,
        Field(
            description="digital, physical, phone, messaging, social, mail or other.",
            examples=["digital"],
        ),
    ] = "other"


class Stakeholder(_Model):
    """A department or team that touches the customer."""

    id: Annotated[Slug, Field(description="Unique among stakeholders.", examples=["digital"])]
    name: Annotated[Text, Field(description="Its name.", examples=["Direction digitale"])]


class Persona(_Model):
    """Whose "je" the journey tells."""

    name: Annotated[Text, Field(description="The persona's name.", examples=["Nouveau client"])]
    description: Annotated[
        Text | None,
        Field(description="Who they are.", examples=["Premier achat de meubles"]),
    ] = None


class Scope(_Model):
    """The perimeter of the journey (golden rule 1)."""

    targets: Annotated[
        list[Text], Field(description="Which customers.", examples=[["B2C", "France"]])
    ] = Field(default_factory=list)
    offers: Annotated[
        list[Text], Field(description="Which products or services.", examples=[["Mobilier"]])
    ] = Field(default_factory=list)
    stages: Annotated[
        list[Slug], Field(description="The stage ids in focus.", examples=[["retrait"]])
    ] = Field(default_factory=list)
    excluded: Annotated[
        list[Text], Field(description="What is left out.", examples=[["Professionnels"]])
    ] = Field(default_factory=list)


class Evidence(_Model):
    """Research a journey rests on: interviews, surveys, analytics (format 1.1)."""

    id: Annotated[Slug, Field(description="Unique among evidence.", examples=["entretiens-2026"])]
    source: Annotated[
        Text, Field(description="What it is.", examples=["12 entretiens clients en magasin"])
    ]
    date: Annotated[
        Date | None, Field(description="When it was gathered.", examples=["2026-10-15"])
    ] = None
    method: Annotated[
        Text | None, Field(description="How.", examples=["Entretiens semi-directifs"])
    ] = None
    n: Annotated[Count | None, Field(description="How many people.", examples=[12])] = None


class Journey(_Model):
    """One customer journey, stages and steps in chronological order."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="journeymap journey, format versions 1 and 1.1",
        json_schema_extra={"$comment": "Generated by `journeymap schema`; do not edit."},
    )

    journeymap: Annotated[
        Annotated[Number, AfterValidator(_check_version)],
        Field(
            description="Format version of this file: 1, or 1.1 for the blueprint fields.",
            json_schema_extra={"enum": list(FORMAT_VERSIONS)},
            examples=[1.1],
        ),
    ]
    id: Annotated[
        Slug, Field(description="Unique in a repository.", examples=["meubles-web-retrait"])
    ]
    title: Annotated[
        Text, Field(description="The journey's title.", examples=["Commande en ligne"])
    ]
    lang: Annotated[
        Lang, Field(description="The language of the customer's voice.", examples=["fr"])
    ] = "fr"
    persona: Annotated[Persona | None, Field(description="Whose journey it is.")] = None
    scope: Annotated[Scope | None, Field(description="The perimeter (golden rule 1).")] = None
    owner: Annotated[
        Text | None,
        Field(description="Who keeps the journey up to date (format 1.1).", examples=["Équipe CX"]),
    ] = None
    status: Annotated[
        Status | None,
        Field(description="draft, validated or archived (format 1.1).", examples=["validated"]),
    ] = None
    reviewed: Annotated[
        Date | None,
        Field(description="When it was last reviewed (format 1.1).", examples=["2026-11-15"]),
    ] = None
    state: Annotated[
        State | None,
        Field(description="as-is (today) or to-be (target) (format 1.1).", examples=["as-is"]),
    ] = None
    counterpart: Annotated[
        Slug | None,
        Field(
            description="The id of the other version (as-is <-> to-be) (format 1.1).",
            examples=["meubles-web-retrait-cible"],
        ),
    ] = None
    evidence: Annotated[
        list[Evidence], Field(description="The research behind the journey (format 1.1).")
    ] = Field(default_factory=list)
    stakeholders: Annotated[
        list[Stakeholder], Field(description="Every department that touches the customer.")
    ] = Field(default_factory=list)
    channels: Annotated[list[Channel], Field(description="The channels used.")] = Field(
        default_factory=list
    )
    kpis: Annotated[
        list[Kpi],
        Field(
            description="Indicators of the whole journey (format 1.1).",
            examples=[[{"name": "Taux d'abandon", "value": 18, "unit": "%", "direction": "lower"}]],
        ),
    ] = Field(default_factory=list)
    stages: Annotated[
        list[Stage], Field(min_length=1, description="The stages, in chronological order.")
    ]
    notes: Annotated[Text | None, _notes()] = None

    @property
    def version(self) -> str:
        return "1.1" if self.journeymap == 1.1 else "1"

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


NEW_IN_1_1: dict[type[BaseModel], frozenset[str]] = {
    Journey: frozenset({"owner", "status", "reviewed", "state", "counterpart", "evidence", "kpis"}),
    Stage: frozenset({"needs", "opportunities"}),
    Step: frozenset(
        {
            "feeling",
            "goal",
            "needs",
            "thoughts",
            "duration",
            "actors",
            "systems",
            "frontstage",
            "backstage",
            "support",
            "opportunities",
        }
    ),
    Metrics: frozenset({"kpis", "period", "n", "method"}),
}
"""Keys that a file must declare `journeymap: 1.1` to use."""


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
