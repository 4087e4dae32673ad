"""Whose voice a step is told in: the customer's "je", the company, the customer from outside."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from journeymap.lint.sentence.lemmas import EN_IRREGULAR_FORMS, EN_PAST_FORMS, has_lemma
from journeymap.lint.sentence.people import acronym_subject, named_subject
from journeymap.lint.sentence.tokens import Kind, Lang, lex, words
from journeymap.lint.sentence.voice_words import (
    BE_EN,
    COMPANY_VERBS,
    CUSTOMER_NOUNS,
    DETERMINERS,
    ED_IMPERATIVES,
    FAMILY_WORDS,
    FIRST,
    HOUSEHOLD,
    IMPERSONAL_FR,
    IMPERSONAL_IL,
    LEADING,
    MY,
    NOT_VOUS_FORMS,
    NOUN_SUFFIXES,
    OURS,
    PARTICIPLE_END_EN,
    PARTICIPLE_FR,
    PARTICIPLE_HEADLINE_EN,
    PASSIVE_EN,
    PASSIVE_FR,
    STAFF_NOUNS,
    THIRD_PRONOUNS,
    YOU,
)
from journeymap.lint.sentence.work_words import STAFF_ROLES, office_agent
from journeymap.lint.text import fold


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


def _strip_leading(toks: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    while toks and (toks[0] in LEADING[lang] or toks[0] == "," or toks[0][0].isdigit()):
        toks = toks[1:]
    return toks


@lru_cache(maxsize=16384)
def classify(text: str, lang: Lang, company_extra: tuple[str, ...] = ()) -> Voice:
    """The voice of a step, read from where its persons and its subject are."""
    toks = _contracted(words(text), lang)
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
    # An imperative with the company as its object speaks to the customer, who acts:
    # "Allow us two days", "Contactez-nous", "Tell us what you think".
    if _addressed_imperative(toks, text, lang):
        return Voice("no-subject", _display(text, 1))
    # An order to the customer, whatever it names of the company's: "Consultez notre guide
    # des tailles", "Fill out the form and tell us your story", "Si vous constatez un
    # débit, contactez-nous", "Please check your spam folder for our email".
    if _order_to_the_reader(text, lang):
        return Voice("no-subject", _display(text, 1))
    # 3. The company's or the reader's voice anywhere ("... our team will", "... to you").
    ours = next((t for t in toks if t in OURS[lang]), None)
    if ours is not None:
        if _household(toks, lang):
            return Voice("first")
        return Voice("company", ours.capitalize())
    if any(t in YOU[lang] for t in toks) and not _imperative(text, lang):
        return Voice("company", "Vous" if lang == "fr" else "You")
    persons = [t for i, t in enumerate(toks) if i and t in THIRD_PRONOUNS[lang]]
    if lang == "fr" and IMPERSONAL_IL.search(fold(text)):
        persons = [t for t in persons if t != "il"]  # "il s'agit", "il faudra": no one
    if persons and not IMPERSONAL_FR.match(fold(text)):
        pronoun = persons[0]
        return Voice("customer", pronoun.capitalize())
    # 4. A question with no one else named is the customer's own: "Où est ma commande ?"
    if "?" in toks:
        return Voice("first")
    return _no_subject_or_other(_main(toks, clause, lang) or head or toks, text, lang)


def _contracted(toks: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    """ "you'll", "we're", "they've": the pronoun without its contraction, as in "you will".

    Read as "you'" and "ll", the pronoun went unseen and "You'll receive an email" had
    no subject (JM404). French elisions ("j'", "l'") keep their apostrophe.
    """
    if lang != "en":
        return toks
    return tuple(
        t[:-1] if t.endswith("'") and t[:-1] in _PERSONS and toks[i + 1 : i + 2] in _TAILS else t
        for i, t in enumerate(toks)
    )


_PERSONS = frozenset({"you", "we", "they", "he", "she"})
_TAILS = (("ll",), ("re",), ("ve",), ("d",), ("s",))


def _main(head: tuple[str, ...], clause: tuple[str, ...], lang: Lang) -> tuple[str, ...]:
    """The main clause: after a leading phrase's comma, unless the text opens on its subject.

    "Après la visite, payer en caisse": the clause after the comma. "Les commandes sont
    expédiées sous 48 heures, sous réserve de disponibilité": a subject phrase of its own
    opens the text (an article and a verb before the comma), and what follows the comma
    is a trailing phrase.
    """
    if clause and head and head[0] in DETERMINERS[lang] and "," in head:
        before = head[: head.index(",")]
        if len(before) >= 4:
            return head
    return clause


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
    if lang == "fr" and first == "il" and IMPERSONAL_IL.match(" ".join(start).replace("' ", "'")):
        return Voice("other", "Il")
    noun_at = 1 if first in DETERMINERS[lang] or first in ("notre", "nos", "our") else 0
    if not noun_at and first in _QUANTIFIERS[lang] and start[1:2]:
        noun_at = 1  # "Certaines banques demandent", "All shelters will need"
    noun = start[noun_at] if len(start) > noun_at else ""
    following = start[noun_at + 1 : noun_at + 4]
    head = _staff_head(start, noun_at, lang)
    if head is not None and (noun_at or _verb_after(start, head, lang)):
        word = _as_written(start[: head + 1], text)
        return Voice("company", word)
    if noun in CUSTOMER_NOUNS[lang] and (
        noun_at or _finite_after(following, lang, plural=noun.endswith("s"))
    ):
        return Voice("customer", _as_written(start[: noun_at + 1], text))
    if first in THIRD_PRONOUNS[lang]:
        return Voice("customer", first.capitalize())
    # "Lucie télécharge le rapport": a persona by name, unless the customer is its object
    # ("Suguba appelle le client": a brand at work), or the text asks ("Quels sont les
    # délais ?", "Where does this product ship from?": the customer's own question).
    acronym = acronym_subject(start, text, lang)
    if acronym is not None:
        return Voice("company", acronym)
    name = named_subject(start, text, lang) if "?" not in toks else None
    if name is not None and not any(t in CUSTOMER_NOUNS[lang] or t in YOU[lang] for t in toks):
        return Voice("customer", name)
    return None


def _as_written(phrase: tuple[str, ...], text: str) -> str:
    """The subject as the step writes it, accents kept ("Le propriétaire", not "Le
    proprietaire"), capitalised: the message quotes the writer's words."""
    folded = " ".join(phrase).replace("' ", "'")
    for word_start in (m.start() for m in re.finditer(r"\b\w", text)):
        for end in range(
            word_start + len(folded), min(len(text), word_start + 2 * len(folded)) + 1
        ):
            if fold(text[word_start:end]) == folded:
                found = text[word_start:end]
                return found[:1].upper() + found[1:]
    return folded.capitalize()


def _addressed_imperative(toks: tuple[str, ...], text: str, lang: Lang) -> bool:
    """ "Allow us 10 minutes", "Contactez-nous": a verb, then "us"/"nous" as its object."""
    if len(toks) < 2 or toks[1] not in ("us", "nous") or toks[0] in OURS[lang]:
        return False
    if lang == "fr":
        return _imperative(text, lang)
    return toks[0] not in DETERMINERS[lang] and toks[0] not in THIRD_PRONOUNS[lang]


def _staff(token: str, lang: Lang) -> bool:
    """A staff member, a role a journey may follow, or a system, singular or plural."""
    nouns = STAFF_NOUNS[lang] | STAFF_ROLES[lang]
    plural = len(token) > 3 and token.endswith("s") and token[:-1] in nouns
    return token in nouns or plural or office_agent(token, lang)


# Words that quantify a subject the way an article does.
_QUANTIFIERS = {
    "fr": lex("certains certaines plusieurs quelques chaque"),
    "en": lex("all some many most several certain each every"),
}


def _staff_head(start: tuple[str, ...], noun_at: int, lang: Lang) -> int | None:
    """Where a subject phrase headed by a staff noun ends, or None.

    "Expert examine", "Les services compétents traitent", and in English a compound whose
    last noun is the staff one: "The hotel reservation system freezes", "A loan processor
    will open", "Customer service representatives review" (the customer names the
    service, not the subject). A French subject is one noun (and its adjectives), and
    "L'expert est missionné" is a passive. Without an article, an English compound must
    open on a noun ("Recommendation model runs"), not a verb ("Add team members").
    """
    span = 4 if lang == "en" else 1
    for k in range(noun_at, min(len(start), noun_at + span)):
        if not _staff(start[k], lang):
            continue
        if k > noun_at:
            opening = start[noun_at]
            nominal = _looks_nominal(start[noun_at:], lang) or opening in CUSTOMER_NOUNS[lang]
            if not _modifiers(start[noun_at:k], lang) or not (noun_at or nominal):
                return None
        while lang == "en" and k + 1 < len(start) and _staff(start[k + 1], lang):
            k += 1  # "Kitchen operations": the last noun heads the phrase
        if lang == "fr" and _passive_fr(start[k + 1 : k + 3]):
            return None
        return k
    return None


def _verb_after(start: tuple[str, ...], head: int, lang: Lang) -> bool:
    """Whether a verb follows the staff head: "Expert examine", "warehouse workers use"."""
    after = start[head + 1 : head + 3]
    plural = lang == "en" and start[head].endswith("s") and start[head][:-1] in STAFF_NOUNS[lang]
    if plural and after and after[0].isalpha() and after[0] not in _NOT_VERBS:
        return True
    return _finite_after(after, lang)


# What follows an English plural noun without being its verb.
_NOT_VERBS = frozenset({"and", "or", "of", "in", "on", "at", "for", "with", "to", "the", "a"})


def _modifiers(before: tuple[str, ...], lang: Lang) -> bool:
    """Nouns modifying an English head: no article, verb form or conjunction among them."""
    return all(
        w[0].isalpha()
        and w not in DETERMINERS[lang]
        and not w.endswith("ed")
        and w not in ("and", "or", "which", "what", "who", "how", "will")
        for w in before
    )


def _passive_fr(after: tuple[str, ...]) -> bool:
    """ "est missionné", "sont validés": être and a participle."""
    return (
        len(after) == 2
        and after[0] in ("est", "sont", "sera", "seront", "etait", "etaient")
        and after[1].endswith(("e", "es", "is", "ise", "ises"))
    )


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
        any(t in FAMILY_WORDS for t in toks)
    )


