"""The company's own side of a sentence: its people and premises, and its hands on goods.

Three categories of back-office writing that name no processing verb and no jargon,
found on texts from outside the development corpus (tests/corpus/second-*.yaml):

- the company's people or premises at work, named with "our"/"notre": "pulled from our
  shelves by our pack and ship team", "it will go to our Order Desk", "notre logistique
  scindera la commande". The customer neither enters those places nor meets that team,
  unless the sentence speaks to the customer as the one acted upon ("our team will call
  you");
- goods handled out of sight, named as a task: "Picking and Packing", "Labeling",
  "Emballage des articles", "Apposition des étiquettes";
- a passive whose agent is a back-office role: "La demande a été prise en charge par un
  agent instructeur", "L'instruction est mise en attente par l'instructeur".
"""

from __future__ import annotations

import re
from functools import lru_cache

from journeymap.lint.sentence.lemmas import IRREGULAR_NOUNS, family
from journeymap.lint.sentence.tokens import Kind, Lang, lex, words
from journeymap.lint.sentence.voice_words import CUSTOMER_NOUNS
from journeymap.lint.sentence.work_words import ASKING, INFLOW, NOTIFYING, office_agent
from journeymap.lint.text import fold

# Who and where the company works, after "our"/"notre"/"nos" (up to three words later:
# "our pack and ship team", "notre service logistique").
PREMISES = {
    "fr": lex(
        "equipe equipes logistique entrepot entrepots atelier ateliers service services "
        "systeme systemes stock stocks magasinier preparateurs expediteurs"
    ),
    "en": lex(
        "team teams shelves shelf bay desk warehouse warehouses system systems staff "
        "department departments facility facilities members fulfillment fulfilment"
    ),
}
OUR = lex("our notre nos")
# Handling goods out of sight, named as a task: packing, labelling, picking, shelving.
GOODS = {
    "fr": lex("emballer conditionner etiqueter apposer rassembler ranger colisage"),
    "en": lex("pick pack package label shelve restock kit"),
}
NOUN_ENDINGS = {"fr": ("age", "tion", "ment", "ure"), "en": ("ing", "ment", "ion")}
# Roles whose work the customer does not see, as the agent of a passive ("par l'expert").
# Roles the customer meets (the courier, the adviser) are not among them.
OFFICE_ROLES = {
    "fr": lex(
        "instructeur instructrice expert experte superviseur gestionnaire administrateur admin "
        "administratrice operateur operatrice preparateur preparatrice magasinier "
        "comptable moderateur"
    ),
    "en": lex(
        "underwriter underwriters processor processors examiner adjuster reviewer "
        "reviewers supervisor administrator admin operator picker packer moderator"
    ),
}
BY = lex("par by")
# Agents of a back office writing its own procedures ("Agents should not submit tickets").
_BACK_AGENTS = {"fr": lex("agents"), "en": lex("agents")}
_SUBORDINATE = lex("once if when while after before until as si lorsque quand")
_SUBORDINATE_PAIRS = (("une", "fois"), ("des", "que"), ("apres", "que"), ("avant", "que"))
_CUSTOMER_SIDE = lex("you your yours vous votre vos")
# The company's people answering or meeting the customer, which the customer sees.
_ANSWERING = {
    "fr": lex("repondre contacter appeler rappeler accueillir recevoir aider accompagner"),
    "en": lex("answer reply respond contact call welcome greet help assist"),
}


def office_signs(text: str, lang: Lang, voice: Kind) -> tuple[str, ...]:
    """The words that show the company's own side at work, or () when none does."""
    if voice in ("first", "customer"):
        return ()
    marked = words(text)  # with punctuation: a leading clause ends at its comma
    toks = [t for t in marked if t[0].isalnum()]
    ours = _our_premises(toks, lang)
    if ours and not _customer_in_it(list(marked), lang):
        return ours
    goods = _goods_task(toks, lang, voice) or _refund_task(toks, lang, voice)
    goods = goods or _handled_by_seller(text, toks, lang, voice) or _in_progress(toks, lang)
    if goods:
        return goods
    return _office_agent(toks, lang, voice)


# Signing in and out: every user's action, the staff's too ("Enters credentials").
_SIGN_IN = {
    "fr": lex(
        "connexion connecter deconnexion deconnecter authentification identifiant "
        "identifiants passe pin 2fa"
    ),
    "en": lex("credentials login logout log sign password passwords 2fa authentication"),
}
_SENDING = {"fr": lex("envoyer transmettre"), "en": lex("send")}
_OFFERING = {"fr": lex("proposer inviter offrir"), "en": lex("propose offer invite")}


