"""Reading a step as a sentence: its language, who its subject is, whether it is back-office work.

Word lists failed on real writing (tests/corpus): "Il faut que je rappelle" and "Mon colis
arrive" are the customer's own voice though they do not start with "je"; "Reviews
documents manually" and "Mise à jour du stock" are back-office work in words no list
held. So the rules look at the sentence's grammar: where the first person appears (as a
subject, an object or a possessive), what the subject is (a staff member, a system, the
customer seen from outside, a thing), and which verb lemmas and nouns it uses.

Modules, each importing only those above it:
    tokens       folded tokens, closed word lists
    language     which language a text or a journey is in
    lemmas       candidate lemmas, word families (a verb, its forms, its deverbal noun)
    voice_words  work_words   the lexicons, per language
    people       a person named as the subject; the cast a journey declares
    voice        whose voice a step is told in (JM4xx)
    office       the company's own people, premises and goods; a staff task
    records      the company's records kept out of sight; the customer written into them
    customer_side  the customer addressed, told or priced in a text naming the office's work
    internal     whether a text is back-office work (JM3xx)
    conjugate    the customer's "je"/"I" form of a verb, for the hints below
    rewrite      a step turned to the customer's side (the hints of JM402-JM404)
"""

from __future__ import annotations

from journeymap.lint.sentence.internal import Internal, internal_signs, internal_work, staff_role
from journeymap.lint.sentence.language import (
    guess_lang,
    journey_in_other_language,
    journey_lang,
    other_language,
    other_latin_language,
    other_script,
    unreadable,
)
from journeymap.lint.sentence.lemmas import lemmas
from journeymap.lint.sentence.office import customer_asks, staff_task
from journeymap.lint.sentence.people import Cast, brand_names, cast, declared_subject
from journeymap.lint.sentence.rewrite import customer_version, first_person_version
from journeymap.lint.sentence.tokens import Kind, Lang, words
from journeymap.lint.sentence.voice import Voice, classify

__all__ = [
    "Cast",
    "Internal",
    "Kind",
    "Lang",
    "Voice",
    "brand_names",
    "cast",
    "classify",
    "customer_asks",
    "customer_version",
    "declared_subject",
    "first_person_version",
    "guess_lang",
    "internal_signs",
    "internal_work",
    "journey_in_other_language",
    "journey_lang",
    "lemmas",
    "other_language",
    "other_latin_language",
    "other_script",
    "staff_role",
    "staff_task",
    "unreadable",
    "words",
]
