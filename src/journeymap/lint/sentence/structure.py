"""The shape of a sentence, read for back-office work: who acts, on what, for whom.

Four rounds of word lists caught the words of the texts they were tuned on and little
of new writing: "Appraiser writes report", "Gateway validates auth", "Le magasinier
consulte les plans", "Each crate is opened" use verbs and nouns no list held. What they
share is a structure: a third party (a staff member, an organisation, a component) acts
on something with no customer in the sentence, or a file or goods undergo a passive
whose agent is left unnamed. The structure is read here; the lexicons only say who the
customer is and which verbs face the customer.
"""

from __future__ import annotations

import re

from journeymap.lint.sentence.lemmas import family, has_lemma
from journeymap.lint.sentence.tokens import Lang, lex
from journeymap.lint.sentence.voice_words import (
    CUSTOMER_NOUNS,
    DETERMINERS,
    FIRST,
    LEADING,
    MY,
    OURS,
    THIRD_PRONOUNS,
    YOU,
)
from journeymap.lint.sentence.work_words import PARTICIPLE_ENDINGS
from journeymap.lint.text import fold

# The customer, named in any way: present, the text is about what the customer lives.
_CUSTOMER_WORDS = {
    lang: CUSTOMER_NOUNS[lang] | FIRST[lang] | MY[lang] | YOU[lang] for lang in ("fr", "en")
}
_YOURS = lex("votre vos your yours te t' ton ta tes")

# Verbs whose work reaches the customer: a subject that delivers, shows or calls does it
# for the customer to see, whoever it is ("The courier delivers the parcel", "L'app
# affiche le plan").
_FACING = {
    "fr": lex(
        "livrer remettre appeler rappeler contacter accueillir afficher montrer presenter "
        "envoyer expedier informer notifier expliquer proposer conseiller orienter saluer "
        "repondre ecrire telephoner recevoir servir apporter installer accompagner "
        "rembourser annoncer confirmer demander indiquer "
        # forms no suffix rule reaches
        "remet remettent envoie envoient repond repondent"
    ),
    "en": lex(
        "deliver hand call contact greet welcome show display present send ship email text "
        "inform notify explain offer advise guide answer reply respond serve bring install "
        "meet visit refund announce confirm ask tell help assist escort seat"
    ),
}
# Who works in front of the customer: their acts are the service the customer lives
# ("Doctor prescribes", "Vendeuse note les articles", "Chatbot attempts resolution").
_FRONT = {
    "fr": lex(
        "vendeur vendeuse vendeurs vendeuses caissier caissiere serveur serveuse hote hotesse "
        "medecin infirmier infirmiere pharmacien chatbot livreur livreuse coiffeur coiffeuse "
        "transporteur"
    ),
    "en": lex(
        "seller salesperson cashier waiter waitress barista host hostess doctor physician "
        "nurse pharmacist chatbot bot driver courier carrier"
    ),
}
# An object that is a meeting with the customer: "schedules property visit",
# "conducts showing", "will work with all involved parties".
_MEETING = {
    "fr": lex("visite rendezvous entretien rencontre"),
    "en": lex("visit visits showing showings tour tours appointment meeting with"),
}
_MODALS = {
    "fr": lex("va vont doit doivent peut peuvent pourra pourront devra devront"),
    "en": lex("will would may might can could must should shall then also usually"),
}
_NOT_VERB_EN = lex(
    "and or of in on at for with to by from as is are was were has have this that its "
    "their his her status process"
)
_NOT_VERB_FR = lex(
    "de d' du des et ou a au aux en par pour avec sur dans sous chez est sont qui que ne n' se s' y"
)
_TO_FR = lex("a au aux chaque tous toutes")
# Adjectives that commonly follow a French noun before its verb.
_FR_ADJ_END = ("if", "ive", "al", "ale", "el", "elle", "ique", "aire", "eux", "euse", "ant")


def _verb_en(word: str) -> bool:
    """A third-person present verb: "checks", "validates", "retrieves", "applies"."""
    return (
        len(word) > 3
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics", "ous"))
        and word not in _NOT_VERB_EN
    )


