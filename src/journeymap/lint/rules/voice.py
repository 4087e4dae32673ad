"""JM4xx, golden rule 4: put yourself in the customer's place and use the customer's "je".

"Je recherche une robe d'été", "je consulte la collection sur internet": a step is
something the customer does or lives, told by the customer. A step in the company's
voice ("Nous envoyons le devis") or without a subject ("Simulation de prêt") describes
the company's process and hides what the customer goes through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from journeymap.lint.config import LintConfig
from journeymap.lint.rule import Finding, Loc, rule
from journeymap.lint.text import fold
from journeymap.model.journey import Journey

FIRST_PERSON = {"fr": frozenset({"je", "j'"}), "en": frozenset({"i", "i'"})}

# Words a sentence may start with before its subject: "Ensuite je...", "Then I...".
LEADING = {
    "fr": (
        "ensuite", "puis", "enfin", "alors", "après", "finalement", "maintenant", "d'abord",
        "aussitôt", "ainsi", "donc", "et", "mais", "parfois", "souvent", "toujours", "déjà",
        "encore", "de nouveau", "à nouveau", "plus tard", "aujourd'hui", "moi",
        "quand", "lorsque", "dès que", "si", "une fois que", "après que", "avant que",
        "comme", "pendant que", "au final", "du coup", "à ce moment",
    ),
    "en": (
        "then", "next", "first", "finally", "later", "now", "afterwards", "after that",
        "once", "also", "and", "so", "again", "soon", "eventually", "when", "if", "before",
        "as", "while", "meanwhile", "today", "at last", "in the end", "sometimes", "often",
        "still", "just", "only then",
    ),
}  # fmt: skip

COMPANY = {
    "fr": (
        "Nous", "On", "Notre", "Nos", "Vous", "L'entreprise", "La société", "La marque",
        "L'enseigne", "La banque", "L'agence", "L'assureur", "Le conseiller",
        "La conseillère", "Le vendeur", "La vendeuse", "L'agent", "Le service",
        "L'équipe", "Le magasin", "Le commercial", "La commerciale", "Le technicien",
        "Le livreur", "Le transporteur", "Le centre d'appels", "Le support", "Le système",
        "Le site", "L'application", "Le back-office", "Le gestionnaire",
    ),
    "en": (
        "We", "Our", "Us", "You", "The company", "The brand", "The bank", "The store",
        "The shop", "The team", "The agent", "The advisor", "The adviser", "The sales rep",
        "The salesperson", "The seller", "Support", "The support team", "Staff",
        "The staff", "The technician", "The courier", "The carrier", "The system",
        "The website", "The app", "The back office", "Sales", "The account manager",
    ),
}  # fmt: skip

CUSTOMER_THIRD = {
    "fr": (
        "Le client", "La cliente", "Les clients", "Le prospect", "L'utilisateur",
        "L'utilisatrice", "L'acheteur", "L'acheteuse", "Le visiteur", "La visiteuse",
        "L'abonné", "L'abonnée", "Le consommateur", "La consommatrice", "Le souscripteur",
        "L'assuré", "L'assurée", "Il", "Elle", "Ils", "Elles",
    ),
    "en": (
        "The customer", "Customer", "Customers", "The customers", "The client",
        "The user", "User", "Users", "The buyer", "The visitor", "The subscriber",
        "The prospect", "The shopper", "The member", "He", "She", "They",
    ),
}  # fmt: skip

# A noun standing where the subject should be: "Simulation de...", "Payment of...".
NOUN_SUFFIXES = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "ise", "ee", "aison", "ade"),
    "en": ("tion", "sion", "ment", "ance", "ence", "ure", "ery", "ing", "al"),
}
OF = {"fr": frozenset({"de", "du", "des", "d'"}), "en": frozenset({"of"})}
INFINITIVE = re.compile(r"^[a-z]{3,}(er|ir|re|oir)$")
EXAMPLE = {"fr": "Je compare les offres", "en": "I compare the offers"}
SUBJECT = {"fr": "« je »", "en": '"I"'}

Kind = Literal["first", "company", "customer", "no-subject", "foreign", "other"]

_TOKEN = re.compile(r"\w+'|\w+|,", re.UNICODE)


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fold(text)))


@cache
def _phrases(words: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(tokens, display) pairs, longest first so "Le service client" beats "Le service"."""
    pairs = [(tokens(w), w) for w in words]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _match(toks: tuple[str, ...], words: tuple[str, ...]) -> str | None:
    for phrase, display in _phrases(words):
        if phrase and toks[: len(phrase)] == phrase:
            return display
    return None


def _skip_leading(toks: tuple[str, ...], lang: str) -> tuple[str, ...]:
    leading = _phrases(LEADING[lang])
    changed = True
    while changed and toks:
        changed = False
        for phrase, _ in leading:
            if phrase and toks[: len(phrase)] == phrase:
                toks = toks[len(phrase) :]
                changed = True
                break
        if toks[:1] == (",",):
            toks = toks[1:]
            changed = True
    return toks


@dataclass(frozen=True, slots=True)
class Voice:
    kind: Kind
    word: str = ""


