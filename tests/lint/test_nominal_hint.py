"""JM404's hint turns a step written as a noun into the customer's sentence.

"Réception du colis" was told "make the customer the subject, e.g. 'Je compare les
offres'": a quarter of real steps are written as nouns, and the example fit none. The
texts below are real steps of the corpus (tests/corpus/*.yaml, sources there); the
negatives matter as much: a turned sentence that is wrong French or English costs more
trust than the general example.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence.nominal import nominal_version

TURNED = [
    ("fr", "Réception du colis", "Je reçois le colis"),
    ("fr", "Paiement", "Je paie"),
    ("fr", "Paiement par carte bancaire", "Je paie par carte bancaire"),
    ("fr", "Visite du site", "Je visite le site"),
    ("fr", "Dépôt du dossier", "Je dépose le dossier"),
    ("fr", "Passage en caisse", "Je passe en caisse"),
    ("fr", "Arrivée à l'accueil", "J'arrive à l'accueil"),
    ("fr", "Attente en salle", "J'attends en salle"),
    ("fr", "Connexion via Spotify", "Je me connecte via Spotify"),
    ("fr", "Authentification", "Je m'authentifie"),
    ("fr", "Simulation de l’emprunt,", "Je simule l’emprunt"),
    ("fr", "Création de l'arborescence standardisée", "Je crée l'arborescence standardisée"),
    ("fr", "Signature du contrat puis déblocage des fonds.", "Je signe le contrat…"),
    ("fr", "Vérification des variantes (couleur, pointure)", "Je vérifie les variantes…"),
    ("fr", "Réception du colis par le livreur", "Je reçois le colis…"),
    ("en", "Payment", "I pay"),
    ("en", "Checkout", "I check out"),
    ("en", "Departure", "I leave"),
    ("en", "Search for item", "I search for item"),
    ("en", "Login with Admin Credentials", "I log in with Admin Credentials"),
    ("en", "Verification of Key Details", "I verify Key Details"),
    ("en", "Booking of a table", "I book a table"),
    ("en", "Application for a loan", "I apply for a loan"),
    ("en", "Visit to the branch", "I visit the branch"),
    ("en", "Registration on the website, then login", "I register on the website…"),
]

KEPT_GENERAL = [
    ("fr", "Réception"),  # "Je reçois" alone says nothing
    ("fr", "Ajout au panier"),  # what is added?
    ("fr", "Retrait au guichet"),
    ("fr", "Installation dans la salle"),  # someone else is installed
    ("fr", "Visite à domicile, tablette"),
    ("fr", "Arrivée d'un nouveau bénéficiaire"),  # someone else arrives
    ("fr", "Identification des relances prioritaires"),  # "Je m'identifie les..."
    ("fr", "Paiement en attente"),  # a state, not an action
    ("fr", "Recherche rapide produits (< 30 sec)"),  # an adjective, not an object
    ("fr", "Demande de remboursement"),  # "un" or "une": the noun's gender
    ("fr", "Stockage des commandes dans les frigos"),
    ("fr", "Lettre de bienvenue"),
    ("en", "Order confirmation"),  # a compound: its head comes last
    ("en", "Payment method selection"),
    ("en", "Arrival of the guests"),
    ("en", "Onboarding"),
    ("en", "Delivery of the parcel"),  # the customer receives it: not "I deliver"
]


@pytest.mark.parametrize(("lang", "text", "expected"), TURNED)
def test_a_noun_step_is_told_by_the_customer(lang: str, text: str, expected: str) -> None:
    assert classify(text, lang).kind == "no-subject"
    assert nominal_version(text, "en" if lang == "en" else "fr") == expected


@pytest.mark.parametrize(("lang", "text"), KEPT_GENERAL)
def test_a_noun_step_the_rewrite_is_unsure_of_is_left_alone(lang: str, text: str) -> None:
    assert nominal_version(text, "en" if lang == "en" else "fr") is None
