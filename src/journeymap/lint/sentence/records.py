"""The company's records: kept out of the customer's sight, and the customer written into them.

Two categories of back-office writing found when the rules met writing they were not
built on (tests/corpus/third-*.yaml, measured blind): neither names a processing verb
the customer would not also use, nor any jargon.

- Record-keeping: an act of keeping records (creating, updating, closing, filing,
  activating, storing) done to one of the company's records (a record, a file card, a
  status, a register, a folder tree): "Employee record closed", "Status activation",
  "Mise à jour régulière du statut", "Classement dossier". The customer fills in forms
  and sees an outcome; keeping the record that holds them is the back office's work. In
  French the act must be named as a noun or a participle: an infinitive ("Enregistrer le
  dossier") is as often the customer's own instruction as a staff procedure.
- The customer written in the third person into the seller's records or work: "Fiche
  client", "dossier du client", "customer data", "encours client". A customer telling or
  living a step says "my file", "votre dossier"; naming the customer as a complement of
  a record or of a task is the seller writing about its customer. The customer as a
  receiver ("remis au client", "sent to the customer"), as the agent ("par le client")
  or in a place or service of the customer's own ("espace client", "customer portal",
  "service client") is what the customer sees.
"""

from __future__ import annotations

from functools import lru_cache

from journeymap.lint.sentence.lemmas import family
from journeymap.lint.sentence.office import answers_or_tells
from journeymap.lint.sentence.tokens import Kind, Lang, lex, words
from journeymap.lint.sentence.voice_words import CUSTOMER_NOUNS

# The company's records about a customer, an employee or a case.
RECORDS = {
    "fr": lex("fiche fiches registre historique arborescence statut dossier dossiers"),
    "en": lex("record records status ledger register registry"),
}
# Keeping a record: its every form (créer, création, créé; update, updated).
KEEPING = {
    "fr": lex(
        "creer miseajour initialiser cloturer classer enregistrer archiver renseigner "
        "activer desactiver stocker reinitialiser joindre integrer"
    ),
    "en": lex(
        "create update initialize initialise initiate close record archive store "
        "activate deactivate reset classify attach integrate"
    ),
}
_CLOSURE = {"fr": lex("cloture classement"), "en": lex("closure")}
# What makes a record the customer's own, told by or to the customer.
_CUSTOMER_SIDE = lex("you your yours vous votre vos my mine mon ma mes")
# The customer as receiver, agent or companion: what the customer sees or does.
_TOWARDS = {
    "fr": lex("au aux a par avec pour chez aupres envers d'"),
    "en": lex("to for with by from towards"),
}
# The customer's own places and services: "espace client", "customer portal".
_CUSTOMER_PLACES = lex(
    "espace compte service support portail carte numero code avis parcours experience "
    "satisfaction area account portal service support journey experience satisfaction "
    "feedback reviews review success care"
)


@lru_cache(maxsize=4096)
def record_keeping(text: str, lang: Lang, voice: Kind) -> tuple[str, ...]:
    """The act and the record when a step keeps one of the company's records, else ()."""
    if voice in ("first", "customer"):
        return ()
    toks = [t for t in words(text) if t[0].isalnum()]
    if not toks or any(t in _CUSTOMER_SIDE for t in toks):
        return ()
    record = next((t for t in toks if t in RECORDS[lang]), None)
    if record is None:
        return ()
    for i, tok in enumerate(toks):
        kind = "noun" if tok in _CLOSURE[lang] else family(tok, lang, KEEPING[lang])
        if kind is None or tok == record:
            continue
        # A French infinitive opening the step is an instruction, the customer's as often.
        if lang == "fr" and i == 0 and kind == "verb" and tok.endswith(("er", "ir", "re")):
            continue
        return tok, record
    return ()


@lru_cache(maxsize=4096)
def customer_written_in(text: str, lang: Lang, voice: Kind) -> tuple[str, ...]:
    """The customer noun when the customer is a complement of the seller's record or task.

    "Fiche client", "création du dossier du client", "Check customer messages": the
    customer named from the seller's side, neither as subject, nor as receiver, nor in
    a place of the customer's own, nor told or answered ("Notifier le client").
    """
    if voice not in ("no-subject", "other"):
        return ()
    toks = [t for t in words(text) if t[0].isalnum()]
    if not any(t in CUSTOMER_NOUNS[lang] for t in toks):
        return ()  # most steps name no customer
    if any(t in _CUSTOMER_SIDE for t in toks) or answers_or_tells(toks, lang):
        return ()
    for i, tok in enumerate(toks):
        # An English noun phrase may open on its modifier: "Customer data verification".
        opening = i == 0 and not (lang == "en" and voice == "no-subject")
        if tok not in CUSTOMER_NOUNS[lang] or opening or toks[i - 1 : i] in (["team"], ["staff"]):
            continue
        before = toks[max(0, i - 2) : i]
        if any(t in _TOWARDS[lang] for t in before):
            return ()
        near = set(toks[max(0, i - 2) : i]) | set(toks[i + 1 : i + 2])
        if near & _CUSTOMER_PLACES:
            return ()
        return (tok,)
    return ()