def own_task(toks: list[str], lang: Lang, voice: Kind, customers: frozenset[str]) -> bool:
    """A task told without the customer in it: "Claims new tickets", "Opens ticket detail".

    Read so only in a journey that follows a staff member (its persona or title): there
    such a step is that person's back-office work. Signing in or out, answering the
    customer and sending ("Send quick acknowledgments") are what the customer sees or
    what every user does.
    """
    if voice not in ("no-subject", "company") or not toks:
        return False
    if any(t in _CUSTOMER_SIDE or t in customers or t in _SIGN_IN[lang] for t in toks):
        return False
    roots = _ANSWERING[lang] | _SENDING[lang]
    return not any(family(t, lang, roots) for t in toks[:2])


def office_role(toks: list[str], lang: Lang) -> bool:
    """A role the customer does not meet heads the step, and does more than answer or send.

    "Admin sees pending doctor in list", "Agents will not see a pending WO": whatever the
    verb, that person's work is out of the customer's sight.
    """
    lead = [t for t in toks[:2] if t not in ("the", "le", "la", "l'", "les", "un", "une", "a")]
    if not lead or not (
        lead[0] in OFFICE_ROLES[lang] | _BACK_AGENTS[lang] or office_agent(lead[0], lang)
    ):
        return False
    # Answering, sending, proposing or asking reach the customer: "Admin propose un
    # expert", "Expert demande des documents complémentaires". Receiving does not:
    # "Admin receives notification" is the office's inbox (+1 true, 0 false, third set).
    roots = _ANSWERING[lang] | _SENDING[lang] | _OFFERING[lang] | (ASKING[lang] - _GETTING[lang])
    return not any(family(t, lang, roots) for t in toks)


def answers_customer(toks: list[str], lang: Lang) -> bool:
    """ "We will contact you with an authorization number", "nous vous rappelons"."""
    return any(t in _CUSTOMER_SIDE for t in toks) and any(
        family(t, lang, _ANSWERING[lang]) == "verb" for t in toks
    )


# Verbs that put something in the customer's hands or ears when "you"/"vous" receives
# them: "we'll email you", "let you know", "nous vous informons", "on te prévient".
_TELLING_YOU = {
    "fr": lex("envoyer transmettre informer prevenir notifier ecrire adresser tenir confirmer"),
    "en": lex("send email text notify inform tell let update remind write message alert confirm"),
}
_GETTING = {"fr": lex("recevoir obtenir"), "en": lex("receive get hear")}
_YOU_OBJECT = {"fr": frozenset({"vous", "te", "t'"}), "en": frozenset({"you"})}
_MODALS = frozenset({"ll", "will", "would", "may", "might", "can", "should", "then", "also"})


def customer_told(toks: list[str], lang: Lang) -> bool:
    """The customer is told or given something: what the text describes reaches them.

    "We'll email you once we have processed your application", "You will receive a
    rejection letter", "Nous vous informons de la décision", "Vous recevrez un SMS": the
    company's processing may be named, but the step is the message the customer gets, so
    it is not work out of the customer's sight. English puts "you" after the verb, French
    its clitic before it; "you" as the subject of receiving counts in both.
    """
    told = _TELLING_YOU[lang] | _ANSWERING[lang] | _SENDING[lang] | NOTIFYING[lang]
    for i, tok in enumerate(toks):
        if tok not in _YOU_OBJECT[lang]:
            continue
        if lang == "en":
            verb = toks[i - 1] if i else ""
            # "the information you submit": a noun before "you" starts a relative clause.
            if family(verb, lang, told) == "verb" and not verb.endswith(("tion", "ment")):
                return True
            after = [t for t in toks[i + 1 : i + 4] if t not in _MODALS]
        else:
            after = toks[i + 1 : i + 2]
            if after and tok in _YOU_OBJECT[lang] and family(after[0], lang, told) == "verb":
                return True
        if after and tok in ("you", "vous") and family(after[0], lang, _GETTING[lang]) == "verb":
            return True
    return False


# The outcome of a file, which the customer waits to hear.
_OUTCOMES = {
    "fr": lex("resultat resultats decision decisions reponse reponses issue verdict"),
    "en": lex("outcome outcomes decision decisions result results answer verdict"),
}
_ANNOUNCING = {
    "fr": lex("communiquer annoncer notifier informer transmettre envoyer"),
    "en": lex("communicate announce notify inform send share"),
}


def outcome_told(toks: list[str], lang: Lang) -> bool:
    """ "Communicate outcome", "Annonce de la décision": the customer hears how it ended.

    Telling the outcome of a file is the answer the customer waits for, so it is what
    the customer lives, even with no "you" in it.
    """
    for i, tok in enumerate(toks):
        if family(tok, lang, _ANNOUNCING[lang]) and any(
            t in _OUTCOMES[lang] for t in toks[i + 1 : i + 4]
        ):
            return True
    return False


