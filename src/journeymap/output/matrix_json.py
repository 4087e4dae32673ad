"""The matrix as JSON for scripts: one record per touchpoint, plus summaries and gaps.

Records are flat enough for `jq` (`.journeys[].touchpoints[] | select(.metrics.csat < 50)`)
and carry every figure, whatever `--metric` the text view uses. Stage figures follow the
footer rule (total volume, volume-weighted means); `null` means "not measured", never 0.

A shared moment names each journey's touchpoints by their position in that journey's
`touchpoints` list instead of copying the records: with a thousand journeys sharing a
moment, copies made the output many times the size of the input. The document is
compact and written one journey at a time (the C encoder, nothing held but the current
journey's records); `indent` is for people reading it, and costs the pure-Python encoder.
The shape is described by `schemas/matrix.schema.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from journeymap.model.journey import NEW_IN_1_1, Journey, Stage, Step
from journeymap.views.compare import Comparison, Side
from journeymap.views.matrix import Entry
from journeymap.views.matrix_report import MatrixReport, Sheet
from journeymap.views.metrics import METRIC_NAMES
from journeymap.views.priorities import Priority, priority

FORMAT_VERSION = 2


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 4)


def touchpoint_record(journey: Journey, entry: Entry) -> dict[str, Any]:
    journey_id = journey.id
    tp = entry.touchpoint
    ranked = priority(entry)
    return {
        "journey": journey_id,
        "stage": entry.stage.id,
        "stage_name": entry.stage.name,
        "phase": entry.stage.phase,
        "step": entry.step.id,
        "step_text": entry.step.text,
        "channel": entry.channel.id,
        "channel_name": entry.channel.name,
        "channel_kind": entry.channel.kind,
        "touchpoint": tp.name,
        "owner": tp.owner,
        "moments": {
            "moment_of_truth": entry.step.moment_of_truth,
            "shared": entry.shared,
            "delights": [d.text for d in tp.delights],
            "irritants": [{"text": i.text, "category": i.category} for i in tp.irritants],
            "breakpoints": [{"text": b.text, "kind": b.kind, "to": b.to} for b in tp.breakpoints],
        },
        "metrics": {m: _number(entry.value(m)) for m in METRIC_NAMES},
        "metrics_source": tp.metrics.source if tp.metrics else None,
        "dissatisfaction": _number(ranked.dissatisfaction) if ranked else None,
        "priority": _number(ranked.score) if ranked else None,
        **(_provenance(entry) if journey.version == "1.1" else {}),
    }


def _new_fields(item: Journey | Stage | Step) -> dict[str, Any]:
    """Every format 1.1 field of an item, set or not (a stable shape for scripts)."""
    names = NEW_IN_1_1[type(item)]
    dumped = item.model_dump(mode="json", include=set(names))
    return {name: dumped[name] for name in type(item).model_fields if name in dumped}


def _blueprint(journey: Journey) -> dict[str, Any]:
    """Format 1.1 content: governance, stage and step fields, lanes, opportunities.

    Only written for format 1.1 journeys, so the JSON of a format-1 file is unchanged.
    """
    return {
        **_new_fields(journey),
        "stages": [{"id": stage.id, **_new_fields(stage)} for stage in journey.stages],
        "steps": [
            {"id": step.id, "stage": stage.id, **_new_fields(step)}
            for _, stage, _, step in journey.iter_steps()
        ],
    }


def _provenance(entry: Entry) -> dict[str, Any]:
    metrics = entry.touchpoint.metrics
    if metrics is None:
        return {}
    return {
        "metrics_provenance": metrics.model_dump(
            mode="json", include={"source", "period", "n", "method", "kpis"}
        )
    }


def _priority(item: Priority, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "stage": item.entry.stage.id,
        "step": item.entry.step.id,
        "channel": item.entry.channel.id,
        "volume": item.volume,
        "shares": {name: _number(share) for name, share in item.shares.items()},
        "dissatisfaction": _number(item.dissatisfaction),
        "priority": _number(item.score),
    }


def _sheet(sheet: Sheet, top: int) -> dict[str, Any]:
    matrix = sheet.matrix
    return {
        "id": sheet.journey.id,
        "title": sheet.journey.title,
        "lang": sheet.journey.lang,
        "summary": asdict(matrix.summary()),
        "stages": [
            {
                "id": stage.id,
                "name": stage.name,
                "phase": stage.phase,
                "figures": {m: _number(matrix.stage_figure(m, stage.id)) for m in METRIC_NAMES},
            }
            for stage in matrix.stages
        ],
        "channels": [{"id": c.id, "name": c.name, "kind": c.kind} for c in matrix.channels],
        "totals": {m: _number(matrix.total(m)) for m in METRIC_NAMES},
        "touchpoints": [touchpoint_record(sheet.journey, e) for e in matrix.entries],
        "untouched_steps": [step.id for step in matrix.untouched()],
        "priorities": [_priority(p, r) for r, p in enumerate(sheet.ranking.top(top), 1)],
        "unranked": sheet.ranking.unranked,
        **({"blueprint": _blueprint(sheet.journey)} if sheet.journey.version == "1.1" else {}),
    }


def _comparison(comparison: Comparison, positions: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """`positions` maps id(journey) and id(touchpoint) to (journey index, record index)."""
    sides = []
    for side in comparison.sides:
        sides.append(
            {
                "journey": side.journey.id,
                "journey_index": positions[id(side.journey)][0],
                "figures": {m: _number(side.figure(m)) for m in METRIC_NAMES},
                "touchpoints": [positions[id(e.touchpoint)][1] for e in side.entries],
            }
        )
    return {
        "stage": comparison.stage_id,
        "step": comparison.step_id,
        "journeys": sides,
        "gaps": {m: _number(gap) for m, gap in comparison.gaps().items()},
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_FLAG = ',"shared":'
_UNSHARED = _FLAG + "false,"


def sheet_pieces(sheet: Sheet, top: int) -> list[str]:
    """The sheet's compact JSON cut where each touchpoint's `shared` flag goes.

    A worker writes its journey's sheet before anyone knows which of its moments other
    files share: joined with the flags (`true`/`false`, one per touchpoint record, in
    order), the pieces are exactly `encode(_sheet(...))`. The sheet must have been built
    with every flag false. In compact JSON a quote inside a string is escaped, so the
    first `,"shared":false,` of a record is its flag, whatever the texts hold.
    """
    document = _sheet(sheet, top)
    records = document.pop("touchpoints")
    names = list(document)
    cut = names.index("untouched_steps")
    before = _ENCODER.encode({name: document[name] for name in names[:cut]})
    after = _ENCODER.encode({name: document[name] for name in names[cut:]})
    pieces: list[str] = []
    current = before[:-1] + ',"touchpoints":['
    for number, record in enumerate(records):
        encoded = _ENCODER.encode(record)
        flag = encoded.index(_UNSHARED)
        pieces.append(current + ("," if number else "") + encoded[: flag + len(_FLAG)])
        current = encoded[flag + len(_UNSHARED) - 1 :]
    pieces.append(current + "]," + after[1:])
    return pieces


def side_json(side: Side, journey_index: int, positions: Sequence[int]) -> str:
    """One journey's side of a shared moment, as `_comparison` writes it."""
    return _ENCODER.encode(
        {
            "journey": side.journey.id,
            "journey_index": journey_index,
            "figures": {m: _number(side.figure(m)) for m in METRIC_NAMES},
            "touchpoints": list(positions),
        }
    )