def _company_evidence(rest: tuple[str, ...], toks: tuple[str, ...], lang: Lang) -> bool:
    if any(t in YOU[lang] or t in ("votre", "vos", "your") for t in toks):
        return True
    if any(t in CUSTOMER_NOUNS[lang] for t in toks):
        return True
    verbs = [t for t in rest[:3] if t[0].isalpha() and t not in ("ne", "n'", "vous", "lui", "y")]
    return bool(verbs) and has_lemma(verbs[0], lang, COMPANY_VERBS[lang])


def _finite_after(following: tuple[str, ...], lang: Lang, *, plural: bool = False) -> bool:
    """Whether the word after a bare noun looks like its verb: "Client entre", "User
    stars", "Customer ordered the wrong item", "Customers notify insurers", "Patients
    often feel"; not "Customer service", "Customer satisfaction survey"."""
    if not following:
        return False
    word = following[0]
    if lang == "en":
        if word in _FREQUENCY and following[1:]:
            word = following[1]  # "Patients often feel"
        plural_noun = word.endswith(("ss", "us", "sis"))
        if (word.endswith("s") and not plural_noun) or word in _EN_MODALS:
            return True
        if word.endswith("ed") or word in EN_PAST_FORMS:
            # "Customer ordered the wrong item", "Users completed a form": a past with
            # its object; "Customer notified (of the decision)" is a passive headline.
            after = following[following.index(word) + 1 : following.index(word) + 2]
            return word not in _NOT_PAST and bool(after) and after[0] in DETERMINERS[lang]
        # "Customers notify": a plural's verb has no -s; one a noun phrase never holds
        return plural and word in _PLURAL_VERBS
    return word[0].isalpha() and word not in DETERMINERS[lang] and word not in ("de", "d'", "du")


