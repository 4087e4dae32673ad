"""Whether a text describes back-office work, read from weighed signs (golden rule 3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from journeymap.lint.sentence.customer_side import COURTESY, customer_side, not_work
from journeymap.lint.sentence.lemmas import IRREGULAR_NOUNS, family, has_lemma
from journeymap.lint.sentence.office import (
    answers_customer,
    customer_asks,
    customer_told,
    office_role,
    office_signs,
    outcome_told,
)
from journeymap.lint.sentence.records import customer_written_in, record_keeping
from journeymap.lint.sentence.structure import (
    agent_clause,
    checklist_task,
    in_front,
    office_passive,
)
from journeymap.lint.sentence.tokens import Kind, Lang, lex, words
from journeymap.lint.sentence.voice_words import (
    CUSTOMER_NOUNS,
    DETERMINERS,
    MY,
    OURS,
    STAFF_NOUNS,
    YOU,
)
from journeymap.lint.sentence.work_words import (
    AUXILIARIES,
    BACKEND,
    BACKOFFICE_NOMINALS,
    BEHIND,
    CANONICAL,
    CHECKING,
    DEPARTMENTS,
    DRAFTING,
    FOR_YOU,
    INFLOW,
    IRREGULAR_PARTICIPLES,
    JARGON,
    NOT_RECEIVERS,
    NOTIFIED,
    NOTIFYING,
    NOUN_FORMS,
    OBJECTS,
    PAPERS,
    PARCELS,
    PARTICIPLE_ENDINGS,
    PASSING,
    PHRASE_END,
    PROCESSING,
    PRODUCTION,
    QUOTED,
    RECEIVERS,
    ROUTING,
    SELLER_PAPERS,
    SELLER_SIDE,
    STAFF_ROLES,
    STRONG_NOUNS,
    SYSTEMS,
    TO_CUSTOMER,
    WE_AT_WORK,
    WORD,
    office_agent,
)
from journeymap.lint.text import fold


def staff_role(text: str, lang: Lang) -> bool:
    """Whether a persona's name or a journey's title names a staff role, not a customer."""
    toks = words(text)
    if any(t in CUSTOMER_NOUNS[lang] for t in toks):
        return False
    return any(t in STAFF_ROLES[lang] for t in toks)


@dataclass(frozen=True, slots=True)
class Internal:
    """Why a text reads as back-office work: the words that show it, and their weight."""

    words: tuple[str, ...]
    score: int = 2


@lru_cache(maxsize=16384)
def internal_work(text: str, lang: Lang, voice: Kind) -> Internal | None:
    """The back-office signs in a text (scored as above), or None for the customer's moment."""
    found = internal_signs(text, lang, voice)
    return found if found is not None and found.score >= 2 else None


