"""A company-voice step turned to the customer's side, for the JM402 hint."""

from __future__ import annotations

from journeymap.lint.sentence.lemmas import has_lemma
from journeymap.lint.sentence.tokens import Lang, lex
from journeymap.lint.sentence.voice_words import CUSTOMER_NOUNS, DETERMINERS, LEADING
from journeymap.lint.text import fold

# What the company gives, the customer receives: "Nous envoyons le devis" -> "Je reçois
# le devis". What the company does to the customer keeps its subject with the
# customer's "me": "Le conseiller vous rappelle" -> "Le conseiller me rappelle".
GIVE_VERBS = {
    "fr": lex("envoyer expedier livrer adresser transmettre remettre fournir poster"),
    "en": lex("send ship deliver email mail post provide hand give issue"),
}
RECEIVE = {"fr": "je reçois", "en": "I receive"}
# Who receives it, once the customer says "I receive": "au client", "to the customer".
_TO = {"fr": ("au", "aux", "a", "à"), "en": ("to",)}
_ARTICLES = ("le", "la", "les", "l'", "the")
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
    while lead < len(toks) and toks[lead] in LEADING[lang]:
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
    if not objects and (customer := _customer_object(toks, verb_at + 1, lang)):
        # "Le conseiller appelle le client" -> "Le conseiller m'appelle": the customer
        # seen from outside is the object, so "me" takes its place, as "vous" would.
        after = written[verb_at + 1 + customer :]
        if lang == "fr":  # the object pronoun goes before the verb
            written = [*written[:subject_end], "vous", written[verb_at], *after]
            objects, verb_at = 1, verb_at + 1
        else:
            written = [*written[: verb_at + 1], "you", *after]
        toks = [fold(w).strip(",.;:!?") for w in written]
        rest = toks[subject_end:]
    tail = " ".join(
        _first_person_object(w, lang) for w in _without_recipient(written[verb_at + 1 :], lang)
    )
    prefix = " ".join(written[:lead])
    if has_lemma(toks[verb_at], lang, GIVE_VERBS[lang]) and tail:
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
            me = "m'" if fold(verb)[:1] in tuple("aeiouyh") else "me "
            sentence = f"{prefix} {subject} {me}{verb} {' '.join(moved[1:])}".strip()
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


def _customer_object(toks: list[str], at: int, lang: Lang) -> int:
    """How many words name the customer as the object at `at` ("le client", "the
    user"), 0 when they do not."""
    if at + 1 >= len(toks):
        return 0
    noun = toks[at + 1]
    if toks[at] in _ARTICLES and noun in CUSTOMER_NOUNS[lang] and not noun.endswith("s"):
        return 2
    return 0


def _without_recipient(tail: list[str], lang: Lang) -> list[str]:
    """The tail without "au client", "to the customer", "to you": the receiver is "I"."""
    folded = [fold(w).strip(",.;:!?") for w in tail]
    for at, word in enumerate(folded):
        if word not in _TO[lang]:
            continue
        after = at + 1
        if lang == "fr" and word in ("a", "à") and folded[after : after + 1] in (["la"], ["l'"]):
            after += 1
        if lang == "en" and folded[after : after + 1] == ["the"]:
            after += 1
        if folded[after : after + 1] == ["you"] or (
            folded[after : after + 1] and folded[after] in CUSTOMER_NOUNS[lang]
        ):
            kept = tail[:at] + tail[after + 1 :]
            if kept and tail[after][-1:] in ",.;:!?":
                kept[-1] = kept[-1] + tail[after][-1]
            return kept
    return tail


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


# After a verb that opens a step, the words that show it is one: "Réserver une visite",
# "Book an engineer visit". After a noun they rarely come ("Selection of a plan",
# "Retrait au guichet"); "des" and "du" do ("Stockage des commandes", "Remise du
# ticket"), so they are not among them, nor "de".
_AFTER_A_VERB = {
    "fr": lex("le la les l' un une mon ma mes son sa ses ce cet cette ces vos nos notre"),
    "en": lex(
        "a an the my your our his her their its it them this that these those some any "
        "all every each another more up out back down off online"
    ),
}
# Where the first clause ends: the hint shows it turned, then "…" for the rest, so a
# second verb is never left in the third person ("I create an account and signs in").
_CLAUSE_ENDS = {
    "fr": lex("et ou puis mais donc car ainsi"),
    "en": lex("and or then but so while"),
}
_PERSONS = lex("il elle ils elles qu'il qu'elle qu'ils he she they")
_MINE = {
    "fr": {"son": "mon", "sa": "ma", "ses": "mes", "vos": "mes", "se": "me", "s'": "m'"},
    "en": {"your": "my", "yours": "mine", "yourself": "myself"},
}
_HIS_MINE = {"his": "my", "her": "my", "their": "my", "himself": "myself", "herself": "myself",
             "themselves": "myself"}  # fmt: skip
