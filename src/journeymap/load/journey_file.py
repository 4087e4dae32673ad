"""Loading one journey file: every problem found, each placed at its line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from journeymap.diagnostics import NOT_A_JOURNEY, SCHEMA, UNREADABLE, Diagnostic
from journeymap.load import references
from journeymap.load.limits import Limits
from journeymap.load.messages import humanise
from journeymap.load.positions import Loc, Target, locate
from journeymap.load.source import SourceProblem, read_text
from journeymap.load.versions import format_1_1_keys
from journeymap.load.yamldoc import parse
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


@cache
def _allowed_keys() -> dict[tuple[str | int, ...], tuple[str, ...]]:
    """Keys allowed at each path of string segments, for "did you mean" hints."""
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


def _diag(path: str, line: int, column: int, kind: tuple[str, str], message: str) -> Diagnostic:
    return Diagnostic(path, line, column, kind[0], kind[1], message)


def load_text(path: str, text: str, limits: Limits | None = None) -> JourneyFile:
    limits = limits or Limits.from_env()
    parsed = parse(text, limits)
    result = JourneyFile(path, None, root=parsed.root, text=text)
    if parsed.problems and parsed.data is None:
        result.diagnostics = [
            _diag(path, p.line, p.column, p.kind, p.message) for p in parsed.problems
        ]
        return result
    data = parsed.data
    found = [_diag(path, p.line, p.column, p.kind, p.message) for p in parsed.problems]

    def at(loc: Loc, target: Target, kind: tuple[str, str], message: str) -> None:
        line, column = locate(parsed.root, loc, target)
        found.append(_diag(path, line, column, kind, message))

    if data is None:
        at((), "value", NOT_A_JOURNEY, "empty file: a journey file starts with 'journeymap: 1'")
        result.diagnostics = found
        return result
    if not isinstance(data, dict) or "journeymap" not in data:
        shape = (
            "a mapping without a 'journeymap' key"
            if isinstance(data, dict)
            else ("a list" if isinstance(data, list) else "a single value")
        )
        at(
            (),
            "value",
            NOT_A_JOURNEY,
            f"not a journey file: the top level is {shape}; "
            "a journey file starts with 'journeymap: 1' (other YAML in a folder: --exclude it)",
        )
        result.diagnostics = found
        return result

    journey: Journey | None = None
    try:
        journey = Journey.model_validate(data)
    except ValidationError as exc:
        allowed = _allowed_keys()
        for error in exc.errors(include_url=False):
            loc, target, message = humanise(error, data, allowed)
            at(loc, target, SCHEMA, message)
            if tuple(error["loc"]) == ("journeymap",):
                result.diagnostics = found
                return result
    for loc, key in format_1_1_keys(data):
        at(
            loc,
            "key",
            SCHEMA,
            f"'{key}' is new in format 1.1: write 'journeymap: 1.1' at the top of the file "
            "to use it",
        )
    for problem in references.check(data):
        at(problem.loc, problem.target, problem.kind, problem.message)
    result.diagnostics = sorted(set(found), key=Diagnostic.sort_key)
    if not result.diagnostics:
        result.journey = journey
    return result


def load_file(path: Path, limits: Limits | None = None, display: str | None = None) -> JourneyFile:
    limits = limits or Limits.from_env()
    shown = display if display is not None else str(path)
    text = read_text(path, limits)
    if isinstance(text, SourceProblem):
        return JourneyFile(
            shown,
            None,
            [_diag(shown, text.line or 1, text.column or 1, UNREADABLE, text.message)],
            unreadable=text.os_error,
        )
    return load_text(shown, text, limits)
