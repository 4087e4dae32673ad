"""Back-office work read from who does what (tests/corpus/fourth-* and fifth-*, read).

Each class is checked on made-up texts with the customer's look-alikes: a job title
built on office work as the subject, a status line the office writes about a file, a
verb and object of the seller's side told without a subject (goods, a file's status,
an issue), the office's work named as the state a file is in, and a file's progress
marked.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import Lang, internal_work
from journeymap.lint.sentence.work_words import office_agent

CATEGORIES = {
    "a job title built on office work, as the subject": [
        ("en", "Verifier reviews the request"),
        ("en", "The investigator inspects the photos"),
        ("fr", "Puis, le vérificateur entre en jeu"),
        ("fr", "Ensuite l'examinateur étudie les pièces"),
    ],
    "the company's staff at work, the main clause after a leading phrase": [
        ("en", "Within two days, our claims handlers assess your file"),
        ("en", "Once you apply, the lending team will verify your income"),
        ("fr", "Sous 48 heures, le gestionnaire examine votre demande"),
    ],
    "a status line the office writes about a file": [
        ("en", "Background check initiated"),
        ("en", "Duplicate account identified"),
        ("en", "Ticket marked as resolved"),
        ("en", "Dispute auto-closed"),
        ("fr", "Dossier clôturé"),
    ],
    "a verb and object of the seller's side, without a subject": [
        ("fr", "Préparer les colis du jour"),
        ("fr", "Emballage des articles commandés"),
        ("fr", "Modifier le statut de la demande"),
        ("en", "Pack the order"),
        ("en", "Update status of the claim"),
        ("en", "Diagnose the incident"),  # the support team's side of an issue
        ("en", "Troubleshoot customer issues"),  # the customer as a complement
        ("fr", "Analyse des anomalies remontées"),
    ],
    "a file's progress marked by whoever works on it": [
        ("fr", "Marquer expédiée"),
        ("fr", "Le préparateur marque la commande comme emballée"),
        ("en", "Mark claim as settled"),
    ],
    "the office's work named as the state a file is in": [
        ("fr", "En cours d'instruction"),
        ("fr", "La demande est en vérification"),
        ("fr", "Devis en attente de validation"),
    ],
}

LOOK_ALIKES = [
    ("en", "I upload my documents"),  # the customer's own action
    ("fr", "Je prépare mon dossier"),
    ("fr", "Préparer ma commande"),  # the customer's own things
    ("en", "Pack your bags"),
    ("en", "Check the status of my order"),
    ("en", "Report an issue"),  # the customer's side of an issue
    ("en", "Customer describes the issue"),
    ("fr", "Signaler un incident"),
    ("en", "Mark as read"),  # the customer's own list
    ("en", "Once you apply, our team will call you back"),  # the customer is answered
    ("fr", "Marquer comme favori"),
    ("en", "Sale items are marked as final sale"),
    ("fr", "Suivre le statut de ma demande"),
    ("en", "Welcome email initiated"),  # a message is what its receiver gets
    ("en", "Order shipped"),  # what the customer gets
    ("fr", "L'écran affiche les plats en préparation"),  # a state shown to the customer
    ("fr", "L'acheteur vérifie le colis"),  # the customer seen from outside
    ("en", "The borrower reviews the offer"),
]

CASES = [(*case, True) for cases in CATEGORIES.values() for case in cases]


@pytest.mark.parametrize(("lang", "text", "internal"), CASES + [(*c, False) for c in LOOK_ALIKES])
def test_each_class_is_found_and_its_look_alikes_left_alone(
    lang: str, text: str, internal: bool
) -> None:
    found = internal_work(text, lang, classify(text, lang).kind)
    assert (found is not None and bool(found.words)) is internal, text


@pytest.mark.parametrize(
    ("word", "lang", "agent"),
    [
        ("approvers", "en", True),
        ("investigator", "en", True),
        ("analyst", "en", True),
        ("controleur", "fr", True),
        ("instructeur", "fr", True),
        ("analyste", "fr", True),
        ("user", "en", False),  # no office work in it
        ("borrower", "en", False),
        ("acheteur", "fr", False),
        ("computer", "en", False),  # computing is not a job title's work
    ],
)
def test_a_job_title_is_read_from_the_work_it_is_built_on(
    word: str, lang: Lang, agent: bool
) -> None:
    assert office_agent(word, lang) is agent