@lru_cache(maxsize=8192)
def classify(text: str, lang: str, company_extra: tuple[str, ...] = ()) -> Voice:
    """Whose voice a step is told in, judged from how its sentence starts.

    Cached: the four voice rules each ask about every step.
    """
    other = "en" if lang == "fr" else "fr"
    toks = _skip_leading(tokens(text), lang)
    if not toks:
        return Voice("other")
    if toks[0] in FIRST_PERSON[lang]:
        return Voice("first")
    if "," in toks[:10]:
        clause = _skip_leading(toks[toks.index(",") + 1 :], lang)
        if clause[:1] and clause[0] in FIRST_PERSON[lang]:
            return Voice("first")
    company = _match(toks, (*COMPANY[lang], *company_extra))
    if company:
        return Voice("company", company)
    customer = _match(toks, CUSTOMER_THIRD[lang])
    if customer:
        return Voice("customer", customer)
    in_other = _skip_leading(tokens(text), other)
    if in_other[:1] and in_other[0] in FIRST_PERSON[other]:
        return Voice("foreign", "Je" if other == "fr" else "I")
    first = toks[0]
    if (
        (len(toks) > 1 and toks[1] in OF[lang])
        or (len(first) > 4 and first.endswith(NOUN_SUFFIXES[lang]))
        or (lang == "fr" and INFINITIVE.match(first))
    ):
        return Voice("no-subject", text.split()[0])
    return Voice("other", text.split()[0])


def _steps(journey: Journey, config: LintConfig, kind: Kind) -> Iterator[tuple[Loc, str, Voice]]:
    """(data path of the text, step id, voice) of the steps told in the voice `kind`."""
    extra = config.company_words.get(journey.lang, ())
    for stage_index, _, step_index, step in journey.iter_steps():
        voice = classify(step.text, journey.lang, extra)
        if voice.kind == kind:
            yield ("stages", stage_index, "steps", step_index, "text"), step.id, voice


@rule("JM401", "not-first-person", "warning")
def not_first_person(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step is not told in the customer's first person ("Je"/"J'" in fr, "I" in en).

    Golden rule 4: put yourself in the customer's place and use the customer's "je".
    Leading adverbs ("Ensuite je", "Puis j'", "Then I"), elision with any apostrophe
    ("J'ai", "J’ai") and a leading clause ("Après la livraison, j'ai...") are all
    first person. A step in the other language's first person is reported with the
    journey's `lang`. Company voice and steps without a subject have their own rules
    (JM402, JM403, JM404).

    Bad (fr): `text: La température baisse`
    Good (fr): `text: Je sens le froid arriver`
    Bad (en): `text: Prices are compared on other sites`
    Good (en): `text: Then I compare prices on other sites`
    """
    for loc, step_id, _ in _steps(journey, config, "other"):
        yield Finding(
            loc,
            f"step '{step_id}' is not told in the customer's first person: start "
            f"with {SUBJECT[journey.lang]}, e.g. '{EXAMPLE[journey.lang]}'",
        )
    for loc, step_id, voice in _steps(journey, config, "foreign"):
        yield Finding(
            loc,
            f"step '{step_id}' starts with '{voice.word}' but the journey's lang is "
            f"{journey.lang}: write the step in the journey's language, or set "
            f"lang: {'fr' if journey.lang == 'en' else 'en'}",
        )


@rule("JM402", "company-voice", "error")
def company_voice(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step is told in the company's voice ("Nous", "On", "Le conseiller", "We", "Our").

    Golden rule 4: the step is what the customer does or lives, not what the company
    does to the customer. Rewrite it from the other side of the counter. Teams add
    their own actors (a brand name, "L'agence") with `company-words`.

    Bad (fr): `text: Nous envoyons le devis par e-mail`
    Good (fr): `text: Je reçois le devis par e-mail`
    Bad (en): `text: We send the quote by email`
    Good (en): `text: I receive the quote by email`
    """
    for loc, step_id, voice in _steps(journey, config, "company"):
        yield Finding(
            loc,
            f"step '{step_id}' is told in the company's voice ('{voice.word}'): "
            f"tell what the customer does or receives, with {SUBJECT[journey.lang]}",
        )


@rule("JM403", "customer-third-person", "error")
def customer_third_person(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step speaks of the customer from outside ("Le client", "Il", "The customer").

    Golden rule 4: the map is told by the customer, not about the customer. "The
    customer compares prices" keeps the team at a distance; "I compare prices" puts
    it in the customer's place.

    Bad (fr): `text: Le client compare les prix`
    Good (fr): `text: Je compare les prix`
    Bad (en): `text: The customer compares prices`
    Good (en): `text: I compare prices`
    """
    for loc, step_id, voice in _steps(journey, config, "customer"):
        yield Finding(
            loc,
            f"step '{step_id}' speaks of the customer in the third person "
            f"('{voice.word}'): let the customer tell it, with {SUBJECT[journey.lang]}",
        )


@rule("JM404", "step-without-subject", "warning")
def step_without_subject(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step has no subject: a noun or an infinitive ("Simulation de prêt", "Payer").

    Golden rule 4: "Simulation de prêt" names a function of the company; "Je simule
    mon prêt" is a moment the customer lives, with a feeling that can be mapped.

    Bad (fr): `text: Simulation de prêt en ligne`
    Good (fr): `text: Je simule mon prêt en ligne`
    Bad (en): `text: Selection of a plan`
    Good (en): `text: I choose a plan`
    """
    for loc, step_id, voice in _steps(journey, config, "no-subject"):
        yield Finding(
            loc,
            f"step '{step_id}' has no subject ('{voice.word}...'): make the "
            f"customer the subject, with {SUBJECT[journey.lang]}, e.g. "
            f"'{EXAMPLE[journey.lang]}'",
        )