_PLURAL = lex("ils elles they les des ces the these those")


def first_person_version(text: str, lang: Lang, kind: str, subject: str) -> str | None:
    """The step told by the customer, for JM403 and JM404 hints: "Réserver une visite"
    -> "Je réserve une visite", "The customer compares prices" -> "I compare prices".

    Only a verb known to be one, conjugated surely (journeymap.lint.sentence.conjugate),
    is turned, and only the first clause ("…" stands for the rest); None otherwise, and
    the hint keeps its general example. A "votre" or "leur" is left alone: which
    "mon"/"ma" it becomes needs the noun's gender.
    """
    written = text.split()
    if kind == "customer":
        said = subject.split()
        if not said or [w.lower() for w in written[: len(said)]] != [w.lower() for w in said]:
            return None
        plural = fold(said[0]) in _PLURAL and (len(said) == 1 or said[-1].endswith(("s", "x")))
        if plural and lang == "fr":
            return None
        verb_at, reflexive, third = len(said), False, not plural
    elif kind == "no-subject":
        verb_at, reflexive, third = 0, False, False
        first = fold(written[0]) if written else ""
        if lang == "fr" and first in ("se", "s'") and len(written) > 1:
            verb_at, reflexive = 1, True
        elif lang == "fr" and first.startswith("s'") and len(first) > 2:
            written = [written[0][2:], *written[1:]]
            reflexive = True
    else:
        return None
    if verb_at >= len(written):
        return None
    rest, cut = _first_clause(written[verb_at], written[verb_at + 1 :], lang)
    folded_rest = [fold(w).strip(",.;:!?") for w in rest]
    if any(w in ("votre", "leur", "leurs") or w in _PERSONS for w in folded_rest):
        return None
    opening = _opening(written[verb_at], lang, kind, third, folded_rest, reflexive)
    if opening is None:
        return None
    swaps = dict(_MINE[lang])
    if kind == "customer":
        # "Customer finds your store": "your" is the team's, not the customer's.
        swaps.pop("your", None)
        swaps.pop("yours", None)
        if lang == "en":
            swaps.update(_HIS_MINE)
    tail = " ".join(_swapped(w, swaps) for w in rest)
    return f"{opening} {tail}".strip() + ("…" if cut else "")


def _first_clause(verb: str, rest: list[str], lang: Lang) -> tuple[list[str], bool]:
    """The words of the first clause after its verb, and whether anything was cut."""
    if verb[-1:] in ",;:":
        return [], bool(rest)
    for at, word in enumerate(rest):
        if fold(word) in _CLAUSE_ENDS[lang] or word[:1] in "(–—-":
            return [*rest[:at]], True
        if word[-1:] in ",;:" and at + 1 < len(rest):
            return [*rest[:at], word[:-1]], True
    return rest, False


def _opening(
    verb: str, lang: Lang, kind: str, third: bool, after: list[str], reflexive: bool
) -> str | None:
    from journeymap.lint.sentence.conjugate import english_i, french_je

    verb = verb.rstrip(",;:")
    opens = bool(after) and after[0] in _AFTER_A_VERB[lang]
    if kind == "no-subject" and not reflexive and not opens:
        return None
    if lang == "en":
        # Without a subject, "Receives an email" is a third person and "Book a visit" an
        # imperative: the third person is tried first, it only takes words in -s.
        form = english_i(verb, third_person=True) if kind == "no-subject" else None
        form = form or english_i(verb, third_person=third)
        if form is None:
            return None
        return f"I {form if verb[1:] == verb[1:].lower() else verb}"  # "WhatsApp" kept
    found = french_je(verb, third_person=third)
    if found is None and kind == "no-subject":
        # "Reçoit un email": a subject left out; never "A la fin..." (à, unaccented).
        found = french_je(verb, third_person=True, subject_left_out=True)
    if found is None:
        return None
    pronoun, form = found
    if reflexive:
        me = "m'" if pronoun == "j'" else "me "
        return f"Je {me}{form}"
    return f"J'{form}" if pronoun == "j'" else f"Je {form}"


def _swapped(word: str, swaps: dict[str, str]) -> str:
    core = word.strip(",.;:!?")
    lowered = core.lower()
    swap = swaps.get(lowered)
    if swap is None and lowered[:2] in ("s'", "s’") and "s'" in swaps:
        return word.replace(core[:2], swaps["s'"], 1)  # "s'enregistrer" -> "m'enregistrer"
    if swap is None:
        return word
    at = word.find(core)
    return word[:at] + swap + word[at + len(core) :]
