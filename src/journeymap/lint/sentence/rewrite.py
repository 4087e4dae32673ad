"""A company-voice step turned to the customer's side, for the JM402 hint."""

from __future__ import annotations

from journeymap.lint.sentence.conjugate import elided, english_i, french_je, french_vous_je
from journeymap.lint.sentence.lemmas import EN_PAST_FORMS, has_lemma
from journeymap.lint.sentence.possessions import french_gender, irregular_stem, their_thing_done
from journeymap.lint.sentence.tokens import Lang, lex
from journeymap.lint.sentence.voice import classify
from journeymap.lint.sentence.voice_words import (
    CUSTOMER_NOUNS,
    DETERMINERS,
    LEADING,
    NOT_VOUS_FORMS,
)
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
    if lead < len(toks) and (toks[lead] in ("vous", "you") or toks[lead] in _EN_SUBJECT_YOU):
        # "Vous recevrez votre carte", "You'll receive an email": the customer, addressed,
        # says it: "Je recevrai ma carte", "I'll receive an email".
        return reads_as_customer(_addressed(written, toks, lead, lang), lang)
    if not rest:
        return None
    if any(w[-1:] in ",;:" for w in written[lead:subject_end]):
        return None  # "Yes, you can cancel": no subject before the comma
    if toks[lead] in _PREPOSITIONS[lang] | _NOT_SUBJECTS[lang] and rest[0] in ("you", "vous"):
        return None  # "After you have submitted": a clause, not a subject and its object
    objects = 0
    while objects < len(rest) and rest[objects] in ("vous", "you", "lui", "nous", "leur"):
        objects += 1
    verb_at = subject_end + objects
    if verb_at >= len(written):
        return None
    gives = has_lemma(toks[verb_at], lang, GIVE_VERBS[lang])
    if not objects and (not gives or "votre" in toks or "vos" in toks):
        # "Le conseiller modifie mon adresse" -> "Mon adresse est modifiée"
        noun = toks[subject_end - 1]
        plural = toks[lead] in ("we", "they", "nous", "ils", "elles") or (
            subject_end - lead == 2 and noun.endswith("s") and not noun.endswith("ss")
        )
        done = their_thing_done(written, toks, verb_at, lang, plural)
        if done is not None:
            return reads_as_customer(done, lang)
    if "votre" in toks:
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
    turned = _first_person(_without_recipient(written[verb_at + 1 :], lang), lang)
    if turned is None:
        return None
    tail = " ".join(turned)
    prefix = " ".join(written[:lead])
    if gives and tail and lang == "en" and toks[verb_at + 1 : verb_at + 2] == ["you"]:
        tail = " ".join(_first_person(written[verb_at + 2 :], lang) or ["…"])
    if (
        gives
        and tail
        and not (_starts_with_a_preposition(tail, lang) or _opens_on_a_verb(tail, lang))
    ):
        sentence = f"{prefix} {RECEIVE[lang]} {tail}".strip()
    elif objects and rest[0] in ("vous", "you"):
        subject = " ".join(written[lead:subject_end])
        if toks[lead] in ("nous", "we"):
            subject = "on" if lang == "fr" else "they"
        moved = _first_person(written[verb_at:], lang) or []
        if len(moved) < 1:
            return None
        if lang == "fr":
            verb = _third_singular(moved[0]) if toks[lead] == "nous" else moved[0]
            if verb is None:
                return None
            me = "m'" if fold(verb)[:1] in tuple("aeiouyh") else "me "
            sentence = f"{prefix} {subject} {me}{verb} {' '.join(moved[1:])}".strip()
        else:
            verb = moved[0]
            plural = toks[lead] in ("we", "we'll", "they") or toks[subject_end - 1].endswith("s")
            if english_i(fold(verb), third_person=not plural) is None:
                return None  # "the items you returned are…": "you" is a subject there
            sentence = f"{prefix} {subject} {verb} me {' '.join(moved[1:])}".strip()
    elif lang == "en" and "you" in toks[verb_at + 1 :]:
        subject = {"we": "they", "our": "the"}.get(toks[lead], written[lead])
        moved = _first_person(written[lead + 1 :], lang) or []
        if not moved:
            return None
        sentence = f"{prefix} {subject} {' '.join(moved)}".strip()
    else:
        return None
    return reads_as_customer(sentence, lang)