def _verb_fr(word: str) -> bool:
    """A French finite verb, by ending: "consulte", "réalisera", "vérifient", "met"."""
    if not word.isalpha() or word in _NOT_VERB_FR or len(word) < 2:
        return False
    return word.endswith(("e", "ent", "t", "d", "era", "eront", "ira", "iront", "it"))


# Agent nouns by their shape: whoever lends, appraises, organises or keeps the store
# ("lender", "appraiser", "magasinier", "notaire", "courtier", "réceptionnaire").
_AGENT_END = {
    "en": ("er", "or", "ist", "ian"),
    "fr": ("eur", "aire", "iste", "ier", "ien", "ienne"),
}


def _actor(subject: list[str], lang: Lang, determined: bool, caps: frozenset[str]) -> bool:
    """Whether a subject phrase names someone or something that acts for the company."""
    head = subject[-1] if lang == "en" else subject[0]
    if head in CUSTOMER_NOUNS[lang] or head in _FRONT[lang]:
        return False
    if _staff(head, lang):
        return True
    single = head[:-1] if head.endswith("s") and len(head) > 4 else head
    # An infinitive opens a French step ("Négocier", "Vérifier"); nouns in "-ier" that
    # name someone ("magasinier", "courtier") come with their article.
    if subject[0] in caps:
        return True  # "EVS signe contrat", "FEVES réaffecte": an organisation by its acronym
    if lang == "fr" and not determined:
        return False
    return len(single) >= 6 and single.endswith(_AGENT_END[lang])


def agent_clause(toks: list[str], lang: Lang, text: str = "") -> tuple[str, ...]:
    """A third party acting on something, no customer in sight: (subject, verb), else ().

    The main clause (at the start, or after a leading phrase and its comma: "Pendant ce
    temps, le notaire prépare...") opens on a noun phrase - an article or a bare noun,
    not a person of the conversation - followed by a finite verb and its object: "The
    lender checks the credit", "Un technicien réalisera un diagnostic", "Le préparateur
    de commandes rassemble les articles", "EVS signe contrat". The customer named
    anywhere ("calls you", "le client", "my order"), or a verb that faces the customer
    (deliver, show, call) makes it what the customer lives; so does "your" unless the
    subject is the back office's own (not front-of-house) and the verb is its work.
    """
    content = _content(toks, lang)
    if len(content) < 3 or any(t in _CUSTOMER_WORDS[lang] for t in content):
        return ()
    caps = _acronyms(text)
    found = _clause(content, lang, caps)
    if not found and "," in toks[:12]:
        # The main clause after a leading phrase opens on its article or an acronym; a
        # person before the comma is the main clause's subject ("We accept cards, UPI").
        before = _content(toks[: toks.index(",")], lang)
        after = _content(toks[toks.index(",") + 1 :], lang)
        persons = OURS[lang] | THIRD_PRONOUNS[lang]
        if (
            after
            and (after[0] in DETERMINERS[lang] or after[0] in caps)
            and not any(t in persons for t in before)
        ):
            found = _clause(after, lang, caps)
    return found


def _content(toks: list[str], lang: Lang) -> list[str]:
    """The words, punctuation left out; "you're", "we'll": the pronoun alone."""
    return [t.rstrip("'") if lang == "en" else t for t in toks if t[0].isalnum()]


