"""JM403 and JM404 hints show the step told by the customer, when it can be turned surely.

"make the customer the subject, e.g. 'I compare the offers'" under "Book an engineer
visit" left the writer to do the rewrite; the hint now gives 'I book an engineer visit'.
A wrong conjugation would cost more trust than the general example, so every case the
rewrite is unsure of keeps it: the negatives below matter as much as the positives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import first_person_version
from tests.conftest import run_cli
from tests.lint.base import BASE_EN, BASE_FR

TURNED = [
    # no subject: infinitives, imperatives, a subject left out
    ("fr", "Réserver une visite", "Je réserve une visite"),
    ("fr", "Appeler le service client", "J'appelle le service client"),
    ("fr", "Acheter un billet", "J'achète un billet"),
    ("fr", "Compléter le formulaire", "Je complète le formulaire"),
    ("fr", "Payer la facture", "Je paie la facture"),
    ("fr", "Envoyer les documents", "J'envoie les documents"),
    ("fr", "Essayer la robe", "J'essaie la robe"),
    ("fr", "Jeter un oeil au catalogue", "Je jette un oeil au catalogue"),
    ("fr", "Lever la main", "Je lève la main"),
    ("fr", "Gérer mes factures", "Je gère mes factures"),
    ("fr", "Habiter le logement", "J'habite le logement"),
    ("fr", "Obtenir un devis", "J'obtiens un devis"),
    ("fr", "Ouvrir un compte", "J'ouvre un compte"),
    ("fr", "Prendre un rendez-vous", "Je prends un rendez-vous"),
    ("fr", "Remplir le dossier", "Je remplis le dossier"),
    ("fr", "Recevoir la carte", "Je reçois la carte"),
    ("fr", "Se connecter à mon compte", "Je me connecte à mon compte"),
    ("fr", "S'inscrire sur le site", "Je m'inscris sur le site"),
    ("fr", "S’identifier avec FranceConnect", "Je m'identifie avec FranceConnect"),
    ("fr", "Reçoit un email de confirmation", "Je reçois un email de confirmation"),
    ("fr", "Commande un produit", "Je commande un produit"),
    ("fr", "Choisit son forfait", "Je choisis mon forfait"),
    ("fr", "Consultez vos factures", "Je consulte mes factures"),
    ("fr", "Réservez une table", "Je réserve une table"),
    ("fr", "Prenez rendez-vous en ligne", None),  # "rendez-vous": not after a verb's words
    ("en", "Book an engineer visit", "I book an engineer visit"),
    ("en", "Check your inbox", "I check my inbox"),
    ("en", "Access your account", "I access my account"),
    ("en", "Receives an email", "I receive an email"),
    ("en", "Tries the dress on", "I try the dress on"),
    ("en", "Watches the tutorial", "I watch the tutorial"),
    ("en", "Has an account", "I have an account"),
    # the customer seen from outside
    ("fr", "Le client compare les prix", "Je compare les prix"),
    ("fr", "Il reçoit un email", "Je reçois un email"),
    ("fr", "Elle ouvre son compte", "J'ouvre mon compte"),
    ("fr", "Le client paie sa commande", "Je paie ma commande"),
    ("fr", "L'usager prend rendez-vous", "Je prends rendez-vous"),
    ("en", "The customer compares prices", "I compare prices"),
    ("en", "The user checks their email", "I check my email"),
    ("en", "She opens the app", "I open the app"),
    ("en", "They compare offers", "I compare offers"),
    # the first clause only: a second verb is never left in the third person
    ("en", "Founder creates an account and signs in", "I create an account…"),
    ("en", "Customer browses categories and views product details", "I browse categories…"),
    ("fr", "Il visite le site web, compare les produits, lit les avis", "Je visite le site web…"),
    ("fr", "Créer un compte ou se connecter", "Je crée un compte…"),
    (
        "fr",
        "Le client commence par s'enregistrer sur la plateforme",
        "Je commence par m'enregistrer sur la plateforme",
    ),
    ("en", "Customer finds your store through search", "I find your store through search"),
    ("en", "WhatsApp the link to clients", "I WhatsApp the link to clients"),
    ("en", "She decides to buy it, so she adds it to her cart", "I decide to buy it…"),
]

KEPT_GENERAL = [
    ("en", "Selection of a plan"),  # a noun: "I selection" is no sentence
    ("en", "Technician dispatch and route optimisation"),
    ("en", "Payment confirmation"),
    ("en", "Onboarding"),
    ("fr", "Retrait au guichet"),  # "Je retrais" would be no verb at all
    ("fr", "Dossier de candidature"),
    ("fr", "Commande en ligne"),
    ("fr", "Achat du billet"),
    ("fr", "Lettre de bienvenue"),
    ("fr", "Plaisir de la découverte"),
    ("fr", "Choisissez votre forfait"),  # "votre": "mon" or "ma" needs the noun's gender
    ("fr", "Les clients comparent les offres"),  # a French plural: left to the writer
    ("fr", "Stockage des commandes dans les frigos"),  # nouns before "des" and "du"
    ("fr", "Remise du ticket au client"),
    ("fr", "Découverte des Archipels sur la carte"),
    ("fr", "A la fin de la saisie, cliquez sur le bouton"),  # "A" is "à", not "a"
    ("en", "Sent back for corrections"),  # a participle, not "I sent"
    # a leading clause, then an order: was "I once my return has been shipped back to us…"
    ("en", "Once your return has been shipped back to us, please allow up to 5-10 business days"),
    ("en", "If your bag is damaged or items are missing, ask the airline to pay for repairs"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TURNED)
def test_a_step_is_told_by_the_customer(lang: str, text: str, expected: str | None) -> None:
    voice = classify(text, lang)
    assert voice.kind in ("no-subject", "customer"), voice
    assert first_person_version(text, "en" if lang == "en" else "fr", voice.kind, voice.word) == (
        expected
    )


@pytest.mark.parametrize(("lang", "text"), KEPT_GENERAL)
def test_a_step_the_rewrite_is_unsure_of_is_left_alone(lang: str, text: str) -> None:
    voice = classify(text, lang)
    assert voice.kind in ("no-subject", "customer"), voice
    assert first_person_version(text, "en" if lang == "en" else "fr", voice.kind, voice.word) is (
        None
    )


def test_the_cli_hints_show_the_turned_step_or_the_general_example(tmp_path: Path) -> None:
    english = tmp_path / "en.yaml"
    english.write_text(
        BASE_EN.replace("I order my bike online", "Book a test ride").replace(
            "        touchpoints: [{channel: web, owner: digital}]\n",
            "        touchpoints: [{channel: web, owner: digital}]\n"
            "      - id: pay\n        text: The customer pays the deposit\n"
            "        touchpoints: [{channel: web, owner: digital}]\n"
            "      - id: plan\n        text: Selection of a plan\n"
            "        touchpoints: [{channel: web, owner: digital}]\n",
        ),
        encoding="utf-8",
    )
    french = tmp_path / "fr.yaml"
    french.write_text(
        BASE_FR.replace("Ensuite je récupère mon", "Récupérer mon"),
        encoding="utf-8",
    )
    result = run_cli("lint", english, french)
    out = result.stdout
    assert result.code == 1, out + result.stderr
    assert "step 'order' has no subject ('Book...'): make the customer the subject, with " \
        "\"I\", e.g. 'I book a test ride'" in out  # fmt: skip
    assert "('The customer'): let the customer tell it, with \"I\", e.g. 'I pay the deposit'" in out
    # A noun step is turned by its noun's verb (tests/lint/test_nominal_hint.py).
    assert "step 'plan' has no subject ('Selection...'): make the customer the subject, " \
        "with \"I\", e.g. 'I select a plan'" in out  # fmt: skip
    assert "e.g. 'Je récupère mon vélo en boutique'" in out
