"""A step written as a noun ("Réception du colis", "Payment by card") told by the
customer, for the JM404 hint: "Je reçois le colis", "I pay by card".

Journey maps are full of nominal steps (a quarter of the texts of the eighth corpus set);
the general example ("Je compare les offres") leaves the author to find the verb. The
noun's own verb is known for the actions customers name this way; the rest of the text
is kept, its "du"/"de la"/"of the" turned to the object's article. Only a text that
opens with such a noun and goes on with an object or a place is turned; a compound
("Order confirmation", where the head comes last), a bare "de" + noun (whose article
would need the noun's gender) or anything unsure keeps the general example.
"""

from __future__ import annotations

from journeymap.lint.sentence.tokens import Lang
from journeymap.lint.text import fold

# The noun (folded, singular) and the customer's first person of its verb.
_FR = {
    "reception": "Je reçois", "paiement": "Je paie", "reglement": "Je règle",
    "achat": "J'achète", "choix": "Je choisis", "recherche": "Je recherche",
    "comparaison": "Je compare", "selection": "Je sélectionne",
    "inscription": "Je m'inscris", "connexion": "Je me connecte",
    "identification": "Je m'identifie", "authentification": "Je m'authentifie",
    "creation": "Je crée", "consultation": "Je consulte", "lecture": "Je lis",
    "signature": "Je signe", "envoi": "J'envoie", "retour": "Je retourne",
    "retrait": "Je retire", "decouverte": "Je découvre", "essai": "J'essaie",
    "souscription": "Je souscris", "ouverture": "J'ouvre", "activation": "J'active",
    "installation": "J'installe", "demande": "Je demande", "reservation": "Je réserve",
    "annulation": "J'annule", "modification": "Je modifie",
    "telechargement": "Je télécharge", "confirmation": "Je confirme",
    "remplissage": "Je remplis", "visite": "Je visite", "utilisation": "J'utilise",
    "appel": "J'appelle", "attente": "J'attends", "arrivee": "J'arrive",
    "entree": "J'entre", "sortie": "Je sors", "depart": "Je pars",
    "passage": "Je passe", "renouvellement": "Je renouvelle",
    "resiliation": "Je résilie", "evaluation": "J'évalue", "partage": "Je partage",
    "ajout": "J'ajoute", "depot": "Je dépose", "commande": "Je commande",
    "verification": "Je vérifie", "validation": "Je valide", "saisie": "Je saisis",
    "preparation": "Je prépare", "planification": "Je planifie",
    "simulation": "Je simule", "estimation": "J'estime", "declaration": "Je déclare",
    "transfert": "Je transfère", "echange": "J'échange", "montage": "Je monte",
    "visionnage": "Je regarde",
}  # fmt: skip
_EN = {
    "payment": "I pay", "purchase": "I buy", "search": "I search",
    "registration": "I register", "signup": "I sign up", "sign-up": "I sign up",
    "login": "I log in", "log-in": "I log in", "checkout": "I check out",
    "arrival": "I arrive", "departure": "I leave", "booking": "I book",
    "reservation": "I book", "cancellation": "I cancel", "renewal": "I renew",
    "comparison": "I compare", "selection": "I select", "installation": "I install",
    "activation": "I activate", "subscription": "I subscribe", "download": "I download",
    "receipt": "I receive", "application": "I apply", "enrollment": "I enrol",
    "enrolment": "I enrol", "visit": "I visit", "submission": "I submit",
    "upload": "I upload", "completion": "I complete", "creation": "I create",
    "setup": "I set up", "set-up": "I set up", "verification": "I verify",
    "request": "I request", "exploration": "I explore", "discovery": "I discover",
    "evaluation": "I evaluate", "choice": "I choose", "withdrawal": "I withdraw",
    "transfer": "I transfer", "exchange": "I exchange", "assembly": "I assemble",
    "preparation": "I prepare", "planning": "I plan", "browsing": "I browse",
}  # fmt: skip

# The verbs that make a sentence alone ("Paiement" -> "Je paie"); the others need their
# object ("Réception" -> "Je reçois" says nothing).
_ALONE = {
    "fr": {"paiement", "reglement", "achat", "recherche", "inscription", "connexion",
           "identification", "authentification", "arrivee", "entree", "sortie", "depart",
           "attente", "commande", "reservation", "souscription", "annulation", "resiliation",
           "passage", "retour"},
    "en": {"payment", "purchase", "search", "registration", "signup", "sign-up", "login",
           "log-in", "checkout", "arrival", "departure", "booking", "reservation",
           "cancellation", "renewal", "subscription", "application", "enrollment", "enrolment",
           "setup", "set-up", "browsing", "planning"},
}  # fmt: skip
# A preposition the noun takes and its verb does not: "Visit to the branch" -> "I visit
# the branch".
_DROPPED = {"visit": "to", "visite": "de"}