@lru_cache(maxsize=16384)
def internal_signs(text: str, lang: Lang, voice: Kind) -> Internal | None:
    """Every back-office sign in a text and their score, even one sign short of enough.

    A lone weak sign ("Regimen review", "Clôture journée") is kept with its score of 1,
    so that a measurement can see what the reading nearly caught.
    """
    # A label in quotes is what the customer's screen shows: 'Voir le statut "en attente
    # de synchronisation"' is the customer reading a status.
    text = QUOTED.sub(" ", text) if QUOTED.sub("", text).strip() else text
    # "we'll", "we're": the pronoun without its contraction; French elisions stay.
    toks = [t.rstrip("'") if t.endswith("'") and (lang == "en" or len(t) > 3) else t
            for t in words(text) if t[0].isalnum()]  # fmt: skip
    strong = [t for t in toks if t.rstrip("'") in STRONG_NOUNS[lang]]
    # "Reporting the claim": a gerund with its object is the customer's action.
    strong = [t for t in strong if not _gerund_with_object(t, toks, lang)]
    # "Logs in", "Stock up": a noun used as a phrasal verb is the user's own action.
    strong = [t for t in strong if not _phrasal(t, toks, lang)]
    # "Consulter la synthèse de l'audit", "Download the audit": the back office's
    # deliverable put before the customer, who looks at it; one weak sign left. (Looking
    # at the office's own monitoring, "Consultation KPIs du jour", stays staff work.)
    handed = [t for t in strong if t in DELIVERABLES and _shown(t, toks, lang)]
    strong = [t for t in strong if t not in handed]
    if voice in ("first", "customer"):
        jargon = [_as_written(text, t) for t in strong if t in JARGON]
        return Internal(tuple(jargon)) if jargon else None
    if not toks:
        return None
    # Words of work naming something else: "a restocking fee", "in stock", "during this
    # process", "logging into your account" (journeymap.lint.sentence.customer_side).
    aside = not_work(toks, lang)
    strong = [t for t in strong if t not in aside]
    if customer_asks(text, lang, voice) or answers_customer(toks, lang):
        return None  # the customer asks, gets or is answered: "We will call you back"
    if customer_told(toks, lang) or outcome_told(toks, lang):
        return None  # the customer gets the message: "We'll email you when it is processed"
    if voice == "no-subject" and toks[1:2] in (["us"], ["nous"]) and len(toks) > 2:
        return None  # the customer addressed: "Allow us two days to review", "Laissez-nous"
    folded = fold(text)
    if customer_side(folded, toks, lang, voice):
        return None  # "Retournez à la boutique", "kept up to date", "Export en PDF possible"
    # The looking itself is no processing once its object is the back office's product.
    looking = {t for t in toks if handed and family(t, lang, VIEWING[lang])}
    kinds = {t: family(t, lang, PROCESSING[lang] | BACKOFFICE_NOMINALS[lang])
             for t in toks if t not in strong and t not in handed and t not in looking
             and t not in aside}  # fmt: skip
    # A communication or a reminder is what its receiver gets: "communication sent to employee".
    processing = [t for t, k in kinds.items() if k and t not in _CONTACT]
    # An English imperative is a user's command in a tool ("Assign seats").
    command = lang == "en" and voice == "no-subject" and not toks[0].endswith("ing")
    routing = [t for t in processing if family(t, lang, ROUTING[lang])
               and not (command and t == toks[0])]  # fmt: skip
    seller = [
        t
        for t in toks
        if t not in strong and t not in processing and has_lemma(t, lang, SELLER_SIDE[lang])
    ]
    inflow = [t for t in toks if t in INFLOW[lang]]
    head = toks[:3]
    backend = voice == "company" and any(t in BACKEND[lang] for t in head)
    # The company itself doing processing work: "We review", "Le gestionnaire saisit".
    we = OURS[lang] - {"notre", "nos", "our"}
    # "Our experts", "Nos équipes": the company's people, whatever their title.
    ours = head[:1] in (["our"], ["notre"], ["nos"])
    staff = (
        voice == "company"
        and bool(processing)
        and (ours or any(_staff(t, lang) or t in we for t in head))
    ) or _we_at_work(toks, lang)
    agent = (
        bool(processing)
        and bool(re.search(r"\b(par|by) (le|la|l'|les|un|une|the|an?|our|nos|notre) ", folded))
        and any(_staff(t, lang) or t in STAFF_ROLES[lang] for t in toks)
    )
    # A staff role heading a step told without a subject: "Expert valide un document",
    # "Admin Review": that person's work, unless the customer
    # is in it ("Admin invite le client").
    role = _role_at_work(toks, lang) and voice in ("no-subject", "company")
    opening = next((i for i, t in enumerate(toks[:3]) if t not in _LEADING[lang]), 0)
    role = role and (bool(processing) or office_role(toks[opening:], lang))
    staff = (staff or role) and not in_front(toks, lang)
    # A third party at work with no customer in sight: "Appraiser writes report",
    # "Le magasinier consulte les plans" (journeymap.lint.sentence.structure).
    # Read in French only: on the seventh blind set (new writing nobody had read) the
    # English reading added 6 true findings and 11 false alarms; the French one 3 and 0.
    actor = agent_clause(list(words(text)), lang, text) if lang == "fr" else ()
    # A file or goods worked on, the agent left unnamed: "Your documents are reviewed",
    # "Le dossier est instruit". French since verdicts, successes and limits set by law
    # are told apart (journeymap.lint.sentence.structure): 12 true findings added over the
    # second to eighth sets, no false alarm (before that guard: 1 and 3 on the seventh).
    actor = actor or office_passive(text, toks, lang)
    # An order to work through every item of something: "Inspect each item".
    actor = actor or (checklist_task(toks, lang) if voice == "no-subject" else ())
    staff = staff or bool(actor)
    behind = bool(BEHIND[lang].search(folded))
    made = [t for t in toks if family(t, lang, PRODUCTION[lang]) and _participle(text, t, lang)
            and t not in aside]  # fmt: skip
    # A passive, or a noun and its participle told without a subject: "Application saved
    # as pending", "Credit report fetched, stored securely".
    passive = voice == "other" and any(_participle(text, t, lang) for t in processing + made)
    passive = passive or (
        voice == "no-subject" and any(_after_noun(text, toks, t, lang) for t in processing + made)
    )
    processing += [t for t in made if voice == "other" and t not in processing]
    # Speaking to the customer ("vous recevez", "your order") is what the customer sees,
    # unless the company is the one at work.
    # The customer's own things ("Validation de ma commande") likewise.
    possessive = any(t in ("votre", "vos", "your", "vous", "you") or t in MY[lang] for t in toks)
    possessive = possessive or bool(TO_CUSTOMER.search(folded))
    # The company's own back office named as such: "dans notre entrepôt", "our warehouse".
    company_place = bool(strong) and any(t in ("our", "notre", "nos", "we", "nous") for t in toks)
    if FOR_YOU.search(folded) or COURTESY.search(folded):
        return None  # done for the customer, who sees it: "will generate an invoice for you"
    drafts = [t for t in toks if family(t, lang, DRAFTING[lang])]
    processing += [t for t in drafts if t not in processing]
    # Two distinct processing nominals make a back-office phrase in French ("Export Excel
    # pour analyse externe"); an English imperative reuses them ("Review extracted signals").
    nominal = [t for t in processing if kinds.get(t) == "noun" or (lang == "en" and t != toks[0])]
    actions = len(set(processing))
    two = 2 if (lang == "fr" or len(set(nominal)) > 1) and not possessive else 1
    # The customer's papers under someone's check: "Validation pièces", "Reviews documents";
    # the company's objects under a nominal action: "Validation commande".
    checks = [t for t in processing if family(t, lang, CHECKING[lang])]
    papers = bool(checks) and any(t in PAPERS[lang] for t in toks)
    papers = papers or (bool(drafts) and any(t in SELLER_PAPERS[lang] for t in toks))
    papers = papers or (
        any(t in checks and t not in ("review", "reviews") for t in nominal)
        and any(t in OBJECTS[lang] for t in toks)
    )
    # A back-office task named as a noun, with no customer in it: "Génération rapport".
    headline = not possessive and any(
        _nominal(t, toks, lang) and family(t, lang, BACKOFFICE_NOMINALS[lang]) for t in processing
    )
    telling = _telling(toks, lang)
    # Making up the customer's order out of sight: "Préparation de votre commande".
    making = [t for t in toks if t.endswith(NOUN_FORMS[lang]) and family(t, lang, PRODUCTION[lang])]
    telling = telling or (tuple(making[:1]) if any(t in PARCELS[lang] for t in toks) else ())
    staff = staff or bool(telling)
    # The company's own people, premises and hands on goods (journeymap.lint.sentence.office).
    office = office_signs(text, lang, voice) or record_keeping(text, lang, voice)
    staff = staff or bool(office)
    seller += [t for t in customer_written_in(text, lang, voice) if t not in seller]
    named = [t for t in toks if t in SYSTEMS][:1] if _system_named(text, lang) else []
    named += _status_line(folded, toks, lang, voice)
    # A department heading the step: "Sales Action", "Marketing review", "Achats fournisseur".
    if voice == "no-subject" and not possessive and toks[0] in DEPARTMENTS[lang] and toks[1:]:
        named.append(toks[0])
    score = (
        2 * min(len(strong) + len(inflow), 1)
        + int(headline)
        + int(papers)
        + 2 * int(backend or staff or agent or behind)
        + min(actions, two)
        + int(bool(routing) and (passive or not possessive))
        + min(
            len(set(seller))
            + sum(t in BACKEND[lang] or t in ("system", "systeme") for t in toks[1:]),
            2 if voice == "no-subject" and not possessive else 1,
        )
        + 2 * min(len(named), 1)
        + min(len(handed), 1)
        + int(passive)
        - 2
        * int(
            possessive and not (staff or agent or backend or company_place or (passive and routing))
        )
    )
    if score >= 1:
        systems = [t for t in head if t in BACKEND[lang]]
        shown = tuple(
            dict.fromkeys(
                strong
                + handed
                + inflow
                + systems
                + toks[: int(role)]
                + processing
                + [*telling, *office]
                + named
                + seller
                + [t for t in actor[-1:] if not (strong or processing or office or seller)]
            )
        )
        return Internal(tuple(_as_written(text, t) for t in shown), score)
    return None


