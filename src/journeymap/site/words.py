"""The site's own words, in French and English.

Words shared with the terminal views (delight, irritant, stage names of the phases...) come
from `journeymap.views.labels`, so that the site and the matrix say the same thing; these
are the ones only the site needs.
"""

from __future__ import annotations

from journeymap.model.langs import words_lang
from journeymap.site.words_more import MORE_SITE
from journeymap.views.labels import Lang, label

_WORDS: dict[str, tuple[str, str]] = {
    # key: (fr, en)
    "site_title": ("Parcours clients", "Customer journeys"),
    "skip": ("Aller au contenu", "Skip to content"),
    "index": ("Tous les parcours", "All journeys"),
    "portfolio": ("Portefeuille", "Portfolio"),
    "print_all": ("Tout imprimer", "Print all"),
    "print_title": ("Tous les parcours, un par page", "All journeys, one per page"),
    "search": ("Rechercher", "Search"),
    "search_hint": ("mot, étape, canal, responsable…", "word, step, channel, owner…"),
    "any": ("tous", "any"),
    "status": ("statut", "status"),
    "status_none": ("sans statut", "no status"),
    "status_draft": ("brouillon", "draft"),
    "status_validated": ("validé", "validated"),
    "status_archived": ("archivé", "archived"),
    "state_as-is": ("existant", "as-is"),
    "state_to-be": ("cible", "to-be"),
    "shown": ("parcours affichés", "journeys shown"),
    "of": ("sur", "of"),
    "journey_owner": ("responsable du parcours", "journey owner"),
    "reviewed": ("revu le", "reviewed"),
    "persona": ("persona", "persona"),
    "scope": ("périmètre", "scope"),
    "targets": ("cibles", "targets"),
    "offers": ("offres", "offers"),
    "focus": ("étapes au cœur", "stages in focus"),
    "excluded": ("hors périmètre", "excluded"),
    "lint": ("contrôle de méthode", "method check"),
    "clean": ("conforme", "clean"),
    "error": ("erreur", "error"),
    "errors": ("erreurs", "errors"),
    "warning": ("avertissement", "warning"),
    "warnings": ("avertissements", "warnings"),
    "infos": ("infos", "infos"),
    "info": ("info", "info"),
    "findings": ("Constats du contrôle de méthode", "Method check findings"),
    "no_findings": (
        "Aucun constat : le parcours suit la méthode.",
        "No finding: the journey follows the method.",
    ),
    "line": ("ligne", "line"),
    "key_figures": ("Chiffres clés", "Key figures"),
    "map": ("Carte du parcours", "Journey map"),
    "map_hint": (
        "Survolez ou sélectionnez (Tab) un point de contact pour ses détails.",
        "Hover or focus (Tab) a touchpoint for its details.",
    ),
    "customer": ("le client", "the customer"),
    "thoughts": ("pensées", "thoughts"),
    "thought_quote": ("verbatim", "quote"),
    "thought_question": ("question", "question"),
    "feeling": ("ressenti", "feeling"),
    "goal": ("objectif", "goal"),
    "needs": ("besoins", "needs"),
    "duration": ("durée", "duration"),
    "actors": ("acteurs", "actors"),
    "systems": ("systèmes", "systems"),
    "notes": ("notes", "notes"),
    "frontstage": ("front-office (vu du client)", "frontstage (seen by the customer)"),
    "backstage": ("back-office (hors de sa vue)", "backstage (out of sight)"),
    "support": ("support (systèmes, équipes)", "support (systems, teams)"),
    "opportunities": ("opportunités", "opportunities"),
    "opp_idea": ("idée", "idea"),
    "opp_planned": ("prévue", "planned"),
    "opp_in-progress": ("en cours", "in progress"),
    "opp_done": ("réalisée", "done"),
    "opp_dropped": ("abandonnée", "dropped"),
    "no_step": ("aucun pas", "no step"),
    "no_touchpoint": ("aucun point de contact", "no touchpoint"),
    "emotion_curve": ("Courbe d’émotion", "Emotion curve"),
    "matrix": ("Matrice canaux × étapes", "Channels × stages matrix"),
    "heat_of": ("couleur selon", "colour by"),
    "source": ("source", "source"),
    "period": ("période", "period"),
    "answers": ("réponses", "answers"),
    "method": ("méthode", "method"),
    "kpis": ("indicateurs", "indicators"),
    "target": ("cible", "target"),
    "evidence": ("études", "evidence"),
    "stakeholders": ("parties prenantes", "stakeholders"),
    "yaml_source": ("Source YAML", "YAML source"),
    "raw_yaml": ("fichier YAML", "YAML file"),
    "on_host": ("dans le dépôt", "in the repository"),
    "format": ("format", "format"),
    "counterpart": ("autre version", "other version"),
    "shared_with": ("partagé avec", "shared with"),
    "compare": ("comparer", "compare"),
    "on_this_page": ("Sur cette page", "On this page"),
    "priorities_short": ("Priorités", "Priorities"),
    "portfolio_title": ("Portefeuille des parcours", "Journey portfolio"),
    "portfolio_intro": (
        "Les parcours qui font le plus mal, les moments partagés entre parcours, les canaux "
        "de tous les parcours et les points de contact à améliorer en priorité, classés sur "
        "l'ensemble ; les mots employés sont expliqués en bas de page.",
        "The journeys that hurt most, the moments journeys share, the channels across every "
        "journey, and the touchpoints most in need of work, ranked across all of them; the "
        "words used are explained at the bottom of the page.",
    ),
    "pain_title": ("Les parcours qui font le plus mal", "Journeys that hurt most"),
    "pain_intro": (
        "Classés par clients insatisfaits par période : pour chaque point de contact, son "
        "nombre de clients multiplié par la part d’entre eux qui n’est pas satisfaite (d’après "
        "ses scores CSAT, NPS et CES), additionné sur tout le parcours. « — » : le parcours "
        "n’a pas les chiffres pour le calculer.",
        "Ranked by unsatisfied customers per period: for each touchpoint, its number of "
        "customers times the share of them left unsatisfied (from its CSAT, NPS and CES "
        "scores), added up over the whole journey. “—”: the journey lacks the figures to "
        "compute it.",
    ),
    "unsatisfied": ("clients insatisfaits par période", "unsatisfied customers per period"),
    "hurts_most": ("là où ça fait le plus mal", "where it hurts most"),
    "glossary": ("Les mots de cette page", "The words on this page"),
    "gloss_touchpoint": (
        "un moment où le client a affaire à l’entreprise par un canal (site, magasin, téléphone…)",
        "a moment the customer deals with the company through one channel (website, store, phone…)",
    ),
    "gloss_irritant": (
        "ce qui agace ou fait perdre du temps au client",
        "what annoys the customer or wastes their time",
    ),
    "gloss_breakpoint": (
        "là où le client doit changer de canal ou ne peut plus avancer",
        "where the customer must switch channel or cannot go on",
    ),
    "gloss_csat": (
        "part des clients satisfaits, de 0 à 100 % (plus haut = mieux)",
        "share of satisfied customers, 0 to 100 % (higher is better)",
    ),
    "gloss_nps": (
        "recommanderaient-ils l’entreprise ? de −100 à 100 (plus haut = mieux)",
        "would they recommend the company? −100 to 100 (higher is better)",
    ),
    "gloss_ces": (
        "effort demandé au client, de 1 (facile) à 7 (pénible) (plus bas = mieux)",
        "effort asked of the customer, 1 (easy) to 7 (hard) (lower is better)",
    ),
    "gloss_volume": (
        "nombre de clients par période (mois, trimestre) à ce point de contact",
        "number of customers per period (month, quarter) at the touchpoint",
    ),
    "gloss_shared": (
        "un même moment (même étape) vécu dans plusieurs parcours, comparé côte à côte",
        "the same moment (same step) lived in several journeys, compared side by side",
    ),
    "channels_across": ("Canaux de tous les parcours", "Channels across journeys"),
    "portfolio_priorities": (
        "Priorités du portefeuille (volume × insatisfaction)",
        "Portfolio priorities (volume × dissatisfaction)",
    ),
    "rank": ("rang", "rank"),
    "step_text": ("pas", "step"),
    "kind": ("type", "kind"),
    "journeys_count": ("parcours", "journeys"),
    "none": ("aucun", "none"),
    "filter": ("Filtrer", "Filter"),
    "clear_filters": ("Tout afficher", "Show all"),
    "jump_findings": ("voir les constats", "see the findings"),
    "category_financial": ("financier", "financial"),
    "category_productivity": ("productivité", "productivity"),
    "category_support": ("support", "support"),
    "category_process": ("processus", "process"),
    "to": ("vers", "to"),
    "lanes": ("coulisses", "blueprint"),
    "details": ("détails", "details"),
    "mean_weighted": ("moyennes pondérées par le volume", "volume-weighted means"),
    "built_by": ("Généré par journeymap", "Built by journeymap"),
    "not_ranked": (
        "non classés (sans volume ou sans score utilisable)",
        "not ranked (no volume or no usable score)",
    ),
    "top_shown": ("premiers affichés", "first shown"),
    "lowest": ("le plus bas", "lowest"),
    "highest": ("le plus haut", "highest"),
    "journeys_share": ("parcours partagent ce moment.", "journeys share this moment."),
    "compare_all": ("Les comparer côte à côte", "Compare them side by side"),
    "shared_moment": ("Moment partagé", "Shared moment"),
}


def word(key: str, lang: str) -> str:
    """The site word for `key` in `lang` (a language tag), else the shared label of the
    views; English where journeymap does not have the word in that language."""
    words = words_lang(lang)
    pair = _WORDS.get(key)
    if pair is None:
        return label(key, words)
    if words == "fr":
        return pair[0]
    return MORE_SITE.get(words, {}).get(key) or pair[1]


class Words:
    """The words of one language for templates: `w.delight`, `w['kind_' ~ kind]`.

    An attribute look-up is several times cheaper in a template than a function call, and
    a map of a few hundred cells names a delight or an irritant in every one.
    """

    __slots__ = ("_lang",)

    def __init__(self, lang: str) -> None:
        self._lang: Lang = words_lang(lang)

    def __getattr__(self, key: str) -> str:
        return word(key, self._lang)

    def __getitem__(self, key: str) -> str:
        return word(key, self._lang)