def _addressed(written: list[str], toks: list[str], lead: int, lang: Lang) -> str | None:
    """A step that speaks to the customer ("vous", "you" as its subject) said by the
    customer. French: the verb after "vous" conjugated surely (not a reflexive "vous vous
    inscrivez", nor a negation), "votre" made "mon" or "ma" when the noun's gender is
    known; English: "you" is "I" where it acts, "me" where it is acted on."""
    if lang == "en":
        turned = _first_person(written, lang)
        return " ".join(turned) if turned else None
    verb_at = lead + 1
    if verb_at >= len(toks) or toks[verb_at] in ("vous", "ne", "n'", "en", "y"):
        return None
    if "'" in toks[verb_at]:
        return None  # "Si vous n'avez pas": a negation, not turned
    form = french_vous_je(written[verb_at].strip(",.;:!?"))
    if form is None:
        return None
    rest = written[verb_at + 1 :]
    for at, word in enumerate(rest):
        if fold(word).strip(",.;:!?") != "votre":
            continue
        noun = fold(rest[at + 1]).strip(",.;:!?") if at + 1 < len(rest) else ""
        gender = "m" if noun[:1] in tuple("aeiouyh") else french_gender(noun)
        if gender is None:
            return None  # "votre" before a noun of unknown gender: "mon" or "ma"?
        rest[at] = word.replace(word.strip(",.;:!?"), "ma" if gender == "f" else "mon")
    tail = _first_person(rest, lang)
    if tail is None:
        return None
    je = "j'" if elided(form) == "j'" else "je "
    return " ".join([*written[:lead], je + " ".join([form, *tail])])


def reads_as_customer(
    sentence: str | None, lang: Lang, kept: frozenset[str] = frozenset()
) -> str | None:
    """The customer's version, capitalised, when it reads as the customer's own: the
    company, left in it, speaks of itself as "they" ("If they need more information,
    they'll contact me"); a version that still addresses "you", reads in another voice
    than the customer's, or opens on an order ("Click the link to view orders I placed")
    is no example, and the hint keeps its general one. `kept`: the words left as
    written on purpose ("Customer finds your store": the team's store)."""
    if not sentence:
        return None
    words = sentence.split()
    if lang == "en":
        words = [_they(w) for w in words]
    folded = [fold(w).strip(",.;:!?()…") for w in words]
    if any((w in _ADDRESSED[lang] and w not in kept) or _order_to_me(w) for w in folded):
        return None  # "contactez-nous": an order to the customer left in it
    if _an_order_left(words, folded, lang):
        return None
    sentence = " ".join(words)
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if classify(sentence, lang, ()).kind == "first" else None


def _an_order_left(words: list[str], folded: list[str], lang: Lang) -> bool:
    """Whether the customer's version still gives the customer an order: it opens on one
    ("Click the link to view orders I placed", "Demander me si..."), a "please" or a
    French "-ez" form is left in it ("please place it in a bag", "sachez que", "et
    pourrez suivre"), or a leading clause is followed by one ("Once I have all the
    details, proceed...", "If the adjuster fails, ASK!")."""
    first = next((w for w in folded if w not in LEADING[lang]), "")
    if lang == "fr":
        infinitive = first.endswith(("er", "ir", "re")) and french_je(first, third_person=False)
        return bool(infinitive) or any(w.endswith("ez") and w not in NOT_VOUS_FORMS for w in folded)
    if "please" in folded or (first not in _NOT_ORDERS and english_i(first, third_person=False)):
        return True
    if not set(folded[:2]) & _EN_SUBORDINATORS:
        return False
    for at, word in enumerate(words[:-1]):
        after = folded[at + 1]
        if word.endswith(",") and after not in _NOT_ORDERS and english_i(after, third_person=False):
            return after.isalpha() and english_i(after, third_person=True) is None
    return False


def _order_to_me(word: str) -> bool:
    """ "contactez-nous", "adressez-vous": an order left in the sentence (not the noun
    "rendez-vous")."""
    return word.endswith(("-nous", "-vous")) and word != "rendez-vous"


def _they(word: str) -> str:
    """ "we" -> "they", "(our" -> "(their": the company, said by the customer."""
    core = word.strip(",.;:!?()…")
    swap = _THEY.get(core.lower())
    return word.replace(core, swap, 1) if swap and core else word


# The company speaking of itself, once the customer tells the step: "they".
_THEY = {"we": "they", "we'll": "they'll", "we're": "they're", "we've": "they've",
         "we'd": "they'd", "us": "them", "our": "their", "ours": "theirs",
         "we’ll": "they’ll", "we’re": "they’re", "we’ve": "they’ve"}  # fmt: skip
# Words that would still speak to the customer, or keep the company's "nous".
_ADDRESSED = {
    "fr": lex("vous votre vos nous notre nos"),
    "en": lex("you your yours yourself you're you'll you've you'd"),
}


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


