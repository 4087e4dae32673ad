"""`journeymap metrics plan`: what to ask, and when, where metrics are missing or old."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

JOURNEY = """\
journeymap: 1.1
id: velo
title: Achat d'un vélo
lang: {lang}
channels:
  - {id: site, name: Site web, kind: digital}
  - {id: boutique, name: Boutique, kind: physical}
  - {id: telephone, name: Service client, kind: phone}
stages:
  - id: achat
    name: Achat
    phase: during
    steps:
      - id: commande
        text: Je commande mon vélo
        touchpoints:
          - {channel: site, volume: 5000, metrics: {csat: 80, source: Enquête, period: 2026-Q3}}
          - {channel: telephone, volume: 4000}
      - id: paiement
        text: Je paie
        touchpoints:
          - {channel: site, volume: 100}
  - id: retrait
    name: Retrait
    phase: after
    steps:
      - id: retrait
        text: Je récupère mon vélo
        moment_of_truth: true
        touchpoints:
          - {channel: boutique, volume: 50, metrics: {nps: 10, source: Enquête, period: 2024-Q1}}
      - id: essai
        text: J'essaie mon vélo
        moment_of_truth: true
        touchpoints:
          - {channel: boutique, volume: 40}
"""


def _rows(tmp_path: Path, lang: str = "fr", *args: str) -> list[dict[str, str]]:
    path = tmp_path / "velo.yaml"
    path.write_text(JOURNEY.replace("{lang}", lang), encoding="utf-8")
    result = run_cli(
        "metrics", "plan", path, "--format", "csv", *args, env={"JOURNEYMAP_TODAY": "2026-11-15"}
    )
    assert result.code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_plan_lists_moments_of_truth_and_high_volume_without_recent_metric(
    tmp_path: Path,
) -> None:
    rows = _rows(tmp_path)
    # Median volume of 5000, 4000, 100, 50, 40 is 100: the site's recent CSAT is left out.
    assert [(r["step"], r["channel"], r["metric"]) for r in rows] == [
        ("commande", "telephone", "CES"),  # a phone channel: effort
        ("paiement", "site", "CSAT"),
        ("retrait", "boutique", "NPS"),  # measured with NPS before: the series goes on
        ("essai", "boutique", "NPS"),  # a moment of truth after the purchase
    ]
    retrait = rows[2]
    assert retrait["why"] == "moment de vérité, mesure de 2024-Q1 (959 jours)"
    assert retrait["when"] == "après 'retrait' (Je récupère mon vélo)"
    assert retrait["how"] == "par SMS ou e-mail le jour même"
    assert "recommandiez" in retrait["question"]
    assert "effort" in rows[0]["question"] and "Je commande mon vélo" in rows[0]["question"]


def test_plan_speaks_the_journeys_language_and_takes_a_volume_floor(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "en", "--min-volume", "1000", "--max-age", "2000")
    assert [(r["step"], r["metric"]) for r in rows] == [("commande", "CES"), ("essai", "NPS")]
    assert rows[1]["question"].startswith("On a scale from 0 (not at all likely) to 10")
    assert rows[1]["when"] == "after 'essai' (J'essaie mon vélo)"


@pytest.mark.parametrize(
    ("lang", "nps", "ces"),
    [
        ("es", "¿qué probabilidad hay de que nos recomiende", "esfuerzo"),
        ("de", "weiterempfehlen", "Aufwand"),
        ("it", "quanto è probabile che ci consigli", "impegno"),
        ("pt", "probabilidade de nos recomendar", "esforço"),
        ("nl", "aanbeveelt aan een vriend", "moeite"),
        ("ja", "how likely are you to recommend us", "effort"),  # no words of its own yet
    ],
)
def test_the_question_is_asked_in_the_customers_language(
    tmp_path: Path, lang: str, nps: str, ces: str
) -> None:
    rows = _rows(tmp_path, lang)
    questions = {r["step"]: r["question"] for r in rows}
    assert nps in questions["essai"] and "0" in questions["essai"] and "10" in questions["essai"]
    assert ces in questions["commande"] and "Je commande mon vélo" in questions["commande"]
    # the plan's own words stay the team's: English, as its headers are
    assert rows[0]["when"] == "after 'commande' (Je commande mon vélo)"


def test_plan_markdown_on_the_examples_and_output_file(tmp_path: Path) -> None:
    result = run_cli("metrics", "plan", EXAMPLES, "-o", tmp_path / "plan.md")
    assert result.code == 0, result.stderr
    text = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert text.startswith("# Survey plan\n\n| journey | stage | step |")
    assert "| meubles-web-retrait | retrait | retrait | entrepot |" in text
    refused = run_cli(
        "metrics", "plan", EXAMPLES / "veste-hiver.yaml", "-o", EXAMPLES / "veste-hiver.yaml"
    )
    assert refused.code == 2 and "would overwrite the input" in refused.stderr
