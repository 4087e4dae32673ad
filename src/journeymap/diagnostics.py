"""The one record every check produces, so that validate and lint share their reporters.

Everything that can be wrong at a place is a `Diagnostic`, whoever finds it: reading the
bytes, the YAML parser and its safety limits, the schema, the references of a file, the
ids across files, a lint rule. Positions are 1-based as editors show them; line 0 means
"the file as a whole" (an unreadable file has no line to point at).

A producer fills what it knows: the YAML parser knows a line but not the file's name
(its loader adds it), the checks of the data know a data path (the loader's `Placer`
turns it into a line and column). Lint rules, which must stay pure functions of the
model, yield a `Finding` (a data path and a sentence) that the linter places; no other
record reaches a reporter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from journeymap.severity import SEVERITIES as SEVERITIES
from journeymap.severity import SEVERITY_RANK as SEVERITY_RANK
from journeymap.severity import Severity as Severity
from journeymap.textsafe import CONTROL, visible

Source = Literal["file", "bytes", "yaml", "schema", "references", "repository", "lint", "import"]
"""Which check found it: the file system refused the path (`file`: the only source that
makes a file unreadable, exit 2), the bytes are not UTF-8 text within the size limit
(`bytes`), the YAML parser or its limits (`yaml`), the format (`schema`), ids and
references in a file (`references`) or across the files of a run (`repository`), a lint
rule or the linter's own checks of suppressions (`lint`), an importer reading another
tool's file (`import`)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something wrong at a place: what (code, name, severity), where, and what to do.

    `message` is the sentence every reporter prints, fix included. `end_line` and
    `end_column` close the span of the offending YAML node when the producer knows it
    (0 otherwise); `hint` is the replacement a tool could offer (the declared id or the
    allowed key closest to an unknown one), empty when there is none; `source` says which
    check found it.
    Those last four describe the diagnostic rather than identify it: two diagnostics with
    the same place, code and message are one, whatever their spans (`compare=False`).
    The end is exclusive: `end_column` is the column just after the node, as SARIF's
    `endColumn`.
    """

    path: str
    line: int
    column: int
    code: str
    name: str
    message: str
    severity: Severity = "error"
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    hint: str = field(default="", compare=False)
    source: Source = field(default="lint", compare=False)

    def __post_init__(self) -> None:
        # Paths and messages quote file names and journey texts: no control character
        # or undecodable byte may reach a terminal, a GitHub annotation or a report raw.
        if CONTROL.search(self.path):
            object.__setattr__(self, "path", visible(self.path))
        if CONTROL.search(self.message):
            object.__setattr__(self, "message", visible(self.message))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def in_file(self, path: str) -> Diagnostic:
        """The same diagnostic in the file `path`, for producers that read text, not files."""
        return Diagnostic(
            path,
            self.line,
            self.column,
            self.code,
            self.name,
            self.message,
            self.severity,
            self.end_line,
            self.end_column,
            self.hint,
            self.source,
        )

    def has_span(self) -> bool:
        """Whether the producer knew where the offending node ends."""
        return self.line > 0 and self.end_line > 0

    def on_one_line(self) -> bool:
        """Whether the span is within one line: what a replacement or a column range needs."""
        return self.has_span() and self.end_line == self.line

    def as_dict(self) -> dict[str, str | int | None]:
        """What the JSON report writes of it: the span's end (exclusive, as SARIF's
        `endColumn`) and the hint are null when unknown; its source is not printed."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.has_span() else None,
            "end_column": self.end_column if self.has_span() else None,
            "severity": self.severity,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "hint": self.hint or None,
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


def _validity(code: str, name: str, summary: str) -> RuleInfo:
    return RuleInfo(
        code,
        name,
        summary,
        "error",
        help_uri=rule_url(code),
        tags=("customer-journey", "validity"),
    )


# The file-validity checks. They share the JM namespace with lint rules (family 0) so
# that SARIF and JSON consumers see one catalogue; they cannot be disabled.
UNREADABLE = _validity(
    "JM001", "unreadable-file", "The file cannot be read as UTF-8 text within the size limit."
)
YAML_SYNTAX = _validity("JM002", "yaml-syntax", "The file is not well-formed YAML.")
DUPLICATE_KEY = _validity(
    "JM003",
    "duplicate-key",
    "A mapping holds the same key twice (YAML parsers silently keep the last).",
)
YAML_LIMIT = _validity(
    "JM004", "yaml-limit", "The YAML exceeds a safety limit (alias expansion, nesting depth)."
)
NOT_A_JOURNEY = _validity(
    "JM005",
    "not-a-journey",
    "The file is not a journey file (no 'journeymap:' version key).",
)
SCHEMA = _validity("JM006", "schema", "A value does not fit the journey format.")
REFERENCE = _validity("JM007", "reference", "A reference names an id that is not declared.")
DUPLICATE_ID = _validity(
    "JM008",
    "duplicate-id",
    "An id is declared twice in a file, or a journey id is used by two files.",
)

VALIDITY: tuple[RuleInfo, ...] = (
    UNREADABLE,
    YAML_SYNTAX,
    DUPLICATE_KEY,
    YAML_LIMIT,
    NOT_A_JOURNEY,
    SCHEMA,
    REFERENCE,
    DUPLICATE_ID,
)


def _import_check(code: str, name: str, summary: str, severity: str) -> RuleInfo:
    return RuleInfo(
        code, name, summary, severity, help_uri=rule_url(code), tags=("customer-journey", "import")
    )


# What `journeymap import` says of another tool's file. An unreadable source is JM001 and
# a broken YAML one JM002, as for a journey file.
UNKNOWN_SOURCE = _import_check(
    "JM009",
    "unknown-source",
    "The file is neither a Mermaid journey diagram nor Enablement Map Studio YAML.",
    "error",
)
NOTHING_TO_IMPORT = _import_check(
    "JM010",
    "nothing-to-import",
    "The file holds no journey to import (no diagram, no task, no customer journey).",
    "error",
)
IMPORTED_APPROXIMATELY = _import_check(
    "JM011",
    "imported-approximately",
    "Something was imported approximately (a score clamped) or left out (a line skipped).",
    "warning",
)

IMPORT: tuple[RuleInfo, ...] = (UNKNOWN_SOURCE, NOTHING_TO_IMPORT, IMPORTED_APPROXIMATELY)


def validity_rules() -> tuple[RuleInfo, ...]:
    """The file-validity codes (JM0xx) as rules, for reporters that list their rules."""
    return VALIDITY


def diagnostic(
    check: RuleInfo,
    message: str,
    line: int = 1,
    column: int = 1,
    *,
    source: Source,
    path: str = "",
) -> Diagnostic:
    """A validity diagnostic at a line and column, for checks that read text, not data."""
    return Diagnostic(path, line, column, check.code, check.name, message, source=source)
