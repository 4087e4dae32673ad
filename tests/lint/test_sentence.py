"""The sentence reading behind JM3xx and JM4xx, on the hard cases of real writing.

Each case comes from the labelling conventions of tests/corpus/README.md; the corpus
itself is measured by benchmarks/corpus.py and guarded in tests/lint/test_corpus.py.
"""

from __future__ import annotations

import pytest

from journeymap.lint.rules.voice import classify
from journeymap.lint.sentence import customer_version, guess_lang, internal_work, lemmas
from tests.lint.base import BASE_FR, lint_text

CUSTOMERS_OWN = [
    ("fr", "Il faut que je rappelle le service client"),  # "je" in a subordinate clause
    ("fr", "On me rappelle dans la journée"),  # someone acts on "me"
    ("fr", "Le conseiller m'appelle pour confirmer"),
    ("fr", "Où est ma commande ?"),  # a question in the customer's head
    ("fr", "Mon colis arrive enfin"),  # a possessive as the subject's determiner
    ("fr", "Si mes enfants changent d'école, il faut prévenir la mairie"),
    ("fr", "On compare les offres avec mon mari"),  # "on" = nous
    ("fr", "Nous ne pouvons pas partir tant que notre employeur n'est pas prévenu"),
    ("en", "If my children change school, we must tell the town hall"),  # household "we"
    ("en", "Where is my parcel?"),
    ("en", "Is this the right bank for me?"),
    ("en", "The agent calls me back"),
]

OTHERS = [
    ("fr", "Reçoit un email de confirmation", "no-subject"),  # elided subject
    ("fr", "Ajoute au panier", "no-subject"),
    ("fr", "Saisissez le code reçu", "no-subject"),  # imperative
    ("fr", "Modifier mes données personnelles", "no-subject"),  # infinitive, possessive inside
    ("fr", "Prise de rendez-vous", "no-subject"),  # "rendez-vous" is not "vous"
    ("fr", "Le gestionnaire saisit le dossier", "company"),  # staff as subject
    ("fr", "Vendeuse note les articles", "company"),  # staff without article
    ("fr", "Nous vous envoyons le devis", "company"),
    ("fr", "On vous rappelle sous 48 h", "company"),  # "on" = the company
    ("fr", "Client entre en boutique", "customer"),
    ("fr", "En sortant du bus, elle décide de passer par la boulangerie", "customer"),
    ("fr", "Votre contrat apparaît à l'écran", "other"),  # a thing as subject
    ("fr", "Cache invalidé", "other"),  # a passive without its auxiliary
    ("en", "Reviews documents manually", "no-subject"),
    ("en", "The system sends the contract", "company"),
    ("en", "Our team will have a cleaner ready", "company"),
    ("en", "User browses the catalog", "customer"),
    ("en", "Payment is processed and shipping is scheduled.", "other"),
    ("en", "Keywords analyzed", "other"),
    ("en", "Customers should open any windows", "customer"),
]


@pytest.mark.parametrize(("lang", "text"), CUSTOMERS_OWN)
def test_the_customers_own_voice_is_not_reported(lang: str, text: str) -> None:
    assert classify(text, lang).kind == "first"


@pytest.mark.parametrize(("lang", "text", "kind"), OTHERS)
def test_other_voices_get_their_own_code(lang: str, text: str, kind: str) -> None:
    assert classify(text, lang).kind == kind


BACK_OFFICE = [
    ("fr", "Saisie du dossier par le gestionnaire"),
    ("fr", "Mise à jour du stock"),
    ("fr", "Le gestionnaire vérifie les pièces justificatives"),
    ("fr", "Validation de la vente"),
    ("fr", "Synchronisation boutiques"),
    ("en", "Reviews documents manually"),
    ("en", "KYC verification"),
    ("en", "Escalates to the relevant team"),
    ("en", "Stock update"),
    ("en", "Nightly batch updates balances"),
    ("en", "Recommendation model runs"),
    ("en", "Orders are approved once payment has been verified"),
    ("en", "We review the documents you sent"),  # the company at work, even with "you"
    ("en", "Operations and coordination behind the scenes"),
    # Families, not word lists: every form and deverbal noun of a processing root.
    ("fr", "Le dossier est transmis au service contentieux"),
    ("fr", "La demande est instruite par le service"),
    ("fr", "Affectation du dossier à un gestionnaire"),
    ("fr", "Archivage du contrat"),
    ("fr", "Validation des justificatifs"),
    ("fr", "Établir le devis"),
    ("fr", "Nous allons vérifier les pièces"),
    ("fr", "Valide ou refuse la demande"),
    ("fr", "Demandes entrantes"),
    ("en", "Application is reviewed"),
    ("en", "Ticket escalated to tier 2"),
    ("en", "We'll verify the claim with the carrier"),
    ("en", "During the audit we will be checking every receipt"),
    ("en", "Underwriting decision"),
    ("en", "Parcels are packed and labelled"),
    ("en", "Refund request approved or rejected"),
    ("en", "Order verification & creation"),
]