def _clause(content: list[str], lang: Lang, caps: frozenset[str]) -> tuple[str, ...]:
    if len(content) < 3 or content[0] in OURS[lang] or content[0] in THIRD_PRONOUNS[lang]:
        return ()
    at = 1 if content[0] in DETERMINERS[lang] else 0
    if at and content[0] in _YOURS:
        return ()  # "Your cleaner will begin the work": the customer's own contact
    # The subject: one noun, then (English) up to two more nouns of a compound, or
    # (French) an adjective, a number, an acronym or a "de" complement.
    span = 3 if lang == "en" else 2
    k = at + 1
    if lang == "fr":
        while k < len(content) and (content[k].isdigit() or content[k] in caps):
            k += 1  # "L'agent CEA complète", "L'assistante 2 modifie"
        if content[k : k + 1] in (["de"], ["d'"]) and k + 2 < len(content):
            k += 2  # "Le préparateur de commandes rassemble"
    first = k
    for k in range(first, min(len(content) - 1, first + span)):
        word = content[k]
        modal = word in _MODALS[lang]
        verb_at = k + 1 if modal else k
        verb = content[verb_at]
        finite = _verb_en(verb) if lang == "en" and not modal else _verb_fr(verb)
        if lang == "fr" and modal:
            finite = verb.isalpha() and verb.endswith(("er", "ir", "re", "oir"))
        if lang == "en" and modal:
            finite = verb.isalpha() and verb not in _NOT_VERB_EN and verb not in ("be", "have")
        if lang == "fr" and k == first + 1 and not content[first].endswith(_FR_ADJ_END):
            return ()
        if not finite:
            if lang == "en" and (word.endswith("ed") or word in _NOT_VERB_EN):
                return ()
            continue
        obj = [t for t in content[verb_at + 1 : verb_at + 3] if not t.endswith("ment")][:1]
        if not obj or obj[0] in _MODALS[lang]:
            return ()
        if lang == "fr" and obj[0] not in DETERMINERS[lang] and obj[0] not in _TO_FR:
            return ()  # "Cuisine rapide produits frais": an adjective, not a verb
        if has_lemma(verb, lang, _FACING[lang]):
            return ()
        if any(t in _MEETING[lang] for t in content[verb_at + 1 :]):
            return ()
        subject = content[at : first if lang == "fr" else k]
        if any(t in DETERMINERS[lang] for t in subject[1:]):
            return ()
        if not _actor(subject, lang, bool(at), caps):
            return ()
        if any(t in _YOURS for t in content) and not _ours(content[0], subject, lang):
            return ()
        return (" ".join(subject), verb)
    return ()


def in_front(toks: list[str], lang: Lang) -> bool:
    """A front-of-house subject dealing with the customer's own things or person: "Le
    livreur vérifie votre identité", "The driver checks your ID" is seen by the customer."""
    content = _content(toks, lang)
    at = 1 if content[:1] and content[0] in DETERMINERS[lang] else 0
    head = content[at : at + 1]
    return (
        bool(head)
        and head[0] in _FRONT[lang]
        and any(t in _YOURS or t in YOU[lang] for t in content)
    )


def _ours(opening: str, subject: list[str], lang: Lang) -> bool:
    """Whether a subject works for the company out of the customer's sight, "your" or not:
    "The lender checks your credit", "Your lender will order an appraisal"."""
    from journeymap.lint.sentence.voice_words import STAFF_NOUNS

    head = subject[-1] if lang == "en" else subject[0]
    single = head[:-1] if head.endswith("s") else head
    listed = head in STAFF_NOUNS[lang] or single in STAFF_NOUNS[lang]
    return head not in _FRONT[lang] and (listed or single.endswith(_AGENT_END[lang]))


def _acronyms(text: str) -> frozenset[str]:
    """Words written in capitals, folded: "EVS", "FEVES", "BO" name an organisation."""
    return frozenset(
        fold(w) for w in re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", text) if not w.isdigit()
    )


