"""The one diagnostic record: every check makes it, filled with what that check knows.

Reporters print only code, place and message (the outputs are pinned byte for byte by
the CLI tests); these tests pin what the record carries beyond them: which check spoke,
the span of the offending node and the hint, through the real loader and linter.
"""

from __future__ import annotations

from pathlib import Path

from journeymap.diagnostics import Diagnostic
from journeymap.lint.config import LintConfig
from journeymap.lint.linter import lint_journey_file
from journeymap.load.journey_file import load_file, load_text

ROOT = Path(__file__).resolve().parent.parent
VESTE = (ROOT / "examples" / "veste-hiver.yaml").read_text(encoding="utf-8")


def _spanned(text: str, d: Diagnostic) -> str:
    """The text a single-line diagnostic's span covers."""
    assert d.end_line == d.line, d
    return text.splitlines()[d.line - 1][d.column - 1 : d.end_column - 1]


def test_every_check_names_itself_and_the_file() -> None:
    text = (
        VESTE.replace("channel: site", "channel: sitee", 1)
        .replace("emotion: 1", "emotion: 9", 1)
        .replace("id: veste-hiver", "id: veste-hiver\nid: veste-hiver", 1)
    )
    loaded = load_text("parcours.yaml", text)
    sources = {d.code: d.source for d in loaded.diagnostics}
    assert sources == {"JM003": "yaml", "JM006": "schema", "JM007": "references"}
    assert {d.path for d in loaded.diagnostics} == {"parcours.yaml"}


def test_a_wrong_reference_spans_its_value_and_hints_the_closest_id() -> None:
    text = VESTE.replace("channel: site", "channel: sitee", 1)
    (found,) = load_text("j.yaml", text).diagnostics
    assert (found.code, found.hint) == ("JM007", "site")
    assert _spanned(text, found) == "sitee"
    assert found.message.endswith(", sms, livraison")  # the hint is not printed twice


def test_a_breakpoint_hint_is_the_whole_corrected_value() -> None:
    assert "to: email\n" in VESTE
    text = VESTE.replace("to: email\n", "to: froid@emial\n", 1)
    (found,) = load_text("j.yaml", text).diagnostics
    assert (found.source, found.hint) == ("references", "froid@email")
    assert _spanned(text, found) == "froid@emial"


def test_lint_findings_and_validity_errors_are_placed_alike() -> None:
    suppressed = VESTE.replace("id: veste-hiver", "id: veste-hiver  # journeymap: disable=JM999")
    findings = lint_journey_file(load_text("j.yaml", suppressed), LintConfig())
    assert [(d.code, d.source, d.path) for d in findings] == [("JM902", "lint", "j.yaml")]
    misspelt = VESTE.replace("scope:", "scop:", 1)
    (invalid,) = lint_journey_file(load_text("j.yaml", misspelt), LintConfig())
    assert (invalid.code, invalid.source, invalid.hint) == ("JM006", "schema", "scope")
    assert _spanned(misspelt, invalid) == "scop"


def test_only_a_path_the_system_refuses_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "lien.yaml"
    link.symlink_to(tmp_path / "nulle-part.yaml")
    refused = load_file(link)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("journeymap: 1\ntitle: Caf\u00e9\n".encode("latin-1"))
    not_text = load_file(latin, display="shown.yaml")
    assert refused.unreadable and [d.source for d in refused.diagnostics] == ["file"]
    assert not not_text.unreadable
    assert [(d.source, d.path, d.line, d.column) for d in not_text.diagnostics] == [
        ("bytes", "shown.yaml", 2, 11)
    ]


def test_span_hint_and_source_are_not_part_of_its_identity() -> None:
    one = Diagnostic("j.yaml", 3, 5, "JM007", "reference", "m", end_line=3, end_column=9)
    other = Diagnostic("j.yaml", 3, 5, "JM007", "reference", "m", hint="x", source="references")
    assert one == other and len({one, other}) == 1