_EN_MODALS = frozenset({"should", "can", "will", "must", "may", "need", "cannot", "could"})
_FREQUENCY = frozenset({"often", "always", "usually", "never", "then", "also", "typically",
                        "sometimes", "first", "still", "just", "now", "only"})  # fmt: skip
# Past forms that are adjectives a bare noun takes ("Customer-based", "User generated").
_NOT_PAST = frozenset({"based", "generated", "centered", "centred", "focused", "led", "owned"})
# The verbs a plural customer noun opens a step with, bare ("Customers notify insurers",
# "Users sign in", "Students pick a slot").
_PLURAL_VERBS = lex(
    "notify pay choose pick book buy order visit call receive get go come need want "
    "sign log browse search compare read see find select submit upload download fill "
    "create open enter leave return send contact ask click use feel try start complete "
    "register apply check track wait arrive review rate give share join install scan "
    "provide request report make take keep learn discover decide"
)


# The verbs a company's instructions open on, bare, telling the customer what to do;
# not those as often the noun of a status line ("Order confirmed", "Return initiated",
# "Email account created", "Complete file packaged").
_EN_ORDERS = lex(
    "fill click select submit send share tell contact check go visit add choose enter "
    "upload download sign log open create confirm repeat consult read follow pack print "
    "attach include provide allow keep make wait let bring enable install apply register "
    "ask find remember ensure reach"
)


