"""Back-office work by linguistic category (issue #13), and the journey around a weak sign.

Each category is checked on made-up texts of its own kind, not on the corpus (which
benchmarks/corpus.py measures): a deverbal back-office noun, a staff or system subject,
work passed to the company's own people, an internal object, a support system or a
department named as a step, a company promise to do back-office work. The journey's
context (a staff persona, or back-office neighbours) is checked through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import internal_signs, internal_work, staff_role
from tests.conftest import invoke

CATEGORIES = {
    "back-office task named as a noun": [
        ("fr", "Génération rapport hebdomadaire"),
        ("fr", "Archivage des dossiers"),
        ("fr", "Rapprochement bancaire"),
        ("en", "Lead qualification"),
        ("en", "Endpoint assessment"),
        ("en", "Payment reconciliation"),
    ],
    "staff or system as the subject": [
        ("fr", "Le gestionnaire instruit le dossier"),
        ("fr", "Nos équipes vérifient les justificatifs"),
        ("en", "Underwriter reviews application"),
        ("en", "System flags suspicious transaction"),
        ("en", "Our experts analyse the request"),
    ],
    "work passed to the company's own people": [
        ("fr", "Notifie le coiffeur d'une nouvelle demande"),
        ("fr", "Transmission au service contentieux"),
        ("en", "The examiner sends letters to medical providers"),
        ("en", "Notify the warehouse"),
    ],
    "internal objects": [
        ("fr", "Configuration des templates"),
        ("fr", "Relance des prospects"),
        ("fr", "Mise en rayon"),
        ("en", "Update inventory"),
        ("en", "Credit scoring"),
        ("en", "Fix bugs in the codebase"),
    ],
    "control and coordination": [
        ("fr", "Réunion d'équipe"),
        ("fr", "Analyse de risque"),
        ("en", "Fraud check"),
        ("en", "Quality assurance check"),
    ],
    "a support system or a department named as a step": [
        ("fr", "Système de gestion des commandes"),
        ("en", "Table reservation system (bookings, waiting list)"),
        ("en", "Sales follow-up"),
    ],
    "the company's promise to do back-office work": [
        ("fr", "Nous étudions votre dossier sous 48 h"),
        ("en", "We will investigate the damages being claimed"),
        ("en", "Your file is escalated to a senior agent"),
    ],
    "a passive or headline without the customer": [
        ("fr", "Préparation de votre commande en entrepôt"),
        ("en", "Deal opportunity created"),
        ("en", "Invoice generated"),
    ],
}

# The same words, as the customer lives them: each category has its look-alikes.
LOOK_ALIKES = [
    ("fr", "Planification du voyage"),  # customers plan too
    ("fr", "Génération de mon attestation"),  # the customer's own paper
    ("fr", "Création du mot de passe"),
    ("fr", "Contacter le service client"),  # the customer's contact, not a handover
    ("fr", "Notifie le client du résultat"),  # the customer is the one told
    ("fr", "Validation du panier"),
    ("en", "Pick up order in store"),
    ("en", "Chat with an agent"),
    ("en", "Schedule an appointment"),
    ("en", "Review order"),
    ("en", "Verify email address"),
    ("en", "We'll contact you within 24h"),
    ("en", "Customer support call"),
]


@pytest.mark.parametrize(
    ("lang", "text"),
    [case for cases in CATEGORIES.values() for case in cases],
)
def test_each_category_of_back_office_work_is_found(lang: str, text: str) -> None:
    found = internal_work(text, lang, classify(text, lang).kind)
    assert found is not None and found.words, text


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_the_customers_look_alikes_are_left_alone(lang: str, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is None


@pytest.mark.parametrize(
    ("text", "lang", "staff"),
    [
        ("Parcours gérante", "fr", True),
        ("Journée de l'administrateur", "fr", True),
        ("Claims adjuster", "en", True),
        ("Parcours client en agence", "fr", False),  # a customer's journey with an agency
        ("Customer journey with an agent", "en", False),
        ("Urban cyclist", "en", False),
    ],
)
def test_a_staff_role_is_read_from_a_persona_or_title(text: str, lang: str, staff: bool) -> None:
    assert staff_role(text, "en" if lang == "en" else "fr") is staff


def test_a_weak_sign_is_kept_with_its_score() -> None:
    """One weak sign is not enough on its own; the rule weighs it with the journey."""
    found = internal_signs("Mise à jour des prix", "fr", "no-subject")
    assert found is not None and found.score == 1
    assert internal_work("Mise à jour des prix", "fr", "no-subject") is None


JOURNEY = """\
journeymap: 1
id: journee
title: {title}
lang: fr
persona: {{name: {persona}}}
stages:
  - id: matin
    name: Matinée
    steps:
{steps}
"""


def _lint(tmp_path: Path, title: str, persona: str, texts: list[str]) -> dict[str, set[str]]:
    steps = "".join(f"      - {{id: s{i}, text: {text!r}}}\n" for i, text in enumerate(texts))
    path = tmp_path / "journee.yaml"
    path.write_text(JOURNEY.format(title=title, persona=persona, steps=steps), encoding="utf-8")
    result = invoke("lint", "--format", "json", path)
    first_step_line = JOURNEY.count("\n", 0, JOURNEY.index("{steps}")) + 1
    found: dict[str, set[str]] = {}
    for item in json.loads(result.stdout):
        found.setdefault(str(item["line"] - first_step_line), set()).add(item["code"])
    return found


def test_a_weak_sign_is_back_office_work_in_a_staff_members_journey(tmp_path: Path) -> None:
    weak = "Mise à jour des prix"
    staff = _lint(tmp_path, "Journée de la gérante", "Gérante", ["Connexion", weak])
    customer = _lint(tmp_path, "Achat en boutique", "Cliente fidèle", ["Connexion", weak])
    assert "JM301" in staff.get("1", set())
    assert "JM301" not in customer.get("1", set())
    assert "JM301" not in staff.get("0", set())  # what any user does stays the user's


def test_a_weak_sign_among_back_office_steps_is_back_office_work(tmp_path: Path) -> None:
    weak = "Mise à jour des prix"
    around = ["Génération rapport", "Archivage des dossiers", weak, "Relance des prospects"]
    alone = ["Je compare les offres", "Je choisis un créneau", weak, "Je paie en ligne"]
    assert "JM301" in _lint(tmp_path, "Journée", "Marie", around).get("2", set())
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", alone).get("2", set())


def test_a_weak_sign_in_a_run_of_back_office_signs_is_back_office_work(tmp_path: Path) -> None:
    # A staff procedure told in weak words ("Review case details", "Check completeness"):
    # each of the four nearest steps carries a sign, and one of them is sure.
    weak = "Mise à jour des prix"
    run = ["Analyse des écarts", "Génération rapport", weak, "Contrôle des quantités",
           "Planification des tournées"]  # fmt: skip
    no_sure = ["Analyse des écarts", "Vérification du budget", weak, "Contrôle des quantités",
               "Planification des tournées"]  # fmt: skip
    gap = ["Analyse des écarts", "Génération rapport", weak, "Choix du créneau",
           "Planification des tournées"]  # fmt: skip
    assert "JM301" in _lint(tmp_path, "Journée", "Marie", run).get("2", set())
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", no_sure).get("2", set())
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", gap).get("2", set())


def test_a_weak_sign_between_signed_steps_of_a_staff_procedure(tmp_path: Path) -> None:
    # Most steps carry a back-office sign, a quarter of them sure, the customer named in
    # hardly any: the journey follows a staff procedure, and a weak sign between two
    # signed steps is the staff's (two of its four nearest are not enough elsewhere).
    weak = "Mise à jour des prix"
    procedure = ["Génération rapport", "Analyse des écarts", weak, "Vérification du budget",
                 "Choix du créneau", "Archivage des dossiers", "Contrôle des quantités",
                 "Relance des prospects"]  # fmt: skip
    assert "JM301" in _lint(tmp_path, "Journée", "Marie", procedure).get("2", set())
    # the customer in the journey: a mixed journey, where the sign may be the customer's
    mixed = [*procedure[:4], "Le client choisit un créneau", procedure[5],
             "Le client paie en ligne", procedure[7]]  # fmt: skip
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", mixed).get("2", set())
    # few sure signs: not a procedure
    unsure = [*procedure[:5], "Choix du créneau", procedure[6], "Choix du créneau"]
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", unsure).get("2", set())


def _stage_findings(tmp_path: Path, stage: str, texts: list[str]) -> list[str]:
    """The JM302 findings of a journey of one stage named `stage`, holding these steps."""
    steps = "".join(f"      - {{id: s{i}, text: {text!r}}}\n" for i, text in enumerate(texts))
    path = tmp_path / "etape.yaml"
    path.write_text(
        "journeymap: 1\nid: etape\ntitle: Journée\nlang: fr\nstages:\n"
        f"  - id: fin\n    name: {stage}\n    steps:\n{steps}",
        encoding="utf-8",
    )
    result = invoke("lint", "--select", "JM302", "--format", "json", path)
    return [item["code"] for item in json.loads(result.stdout)]


def test_a_weak_sign_names_a_stage_after_the_staffs_work_when_the_steps_are(
    tmp_path: Path,
) -> None:
    # Seven in ten steps or more are back-office work: "Validation finale" is the staff's.
    office = ["Génération rapport", "Archivage des dossiers", "Relance des prospects",
              "Saisie des commandes dans l'ERP"]  # fmt: skip
    lived = ["Je compare les offres", "Je choisis un créneau", "Je paie en ligne",
             "Génération rapport"]  # fmt: skip
    assert _stage_findings(tmp_path, "Validation finale", office) == ["JM302"]
    assert _stage_findings(tmp_path, "Validation finale", lived) == []


def test_a_task_is_the_staffs_when_the_steps_are_back_office_work(tmp_path: Path) -> None:
    # Four steps in five read as back-office work: the journey follows the staff, whatever
    # its title, and a task told without the customer is theirs.
    task = "Apposition des étiquettes"
    office = ["Génération rapport", "Archivage des dossiers", task,
              "Saisie des commandes dans l'ERP", "Relance des prospects"]  # fmt: skip
    assert "JM301" in _lint(tmp_path, "Journée", "Marie", office).get("2", set())
    mixed = [*office[:3], "Choix du créneau", "Relance des prospects"]
    assert "JM301" not in _lint(tmp_path, "Journée", "Marie", mixed).get("2", set())
