"""The journey's parts as plain objects, for data `quickcheck` vouches for.

Lint reads a journey through attributes and a few methods, and a valid file's data is
already exactly what the model would hold (`quickcheck` fills the defaults and strips
the text as pydantic does). Building these objects instead of the pydantic models spares
`journeymap lint one.yaml` the import of pydantic and the building of the models, most
of its time. They answer what the models answer: every field (from the generated table),
the methods (`methods`, shared with the models), `model_fields_set`, equality by value,
no change after creation. `tests/test_quickcheck.py` checks that every model's public
attribute exists here, and that lint finds the same on both forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from journeymap.model import methods
from journeymap.model.quickspec import MODELS


class Plain:
    """One part of a journey: its fields as attributes, read-only."""

    __slots__ = ("__dict__", "model_fields_set")
    model_fields_set: frozenset[str]
    """The fields the file wrote (the others hold their defaults), as pydantic keeps them."""

    def __init__(self, values: dict[str, Any], given: frozenset[str]) -> None:
        object.__setattr__(self, "__dict__", values)
        object.__setattr__(self, "model_fields_set", given)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(type(self)) + hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"


_METHODS: dict[str, dict[str, Callable[..., Any] | property]] = {
    "Journey": {
        "version": property(methods.version),
        "words_lang": property(methods.words_lang),
        "iter_steps": methods.iter_steps,
        "iter_touchpoints": methods.iter_touchpoints,
        "channel": methods.channel,
    },
    "Step": {"lanes": methods.lanes, "acted_by": methods.acted_by},
    "Breakpoint": {"target": methods.target},
    "Metrics": {"measured": methods.measured},
}


def _class(name: str) -> type[Plain]:
    before = MODELS[name][0]
    bare = {"BARE_KEY": before[1]} if before is not None else {}  # as `BareString`'s
    return type(name, (Plain,), {"__slots__": (), **bare, **_METHODS.get(name, {})})


CLASSES: dict[str, type[Plain]] = {name: _class(name) for name in MODELS}
"""One class per model, named as the model is."""


def make(name: str, values: dict[str, Any], given: frozenset[str]) -> Plain:
    return CLASSES[name](values, given)
