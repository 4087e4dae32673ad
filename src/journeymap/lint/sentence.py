"""Reading a step as a sentence: its language, who its subject is, whether it is back-office work.

Word lists failed on real writing (tests/corpus): "Il faut que je rappelle" and "Mon colis
arrive" are the customer's own voice though they do not start with "je"; "Reviews
documents manually" and "Mise à jour du stock" are back-office work in words no list
held. So the rules look at the sentence's grammar: where the first person appears (as a
subject, an object or a possessive), what the subject is (a staff member, a system, the
customer seen from outside, a thing), and which verb lemmas and nouns it uses.

Lemmas come from suffix rules checked against closed lexicons (a verb form is back-office
when one of its candidate lemmas is in the list): simplemma was measured (import 48 ms,
then 120-140 ms to load each language's dictionary in every worker process, a third of
a single-file lint) for lexicons of a few hundred lemmas that suffix rules cover.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from journeymap.lint.text import fold

Lang = Literal["fr", "en"]
Kind = Literal["first", "company", "customer", "no-subject", "other"]

_TOKEN = re.compile(r"[a-z0-9]+'|[a-z0-9]+|[,?!:;.(]")


# Compounds written in one, two or hyphenated words read as one token.
_COMPOUNDS = (
    (re.compile(r"\b(back|middle|front)[\s-]?(office|end)s?\b"), r"\1\2"),
    (re.compile(r"\bmises? a jour\b"), "miseajour"),
    (re.compile(r"\brendez-vous\b"), "rendezvous"),
    (re.compile(r"\blcb-ft\b"), "lcbft"),
    (re.compile(r"\bbehind the scenes\b"), "behindthescenes"),
    (re.compile(r"\bthank[\s-]you\b"), "thankyou"),
    # "Y a-t-il", "est-elle": an inverted pronoun is a question's, not a subject.
    (re.compile(r"-t-(il|elle|on)\b|\b(\w+)-(il|elle|ils|elles)\b"), r" \2"),
)


def words(text: str) -> tuple[str, ...]:
    """Folded tokens; elisions keep their apostrophe ("j'", "l'") and punctuation is kept."""
    folded = fold(text)
    for pattern, replacement in _COMPOUNDS:
        folded = pattern.sub(replacement, folded)
    return tuple(_TOKEN.findall(folded))


# ---------------------------------------------------------------------------- language

_FR_ONLY = frozenset(
    [
        "je",
        "j'",
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "et",
        "est",
        "sur",
        "pour",
        "avec",
        "dans",
        "au",
        "aux",
        "ce",
        "cette",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "nous",
        "vous",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "qu'",
        "que",
        "qui",
        "pas",
        "ne",
        "n'",
        "en",
        "par",
        "se",
        "s'",
        "c'",
        "y",
        "a",
    ]
)
_EN_ONLY = frozenset(
    [
        "i",
        "the",
        "a",
        "an",
        "and",
        "is",
        "are",
        "was",
        "were",
        "to",
        "of",
        "for",
        "with",
        "in",
        "on",
        "at",
        "my",
        "your",
        "our",
        "their",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "be",
        "will",
        "have",
        "has",
        "from",
        "by",
        "not",
        "do",
        "does",
        "can",
        "get",
    ]
)
_ACCENTS = re.compile(r"[éèêàùçôîœâë]", re.IGNORECASE)


def journey_lang(texts: Iterable[str], default: Lang) -> Lang:
    """The language most of a journey's texts are in, for a journey without `lang`.

    Short texts ("Checkout", "Paiement") carry no evidence of their own; they take the
    language of the texts around them rather than the format's default.
    """
    fr = en = 0
    for text in texts:
        text_fr, text_en = _evidence(text)
        fr, en = fr + text_fr, en + text_en
    if fr == en:
        return default
    return "en" if en > fr else "fr"


_EN_ENDINGS = re.compile(r"\b\w+(ing|ed|ness|ship|ment|ly)\b")


@lru_cache(maxsize=16384)
def _evidence(text: str) -> tuple[int, int]:
    """Points for French and for English: function words, accents, English endings."""
    toks = [t for t in words(text) if t[0].isalnum()]
    fr = sum(t in _FR_ONLY for t in toks) + 2 * len(_ACCENTS.findall(text))
    en = sum(t in _EN_ONLY for t in toks) + len(_EN_ENDINGS.findall(fold(text)))
    return fr, en


@lru_cache(maxsize=16384)
def guess_lang(text: str) -> Lang | None:
    """fr or en from function words and accents; None when the text does not say.

    A journey may mix languages (an English brand's steps in a French map); short noun
    phrases ("Paiement", "Checkout") carry no evidence and take the journey's language.
    """
    toks = [t for t in words(text) if t[0].isalnum()]
    if toks[:1] in (["je"], ["j'"]):
        return "fr"
    if toks[:1] in (["i"], ["i'"], ["we"]):
        return "en"
    fr, en = _evidence(text)
    if fr >= en + 2:
        return "fr"
    if en >= fr + 2:
        return "en"
    return None


# ---------------------------------------------------------------------------- lemmas

_FR_SUFFIXES = (
    # (ending of the form, replacements giving candidate lemmas)
    ("issons", ("ir",)), ("issez", ("ir",)), ("issent", ("ir",)), ("issait", ("ir",)),
    ("ions", ("er", "re", "ir")), ("ons", ("er", "re", "ir", "")), ("ez", ("er", "re", "ir")),
    ("ent", ("er", "re", "ir", "")), ("era", ("er",)), ("eront", ("er",)), ("ront", ("re",)),
    ("ra", ("re", "r")), ("ait", ("er", "re", "ir")), ("aient", ("er", "re")),
    ("ées", ("er", "ée")), ("és", ("er", "é")), ("ée", ("er", "ée")), ("é", ("er", "é")),
    ("ies", ("ir", "ie")), ("ie", ("ir", "ie")), ("is", ("ir", "re", "")), ("it", ("ir", "re")),
    ("es", ("er", "e", "")), ("e", ("er", "")), ("s", ("",)), ("t", ("re", "ir")),
    ("ue", ("oir",)), ("u", ("oir", "re")), ("oit", ("evoir", "oir")),
)  # fmt: skip
_EN_SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")),
    ("s", ("",)), ("ation", ("ate", "e", "")), ("ment", ("",)), ("al", ("",)),
)  # fmt: skip


@lru_cache(maxsize=16384)
def lemmas(word: str, lang: Lang) -> frozenset[str]:
    """Candidate lemmas of a folded word form, itself included: "envoyons" -> envoyer."""
    word = word.rstrip("'")
    found = {word}
    for ending, replacements in _FR_SUFFIXES if lang == "fr" else _EN_SUFFIXES:
        folded_ending = _unaccent(ending)
        if word.endswith(folded_ending) and len(word) > len(folded_ending) + 2:
            stem = word[: -len(folded_ending)]
            found.update(stem + _unaccent(r) for r in replacements)
            if lang == "en" and len(stem) > 2 and stem[-1] == stem[-2]:
                found.add(stem[:-1])  # "routed", "shipped" -> "ship"
    return frozenset(found)


def _unaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _has_lemma(word: str, lang: Lang, lexicon: frozenset[str]) -> bool:
    return not lexicon.isdisjoint(lemmas(word, lang))


def _lex(text: str) -> frozenset[str]:
    return frozenset(_unaccent(w) for w in text.split())


# ---------------------------------------------------------------------------- voice

FIRST = {"fr": _lex("je j' me m' moi"), "en": _lex("i i' me myself")}
MY = {"fr": _lex("mon ma mes"), "en": _lex("my mine")}
OURS = {"fr": _lex("nous on notre nos"), "en": _lex("we our us ours")}
YOU = {"fr": _lex("vous"), "en": _lex("you")}
THIRD_PRONOUNS = {"fr": _lex("il elle ils elles"), "en": _lex("he she they")}
DETERMINERS = {
    "fr": _lex(
        "le la les l' un une des du ce cet cette ces votre vos son sa ses leur leurs toutes "
        "tous tout toute chaque"
    ),
    "en": _lex("the a an this that these those your his her their its"),
}
# The customer seen from outside, with or without an article: "Le client", "Client entre".
CUSTOMER_NOUNS = {
    "fr": _lex(
        "client cliente clients clientes prospect prospects utilisateur utilisatrice "
        "utilisateurs acheteur acheteuse visiteur visiteuse abonne abonnee consommateur "
        "consommatrice souscripteur assure assuree usager usagere patient patiente "
        "candidat candidate voyageur voyageuse"
    ),
    "en": _lex(
        "customer customers client clients user users buyer buyers visitor visitors "
        "subscriber subscribers prospect shopper shoppers member members guest guests "
        "patient patients applicant applicants founder founders traveller traveler lead"
    ),
}
# Who speaks or acts for the company: its staff and its systems.
STAFF_NOUNS = {
    "fr": _lex(
        "entreprise societe marque enseigne banque agence assureur conseiller conseillere "
        "vendeur vendeuse agent agents service equipe equipes magasin commercial commerciale "
        "technicien technicienne livreur livreuse transporteur support systeme site "
        "application appli backoffice gestionnaire operateur operatrice caissier caissiere "
        "hotesse secretariat plateforme algorithme workflow robot serveur crm erp direction "
        "comptabilite administrateur admin responsable manager gerant gerante"
    ),
    "en": _lex(
        "company brand bank store shop team agent agents advisor adviser rep salesperson "
        "seller support staff technician courier carrier system website app backoffice "
        "sales manager cleaner cleaners detailer detailers barista waiter cashier clerk "
        "driver engineer csm security workflow engine model cdn server api algorithm bot "
        "crm erp pipeline platform detection operator operations admin administrator "
        "professionals crew representative specialist underwriter reviewer"
    ),
}
IMPERSONAL_FR = re.compile(
    r"^(il (faut|y a|est|etait|sera|peut|s'agit|reste|suffit|convient|semble|arrive)|c'est"
    r"|ca |cela )"
)
HOUSEHOLD = {
    "fr": _lex(
        "patron employeur famille enfant enfants proches couple maison logement femme mari "
        "bebe etat parents conjoint conjointe amis vacances"
    ),
    "en": _lex(
        "kids children family home house wife husband partner baby parents friends holiday "
        "household"
    ),
}
# What a company does to a customer: "nous"/"on"/"we" with these verbs is the company.
COMPANY_VERBS = {
    "fr": _lex(
        "envoyer expedier livrer traiter valider verifier controler proposer contacter "
        "appeler rappeler preparer facturer installer informer confirmer accompagner "
        "conseiller offrir fournir transmettre adresser notifier etudier analyser accueillir "
        "prendre mettre"
    ),
    "en": _lex(
        "send ship deliver process validate verify check offer contact call prepare bill "
        "install inform confirm provide review assign match notify clean vacuum spray apply "
        "inspect work make identify handle set arrange"
    ),
}
NOUN_SUFFIXES = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "ise", "ee", "aison", "ade"),
    "en": ("tion", "sion", "ment", "ance", "ence", "ure", "ery", "ing", "al", "ity"),
}
PASSIVE_EN = re.compile(
    r"\b(is|are|was|were|be|been|being|gets|get)\s+(\w+(ed|en|wn|ne)|sent|paid|made|done|"
    r"held|kept|built|found|sold|told|brought|bought|left|put|set|shipped|sent|charged)\b"
)
_BE_EN = frozenset({"is", "are", "was", "were", "becomes", "become", "seems", "remains"})
_ED_IMPERATIVES = frozenset({"get", "stay", "keep", "be", "feel", "become"})
PARTICIPLE_END_EN = re.compile(r"^[\w\s/&-]{0,40}\b\w+ed\s*(\(.*\))?[.!]?$")


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose voice a step is told in, and the word that shows it (for the message)."""

    kind: Kind
    word: str = ""


def _display(text: str, count: int) -> str:
    return " ".join(text.split()[:count]).rstrip(",.:;")


def _subject_phrase(toks: tuple[str, ...], lang: Lang) -> tuple[int, tuple[str, ...]]:
    """Skip leading adverbs and a leading clause up to its comma: "Ensuite", "Après X,"."""
    for i, tok in enumerate(toks[:12]):
        if tok == ",":
            return i + 1, toks[i + 1 :]
    return 0, toks


_LEADING = {
    "fr": _lex(
        "ensuite puis enfin alors apres finalement maintenant aussitot ainsi donc et mais "
        "parfois souvent toujours deja encore quand lorsque si comme vendredi together"
    ),
    "en": _lex(
        "then next first finally later now afterwards once also and so again soon eventually "
        "when if before as while meanwhile today sometimes often still just together"
    ),
}


def _strip_leading(toks: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    while toks and (toks[0] in _LEADING[lang] or toks[0] == "," or toks[0][0].isdigit()):
        toks = toks[1:]
    return toks


@lru_cache(maxsize=16384)
def classify(text: str, lang: Lang, company_extra: tuple[str, ...] = ()) -> Voice:
    """The voice of a step, read from where its persons and its subject are."""
    toks = words(text)
    content = [t for t in toks if t[0].isalnum()]
    if not content:
        return Voice("other")
    head = _strip_leading(toks, lang)
    extra = tuple(words(w) for w in company_extra)
    for phrase, display in zip(extra, company_extra, strict=True):
        if phrase and (head[: len(phrase)] == phrase or toks[: len(phrase)] == phrase):
            return Voice("company", display)
    # 1. The customer's own person anywhere: subject, object or possessive.
    if any(t in FIRST[lang] for t in toks):
        return Voice("first")
    clause = _strip_leading(_subject_phrase(toks, lang)[1], lang)
    if any(t in MY[lang] for t in (*head[:1], *clause[:1])) or (
        "?" in toks and any(t in MY[lang] for t in toks)
    ):
        return Voice("first")
    # 2. The subject at the start of the main clause.
    for start in (head, clause):
        found = _subject(start, toks, text, lang)
        if found is not None:
            return found
    if _acts_on_the_customer(clause, lang):
        return Voice("company", _display(text, 1))
    # 3. The company's or the reader's voice anywhere ("... our team will", "... to you").
    ours = next((t for t in toks if t in OURS[lang]), None)
    if ours is not None:
        if _household(toks, lang):
            return Voice("first")
        return Voice("company", ours.capitalize())
    if any(t in YOU[lang] for t in toks) and not _imperative(text, lang):
        return Voice("company", "Vous" if lang == "fr" else "You")
    if any(t in THIRD_PRONOUNS[lang] for t in toks[1:]) and not IMPERSONAL_FR.match(fold(text)):
        pronoun = next(t for t in toks[1:] if t in THIRD_PRONOUNS[lang])
        return Voice("customer", pronoun.capitalize())
    # 4. A question with no one else named is the customer's own: "Où est ma commande ?"
    if "?" in toks:
        return Voice("first")
    return _no_subject_or_other(clause or head or toks, text, lang)


def _subject(start: tuple[str, ...], toks: tuple[str, ...], text: str, lang: Lang) -> Voice | None:
    if not start:
        return None
    first = start[0]
    if first in OURS[lang] and first not in ("notre", "nos", "our"):
        rest = start[1:]
        if lang == "fr" and rest[:1] and rest[0] in ("me", "m'", "nous"):
            return Voice("first")
        if _household(toks, lang) or (first == "on" and not _company_evidence(rest, toks, lang)):
            return Voice("first")
        return Voice("company", _display(text, 1) if start is toks else first.capitalize())
    if first in YOU[lang] and not _imperative(text, lang):
        return Voice("company", "Vous" if lang == "fr" else "You")
    if lang == "fr" and IMPERSONAL_FR.match(" ".join(start)):
        return Voice("other", start[0].capitalize())
    noun_at = 1 if first in DETERMINERS[lang] or first in ("notre", "nos", "our") else 0
    noun = start[noun_at] if len(start) > noun_at else ""
    following = start[noun_at + 1 : noun_at + 3]
    if noun in CUSTOMER_NOUNS[lang] and (noun_at or _finite_after(following, lang)):
        return Voice("customer", " ".join(start[: noun_at + 1]).capitalize().replace("' ", "'"))
    compound = (
        lang == "en"
        and len(start) > noun_at + 1
        and start[noun_at + 1] in STAFF_NOUNS[lang]
        and (_looks_nominal(start[noun_at:], lang) or noun in STAFF_NOUNS[lang])
    )
    if noun in STAFF_NOUNS[lang] or compound:
        after = start[noun_at + 2 : noun_at + 4] if compound else following
        if noun_at or _finite_after(after, lang):
            word = " ".join(start[: noun_at + 1]).capitalize().replace("' ", "'")
            return Voice("company", word)
    if first in THIRD_PRONOUNS[lang]:
        return Voice("customer", first.capitalize())
    return None


def _acts_on_the_customer(start: tuple[str, ...], lang: Lang) -> bool:
    """ "Suguba appelle le client": a subject and its verb before the customer as object."""
    if lang != "fr" or _looks_nominal(start, lang):
        return False
    for i in range(2, min(len(start), 5)):
        if start[i] in ("le", "la", "au", "aux", "les") and start[i + 1 : i + 2] in (
            ("client",),
            ("cliente",),
            ("clients",),
        ):
            return True
    return False


def _household(toks: tuple[str, ...], lang: Lang) -> bool:
    """ "Nous"/"we" of a household: our family, my husband, nos enfants."""
    mine = MY[lang] | {"notre", "nos", "our"}
    return any(t in HOUSEHOLD[lang] and i and toks[i - 1] in mine for i, t in enumerate(toks)) or (
        any(t in _FAMILY for t in toks)
    )


_FAMILY = _lex("famille enfants family children kids")


def _company_evidence(rest: tuple[str, ...], toks: tuple[str, ...], lang: Lang) -> bool:
    if any(t in YOU[lang] or t in ("votre", "vos", "your") for t in toks):
        return True
    if any(t in CUSTOMER_NOUNS[lang] for t in toks):
        return True
    verbs = [t for t in rest[:3] if t[0].isalpha() and t not in ("ne", "n'", "vous", "lui", "y")]
    return bool(verbs) and _has_lemma(verbs[0], lang, COMPANY_VERBS[lang])


def _finite_after(following: tuple[str, ...], lang: Lang) -> bool:
    """Whether the word after a bare noun looks like its verb: "Client entre", "User stars"."""
    if not following:
        return False
    word = following[0]
    if lang == "en":
        return (word.endswith("s") and not word.endswith("ss")) or word in ("should", "can", "will")
    return word[0].isalpha() and word not in DETERMINERS[lang] and word not in ("de", "d'", "du")


def _imperative(text: str, lang: Lang) -> bool:
    first = fold(text).split()[0] if text.split() else ""
    if lang == "fr":
        return bool(re.match(r"^[a-z]+ez(-vous|-nous|-le|-la|-les)?\b", first))
    return False


def _looks_nominal(start: tuple[str, ...], lang: Lang) -> bool:
    if not start:  # "81%": nothing but a number is left once the leading words are gone
        return False
    first = start[0]
    return len(first) > 4 and first.endswith(NOUN_SUFFIXES[lang])


def _no_subject_or_other(head: tuple[str, ...], text: str, lang: Lang) -> Voice:
    """No person at all: a noun, an infinitive or an imperative (JM404), or a thing (JM401)."""
    first = head[0] if head else ""
    folded = fold(text)
    if lang == "fr":
        if IMPERSONAL_FR.match(folded) or first in DETERMINERS["fr"]:
            return Voice("other", _display(text, 1))
        if len(head) > 1 and head[1] in ("s'", "se"):
            return Voice("other", _display(text, 1))
        if _PARTICIPLE_FR.match(" ".join(text.split())) and not _looks_nominal(head, lang):
            return Voice("other", _display(text, 1))
    else:
        if (
            first in DETERMINERS["en"]
            or first in ("it", "there", "this")
            or PASSIVE_EN.search(folded)
        ):
            return Voice("other", _display(text, 1))
        if PARTICIPLE_END_EN.match(folded) and len(head) > 1 and first not in _ED_IMPERATIVES:
            return Voice("other", _display(text, 1))
        if any(t in _BE_EN for t in head[1:4]) and first not in _ED_IMPERATIVES:
            return Voice("other", _display(text, 1))
    return Voice("no-subject", _display(text, 1))


# A noun and a past participle, the auxiliary left out: "Cache invalidé", "Alerte stock
# envoyée (si seuil)". The participle ends the phrase or meets a preposition, so that
# "Modifier mes données personnelles" stays an infinitive.
_PARTICIPLE_FR = re.compile(
    r"^\S+(\s+(?!(?:de|des|du|d'|la|le|les|en|au|aux|à|mes|ma|mon|ses|sa|son|vos|votre|nos"
    r"|notre|leur|leurs|un|une)\b)\S+)?\s+\w+(é|ée|és|ées)"
    r"(\s*$|\s*\(|\s+(en|par|à|au|dans|sur|pour|avec|sous|si|le|la|les)\b)",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------- internal work

# Back-office work is read from four kinds of signs, each weighed; two points make a
# step internal:
#   2  the back office's own objects and jargon (stock, supplier, KYC, reporting, a lead)
#   2  a back-end system or a staff member doing the work ("The CDN serves", "Le
#      gestionnaire saisit", "par le gestionnaire"), or a phrase that says so
#      ("behind the scenes", "en interne")
#   1  a processing action, in any form (valider, validation, validé; review, reviewed):
#      the customer does some of these too ("Je vérifie", "Review order"), so one is
#      not enough
#   1  the seller's side of things (sales, alerts, thresholds, a team) or a passive
#      whose agent is unnamed ("Payment is processed")
# A step in the customer's first person or about the customer from outside is the
# customer's own, and one that speaks to the customer ("vous", "you") is something the
# customer sees: only jargon gives those away.

STRONG_NOUNS = {
    "fr": _lex(
        "backoffice middleoffice kyc lcbft stock stocks inventaire logs log "
        "audit monitoring fournisseur fournisseurs reporting kpi kpis statistiques batch "
        "workflow habilitation habilitations dispatch provisioning sla synchronisation "
        "escalade bannette quart crm erp archivage backend cache rapport rapports "
        "lead leads backlog enrichissement "
        # the seller's tools and records, supply, staff scheduling, product development
        "template templates gabarit gabarits pipeline entrepot reapprovisionnement "
        "conformite comptabilite prospection paie bugs bug prototype prototypes mvp sprint"
    ),
    "en": _lex(
        "backoffice kyc aml inventory stock logs audit monitoring supplier "
        "suppliers reporting kpi kpis analytics batch workflow provisioning sla escalation "
        "triage crm erp database cache backend pipeline royalty compliance "
        "underwriting lead leads backstage kitchen billing integrations orchestration "
        "backlog warehouse enrichment "
        "template templates deals payroll roster shift shifts replenishment restocking "
        "bugs bug prototype prototypes mvp sprint sprints codebase"
    ),
}
JARGON = _lex("backoffice middleoffice kyc lcbft aml crm erp sla workflow")
BACKEND = {
    "fr": _lex(
        "algorithme serveur robot batch workflow crm erp moteur modele api script planificateur"
    ),
    "en": _lex(
        "algorithm server bot batch job workflow crm erp engine model database api cdn "
        "pipeline scheduler cron queue"
    ),
}
BEHIND = {
    "fr": re.compile(r"\b(en interne|en coulisses?|cote back|hors de la vue)\b"),
    "en": re.compile(r"\b(behind the scenes|internally|back end|out of sight)\b"),
}
# Processing work is read from a compact list of roots: each verb's every form (saisit,
# saisissons, validé; reviewed, reviewing) and its deverbal noun (validation, traitement,
# archivage, clôture; approval, assessment, verification) are the same family, so
# "Validation commande", "Le dossier est validé" and "We validate" all meet "valider".
PROCESSING = {
    "fr": _lex(
        "saisir traiter escalader router dispatcher affecter assigner archiver synchroniser "
        "reconcilier rapprocher provisionner habiliter auditer scorer enrichir indexer "
        "transmettre valider verifier controler qualifier extraire generer analyser exporter "
        "consulter identifier planifier piloter gerer collecter calculer detecter preparer "
        "evaluer configurer administrer instruire cloturer etudier examiner refuser rejeter "
        "miseajour attribuer optimiser orchestrer communiquer creer"
    ),
    "en": _lex(
        "review process validate verify approve check assess investigate assign escalate "
        "route dispatch triage reconcile provision archive sync synchronize audit underwrite "
        "adjudicate detect compute calculate enrich index flag update extract map score "
        "qualify key screen generate analyze analyse implement deploy gather collect consult "
        "relay examine evaluate configure administer allocate reject match optimize optimise "
        "orchestrate communicate create"
    ),
}
# The roots whose work is the back office's whoever reads them: a customer does not
# assign, escalate, dispatch or reconcile. One of these is a sign on its own.
ROUTING = {
    "fr": _lex(
        "escalader router dispatcher affecter assigner reconcilier rapprocher provisionner "
        "habiliter auditer archiver qualifier attribuer"
    ),
    "en": _lex(
        "assign escalate route dispatch triage reconcile provision underwrite adjudicate "
        "audit investigate allocate match"
    ),
}
# Work only the back office does, named as a noun: a headline such as "Génération
# rapport", "Planification actions", "Lead Qualification", "Endpoint assessment" or
# "Data processing" is one department's task, with no customer in it. The verb forms
# stay weak ("Generate a report" is also a user's command in a tool).
BACKOFFICE_NOMINALS = {
    "fr": _lex(
        "traiter synchroniser archiver reconcilier rapprocher provisionner habiliter auditer "
        "scorer enrichir indexer extraire generer planifier piloter cloturer qualifier "
        "affecter assigner dispatcher escalader router administrer instruire exporter"
    ),
    "en": _lex(
        "process assess investigate underwrite adjudicate reconcile provision allocate triage "
        "dispatch escalate enrich extract generate qualify orchestrate optimize optimise "
        "audit index synchronize archive compute implement deploy"
    ),
}
# The company telling its own people or partners: "Notifie le coiffeur", "relay it to the
# claims department", "send letters to medical providers", "transmettre au service".
# The customer is none of these; a staff role as the receiver makes the step internal.
PASSING = {
    "fr": _lex("envoyer transmettre relayer transferer affecter assigner communiquer"),
    "en": _lex("send relay forward transmit consult assign hand communicate"),
}
# A notification reaches the staff the customer deals with too: "Notifie le coiffeur".
NOTIFYING = {"fr": _lex("notifier alerter prevenir"), "en": _lex("notify alert")}
RECEIVERS = {
    "fr": _lex(
        "prestataire prestataires fournisseur fournisseurs partenaire partenaires "
        "departement service equipe equipes cuisine entrepot assureur transporteur "
        "gestionnaire responsable manager direction comptabilite"
    ),
    "en": _lex(
        "provider providers supplier suppliers partner partners department team teams "
        "kitchen warehouse carrier insurer underwriter vendor vendors staff manager "
        "adjuster examiner handler"
    ),
}
# Making what the customer will get, out of sight: counted in a passive only ("Items
# are washed & folded", "La commande est préparée"); done in front of the customer
# ("We vacuum the carpet") it is the service itself.
PRODUCTION = {
    "fr": _lex(
        "laver nettoyer plier cuisiner emballer conditionner preparer fabriquer assembler "
        "creer enregistrer decouvrir stocker"
    ),
    "en": _lex(
        "wash clean fold cook bake pack manufacture assemble create discover build record "
        "log store compile"
    ),
}
PARCELS = {"fr": _lex("commande commandes colis"), "en": _lex("order orders parcel package")}
# Deverbal nouns: (ending, replacements giving the verb). Irregular ones are listed.
_NOUN_SUFFIXES = {
    "fr": (
        ("ification", ("ifier",)), ("isation", ("iser",)), ("issement", ("ir",)),
        ("ation", ("er",)), ("ement", ("er",)), ("tion", ("ter",)), ("age", ("er",)),
        ("ure", ("er",)), ("ie", ("ir",)), ("e", ("er",)),
    ),
    "en": (
        ("ification", ("ify",)), ("ization", ("ize",)), ("isation", ("ise",)),
        ("ation", ("ate", "e", "")), ("ment", ("",)), ("al", ("e", "")), ("ysis", ("yze", "yse")),
        ("ing", ("", "e")), ("ion", ("e", "")), ("s", ("",)),
    ),
}  # fmt: skip
_IRREGULAR_NOUNS = {
    "fr": {
        "gestion": "gerer", "transmission": "transmettre", "extraction": "extraire",
        "calcul": "calculer", "export": "exporter", "controle": "controler",
        "audit": "auditer", "dispatch": "dispatcher", "instruction": "instruire",
        "etude": "etudier",
    },
    "en": {"review": "review", "check": "check", "checks": "check", "audit": "audit",
           "update": "update", "updates": "update", "triage": "triage", "dispatch": "dispatch"},
}  # fmt: skip
# A noun of one of these families that is something else: "assignation" is a summons,
# "instruction(s)" are directions given to the customer.
_NOT_PROCESSING = _lex("assignation assignations instructions instruction planning")


@lru_cache(maxsize=16384)
def _noun_lemmas(word: str, lang: Lang) -> frozenset[str]:
    """The verbs a deverbal noun comes from: "archivage" -> archiver, "approval" -> approve."""
    found = set()
    irregular = _IRREGULAR_NOUNS[lang].get(word)
    if irregular:
        found.add(irregular)
    for ending, replacements in _NOUN_SUFFIXES[lang]:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            found.update(stem + r for r in replacements)
    return frozenset(found)


_FR_PARTICIPLES = (("mis", "mettre"), ("mise", "mettre"), ("mises", "mettre"), ("uit", "uire"),
                   ("uite", "uire"), ("ait", "aire"), ("aite", "aire"))  # fmt: skip


def _irregular_participle(word: str, lang: Lang) -> frozenset[str]:
    """ "transmis" -> transmettre, "instruit" -> instruire, "extrait" -> extraire."""
    if lang != "fr":
        return frozenset()
    return frozenset(word[: -len(e)] + r for e, r in _FR_PARTICIPLES if word.endswith(e))


def _family(word: str, lang: Lang, roots: frozenset[str]) -> str | None:
    """ "verb" or "noun" when a word is a form of one of the roots, else None."""
    if word in _NOT_PROCESSING:
        return None
    if not roots.isdisjoint(lemmas(word, lang)) or not roots.isdisjoint(
        _irregular_participle(word, lang)
    ):
        return "verb"
    if not roots.isdisjoint(_noun_lemmas(word, lang)):
        return "noun"
    return None


SELLER_SIDE = {
    "fr": _lex(
        "vente ventes alerte alertes seuil seuils rupture ruptures rotation equipe equipes "
        "interne commercial commerciale commerciaux donnees automatique automatiquement marge "
        "decision decisions eligibilite allocation utilisateurs "
        "manuel manuelle manuellement"
    ),
    "en": _lex(
        "sales alert alerts threshold thresholds team teams internal data automated "
        "automatically examiner adjuster handler department operations staff manual manually "
        "decision decisions eligibility allocation users"
    ),
}
# The seller looking at its own inflow: "Demande entrante", "inbound leads".
INFLOW = {"fr": _lex("entrant entrante entrants entrantes"), "en": _lex("inbound")}


# The customer's papers and the company's business objects, as a file the back office
# works on: "Validation pièces", "Reviews documents", "Validation commande".
PAPERS = {
    "fr": _lex("pieces justificatifs documents dossier dossiers identite justificatif"),
    "en": _lex("documents document paperwork identity claim claims application applications"),
}
# Checking someone's papers: the customer prepares documents, the back office checks them.
CHECKING = {
    "fr": _lex(
        "valider verifier controler examiner instruire traiter qualifier analyser evaluer etudier"
    ),
    "en": _lex("review verify validate check assess examine process approve evaluate screen"),
}
# The seller drawing up its own papers: "Préparer le devis", "Draft the invoice".
DRAFTING = {
    "fr": _lex("rediger etablir editer emettre generer preparer chiffrer"),
    "en": _lex("draft generate compile"),
}
SELLER_PAPERS = {
    "fr": _lex("devis facture factures proforma rapport rapports documentation"),
    "en": _lex("quote quotes invoice invoices estimate estimates report reports documentation"),
}
# What a customer also handles ("Review order", "Valider la commande"): counted only
# under a nominal check ("Validation commande", "Order verification"); "Order review" is
# a checkout page as often as a back-office task.
OBJECTS = {
    "fr": _lex("commande commandes devis demande demandes besoin besoins"),
    "en": _lex("order orders request requests"),
}
_QUOTED = re.compile(r'"[^"]*"|«[^»]*»|“[^”]*”')
_FOR_YOU = re.compile(r"\b(for|to|with|pour|avec|a) (you|vous)\b")
# The company as the subject of work, wherever it stands: "we'll review", "we will be
# checking", "nous devrons vérifier". Up to three words (auxiliaries, adverbs) between.
_WE_AT_WORK = {"fr": _lex("nous"), "en": _lex("we")}
_AUXILIARIES = {
    "fr": _lex("allons devons devrons pouvons allons ensuite alors aussi puis rapidement d'abord"),
    "en": _lex(
        "will ll shall may might must can could would should are re be been then also "
        "quickly first now carefully thoroughly"
    ),
}


# Staff roles a journey may follow (its persona or its title): their work is the back
# office's, read from the end customer's side (tests/corpus/README.md, "Staff personas").
STAFF_ROLES = {
    "fr": _lex(
        "gerant gerante vendeur vendeuse conseiller conseillere agent agents gestionnaire "
        "gestionnaires operateur operatrice technicien technicienne caissier caissiere "
        "administrateur administratrice admin manager responsable employe employee employes "
        "salarie salariee intervenant intervenante livreur livreuse preparateur preparatrice "
        "magasinier staff backoffice commercial commerciale recruteur"
    ),
    "en": _lex(
        "admin administrator manager staff employee employees agent agents operator "
        "technician clerk cashier merchant vendor driver courier dispatcher analyst "
        "recruiter adjuster examiner underwriter backoffice"
    ),
}


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
    text = _QUOTED.sub(" ", text) if _QUOTED.sub("", text).strip() else text
    # "we'll", "we're": the pronoun without its contraction; French elisions stay.
    toks = [t.rstrip("'") if t.endswith("'") and (lang == "en" or len(t) > 3) else t
            for t in words(text) if t[0].isalnum()]  # fmt: skip
    strong = [t for t in toks if t.rstrip("'") in STRONG_NOUNS[lang]]
    # "Reporting the claim": a gerund with its object is the customer's action.
    strong = [t for t in strong if not _gerund_with_object(t, toks, lang)]
    if voice in ("first", "customer"):
        jargon = [_as_written(text, t) for t in strong if t in JARGON]
        return Internal(tuple(jargon)) if jargon else None
    if not toks:
        return None
    folded = fold(text)
    kinds = {t: _family(t, lang, PROCESSING[lang] | BACKOFFICE_NOMINALS[lang])
             for t in toks if t not in strong}  # fmt: skip
    processing = [t for t, k in kinds.items() if k]
    # An English imperative is a user's command in a tool ("Assign seats").
    command = lang == "en" and voice == "no-subject" and not toks[0].endswith("ing")
    routing = [t for t in processing if _family(t, lang, ROUTING[lang])
               and not (command and t == toks[0])]  # fmt: skip
    seller = [
        t
        for t in toks
        if t not in strong and t not in processing and _has_lemma(t, lang, SELLER_SIDE[lang])
    ]
    inflow = [t for t in toks if t in INFLOW[lang]]
    head = toks[:3]
    backend = voice == "company" and any(t in BACKEND[lang] for t in head)
    # The company itself doing processing work: "We review", "Le gestionnaire saisit".
    we = OURS[lang] - {"notre", "nos", "our"}
    staff = (
        voice == "company"
        and bool(processing)
        and any(t in STAFF_NOUNS[lang] or t in we for t in head)
    ) or _we_at_work(toks, lang)
    agent = (
        bool(processing)
        and bool(re.search(r"\b(par|by) (le|la|l'|les|un|une|the|an?|our) ", folded))
        and any(t in STAFF_NOUNS[lang] for t in toks)
    )
    behind = bool(BEHIND[lang].search(folded))
    made = [t for t in toks if _family(t, lang, PRODUCTION[lang]) and _participle(text, t, lang)]
    passive = voice == "other" and any(_participle(text, t, lang) for t in processing + made)
    processing += [t for t in made if voice == "other" and t not in processing]
    # Speaking to the customer ("vous recevez", "your order") is what the customer sees,
    # unless the company is the one at work.
    # The customer's own things ("Validation de ma commande") likewise.
    possessive = any(t in ("votre", "vos", "your", "vous", "you") or t in MY[lang] for t in toks)
    if _FOR_YOU.search(folded):
        return None  # done for the customer, who sees it: "will generate an invoice for you"
    drafts = [t for t in toks if _family(t, lang, DRAFTING[lang])]
    processing += [t for t in drafts if t not in processing]
    # Two distinct processing nominals make a back-office phrase in French ("Export Excel
    # pour analyse externe"); an English imperative reuses them ("Review extracted signals").
    nominal = [t for t in processing if kinds.get(t) == "noun" or (lang == "en" and t != toks[0])]
    actions = len(set(processing))
    two = 2 if (lang == "fr" or len(set(nominal)) > 1) and not possessive else 1
    # The customer's papers under someone's check: "Validation pièces", "Reviews documents";
    # the company's objects under a nominal action: "Validation commande".
    checks = [t for t in processing if _family(t, lang, CHECKING[lang])]
    papers = bool(checks) and any(t in PAPERS[lang] for t in toks)
    papers = papers or (bool(drafts) and any(t in SELLER_PAPERS[lang] for t in toks))
    papers = papers or (
        any(t in checks and t not in ("review", "reviews") for t in nominal)
        and any(t in OBJECTS[lang] for t in toks)
    )
    # A back-office task named as a noun, with no customer in it: "Génération rapport".
    headline = not possessive and any(
        _nominal(t, toks, lang) and _family(t, lang, BACKOFFICE_NOMINALS[lang]) for t in processing
    )
    telling = _telling(toks, lang)
    # Making up the customer's order out of sight: "Préparation de votre commande".
    making = [t for t in toks if _nominal(t, toks, lang) and _family(t, lang, PRODUCTION[lang])]
    telling = telling or (tuple(making[:1]) if any(t in PARCELS[lang] for t in toks) else ())
    staff = staff or bool(telling)
    named = [t for t in toks if t in _SYSTEMS][:1] if _system_named(text, lang) else []
    # A department heading the step: "Sales Action", "Marketing review", "Achats fournisseur".
    if voice == "no-subject" and not possessive and toks[0] in DEPARTMENTS[lang] and toks[1:]:
        named.append(toks[0])
    score = (
        2 * min(len(strong) + len(inflow), 1)
        + int(headline)
        + int(papers)
        + 2 * int(backend or staff or agent or behind)
        + min(actions, two)
        + int(bool(routing) and not possessive)
        + min(
            len(set(seller))
            + sum(t in BACKEND[lang] or t in ("system", "systeme") for t in toks[1:]),
            2 if voice == "no-subject" and not possessive else 1,
        )
        + 2 * min(len(named), 1)
        + int(passive)
        - 2 * int(possessive and not (staff or agent or backend))
    )
    if score >= 1:
        systems = [t for t in head if t in BACKEND[lang]]
        shown = tuple(
            dict.fromkeys(strong + inflow + systems + processing + [*telling] + named + seller)
        )
        return Internal(tuple(_as_written(text, t) for t in shown), score)
    return None


_PARTICIPLE_ENDINGS = {"fr": ("é", "ée", "és", "ées", "is", "ise", "ises"), "en": ("ed",)}
_IRREGULAR_PARTICIPLES = _lex("sent done made run kept held written taken given")


def _system_named(text: str, lang: Lang) -> bool:
    """A step that names a support system: "Table reservation system", "Logiciel de caisse".

    Such a line is the blueprint's support lane: the customer uses screens, not systems.
    """
    phrase = re.split(r"[(,:;.]", fold(text))[0].split()
    if lang == "en":
        return len(phrase) > 1 and phrase[-1] in _SYSTEMS
    return len(phrase) > 1 and phrase[0] in _SYSTEMS


DEPARTMENTS = {
    "fr": _lex("ventes commercial marketing comptabilite rh juridique achats logistique"),
    "en": _lex("sales marketing finance accounting hr operations legal procurement logistics"),
}
_SYSTEMS = _lex("system systems systeme systemes logiciel")


_NOUN_FORMS = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "ise", "ie"),
    "en": ("tion", "sion", "ment", "ance", "ence", "ing", "al", "sis", "ity"),
}


def _nominal(token: str, toks: list[str], lang: Lang) -> bool:
    """ "Génération", "Clôture", "processing", "assessment": an action named as a noun.

    An English bare verb after the first word is a noun too ("Lead review", "Data
    sync"); the first word of an English text is an imperative ("Review the order").
    """
    if token in _IRREGULAR_NOUNS[lang] or token.endswith(_NOUN_FORMS[lang]):
        return True
    if lang == "fr":
        return token.endswith("e") and not token.endswith(("er", "ee"))
    return token != toks[0] and not token.endswith(("ed", "s"))


_NOT_RECEIVERS = _lex("client clients clientele customer customers consommateurs apres")
# Who a notification may reach besides the back office: the customer's own contact.
_NOTIFIED = {
    "fr": _lex("coiffeur coiffeuse praticien conseiller conseillere technicien livreur vendeur"),
    "en": _lex("stylist technician courier driver advisor agent cleaner detailer"),
}


def _telling(toks: list[str], lang: Lang) -> tuple[str, ...]:
    """The company passing work to its own people or partners: "relay it to the department".

    A step whose receiver is the customer ("Notifie le client", "send you") is something
    the customer sees; so is the customer's own contact with a service ("Contacter le
    service client").
    """
    if any(t in CUSTOMER_NOUNS[lang] or t in YOU[lang] for t in toks):
        return ()
    for i, tok in enumerate(toks):
        if _family(tok, lang, PASSING[lang]):
            receivers = RECEIVERS[lang]
        elif _family(tok, lang, NOTIFYING[lang]):
            receivers = RECEIVERS[lang] | _NOTIFIED[lang]
        else:
            continue
        for j in range(i + 1, len(toks)):
            beside = {*toks[j - 1 : j], *toks[j + 1 : j + 2]}
            if toks[j] in receivers and not beside & _NOT_RECEIVERS:
                return tok, toks[j]
    return ()


def _participle(text: str, token: str, lang: Lang) -> bool:
    """ "traitées", "transmis", "reviewed": the past participle of a passive, as written."""
    written = _as_written(text, token).casefold()
    return written.endswith(_PARTICIPLE_ENDINGS[lang]) or (
        lang == "en" and token in _IRREGULAR_PARTICIPLES
    )


def _gerund_with_object(token: str, toks: list[str], lang: Lang) -> bool:
    if lang != "en" or not token.endswith("ing") or token not in toks:
        return False
    after = toks[toks.index(token) + 1 : toks.index(token) + 2]
    return bool(after) and after[0] in DETERMINERS["en"]


def _we_at_work(toks: list[str], lang: Lang) -> bool:
    """ "we'll review", "we will be checking", "nous devrons vérifier": the company at work."""
    for i, tok in enumerate(toks):
        if tok in _WE_AT_WORK[lang]:
            for nxt in toks[i + 1 : i + 5]:
                if _family(nxt, lang, PROCESSING[lang]) == "verb":
                    return True
                if nxt not in _AUXILIARIES[lang]:
                    break
    return False


_CANONICAL = {
    "backoffice": "back-office",
    "middleoffice": "middle-office",
    "frontoffice": "front-office",
    "backend": "back-end",
    "miseajour": "mise à jour",
    "lcbft": "LCB-FT",
}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _as_written(text: str, token: str) -> str:
    """The word as the text spells it ("Vérification"), for a folded token."""
    if token in _CANONICAL:
        return _CANONICAL[token]
    for word in _WORD.findall(text):
        if fold(word) == token:
            return str(word)
    return token


# ---------------------------------------------------------------------------- rewriting

# What the company gives, the customer receives: "Nous envoyons le devis" -> "Je reçois
# le devis". What the company does to the customer keeps its subject with the
# customer's "me": "Le conseiller vous rappelle" -> "Le conseiller me rappelle".
GIVE_VERBS = {
    "fr": _lex("envoyer expedier livrer adresser transmettre remettre fournir poster"),
    "en": _lex("send ship deliver email mail post provide hand give issue"),
}
RECEIVE = {"fr": "je reçois", "en": "I receive"}
_OBJECT_YOU = {"fr": {"vous": "me", "vous-même": "moi"}, "en": {"you": "me", "your": "my"}}


def customer_version(text: str, lang: Lang) -> str | None:
    """The step told from the customer's side, when the sentence is simple enough to turn.

    Only the two common shapes are turned, and only without a gendered "votre" to
    guess: the company gives something (the customer receives it) or acts on "vous"
    (the customer is "me"). Anything else gets the general hint.
    """
    written = text.split()
    toks = [fold(w).strip(",.;:!?") for w in written]
    lead = 0
    while lead < len(toks) and toks[lead] in _LEADING[lang]:
        lead += 1
    subject_end = lead + 1 if lead < len(toks) else lead
    if lead < len(toks) and (toks[lead] in DETERMINERS[lang] or toks[lead] in ("notre", "our")):
        subject_end = lead + 2
    rest = toks[subject_end:]
    if not rest or "votre" in toks or (lang == "fr" and "vos" not in toks and "votre" in toks):
        return None
    objects = 0
    while objects < len(rest) and rest[objects] in ("vous", "you", "lui", "nous", "leur"):
        objects += 1
    verb_at = subject_end + objects
    if verb_at >= len(written):
        return None
    tail = " ".join(_first_person_object(w, lang) for w in written[verb_at + 1 :])
    prefix = " ".join(written[:lead])
    if _has_lemma(toks[verb_at], lang, GIVE_VERBS[lang]) and tail:
        if lang == "en" and toks[verb_at + 1 : verb_at + 2] == ["you"]:
            tail = " ".join(_first_person_object(w, lang) for w in written[verb_at + 2 :])
        sentence = f"{prefix} {RECEIVE[lang]} {tail}".strip()
    elif objects and rest[0] in ("vous", "you"):
        subject = " ".join(written[lead:subject_end])
        if toks[lead] in ("nous", "we"):
            subject = "on" if lang == "fr" else "they"
        moved = [_first_person_object(w, lang) for w in written[verb_at:]]
        if lang == "fr":
            verb = _third_singular(moved[0]) if toks[lead] == "nous" else moved[0]
            sentence = f"{prefix} {subject} me {verb} {' '.join(moved[1:])}".strip()
        else:
            verb = moved[0]
            sentence = f"{prefix} {subject} {verb} me {' '.join(moved[1:])}".strip()
    elif lang == "en" and "you" in toks[verb_at + 1 :]:
        subject = {"we": "they", "our": "the"}.get(toks[lead], written[lead])
        moved = [_first_person_object(w, lang) for w in written[lead + 1 :]]
        sentence = f"{prefix} {subject} {' '.join(moved)}".strip()
    else:
        return None
    sentence = " ".join(sentence.split())
    return sentence[:1].upper() + sentence[1:]


def _first_person_object(word: str, lang: Lang) -> str:
    folded = fold(word).strip(",.;:!?")
    swap = _OBJECT_YOU[lang].get(folded)
    if swap is None:
        if lang == "fr" and folded == "vos":
            swap = "mes"
        else:
            return word
    return (
        word[: len(word) - len(word.lstrip(",.;:!?"))] + swap + word[len(word.rstrip(",.;:!?")) :]
    )


def _third_singular(verb: str) -> str:
    """ "rappelons" -> "rappelle": the "nous" form of a first-group verb, said with "on"."""
    if verb.endswith("ons") and len(verb) > 5:
        stem = verb[:-3]
        if stem.endswith(("ell", "ett")):
            return stem + "e"
        if stem.endswith(("el", "et")):
            return stem + stem[-1] + "e"
        return stem + "e"
    return verb