# A file's progress set down by the office, the auxiliary left out: "Contract prepared",
# "Root cause identified", "Onboarding marked as complete", "Dossier clôturé". The
# participle closes the line, or "as"/"comme" and the status follow it.
_STATUS_WORK = {
    "fr": lex("preparer initier identifier marquer exporter cloturer"),
    "en": lex("prepare initiate identify track mark export close"),
}
_STATUS_LINE = {
    "fr": re.compile(r"^[\w\s/&'-]{2,50}?\b(\w+(?:e|ee|es|ees))\s*(\(.*\))?\s*(comme\b.*)?$"),
    "en": re.compile(r"^[\w\s/&'-]{2,50}?\b(\w+ed)\s*(\(.*\))?\s*(as\b.*)?$"),
}
# Contact with the customer, which the customer receives: "Outreach initiated".
_CONTACT = lex(
    "outreach communication communications message messages email emails notification "
    "notifications reminder reminders courriel courriels"
)


_AUXILIARY = lex("is are was were be been being will may can est sont a ont sera seront")


def _status_line(folded: str, toks: list[str], lang: Lang, voice: Kind) -> list[str]:
    """The participle of a status line the office writes about a file, else []."""
    if voice != "other" or len(toks) > 8 or any(t in _CONTACT or t in MY[lang] for t in toks):
        return []
    if any(t in _AUXILIARY for t in toks):
        return []  # a sentence, not a status line: "Sale items are marked as final sale"
    match = _STATUS_LINE[lang].match(folded.strip(" .!"))
    if match is None or " " not in match.group(0).strip():
        return []
    participle = match.group(1)
    return [participle] if family(participle, lang, _STATUS_WORK[lang]) == "verb" else []