def _order_to_the_reader(text: str, lang: Lang) -> bool:
    """Whether the main clause opens on an order to the reader: a French "vous" form
    ("Consultez", "Veuillez", "N'oubliez pas", "contactez-nous" after "Si vous...,"), an
    English bare verb of instructions, "please" before it or not."""
    if text.rstrip().endswith("?") or (lang == "en" and _status_headline(text)):
        return False  # "Avez-vous des projets ?", "Livrez-vous à l'international ?"
    clauses = [c.strip() for c in re.split(r"[,;:.!?]\s+", fold(text)) if c.strip()]
    for clause in clauses[:2]:
        words_ = clause.split()
        if words_[:1] == ["please"] or words_[:1] == ["simply"]:
            words_ = words_[1:]
        first = words_[0] if words_ else ""
        if lang == "fr":
            if first in ("n'oubliez", "veuillez") or re.fullmatch(
                r"[a-z]+ez(-vous|-nous|-le|-la|-les|-moi)?", first
            ):
                return first not in NOT_VOUS_FORMS and len(first) > 4
        elif first in _EN_ORDERS and words_[1:2] != ["-"]:
            return True
        if not re.match(r"^(si|lorsque|quand|once|if|when|after|before|to)\b", clause):
            return False  # the main clause is the first: it gave no order
    return False


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


def _participle_headline(head: tuple[str, ...], folded: str) -> bool:
    """ "Ticket created automatically": a passive whose auxiliary is left out.

    The participle must follow a noun phrase: a step that opens on a participle ("Logged
    in with Google") or on a verb ("Shows current dose pulled from schedule", "Gets
    connected to an agent") keeps its elided subject, and a modal makes a clause with a
    subject of its own ("Underwriting will make a decision based on ...").
    """
    match = PARTICIPLE_HEADLINE_EN.match(folded)
    if match is None or len(head) < 2 or head[0].endswith("ed") or head[0] in ED_IMPERATIVES:
        return False
    before = words(match.group(0))
    participle = next(t for t in reversed(before) if t.endswith("ed"))
    if participle in _ADJECTIVAL or any(t in _MODALS for t in before):
        return False
    first = head[0]
    verb_first = first.endswith("s") and not first.endswith(("ss", "us", "is"))
    return not verb_first or head[1] == participle