# After these, "you" is a subject ("once you have received it": "once I have"), and
# before these ("you can", "you paid").
_EN_SUBORDINATORS = lex(
    "when once if until that so and while after before as what where whether because "
    "unless though although since how moment"
)
_EN_AUXILIARIES = lex(
    "can could will would shall should may might must have has had are were do did need "
    "want cannot can't won't don't didn't"
)
# The auxiliaries after which "you" is a question's subject ("will you", "can you"); not
# the verbs that also take "you" as an object ("we want you to sign", "we have you").
_EN_QUESTION_MODALS = _EN_AUXILIARIES - lex("have has had are were need want")
_EN_SUBJECT_YOU = {"you're": "I'm", "you've": "I've", "you'll": "I'll", "you'd": "I'd"}
_EN_AM = {"are": "am", "were": "was", "aren't": "am not", "weren't": "wasn't"}
# After these, "vous" is a subject the hint cannot conjugate ("pendant que vous vous
# déplacez"): no example.
_FR_SUBORDINATORS = lex("que qu' si quand lorsque ou comme et dont")
_PREPOSITIONS = {
    "fr": lex("a au aux en dans par pour sur avec chez vers"),
    "en": lex(
        "in on at by for with to from into within via against about of over under through "
        "without between among toward towards upon"
    ),
}
# Words that open a sentence without being an order ("If", "The agent", "Under normal
# circumstances"), which `english_i` would take for a verb.
_NOT_ORDERS = (
    _EN_SUBORDINATORS
    | _PREPOSITIONS["en"]
    | DETERMINERS["en"]
    | lex("i i'm i'll i've i'd they they'll they're they've it it's there this")
)
_NOT_SUBJECTS = {"fr": lex("apres avant lors pendant des que"), "en": lex("after before as")}


def _starts_with_a_preposition(tail: str, lang: Lang) -> bool:
    """ "Émetteur transmet à FEVES", "We deliver in PDF", "Supplier delivers → Admin": what
    is given is not named, so "Je reçois à FEVES" would be no sentence."""
    first = fold(tail.split()[0]).strip(",.;:!?")
    return first in _PREPOSITIONS[lang] or not any(c.isalnum() for c in first)


# Verbs that cannot follow "I receive": what was taken for the thing given was the
# subject ("Return shipping is free to customers" is no "I receive is free").
_FINITE = {
    "en": lex("is are was were be been has have had will can"),
    "fr": lex("est sont sera seront ont peut"),  # not "a": "Je reçois a" is rare, "a" English
}


def _opens_on_a_verb(tail: str, lang: Lang) -> bool:
    return fold(tail.split()[0]).strip(",.;:!?") in _FINITE[lang]


def _first_person(words: list[str], lang: Lang) -> list[str] | None:
    """`words` with the customer's "vous"/"you" said by the customer: "me" where the
    customer is acted on, "I" where the customer acts ("when I can sign in", "I am");
    None for a French "vous" that acts (its verb would need conjugating)."""
    out: list[str] = []
    subject = False
    for at, word in enumerate(words):
        folded = fold(word).strip(",.;:!?")
        before = fold(words[at - 1]) if at else ""
        after = fold(words[at + 1]).strip(",.;:!?") if at + 1 < len(words) else ""
        if subject and folded in _EN_AM:
            out.append(word.replace(word.strip(",.;:!?"), _EN_AM[folded]))
            subject = False
            continue
        subject = False
        if lang == "en" and folded in _EN_SUBJECT_YOU:
            out.append(word.replace(word.strip(",.;:!?"), _EN_SUBJECT_YOU[folded]))
            continue
        acts = (
            not at
            or before[-1:] in ",;:"
            or before.strip(",.;:!?") in (_EN_SUBORDINATORS if lang == "en" else _FR_SUBORDINATORS)
        )
        if folded in ("you", "vous") and lang == "en":
            acts = acts or after in _EN_AUXILIARIES or after in EN_PAST_FORMS
            acts = acts or (after.endswith("ed") and before not in _PREPOSITIONS["en"])
            # a question's subject after its modal: "what will you be doing" -> "will I"
            acts = acts or before in _EN_QUESTION_MODALS
            # "the information you submit": after a noun, not a verb ("let you know")
            # nor a preposition ("to you"), "you" acts
            acts = acts or (
                before.isalpha()
                and before not in _PREPOSITIONS["en"]
                and not before.endswith("ing")
                and english_i(before, third_person=False) is None
                and english_i(after, third_person=False) is not None
            )
            if acts:
                out.append(word.replace(word.strip(",.;:!?"), "I"))
                subject = True
                continue
        if folded == "vous" and lang == "fr" and acts:
            return None
        out.append(_first_person_object(word, lang))
    if lang == "fr":
        for at in range(len(out) - 1):
            if out[at] == "me" and fold(out[at + 1])[:1] in tuple("aeiouyh"):
                out[at], out[at + 1] = "", "m'" + out[at + 1]
        out = [w for w in out if w]
    return out


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


def _third_singular(verb: str) -> str | None:
    """ "rappelons" -> "rappelle": the "nous" form of a first-group verb, said with "on";
    None for a third-group one ("recevons" is "reçoit", not "receve")."""
    if verb.endswith("ons") and len(verb) > 5:
        stem = verb[:-3]
        if irregular_stem(stem):
            return None
        if stem.endswith("ge"):  # "changeons" -> "change", "plaçons" -> "place"
            return stem
        stem = stem[:-1] + "c" if stem.endswith("ç") else stem
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
    kept = frozenset(_MINE[lang]) - frozenset(swaps)  # "your store" stays the team's
    return reads_as_customer(f"{opening} {tail}".strip() + ("…" if cut else ""), lang, kept)


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
        if fold(verb) in _EN_SUBORDINATORS:
            return None  # "Once your return has shipped, ...": no verb opens it
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
