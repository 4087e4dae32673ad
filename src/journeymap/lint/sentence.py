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
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from journeymap.lint.text import fold

Lang = Literal["fr", "en"]
Kind = Literal["first", "company", "customer", "no-subject", "other"]

_TOKEN = re.compile(r"[a-z0-9]+'|[a-z0-9]+|[,?!:;.(]")


def words(text: str) -> tuple[str, ...]:
    """Folded tokens; elisions keep their apostrophe ("j'", "l'") and punctuation is kept."""
    return tuple(_TOKEN.findall(fold(text).replace("rendez-vous", "rendezvous")))


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
    fr = sum(t in _FR_ONLY for t in toks) + 2 * len(_ACCENTS.findall(text))
    en = sum(t in _EN_ONLY for t in toks)
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
    "fr": _lex("le la les l' un une des du ce cet cette ces votre vos son sa ses leur leurs"),
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
        "application appli back-office gestionnaire operateur operatrice caissier caissiere "
        "hotesse secretariat plateforme algorithme workflow robot serveur crm erp direction "
        "comptabilite administrateur admin responsable manager gerant gerante"
    ),
    "en": _lex(
        "company brand bank store shop team agent agents advisor adviser rep salesperson "
        "seller support staff technician courier carrier system website app back-office "
        "sales manager cleaner cleaners detailer detailers barista waiter cashier clerk "
        "driver engineer csm security workflow engine model cdn server api algorithm bot "
        "crm erp pipeline platform detection operator operations admin administrator "
        "professionals crew representative specialist underwriter reviewer"
    ),
}
IMPERSONAL_FR = re.compile(r"^(il (faut|y a|est|peut|s'agit|reste)|c'est|ca |cela )")
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
PASSIVE_EN = re.compile(r"\b(is|are|was|were|be|been|being|gets|get)\s+\w+(ed|en|wn|ne)\b")
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
    for start in (head, _strip_leading(_subject_phrase(toks, lang)[1], lang)):
        found = _subject(start, toks, text, lang)
        if found is not None:
            return found
    # 3. The company's or the reader's voice anywhere ("... our team will", "... to you").
    ours = next((t for t in toks if t in OURS[lang]), None)
    if ours is not None:
        if any(t in HOUSEHOLD[lang] for t in toks):
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
    return _no_subject_or_other(head or toks, text, lang)


def _subject(start: tuple[str, ...], toks: tuple[str, ...], text: str, lang: Lang) -> Voice | None:
    if not start:
        return None
    first = start[0]
    if first in OURS[lang] and first not in ("notre", "nos", "our"):
        rest = start[1:]
        if lang == "fr" and rest[:1] and rest[0] in ("me", "m'", "nous"):
            return Voice("first")
        if any(t in HOUSEHOLD[lang] for t in toks) or (
            first == "on" and not _company_evidence(rest, toks, lang)
        ):
            return Voice("first")
        return Voice("company", _display(text, 1) if start is toks else first.capitalize())
    if first in YOU[lang] and not _imperative(text, lang):
        return Voice("company", "Vous" if lang == "fr" else "You")
    noun_at = 1 if first in DETERMINERS[lang] or first in ("notre", "nos", "our") else 0
    noun = start[noun_at] if len(start) > noun_at else ""
    following = start[noun_at + 1 : noun_at + 3]
    if noun in CUSTOMER_NOUNS[lang] and (noun_at or _finite_after(following, lang)):
        return Voice("customer", " ".join(start[: noun_at + 1]).capitalize().replace("' ", "'"))
    if (
        noun in STAFF_NOUNS[lang]
        or (len(start) > noun_at + 1 and start[noun_at + 1] in STAFF_NOUNS[lang] and lang == "en")
    ) and (noun_at or _finite_after(following, lang) or lang == "en"):
        word = " ".join(start[: noun_at + 1]).capitalize().replace("' ", "'")
        return Voice("company", word)
    if first in THIRD_PRONOUNS[lang]:
        return Voice("customer", first.capitalize())
    # "Suguba appelle le client": someone acts on the customer, seen from outside.
    if (
        lang == "fr"
        and " le client" in fold(text)[len(first) :]
        and not _looks_nominal(start, lang)
    ):
        return Voice("company", _display(text, 1))
    return None


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
    first = start[0]
    return len(first) > 4 and first.endswith(NOUN_SUFFIXES[lang])


def _no_subject_or_other(head: tuple[str, ...], text: str, lang: Lang) -> Voice:
    """No person at all: a noun, an infinitive or an imperative (JM404), or a thing (JM401)."""
    first = head[0] if head else ""
    folded = fold(text)
    if lang == "fr":
        if IMPERSONAL_FR.match(folded) or first in DETERMINERS["fr"]:
            return Voice("other", _display(text, 1))
        if len(head) > 1 and (head[1] in ("s'", "se") or _PARTICIPLE_FR.match(text.strip())):
            return Voice("other", _display(text, 1))
    else:
        if (
            first in DETERMINERS["en"]
            or first in ("it", "there", "this")
            or PASSIVE_EN.search(folded)
        ):
            return Voice("other", _display(text, 1))
        if PARTICIPLE_END_EN.match(folded) and len(head) > 1 and not _verb_first_en(first):
            return Voice("other", _display(text, 1))
        if len(head) > 2 and head[1].endswith("s") and head[1] in ("becomes", "is", "are"):
            return Voice("other", _display(text, 1))
    return Voice("no-subject", _display(text, 1))


