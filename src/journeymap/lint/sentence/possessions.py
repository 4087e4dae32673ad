"""The customer's things the company acts on, told as the customer sees them (JM402's hint).

"Le conseiller modifie mon adresse" is the company's voice, but the customer's version
is not "Je modifie mon adresse" (the customer does not do it): the address is what the
customer sees change. So the thing comes first, done: "Mon adresse est modifiée", "I
see my order updated". Only a verb whose participle is sure (a first-group French verb,
an English verb regular or in the list) and a French noun whose gender is known (the
participle agrees with it) are turned; anything else gets the general hint.
"""

from __future__ import annotations

from journeymap.lint.sentence.tokens import Lang, lex
from journeymap.lint.text import fold

# Whose thing it is, once the customer tells it: "votre"/"your" become the customer's.
_POSSESSIVE = {
    "fr": {"mon": "mon", "ma": "ma", "mes": "mes", "votre": "", "vos": "mes"},
    "en": {"my": "my", "your": "my"},
}
# The customer named from outside after the thing: "l'adresse du client".
_OF_THE_CUSTOMER = {
    "fr": (("du", "client"), ("de", "la", "cliente"), ("de", "l'usager"), ("de", "l'assure")),
    "en": (),
}
_ARTICLE_GENDER = {"le": "m", "la": "f", "les": "p"}
_CUSTOMERS_EN = [[f"{who}{mark}s"] for who in ("customer", "client", "user") for mark in "'’"]

# Where the thing's words end: a preposition, a conjunction (the hint keeps one clause).
_AFTER_THE_THING = {
    "fr": lex(
        "a au aux en dans par pour sur avec sous avant apres pendant des que et ou puis meme "
        "si s'il quand lorsque afin selon sans chez vers depuis"
    ),
    "en": lex(
        "in on at by for with to from into within via before after during and or then "
        "so while until once"
    ),
}
_ADVERB = {"fr": "ment", "en": "ly"}
_OF = {"fr": lex("de d'"), "en": lex("to of")}
_CONJUNCTIONS = {"fr": lex("et ou puis mais donc car"), "en": lex("and or then but so while")}
# Not verbs, in the verb's place: "Nothing about your business", "Le service entre…".
_NOT_VERBS = {"fr": lex("entre contre comme avec"), "en": lex("about above across after before")}
# A verb of the third group ends in -e too ("ouvre", "offre") or in -ons ("prenons"):
# its participle is irregular ("ouvert", "pris"), so it is not guessed. Endings first,
# then whole stems, too short to be matched as endings ("réservons" is "réserver").
_FR_IRREGULAR_ENDINGS = (
    "ouvr", "offr", "couvr", "souffr", "cueill", "uis", "pren", "mett", "fais", "cev",
    "criv", "ray", "viv", "suiv", "conn", "boiv", "obten", "interven", "preven",
)  # fmt: skip
_FR_IRREGULAR_STEMS = lex(
    "ment sent part sort serv dorm cour dev pouv voul bat rend vend pend tend fond pond "
    "perd mord tord voy revoy croy sav lis dis ten ven"
)
# French nouns the hints meet most, by gender; then endings that rarely lie.
_FR_FEMININE = lex(
    "adresse commande demande marque offre facture carte preuve livraison candidature "
    "identite situation inscription reservation reclamation requete piece attestation "
    "souscription consommation experience entreprise activite application annonce "
    "assurance echeance plainte place reponse fiche note question capacite solution "
    "configuration installation vente lettre photo video periode mutuelle garantie"
)
_FR_MASCULINE = lex(
    "dossier paiement compte contrat droit etat recu profil projet devis colis achat "
    "abonnement acces avis espace email mail courriel message document justificatif "
    "identifiant mot code numero rendez-vous remboursement virement pret credit budget "
    "besoin objectif site logement vehicule sinistre diagnostic bilan planning panier "
    "formulaire probleme service produit article retour echange"
)
_FR_FEMININE_ENDINGS = ("tion", "sion", "ure", "te", "ance", "ence", "ade", "ude", "ette",
                        "esse", "ise", "iere", "ee", "ie", "ine", "ille")  # fmt: skip
