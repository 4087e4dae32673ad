"""The diagnostics reporters, looked up by format name.

Reporters are imported by name only when chosen, so that `rich` is never loaded for
`--format json` and never at all for `--help`. The table lives apart from
journeymap.output.report, which every reporter imports, so that no module both names
the reporters and is imported by them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the command line reads ReportFormat at start-up, before any record
    from journeymap.output.report import Reporter

ReportFormat = Literal["text", "json", "github", "sarif"]

_REPORTERS: dict[ReportFormat, str] = {
    "text": "journeymap.output.text_report:TextReporter",
    "json": "journeymap.output.json_report:JsonReporter",
    "github": "journeymap.output.github_report:GithubReporter",
    "sarif": "journeymap.output.sarif_report:SarifReporter",
}


def reporter(name: ReportFormat) -> Reporter:
    module_name, _, class_name = _REPORTERS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    instance: Reporter = cls()
    return instance
