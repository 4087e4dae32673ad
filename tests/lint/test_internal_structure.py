"""Back-office work read from the sentence's structure (journeymap.lint.sentence.structure).

Each class is checked on made-up texts, with the look-alikes the customer lives: a third
party at work on something with no customer in sight (against the same subjects acting
towards the customer, or working in front of the customer), a file or goods worked on in
a passive whose agent is unnamed (against the passives the customer lives), and an order
to work through every item of something (against the customer's own things).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import Lang, internal_work
from journeymap.lint.sentence.structure import agent_clause, checklist_task, office_passive
from journeymap.lint.sentence.tokens import words
from tests.conftest import invoke

CLASSES: dict[str, list[tuple[Lang, str]]] = {
    "a staff member, an organisation or a component acting, no customer in sight": [
        ("fr", "Le magasinier range les cartons"),
        ("fr", "Un comptable rapproche les relevés"),
        ("fr", "Le notaire rédige l'acte"),
        ("fr", "Pendant ce temps, le courtier compare les offres des banques"),
        ("fr", "Le préparateur de commandes emballe les articles"),
        ("fr", "ACME transmet le dossier au siège"),
    ],
    "a file or goods worked on, the agent unnamed": [
        ("en", "Your payslips are checked against the bank statements"),
        ("en", "Each pallet is weighed"),
        ("en", "Returned items are sorted into bins"),
        ("en", "Boxes should be stacked by size"),
        ("fr", "Les palettes sont pesées"),
        ("fr", "Votre demande est étudiée"),
        ("fr", "Les pièces sont numérisées puis jointes au dossier"),
    ],
    "an order to work through every item of something": [
        ("en", "Sweep all aisles"),
        ("en", "Label each shelf"),
        ("en", "Count every pallet in the bay"),
    ],
}

# The structure is read (agent_clause names it) but not reported in English: on the
# seventh blind set, new writing nobody had read, the third party read in English added 6
# true findings and 11 false alarms. A reading that is wrong more often than right on new
# writing is left out. (The agentless passive, left out in French on the same grounds,
# reads French since it tells verdicts, successes and limits set by law apart: 12 true
# findings and no false alarm added over the second to eighth sets.)
ONE_LANGUAGE_ONLY: list[tuple[Lang, str]] = [
    ("en", "The surveyor measures the plot"),
    ("en", "The valuer verifies your payslips"),  # "lender" is a staff noun: read in both
]

LOOK_ALIKES: list[tuple[Lang, str]] = [
    # the same subjects, acting towards the customer or in the customer's sight
    ("en", "The courier hands you the parcel"),
    ("en", "The surveyor calls you to book a slot"),
    ("en", "The driver delivers the sofa"),
    ("en", "The surveyor schedules a visit"),
    ("en", "Your cleaner will begin the work"),
    ("fr", "Le conseiller vous remet le contrat"),
    ("fr", "Le livreur vérifie votre identité"),
    ("fr", "La vendeuse emballe les articles"),
    ("fr", "Le technicien fixe un rendez-vous"),
    ("en", "Doctor prescribes the treatment"),
    ("fr", "L'emprunteur rassemble ses justificatifs"),  # the customer from outside
    ("en", "Viewer watches the video"),
    # passives the customer lives
    ("en", "Your sofa is delivered"),
    ("en", "Your deposit is refunded"),
    ("en", "Orders can be cancelled before shipping"),
    ("en", "If an address is entered incorrectly, contact us"),
    ("fr", "Vous êtes rappelé sous 24 heures"),
    ("fr", "Votre colis est expédié"),
    ("fr", "Le retour est gratuit"),
    ("fr", "Un rendez-vous est fixé chez vous"),
    ("fr", "La commande est prise en charge par le transporteur"),
    # a verdict, a success, a limit set by law: what the customer is told
    ("fr", "Votre demande d'inscription a été refusée."),
    ("en", "Your application was declined"),
    ("fr", "Votre dossier a été enregistré avec succès."),
    ("en", "Your file was uploaded successfully"),
    ("fr", "Les frais sont plafonnés par la loi"),
    # the customer's own things, or the customer told what to do
    ("en", "Check all your documents"),
    ("en", "Print my ticket"),
    ("en", "Send all invoices to the client"),
]


CASES = [(lang, text, True) for cases in CLASSES.values() for lang, text in cases]
CASES += [(lang, text, False) for lang, text in LOOK_ALIKES]


@pytest.mark.parametrize(("lang", "text", "internal"), CASES)
def test_each_structure_is_found_and_its_look_alikes_left_alone(
    lang: Lang, text: str, internal: bool
) -> None:
    found = internal_work(text, lang, classify(text, lang).kind)
    assert (found is not None and bool(found.words)) is internal, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "subject", "verb"),
    [
        ("en", "Broker compiles the quotes", "broker", "compiles"),
        (
            "fr",
            "Le préparateur de commandes emballe les articles",
            "preparateur de commandes",
            "emballe",
        ),
        ("fr", "ACME transmet le dossier au siège", "acme", "transmet"),
    ],
)
def test_the_agent_clause_names_its_subject_and_verb(
    lang: Lang, text: str, subject: str, verb: str
) -> None:
    assert agent_clause(list(words(text)), lang, text) == (subject, verb)


def test_the_passive_and_the_checklist_name_their_verb() -> None:
    text = "Les palettes sont pesées"
    assert office_passive(text, list(words(text)), "fr") == ("pesees",)
    assert checklist_task(list(words("Label each shelf")), "en") == ("label", "each")
    assert checklist_task(list(words("Label my shelf")), "en") == ()


def test_the_cli_reports_each_structure_and_leaves_the_look_alikes(tmp_path: Path) -> None:
    steps = [
        ("agent", "The surveyor measures the plot"),  # French only: see ONE_LANGUAGE_ONLY
        ("passive", "Each pallet is weighed"),
        ("checklist", "Sweep all aisles"),
        ("handover", "The courier hands you the parcel"),
        ("lived", "Your sofa is delivered"),
    ]
    lines = ["journeymap: 1", "id: move", "title: Moving house", "lang: en", "stages:"]
    lines += ["  - id: day", "    name: Moving day", "    steps:"]
    lines += [f"      - id: {sid}\n        text: {text}" for sid, text in steps]
    path = tmp_path / "move.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("lint", "--select", "JM3", "--format", "json", path)
    reported = {
        finding["message"].split("'")[1]
        for finding in json.loads(result.stdout)
        if finding["code"] == "JM301"
    }
    assert reported == {"passive", "checklist"}, result.stdout


def _journey(tmp_path: Path, texts: list[str]) -> set[str]:
    """The ids of the steps JM301 reports in a journey of these steps (s0, s1, ...)."""
    lines = ["journeymap: 1", "id: shift", "title: Shift", "lang: en", "stages:"]
    lines += ["  - id: day", "    name: The day", "    steps:"]
    lines += [f"      - id: s{i}\n        text: {text}" for i, text in enumerate(texts)]
    path = tmp_path / "shift.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("lint", "--select", "JM301", "--format", "json", path)
    return {finding["message"].split("'")[1] for finding in json.loads(result.stdout)}


BACK_OFFICE = [
    "The surveyor measures the plot",
    "Each pallet is weighed",
    "Sweep all aisles",
    "The scheduler queues the batch",
]


def test_an_order_among_back_office_steps_is_the_staffs_checklist(tmp_path: Path) -> None:
    found = _journey(tmp_path, [*BACK_OFFICE[:2], "Stack the crates", *BACK_OFFICE[2:]])
    assert "s2" in found, found


def test_the_same_order_among_the_customers_steps_is_the_customers(tmp_path: Path) -> None:
    texts = [*BACK_OFFICE[:2], "Stack the crates", *BACK_OFFICE[2:], "I get my keys"]
    assert "s2" not in _journey(tmp_path, texts)
    # and in a journey that is not mostly back-office work
    texts = ["Stack the crates", "Browse sofas", "Compare prices", "Pick a colour", "Pay online"]
    assert "s0" not in _journey(tmp_path, texts)


@pytest.mark.parametrize(("lang", "text"), ONE_LANGUAGE_ONLY)
def test_a_structure_read_badly_on_new_writing_is_not_reported_in_that_language(
    lang: Lang, text: str
) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is None