_FR_MASCULINE_ENDINGS = ("ment", "age", "ier", "eau", "at", "et", "is", "oir", "ail", "ant",
                         "ent", "ien", "in", "u", "er", "ot", "ord", "isme")  # fmt: skip
# English participles that do not end in -ed, and verbs that double their last letter.
_EN_PARTICIPLES = {
    "make": "made", "take": "taken", "send": "sent", "give": "given", "build": "built",
    "write": "written", "hold": "held", "keep": "kept", "find": "found", "sell": "sold",
    "set": "set", "put": "put", "pay": "paid", "read": "read", "run": "run", "do": "done",
    "choose": "chosen", "bring": "brought", "tell": "told", "lay": "laid", "cut": "cut",
    "leave": "left", "begin": "begun", "see": "seen", "draw": "drawn", "get": "",
    "have": "", "be": "",
}  # fmt: skip
_EN_DOUBLE = lex("ship stop plan drop admit submit commit refer transfer scan tag map log "
                 "chat pin plug ban cap clip trim swap")  # fmt: skip


def their_thing_done(
    written: list[str], toks: list[str], verb_at: int, lang: Lang, plural: bool
) -> str | None:
    """'Mon adresse est modifiée', 'I see my order updated': the step whose verb is at
    `verb_at` (said by a `plural` subject: "we", "nous") and whose object is the
    customer's thing; None for another shape."""
    participle = _participle(written[verb_at], lang, plural)
    if participle is None:
        return None
    thing = _thing(written, toks, verb_at + 1, lang)
    if thing is None:
        return None
    whose, noun_words, gender, end = thing
    rest, cut = _one_clause(written[end:], lang)
    if written[end - 1][-1:] in ",;:.!?" and rest:
        rest, cut = [], True  # "your data, plans the field mapping": a list, a second verb
    stop = "." if not rest and not cut and written[end - 1].endswith(".") else ""
    tail = " ".join(rest)
    if lang == "en":
        sentence = f"I see {whose} {' '.join(noun_words)} {participle} {tail}"
    else:
        aux = _french_aux(toks[verb_at], gender.startswith("p"))
        done = participle + {"m": "", "f": "e", "pm": "s", "pf": "es"}[gender]
        sentence = f"{whose} {' '.join(noun_words)} {aux} {done} {tail}"
    sentence = " ".join(sentence.split()).rstrip(",;:") + stop
    if cut:
        sentence = sentence.rstrip(".") + "…"
    return sentence[:1].upper() + sentence[1:]


def _one_clause(rest: list[str], lang: Lang) -> tuple[list[str], bool]:
    """The words after the thing up to the first comma, conjunction or sentence end, and
    whether any were cut: "I see my content reviewed…", not "…reviewed and develops"."""
    for at, word in enumerate(rest):
        folded = fold(word).strip(",.;:!?")
        if folded in _CONJUNCTIONS[lang]:
            return rest[:at], True
        if folded in ("vous", "you", "votre", "vos", "your"):
            # "avant de vous orienter": whose act it is is unclear; the phrase goes
            while at and fold(rest[at - 1]) in _AFTER_THE_THING[lang] | _OF[lang]:
                at -= 1
            return rest[:at], True
        if word[-1:] in ",;:.!?" and at + 1 < len(rest):
            return [*rest[:at], word[:-1]], True
    return rest, False


