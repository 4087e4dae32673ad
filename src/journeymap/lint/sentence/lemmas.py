"""Candidate lemmas from suffix rules, and word families (a verb, its forms, its noun).

simplemma was measured (import 48 ms, then 120-140 ms to load each language's
dictionary in every worker process) for lexicons of a few hundred lemmas that suffix
rules cover; suffix rules checked against closed lexicons are enough.
"""

from __future__ import annotations

from functools import lru_cache

from journeymap.lint.sentence.tokens import Lang, lex, unaccent

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
    # the -mettre family in the present: "transmet", "soumettent", "remets"
    ("met", ("mettre",)), ("mets", ("mettre",)), ("mettent", ("mettre",)),
    # and the -uire family: "instruisons", "produisent", "conduis"
    ("uisons", ("uire",)), ("uisez", ("uire",)), ("uisent", ("uire",)), ("uis", ("uire",)),
)  # fmt: skip
_EN_SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")),
    ("s", ("",)), ("ation", ("ate", "e", "")), ("ment", ("",)), ("al", ("",)),
)  # fmt: skip


# English verbs whose past forms no suffix rule reaches: "sent" -> send.
_EN_IRREGULAR = {
    "sent": "send", "made": "make", "done": "do", "written": "write", "taken": "take",
    "given": "give", "held": "hold", "kept": "keep", "brought": "bring", "sold": "sell",
    "told": "tell", "found": "find", "paid": "pay", "left": "leave", "built": "build",
    "put": "put", "set": "set", "got": "get", "gotten": "get", "chosen": "choose",
}  # fmt: skip
EN_PAST_FORMS = frozenset(past for past, verb in _EN_IRREGULAR.items() if past != verb)
EN_IRREGULAR_FORMS = frozenset(_EN_IRREGULAR)  # "sent", "put": the forms no suffix rule reaches


@lru_cache(maxsize=16384)
def lemmas(word: str, lang: Lang) -> frozenset[str]:
    """Candidate lemmas of a folded word form, itself included: "envoyons" -> envoyer."""
    word = word.rstrip("'")
    found = {word}
    if lang == "en" and word in _EN_IRREGULAR:
        found.add(_EN_IRREGULAR[word])
    for ending, replacements in _FR_SUFFIXES if lang == "fr" else _EN_SUFFIXES:
        folded_ending = unaccent(ending)
        if word.endswith(folded_ending) and len(word) > len(folded_ending) + 2:
            stem = word[: -len(folded_ending)]
            found.update(stem + unaccent(r) for r in replacements)
            if lang == "en" and len(stem) > 2 and stem[-1] == stem[-2]:
                found.add(stem[:-1])  # "routed", "shipped" -> "ship"
    return frozenset(found)


def has_lemma(word: str, lang: Lang, lexicon: frozenset[str]) -> bool:
    return not lexicon.isdisjoint(lemmas(word, lang))


# Deverbal nouns: (ending, replacements giving the verb). Irregular ones are listed.
_NOUN_SUFFIXES = {
    "fr": (
        ("ification", ("ifier",)), ("isation", ("iser",)), ("issement", ("ir",)),
        ("ation", ("er",)), ("ement", ("er",)), ("ution", ("uer",)), ("ection", ("ectionner",)),
        ("ision", ("ider",)), ("tion", ("ter",)), ("age", ("er",)),
        ("ure", ("er",)), ("ie", ("ir",)), ("e", ("er",)),
    ),
    "en": (
        ("ification", ("ify",)), ("ization", ("ize",)), ("isation", ("ise",)),
        ("ation", ("ate", "e", "")), ("ment", ("",)), ("al", ("e", "")), ("ysis", ("yze", "yse")),
        ("ing", ("", "e")), ("ion", ("e", "")), ("s", ("",)),
    ),
}  # fmt: skip
IRREGULAR_NOUNS = {
    "fr": {
        "gestion": "gerer", "transmission": "transmettre", "extraction": "extraire",
        "import": "importer", "resolution": "resoudre",
        "calcul": "calculer", "export": "exporter", "controle": "controler",
        "audit": "auditer", "dispatch": "dispatcher", "instruction": "instruire",
        "etude": "etudier",
    },
    "en": {"review": "review", "check": "check", "checks": "check", "audit": "audit",
           "update": "update", "updates": "update",
           "reconciliation": "reconcile", "import": "import", "triage": "triage",
           "dispatch": "dispatch"},
}  # fmt: skip
# A noun of one of these families that is something else: "assignation" is a summons,
# "instruction(s)" are directions given to the customer.
_NOT_PROCESSING = lex("assignation assignations instructions instruction planning")


@lru_cache(maxsize=16384)
def _noun_lemmas(word: str, lang: Lang) -> frozenset[str]:
    """The verbs a deverbal noun comes from: "archivage" -> archiver, "approval" -> approve."""
    found = set()
    irregular = IRREGULAR_NOUNS[lang].get(word)
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


def family(word: str, lang: Lang, roots: frozenset[str]) -> str | None:
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


# Agent nouns: (ending, replacements giving the verb) - "reviewer" -> review, "approver"
# -> approve, "investigator" -> investigate, "analyst" -> analyse, "vérificateur" ->
# vérifier, "contrôleur" -> contrôler, "instructeur" -> instruire.
_AGENT_SUFFIXES = {
    "fr": (
        ("ificateur", ("ifier",)), ("ificatrice", ("ifier",)), ("ateur", ("er",)),
        ("atrice", ("er",)), ("ucteur", ("uire",)), ("uctrice", ("uire",)), ("eur", ("er",)),
        ("euse", ("er",)), ("yste", ("yser",)),
    ),
    "en": (
        ("ator", ("ate",)), ("ier", ("y",)), ("er", ("", "e")), ("or", ("", "e")),
        ("yst", ("yse", "yze")),
    ),
}  # fmt: skip


@lru_cache(maxsize=16384)
def agent_noun(word: str, lang: Lang, roots: frozenset[str]) -> bool:
    """Whether a word names the one who does one of the roots' work, singular or plural.

    A job title is built on its work: whoever approves, reviews, underwrites or
    investigates ("approvers", "the claims investigator", "le vérificateur", "l'analyste")
    does the company's work on a file, whatever the company calls the post.
    """
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for ending, replacements in _AGENT_SUFFIXES[lang]:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if any(stem + r in roots for r in replacements):
                return True
    return False
