"""The ranking formula on figures computed by hand (see the docstring of views.priorities)."""

from __future__ import annotations

from typing import Any

import pytest

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey, Metrics
from journeymap.views.matrix import build_matrix
from journeymap.views.priorities import dissatisfaction_shares, rank
from tests.conftest import EXAMPLES


def _journey(touchpoints: list[dict[str, Any]]) -> Journey:
    steps = [
        {"id": f"s{i}", "text": f"Je fais {i}", "touchpoints": [tp]}
        for i, tp in enumerate(touchpoints)
    ]
    return Journey.model_validate(
        {
            "journeymap": 1,
            "id": "t",
            "title": "T",
            "channels": [{"id": "web", "name": "Web"}],
            "stages": [{"id": "a", "name": "A", "steps": steps}],
        }
    )


@pytest.mark.parametrize(
    ("metrics", "expected"),
    [
        ({"csat": 100}, {"csat": 0.0}),
        ({"csat": 0}, {"csat": 1.0}),
        ({"csat": 41}, {"csat": 0.59}),
        ({"nps": 100}, {"nps": 0.0}),
        ({"nps": -100}, {"nps": 1.0}),
        ({"nps": -34}, {"nps": 0.67}),
        ({"ces": 1}, {"ces": 0.0}),
        ({"ces": 7}, {"ces": 1.0}),
        ({"ces": 5.5}, {"ces": 0.75}),
        ({"source": "survey"}, {}),
    ],
)
def test_each_score_maps_to_a_share_of_dissatisfaction(
    metrics: dict[str, Any], expected: dict[str, float]
) -> None:
    shares = dissatisfaction_shares(Metrics.model_validate(metrics))
    assert shares == pytest.approx(expected)


def test_the_web_pick_up_scores_as_computed_in_the_docstring() -> None:
    journey = load_file(EXAMPLES / "meubles-web-retrait.yaml").journey
    assert journey is not None
    ranking = rank(build_matrix(journey).entries)
    pick_up = next(p for p in ranking.priorities if p.entry.step.id == "retrait")
    # (0.59 + 0.67 + 4.6 / 6) / 3 = 0.675556; x 6600 = 4458.67
    assert pick_up.dissatisfaction == pytest.approx(0.675556, abs=1e-6)
    assert pick_up.score == pytest.approx(4458.67, abs=0.01)
    # idee-armoire: 42000 x (0.22 + 0.395) / 2 = 12915, the largest of the journey
    assert ranking.priorities[0].entry.step.id == "idee-armoire"
    assert ranking.priorities[0].score == pytest.approx(12915)


def test_ranking_orders_by_volume_times_dissatisfaction_and_skips_the_unmeasurable() -> None:
    journey = _journey(
        [
            {"channel": "web", "volume": 1000, "metrics": {"csat": 90}},  # 100
            {"channel": "web", "volume": 200, "metrics": {"ces": 7}},  # 200
            {"channel": "web", "volume": 400, "metrics": {"csat": 50, "nps": 0}},  # 200
            {"channel": "web", "metrics": {"csat": 10}},  # no volume
            {"channel": "web", "volume": 5000},  # no score
        ]
    )
    ranking = rank(build_matrix(journey).entries)
    assert [(p.entry.step.id, round(p.score, 6)) for p in ranking.priorities] == [
        ("s1", 200.0),
        ("s2", 200.0),  # a tie keeps the chronological order
        ("s0", 100.0),
    ]
    assert ranking.unranked == 2
    assert [p.entry.step.id for p in ranking.top(1)] == ["s1"]
    assert ranking.top(0) == ()


def test_a_score_on_another_scale_is_left_unranked_not_put_first() -> None:
    # A CSAT of 4.2 (out of 5) read as a percent is 95.8 % dissatisfied: with a volume
    # of 5,000 it topped the list. lint (JM705) says how to write it; the ranking waits.
    journey = _journey(
        [
            {"channel": "web", "volume": 1000, "metrics": {"csat": 60}},  # 400
            {"channel": "web", "volume": 5000, "metrics": {"csat": 4.2}},  # out of 5
            {"channel": "web", "volume": 5000, "metrics": {"nps": 0.3}},  # a fraction
            {"channel": "web", "volume": 5000, "metrics": {"nps": 7}},  # a whole NPS: fine
        ]
    )
    ranking = rank(build_matrix(journey).entries)
    assert [(p.entry.step.id, round(p.score)) for p in ranking.priorities] == [
        ("s3", 2325),  # 5000 x (100 - 7) / 200
        ("s0", 400),
    ]
    assert ranking.unranked == 2
