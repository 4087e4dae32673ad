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
from datetime import date as Date  # a field of Evidence is called `date`
from typing import Annotated, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from journeymap.model import methods
from journeymap.model.items import Action, Breakpoint, Delight, Irritant, Opportunity, Thought
from journeymap.model.langs import WordsLang
from journeymap.model.methods import TouchpointRef
from journeymap.model.step import Stage, Step
from journeymap.model.touchpoint import Kpi, Metrics, Touchpoint
from journeymap.model.values import (
    CHANNEL_KINDS,
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    OPPORTUNITY_STATUSES,
    PHASES,
    SLUG_PATTERN,
    STATUSES,
    BareString,
    BreakpointKind,
    ChannelKind,
    Count,
    Direction,
    DurationText,
    IrritantCategory,
    Lang,
    Number,
    OpportunityStatus,
    PeriodText,
    Phase,
    Slug,
    State,
    Status,
    StrictModel,
    Text,
    ThoughtKind,
    check_version,
    notes_field,
)

__all__ = [
    "CHANNEL_KINDS",
    "FORMAT_VERSION",
    "FORMAT_VERSIONS",
    "NEW_IN_1_1",
    "OPPORTUNITY_STATUSES",
    "PHASES",
    "SLUG_PATTERN",
    "STATUSES",
    "Action",
    "BareString",
    "Breakpoint",
    "BreakpointKind",
    "Channel",
    "ChannelKind",
    "Count",
    "Delight",
    "Direction",
    "DurationText",
    "Evidence",
    "Irritant",
    "IrritantCategory",
    "Journey",
    "Kpi",
    "Lang",
    "Metrics",
    "Number",
    "Opportunity",
    "OpportunityStatus",
    "PeriodText",
    "Persona",
    "Phase",
    "Scope",
    "Slug",
    "Stage",
    "Stakeholder",
    "State",
    "Status",
    "Step",
    "Text",
    "Thought",
    "ThoughtKind",
    "Touchpoint",
    "TouchpointRef",
]


class Channel(StrictModel):
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


class Stakeholder(StrictModel):
    """A department or team that touches the customer."""

    id: Annotated[Slug, Field(description="Unique among stakeholders.", examples=["digital"])]
    name: Annotated[Text, Field(description="Its name.", examples=["Direction digitale"])]


class Persona(StrictModel):
    """Whose "je" the journey tells."""

    name: Annotated[Text, Field(description="The persona's name.", examples=["Nouveau client"])]
    description: Annotated[
        Text | None,
        Field(description="Who they are.", examples=["Premier achat de meubles"]),
    ] = None


class Scope(StrictModel):
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


class Evidence(StrictModel):
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


class Journey(StrictModel):
    """One customer journey, stages and steps in chronological order."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="journeymap journey, format versions 1 and 1.1",
        json_schema_extra={"$comment": "Generated by `journeymap schema`; do not edit."},
    )

    journeymap: Annotated[
        Annotated[Number, AfterValidator(check_version)],
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
        Lang,
        Field(
            description=(
                "The language of the customer's voice: a BCP 47 tag (fr, en, es, de, "
                "pt-BR, ja, ar...). Maps and the site print their own words in it for fr, "
                "en, es, de, it, pt and nl, in English otherwise; the lint reads the "
                "customer's voice in fr and en only."
            ),
            examples=["fr"],
        ),
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
    notes: Annotated[Text | None, notes_field()] = None

    @property
    def version(self) -> str:
        return methods.version(self)

    @property
    def words_lang(self) -> WordsLang:
        """The language of the words the views print around the journey's own (headers,
        legends): its `lang` when journeymap has those words, else English."""
        return cast(WordsLang, methods.words_lang(self))

    def iter_steps(self) -> Iterator[tuple[int, Stage, int, Step]]:
        """Every step with its stage and their indexes, in chronological order."""
        return methods.iter_steps(self)

    def iter_touchpoints(self) -> Iterator[tuple[TouchpointRef[Stage, Step], Touchpoint]]:
        return methods.iter_touchpoints(self)

    def channel(self, channel_id: str) -> Channel | None:
        found: Channel | None = methods.channel(self, channel_id)
        return found


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