def answers_or_tells(toks: list[str], lang: Lang) -> bool:
    """A verb of answering, contacting, sending or notifying: the customer hears of it."""
    roots = _ANSWERING[lang] | _SENDING[lang] | NOTIFYING[lang]
    return any(family(t, lang, roots) for t in toks)


def _within_three(toks: list[str], heads: frozenset[str], words: frozenset[str]) -> tuple[str, ...]:
    """(head, word) for a word of `words` at most three tokens after a head: the head
    governs a short phrase ("our new warehouse", "by the senior underwriter")."""
    for i, tok in enumerate(toks):
        if tok in heads:
            for nxt in toks[i + 1 : i + 4]:
                if nxt in words:
                    return tok, nxt
    return ()


def _our_premises(toks: list[str], lang: Lang) -> tuple[str, ...]:
    return _within_three(toks, OUR, PREMISES[lang])


def _customer_in_it(toks: list[str], lang: Lang) -> bool:
    """Whether the customer is in the main clause, or the team answers the customer.

    "Our team will call you", "Notre logistique vous enverra votre numéro", "vous
    recevrez un courrier": the customer sees that. A "you" only in a leading subordinate
    clause ("Once you have submitted your order, it will go to our Order Desk") is not
    the one the work is about; nor is it when the company answers ("répondre aux
    demandes", "reply to messages"), which the customer sees.
    """
    main = toks
    leading = bool(toks) and (toks[0] in _SUBORDINATE or tuple(toks[:2]) in _SUBORDINATE_PAIRS)
    if leading and "," in toks:
        main = toks[toks.index(",") + 1 :]
    if any(t in _CUSTOMER_SIDE for t in main):
        return True
    return any(family(t, lang, _ANSWERING[lang]) for t in toks if t[0].isalnum())


def _goods_task(toks: list[str], lang: Lang, voice: Kind) -> tuple[str, ...]:
    """ "Picking and Packing", "Emballage des articles": goods handled, named as a task."""
    if voice != "no-subject" or any(
        t in ("votre", "vos", "your", "mon", "ma", "mes", "my") for t in toks
    ):
        return ()
    head = toks[0]
    if head.endswith(NOUN_ENDINGS[lang]) and (
        family(head, lang, GOODS[lang]) or head in GOODS[lang]
    ):
        return (head,)
    return ()


# Money given back: the customer asks for it and gets it; the seller issues it.
_REFUNDS = {
    "fr": lex("remboursement remboursements avoir avoirs rembourser"),
    "en": lex("refund refunds credit reimbursement"),
}
# Issuing, working out or carrying out: the seller's hand on what it gives.
_ISSUING = {
    "fr": lex("effectuer emettre generer initier calculer traiter proceder ouvrir"),
    "en": lex("issue process calculate compute initiate generate"),
}


def _refund_task(toks: list[str], lang: Lang, voice: Kind) -> tuple[str, ...]:
    """ "Issue refund", "Effectuer le remboursement", "Générer un avoir": a seller's task.

    The task opens on the issuing verb (an infinitive, an imperative or its noun) and the
    refund follows within four words; the customer's own ("Suivre mon remboursement"),
    one that asks or gets ("Demander un avoir") and a message about it ("Refund
    confirmation email") open otherwise.
    """
    if voice != "no-subject" or any(t in _OWN for t in toks):
        return ()
    head = toks[0]
    if not family(head, lang, _ISSUING[lang]):
        return ()
    refund = next((t for t in toks[1:5] if t in _REFUNDS[lang]), None)
    return (head, refund) if refund else ()


_OWN = frozenset({"votre", "vos", "your", "mon", "ma", "mes", "my"})

# Which party a verb and its object belong to. The customer passes, pays, tracks and
# receives an order; only the seller prepares, picks, packs, labels or invoices it, and
# only the office sets a file's status ("Marquer comme en préparation", "Update status");
# the customer reports an issue, the support team reproduces, diagnoses and handles it.
# Such a pair, told without a subject, is a staff procedure.
_SELLER_PAIRS = {
    "fr": (
        (lex("preparer emballer etiqueter facturer prelever conditionner"),
         lex("commande commandes colis article articles")),
        (lex("marquer passer changer miseajour modifier definir"), lex("statut statuts etat")),
        (lex("analyser diagnostiquer reproduire documenter identifier gerer traiter resoudre"),
         lex("incident incidents cas litige litiges anomalie anomalies dysfonctionnement")),
    ),
    "en": (
        (lex("prepare pick pack label invoice fulfil fulfill"),
         lex("order orders item items parcel parcels package packages")),
        (lex("mark set change update"), lex("status state")),
        (lex("investigate reproduce diagnose troubleshoot document identify handle resolve"),
         lex("issue issues case cases incident incidents cause")),
    ),
}  # fmt: skip


