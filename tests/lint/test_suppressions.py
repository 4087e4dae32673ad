"""Inline suppressions: where a comment applies, and suppressions that suppress nothing."""

from __future__ import annotations

from journeymap.lint.config import LintConfig
from tests.lint.base import BASE_FR, lint_text

STEP = "        text: Je commande mon vélo sur le site"
BAD = "        text: Nous livrons le vélo"


def _lint(text: str, config: LintConfig | None = None) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_text(text, config)]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_offending_line_is_reported_without_suppression() -> None:
    text = BASE_FR.replace(STEP, BAD)
    assert _lint(text) == [(_line_of(text, "Nous livrons"), "JM402")]


def test_a_trailing_comment_suppresses_its_line_by_code_or_name() -> None:
    for key in ("JM402", "company-voice", "jm402"):
        text = BASE_FR.replace(STEP, f"{BAD}  # journeymap: disable={key} -- survey wording")
        assert _lint(text) == []


def test_a_comment_alone_applies_to_the_next_content_line() -> None:
    comment = "        # journeymap: disable=JM402\n        # (the survey's own words)\n\n"
    assert _lint(BASE_FR.replace(STEP, comment + BAD)) == []


def test_a_trailing_comment_does_not_reach_the_next_line() -> None:
    text = BASE_FR.replace(STEP, BAD).replace(
        "      - id: commande", "      - id: commande  # journeymap: disable=JM402"
    )
    line = _line_of(text, "Nous livrons")
    assert _lint(text) == sorted([(line - 1, "JM901"), (line, "JM402")])


def test_disable_file_applies_everywhere_and_lists_several_rules() -> None:
    text = BASE_FR.replace(STEP, BAD).replace("persona: {name: Cycliste urbaine}\n", "")
    assert {code for _, code in _lint(text)} == {"JM402", "JM105"}
    assert _lint("# journeymap: disable-file=JM402, missing-persona\n" + text) == []


def test_unused_and_unknown_suppressions_are_reported_at_the_comment() -> None:
    text = "# journeymap: disable-file=JM402,JM4O2\n" + BASE_FR
    found = lint_text(text)
    assert [(d.line, d.column, d.code, d.severity) for d in found] == [
        (1, 1, "JM901", "warning"),
        (1, 1, "JM902", "error"),
    ]
    assert "suppression of JM402 (company-voice) is unused" in found[0].message
    assert "'JM4O2', which is not a rule" in found[1].message


def test_validity_codes_cannot_be_suppressed() -> None:
    found = lint_text("# journeymap: disable-file=JM006\n" + BASE_FR)
    assert [d.code for d in found] == ["JM902"]


def test_no_unused_report_for_a_rule_the_configuration_turned_off() -> None:
    text = BASE_FR.replace(STEP, f"{BAD}  # journeymap: disable=JM402")
    assert _lint(text, LintConfig(ignore=("JM4",))) == []
    assert (
        _lint("# journeymap: disable-file=JM402\n" + BASE_FR, LintConfig(ignore=("JM901",))) == []
    )


def test_a_hash_glued_to_a_word_is_not_a_comment() -> None:
    # As in YAML, '#' starts a comment only after a space: this is text, not a suppression.
    text = BASE_FR.replace(STEP, '        text: "Je paie#journeymap: disable=JM402"')
    assert _lint(text) == []


def test_suppression_lookalikes_inside_scalars_are_text() -> None:
    text = BASE_FR.replace(STEP, '        text: "Je paie # journeymap: disable=JM402"').replace(
        "title: Achat d'un vélo de ville\n",
        "title: Achat d'un vélo de ville\nnotes: |\n  Exemple :\n"
        "  # journeymap: disable-file=JM105\n",
    )
    assert _lint(text) == []
