"""Words and marks shown to readers, in the journey's language.

Marks are plain symbols so that a map or matrix still reads without colour: in grey
print, with NO_COLOR, in a pipe or through a screen reader. Every view uses these, so a
delight looks the same in the terminal, in Markdown and in a diagram.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["fr", "en"]

MARKS: dict[str, str] = {
    "delight": "+",
    "irritant": "!",
    "breakpoint": "✕",
    "moment_of_truth": "◆",
    "shared": "⇄",
}

_LABELS: dict[str, dict[Lang, str]] = {
    "delight": {"fr": "enchantement", "en": "delight"},
    "delights": {"fr": "enchantements", "en": "delights"},
    "irritant": {"fr": "irritant", "en": "irritant"},
    "irritants": {"fr": "irritants", "en": "irritants"},
    "breakpoint": {"fr": "point de rupture", "en": "breakpoint"},
    "breakpoints": {"fr": "points de rupture", "en": "breakpoints"},
    "moment_of_truth": {"fr": "moment de vérité", "en": "moment of truth"},
    "shared": {"fr": "moment partagé", "en": "shared moment"},
    "stage": {"fr": "étape", "en": "stage"},
    "stages": {"fr": "étapes", "en": "stages"},
    "step": {"fr": "pas", "en": "step"},
    "steps": {"fr": "pas", "en": "steps"},
    "channel": {"fr": "canal", "en": "channel"},
    "channels": {"fr": "canaux", "en": "channels"},
    "touchpoint": {"fr": "point de contact", "en": "touchpoint"},
    "touchpoints": {"fr": "points de contact", "en": "touchpoints"},
    "emotion": {"fr": "émotion", "en": "emotion"},
    "path": {"fr": "parcours du client", "en": "customer path"},
    "legend": {"fr": "Légende", "en": "Legend"},
    "owner": {"fr": "responsable", "en": "owner"},
    "volume": {"fr": "volume", "en": "volume"},
    "before": {"fr": "Avant l'achat", "en": "Before purchase"},
    "during": {"fr": "Pendant l'achat", "en": "During purchase"},
    "after": {"fr": "Après l'achat", "en": "After purchase"},
    "forced": {"fr": "changement de canal forcé", "en": "forced channel change"},
    "blocked": {"fr": "bloqué", "en": "blocked"},
}


def label(key: str, lang: Lang) -> str:
    return _LABELS[key][lang]
