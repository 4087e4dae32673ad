"""Inline suppressions written as YAML comments, which the YAML parser drops.

    text: Nous livrons  # journeymap: disable=JM402 -- quoted from the customer survey
    # journeymap: disable=company-voice
    text: Nous livrons
    # journeymap: disable-file=JM202

A comment at the end of a line applies to that line; a comment alone on its line applies
to the next line that is neither blank nor a comment; `disable-file` applies to the whole
file. Codes or names may be listed, comma-separated; text after the list is the reason
(after an optional `--`), which comment lines right after a comment alone on its line
continue; SARIF reports it as the suppression's justification.
A "# journeymap:" inside a quoted or block scalar is text, not a comment: the scalars'
spans from the parsed node tree tell them apart.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Position = tuple[int, int]  # 1-based line, 1-based column

_COMMENT = re.compile(
    r"(?:^|(?<=\s))#\s*journeymap:\s*(?P<kind>disable-file|disable)\s*=\s*"
    r"(?P<keys>[\w-]+(?:\s*,\s*[\w-]+)*)(?P<reason>.*)"
)


# The line breaks YAML counts (str.splitlines would also split on \v and \f, and shift
# every line number after them).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(slots=True)
class Suppression:
    """One key of one comment: per key, so that an unused key is reported on its own."""

    key: str
    line: int
    column: int
    applies_to: int | None  # None: the whole file
    used: bool = field(default=False)
    reason: str = ""


def scalar_spans(root: Node | None) -> Callable[[int, int], bool]:
    """A test of whether a (line, column) lies inside a scalar's text.

    The spans are gathered on the first question only: most files hold no suppression
    comment, and walking every node of a large file costs more than linting it.
    """
    built: list[Callable[[int, int], bool]] = []

    def inside(line: int, column: int) -> bool:
        if not built:
            built.append(_scalar_spans(root))
        return built[0](line, column)

    return inside


def _scalar_spans(root: Node | None) -> Callable[[int, int], bool]:
    spans: list[tuple[Position, Position]] = []
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            start, end = node.start_mark, node.end_mark
            spans.append(((start.line + 1, start.column + 1), (end.line + 1, end.column + 1)))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    spans.sort()
    starts = [span[0] for span in spans]
    # A scalar never contains another, so the last span starting before a point is the
    # only one that can hold it.

    def inside(line: int, column: int) -> bool:
        index = bisect.bisect_right(starts, (line, column)) - 1
        return index >= 0 and spans[index][0] <= (line, column) < spans[index][1]

    return inside


def parse(
    text: str, in_scalar: Callable[[int, int], bool] = lambda line, col: False
) -> list[Suppression]:
    if _COMMENT.search(text) is None:
        return []
    lines = _LINE_BREAK.split(text)
    found: list[Suppression] = []
    pending: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if pending and stripped and not stripped.startswith("#"):
            for suppression in pending:
                suppression.applies_to = number
            pending = []
        match = next(
            (m for m in _COMMENT.finditer(line) if not in_scalar(number, m.start() + 1)), None
        )
        if match is None:
            if pending and stripped.startswith("#"):
                for suppression in pending:
                    if suppression.reason:
                        suppression.reason += " " + stripped.lstrip("#").strip()
            continue
        whole_file = match["kind"] == "disable-file"
        alone = stripped.startswith("#")
        reason = match["reason"].strip().removeprefix("--").strip()
        for key in (k.strip() for k in match["keys"].split(",")):
            suppression = Suppression(
                key, number, match.start() + 1, None if whole_file else number, reason=reason
            )
            found.append(suppression)
            if alone and not whole_file:
                pending.append(suppression)
    for suppression in pending:
        suppression.applies_to = -1  # a trailing comment with no line after it
    return found
