"""The one interface every diagnostics format implements, and the lookup by format name.

Reporters are imported by name only when chosen, so that `rich` is never loaded for
`--format json` and never at all for `--help`.
"""

from __future__ import annotations

import importlib
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


_REPORTERS: dict[str, str] = {
    "text": "journeymap.output.text_report:TextReporter",
    "json": "journeymap.output.json_report:JsonReporter",
    "github": "journeymap.output.github_report:GithubReporter",
    "sarif": "journeymap.output.sarif_report:SarifReporter",
}


def reporter(name: str) -> Reporter:
    module_name, _, class_name = _REPORTERS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    instance: Reporter = cls()
    return instance


def pluralise(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
