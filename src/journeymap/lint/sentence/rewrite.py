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
