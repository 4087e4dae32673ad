"""People named in steps, and the cast a journey declares (journeymap.lint.sentence.people).

A persona told by first name ("Lucie télécharge le rapport") was read as a noun with no
verb, and its report as the back office's: false alarms on a customer's steps, the worst
failure of a linter. A capitalised word none of the lexicons knows, then a third-person
verb and its object, is a person; whose side that person is on comes from the journey:
its `persona`, and the staff and systems its format 1.1 fields name. Made-up texts, with
the look-alikes that must keep their reading.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from tests.lint.base import BASE_FR, data, dump, lint_text

NAMED = [
    ("fr", "Margaux imprime le devis signé", "Margaux"),
    ("fr", "Ensuite, Yanis reçoit un lien de paiement", "Yanis"),
    ("fr", "Inès obtient une attestation", "Inès"),
    ("en", "Priya books a table for four", "Priya"),
    ("en", "Tomasz downloads the annual statement", "Tomasz"),
]
NOT_NAMED = [
    ("fr", "Choix mode de paiement", "no-subject"),  # a noun and its complement
    ("fr", "Remplir formulaire d'inscription", "no-subject"),  # an infinitive
    ("fr", "Dépôt de la demande avec les justificatifs", "no-subject"),
    ("fr", "Détour rapide par le magasin", "no-subject"),  # a noun and its adjective
    ("fr", "Émetteur transmet la fiche au service", "no-subject"),  # an agent noun
    ("fr", "Commande validée par le vendeur", "other"),  # a participle
    ("fr", "Zenbox appelle le client", "company"),  # a brand with the customer as object
    ("en", "Shipment leaves the warehouse", "no-subject"),  # a common noun's shape
    ("en", "Settings screen shows the plan", "no-subject"),  # no third-person verb next
    ("fr", "Quelle est la garantie ?", "first"),  # the customer's own question
    ("fr", "Quels sont les frais de dossier ?", "first"),
    ("fr", "Quelles sont les pièces à fournir", "no-subject"),  # a question word, no '?'
    ("en", "Where does the parcel ship from?", "first"),
    ("en", "Which plan suits a team of five?", "first"),
]


@pytest.mark.parametrize(("lang", "text", "name"), NAMED)
def test_a_capitalised_unknown_word_with_a_verb_is_a_person(
    lang: str, text: str, name: str
) -> None:
    assert (classify(text, lang).kind, classify(text, lang).word) == ("customer", name)


@pytest.mark.parametrize(("lang", "text", "kind"), NOT_NAMED)
def test_nouns_infinitives_and_agent_nouns_are_not_people(lang: str, text: str, kind: str) -> None:
    assert classify(text, lang).kind == kind


def _journey(text: str, persona: str = "Cycliste urbaine", **step: object) -> str:
    journey = data(BASE_FR)
    journey["journeymap"] = 1.1
    journey["owner"] = "Équipe CX"
    journey["persona"] = {"name": persona}
    journey["stages"][0]["steps"][0].update({"text": text, **step})
    return dump(journey)


def _found(text: str) -> list[tuple[str, str]]:
    return [
        (d.code, d.message)
        for d in lint_text(text)
        if d.code.startswith(("JM3", "JM4")) and "'commande'" in d.message
    ]


def test_a_named_persona_handling_a_report_is_not_back_office_work() -> None:
    found = _found(_journey("Margaux télécharge le rapport d'activité"))
    assert [code for code, _ in found] == ["JM403"]
    assert "('Margaux')" in found[0][1]


def test_the_persona_declared_is_the_customer_whatever_follows_the_name() -> None:
    # "Rose" is a word the reader may know; the persona says it is the customer.
    text = "Rose valide le devis et le transmet"
    found = _found(_journey(text, persona="Rose, 41 ans, artisane"))
    assert [code for code, _ in found] == ["JM403"]
    assert "('Rose')" in found[0][1]


def test_a_declared_staff_actor_opening_a_step_is_the_company_at_work() -> None:
    # One weak sign ("contrôle") is not enough alone; done by a declared actor, it is.
    lane = [{"text": "Archivage des pièces", "actor": "Orféo", "owner": "digital"}]
    found = dict(_found(_journey("Orféo contrôle la demande", backstage=lane)))
    assert sorted(found) == ["JM301", "JM402"]
    assert "('Orféo')" in found["JM402"]
    assert "('Orféo', 'contrôle')" in found["JM301"] and "`backstage`" in found["JM301"]
    # Undeclared, the same name is read as a person the journey follows.
    assert [code for code, _ in _found(_journey("Orféo contrôle la demande"))] == ["JM403"]


def test_a_step_actor_or_a_system_is_staff_but_a_relative_is_not() -> None:
    staff = _found(_journey("Plateforme Kivo envoie le contrat", systems=["Plateforme Kivo"]))
    assert [code for code, _ in staff] == ["JM402"]
    relative = _found(_journey("Conjoint compare les offres", actors=["Conjoint"]))
    assert [code for code, _ in relative] != ["JM402"]


def test_a_declared_actors_step_is_sent_to_its_lane() -> None:
    lane = [{"text": "Relance du dossier", "actor": "Orféo", "owner": "digital"}]
    found = dict(_found(_journey("Orféo appelle pour fixer la visite", backstage=lane)))
    assert "'Orféo' does goes in the step's `frontstage` lane, or `backstage`" in found["JM402"]
    plain = dict(_found(_journey("Nous appelons pour fixer la visite")))
    assert "`frontstage`" not in plain["JM402"]  # only a declared actor is sent to a lane


def test_a_staff_persona_by_name_is_the_company() -> None:
    found = dict(_found(_journey("Julie contrôle la demande", persona="Julie, gestionnaire")))
    assert sorted(found) == ["JM301", "JM402"]


def test_a_declared_name_that_is_a_common_noun_acts_only_with_a_verb() -> None:
    # A stakeholder named "Paiement" does not make "Paiement validé" the company's step.
    journey = data(BASE_FR)
    journey["stakeholders"].append({"id": "paiement", "name": "Paiement"})
    journey["stages"][0]["steps"][0]["text"] = "Paiement validé par la banque"
    plain = data(BASE_FR)
    plain["stages"][0]["steps"][0]["text"] = "Paiement validé par la banque"
    assert _found(dump(journey)) == _found(dump(plain))
    # An actor named after the customer is the customer.
    found = _found(_journey("Client reçoit le lien de paiement", actors=["Client"]))
    assert [code for code, _ in found] == ["JM403"]
