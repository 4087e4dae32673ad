"""The items told by a text: delights, irritants, breakpoints, thoughts, blueprint actions
and opportunities; each may be written as a bare string or as a mapping with `text`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from journeymap.model import methods
from journeymap.model.values import (
    BareString,
    BreakpointKind,
    DurationText,
    IrritantCategory,
    Number,
    OpportunityStatus,
    Slug,
    StrictModel,
    Text,
    ThoughtKind,
)


class _TextItem(BareString, StrictModel):
    """An item that may be written as a bare string or as a mapping with `text`."""

    BARE_KEY = "text"

    text: Annotated[
        Text,
        Field(description="The words, as the team writes them.", examples=["Livraison offerte"]),
    ]


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
        return methods.target(self)


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
