"""The journey model: what a journey file means once it is known to be well-formed."""

from journeymap.model.journey import (
    Breakpoint,
    Channel,
    Delight,
    Irritant,
    Journey,
    Metrics,
    Persona,
    Scope,
    Stage,
    Stakeholder,
    Step,
    Touchpoint,
)

__all__ = [
    "Breakpoint",
    "Channel",
    "Delight",
    "Irritant",
    "Journey",
    "Metrics",
    "Persona",
    "Scope",
    "Stage",
    "Stakeholder",
    "Step",
    "Touchpoint",
]
