"""JM3xx, golden rule 3: only the steps that mean something to the customer.

The map forgets internal processes and constraints. A step the customer cannot see or
name ("saisie dans l'ERP", "ticket dispatch") is the company's process, not the
customer's journey; it belongs in a service blueprint, not here.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeymap.lint.config import LintConfig
from journeymap.lint.rule import Finding, rule
from journeymap.lint.text import find_term
from journeymap.model.journey import Journey

# Jargon of the back office, in each language. Anglicisms are common in French teams, so
# the French list carries them too. All-capital acronyms match only in capitals ("SI"
# is the information system, "si" is "if").
INTERNAL_WORDS: dict[str, tuple[str, ...]] = {
    "fr": (
        "back-office",
        "middle-office",
        "front-office",
        "workflow",
        "saisie",
        "ERP",
        "CRM",
        "SI",
        "système d'information",
        "ticket",
        "validation interne",
        "circuit de validation",
        "processus interne",
        "process interne",
        "procédure interne",
        "traitement interne",
        "dispatch",
        "provisioning",
        "SLA",
        "KPI",
        "reporting",
        "habilitation",
        "back-end",
        "batch",
        "base de données",
        "file d'attente interne",
        "escalade interne",
        "bannette",
    ),
    "en": (
        "back-office",
        "middle-office",
        "front-office",
        "workflow",
        "data entry",
        "ERP",
        "CRM",
        "IS",
        "ticketing",
        "ticket queue",
        "ticket routing",
        "internal approval",
        "internal validation",
        "internal process",
        "dispatch",
        "provisioning",
        "SLA",
        "KPI",
        "reporting",
        "back-end",
        "batch job",
        "database",
        "escalation",
        "triage",
        "handoff",
        "sign-off",
    ),
}


# Customer words that contain an internal one: a till receipt is no back-office ticket,
# and in English "ticket" is what the customer buys, so only its jargon uses are listed.
CUSTOMER_PHRASES: dict[str, tuple[str, ...]] = {
    "fr": (
        "ticket de caisse",
        "ticket de métro",
        "ticket de bus",
        "ticket d'entrée",
        "ticket restaurant",
        "ticket de cinéma",
        "ticket de parking",
        "ticket de retrait",
    ),
    "en": (),
}


def internal_terms(lang: str, config: LintConfig) -> tuple[str, ...]:
    """The default list for `lang`, plus the team's words, minus the words it allows."""
    allowed = {word.casefold() for word in config.allowed_words}
    words = (*INTERNAL_WORDS[lang], *config.internal_words.get(lang, ()))
    return tuple(w for w in dict.fromkeys(words) if w.casefold() not in allowed)


@rule("JM301", "internal-process-step", "warning")
def internal_process_step(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step's text speaks of an internal process or constraint, not of the customer.

    Golden rule 3: only cite the steps that mean something to the customer and forget
    internal processes and constraints. The word list (back-office, workflow, saisie,
    ERP, CRM, ticket, SI, validation interne, dispatch, provisioning, SLA...) is
    extended with `internal-words` and trimmed with `allowed-words` in the
    configuration, for a sector where one of these words is the customer's own.
    Customer phrases that contain such a word ("ticket de caisse", "ticket d'entrée")
    are not counted; in English only ticketing jargon is ("ticket queue"), since a
    ticket is what a traveller buys.

    Bad (fr): `text: Saisie de la commande dans l'ERP par le back-office`
    Good (fr): `text: Je reçois la confirmation de ma commande`
    Bad (en): `text: Ticket dispatched to the provisioning team`
    Good (en): `text: I get an email saying my line is ready`
    """
    terms = internal_terms(journey.lang, config)
    for stage_index, _, step_index, step in journey.iter_steps():
        term = find_term(step.text, terms, CUSTOMER_PHRASES[journey.lang])
        if term is not None:
            yield Finding(
                ("stages", stage_index, "steps", step_index, "text"),
                f"step '{step.id}' speaks of an internal process ({term!r}): tell what the "
                "customer lives and sees; keep back-office work for a service blueprint",
            )


@rule("JM302", "internal-process-stage", "warning")
def internal_process_stage(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A stage's name speaks of an internal process: name it as the customer lives it.

    Golden rule 3 applies to stages too: "Traitement back-office" is a department's
    phase, the customer lives "J'attends ma carte".

    Bad (fr): `name: Traitement back-office`
    Good (fr): `name: Attente de la carte`
    Bad (en): `name: Provisioning`
    Good (en): `name: Getting started`
    """
    terms = internal_terms(journey.lang, config)
    for index, stage in enumerate(journey.stages):
        term = find_term(stage.name, terms, CUSTOMER_PHRASES[journey.lang])
        if term is not None:
            yield Finding(
                ("stages", index, "name"),
                f"stage '{stage.id}' is named after an internal process ({term!r}): name "
                "it after what the customer goes through",
            )
