"""Loading one journey file: every problem found, each placed at its line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

from yaml.nodes import Node

from journeymap.diagnostics import NOT_A_JOURNEY, SCHEMA, Diagnostic, diagnostic
from journeymap.load import references
from journeymap.load.limits import Limits
from journeymap.load.positions import Placer, Target, locate
from journeymap.load.source import read_text
from journeymap.load.versions import format_1_1_keys
from journeymap.load.yamldoc import no_journey, parse, table_header
from journeymap.model import quickcheck

if TYPE_CHECKING:
    from pydantic import BaseModel

    from journeymap.model.journey import Journey


@dataclass(slots=True)
class JourneyFile:
    """A loaded file: the model when it is valid, and always its diagnostics.

    The node tree is kept so that later checks (lint) can place their findings without
    parsing again; the text is kept for the suppression comments that YAML drops.
    """

    path: str
    journey: Journey | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    root: Node | None = None
    text: str = ""
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        return self.journey is not None and not self.diagnostics

    def position(self, loc: Sequence[str | int], target: Target = "value") -> tuple[int, int]:
        return locate(self.root, loc, target)

    @property
    def place(self) -> Placer:
        """Places diagnostics by data path in this file (the linter's findings)."""
        return Placer(self.path, self.root)


@cache
def _allowed_keys() -> dict[tuple[str | int, ...], tuple[str, ...]]:
    """Keys allowed at each path of string segments, for "did you mean" hints."""
    from pydantic import BaseModel

    from journeymap.model.journey import Journey

    table: dict[tuple[str | int, ...], tuple[str, ...]] = {}

    def visit(model: type[BaseModel], path: tuple[str, ...]) -> None:
        table[path] = tuple(model.model_fields)
        for name, info in model.model_fields.items():
            for candidate in (info.annotation, *get_args(info.annotation)):
                for inner in (candidate, *get_args(candidate)):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        visit(inner, (*path, name))

    visit(Journey, ())
    return table


def load_text(
    path: str, text: str, limits: Limits | None = None, model: bool = True
) -> JourneyFile:
    """`model=False` for callers that only read the journey (validate, lint): data that
    `quickcheck` finds surely valid then becomes plain objects (`model.plain`) that
    answer as the models do, and pydantic is not even imported; anything else goes to
    pydantic, so the diagnostics are the same either way."""
    limits = limits or Limits.from_env()
    parsed = parse(text, limits)
    result = JourneyFile(path, None, root=parsed.root, text=text)
    found = [problem.in_file(path) for problem in parsed.problems]
    if parsed.problems and parsed.data is None:
        table = table_header(text)
        if table is not None:  # `"Stage","Step"`: a table YAML cannot even parse
            found = [
                diagnostic(NOT_A_JOURNEY, _table_message(table), 1, source="schema", path=path)
            ]
        result.diagnostics = found
        return result
    data = parsed.data
    place = Placer(path, parsed.root)

    if data is None:
        message, line = no_journey(text)
        found.append(diagnostic(NOT_A_JOURNEY, message, line, source="schema", path=path))
        result.diagnostics = found
        return result
    if not isinstance(data, dict) or "journeymap" not in data:
        shape = (
            "a mapping without a 'journeymap' key"
            if isinstance(data, dict)
            else ("a list" if isinstance(data, list) else "a single value")
        )
        table = table_header(text) if isinstance(data, str) else None
        message = (
            _table_message(table)
            if table
            else f"not a journey file: the top level is {shape}; a journey file starts with "
            "'journeymap: 1' (other YAML in a folder: --exclude it)"
        )
        found.append(place.at(NOT_A_JOURNEY, (), message, source="schema"))
        result.diagnostics = found
        return result

    vouched = None if model else quickcheck.checked(data)
    journey: Journey | None = cast("Journey", vouched)
    if vouched is None:
        journey, stop = _validated(data, place, found)
        if stop:
            result.diagnostics = found
            return result
    for loc, key in format_1_1_keys(data):
        found.append(
            place.at(
                SCHEMA,
                loc,
                f"'{key}' is new in format 1.1: write 'journeymap: 1.1' at the top of the file "
                "to use it",
                "key",
                source="schema",
            )
        )
    found += references.check(data, place)
    result.diagnostics = sorted(set(found), key=Diagnostic.sort_key)
    if not result.diagnostics:
        result.journey = journey
    return result


def _validated(
    data: dict[str, Any], place: Placer, found: list[Diagnostic]
) -> tuple[Journey | None, bool]:
    """The model, or None with pydantic's errors added to `found` as sentences; True
    when the format version itself is wrong (nothing else can be judged then)."""
    from pydantic import ValidationError

    from journeymap.load.messages import humanise
    from journeymap.model.journey import Journey

    try:
        return Journey.model_validate(data), False
    except ValidationError as exc:
        allowed = _allowed_keys()
        for error in exc.errors(include_url=False):
            loc, target, message, hint = humanise(error, data, allowed)
            found.append(place.at(SCHEMA, loc, message, target, source="schema", hint=hint))
            if tuple(error["loc"]) == ("journeymap",):
                return None, True
    return None, False


def load_file(
    path: Path, limits: Limits | None = None, display: str | None = None, model: bool = True
) -> JourneyFile:
    limits = limits or Limits.from_env()
    shown = display if display is not None else str(path)
    text = read_text(path, limits, shown)
    if isinstance(text, Diagnostic):
        return JourneyFile(shown, None, [text], unreadable=text.source == "file")
    return load_text(shown, text, limits, model)


def _table_message(table: str) -> str:
    """A spreadsheet's CSV given as a journey: what it is and what to write instead."""
    return (
        f"not a journey file: {table}, not YAML; write the journey as a journey file "
        "('journeymap: 1', stages, steps: see the README's format reference)"
    )