CUSTOMER_MOMENTS = [
    ("fr", "Je saisis mon adresse"),  # the customer's "saisir"
    ("fr", "Saisissez le code reçu puis cochez la case"),
    ("fr", "Validation de ma commande"),
    ("fr", "Saisie et validation de votre commande sur le site"),
    ("fr", "Impression du ticket"),  # a till receipt
    ("fr", "Accueil par la vendeuse"),
    ("fr", "Le client valide son panier"),
    ("en", "Review order"),
    ("en", "Review extracted signals"),
    ("en", "The system sends the contract"),
    ("en", "You will receive a text when the cleaning is complete"),
    ("en", "Check competitor intel"),
    ("fr", 'Voir le statut "Validation en cours"'),  # a label on the customer's screen
    ("fr", "Préparer ses documents"),  # the customer prepares, the back office checks
    ("fr", "Refuser les cookies"),
    ("fr", "Valider la commande"),
    ("en", "Approve the estimate"),
    ("en", "Reporting the damage"),  # a gerund with its object: the customer's action
    ("en", "Report an issue"),
    ("en", "Assign seats to the passengers"),  # a command in the customer's own booking
    ("en", "Receive order updates"),
    ("en", "Order review"),  # a checkout page as often as a task
    ("en", "Staff are prepared with their own supplies"),
    ("en", "We will receive the check and send it to you"),
]


@pytest.mark.parametrize(("lang", "text"), BACK_OFFICE)
def test_back_office_work_is_found_in_any_form(lang: str, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is not None


@pytest.mark.parametrize(("lang", "text"), CUSTOMER_MOMENTS)
def test_the_customers_moments_are_left_alone(lang: str, text: str) -> None:
    assert internal_work(text, lang, classify(text, lang).kind) is None


def test_the_customers_own_step_is_internal_only_through_jargon() -> None:
    found = internal_work("Je reçois un mail du back office", "fr", "first")
    assert found is not None and found.words == ("back-office",)


@pytest.mark.parametrize(
    ("form", "lang", "lemma"),
    [
        ("envoyons", "fr", "envoyer"),
        ("validées", "fr", "valider"),
        ("saisie", "fr", "saisir"),
        ("transmettra", "fr", "transmettre"),
        ("escalates", "en", "escalate"),
        ("routed", "en", "route"),
        ("triaged", "en", "triage"),
        ("shipped", "en", "ship"),
    ],
)
def test_verb_forms_lead_to_their_lemma(form: str, lang: str, lemma: str) -> None:
    from journeymap.lint.text import fold

    assert fold(lemma) in lemmas(fold(form), "en" if lang == "en" else "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je compare les offres", "fr"),
        ("Le colis est livré à la maison", "fr"),
        ("I compare the offers", "en"),
        ("The parcel is delivered to my home", "en"),
        ("Paiement", None),  # a lone noun says nothing
        ("Checkout", None),
    ],
)
def test_the_language_of_a_text_is_guessed_only_on_evidence(text: str, lang: str | None) -> None:
    assert guess_lang(text) == lang


@pytest.mark.parametrize(
    ("text", "lang", "turned"),
    [
        ("Nous envoyons le devis par e-mail", "fr", "Je reçois le devis par e-mail"),
        ("Ensuite nous livrons la commande", "fr", "Ensuite je reçois la commande"),
        ("Nous vous envoyons vos identifiants", "fr", "Je reçois mes identifiants"),
        ("Le conseiller vous rappelle sous 48 h", "fr", "Le conseiller me rappelle sous 48 h"),
        ("Nous vous rappelons", "fr", "On me rappelle"),
        ("We send you the quote", "en", "I receive the quote"),
        ("Our agent calls you back", "en", "The agent calls me back"),
        ("Nous vous envoyons votre carte", "fr", None),  # "ma" or "mon"? not guessed
        # "me" elides before a vowel; the receiver is "I", so "au client" goes.
        ("Le conseiller vous appelle", "fr", "Le conseiller m'appelle"),
        ("Nous vous informons du retard", "fr", "On m'informe du retard"),
        ("Nous envoyons le devis au client par e-mail", "fr", "Je reçois le devis par e-mail"),
        ("Nous envoyons la facture à la cliente", "fr", "Je reçois la facture"),
        ("We send the quote to the customer.", "en", "I receive the quote."),
        ("We email the invoice to you", "en", "I receive the invoice"),
        # The customer seen from outside as the object becomes "me".
        (
            "Le conseiller appelle le client pour confirmer",
            "fr",
            "Le conseiller m'appelle pour confirmer",
        ),
        ("Nous contactons le client", "fr", "On me contacte"),
        ("The agent calls the customer back", "en", "The agent calls me back"),
        ("Nous appelons les clients", "fr", None),  # all of them: not one "me"
        ("Le conseiller appelle", "fr", None),
        ("Nous étudions le dossier", "fr", None),
    ],
)
def test_company_voice_is_turned_to_the_customers(text: str, lang: str, turned: str | None) -> None:
    assert customer_version(text, "en" if lang == "en" else "fr") == turned


def test_a_journey_without_lang_reads_each_step_in_its_own_language() -> None:
    journey = BASE_FR.replace("lang: fr\n", "").replace(
        "Je commande mon vélo sur le site", "I order my bike online"
    )
    assert [f.code for f in lint_text(journey)] == []
    with_lang = BASE_FR.replace("Je commande mon vélo sur le site", "I order my bike online")
    assert [f.code for f in lint_text(with_lang)] == ["JM401"]


def test_the_internal_hint_says_where_the_work_belongs() -> None:
    found = lint_text(
        BASE_FR.replace("Je commande mon vélo sur le site", "Saisie du dossier par le gestionnaire")
    )
    internal = next(f for f in found if f.code == "JM301")
    assert "`backstage` lane" in internal.message and "`notes`" in internal.message


@pytest.mark.parametrize("text", ["81%", "12", "3 %", "?", "« 4 »"])
def test_texts_without_words_are_read_without_error(text: str) -> None:
    """Found by the fuzz test: a step text of only a number crashed the internal rule."""
    for lang in ("fr", "en"):
        assert classify(text, lang).kind in {"no-subject", "other"}
