"""Words and marks shown to readers, in the journey's language.

Marks are plain symbols so that a map or matrix still reads without colour: in grey
print, with NO_COLOR, in a pipe or through a screen reader. Every view uses these, so a
delight looks the same in the terminal, in Markdown and in a diagram.
"""

from __future__ import annotations

from journeymap.model.langs import WordsLang
from journeymap.views.labels_more import MORE

Lang = WordsLang
"""The languages the views print their own words in: a journey's tag picks one
(`journeymap.model.langs.words_lang`), English for the others."""

MARKS: dict[str, str] = {
    "delight": "+",
    "irritant": "!",
    "breakpoint": "✕",
    "moment_of_truth": "◆",
    "shared": "⇄",
}

_LABELS: dict[str, dict[str, str]] = {
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
    "emotion_unrated": {"fr": "émotion non donnée", "en": "emotion not given"},
    "emotion_elsewhere": {"fr": "pas d'un autre parcours", "en": "another journey's steps"},
    "path": {"fr": "parcours du client", "en": "customer path"},
    "legend": {"fr": "Légende", "en": "Legend"},
    "owner": {"fr": "responsable", "en": "owner"},
    "volume": {"fr": "volume", "en": "volume"},
    "before": {"fr": "Avant l'achat", "en": "Before purchase"},
    "during": {"fr": "Pendant l'achat", "en": "During purchase"},
    "after": {"fr": "Après l'achat", "en": "After purchase"},
    "before_short": {"fr": "Avant", "en": "Before"},
    "during_short": {"fr": "Pendant", "en": "During"},
    "after_short": {"fr": "Après", "en": "After"},
    "forced": {"fr": "changement de canal forcé", "en": "forced channel change"},
    "blocked": {"fr": "bloqué", "en": "blocked"},
    "journey": {"fr": "parcours", "en": "journey"},
    "page": {"fr": "page", "en": "page"},
    "marks": {"fr": "marques", "en": "marks"},
    "total": {"fr": "total", "en": "total"},
    "mean": {"fr": "moyenne", "en": "mean"},
    "gap": {"fr": "écart", "en": "gap"},
    "csat_scale": {"fr": "CSAT : % de clients satisfaits", "en": "CSAT: % of satisfied customers"},
    "nps_scale": {"fr": "NPS : de -100 à 100", "en": "NPS: from -100 to 100"},
    "ces_scale": {
        "fr": "CES : effort de 1 à 7, plus bas = mieux",
        "en": "CES: effort from 1 to 7, lower is better",
    },
    "volume_scale": {"fr": "volume : clients par période", "en": "volume: customers per period"},
    "emotion_scale": {"fr": "émotion : de -2 à +2", "en": "emotion: from -2 to +2"},
    "heat": {"fr": "rouge = à améliorer, vert = bon", "en": "red = needs work, green = good"},
    "footer_total": {"fr": "pied de tableau : volume total", "en": "footer: total volume"},
    "footer_mean": {
        "fr": "pied de tableau : moyenne pondérée par le volume",
        "en": "footer: volume-weighted mean",
    },
    "priorities": {
        "fr": "À améliorer en priorité (volume × insatisfaction)",
        "en": "Most in need of work (volume × dissatisfaction)",
    },
    "priority": {"fr": "priorité", "en": "priority"},
    "dissatisfaction": {"fr": "insatisfaction", "en": "dissatisfaction"},
    "figures": {"fr": "mesures", "en": "figures"},
    "unranked": {
        "fr": "sans volume ou sans score utilisable, non classés",
        "en": "without a volume or a usable score, not ranked",
    },
    "shared_moments": {"fr": "Moments partagés", "en": "Shared moments"},
    "no_shared": {
        "fr": "aucun moment partagé (même id d'étape et de pas) entre ces parcours",
        "en": "no shared moment (same stage id and step id) between these journeys",
    },
    "untouched": {"fr": "pas sans point de contact", "en": "steps without a touchpoint"},
    "empty": {
        "fr": "aucun point de contact à afficher",
        "en": "no touchpoint to show",
    },
    "kind_digital": {"fr": "numérique", "en": "digital"},
    "kind_physical": {"fr": "physique", "en": "physical"},
    "kind_phone": {"fr": "téléphone", "en": "phone"},
    "kind_messaging": {"fr": "messagerie", "en": "messaging"},
    "kind_social": {"fr": "réseaux sociaux", "en": "social"},
    "kind_mail": {"fr": "courrier", "en": "mail"},
    "kind_other": {"fr": "autres", "en": "other"},
    "status_idea": {"fr": "idée", "en": "idea"},
    "status_planned": {"fr": "prévue", "en": "planned"},
    "status_in-progress": {"fr": "en cours", "en": "in progress"},
    "status_done": {"fr": "faite", "en": "done"},
    "status_dropped": {"fr": "abandonnée", "en": "dropped"},
    "thoughts": {"fr": "Pensées", "en": "Thoughts"},
    "opportunities": {"fr": "Opportunités", "en": "Opportunities"},
    "frontstage": {"fr": "Front-office", "en": "Frontstage"},
    "backstage": {"fr": "Back-office", "en": "Backstage"},
    "support": {"fr": "Support", "en": "Support"},
    "visibility": {"fr": "ligne de visibilité", "en": "line of visibility"},
    "unspecified": {"fr": "rupture sans précision", "en": "unspecified breakpoint"},
    "blocked_arrow": {"fr": "bloqué, renvoyé vers", "en": "blocked, sent to"},
    "forced_to": {"fr": "forcé vers", "en": "forced to"},
    "to": {"fr": "vers", "en": "to"},
}


def label(key: str, lang: Lang) -> str:
    """The word for `key`: French and English have every word, the other languages
    those `labels_more` lists, English standing in for the rest."""
    words = _LABELS[key]
    found = words.get(lang) or MORE.get(lang, {}).get(key)
    return found if found is not None else words["en"]


def colon(lang: Lang) -> str:
    """The colon after a label: French puts a (no-break) space before it."""
    return "\u00a0: " if lang == "fr" else ": "