_PARTICIPLE_FR = re.compile(
    r"^\S+(\s+(?!(?:de|des|du|d'|la|le|les|en|au|aux|à|à)\b)\S+)?\s+\w+(é|ée|és|ées)(\s|\(|$)",
    re.IGNORECASE,
)


def _verb_first_en(word: str) -> bool:
    return not word.endswith(NOUN_SUFFIXES["en"]) and not word.endswith("s")


# ---------------------------------------------------------------------------- internal work

# Verbs of back-office work, as lemmas: any form counts ("reviewed", "escalates"). The
# strong ones are the back office's alone; the weak ones are also the customer's
# ("je vérifie", "review the summary") and need a second sign.
STRONG_VERBS = {
    "fr": _lex(
        "traiter instruire escalader router dispatcher affecter assigner archiver "
        "synchroniser reconcilier rapprocher provisionner habiliter auditer scorer enrichir "
        "indexer transmettre"
    ),
    "en": _lex(
        "escalate route dispatch triage reconcile provision archive sync synchronize audit "
        "underwrite detect compute calculate enrich index flag"
    ),
}
WEAK_VERBS = {
    "fr": _lex("saisir valider verifier controler qualifier extraire generer analyser exporter"),
    "en": _lex(
        "review process validate verify approve check assign update extract map score "
        "qualify key screen generate analyze analyse implement deploy develop discover create"
    ),
}
# Nouns of back-office work; the weak ones count only with a second sign (below).
STRONG_NOUNS = {
    "fr": _lex(
        "back-office backoffice middle-office kyc lcb-ft stock stocks inventaire logs log "
        "audit monitoring fournisseur fournisseurs reporting kpi kpis statistiques batch "
        "workflow habilitation habilitations dispatch provisioning sla synchronisation "
        "escalade bannette quart crm erp archivage back-end backend cache rapport rapports"
    ),
    "en": _lex(
        "back-office backoffice kyc aml inventory stock logs audit monitoring supplier "
        "suppliers reporting kpi kpis analytics batch workflow provisioning sla escalation "
        "triage crm erp database cache backend back-end pipeline royalty compliance "
        "underwriting lead leads backstage kitchen billing integrations reservation "
        "orchestration"
    ),
}
WEAK_NOUNS = {
    "fr": _lex(
        "saisie validation verification controle traitement analyse generation enregistrement "
        "vente ventes alerte alertes decision equipe interne dossier instruction affectation "
        "planification gestion utilisateurs configuration templates incidents usagers "
        "assignes donnees sauvegarde rupture commerciale commercial pilotage administration "
        "systeme export automatique automatiquement transmission"
    ),
    "en": _lex(
        "review processing validation verification approval check checks assessment "
        "analysis decision decisions internal data management operations system allocation "
        "accounting test qualified tier score opportunity profile detection keywords "
        "intelligence eligibility regimen endpoint optimization research scope tokens bugs "
        "performance logic sales automated automatically api"
    ),
}


# Words no customer uses for their own life, even in the first person.
JARGON = _lex("back-office backoffice middle-office kyc lcb-ft aml crm erp sla workflow")


@dataclass(frozen=True, slots=True)
class Internal:
    """Why a text reads as back-office work: the words that show it."""

    words: tuple[str, ...]


@lru_cache(maxsize=16384)
def internal_work(text: str, lang: Lang, voice: Kind) -> Internal | None:
    """The back-office signs in a text, or None when it reads as the customer's moment.

    A strong sign (KYC, stock, reporting, a supplier) is enough; weak ones (validation,
    review, a sale) need a second sign, so "Validation de ma commande" stays the
    customer's. A text in the customer's first person, or one that speaks to the customer
    ("votre", "your"), is what the customer lives or sees, whatever its words.
    """
    toks = [t for t in words(text) if t[0].isalnum()]
    strong = [t for t in toks if t.rstrip("'") in STRONG_NOUNS[lang]]
    if voice in ("first", "customer"):
        # The customer's own step; only the back office's own words give it away
        # ("Je reçois un mail du back-office").
        jargon = [t for t in strong if t in JARGON]
        return Internal(tuple(jargon)) if jargon else None
    if not toks:
        return None
    strong_verbs = [
        t
        for i, t in enumerate(toks)
        if _has_lemma(t, lang, STRONG_VERBS[lang])
        and not (lang == "en" and t.endswith("ed") and 0 < i < len(toks) - 1)
    ]
    weak_verbs = [
        t for t in toks if t not in strong_verbs and _has_lemma(t, lang, WEAK_VERBS[lang])
    ]
    weak = [t for t in toks if t not in weak_verbs and _has_lemma(t, lang, WEAK_NOUNS[lang])]
    staff = voice == "company" and any(t in STAFF_NOUNS[lang] for t in toks[:3])
    passive = voice == "other"
    addressed = any(t in ("votre", "vos", "your", "vous", "you") for t in toks)
    shown = tuple(dict.fromkeys(strong + strong_verbs + weak_verbs + weak))
    if addressed and not (staff and strong_verbs):
        return None
    if strong or (strong_verbs and (len(toks) > 1 or weak)):
        return Internal(shown)
    others = len(weak) + int(staff) + int(passive)
    if (weak_verbs and others >= 1) or len(weak) >= 2 or (len(weak_verbs) >= 2 and weak):
        return Internal(shown)
    return None
