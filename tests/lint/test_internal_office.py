"""Back-office work found on new sources (tests/corpus/second-*.yaml), by category.

Each category is checked on made-up texts of its own kind, with the customer's
look-alikes: the company's own people and premises, goods handled as a task, a
back-office role as a passive's agent, a staff role heading a step, deciding on a file,
and, the other way, the customer asking for, getting or being answered. The journey
context (a staff member's journey, steps mostly made of back-office work) is checked
through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import classify as read_voice
from journeymap.lint.sentence import internal_signs, internal_work, staff_task
from tests.conftest import invoke

CATEGORIES = {
    "the company's own people and premises": [
        ("en", "Orders are pulled from our shelves by our packing team"),
        ("en", "Once you have submitted your order, it will go to our Order Desk for processing"),
        ("fr", "Notre logistique scinde la commande en plusieurs colis"),
    ],
    "goods handled out of sight, named as a task": [
        ("en", "Picking and packing"),
        ("en", "Labeling"),
        ("fr", "Emballage des articles"),
    ],
    "a back-office role as the agent of a passive": [
        ("fr", "La demande est prise en charge par un agent instructeur"),
        ("en", "The file is reviewed by the underwriter"),
    ],
    "a staff role heading a step told without a subject": [
        ("fr", "Expert valide un document"),
        ("en", "Admin reviews the flagged listings"),
        ("en", "Admin sees pending doctor in list"),  # a role the customer never meets
        ("en", "Agents will not see a pending work order"),
        ("en", "Admin receives notification"),  # receiving is not asking the customer
    ],
    "records handled in a passive": [
        ("en", "Credit decision documented in the loan system"),
        ("fr", "Tous les articles sont rassemblés"),
        ("fr", "Articles rassemblés"),  # a participle after its noun, told without a subject
    ],
    "deverbal nouns read back to their verb (attribution, sélection, décision)": [
        ("fr", "Attribution du dossier au gestionnaire"),
        ("en", "Manage users"),
    ],
}

LOOK_ALIKES = [
    ("en", "Our team will call you back"),  # the customer is the one acted upon
    ("en", "Our team is happy to help"),  # help is what the customer gets
    ("fr", "Notre logistique vous enverra votre numéro de suivi"),
    ("fr", "Une fois la commande emballée, vous recevez un e-mail de suivi"),
    ("fr", "Admin invite le client"),  # the customer is in it
    ("fr", "Admin propose un expert"),  # proposing reaches the customer
    ("fr", "Expert demande des documents complémentaires"),  # so does asking
    ("en", "Reviewer requests more documents"),
    ("fr", "Le colis est remis par le livreur"),  # a role the customer meets
    ("en", "Items are added to the cart"),
    ("en", "Requests escalation"),  # the customer asks for it
    ("en", "Gets direct agent assignment"),  # the customer gets it
    ("fr", "Demande un rappel du service"),
    ("en", "We will contact you with an authorization number"),  # the customer is answered
    ("en", "Logs in with credentials"),  # a phrasal verb, not the back office's logs
    ("en", "Provide updated bank statements"),  # a participle before its noun: an adjective
    ("en", "Manage my subscription"),
]


CASES = [(*case, True) for cases in CATEGORIES.values() for case in cases]


@pytest.mark.parametrize(("lang", "text", "internal"), CASES + [(*c, False) for c in LOOK_ALIKES])
def test_each_category_is_found_and_its_look_alikes_left_alone(
    lang: str, text: str, internal: bool
) -> None:
    found = internal_work(text, lang, classify(text, lang).kind)
    assert (found is not None and bool(found.words)) is internal, text


def test_the_sellers_own_inflow_is_not_the_customer_asking() -> None:
    assert internal_work("Demande entrante", "fr", "no-subject") is not None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Authorize payments"),
        ("en", "Determine whether the policy covers the loss"),
        ("fr", "Prioriser les dossiers urgents"),
    ],
)
def test_deciding_on_a_file_is_a_weak_sign(lang: str, text: str) -> None:
    """Customers decide too ("Decide which plan to buy"): the journey weighs it."""
    found = internal_signs(text, lang, classify(text, lang).kind)
    assert found is not None and found.score == 1


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Claims new tickets", True),
        ("Opens ticket detail", True),
        ("Enters credentials", False),  # every user signs in
        ("Confirms resolution with customer", False),  # the customer is in it
        ("Send quick acknowledgments", False),  # sent to the customer
        ("Responds in real-time", False),  # the customer is answered
    ],
)
def test_a_task_without_the_customer_is_told_apart(text: str, task: bool) -> None:
    assert staff_task(text, "en", read_voice(text, "en").kind) is task


JOURNEY = """\
journeymap: 1
id: day
title: {title}
lang: en
stages:
  - id: shift
    name: Shift
    steps:
{steps}
"""


def _flagged(tmp_path: Path, title: str, texts: list[str]) -> set[int]:
    steps = "".join(f"      - {{id: s{i}, text: {text!r}}}\n" for i, text in enumerate(texts))
    path = tmp_path / "day.yaml"
    path.write_text(JOURNEY.format(title=title, steps=steps), encoding="utf-8")
    result = invoke("lint", "--format", "json", path)
    first_step_line = JOURNEY.count("\n", 0, JOURNEY.index("{steps}")) + 1
    return {
        item["line"] - first_step_line
        for item in json.loads(result.stdout)
        if item["code"] == "JM301"
    }


def test_a_task_is_back_office_work_in_a_staff_members_journey(tmp_path: Path) -> None:
    texts = ["Enters credentials", "Claims new tickets", "Responds in real-time"]
    assert _flagged(tmp_path, "Support agent shift", texts) == {1}
    assert _flagged(tmp_path, "Getting help online", texts) == set()


def test_a_weak_sign_is_the_staffs_where_most_steps_are_back_office(tmp_path: Path) -> None:
    weak = "Authorize payments"
    office = ["Claim triage", "Fraud check", "Payment reconciliation", weak, "Audit trail review"]
    customer = ["I file my claim", "I upload photos", "I wait", weak, "I get paid"]
    assert 3 in _flagged(tmp_path, "Claims", office)
    assert 3 not in _flagged(tmp_path, "Claims", customer)
