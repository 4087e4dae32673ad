"""A touchpoint (a step crossed with a channel) and the figures measured there: metrics
and custom KPIs."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from journeymap.model import methods
from journeymap.model.items import Breakpoint, Delight, Irritant
from journeymap.model.values import (
    Count,
    Direction,
    Number,
    PeriodText,
    Slug,
    StrictModel,
    Text,
    notes_field,
)


class Kpi(StrictModel):
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


class Metrics(StrictModel):
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
        return methods.measured(self)


class Touchpoint(StrictModel):
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
    notes: Annotated[Text | None, notes_field()] = None
