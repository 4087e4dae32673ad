"""The customer's side of a sentence that names the office's work: addressed, told, priced.

False alarms of the back-office reading on the ninth corpus set (tests/corpus/ninth-*.yaml,
labelled blind by a second annotator) came from texts whose words name processing but whose
subject or addressee is the customer. Each class here is read from grammar, not from the
corpus's words:

- the customer addressed as the one who acts: a "vous" imperative opening the text
  ("Retournez à la boutique et entrez le code de vérification", "préparez le colis"), a
  "you" opening the main clause ("You send the items back to the warehouse we provide"),
  an English "Get" + participle ("Get Verified": the customer goes through it);
- the customer kept informed ("Candidates will be kept up to date", "nous tenons les
  utilisateurs informés") or sent something ("the system sends the customer tracking
  details"), a courtesy ("for your convenience");
- what the product lets the customer do ("Export en PDF possible", "Possibilité de
  configurer des rappels") and a limit told ("can't be modified", "no longer editable");
- words of work that name something else: a price ("a restocking fee", "review fees",
  "frais de traitement"), the procedure named in a sentence ("during this process", "the
  shipping process"), the shop's shelf as shown ("in stock", "disponibilité des stocks"),
  a verb and its particle ("logging into your account", "checks out").

Measured over every corpus part (development, held out, second to fifth, eighth, ninth):
35 findings removed, all labelled not internal; none added, no true finding lost.
"""

from __future__ import annotations

import re

from journeymap.lint.sentence.lemmas import family
from journeymap.lint.sentence.office import answers_or_tells
from journeymap.lint.sentence.tokens import Kind, Lang, lex
from journeymap.lint.sentence.voice_words import CUSTOMER_NOUNS, DETERMINERS, MY, YOU

# Connectives that may open a sentence before its verb: "Puis, retournez ...".
_LEADING = {
    "fr": lex("puis ensuite alors ici enfin d'abord apres cela la"),
    "en": lex("then next here finally first after that"),
}
# What the product lets the customer do, said as possible: "Export en PDF possible",
# "Possibilité de configurer des rappels", "Option to export the report". Negated ("pas
# possible", "not possible") it is a limit, read by _LOCKED instead.
_CAPABILITY = re.compile(
    r"^(possibilite d|option pour|option de|ability to|option to)|\bpossibles?\W*$"
)
_NEGATED = re.compile(r"\b(pas|not|im)\b")
# A limit told to the customer: the order can no longer be changed.
_LOCKED = re.compile(
    r"\b(can't|cannot|can not|no longer) be (modified|changed|cancell?ed|edited|amended)\b"
    r"|\bno longer (editable|modifiable)\b|\b(are|is) not possible\b"
    r"|\bne (peut|peuvent) plus etre (modifie|annule)|\bplus (modifiable|annulable)"
)
# Keeping someone informed is telling them: "Candidates will be kept up to date", "Nous
# tenons les utilisateurs informés de l'avancement".
_KEPT_INFORMED = re.compile(
    r"\b(keep|keeps|kept|keeping)( \w+){0,2} (informed|updated|up to date|posted)\b"
    r"|\b(tenir|tenons|tient|tiennent|tiendrons|tiendra|tenu|tenus|tenue|tenues)( \w+){0,2}"
    r" (informee?s?|au courant)\b"
)
# A courtesy addressed to the customer: "for your convenience", "pour votre confort".
COURTESY = re.compile(r"\b(for your convenience|pour votre (confort|commodite|tranquillite))\b")


def customer_side(folded: str, toks: list[str], lang: Lang, voice: Kind) -> bool:
    """Whether the text gives the customer the part, whatever work it names.

    `folded` is the text folded (lower case, no accents), `toks` its word tokens.
    """
    if _CAPABILITY.search(folded.strip()) and not _NEGATED.search(folded):
        return True
    if _LOCKED.search(folded) or _KEPT_INFORMED.search(folded):
        return True
    return _customer_acts(toks, lang, voice) or _tells_customer(toks, lang)


