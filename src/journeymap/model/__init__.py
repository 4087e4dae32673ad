"""The journey model: what a journey file means once it is known to be well-formed.

The names below are read from `journeymap.model.journey` (the one import path) only when
asked for: importing a plain-data module of this package (`quickcheck`, `quantities`,
`constants`) must not import pydantic and build the models.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from journeymap.model import journey

        return getattr(journey, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