def comparison_json(
    stage_id: str, step_id: str, sides: Sequence[str], gaps: Sequence[float | None]
) -> str:
    """A shared moment from its sides' JSON and the gaps (METRIC_NAMES order)."""
    head = _ENCODER.encode({"stage": stage_id, "step": step_id})[:-1]
    figures = _ENCODER.encode({m: _number(gap) for m, gap in zip(METRIC_NAMES, gaps, strict=True)})
    return f'{head},"journeys":[{",".join(sides)}],"gaps":{figures}}}'


def head_json(metric: str | None) -> str:
    """The document's start, up to its list of journeys."""
    return _ENCODER.encode({"format": FORMAT_VERSION, "metric": metric})[:-1] + ',"journeys":['


def chunks(report: MatrixReport, indent: int | None = None) -> Iterator[str]:
    """The document in pieces, one journey at a time; joined, they are one JSON value."""
    positions: dict[int, tuple[int, int]] = {}
    for number, sheet in enumerate(report.sheets):
        positions[id(sheet.journey)] = (number, -1)
        for index, entry in enumerate(sheet.matrix.entries):
            positions[id(entry.touchpoint)] = (number, index)
    if indent is not None:
        document = {
            "format": FORMAT_VERSION,
            "metric": report.metric,
            "journeys": [_sheet(sheet, report.top) for sheet in report.sheets],
            "shared_moments": [_comparison(c, positions) for c in report.comparisons],
        }
        yield json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
        return
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    yield head_json(report.metric)
    for number, sheet in enumerate(report.sheets):
        yield ("," if number else "") + encoder.encode(_sheet(sheet, report.top))
    yield '],"shared_moments":['
    for number, comparison in enumerate(report.comparisons):
        yield ("," if number else "") + encoder.encode(_comparison(comparison, positions))
    yield "]}\n"


def render(report: MatrixReport, indent: int | None = None) -> str:
    return "".join(chunks(report, indent))
