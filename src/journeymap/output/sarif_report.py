"""SARIF 2.1.0, the format GitHub code scanning and most CI dashboards import.

URIs are relative to the working directory with the `%SRCROOT%` base, which is what
code scanning resolves against the repository root when the linter runs there; the
driver lists every rule so that alerts show each rule's documentation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from journeymap import __version__
from journeymap.diagnostics import Diagnostic
from journeymap.output.report import Report, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/journeymap/"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str, root: Path | None = None) -> dict[str, str]:
    """A repo-relative URI under %SRCROOT%, or an absolute file URI outside the root."""
    base = (root or Path.cwd()).resolve()
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def _rule(info: RuleInfo) -> dict[str, Any]:
    full = info.doc.split("\n\n")[0].replace("\n", " ") if info.doc else info.summary
    entry: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{info.summary}\n\n{info.doc}".strip(),
            "markdown": f"**{info.summary}**\n\n{info.doc}".strip(),
        },
        "defaultConfiguration": {"level": _LEVELS.get(info.severity, "warning")},
    }
    if info.help_uri:
        entry["helpUri"] = info.help_uri
    return entry


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(d.path)}
    if d.line > 0:
        physical["region"] = {"startLine": d.line, "startColumn": max(d.column, 1)}
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": physical}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    rules = list(report.rules)
    known = {r.code for r in rules}
    rules.extend(
        RuleInfo(d.code, d.name, d.message, d.severity)
        for d in {d.code: d for d in report.diagnostics if d.code not in known}.values()
    )
    index = {info.code: position for position, info in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "journeymap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(info) for info in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in report.diagnostics],
            }
        ],
    }


class SarifReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        json.dump(sarif_log(report), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
