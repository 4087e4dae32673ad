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


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about a code (SARIF lists them as the driver's rules)."""

    code: str
    name: str
    summary: str
    severity: str = "error"
    help_uri: str | None = None
    doc: str = ""
    tags: tuple[str, ...] = ()


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


def validity_rules() -> tuple[RuleInfo, ...]:
    """The file-validity codes (JM0xx) as rules, for reporters that list their rules."""
    from journeymap.diagnostics import VALIDITY_CODES, VALIDITY_SUMMARIES, rule_url

    return tuple(
        RuleInfo(
            code,
            name,
            VALIDITY_SUMMARIES[code],
            "error",
            help_uri=rule_url(code),
            tags=("customer-journey", "validity"),
        )
        for code, name in VALIDITY_CODES.values()
    )


def pluralise(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
