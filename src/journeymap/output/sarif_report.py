"""SARIF 2.1.0, the format GitHub code scanning and most CI dashboards import.

What code scanning needs to place and track alerts:
- URIs relative to the repository root (the git work tree holding the working
  directory, else the working directory) under the `%SRCROOT%` base, declared in
  `originalUriBaseIds`, so that an alert lands on the right file whichever folder the
  linter ran from;
- `partialFingerprints` from the rule, the file and the message (which names the stage,
  step or channel), never the line, so that an alert survives lines moving above it;
- every rule with its documentation, `helpUri` and tags;
- findings silenced by a comment, reported with `suppressions` and their justification
  instead of dropped, so that the silencing itself is reviewable.

Each result's region closes with `endLine` and `endColumn` (exclusive) where the check
knew the node's span; a hint (the declared id or allowed key closest to a wrong one)
becomes a `fix` replacing that scalar, which SARIF viewers in editors offer as a quick
fix (VS Code's SARIF Viewer since https://github.com/microsoft/sarif-vscode-extension/pull/347).
GitHub code scanning reads the region's end and shows `message.text`, which already says
the fix ("did you mean 'appli'?"); `fixes` is not among the result properties it uses
(https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from journeymap import __version__
from journeymap.diagnostics import Diagnostic, Suppressed
from journeymap.load.source import exists
from journeymap.output.report import Report, RuleInfo

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/journeymap/"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "journeymap/v1"
"""Our key in `partialFingerprints`; `primaryLocationLineHash` is GitHub's own, which its
upload action computes from the line's text."""
_LINE_NUMBER = re.compile(r"\bline \d+")


def repository_root(start: Path | None = None) -> Path:
    """The git work tree holding `start` (default: the working directory), else `start`.

    Found by walking up to a `.git` folder, or file (worktrees, submodules), rather than
    by running git, which may not be installed where the linter runs.
    """
    here = Path(os.path.realpath(start or Path.cwd()))
    for folder in (here, *here.parents):
        if exists(folder / ".git"):
            return folder
    return here


def artifact_location(path: str, root: Path | None = None) -> dict[str, str]:
    """A repo-relative URI under %SRCROOT%, or an absolute file URI outside the root."""
    base = Path(os.path.realpath(root or repository_root()))
    absolute = Path(os.path.realpath(path))
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
    if info.tags:
        entry["properties"] = {"tags": list(info.tags)}
    return entry


def _region(line: int, column: int, end: tuple[int, int] | None = None) -> dict[str, int]:
    region = {"startLine": line, "startColumn": max(column, 1)}
    if end is not None:
        region["endLine"], region["endColumn"] = end
    return region


def _location(
    path: str, root: Path, line: int, column: int, end: tuple[int, int] | None = None
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(path, root)}
    if line > 0:
        physical["region"] = _region(line, column, end)
    return {"physicalLocation": physical}


def _end(d: Diagnostic) -> tuple[int, int] | None:
    return (d.end_line, d.end_column) if d.has_span() else None


def _fix(d: Diagnostic, artifact: dict[str, str]) -> dict[str, Any]:
    """The hint as SARIF's `fix`: the offending scalar replaced by the declared id or the
    allowed key closest to it. Only for a span on one line (a scalar, never a block)."""
    return {
        "description": {"text": f"Replace with '{d.hint}'"},
        "artifactChanges": [
            {
                "artifactLocation": artifact,
                "replacements": [
                    {
                        "deletedRegion": _region(d.line, d.column, _end(d)),
                        "insertedContent": {"text": d.hint},
                    }
                ],
            }
        ],
    }


def fingerprint(d: Diagnostic, uri: str) -> str:
    """The finding's identity without its position: rule, file and message (line numbers
    quoted in a message, such as a duplicate key's first place, are left out)."""
    message = _LINE_NUMBER.sub("line", d.message)
    return hashlib.sha256("\0".join((d.code, uri, message)).encode("utf-8")).hexdigest()[:32]


class _Results:
    """Results in report order; identical findings in one file are told apart by their
    rank (`hash:2`), as CodeQL does."""

    def __init__(self, index: dict[str, int], root: Path) -> None:
        self.index = index
        self.root = root
        self.seen: Counter[str] = Counter()
        self.results: list[dict[str, Any]] = []

    def add(self, d: Diagnostic, suppressed: Suppressed | None = None) -> None:
        location = _location(d.path, self.root, d.line, d.column, _end(d))
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        key = fingerprint(d, uri)
        self.seen[key] += 1
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT: f"{key}:{self.seen[key]}"},
        }
        if d.code in self.index:
            result["ruleIndex"] = self.index[d.code]
        if d.hint and d.on_one_line():
            result["fixes"] = [_fix(d, artifact)]
        if suppressed is not None:
            entry: dict[str, Any] = {
                "kind": "inSource",
                "location": _location(d.path, self.root, suppressed.line, suppressed.column),
            }
            if suppressed.justification:
                entry["justification"] = suppressed.justification
            result["suppressions"] = [entry]
        self.results.append(result)

    def add_all(self, found: Iterable[Diagnostic]) -> None:
        for d in found:
            self.add(d)


def sarif_log(report: Report, root: Path | None = None) -> dict[str, Any]:
    """The log of one run; URIs relative to `root` (default: the repository root)."""
    base = Path(os.path.realpath(root or repository_root()))
    rules = list(report.rules)
    known = {r.code for r in rules}
    rules.extend(
        RuleInfo(d.code, d.name, d.message, d.severity)
        for d in {d.code: d for d in report.diagnostics if d.code not in known}.values()
    )
    index = {info.code: position for position, info in enumerate(rules)}
    results = _Results(index, base)
    results.add_all(report.diagnostics)
    for silenced in report.suppressed:
        results.add(silenced.diagnostic, silenced)
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
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results.results,
            }
        ],
    }


class SarifReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        json.dump(sarif_log(report), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
