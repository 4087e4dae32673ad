"""What a rule may read from the configuration, and how a rule declares an option.

Each rule module declares the options it reads (`Option`: key, default, range, why) and
passes them to `@rule(..., options=...)`, as yamllint's rule modules carry CONF and
DEFAULT. The loader (journeymap.lint.config) validates a file against the options the
registry collects; the rules import only this module, never the loader.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from journeymap.diagnostics import Severity


class ConfigError(Exception):
    """A configuration the linter cannot honour: a usage error, exit code 2."""


@dataclass(frozen=True, slots=True)
class Option:
    """A whole-number setting of a rule, under `thresholds` in the configuration.

    `low` and `high` bound what the value can mean (a count of at least one, or a value
    on its score's scale); `doc` says what it measures, for docs/rules.md.
    """

    key: str
    default: int
    low: int
    high: int
    doc: str


def today() -> date:
    """The day rules age figures against: JOURNEYMAP_TODAY (ISO date) pins it for tests and
    reproducible CI runs, as SOURCE_DATE_EPOCH pins build dates."""
    pinned = os.environ.get("JOURNEYMAP_TODAY", "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise ConfigError(
            f"JOURNEYMAP_TODAY={pinned!r} is not a date; write it like 2026-12-01"
        ) from None


@dataclass(frozen=True, slots=True)
class LintConfig:
    """What the rules may read: thresholds and word lists; and what the linter applies.

    `thresholds` holds the values a configuration sets; an option it does not set reads
    as the default its rule declares.
    """

    source: str | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = "error"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    thresholds: Mapping[str, int] = field(default_factory=dict)
    internal_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    company_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    allowed_words: tuple[str, ...] = ()
    today: date = field(default_factory=today)

    def value(self, option: Option) -> int:
        return self.thresholds.get(option.key, option.default)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)