def _thing(
    written: list[str], toks: list[str], at: int, lang: Lang
) -> tuple[str, list[str], str, int] | None:
    """(the customer's possessive, the thing's words, its gender, where it ends)."""
    if at >= len(toks):
        return None
    first, whose, article = toks[at], "", ""
    if first in _POSSESSIVE[lang]:
        whose, start = _POSSESSIVE[lang][first], at + 1
    elif lang == "en" and first == "the" and toks[at + 1 : at + 2] in _CUSTOMERS_EN:
        whose, start = "my", at + 2
    elif lang == "fr" and first in _ARTICLE_GENDER:
        article, start = _ARTICLE_GENDER[first], at + 1
    elif lang == "fr" and first.startswith("l'") and len(first) > 2:
        article, start = "?", at  # "l'adresse": the noun, its gender told by its ending
    else:
        return None
    end = start
    while (
        end < len(toks)
        and toks[end] not in _AFTER_THE_THING[lang]
        and not (
            end > start and toks[end].endswith(_ADVERB[lang]) and toks[end - 1] not in _OF[lang]
        )
    ):  # "votre commande rapidement", "your order carefully"
        end += 1
        if written[end - 1][-1:] in ",.;:!?":
            break
    if article:  # "le dossier du client": the customer's only with "du client" after
        found = next(
            ((k, o) for k in range(start + 1, len(toks)) for o in _OF_THE_CUSTOMER[lang]
             if _matches(toks, k, o)),
            None,
        )  # fmt: skip
        if found is None or found[0] > end:
            return None
        end = found[0] + len(found[1])
        words = written[start : found[0]]
        if article == "?":
            words = [words[0][2:], *words[1:]]
    else:
        words = written[start:end]
    if not words:
        return None
    words[-1] = words[-1].rstrip(",.;:!?")
    if lang == "en":
        return whose, words, "", end
    noun = fold(words[0])
    plural = first in ("mes", "vos") or article == "p"
    gender = french_gender(noun[:-1] if plural and noun.endswith(("s", "x")) else noun)
    if first == "ma" or article == "f":
        gender = "f"
    elif (first == "mon" and noun[:1] not in "aeiouyh") or article == "m":
        gender = "m"
    if gender is None:
        return None
    if plural:
        return "mes", words, "p" + gender, end
    vowel = noun[:1] in "aeiouyh"
    return ("ma" if gender == "f" and not vowel else "mon"), words, gender, end


def _matches(toks: list[str], at: int, words: tuple[str, ...]) -> bool:
    return tuple(toks[at : at + len(words)]) == words


def french_gender(noun: str) -> str | None:
    if noun in _FR_FEMININE:
        return "f"
    if noun in _FR_MASCULINE:
        return "m"
    if noun.endswith(_FR_FEMININE_ENDINGS):
        return "f"
    if noun.endswith(_FR_MASCULINE_ENDINGS):
        return "m"
    return None


def _french_aux(verb: str, plural: bool) -> str:
    """'sera' after a future ("examinera"), 'est' after a present."""
    future = fold(verb).endswith(("era", "eront"))
    if future:
        return "seront" if plural else "sera"
    return "sont" if plural else "est"


def irregular_stem(stem: str) -> bool:
    """Whether a French verb's stem (its "nous" form without -ons) is of the third group,
    whose forms are not made from the stem by rule ("recevons": "reçoit", "reçu")."""
    folded = fold(stem)
    return folded.endswith(_FR_IRREGULAR_ENDINGS) or folded in _FR_IRREGULAR_STEMS


def _participle(verb: str, lang: Lang, plural: bool) -> str | None:
    from journeymap.lint.sentence.conjugate import english_i

    low = verb.strip(",.;:!?").lower()
    if not low.isalpha() or fold(low) in _NOT_VERBS[lang]:
        return None
    if lang == "en":
        base = english_i(low, third_person=not plural)
        if base is None or len(base) < 3:
            return None
        if base in _EN_PARTICIPLES:
            return _EN_PARTICIPLES[base] or None
        if base in _EN_DOUBLE:
            return base + base[-1] + "ed"
        if base.endswith("e"):
            return base + "d"
        if base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
            return base[:-1] + "ied"
        return base + "ed"
    if low.endswith("era") and len(low) > 5:
        stem = low[:-3]  # the future: "examinera", "vérifiera"
    elif low.endswith("ons") and len(low) > 5 and plural:
        stem = low[:-3]  # the "nous" form: "vérifions", "préparons"
        if stem.endswith("ge"):
            stem = stem[:-1]
        stem = stem.replace("ç", "c")
    elif low.endswith("e") and not low.endswith("ée") and len(low) > 3 and not plural:
        stem = low[:-1]
    else:
        return None
    if irregular_stem(stem):
        return None
    if stem.endswith("iss"):
        return None
    return stem + "é"
