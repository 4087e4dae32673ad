"""The one record every check produces, so that validate and lint share their reporters.

Positions are 1-based as editors show them; line 0 means "the file as a whole" (an
unreadable file has no line to point at).
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymap.severity import SEVERITIES as SEVERITIES
from journeymap.severity import SEVERITY_RANK as SEVERITY_RANK
from journeymap.severity import Severity as Severity
from journeymap.textsafe import CONTROL, visible


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    name: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        # Paths and messages quote file names and journey texts: no control character
        # or undecodable byte may reach a terminal, a GitHub annotation or a report raw.
        if CONTROL.search(self.path):
            object.__setattr__(self, "path", visible(self.path))
        if CONTROL.search(self.message):
            object.__setattr__(self, "message", visible(self.message))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "name": self.name,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding silenced by a `# journeymap: disable=...` comment, kept for the reports
    that record suppressions (SARIF) rather than drop them."""

    diagnostic: Diagnostic
    justification: str
    line: int
    """Where the suppression comment is (1-based line and column)."""
    column: int


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about a code (SARIF lists them as the driver's rules).

    It lives here, below both the linter and the reporters, so that the lint registry
    can describe its rules without reaching up into the output layer.
    """

    code: str
    name: str
    summary: str
    severity: str = "error"
    help_uri: str | None = None
    doc: str = ""
    tags: tuple[str, ...] = ()


RULES_URL = "https://github.com/journeymap/journeymap/blob/main/docs/rules.md"
"""Where each rule's documentation lives, one anchor per code (`#jm402`)."""


def rule_url(code: str) -> str:
    return f"{RULES_URL}#{code.lower()}"


# Codes of the file-validity checks. They share the JM namespace with lint rules
# (family 0) so that SARIF and JSON consumers see one catalogue; they cannot be disabled.
UNREADABLE = ("JM001", "unreadable-file")
YAML_SYNTAX = ("JM002", "yaml-syntax")
DUPLICATE_KEY = ("JM003", "duplicate-key")
YAML_LIMIT = ("JM004", "yaml-limit")
NOT_A_JOURNEY = ("JM005", "not-a-journey")
SCHEMA = ("JM006", "schema")
REFERENCE = ("JM007", "reference")
DUPLICATE_ID = ("JM008", "duplicate-id")

VALIDITY_CODES: dict[str, tuple[str, str]] = {
    code: (code, name)
    for code, name in (
        UNREADABLE,
        YAML_SYNTAX,
        DUPLICATE_KEY,
        YAML_LIMIT,
        NOT_A_JOURNEY,
        SCHEMA,
        REFERENCE,
        DUPLICATE_ID,
    )
}

VALIDITY_SUMMARIES: dict[str, str] = {
    "JM001": "The file cannot be read as UTF-8 text within the size limit.",
    "JM002": "The file is not well-formed YAML.",
    "JM003": "A mapping holds the same key twice (YAML parsers silently keep the last).",
    "JM004": "The YAML exceeds a safety limit (alias expansion, nesting depth).",
    "JM005": "The file is not a journey file (no 'journeymap:' version key).",
    "JM006": "A value does not fit the journey format.",
    "JM007": "A reference names an id that is not declared.",
    "JM008": "An id is declared twice in a file, or a journey id is used by two files.",
}


def validity_rules() -> tuple[RuleInfo, ...]:
    """The file-validity codes (JM0xx) as rules, for reporters that list their rules."""
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
