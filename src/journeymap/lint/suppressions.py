"""Inline suppressions written as YAML comments, which the YAML parser drops.

    text: Nous livrons  # journeymap: disable=JM402 -- quoted from the customer survey
    # journeymap: disable=company-voice
    text: Nous livrons
    # journeymap: disable-file=JM202

A comment at the end of a line applies to that line; a comment alone on its line applies
to the next line that is neither blank nor a comment; `disable-file` applies to the whole
file. Codes or names may be listed, comma-separated; text after the list is the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(
    r"(?:^|(?<=\s))#\s*journeymap:\s*(?P<kind>disable-file|disable)\s*=\s*"
    r"(?P<keys>[\w-]+(?:\s*,\s*[\w-]+)*)"
)


@dataclass(slots=True)
class Suppression:
    """One key of one comment: per key, so that an unused key is reported on its own."""

    key: str
    line: int
    column: int
    applies_to: int | None  # None: the whole file
    used: bool = field(default=False)


def parse(text: str) -> list[Suppression]:
    lines = text.splitlines()
    found: list[Suppression] = []
    pending: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if pending and stripped and not stripped.startswith("#"):
            for suppression in pending:
                suppression.applies_to = number
            pending = []
        match = _COMMENT.search(line)
        if match is None:
            continue
        whole_file = match["kind"] == "disable-file"
        alone = stripped.startswith("#")
        for key in (k.strip() for k in match["keys"].split(",")):
            suppression = Suppression(
                key, number, match.start() + 1, None if whole_file else number
            )
            found.append(suppression)
            if alone and not whole_file:
                pending.append(suppression)
    for suppression in pending:
        suppression.applies_to = -1  # a trailing comment with no line after it
    return found