# Verbs that take no direct object, reflexive ones included: "Arrivée d'un nouveau
# bénéficiaire" is someone else's arrival, not "J'arrive un...".
_NO_OBJECT = {
    "fr": {"arrivee", "depart", "sortie", "entree", "passage", "inscription", "connexion",
           "identification", "authentification", "attente"},
    "en": {"arrival", "departure", "login", "log-in", "signup", "sign-up", "registration"},
}  # fmt: skip
_OBJECT_OPENERS = {
    "fr": {"du", "des", "de", "le", "la", "les", "l'", "un", "une", "d'un", "d'une"},
    "en": {"of", "the", "a", "an"},
}
# A state, not an action: "Paiement en attente", "Commande en cours".
_STATES = (("en", "attente"), ("en", "cours"), ("pending",), ("in", "progress"))

# What may follow the noun for the text to be turned: an object or a place, not another
# noun of a compound ("Payment method"), whose head would come last.
_NEXT_FR = {"en", "au", "aux", "a", "sur", "par", "avec", "dans", "chez", "pour", "via",
            "depuis", "aupres", "vers", "le", "la", "les", "l'", "un", "une", "d'un",
            "d'une", "du", "des", "de", "mon", "ma", "mes"}  # fmt: skip
_NEXT_EN = {"of", "for", "by", "at", "in", "on", "to", "with", "online", "via", "from",
            "through", "using", "the", "a", "an", "my", "into"}  # fmt: skip
# "du colis" -> "le colis": the object's article once the noun is a verb.
_OF_FR = {"du": "le", "des": "les", "d'un": "un", "d'une": "une"}
_OF_EN = {"of"}
# Where the customer's clause ends: "par le conseiller" names who else acts.
_STOP = {"fr": {"par", "puis", "et", "ou"}, "en": {"by", "then", "and", "or"}}
_LEADING_ARTICLE = {"fr": {"la", "le", "l'", "une", "un"}, "en": {"the", "a", "an"}}
_AGENT_FOLLOWERS = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "the", "a", "an",
                    "our", "notre", "nos", "their"}  # fmt: skip


def nominal_version(text: str, lang: Lang) -> str | None:
    """The step told by the customer when it opens with an action's noun, else None."""
    words = text.split()
    folded = [fold(w).strip(",.;:!?") for w in words]
    at = 0
    if folded and folded[0] in _LEADING_ARTICLE[lang]:
        at = 1
    elif folded and folded[0].startswith("l'") and len(folded[0]) > 2:
        words = [words[0][2:], *words[1:]]
        folded = [folded[0][2:], *folded[1:]]
    if at >= len(words):
        return None
    table = _FR if lang == "fr" else _EN
    head = folded[at]
    opening = table.get(head) or table.get(head.removesuffix("s"))
    if opening is None:
        return None
    rest, rest_folded = words[at + 1 :], folded[at + 1 :]
    noun = head if head in table else head.removesuffix("s")
    if not rest and noun not in _ALONE[lang]:
        return None
    if rest_folded[:1] == [_DROPPED.get(noun)] and len(rest) > 1:
        rest, rest_folded = rest[1:], rest_folded[1:]
    opener = rest_folded[0] if rest_folded else ""
    has_object = opener in _OBJECT_OPENERS[lang] or (lang == "fr" and opener.startswith("l'"))
    if rest and noun not in _ALONE[lang] and not has_object:
        return None  # "Ajout au panier": "J'ajoute au panier" lacks what is added
    if noun in _NO_OBJECT[lang] and has_object:
        return None
    if any(tuple(rest_folded[: len(state)]) == state for state in _STATES):
        return None
    if rest_folded and rest_folded[0] not in (_NEXT_FR if lang == "fr" else _NEXT_EN):
        return None
    if rest_folded and words[at][-1:] in ",;:":
        rest, rest_folded = [], []
    tail: list[str] = []
    cut = False
    for index, (word, low) in enumerate(zip(rest, rest_folded, strict=True)):
        follower = rest_folded[index + 1] if index + 1 < len(rest_folded) else ""
        if index > 0 and low in _STOP[lang] and (low not in ("par", "by") or follower in
                                                 _AGENT_FOLLOWERS):  # fmt: skip
            cut = True
            break
        if index == 0 and lang == "fr":
            if low == "de":
                if follower in ("la", "l'") or follower.startswith("l'"):
                    continue  # "de la facture" -> "la facture"
                return None  # "de remboursement": its article needs its gender
            if low in _OF_FR:
                word = _OF_FR[low] if word.islower() else _OF_FR[low].capitalize()
            elif low.startswith("d'"):
                return None
        elif index == 0 and low in _OF_EN:
            continue
        tail.append(word)
        if word[-1:] in ",;:":
            cut = index + 1 < len(rest)
            tail[-1] = word.rstrip(",;:")
            break
    if cut and " ".join(tail).count("(") > " ".join(tail).count(")"):
        # "(couleur, pointure)" cut at its comma: the bracket goes with what it held.
        tail = tail[: next(i for i, w in enumerate(tail) if "(" in w)]
    sentence = " ".join([opening, *tail]).rstrip(".")
    return sentence + ("…" if cut else "")
