"""Every rule, found by code or name; the family modules are imported only when asked for.

`journeymap --help` and `validate` never pay for the rules; `lint` and `rules` import
them once.
"""

from __future__ import annotations

import importlib
from functools import cache

from journeymap.diagnostics import RuleInfo, rule_url, validity_rules
from journeymap.lint.rule import Option, Rule

FAMILY_MODULES = (
    "journeymap.lint.rules.scope",
    "journeymap.lint.rules.stakeholders",
    "journeymap.lint.rules.internal",
    "journeymap.lint.rules.voice",
    "journeymap.lint.rules.simplify",
    "journeymap.lint.rules.diagnosis",
    "journeymap.lint.rules.feedback",
    "journeymap.lint.rules.blueprint",
    "journeymap.lint.rules.meta",
)

FAMILY_TITLES = {
    "JM1": "Rule 1: define the scope",
    "JM2": "Rule 2: involve every department",
    "JM3": "Rule 3: only steps that mean something to the customer",
    "JM4": 'Rule 4: the customer\'s "je"',
    "JM5": "Rule 5: simplify",
    "JM6": "The touchpoint diagnosis",
    "JM7": "Feedback metrics: recent, sourced, enough answers",
    "JM8": "Blueprint and governance (format 1.1)",
    "JM9": "The linter's own checks",
}

FAMILY_TAGS = {
    "JM1": "scope",
    "JM2": "stakeholders",
    "JM3": "customer-meaningful-steps",
    "JM4": "customer-voice",
    "JM5": "simplicity",
    "JM6": "touchpoint-diagnosis",
    "JM7": "feedback-metrics",
    "JM8": "blueprint-governance",
    "JM9": "suppressions",
}
"""The family of each rule as a tag that code scanning can filter alerts on."""


@cache
def all_rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for module_name in FAMILY_MODULES:
        module = importlib.import_module(module_name)
        found.extend(value for value in vars(module).values() if isinstance(value, Rule))
    return tuple(sorted(found, key=lambda r: r.code))


@cache
def options() -> dict[str, Option]:
    """Every option the rules declare, by key, in the order of the rules that read it.

    Rules that read the same option (JM603 and JM604 both judge a poor score) declare
    the same Option object; two different declarations of one key are a programming error.
    """
    found: dict[str, Option] = {}
    for r in all_rules():
        for option in r.options:
            if found.setdefault(option.key, option) != option:
                raise AssertionError(f"{r.code} redeclares the option {option.key!r}")
    return found


def find(key: str) -> Rule | None:
    """The rule with this code (any case) or name."""
    wanted = key.strip()
    for candidate in all_rules():
        if wanted.upper() == candidate.code or wanted.lower() == candidate.name:
            return candidate
    return None


def select(selector: str) -> tuple[Rule, ...]:
    """Rules named by a selector: a code, a name, a family prefix such as 'JM4', or 'ALL'."""
    key = selector.strip()
    if key.upper() == "ALL":
        return all_rules()
    single = find(key)
    if single is not None:
        return (single,)
    prefix = key.upper()
    if len(prefix) >= 3 and prefix.startswith("JM"):
        return tuple(r for r in all_rules() if r.code.startswith(prefix))
    return ()


def rule_infos() -> tuple[RuleInfo, ...]:
    """The catalogue reporters show (SARIF's driver rules): validity codes, then lint rules."""
    return validity_rules() + tuple(
        RuleInfo(
            r.code,
            r.name,
            r.summary,
            r.severity,
            help_uri=rule_url(r.code),
            doc=r.doc,
            tags=("customer-journey", FAMILY_TAGS.get(r.family, r.family.lower())),
        )
        for r in all_rules()
    )