# The auxiliary of a passive; modals of possibility or duty ("can be cancelled", "must
# be completed") tell the customer what may be done, not what the office does.
_BE = {
    "fr": lex("est sont sera seront etait etaient ete soit soient"),
    "en": lex("is are was were be been being gets get"),
}
_MAY = {
    "fr": lex("peut peuvent pourra pourront pourrait doit doivent devra devront"),
    "en": lex("can could may might must"),
}
_NOT = lex("not never pas plus jamais n' ne")
# Participles that describe a state, not work done to the thing: "based", "required";
# advice to the reader ("Appointments are recommended") and "get started" (the idiom,
# not a get-passive).
_STATE = lex(
    "based related required needed interested located used included attached entitled "
    "limited allowed accepted available eligible concerned situated disponible requis "
    "necessaire concerne inclus situe "
    "recommended advised encouraged started recommande recommandee recommandes "
    "recommandees conseille"
)
# What the customer gets or lives, said as a passive: "is delivered", "est expédié",
# "is approved", "est remboursé", "are charged".
_LIVED = {
    "fr": lex(
        "livrer expedier envoyer rembourser approuver accepter confirmer valider activer "
        "crediter debiter preleve prelever facturer annuler rappeler contacter informer "
        "notifier accorder ouvrir delivrer recevoir finaliser terminer accompagner "
        "envoye envoyee envoyes envoyees ajouter fournir reserver communiquer retirer "
        "effectuer realiser faire proceder stopper bloquer suspendre soumettre marquer"
    ),
    "en": lex(
        "deliver ship send refund approve accept confirm activate credit debit charge bill "
        "cancel call contact inform notify grant open issue receive finalize finalise "
        "complete email text return resolve add provide hold reserve communicate "
        # goods moving to the customer: "Orders are transported to their destination"
        "transport "
        # light verbs: the work is the subject's noun ("The refund is made", "Le dépannage
        # est réalisé"), read by the nominal reading, not here
        "make do perform carry conduct block suspend freeze submit mark"
    ),
}
# The participle endings every reading uses, and the ones a written passive adds
# ("instruit", "produite", "taken").
_PARTICIPLE = {
    "fr": (*PARTICIPLE_ENDINGS["fr"], "truit", "truite", "duit", "duite"),
    "en": (*PARTICIPLE_ENDINGS["en"], "en"),
}
_PERSONS = {
    "fr": lex("il elle ils elles on nous c' ce ca cela"),
    "en": lex("he she they we someone everyone it"),
}
# A subordinate clause's passive is its condition, not the step: "If an address is
# entered incorrectly", "when the package is marked delivered".
_SUBORDINATORS = lex("if once when whenever before until si lorsque quand lorsqu' avant")


def office_passive(text: str, toks: list[str], lang: Lang) -> tuple[str, ...]:
    """A thing undergoing work whose agent is left unnamed: (participle,), else ().

    "Your financial documents are reviewed", "Each crate is opened", "Damaged products
    are set aside", "Le dossier est instruit", "Les colis sont contrôlés": the customer's
    file or the company's goods are worked on out of sight. A person as the subject
    ("Vous êtes rappelé"), a participle of what the customer gets ("Your order is
    delivered", "Votre remboursement est effectué" stays weak), a modal of possibility
    ("can be cancelled") or a receiver named ("vous sera notifiée") is what the customer
    lives.
    """
    content = _content(toks, lang)
    if any(t in _CUSTOMER_WORDS[lang] - _YOURS for t in content):
        return ()
    for i, tok in enumerate(content):
        if tok not in _BE[lang] or i == 0:
            continue
        subject = content[max(0, i - 5) : i]
        if any(t in _MAY[lang] or t in _NOT for t in subject[-2:]):
            return ()
        before = content[:i]
        if any(t in _PERSONS[lang] or t in OURS[lang] or _staff(t, lang) for t in before):
            return ()  # a person as the subject, or before it: "We spray the area being..."
        if any(t in _MEETING[lang] for t in before):
            return ()  # "Un rendez-vous est fixé": a meeting with the customer
        agent = content[i + 1 : i + 8]
        if any(t in _FRONT[lang] for t in agent):
            return ()  # "prise en charge par le transporteur": handed to the carrier
        clause = toks[: toks.index(tok)]
        opener = max((k for k, t in enumerate(clause) if t in _SUBORDINATORS), default=-1)
        if opener >= 0 and "," not in clause[opener:]:
            continue
        after = [
            t
            for t in content[i + 1 : i + 4]
            if not t.endswith(("ly", "ment")) and t not in LEADING[lang]
        ]
        if after[:1] in (["ete"], ["been"], ["being"]):
            after = after[1:]
        if not after or after[0] in _STATE or after[0] in _NOT:
            return ()
        participle = after[0]
        written = _written(text, participle)
        if not (written.endswith(_PARTICIPLE[lang]) or participle in PASSIVE_IRREGULARS):
            return ()
        if family(participle, lang, _LIVED[lang] | _FACING[lang] | _VERDICTS[lang]) == "verb":
            return ()
        if lang == "fr" and participle.endswith(("is", "it")) and len(participle) < 5:
            return ()
        if any(t in _RULES for t in agent) or _SUCCESS.search(" ".join(content[i + 1 :])):
            return ()  # a limit set by law, a success reported: what the customer is told
        return (participle,)
    return ()


