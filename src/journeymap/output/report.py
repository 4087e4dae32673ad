"""The one interface every diagnostics format implements.

The reporters import this module; the lookup by format name is in
journeymap.output.reporters, so that this module never names them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from journeymap.diagnostics import Diagnostic, Suppressed
from journeymap.diagnostics import RuleInfo as RuleInfo
from journeymap.diagnostics import validity_rules as validity_rules


@dataclass(frozen=True, slots=True)
class Report:
    diagnostics: Sequence[Diagnostic]
    files_checked: int
    command: str
    rules: Sequence[RuleInfo] = field(default_factory=tuple)
    suppressed: Sequence[Suppressed] = field(default_factory=tuple)
    """Findings silenced inline: SARIF reports them with their justification."""


class Reporter(Protocol):
    def write(self, report: Report, stream: TextIO) -> None: ...


def pluralise(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
