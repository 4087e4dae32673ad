"""Random journeys, hostile texts: the text view always fits, Markdown rows never break.

Names and texts mix pipes, newlines, backticks, HTML, accents, wide CJK characters and
emoji, which are the usual ways a terminal table or a GFM row falls apart.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from journeymap.model.journey import Journey
from journeymap.output import matrix_csv, matrix_markdown, matrix_text
from journeymap.views.matrix_report import build_report

TEXT = st.text(
    alphabet=st.sampled_from(list("ab cdé|`*<>_\n\\#[]中文😀-")), min_size=1, max_size=40
).filter(lambda t: t.strip() != "")
SLUG = st.from_regex(r"[a-z][a-z0-9]{0,12}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    channel_ids = draw(st.lists(SLUG, min_size=1, max_size=6, unique=True))
    channels = [
        {"id": c, "name": draw(TEXT), "kind": draw(st.sampled_from(["digital", "phone", "other"]))}
        for c in channel_ids
    ]
    step_ids = iter(draw(st.lists(SLUG, min_size=24, max_size=24, unique=True)))
    stages: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 6))):
        steps = []
        for _ in range(draw(st.integers(0, 4))):
            touched = draw(st.lists(st.sampled_from(channel_ids), max_size=3, unique=True))
            touchpoints = [
                {
                    "channel": c,
                    "name": draw(st.none() | TEXT),
                    "volume": draw(st.none() | st.integers(0, 2_000_000)),
                    "metrics": {"csat": draw(st.none() | st.integers(0, 100))},
                    "irritants": draw(st.lists(TEXT, max_size=5)),
                    "delights": draw(st.lists(TEXT, max_size=2)),
                }
                for c in touched
            ]
            steps.append({"id": next(step_ids), "text": draw(TEXT), "touchpoints": touchpoints})
        stages.append(
            {
                "id": f"stage-{index}",
                "name": draw(TEXT),
                "phase": draw(st.sampled_from([None, "before", "during", "after"])),
                "steps": steps,
            }
        )
    return Journey.model_validate(
        {
            "journeymap": 1,
            "id": "random",
            "title": draw(TEXT),
            "lang": draw(st.sampled_from(["fr", "en"])),
            "channels": channels,
            "stages": stages,
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    journey=journeys(),
    width=st.sampled_from([40, 80, 200]),
    metric=st.sampled_from([None, "csat", "volume"]),
)
def test_text_never_exceeds_the_width(journey: Journey, width: int, metric: Any) -> None:
    report = build_report([journey], metric=metric, by_kind=True)
    buffer = io.StringIO()
    matrix_text.write(report, Console(file=buffer, width=width, color_system=None))
    lines = buffer.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= width
    for entry in report.sheets[0].matrix.entries:
        assert entry.step.id[:4] in buffer.getvalue()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey=journeys())
def test_markdown_rows_and_csv_records_hold(journey: Journey) -> None:
    report = build_report([journey], metric="csat")
    text = matrix_markdown.render(report)
    header_cells = 0
    for line in text.splitlines():
        if not line.startswith("|"):
            header_cells = 0
            continue
        cells = len(re.split(r"(?<!\\)\|", line[1:-1]))
        header_cells = header_cells or cells
        assert cells == header_cells, line
    rows = list(csv.DictReader(io.StringIO(matrix_csv.render(report), newline="")))
    entries = report.sheets[0].matrix.entries
    assert [(r["step"], r["channel"]) for r in rows] == [(e.step.id, e.channel.id) for e in entries]
    assert [r["step_text"] for r in rows] == [e.step.text for e in entries]
