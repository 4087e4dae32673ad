"""An audit or a report handed to the customer is not the back office's work.

"Audit" and "rapport" are back-office nouns on their own ("Audit des accès", "Génération
rapport hebdomadaire"); put before the customer, who looks at them, receives them or takes
part ("Consulter la synthèse de l'audit", "restitution de l'audit"), they are the
deliverable a consultancy sells. Such a text keeps one weak sign, which a staff journey
still decides. Made-up texts, with the back-office look-alikes that must stay internal.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import internal_signs, internal_work
from journeymap.lint.sentence.tokens import Lang

HANDED_OVER = [
    ("fr", "Lire la synthèse de l'audit énergétique"),
    ("fr", "Rendez-vous de présentation du rapport final"),
    ("fr", "Participe à l'audit de sécurité"),
    ("en", "Download the accessibility audit"),
    ("en", "Read the final report with the consultant"),
]
BACK_OFFICE = [
    ("fr", "Rédaction du rapport d'audit"),  # drafting it
    ("fr", "Audit interne des habilitations"),
    ("fr", "Consultation des KPIs du jour"),  # the office's own monitoring
    ("en", "Prepare the audit report"),
    ("en", "Quarterly compliance audit"),
]


@pytest.mark.parametrize(("lang", "text"), HANDED_OVER)
def test_a_deliverable_before_the_customer_is_one_weak_sign(lang: Lang, text: str) -> None:
    kind = classify(text, lang).kind
    assert internal_work(text, lang, kind) is None
    found = internal_signs(text, lang, kind)
    assert found is None or found.score == 1  # a staff journey still decides a weak sign


@pytest.mark.parametrize(("lang", "text"), BACK_OFFICE)
def test_producing_or_monitoring_stays_back_office_work(lang: Lang, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is not None
