"""One YAML parse that yields both the data and the node tree that locates it.

The C loader is used when PyYAML was built with libyaml (about six times faster); the
composed nodes keep their marks, so error positions never need a second parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeymap.diagnostics import DUPLICATE_KEY, YAML_LIMIT, YAML_SYNTAX
from journeymap.load.limits import Limits

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, slots=True)
class Problem:
    """A located finding before it is tied to a file path; positions are 1-based."""

    line: int
    column: int
    kind: tuple[str, str]
    message: str


class _Loader(_BaseLoader):
    """Safe loader that records duplicate keys instead of silently keeping the last."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[Problem] = []

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], ScalarNode] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == MERGE_TAG:
                continue
            ident = (key_node.tag, key_node.value)
            first = seen.get(ident)
            if first is None:
                seen[ident] = key_node
                continue
            mark = key_node.start_mark
            self.duplicates.append(
                Problem(
                    mark.line + 1,
                    mark.column + 1,
                    DUPLICATE_KEY,
                    f"duplicate key '{key_node.value}' (first defined at line "
                    f"{first.start_mark.line + 1}); YAML would silently keep only the last one: "
                    "remove or rename one of them",
                )
            )
        return super().construct_mapping(node, deep=deep)


_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")


def nesting_bound(text: str) -> int:
    """An upper bound on the nesting depth, in C-speed passes over the text.

    libyaml's composer recurses once per level and overflows the C stack near 100,000
    levels, so depth must be known before composing. Flow collections cost one character
    a level and block collections need their indentation or a compact '- ' prefix; the
    sum of both bounds the depth. Brackets inside quoted strings can only raise the bound.
    """
    brackets = _BRACKETS.findall(text)
    flow = max(accumulate(1 if b in "[{" else -1 for b in brackets), default=0) if brackets else 0
    block = max(map(len, _PREFIX.findall(text)), default=0)
    return flow + 2 * block + 2


def _exact_depth_problem(text: str, limit: int) -> Problem | None:
    """Walk parser events (libyaml's parser is iterative) to find where the limit is crossed."""
    loader = _BaseLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    return Problem(
                        mark.line + 1 if mark else 1,
                        mark.column + 1 if mark else 1,
                        YAML_LIMIT,
                        f"nesting deeper than {limit} levels; a journey needs about ten",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # the real parse reports the syntax error with its position
    finally:
        loader.dispose()
    return None


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, SequenceNode):
        yield from node.value


def _alias_problem(root: Node, limits: Limits) -> Problem | None:
    """Refuse recursive aliases and aliases that expand far beyond the written document.

    Aliases compose as shared references and cost nothing to load, but any walk over the
    data (validation, JSON output, an error message) expands them: a few hundred bytes can
    become gigabytes. Sizes are memoised per node, so the check is linear in the text.
    """
    sizes: dict[int, int] = {}
    ancestors: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    distinct = 0
    while stack:
        node, finished = stack.pop()
        ident = id(node)
        if finished:
            ancestors.discard(ident)
            sizes[ident] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if ident in sizes:
            continue
        if ident in ancestors:
            mark = node.start_mark
            return Problem(
                mark.line + 1,
                mark.column + 1,
                YAML_LIMIT,
                "recursive alias: this anchored node contains an alias to itself; "
                "write the value out instead",
            )
        ancestors.add(ident)
        distinct += 1
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    expanded = sizes[id(root)]
    allowed = max(limits.max_alias_expansion, 4 * distinct)
    if expanded > allowed:
        return Problem(
            1,
            1,
            YAML_LIMIT,
            f"aliases expand {distinct} written nodes to {expanded}, over the limit of {allowed} "
            "(a possible alias bomb); write the repeated values out instead of using '*' aliases",
        )
    return None


@dataclass(slots=True)
class ParsedYaml:
    root: Node | None
    data: Any
    problems: list[Problem] = field(default_factory=list)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"{context}, {problem}" if context else str(problem)
    if "could not determine a constructor for the tag" in message:
        tag = re.search(r"'([^']*)'", message)
        shown = tag.group(1) if tag else "this tag"
        message = f"tag {shown} is not allowed: journey files hold plain data only"
    elif "expected a single document" in message:
        message = "the file holds several YAML documents ('---'); write one journey per file"
    elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        message = f"{message}; indent with spaces, not tabs"
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return Problem(line, column, YAML_SYNTAX, f"invalid YAML: {message}")


def parse(text: str, limits: Limits) -> ParsedYaml:
    if nesting_bound(text) > limits.max_depth:
        deep = _exact_depth_problem(text, limits.max_depth)
        if deep is not None:
            return ParsedYaml(None, None, [deep])
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return ParsedYaml(None, None)
        if "&" in text:
            aliased = _alias_problem(root, limits)
            if aliased is not None:
                return ParsedYaml(root, None, [aliased])
        data = loader.construct_document(root)
        return ParsedYaml(root, data, list(loader.duplicates))
    except yaml.YAMLError as exc:
        return ParsedYaml(None, None, [_syntax_problem(exc, text)])
    except RecursionError:
        return ParsedYaml(
            None, None, [Problem(1, 1, YAML_LIMIT, "the YAML is nested too deeply to read")]
        )
    finally:
        loader.dispose()
