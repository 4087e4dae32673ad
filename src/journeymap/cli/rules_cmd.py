"""`journeymap rules`."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.options import Command


class RulesFormat(StrEnum):
    table = "table"
    markdown = "markdown"


def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            metavar="RULE", help="A rule code (JM401) or name (company-voice) to document."
        ),
    ] = None,
    output_format: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", help="table for the terminal, markdown for docs/rules.md."),
    ] = RulesFormat.table,
) -> None:
    """List the lint rules (code, name, severity, summary), or document one of them."""
    from rich.console import Console

    from journeymap.lint.docs import markdown, rule_text
    from journeymap.lint.registry import all_rules, find
    from journeymap.output.rules_table import rules_table

    if output_format is RulesFormat.markdown:
        sys.stdout.write(markdown())
        return
    console = Console(highlight=False, emoji=False, soft_wrap=rule is not None)
    if rule is not None:
        found = find(rule)
        if found is None:
            exits.fail(f"unknown rule {rule!r}; `journeymap rules` lists codes and names")
        console.print(rule_text(found), markup=False, end="")
        return
    console.print(rules_table(all_rules()))


def register(app: typer.Typer) -> None:
    app.command("rules", cls=Command)(rules)