def _participle(text: str, token: str, lang: Lang) -> bool:
    """ "traitées", "transmis", "reviewed": the past participle of a passive, as written."""
    written = _as_written(text, token).casefold()
    return written.endswith(PARTICIPLE_ENDINGS[lang]) or (
        lang == "en" and token in IRREGULAR_PARTICIPLES
    )


def _after_noun(text: str, toks: list[str], token: str, lang: Lang) -> bool:
    """ "Application saved as pending": a participle after its noun, closing its phrase.

    Before a noun it is an adjective ("Refine detected signals", "updated statements").
    """
    i = toks.index(token)
    after = toks[i + 1 : i + 2]
    closes = not after or after[0] in PHRASE_END or after[0].endswith("ly")
    return i > 0 and closes and _participle(text, token, lang)


def _gerund_with_object(token: str, toks: list[str], lang: Lang) -> bool:
    if lang != "en" or not token.endswith("ing") or token not in toks:
        return False
    after = toks[toks.index(token) + 1 : toks.index(token) + 2]
    return bool(after) and after[0] in DETERMINERS["en"]


def _role_at_work(toks: list[str], lang: Lang) -> bool:
    if any(t in CUSTOMER_NOUNS[lang] or t in YOU[lang] for t in toks):
        return False
    if toks[0] in STAFF_ROLES[lang]:
        return True
    # "Puis, l'analyste crédit entre en jeu", "The claims investigator": the subject's
    # head, past a connective and its determiner, is a job title built on office work.
    lead = [t for t in toks[:4] if t not in _LEADING[lang] and t not in DETERMINERS[lang]]
    return bool(lead) and office_agent(lead[0], lang)


# Connectives that may open a sentence before its subject.
_LEADING = {
    "fr": lex("puis ensuite alors ici enfin d'abord apres cela la"),
    "en": lex("then next here finally first after that"),
}


# Looking at, getting or being presented something: what follows is before the customer.
VIEWING = {
    "fr": frozenset(
        {"consulter", "voir", "visualiser", "lire", "telecharger", "restituer", "presenter",
         "partager", "collaborer", "participer", "acceder", "recevoir", "obtenir"}
    ),
    "en": frozenset(
        {"view", "see", "read", "download", "present", "share", "access", "receive", "get",
         "collaborate", "participate"}
    ),
}  # fmt: skip


# What an audit or a study hands over to the customer who ordered it.
DELIVERABLES = frozenset({"audit", "audits", "rapport", "rapports", "report", "reports"})


def _shown(token: str, toks: list[str], lang: Lang) -> bool:
    """A deliverable at most six words after a verb or noun of looking or getting."""
    at = toks.index(token)
    return any(family(t, lang, VIEWING[lang]) for t in toks[max(0, at - 6) : at])


def _phrasal(token: str, toks: list[str], lang: Lang) -> bool:
    if lang != "en":
        return False
    after = toks[toks.index(token) + 1 : toks.index(token) + 2]
    return after in (["in"], ["out"], ["on"], ["up"], ["into"])


def _we_at_work(toks: list[str], lang: Lang) -> bool:
    """ "we'll review", "we will be checking", "nous devrons vérifier": the company at work.

    The subject may be a noun phrase headed by the company's staff, wherever the main
    clause starts: "From the same day, our teams process your order", "the insurance
    company will review your request", "our customer service representatives review".
    """
    for i, tok in enumerate(toks):
        if tok in WE_AT_WORK[lang] or (i and _staff_subject(toks, i, lang)):
            for nxt in toks[i + 1 : i + 5]:
                if family(nxt, lang, PROCESSING[lang]) == "verb":
                    return True
                if nxt not in AUXILIARIES[lang]:
                    break
    return False


