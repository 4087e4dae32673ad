"""A small journey that every rule passes, and helpers to lint variants of it."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from journeymap.diagnostics import Diagnostic
from journeymap.lint.config import LintConfig
from journeymap.lint.linter import lint_journey_file
from journeymap.load.journey_file import load_text

BASE_FR = """\
journeymap: 1
id: velo
title: Achat d'un vélo de ville
lang: fr
persona: {name: Cycliste urbaine}
scope: {targets: [B2C, France], offers: [Vélos de ville], stages: [achat, retrait]}
stakeholders:
  - {id: digital, name: Direction digitale}
  - {id: magasin, name: Magasin}
channels:
  - {id: site, name: Site web, kind: digital}
  - {id: boutique, name: Boutique, kind: physical}
stages:
  - id: achat
    name: Achat
    steps:
      - id: commande
        text: Je commande mon vélo sur le site
        moment_of_truth: true
        touchpoints:
          - channel: site
            owner: digital
            metrics: {csat: 82, nps: 30, ces: 2}
            delights: [Le paiement en trois fois est proposé]
  - id: retrait
    name: Retrait
    steps:
      - id: retrait
        text: Ensuite je récupère mon vélo en boutique
        touchpoints:
          - channel: boutique
            owner: magasin
            metrics: {csat: 55}
            irritants: [{text: J'attends 30 minutes, category: productivity}]
            breakpoints: [{text: Je dois rappeler la boutique, kind: forced, to: site}]
"""

BASE_EN = """\
journeymap: 1
id: bike
title: Buying a city bike
lang: en
persona: {name: Urban cyclist}
scope: {targets: [B2C, UK], offers: [City bikes]}
stakeholders: [{id: digital, name: Digital}]
channels: [{id: web, name: Website, kind: digital}]
stages:
  - id: buy
    name: Buy
    steps:
      - id: order
        text: I order my bike online
        touchpoints: [{channel: web, owner: digital}]
"""


def data(text: str = BASE_FR) -> dict[str, Any]:
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return copy.deepcopy(loaded)


def dump(journey: dict[str, Any]) -> str:
    return yaml.safe_dump(journey, allow_unicode=True, sort_keys=False)


def lint_text(text: str, config: LintConfig | None = None) -> list[Diagnostic]:
    loaded = load_text("journey.yaml", text)
    assert loaded.ok, loaded.diagnostics
    return lint_journey_file(loaded, config or LintConfig())


def codes(text: str, config: LintConfig | None = None) -> list[str]:
    return [d.code for d in lint_text(text, config)]