# Participles read as adjectives or prepositions: "based on", "related to".
_ADJECTIVAL = frozenset({"based", "related", "interested", "needed", "required", "used"})
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall"})


# A thing and what was done to it, the auxiliary left out, closing the line: "Reminder
# sent", "Next Due Date Set", "Credit report fetched, stored securely", "Account created
# (pending)". The thing is the subject (JM401); told "without subject" (JM404), the
# writer was sent the wrong way. English only: in French the same shape is as often a
# noun and its adjective ("Paiement sécurisé", "Recherche avancée"), and reading it so
# misread 51 more French steps of the labelled sets than it fixed.
_HEADLINE = re.compile(
    r"^(?P<thing>[a-z0-9][\w'/&+-]*(?: [\w'/&+-]+){0,4}) (?P<done>[a-z]+)"
    r"(?:(?:,| and) [a-z]+(?: [a-z]+ly)?)?(?: \w+ly)?(?: ?\(.*\))?$"
)
# The irregular participles: those the lemmas know, less "got" and "left" ("Nothing
# left": an adjective), and a few more.
_EN_PARTICIPLES = (EN_IRREGULAR_FORMS - lex("got gotten left")) | lex(
    "bought cut drawn hidden lost shown shut won"
)
# Verbs a participle completes in an order or a wish: "Get paid", "Stay informed".
_LINKING = frozenset(
    {"get", "gets", "got", "getting", "be", "become", "becomes", "keep", "keeps", "stay",
     "stays", "have", "has", "had", "feel", "feels", "seem", "seems", "remain"}
)  # fmt: skip


@lru_cache(maxsize=16384)
def _status_headline(text: str) -> bool:
    """Whether a short English line is a thing and its participle, the auxiliary left out."""
    line = re.sub(r"[^\w\s'/&+(),-]", " ", fold(text))
    match = _HEADLINE.match(" ".join(line.split()).strip(" ,."))
    if match is None:
        return False
    thing, done = match.group("thing").split(), match.group("done")
    if thing[0] in _LINKING or (thing[1:2] and thing[1] in DETERMINERS["en"]):
        return False
    if not (done.endswith("ed") or done in _EN_PARTICIPLES) or done in _NOT_PAST:
        return False
    return not (len(thing) == 1 and thing[0].endswith("ed"))


def _no_subject_or_other(head: tuple[str, ...], text: str, lang: Lang) -> Voice:
    """No person at all: a noun, an infinitive or an imperative (JM404), or a thing (JM401)."""
    first = head[0] if head else ""
    folded = fold(text)
    if lang == "en" and _status_headline(text):
        return Voice("other", _display(text, 1))
    if lang == "fr":
        if IMPERSONAL_FR.match(folded) or first in DETERMINERS["fr"]:
            return Voice("other", _display(text, 1))
        main = text.lower()
        if head and not folded.lstrip(" \"'«“").startswith(head[0]) and "," in main:
            main = main.split(",", 1)[1]  # the main clause after a leading one
        if PASSIVE_FR.search(main) and not re.match(r"^\W*\w+(er|ir|re|ez)\b", main):
            return Voice("other", _display(text, 1))  # "Ton inscription est confirmée"
        if len(head) > 1 and head[1] in ("s'", "se"):
            return Voice("other", _display(text, 1))
        if PARTICIPLE_FR.match(" ".join(text.split())) and not _looks_nominal(head, lang):
            return Voice("other", _display(text, 1))
    else:
        if (
            first in DETERMINERS["en"]
            or first in ("it", "there", "this")
            or PASSIVE_EN.search(folded)
        ):
            return Voice("other", _display(text, 1))
        if PARTICIPLE_END_EN.match(folded) and len(head) > 1 and first not in ED_IMPERATIVES:
            return Voice("other", _display(text, 1))
        if _participle_headline(head, folded):
            return Voice("other", _display(text, 1))
        if any(t in BE_EN for t in head[1:4]) and first not in ED_IMPERATIVES:
            return Voice("other", _display(text, 1))
    return Voice("no-subject", _display(text, 1))
