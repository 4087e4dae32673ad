"""The plain writer of the terminal matrix gives rich's bytes, whatever the texts and width.

When the console shows no style, tables and lines are written as plain strings instead of
through rich (the cost of a thousand-journey matrix was rich's layout). Each test renders
the same report twice, once with the plain writer and once with it switched off, so that
rich draws everything, and asks for the very same text. Random journeys bring the texts
that break layouts: tabs, carriage returns, wide characters, emoji, long words, newlines.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from journeymap.output import matrix_text, plain_table
from journeymap.views.matrix_report import build_report
from tests.conftest import EXAMPLE_FILES
from tests.test_matrix_properties import journeys

AWKWARD = st.sampled_from(["\t", "\r", "\x07", "  ", "a-very-long-unbreakable-word-indeed", "中文"])


def _both(journeys_: list[Journey], width: int, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> None:
    report = build_report(journeys_, **kw)

    def render() -> str:
        buffer = io.StringIO()
        # the console `matrix` prints on: no markup, so "[b]" in a name is text
        console = Console(
            file=buffer, width=width, color_system=None, markup=False, highlight=False, emoji=False
        )
        matrix_text.write(report, console)
        return buffer.getvalue()

    fast = render()
    with monkeypatch.context() as patched:
        patched.setattr(plain_table, "usable", lambda console: False)
        slow = render()
    assert fast == slow


def _load(path: Path) -> Journey:
    journey = load_file(path).journey
    assert journey is not None
    return journey


@pytest.mark.parametrize("width", [24, 33, 47, 61, 80, 119, 157, 240])
def test_every_example_together_at_odd_widths(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = [_load(path) for path in EXAMPLE_FILES]
    _both(examples, width, monkeypatch, metric="volume", by_kind=True, top=10)
    _both(examples, width, monkeypatch, metric="ces")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    journey=journeys(),
    width=st.integers(20, 220),
    metric=st.sampled_from([None, "csat", "volume", "emotion"]),
    awkward=AWKWARD,
)
def test_random_journeys_compared(journey: Journey, width: int, metric: Any, awkward: str) -> None:
    other = journey.model_copy(
        update={"id": "other", "title": journey.title + awkward, "lang": "en"}
    )
    channels = [c.model_copy(update={"name": c.name + awkward}) for c in other.channels]
    other = other.model_copy(update={"channels": channels})
    with pytest.MonkeyPatch.context() as monkeypatch:
        _both([journey, other], width, monkeypatch, metric=metric, by_kind=True)


@pytest.mark.parametrize("name", ["-文[c[[#]", "[bold]Choisir[/bold]", "a\\[b]", "[#]"])
def test_markup_lookalikes_in_headings(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A test console reads markup by default: headings must reach rich as text, so both
    # writers print the stage name as written (the property test found "-文[c[[#]").
    journey = _load(EXAMPLE_FILES[0])
    stages = [s.model_copy(update={"name": name + s.name}) for s in journey.stages]
    renamed = journey.model_copy(update={"stages": stages})
    other = renamed.model_copy(update={"id": "other", "title": "[i]other"})
    for journeys_ in ([renamed], [renamed, other]):
        _both(journeys_, 240, monkeypatch, metric="volume")
    buffer = io.StringIO()
    matrix_text.write(build_report([renamed]), Console(file=buffer, width=400, color_system=None))
    assert name in buffer.getvalue()
