"""A refund issued is the seller's task; the outcome told is the customer's answer.

The customer asks for a refund and gets it; the seller issues, calculates or carries it
out ("Issue refund", "Effectuer le remboursement", "Générer un avoir"): a merchant's
procedure, read on writing the rules were not built on (four sources of the fourth
set). Telling the outcome of a file ("Communicate outcome") is the answer the customer
waits for, even with no "you" in it. Made-up texts, with the look-alikes.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import internal_work
from journeymap.lint.sentence.tokens import Lang

ISSUED = [
    ("en", "Issue store credit refund"),
    ("en", "Calculate the refund for damaged items"),
    ("fr", "Effectuer le remboursement sur la carte"),
    ("fr", "Générer un avoir selon la procédure"),
    ("fr", "Émettre un avoir de 20 euros"),
]
CUSTOMER_SIDE = [
    ("en", "Request a refund"),  # asking
    ("en", "Refund confirmation email"),  # the message about it
    ("en", "Track my refund"),
    ("fr", "Demander un remboursement"),
    ("fr", "Suivre mon remboursement"),
    ("fr", "Choisir entre avoir et remboursement"),
    ("en", "Communicate the final decision"),  # the outcome told
    ("fr", "Annonce du résultat de l'expertise"),
]


@pytest.mark.parametrize(("lang", "text"), ISSUED)
def test_a_refund_issued_is_the_sellers_task(lang: Lang, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is not None


@pytest.mark.parametrize(("lang", "text"), CUSTOMER_SIDE)
def test_a_refund_asked_got_or_told_is_the_customers(lang: Lang, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is None