# The office's work named as the state a file or an order is in: "En vérification",
# "la commande est en préparation", "En cours d'instruction", "en attente de validation".
_STATE_OF_WORK = lex(
    "preparer verifier traiter instruire valider fabriquer analyser examiner etudier controler"
)
_SHOWING = lex("afficher montrer indiquer consulter voir suivre")
_IN_PROGRESS = (("en",), ("en", "cours", "de"), ("en", "cours", "d'"), ("en", "attente", "de"))


def _in_progress(toks: list[str], lang: Lang) -> tuple[str, ...]:
    """ "en" and a noun of the office's work: what the customer waits for is being done.

    A state shown to the customer ("les écrans affichent les tables en préparation") is
    what the customer sees.
    """
    if lang != "fr" or any(family(t, lang, _SHOWING) for t in toks):
        return ()
    for i, tok in enumerate(toks):
        if tok != "en":
            continue
        for lead in _IN_PROGRESS:
            at = i + len(lead)
            if tuple(toks[i:at]) == lead and at < len(toks):
                noun = toks[at]
                # "instruction" is the file's examination here, not directions given.
                examined = IRREGULAR_NOUNS[lang].get(noun) in _STATE_OF_WORK
                if examined or (
                    noun.endswith(NOUN_ENDINGS[lang]) and family(noun, lang, _STATE_OF_WORK)
                ):
                    return (noun,)
    return ()


_MARKING = {"fr": lex("marquer"), "en": lex("mark")}
_DONE = frozenset({"prête", "prêt", "prêtes", "ready", "complete", "done"})
_PARTICIPLE = {"fr": ("é", "ée", "és", "ées"), "en": ("ed",)}
_WRITTEN = re.compile(r"[^\W_]+")


def _progress_marked(text: str, toks: list[str], lang: Lang) -> tuple[str, ...]:
    """ "Marquer livrée", "EVS marque ateliers comme terminés", "Mark inspection: PASSED":
    a file's progress set down by whoever works on it. What the customer marks in a list
    of their own is no progress ("Mark as read", "Marquer comme favori")."""
    if not any(t.startswith("mar") for t in toks[:3]):
        return ()  # most steps mark nothing: the written words are read only when needed
    written = _WRITTEN.findall(text.casefold())
    for i, word in enumerate(written[:3]):
        if family(fold(word), lang, _MARKING[lang]) != "verb" or word.endswith(_PARTICIPLE[lang]):
            continue
        for state in written[i + 1 : i + 5]:
            if state in _DONE or state.endswith(_PARTICIPLE[lang]):
                return word, state
    return ()


def _handled_by_seller(text: str, toks: list[str], lang: Lang, voice: Kind) -> tuple[str, ...]:
    """ "Préparer la commande", "Pack the items", "Changer statut dossier": verb and object
    of the seller's side, with neither the customer's own things nor the customer in it."""
    # The customer as a complement is the seller's view of them: "Handle user issues".
    if any(t in _OWN for t in toks) or toks[0] in CUSTOMER_NOUNS[lang]:
        return ()
    marked = _progress_marked(text, toks, lang)
    if marked or voice != "no-subject":
        return marked
    for verbs, objects in _SELLER_PAIRS[lang]:
        for i, tok in enumerate(toks[:2]):
            if tok in objects or not family(tok, lang, verbs):
                continue
            if toks[i + 1 : i + 2] in (["up"], ["out"], ["off"], ["in"], ["on"]):
                continue  # a phrasal verb is another verb: "Pick up order in store"
            target = next((t for t in toks[i + 1 : i + 5] if t in objects), None)
            if target is not None:
                return tok, target
    return ()


def _office_agent(toks: list[str], lang: Lang, voice: Kind) -> tuple[str, ...]:
    """ "... par un agent instructeur", "... by the underwriter": a back-office role as agent."""
    if voice not in ("other", "no-subject"):
        return ()
    return _within_three(toks, BY, OFFICE_ROLES[lang])


@lru_cache(maxsize=4096)
def customer_asks(text: str, lang: Lang, voice: Kind) -> bool:
    """ "Requests escalation", "Gets direct agent assignment": the customer asks or gets.

    What follows a leading verb of asking or receiving is what the customer asks for or
    receives, so the customer sees it, even when it is back-office jargon; the seller's
    own inflow is not ("Demande entrante").
    """
    toks = [t for t in words(text) if t[0].isalnum()]
    if voice != "no-subject" or not toks or family(toks[0], lang, ASKING[lang]) != "verb":
        return False
    return not any(t in INFLOW[lang] for t in toks)


@lru_cache(maxsize=4096)
def staff_task(text: str, lang: Lang, voice: Kind) -> bool:
    """A task told without the customer in it, back-office work in a staff journey."""
    if voice not in ("no-subject", "company"):
        return False
    toks = [t for t in words(text) if t[0].isalnum()]
    return own_task(toks, lang, voice, CUSTOMER_NOUNS[lang])
