"""The matrix and comparison views, on the furniture store's journeys, figures by hand."""

from __future__ import annotations

import pytest

from journeymap.load.journey_file import load_file
from journeymap.model.journey import Journey
from journeymap.views.compare import compare
from journeymap.views.matrix import build_matrix, unknown_ids
from journeymap.views.metrics import aggregate, heat
from tests.conftest import EXAMPLES


def _load(name: str) -> Journey:
    journey = load_file(EXAMPLES / name).journey
    assert journey is not None
    return journey


WEB = "meubles-web-retrait.yaml"
STORE = "meubles-magasin.yaml"


def test_rows_keep_the_declared_order_and_cells_hold_their_steps_in_order() -> None:
    matrix = build_matrix(_load(WEB))
    assert [c.id for c in matrix.channels] == ["site", "email", "sms", "telephone", "entrepot"]
    assert [s.id for s in matrix.stages] == ["recherche-web", "commande-web", "retrait", "chez-moi"]
    cell = matrix.cell("entrepot", "retrait")
    assert [e.step.id for e in cell] == ["arrivee-comptoir", "retrait"]
    assert cell[1].marks() == [("moment_of_truth", 1), ("irritant", 3), ("breakpoint", 1)]
    assert matrix.cell("sms", "recherche-web") == ()
    assert [(b.phase, [s.id for s in b.stages]) for b in matrix.bands()] == [
        ("before", ["recherche-web"]),
        ("during", ["commande-web", "retrait"]),
        ("after", ["chez-moi"]),
    ]


def test_grouping_by_kind_keeps_first_appearance_and_declared_order() -> None:
    matrix = build_matrix(_load(STORE), by_kind=True)
    assert [(g.kind, [c.id for c in g.channels]) for g in matrix.groups] == [
        ("mail", ["catalogue"]),
        ("physical", ["showroom", "vendeur", "caisse", "entrepot"]),
        ("other", ["notice"]),
        ("messaging", ["sms"]),
        ("phone", ["telephone"]),
    ]


def test_footer_sums_volume_and_weights_scores_by_volume() -> None:
    matrix = build_matrix(_load(WEB))
    # retrait: SMS 6750 x 80, borne 6600 x 63, comptoir 6600 x 41
    assert matrix.stage_figure("volume", "retrait") == 6750 + 6600 + 6600
    assert matrix.stage_figure("csat", "retrait") == pytest.approx(
        (6750 * 80 + 6600 * 63 + 6600 * 41) / 19950
    )
    # only the comptoir has an NPS there
    assert matrix.stage_figure("nps", "retrait") == -34
    assert matrix.stage_figure("emotion", "retrait") == pytest.approx(
        (6750 * 1 + 6600 * 0 + 6600 * -2) / 19950
    )


def test_aggregate_weights_only_when_volumes_exist() -> None:
    assert aggregate("csat", [(80, 100), (40, 300)]) == pytest.approx(50)
    assert aggregate("csat", [(80, None), (40, None)]) == pytest.approx(60)
    assert aggregate("csat", [(80, 100), (40, None)]) == pytest.approx(80)
    assert aggregate("csat", [(None, 100)]) is None
    assert aggregate("volume", [(100, 100), (None, None), (50, 50)]) == 150


@pytest.mark.parametrize(
    ("metric", "worse", "better"),
    [("csat", 41, 83), ("nps", -34, 24), ("ces", 5.6, 2.4), ("emotion", -2, 1)],
)
def test_heat_runs_the_right_way_for_each_metric(metric: str, worse: float, better: float) -> None:
    assert heat(metric, worse) < heat(metric, better)  # type: ignore[arg-type]
    assert heat(metric, worse) == 0  # type: ignore[arg-type]


def test_filters_restrict_stages_channels_and_summary() -> None:
    matrix = build_matrix(_load(WEB), stages={"retrait"}, channels={"entrepot"})
    assert [e.step.id for e in matrix.entries] == ["arrivee-comptoir", "retrait"]
    summary = matrix.summary()
    assert (summary.stages, summary.steps, summary.channels, summary.touchpoints) == (1, 3, 1, 2)
    assert (summary.irritants, summary.breakpoints) == (4, 1)
    assert [s.id for s in matrix.untouched()] == ["commande-prete"]


def test_unknown_filter_ids_are_named_with_a_suggestion() -> None:
    problems = unknown_ids([_load(WEB), _load(STORE)], ["retrai", "retrait"], ["sms"])
    assert problems == [
        "no stage 'retrai' in any journey; did you mean 'retrait'? stages: recherche-web, "
        "commande-web, retrait, chez-moi, visite, achat-magasin, maison"
    ]


def test_comparison_keeps_each_journeys_figures_and_the_gap() -> None:
    [pick_up] = compare([_load(STORE), _load(WEB)])
    assert (pick_up.stage_id, pick_up.step_id) == ("retrait", "retrait")
    assert [s.journey.id for s in pick_up.sides] == ["meubles-magasin", "meubles-web-retrait"]
    assert [s.figure("csat") for s in pick_up.sides] == [83, 41]
    assert pick_up.gap("csat") == 42
    assert pick_up.gap("nps") == 58
    assert pick_up.gap("ces") == pytest.approx(3.2)
    assert pick_up.gap("emotion") == 3
    assert compare([_load(STORE), _load(WEB)], stages={"visite"}) == []


def test_every_dynamic_label_exists_in_both_languages() -> None:
    from journeymap.model.journey import CHANNEL_KINDS, PHASES
    from journeymap.views.labels import label
    from journeymap.views.metrics import METRIC_NAMES

    keys = [f"kind_{kind}" for kind in CHANNEL_KINDS]
    keys += [f"{phase}_short" for phase in PHASES]
    keys += [f"{metric}_scale" for metric in METRIC_NAMES]
    for key in keys:
        assert label(key, "fr") and label(key, "en")