def _customer_acts(toks: list[str], lang: Lang, voice: Kind) -> bool:
    """The customer addressed as the one who acts: "Retournez à la boutique et entrez le
    code", "You send the items back", "You can view the status", "Get Verified".

    Only at the opening of the text: a "vous" form further on ("Veuillez patienter, notre
    équipe vérifie vos informations", "vous recevrez une réponse") comes with the office
    at work in the main clause, which the corpus labels back-office work (8 true findings
    were lost reading it anywhere, 6 false alarms removed).
    """
    lead = [t for t in toks[:3] if t not in _LEADING[lang]]
    if not lead:
        return False
    if lang == "fr":
        return voice == "no-subject" and _vous_form(lead[0])
    if lead[0] == "get" and len(toks) <= 4 and voice in ("other", "no-subject"):
        return True  # "Get Verified", "Get approved": the customer goes through it
    return lead[0] == "you" and voice in ("company", "no-subject")


def _vous_form(token: str) -> bool:
    """ "entrez", "préparez", "retournez": a verb in the "vous" form (not "assez", "chez")."""
    return token.endswith("ez") and len(token) > 4 and token != "assez"


def _tells_customer(toks: list[str], lang: Lang) -> bool:
    """ "sends the customer tracking details", "informe le client": the customer is told."""
    for i, tok in enumerate(toks):
        if i and tok in CUSTOMER_NOUNS[lang]:
            verb = toks[i - 2] if toks[i - 1] in DETERMINERS[lang] and i >= 2 else toks[i - 1]
            if verb.endswith("s") and answers_or_tells([verb], lang):
                return True
    return False


# A verb and its particle, the user's own move: "log in", "logging into your account",
# "checks out", "sign up", "pick up the order". ("guest check-out" is a moment named: the
# bare "check" is left to the reading.)
_PARTICLES = lex("in into on out up")
_MOVES = lex("log check sign pick")
_PROCEDURE_BEFORE = lex("the this that a an during whole entire our")
_FEES = lex("fee fees charge")


def not_work(toks: list[str], lang: Lang) -> set[str]:
    """The tokens whose word names work but whose use here names something else."""
    return {tok for at, tok in enumerate(toks) if _names_other(toks, at, lang)}


def _names_other(toks: list[str], at: int, lang: Lang) -> bool:
    tok = toks[at]
    after = toks[at + 1 : at + 2]
    if lang == "fr":
        # "frais de traitement": the price paid
        return (at >= 2 and toks[at - 2] == "frais" and toks[at - 1] in ("de", "d'")) or (
            tok.startswith("stock") and _in_stock(toks, at)
        )
    if after and after[0] in _FEES:
        return True  # "a restocking fee", "review fees": the price paid
    if tok == "process":
        return _procedure_named(toks, at)
    if tok.startswith("stock"):
        return _in_stock(toks, at)
    return (
        bool(after)
        and after[0] in _PARTICLES
        and tok != "check"
        and bool(family(tok, lang, _MOVES))
    )


def _procedure_named(toks: list[str], at: int) -> bool:
    """ "during this process", "the shipping process can't": the procedure named in a
    sentence. A heading ("The Picking Process") or "the process of packing" names the work
    itself, and "process the order" is the verb."""
    before = toks[at - 1] if at else ""
    after = toks[at + 1 : at + 2]
    named = before in _PROCEDURE_BEFORE or before.endswith(("ing", "ion"))
    heading = len(toks) < 5 or after == ["of"]
    objects = DETERMINERS["en"] | YOU["en"] | MY["en"]
    return at > 0 and named and not heading and not (after and after[0] in objects)


def _in_stock(toks: list[str], at: int) -> bool:
    """ "in stock", "out of stock", "disponibilité des stocks": what the shop shows.

    ("retour en stock" is restocking: the French "en stock" is left to the reading.)
    """
    before = toks[max(0, at - 2) : at]
    return (
        before[-1:] == ["in"]
        or before == ["out", "of"]
        or any(t in ("disponibilite", "availability") for t in before)
    )
