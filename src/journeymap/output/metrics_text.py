"""What `journeymap metrics import` says: the survey read, then each touchpoint's figures.

Told in the method's words (touchpoint, stage, step, the customer's own sentence) rather
than as a YAML diff, so a CX lead can review an import before `--write`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from pathlib import Path
from typing import Any

from journeymap.metrics.changes import TouchpointChange
from journeymap.metrics.compute import Computation
from journeymap.metrics.readers import Survey

SHAPES = {
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "typeform": "Typeform",
    "google-forms": "Google Forms",
    "csv": "CSV",
    "json": "JSON",
}
LABELS = {"nps": "NPS", "csat": "CSAT", "ces": "CES", "volume": "volume"}
SHOWN_BAD_ROWS = 20


def _value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _separator(sep: str) -> str:
    if len(sep) > 1:  # a workbook's sheet, where a JSON export's responses are
        return sep
    return {"\t": "tab", ",": "','", ";": "';'", "|": "'|'"}.get(sep, repr(sep)) + "-separated"


def survey_lines(survey: Survey, computation: Computation) -> list[str]:
    read = len(survey.rows) + sum(survey.skipped.values()) - survey.skipped["outside the filter"]
    lines = [
        f"{survey.name}: {SHAPES.get(survey.shape, survey.shape)} export, {survey.encoding}, "
        f"{_separator(survey.separator)}, {_plural(read + len(survey.bad), 'answer row')}"
    ]
    if survey.date_order_guessed and survey.date_column is not None:
        first = "day" if survey.date_order == "dmy" else "month"
        lines.append(
            f"  dates in {survey.date_column.label} read {first} first, as the tool writes "
            "them; no date settles it: set date-order in the mapping if that is wrong"
        )
    if survey.date_column is None:
        lines.append(
            "  no date column found: the answers give no period and no filter by date "
            "(name it with date-column in the mapping)"
        )
    if survey.skipped:
        aside = ", ".join(
            f"{count} {why.removesuffix('s') if count == 1 and why.endswith(' rows') else why}"
            for why, count in sorted(survey.skipped.items())
        )
        lines.append(f"  set aside: {aside}")
    if computation.bad:
        lines.append(f"  bad rows: {len(computation.bad)} (not counted)")
        for bad in computation.bad[:SHOWN_BAD_ROWS]:
            lines.append(f"    {survey.name}:{bad.line}: {bad.reason}")
        if len(computation.bad) > SHOWN_BAD_ROWS:
            lines.append(f"    ... and {len(computation.bad) - SHOWN_BAD_ROWS} more")
    return lines


def touchpoint_lines(change: TouchpointChange, min_n: int) -> list[str]:
    channel = change.journey.channel(change.touchpoint.channel)
    channel_name = channel.name if channel else change.touchpoint.channel
    result = change.result
    lines = [
        f"  {change.stage.name} › {change.step.id} @ {channel_name} — {change.step.text}",
        f"    {_plural(result.responses, 'answer')} kept"
        + (f", period {result.period}" if result.period else ""),
    ]
    counts = {f.metric: f.n for f in result.figures}
    for item in change.changes:
        label = LABELS.get(item.key, item.key)
        if item.key in counts:
            detail = f"   n={counts[item.key]}" + (f", {result.period}" if result.period else "")
        else:
            detail = ""
        lines.append(f"    {label:<7} {_value(item.old):>8} -> {_value(item.new)}{detail}")
    changed = {c.key for c in change.changes}
    for figure in result.figures:
        if figure.metric not in changed:
            label = LABELS[figure.metric]
            lines.append(f"    {label:<7} {_value(figure.value):>8} unchanged   n={figure.n}")
    if not change.changes and not result.figures:
        lines.append("    unchanged")
    for figure in result.withheld:
        label = LABELS[figure.metric]
        if figure.n == 0 or math.isnan(figure.value):
            lines.append(f"    not written: {label}, no answer")
        elif figure.why:
            value = _value(figure.value)
            lines.append(f"    not written: {label} {value} on {figure.n} answers: {figure.why}")
        else:
            lines.append(
                f"    not written: {label} {_value(figure.value)} on {figure.n} answers, "
                f"under min-n {min_n}"
            )
    if change.kept and result.figures:
        kept = ", ".join(LABELS[k] for k in change.kept)
        lines.append(
            f"    kept as they were: {kept} (not in this survey; the new source, "
            "period and n describe the figures above only)"
        )
    return lines


def report(
    survey: Survey,
    computation: Computation,
    changes: Sequence[TouchpointChange],
    min_n: int,
    write: bool,
    failed: Set[Path] = frozenset(),
) -> str:
    lines = survey_lines(survey, computation)
    by_file: dict[str, list[TouchpointChange]] = {}
    for change in changes:
        by_file.setdefault(str(change.path), []).append(change)
    for path, items in by_file.items():
        lines += ["", f"{path} ({items[0].journey.id})"]
        for change in items:
            lines += touchpoint_lines(change, min_n)
    touched = [c for c in changes if c.changes]
    done = [c for c in touched if c.path not in failed] if write else touched
    figures = sum(len(c.metric_changes) for c in done)
    files = {c.path for c in done}
    summary = (
        f"{_plural(figures, 'figure')} in {_plural(len(done), 'touchpoint')} of "
        f"{_plural(len(files), 'file')} {'changed' if write else 'would change'}"
    )
    if not write and touched:
        summary += "; --write updates the files"
    if failed:
        summary += f"; {_plural(len(failed), 'file')} not written (see the errors)"
    lines += ["", summary]
    return "\n".join(lines) + "\n"
