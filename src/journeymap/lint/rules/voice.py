"""JM4xx, golden rule 4: put yourself in the customer's place and use the customer's "je".

"Je recherche une robe d'été", "je consulte la collection sur internet": a step is
something the customer does or lives, told by the customer. A step in the company's
voice ("Nous envoyons le devis") or without a subject ("Simulation de prêt") describes
the company's process and hides what the customer goes through.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from journeymap.lint.rule import Finding, LintConfig, Loc, rule

if TYPE_CHECKING:
    from journeymap.lint.sentence import Cast, Lang
    from journeymap.model.journey import Journey

EXAMPLE = {"fr": "Je compare les offres", "en": "I compare the offers"}
SUBJECT = {"fr": "« je »", "en": '"I"'}

Kind = Literal["first", "company", "customer", "no-subject", "foreign", "other"]


@dataclass(frozen=True, slots=True)
class Voice:
    kind: Kind
    word: str = ""
    text: str = ""
    declared: bool = False
    """The subject is a staff member or a system the journey declares (its cast)."""
    lang: str = ""
    """The language the text was read in, which its hint speaks: an English map without
    `lang` was told 'with « je », e.g. Je compare les offres'."""
    task: bool = False
    """The step is `word`'s task, without the persona: told as its own `frontstage`
    action (a Mermaid task the diagram gave to others alone)."""


@lru_cache(maxsize=8192)
def classify(
    text: str, lang: str, company_extra: tuple[str, ...] = (), lang_given: bool = True
) -> Voice:
    """Whose voice a step is told in, read as a sentence (journeymap.lint.sentence).

    A step written in the other language is read in that language: when the journey has
    no `lang`, silently; when it has one, a first-person step in the other language is
    reported as such ("foreign"), since the map's language is a choice the team made.
    Cached: the four voice rules each ask about every step.
    """
    from journeymap.lint.sentence import classify as read
    from journeymap.lint.sentence import guess_lang, unreadable

    if unreadable(text):
        # "雪球开始变大" read as French or English got "start with I" on every step of a
        # Chinese journey, "Hệ thống tạo ticket" 'He' in the third person, "Der Kunde
        # bekommt das Paket" the company's voice: a text these rules cannot read is left
        # to its authors.
        return Voice("first", "", text)
    own: Lang = "en" if lang == "en" else "fr"
    guessed = guess_lang(text)
    if guessed is not None and guessed != own:
        voice = read(text, guessed, company_extra)
        if lang_given and voice.kind == "first":
            return Voice("foreign", "Je" if guessed == "fr" else "I", lang=own)
        # Read as the map's language, "We send the quote" in a French map had "no
        # subject ('We...')": a text is read in its own language, whoever speaks.
        return Voice(voice.kind, voice.word, text, lang=guessed)
    voice = read(text, own, company_extra)
    return Voice(voice.kind, voice.word, text, lang=own)


def journey_cast(journey: Journey, lang: str) -> Cast:
    """Who the journey declares: its persona, and the staff and systems named in its fields.

    Stakeholders, a step's `actors` and `systems`, its lanes' `actor` and `system`
    (format 1.1), and the brands in its channels' names ("App Doctolib") are the
    company's people and tools; a step that opens on one of them is their work, not the
    customer's. Files without these fields get an empty cast.
    """
    from journeymap.lint.sentence import brand_names, cast, staff_role

    staff = [s.name for s in journey.stakeholders]
    staff += brand_names((c.name for c in journey.channels), "en" if lang == "en" else "fr")
    for _, _, _, step in journey.iter_steps():
        staff += [*step.actors, *step.systems]
        for _, actions in step.lanes():
            staff += [name for a in actions for name in (a.actor, a.system) if name]
    own: Lang = "en" if lang == "en" else "fr"
    persona = journey.persona.name if journey.persona is not None else None
    # A staff persona ("Julie, gestionnaire") is the company, by name too.
    return cast(persona, staff, own, persona is not None and staff_role(persona, own))


def recast(
    kind: str, text: str, lang: str, people: Cast
) -> tuple[Literal["company", "customer"], str] | None:
    """The voice once the journey's cast is known: "Lucie" the persona, "FEVES" the actor.

    None when the cast does not change it. A staff persona at work ("Admin valide") stays
    the company's.
    """
    from journeymap.lint.sentence import declared_subject, staff_role

    if kind in ("first", "foreign"):
        return None
    own: Lang = "en" if lang == "en" else "fr"
    found = declared_subject(text, own, people)
    if found is None:
        return None
    role, name = found
    if role == "company":
        return "company", name
    if kind == "company" and staff_role(name, own):
        return None
    return "customer", name


def _recast(voice: Voice, text: str, lang: str, people: Cast) -> Voice:
    changed = recast(voice.kind, text, lang, people)
    if changed is None:
        return voice
    return Voice(changed[0], changed[1], text, changed[0] == "company", voice.lang)


def _texts(journey: Journey) -> Iterator[str]:
    yield from (stage.name for stage in journey.stages)
    yield from (step.text for _, _, _, step in journey.iter_steps())


Read = tuple[Loc, str, Voice]


def reading_lang(journey: Journey) -> str | None:
    """The language the journey's sentences are read in: its `lang` (`en-GB` is read as
    English), or when it has none, the language most of its texts are in. None for a
    language these rules cannot read (`lang: es`, or no `lang` and texts clearly in
    Spanish, German...): read as French, every Spanish step would be a finding."""
    from journeymap.lint.sentence import journey_in_other_language, journey_lang
    from journeymap.model.langs import read_lang

    if "lang" in journey.model_fields_set:
        return read_lang(journey.lang)
    texts = [stage.name for stage in journey.stages]
    texts += [step.text for _, _, _, step in journey.iter_steps()]
    if journey_in_other_language(texts):
        return None  # a Spanish journey without `lang` is read as `lang: es` is
    return journey_lang(texts, "fr")


_LAST: list[tuple[Journey, LintConfig, list[Read]]] = []
"""The voices of the last journey read: the five voice rules each ask for every step."""


def _voices(journey: Journey, config: LintConfig) -> list[Read]:
    """(data path of the text, step id, voice) of every step, read once per journey.

    `classify`'s cache alone did not do: a journey of more distinct steps than it holds
    (25,000) was read five times over, each rule missing every step, the next one having
    pushed it out; one lint of 1 stage x 25,000 steps took 10 s against validate's 1.6.
    """
    from journeymap.model.langs import read_lang

    if _LAST and _LAST[0][0] is journey and _LAST[0][1] is config:
        return _LAST[0][2]
    given = "lang" in journey.model_fields_set
    lang = reading_lang(journey)
    steps = list(journey.iter_steps())
    if lang is None:
        # A language the rules cannot read (`lang: es`) is left to its authors, as a
        # text in another script is.
        voices = [Voice("first", "", step.text) for _, _, _, step in steps]
    else:
        extra = config.company_words.get(read_lang(journey.lang) or "", ())
        people = journey_cast(journey, lang)
        voices = [
            _recast(classify(step.text, lang, extra, given), step.text, lang, people)
            for _, _, _, step in steps
        ]
    found: list[Read] = []
    for (stage_index, _, step_index, step), voice in zip(steps, voices, strict=True):
        others = step.acted_by()
        if others:
            # A step the persona does not live (`Step.acted_by`) is its actors' work,
            # whatever its words: "Load Model Artifacts" done by the System is not a
            # customer's step without a subject, in any language.
            voice = Voice("company", ", ".join(others), step.text, True, voice.lang, task=True)
        found.append((("stages", stage_index, "steps", step_index, "text"), step.id, voice))
    _LAST[:] = [(journey, config, found)]
    return found


def _said_in(voice: Voice, journey: Journey) -> Lang:
    """The language a step's hint speaks: the one its text was read in (`en-GB` English),
    English for a language the rules cannot read."""
    from journeymap.model.langs import read_lang

    return "fr" if read_lang(voice.lang or journey.lang) == "fr" else "en"


def _steps(journey: Journey, config: LintConfig, kind: Kind) -> Iterator[Read]:
    """(data path of the text, step id, voice) of the steps told in the voice `kind`."""
    return (read for read in _voices(journey, config) if read[2].kind == kind)


@rule("JM401", "not-first-person", "warning")
def not_first_person(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step is not told in the customer's first person ("Je"/"J'" in fr, "I" in en).

    Golden rule 4: put yourself in the customer's place and use the customer's "je".
    Leading adverbs ("Ensuite je", "Puis j'", "Then I"), elision with any apostrophe
    ("J'ai", "J’ai") and a leading clause ("Après la livraison, j'ai...") are all
    first person. A step in the other language's first person is reported with the
    journey's `lang`. Company voice and steps without a subject have their own rules
    (JM402, JM403, JM404).

    Bad (fr): `text: La température baisse`
    Good (fr): `text: Je sens le froid arriver`
    Bad (en): `text: Prices are compared on other sites`
    Good (en): `text: Then I compare prices on other sites`
    """
    for loc, step_id, voice in _steps(journey, config, "other"):
        lang = _said_in(voice, journey)
        yield Finding(
            loc,
            f"step '{step_id}' is not told in the customer's first person: start "
            f"with {SUBJECT[lang]}, e.g. '{EXAMPLE[lang]}'",
        )
    for loc, step_id, voice in _steps(journey, config, "foreign"):
        yield Finding(
            loc,
            f"step '{step_id}' starts with '{voice.word}' but the journey's lang is "
            f"{journey.lang}: write the step in the journey's language, or set "
            f"lang: {'fr' if journey.lang.lower().startswith('en') else 'en'}",
        )


