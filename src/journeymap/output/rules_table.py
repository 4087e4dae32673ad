"""The table of `journeymap rules`: code, name, severity (coloured), summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table

    from journeymap.lint.rule import Rule

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def rules_table(rules: Iterable[Rule]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("code", "name", "severity", "summary"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        table.add_row(
            rule.code, rule.name, Text(rule.severity, style=STYLES[rule.severity]), rule.summary
        )
    return table
