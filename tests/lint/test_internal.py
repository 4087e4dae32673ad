"""Golden rule 3's word lists on real phrasings: jargon found, customer words left alone."""

from __future__ import annotations

import pytest

from journeymap.lint.config import LintConfig
from journeymap.lint.rules.internal import CUSTOMER_PHRASES, internal_terms
from journeymap.lint.text import find_term

FOUND = [
    ("fr", "Saisie de la commande dans l'ERP", "saisie"),
    ("fr", "Je reçois un mail du back office", "back-office"),
    ("fr", "Je reçois un mail du backoffice", "back-office"),
    ("fr", "Mise à jour du SI", "SI"),
    ("fr", "Validation interne du dossier", "validation interne"),
    ("fr", "J’ouvre un ticket au support", "ticket"),
    ("fr", "Le système d’information bloque", "système d'information"),
    ("en", "Order keyed into the ERP", "ERP"),
    ("en", "Ticket routing to level 2", "ticket routing"),
    ("en", "Provisioning of my line", "provisioning"),
    ("en", "The SLA is breached", "SLA"),
]

NOT_FOUND = [
    ("fr", "Si le vélo est livré, je signe"),  # "si" is "if", not the SI
    ("fr", "Je saisis mon adresse"),  # the verb, not the back-office "saisie"
    ("fr", "Je garde mon ticket de caisse"),
    ("fr", "Je présente mon Ticket d’entrée"),
    ("en", "I buy my train ticket"),
    ("en", "Is this the right size?"),  # "IS" only as written in capitals
]


@pytest.mark.parametrize(("lang", "text", "term"), FOUND)
def test_internal_jargon_is_found(lang: str, text: str, term: str) -> None:
    terms = internal_terms(lang, LintConfig())
    assert find_term(text, terms, CUSTOMER_PHRASES[lang]) == term


@pytest.mark.parametrize(("lang", "text"), NOT_FOUND)
def test_customer_words_are_left_alone(lang: str, text: str) -> None:
    terms = internal_terms(lang, LintConfig())
    assert find_term(text, terms, CUSTOMER_PHRASES[lang]) is None


def test_the_first_term_in_the_text_is_named() -> None:
    terms = internal_terms("fr", LintConfig())
    assert find_term("Le CRM envoie la saisie au back-office", terms) == "CRM"