@rule("JM402", "company-voice", "error")
def company_voice(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step is told in the company's voice ("Nous", "On", "Le conseiller", "We", "Our").

    Golden rule 4: the step is what the customer does or lives, not what the company
    does to the customer. Rewrite it from the other side of the counter. Teams add
    their own actors (a brand name, "L'agence") with `company-words`.

    Bad (fr): `text: Nous envoyons le devis par e-mail`
    Good (fr): `text: Je reçois le devis par e-mail`
    Bad (en): `text: We send the quote by email`
    Good (en): `text: I receive the quote by email`
    """
    from journeymap.lint.sentence import customer_version

    for loc, step_id, voice in _steps(journey, config, "company"):
        lang = _said_in(voice, journey)
        turned = customer_version(voice.text, lang)
        example = f", e.g. '{turned}'" if turned else ""
        if voice.task:
            yield Finding(
                loc,
                f"step '{step_id}' is done by {voice.word}, without the persona (the "
                "step's own `frontstage` action): move that action to the customer step "
                "it serves, or tell here what the customer does or receives, with "
                f"{SUBJECT[lang]}",
            )
            continue
        lane = (
            f"what '{voice.word}' does goes in the step's `frontstage` lane, or `backstage` "
            "if the customer does not see it (format 1.1); "
            if voice.declared
            else ""
        )
        yield Finding(
            loc,
            f"step '{step_id}' is told in the company's voice ('{voice.word}'): {lane}"
            f"tell what the customer does or receives, with {SUBJECT[lang]}{example}",
        )


@rule("JM403", "customer-third-person", "error")
def customer_third_person(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step speaks of the customer from outside ("Le client", "Il", "The customer").

    Golden rule 4: the map is told by the customer, not about the customer. "The
    customer compares prices" keeps the team at a distance; "I compare prices" puts
    it in the customer's place.

    Bad (fr): `text: Le client compare les prix`
    Good (fr): `text: Je compare les prix`
    Bad (en): `text: The customer compares prices`
    Good (en): `text: I compare prices`
    """
    for loc, step_id, voice in _steps(journey, config, "customer"):
        lang = _said_in(voice, journey)
        yield Finding(
            loc,
            f"step '{step_id}' speaks of the customer in the third person "
            f"('{voice.word}'): let the customer tell it, with {SUBJECT[lang]}"
            f"{_told_by_the_customer(voice, lang, '')}",
        )


@rule("JM404", "step-without-subject", "warning")
def step_without_subject(journey: Journey, config: LintConfig) -> Iterator[Finding]:
    """A step has no subject: a noun or an infinitive ("Simulation de prêt", "Payer").

    Golden rule 4: "Simulation de prêt" names a function of the company; "Je simule
    mon prêt" is a moment the customer lives, with a feeling that can be mapped.

    Bad (fr): `text: Simulation de prêt en ligne`
    Good (fr): `text: Je simule mon prêt en ligne`
    Bad (en): `text: Selection of a plan`
    Good (en): `text: I choose a plan`
    """
    for loc, step_id, voice in _steps(journey, config, "no-subject"):
        lang = _said_in(voice, journey)
        yield Finding(
            loc,
            f"step '{step_id}' has no subject ('{voice.word}...'): make the "
            f"customer the subject, with {SUBJECT[lang]}"
            f"{_told_by_the_customer(voice, lang, EXAMPLE[lang])}",
        )


def _told_by_the_customer(voice: Voice, lang: Lang, otherwise: str) -> str:
    """', e.g. ...' with the step itself told by the customer when it can be turned
    surely ("Réserver une visite" -> "Je réserve une visite"), else `otherwise`."""
    from journeymap.lint.sentence import first_person_version

    turned = first_person_version(voice.text, lang, voice.kind, voice.word)
    if turned is None and voice.kind == "no-subject":
        from journeymap.lint.sentence.nominal import nominal_version
        from journeymap.lint.sentence.rewrite import reads_as_customer

        turned = reads_as_customer(nominal_version(voice.text, lang), lang)
    example = turned or otherwise
    return f", e.g. '{example}'" if example else ""