_OUR_DETERMINERS = {
    "fr": lex("notre nos le la l' les un une ce cette"),
    "en": lex("our the a an this"),
}


def _staff_subject(toks: list[str], at: int, lang: Lang) -> bool:
    """Whether a staff noun heads a noun phrase opened by a determiner: "our teams",
    "the insurance company", "our customer service representatives", "le vérificateur".
    Up to two English modifiers stand between; a French head follows its determiner."""
    if not _staff(toks[at], lang):
        return False
    span = 3 if lang == "en" else 1
    for k in range(at - 1, max(-1, at - 1 - span), -1):
        if toks[k] in _OUR_DETERMINERS[lang]:
            return True
        if lang != "en" or toks[k] in CUSTOMER_NOUNS[lang] or not toks[k].isalpha():
            return False
    return False


def _system_named(text: str, lang: Lang) -> bool:
    """A step that names a support system: "Table reservation system", "Logiciel de caisse".

    Such a line is the blueprint's support lane: the customer uses screens, not systems.
    """
    phrase = re.split(r"[(,:;.]", fold(text))[0].split()
    if lang == "en":
        return len(phrase) > 1 and phrase[-1] in SYSTEMS
    return len(phrase) > 1 and phrase[0] in SYSTEMS


def _staff(token: str, lang: Lang) -> bool:
    """A staff member or a system, singular or plural: "underwriters", "équipes"; a job
    title built on back-office work: "approver", "vérificateur"."""
    nouns = STAFF_NOUNS[lang]
    return (
        token in nouns or (token.endswith("s") and token[:-1] in nouns) or office_agent(token, lang)
    )


def _nominal(token: str, toks: list[str], lang: Lang) -> bool:
    """ "Génération", "Clôture", "processing", "assessment": an action named as a noun.

    An English bare verb after the first word is a noun too ("Lead review", "Data
    sync"); the first word of an English text is an imperative ("Review the order").
    """
    if token in IRREGULAR_NOUNS[lang] or token.endswith(NOUN_FORMS[lang]):
        return True
    if lang == "fr":
        return token.endswith("e") and not token.endswith(("er", "ee"))
    return token != toks[0] and not token.endswith(("ed", "s"))


# The customer's own things, handed over by the customer who opens the step on the verb.
HANDED_OVER = frozenset({"your", "my", "votre", "vos", "mon", "ma", "mes"})
# Submitting, counted in a passive only ("is submitted to"): the customer submits too.
SUBMITTING = {"fr": frozenset({"soumettre"}), "en": frozenset({"submit"})}
PASSIVE_ENDS = ("ed", "is", "ise", "ises")
# Back-office functions a file is passed to, named by their work.
FUNCTIONS = {
    "fr": frozenset({"comite", "instruction", "traitement"}),
    "en": frozenset({"processing", "underwriting", "committee", "review"}),
}


def _telling(toks: list[str], lang: Lang) -> tuple[str, ...]:
    """The company passing work to its own people or partners: "relay it to the department".

    A file submitted, in a passive, to a back-office function is passed on too: "your
    loan file is submitted to underwriting", "le dossier est soumis au comité".

    A step whose receiver is the customer ("Notifie le client", "send you") is something
    the customer sees; so is the customer's own contact with a service ("Contacter le
    service client").
    """
    if any(t in CUSTOMER_NOUNS[lang] or t in YOU[lang] for t in toks):
        return ()
    for i, tok in enumerate(toks):
        if i == 0 and any(t in HANDED_OVER for t in toks):
            continue  # the customer hands over: "Send your documents to the team"
        if family(tok, lang, PASSING[lang]) or (
            family(tok, lang, SUBMITTING[lang]) == "verb" and tok.endswith(PASSIVE_ENDS)
        ):
            receivers = RECEIVERS[lang] | FUNCTIONS[lang]
        elif family(tok, lang, NOTIFYING[lang]):
            receivers = RECEIVERS[lang] | NOTIFIED[lang]
        else:
            continue
        for j in range(i + 1, len(toks)):
            beside = {*toks[j - 1 : j], *toks[j + 1 : j + 2]}
            if toks[j] in receivers and not beside & NOT_RECEIVERS:
                return tok, toks[j]
    return ()


def _as_written(text: str, token: str) -> str:
    """The word as the text spells it ("Vérification"), for a folded token."""
    if token in CANONICAL:
        return CANONICAL[token]
    for word in WORD.findall(text):
        if fold(word) == token:
            return str(word)
    return token
