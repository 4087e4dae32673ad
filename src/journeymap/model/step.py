"""Steps (a moment lived by the customer, with its touchpoints and blueprint lanes) and the
stages that hold them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, StrictBool, StrictInt

from journeymap.model import methods
from journeymap.model.items import Action, Opportunity, Thought
from journeymap.model.touchpoint import Touchpoint
from journeymap.model.values import DurationText, Phase, Slug, StrictModel, Text, notes_field


class Step(StrictModel):
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
    notes: Annotated[Text | None, notes_field()] = None

    def lanes(self) -> Iterator[tuple[str, list[Action]]]:
        """The blueprint lanes below the customer's, from the closest to the furthest."""
        return methods.lanes(self)

    def acted_by(self) -> list[str]:
        """Who does the step in the persona's stead (`methods.acted_by`); empty when the
        persona lives it."""
        return methods.acted_by(self)


class Stage(StrictModel):
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
    notes: Annotated[Text | None, notes_field()] = None