# A verdict on the customer's request is the answer the customer gets: "Votre demande a
# été refusée", "Your application is declined" (accepting is in _LIVED already).
_VERDICTS = {"fr": lex("refuser rejeter"), "en": lex("reject decline deny refuse")}
# A rule as the agent is a constraint told ("plafonnées par la loi", "capped by law"),
# and a success reported is the outcome shown ("enregistré avec succès").
_RULES = lex("loi lois reglement reglementation law laws regulation regulations")
_SUCCESS = re.compile(r"\b(avec succes|successfully|with success)\b")


# The passive reading's own irregular participles; work_words.IRREGULAR_PARTICIPLES is
# the older readings' shorter list (with "run", which this one was not measured with).
PASSIVE_IRREGULARS = lex(
    "sent made done written taken given held kept brought sold told found paid left built "
    "put set chosen"
)


def _written(text: str, token: str) -> str:
    """The word as the text spells it, lower-cased: "contrôlés" for the token "controles"."""
    for word in text.split():
        word = word.strip(".,;:!?()«»\"'").casefold()
        if fold(word) == token:
            return word
    return token


def _staff(token: str, lang: Lang) -> bool:
    from journeymap.lint.sentence.voice import _staff as staff

    return staff(token, lang)


# "all", "each", "every": a task done over the whole stock of something.
_EVERY = {"en": lex("all each every"), "fr": lex("tous toutes chaque")}
_NOUN_END_EN = ("ion", "ment", "ing", "ed", "s", "al", "ity", "ance", "ence", "ure", "ery")


def checklist_task(toks: list[str], lang: Lang) -> tuple[str, ...]:
    """An order to work through every item of something: (verb, quantifier), else ().

    "Wash all dishes", "Inspect each item", "Review all supporting documentation",
    "Contrôler tous les colis": a staff checklist works through the company's goods and
    files; a customer is told to act on their own things ("Check all your documents") or
    on the company ("Contact us"), and a verb that faces the customer ("Send all
    invoices to the client") is the customer's to see.
    """
    content = _content(toks, lang)
    if len(content) < 3 or any(
        t in _CUSTOMER_WORDS[lang] or t in _YOURS or t in ("us", "nous") for t in content
    ):
        return ()
    verb = content[0]
    if lang == "en":
        verbish = verb.isalpha() and not verb.endswith(_NOUN_END_EN)
    else:
        verbish = verb.endswith(("er", "ir", "re", "ez"))
    if not verbish or family(verb, lang, _LIVED[lang] | _FACING[lang]) == "verb":
        return ()
    return (verb, content[1]) if content[1] in _EVERY[lang] else ()


def names_customer(text: str, lang: Lang) -> bool:
    """Whether a text names the customer in any way: "je", "my", "you", "votre", "le client"."""
    from journeymap.lint.sentence.tokens import words

    return any(
        t in _CUSTOMER_WORDS[lang] or t in _YOURS or t in ("us", "nous")
        for t in _content(list(words(text)), lang)
    )


def imperative_order(text: str, lang: Lang) -> bool:
    """An order with its object and no customer in it: "Unload and inspect shipments",
    "Contrôler les informations". Whose order it is, the journey around it tells: among
    steps mostly back-office work and none of them the customer's, it is the staff's
    checklist (journeymap.lint.rules.internal); alone, it may be the customer's own.
    """
    from journeymap.lint.sentence.tokens import words

    content = _content(list(words(text)), lang)
    if len(content) < 2 or names_customer(text, lang):
        return False
    verb = content[0]
    if lang == "en":
        verbish = verb.isalpha() and not verb.endswith(_NOUN_END_EN)
        # "Paperwork sent ahead": a noun and its participle, not an order
        verbish = verbish and not any(
            t.endswith("ed") or t in PASSIVE_IRREGULARS for t in content[1:4]
        )
    else:
        verbish = verb.endswith(("er", "ir", "re"))
    return verbish and family(verb, lang, _LIVED[lang] | _FACING[lang]) != "verb"
