"""A person named as a step's subject: "Lucie télécharge le rapport", "Carlos orders a keyboard".

Journeys are often told about a persona by first name. Read without that, "Lucie" was a
noun with no verb (JM404) and "télécharge le rapport" the back office producing a report.
No first-name list is needed: a capitalised word that none of the reader's lexicons
knows, that has no shape of a common noun (no deverbal or agent-noun ending), followed by
a third-person verb and then the start of its object or complement, is a person. Whether
that person is the customer is the journey's to say (its persona and actors, read by the
rules); told alone, a named person in a journey map is the customer seen from outside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from journeymap.lint.sentence import voice_words, work_words
from journeymap.lint.sentence.lemmas import family
from journeymap.lint.sentence.tokens import Lang, lex, words
from journeymap.lint.text import fold

# What opens a verb's object or complement right after it; "de", "du", "par", "pour"
# follow nouns as often ("Choix mode de paiement", "Détour rapide par le magasin").
_AFTER_VERB = {
    "fr": lex(
        "le la les l' un une des ce cet cette ces son sa ses leur leurs a au aux sur dans "
        "chez se s' y lui"
    ),
    "en": lex("the a an this that these those his her their its"),
}
# Endings of common nouns and of agent nouns ("émetteur", "gestionnaire", "reviewer").
_NOUN_ENDINGS = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "eur", "euse", "rice", "ier",
           "iere", "iste", "aire", "isme", "ite", "ique", "oir", "if", "ive", "eau", "at"),
    "en": ("tion", "sion", "ment", "ness", "ity", "ure", "ance", "ence", "ing", "er", "or",
           "ist", "ant", "ent", "al", "ics", "ism", "ship", "ery", "age"),
}  # fmt: skip
# French third-person present forms no ending rule reaches.
_FR_IRREGULAR = lex("a va fait dit est peut doit sait voit prend met vient")
_FR_GRAMMAR = lex("une que qui quoi dont entre comme contre avec sans sous pendant depuis")
_FR_VERB_END = re.compile(r"(e|t|d)$")
# An infinitive opening a step is its verb, not a name: "Remplir formulaire d'inscription".
_FR_INFINITIVE = ("er", "ir", "oir")
_FR_PARTICIPLE = re.compile(r"(é|ée|és|ées|ise|ises)$")
_EN_VERB = re.compile(r"[a-z]{2,}[^s]s$")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


@cache
def _known(lang: Lang) -> frozenset[str]:
    """Every word the voice and back-office readings know in `lang`: no first name among them."""
    known: set[str] = set()
    for module in (voice_words, work_words):
        for value in vars(module).values():
            if isinstance(value, frozenset):
                known |= {w for w in value if isinstance(w, str)}
            elif isinstance(value, dict) and isinstance(value.get(lang), frozenset):
                known |= value[lang]
    return frozenset(known)


def _unknown_name(word: str, lang: Lang) -> bool:
    folded = fold(word)
    return (
        len(word) >= 3
        and word[0].isupper()
        and word[1:].islower()
        and folded not in _known(lang)
        and not folded.endswith(_NOUN_ENDINGS[lang])
        and not (lang == "fr" and folded.endswith(_FR_INFINITIVE))
        and family(folded, lang, work_words.PROCESSING[lang]) is None
    )


def _third_person_verb(written: str, lang: Lang) -> bool:
    """ "télécharge", "obtient", "reçoit"; "orders": not a participle ("validée"), not a noun."""
    word = fold(written)
    if lang == "en":
        return bool(_EN_VERB.search(word)) and not word.endswith(("ss", "us", "is", "ous"))
    if word in _FR_IRREGULAR:
        return True
    if len(word) < 3 or word in _FR_GRAMMAR:
        return False  # "Dépôt de la demande": a noun and its complement
    is_noun = word.endswith(voice_words.NOUN_SUFFIXES["fr"])
    participle = _FR_PARTICIPLE.search(written.casefold())
    return bool(_FR_VERB_END.search(word)) and not is_noun and not participle


def named_subject(start: tuple[str, ...], text: str, lang: Lang) -> str | None:
    """The name, as written, when the subject phrase `start` opens on a person's name."""
    if len(start) < 3 or start[2] not in _AFTER_VERB[lang]:
        return None
    if start[1] in _AFTER_VERB[lang]:
        return None
    pair = _written_pair(start, text)
    if pair is None:
        return None
    name, verb = pair
    return name if _unknown_name(name, lang) and _third_person_verb(verb, lang) else None


def _written_pair(start: tuple[str, ...], text: str) -> tuple[str, str] | None:
    """The subject phrase's first two words as the text writes them (case kept)."""
    written = _WORD.findall(text)
    at = next((i for i, w in enumerate(written) if fold(w) == start[0]), None)
    if at is None or at + 1 >= len(written) or fold(written[at + 1]) != start[1]:
        return None
    return written[at], written[at + 1]


_POSSESSIVES = {"fr": lex("mon ma mes votre vos notre nos"), "en": lex("my your our")}


