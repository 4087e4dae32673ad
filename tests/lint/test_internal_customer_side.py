"""The customer's side of a text naming the office's work (lint.sentence.customer_side).

Each class of false alarm found on the ninth corpus set is checked on made-up texts: the
customer addressed as the one who acts, told or kept informed, a product's capability, a
limit told, and words of work that name a price, a procedure, the shop's shelf or the
user's own move. Each comes with look-alikes that stay back-office work: the same words
with the office at work and no customer's part in them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymap.lint.config import LintConfig
from journeymap.lint.rules.internal import _internal, internal_terms
from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import Lang, internal_work
from tests.conftest import invoke

CUSTOMER_SIDE: dict[str, list[tuple[Lang, str]]] = {
    "the customer addressed as the one who acts": [
        ("fr", "Collez l'étiquette de retour puis déposez le carton au point relais"),
        ("fr", "Ensuite, validez le formulaire et scannez votre pièce d'identité"),
        ("en", "You pack the parcel and drop it at the depot we pick"),
        ("en", "You can track the refund by logging into the portal"),
        ("en", "Get Approved"),
    ],
    "the customer told or kept informed": [
        ("en", "Applicants are kept informed at every stage of the review"),
        ("fr", "Nous tenons les adhérents informés du traitement de leur dossier"),
        ("en", "The portal notifies the client of the assessment result"),
        ("en", "The app sends the user a copy of the audit"),
        ("en", "Payments are reconciled automatically for your convenience"),
    ],
    "what the product lets the customer do, or a limit told": [
        ("fr", "Archivage des factures possible"),
        ("fr", "Possibilité d'exporter l'historique en CSV"),
        ("en", "Option to export the audit trail"),
        ("en", "Once packing has started, bookings can't be changed"),
        ("fr", "Une fois validée, la commande n'est plus modifiable"),
    ],
    "words of work that name something else": [
        ("en", "A processing fee of 5% applies to cancelled bookings"),
        ("en", "Members will get updates throughout the whole process, step by step"),
        ("en", "Sizes shown in stock ship the same day"),
        ("en", "Signing up takes two minutes"),
        ("en", "Talk to our adviser to get started"),
        ("en", "Bookings are recommended at weekends"),
    ],
}

# The same words with the office at work and no part for the customer: still reported.
BACK_OFFICE: list[tuple[Lang, str]] = [
    ("fr", "Le gestionnaire valide le dossier dans le back-office"),
    ("fr", "Mise à jour des stocks dans l'ERP"),
    ("en", "Warehouse team logs the returned items into the inventory"),
    ("en", "The claims team processes the refund"),
    ("en", "The Reconciliation Process"),
    ("en", "Process the refund in the billing system"),
    ("en", "Items returned to stock are inspected by the warehouse team"),
    ("en", "Underwriter reviews the file and escalates it to the credit committee"),
]


def _read(lang: Lang, text: str) -> object:
    return internal_work(text, lang, classify(text, lang).kind)


@pytest.mark.parametrize(
    ("lang", "text"), [case for cases in CUSTOMER_SIDE.values() for case in cases]
)
def test_the_customers_side_is_left_alone(lang: Lang, text: str) -> None:
    assert _read(lang, text) is None, text


@pytest.mark.parametrize(("lang", "text"), BACK_OFFICE)
def test_the_same_words_with_the_office_at_work_are_still_found(lang: Lang, text: str) -> None:
    assert _read(lang, text) is not None, text


@pytest.mark.parametrize(
    ("text", "internal"),
    [
        ("Delivery — shopper unpacks the box and checks the contents", False),
        ("Step 2: the customer checks out", False),
        ("Step 2 — analyst checks the documents against the KYC rules", True),
    ],
)
def test_a_label_before_the_customer_acting_is_the_customers_step(
    text: str, internal: bool
) -> None:
    config = LintConfig()
    reading = _internal(text, "en", internal_terms("en", config), config)
    assert (reading.score >= 2) is internal, (text, reading)


def test_the_cli_leaves_the_customers_side_and_reports_the_office(tmp_path: Path) -> None:
    journey = {
        "journeymap": 1,
        "id": "ret",
        "title": "Returning a parcel",
        "lang": "en",
        "stages": [
            {
                "id": "back",
                "name": "Sending it back",
                "steps": [
                    {"id": "pack", "text": "You pack the parcel and drop it at the depot we pick"},
                    {"id": "fee", "text": "A processing fee of 5% applies to cancelled bookings"},
                    {"id": "office", "text": "The claims team processes the refund"},
                ],
            }
        ],
    }
    path = tmp_path / "ret.json"
    path.write_text(json.dumps(journey), encoding="utf-8")
    result = invoke("lint", "--select", "JM301", "--format", "json", path)
    codes = {(f["code"], f["message"].split("'")[1]) for f in json.loads(result.stdout)}
    assert codes == {("JM301", "office")}, result.stdout
