"""The rules' documentation: complete for every rule, and docs/rules.md never stale."""

from __future__ import annotations

import pytest

from journeymap.lint.registry import all_rules
from journeymap.lint.rule import Rule
from tests.conftest import ROOT, invoke


def test_docs_rules_md_is_up_to_date() -> None:
    generated = invoke("rules", "--format", "markdown").stdout
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == generated, (
        "docs/rules.md is stale: run `journeymap rules --format markdown > docs/rules.md`"
    )


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_is_documented_with_bad_and_good_examples_in_both_languages(
    rule: Rule,
) -> None:
    assert rule.code[:2] == "JM" and len(rule.code) == 5
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.summary.endswith((".", "?")), rule.summary
    for label in ("Bad (fr):", "Good (fr):", "Bad (en):", "Good (en):"):
        assert label in rule.doc, f"{rule.code} lacks {label}"


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.options], ids=lambda r: r.code)
def test_each_rules_options_are_documented_under_it(rule: Rule) -> None:
    """docs/rules.md tells, in the rule's own section, the options it reads and their bounds."""
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = current.split(f'<a id="{rule.code.lower()}"></a>')[1].split("\n### ")[0]
    for option in rule.options:
        assert option.low <= option.default <= option.high, option.key
        assert (
            f"- `{option.key}` (default {option.default}, from {option.low} to {option.high})"
            in section
        )