def acronym_subject(start: tuple[str, ...], text: str, lang: Lang) -> str | None:
    """The acronym, as written, when a company named by its initials opens the text and
    acts: "SNCF envoie un SMS", "EDF relève le compteur", "KYC checks the ID".

    A person is not written in capitals; a brand often is. Read as an unknown noun, these
    had no subject (JM404). A text all in capitals ("JE COMPARE") says nothing by case.
    The verb's object needs no article: "EVS accepte", "FO validates ID & booking".
    """
    if len(start) < 2 or text.upper() == text:
        return None
    pair = _written_pair(start, text)
    if pair is None:
        return None
    name, verb = pair
    if not (2 <= len(name) <= 6 and name.isupper()) or verb.isupper():
        return None
    if lang == "fr" and fold(verb).endswith(("ue", "ues", "use", "uses")):
        return None  # "TVA incluse", "CB reconnue": a participle, not a verb
    return name if _third_person_verb(verb, lang) else None


def brand_names(names: Iterable[str], lang: Lang) -> list[str]:
    """The proper names inside a journey's channel names: "Amazon" in "App Amazon".

    A channel is the company's; a step opening on its brand ("Amazon sends the
    invoice") is the company at work, where a name alone reads as a person (the
    customer seen from outside, JM403).
    """
    found: list[str] = []
    for name in names:
        for word in _WORD.findall(name):
            acronym = 2 <= len(word) <= 6 and word.isupper()
            if acronym or _unknown_name(word, lang):
                found.append(word)
    return found


Name = tuple[tuple[str, ...], str]
"""A declared name: its folded tokens, and as the journey writes it."""


@dataclass(frozen=True, slots=True)
class Cast:
    """Who a journey declares: its persona's names, and the staff and systems that act in it.

    Read from the journey's own fields (`persona`, a step's `actors` and `systems`, its
    lanes' `actor` and `system`, the stakeholders' names) by the rules; the sentence
    reading alone cannot tell "Lucie" the persona from "Lucie" the agent.
    """

    customer: tuple[Name, ...] = ()
    staff: tuple[Name, ...] = ()


def cast(
    persona: str | None, staff: Iterable[str], lang: Lang, persona_staff: bool = False
) -> Cast:
    """A journey's cast from its persona's name and the names of its staff and systems.

    A persona's name is read whole ("Nouveau client") and by its leading capitalised
    words ("Lucie, 34 ans, cheffe de projet" -> "Lucie"). A declared actor that is also
    the persona stays the persona; a staff persona ("Julie, gestionnaire") is the
    company's.
    """
    named: dict[tuple[str, ...], str] = {}
    if persona:
        named[words(persona)] = persona
        lead = re.match(r"\s*([A-ZÀ-Ý][^\W\d_]+(?:[\s-][A-ZÀ-Ý][^\W\d_]+)?)", persona)
        if lead:
            named[words(lead.group(1))] = lead.group(1)
    # A relative among a step's actors ("Conjoint") takes part on the customer's side, and
    # an actor named after the customer ("Client", "Utilisateur") is the customer.
    relatives = voice_words.HOUSEHOLD[lang] | voice_words.FAMILY_WORDS
    customers = voice_words.CUSTOMER_NOUNS[lang]
    declared = {
        words(n): n.strip()
        for n in staff
        if not set(words(n)) & relatives and words(n)[:1] and words(n)[0] not in customers
    }
    if persona_staff:
        declared.update(named)
        named = {}

    # The longest first, so that "Service client" wins over "Service".
    def order(names: dict[tuple[str, ...], str]) -> tuple[Name, ...]:
        return tuple(sorted(((k, v) for k, v in names.items() if k), key=lambda n: -len(n[0])))

    return Cast(order(named), order({k: v for k, v in declared.items() if k not in named}))


def declared_subject(text: str, lang: Lang, people: Cast) -> tuple[str, str] | None:
    """("customer" or "company", the name as declared) when a declared name opens the text.

    "Lucie valide le devis" in Lucie's journey is the customer; "FEVES archive la fiche"
    where FEVES is a lane's actor is the company at work.
    """
    if not people.customer and not people.staff:
        return None
    toks = words(text)
    while toks and not toks[0][0].isalnum():
        toks = toks[1:]
    if toks and toks[0] in voice_words.DETERMINERS[lang] and toks[0] not in ("votre", "your"):
        toks = toks[1:]
    for role, names in (("customer", people.customer), ("company", people.staff)):
        for name, shown in names:
            if toks[: len(name)] != name:
                continue
            # A department or a system declared by a common noun ("Paiement", "Livraison")
            # opens customer steps too ("Paiement validé"): it acts only with a verb.
            if role == "company" and not _verb_after(text, name, lang):
                continue
            return role, shown
    return None


_EN_MODALS = lex("will can may must should could would")


def _verb_after(text: str, name: tuple[str, ...], lang: Lang) -> bool:
    """Whether the word after a declared name is a finite verb: "FEVES archive la fiche"."""
    written = _WORD.findall(text)
    folded = [fold(w) for w in written]
    size = len([t for t in name if t[0].isalnum()])
    for i in range(len(folded) - size):
        if tuple(folded[i : i + size]) == tuple(t for t in name if t[0].isalnum()):
            verb = written[i + size]
            if lang == "en" and fold(verb) in _EN_MODALS:
                return True
            return _third_person_verb(verb, lang)
    return False
