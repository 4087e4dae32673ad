"""JM402's hint when the company acts on the customer's things: the customer's version
is the thing seen done ("Mon adresse est modifiée", "I see my order updated"), never
"Je modifie mon adresse" (the customer does not do it).

The sentences are real ones, from the labelled corpus (tests/corpus, `voice: company`);
a test checks that each is there with that label. Every hint the corpus's company-voice
sentences get (923 of them) is read for the mistakes the rewrite used to make: "you" the
subject turned "me" ("once me have received it"), "Je reçois à FEVES", "m'avez".
"""

# ruff: noqa: E501 (the corpus sentences are quoted whole)

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
import yaml

from journeymap.lint.sentence import customer_version
from tests.conftest import ROOT, run_cli
from tests.lint.base import BASE_EN, BASE_FR

CORPUS = ROOT / "tests" / "corpus"

THEIR_THINGS = [
    ("fr", "Notre équipe vérifie votre identité sous 24-72h", "Mon identité est vérifiée sous 24-72h"),
    ("fr", "Notre équipe vérifie votre paiement.", "Mon paiement est vérifié."),
    ("fr", "Nous vérifions votre paiement.", "Mon paiement est vérifié."),
    ("fr", "Notre équipe vérifie votre preuve de virement", "Ma preuve de virement est vérifiée"),
    ("fr", "Notre équipe examinera votre demande", "Ma demande sera examinée"),
    ("fr", "Notre équipe vérifiera votre reçu CCP et confirmera sous 24h.", "Mon reçu CCP sera vérifié…"),
    ("fr", "Nous étudions votre marque.", "Ma marque est étudiée."),
    ("fr", "Nous étudions votre demande et identifions la meilleure solution.", "Ma demande est étudiée…"),
    ("fr", "Nous étudions votre expérience professionnelle, la viabilité du projet et vos prévisions.",
     "Mon expérience professionnelle est étudiée…"),
    ("fr", "L’assureur évalue votre droit d’indemnisation", "Mon droit d’indemnisation est évalué"),
    ("fr", "La CAF étudie votre dossier", "Mon dossier est étudié"),
    ("fr", "Le médecin évalue mon état de santé.", "Mon état de santé est évalué."),
    ("fr", "Le conseiller vérifie votre situation avant de vous orienter.", "Ma situation est vérifiée…"),
    ("fr", "Nous préparons votre commande avec soin.", "Ma commande est préparée avec soin."),
    ("fr", "Nous préparons votre commande rapidement", "Ma commande est préparée rapidement"),
    ("fr", "Nous préparons votre commande pendant que vous vous déplacez.", "Ma commande est préparée…"),
    ("fr", "L'administration étudie votre demande même s'il manque un document.",
     "Ma demande est étudiée même s'il manque un document."),
    ("en", "Our team reviews your request", "I see my request reviewed"),
    ("en", "Our team reviews your requirements.", "I see my requirements reviewed."),
    ("en", "Our team reviews your application and business credentials.", "I see my application reviewed…"),
    ("en", "Our team reviews your content and develops a customized editing strategy tailored to your needs.",
     "I see my content reviewed…"),
    ("en", "Our team reviews your credentials within 24-48 hours. Verified agents get a trust badge.",
     "I see my credentials reviewed within 24-48 hours…"),
    ("en", "Our team produces your feature and publishes it on Amianan Ventures.", "I see my feature produced…"),
    ("en", "We edit your video with precision, adding effects, color grading, sound design, and motion graphics.",
     "I see my video edited with precision…"),
    ("en", "We move your patient records, client balances, vaccination history, and stock data into PodVet without gaps.",
     "I see my patient records moved…"),
]  # fmt: skip
"""(lang, a corpus sentence labelled `voice: company`, its hint's example)."""

# The brief's own sentences and the shapes around them, not in the corpus.
SHAPES = [
    ("fr", "Le conseiller modifie mon adresse", "Mon adresse est modifiée"),
    ("fr", "Le conseiller modifie l'adresse du client", "Mon adresse est modifiée"),
    ("fr", "Le conseiller modifie le dossier du client", "Mon dossier est modifié"),
    ("fr", "Le technicien change mes pièces", "Mes pièces sont changées"),
    ("fr", "Nous préparons vos documents", "Mes documents sont préparés"),
    ("en", "The agent updates my order", "I see my order updated"),
    ("en", "The agent updates the customer's order", "I see my order updated"),
    ("en", "Our agents check my documents", "I see my documents checked"),
    ("en", "The courier ships your parcel", "I receive my parcel"),  # given: received
    ("en", "The agent cancels my booking", "I see my booking canceled"),
    ("fr", "Nous prenons votre commande", None),  # "pris": a participle not guessed
    ("fr", "Le conseiller modifie votre truc", None),  # gender unknown: no "est modifié(e)"
    ("fr", "Le conseiller modifie le dossier", None),  # whose? not said
    ("en", "Nothing about your business goes live", None),  # "about" is no verb
    ("fr", "Nous vous recevons alors avec quelques justificatifs", None),  # not "receve"
    ("fr", "Nous vous changeons de conseiller", "On me change de conseiller"),
    ("fr", "Nous vous plaçons en attente", "On me place en attente"),
]


@cache
def _company_sentences() -> dict[str, str]:
    """Every corpus sentence labelled `voice: company`, with its language."""
    found: dict[str, str] = {}
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get("items", []):
            if item.get("voice") == "company":
                found[item["text"]] = data["lang"]
    return found


@pytest.mark.parametrize(("lang", "text", "hint"), THEIR_THINGS, ids=lambda v: str(v)[:40])
def test_the_customers_things_are_seen_done(lang: str, text: str, hint: str) -> None:
    assert _company_sentences().get(text) == lang  # a real sentence, labelled company
    assert customer_version(text, "en" if lang == "en" else "fr") == hint


def test_enough_real_sentences_in_both_languages() -> None:
    langs = [lang for lang, _, _ in THEIR_THINGS]
    assert len(THEIR_THINGS) >= 15 and langs.count("fr") >= 7 and langs.count("en") >= 7


@pytest.mark.parametrize(("lang", "text", "hint"), SHAPES, ids=lambda v: str(v)[:40])
def test_the_shapes_around_them(lang: str, text: str, hint: str | None) -> None:
    assert customer_version(text, "en" if lang == "en" else "fr") == hint


WRONG = {
    "en": re.compile(
        r"\bme (am|are|is|was|were|have|has|had|will|can|could|may|might|must|should|would|"
        r"do|did|need|want|get|report|submit|apply|tell|show|[a-z]+ed)\b|\b(can|will|need|"
        r"cannot|should) me\b|\bI receive (to|in|at|on|by|for|with|from)\b|→|\bI are\b"
    ),
    "fr": re.compile(
        r"\bme [aeiouyéèêh]|\bm'avez\b|\bme \w+ez\b|Je reçois (à|au|aux|en|dans|par|pour|sur)\b|"
        r"\b(est|sont|sera) \w+(ons|ez)\b|\b(verifi|etudi|prepar)ée?s?\b"
    ),
}
"""What the hints used to say: "once me have received it", "Yes, can me cancel", "I
receive → Admin", "Oui, m'avez 30 jours", "Je reçois à FEVES", "un e-mail me informant"."""


def test_no_hint_for_a_company_sentence_of_the_corpus_reads_wrong() -> None:
    wrong = []
    for text, lang in _company_sentences().items():
        hint = customer_version(text, "en" if lang == "en" else "fr")
        if hint is not None and WRONG[lang].search(hint):
            wrong.append((text, hint))
    assert len(_company_sentences()) >= 900 and wrong == []


# The customer addressed as "vous"/"you", said by the customer; and a company left in the
# sentence said "they" by the customer. Real corpus sentences, labelled company.
ADDRESSED = [
    ("fr", "Vous recevrez une confirmation par email.", "Je recevrai une confirmation par email."),
    ("fr", "Vous recevrez un email avec votre facture lorsque votre commande sera prête.",
     "Je recevrai un email avec ma facture lorsque ma commande sera prête."),
    ("fr", "Vous faites votre demande en ligne sur le site de la CAF",
     "Je fais ma demande en ligne sur le site de la CAF"),
    ("fr", "Vous avez confié votre ordinateur à un SAV.", "J'ai confié mon ordinateur à un SAV."),
    ("fr", "Vous devez prévoir de 7 à 10 jours ouvrables pour recevoir votre carte par la poste.",
     "Je dois prévoir de 7 à 10 jours ouvrables pour recevoir ma carte par la poste."),
    ("en", "You will receive regular updates via email during the returns process",
     "I will receive regular updates via email during the returns process"),
    ("en", "After your claim is submitted you will receive a confirmation by e-mail.",
     "After my claim is submitted I will receive a confirmation by e-mail."),
    ("en", "If we need more information from you, we’ll contact you",
     "If they need more information from me, they’ll contact me"),
    ("en", "As soon as you report your claim to us, we assign it to one of our adjusters.",
     "As soon as I report my claim to them, they assign it to one of their adjusters."),
    ("en", "We’ll also contact you with further advice within 30 days of receiving any hard copy evidence you intend to submit.",
     "They’ll also contact me with further advice within 30 days of receiving any hard copy evidence I intend to submit."),
]  # fmt: skip

# Shapes the hint must not turn: what it used to propose is in the comment.
NOT_TURNED = [
    # "If your claim is denied but I have additional evidence, simply upload it..."
    ("en", "If your claim is denied but you have additional evidence to provide, simply upload it to your claim and we will review."),
    # "Si je constate un débit, contactez-nous immédiatement."
    ("fr", "Si vous constatez un débit, contactez-nous immédiatement."),
    # "Click the "My Account / Order Status" link ... of their site to view orders I have placed"
    ("en", "Click the \"My Account / Order Status\" link at the top right hand side of our site to view orders you have placed."),
    # "I receive is free if the shipment was their mistake"
    ("en", "Return shipping is free to customers if the shipment was our mistake"),
    # "Si je manque le premier rendez-vous, sachez que le second ne sera plus gratuit."
    ("fr", "Si vous manquez le premier rendez-vous, sachez que le second ne sera plus gratuit."),
    # "Je recevrai un mail ..., et pourrez suivre l'avancement en ligne"
    ("fr", "Vous recevrez un mail de confirmation avec un numéro de dossier, et pourrez suivre l'avancement en ligne."),
    # "If I am a first-time customer, please place it in a sealed bag."
    ("en", "If you are a first-time customer, please place it in a sealed bag."),
    # "If the adjuster fails to walk me through the process or timeframe is, ASK!"
    ("en", "If the adjuster fails to walk you through the process or timeframe is, ASK!"),
    # "Si je n'ave pas d'interlocuteur déterminé"
    ("fr", "Si vous n’avez pas d’interlocuteur déterminé, la première relance s’effectuera :"),
    # "Demander me si souhaite profiter d'un service réveil"
    ("fr", "Demander si le client souhaite profiter d’un service réveil"),
    ("fr", "Vous vous inscrivez en ligne"),  # a reflexive "vous": not conjugated
    ("fr", "Vous recevrez votre truc"),  # "votre" before a noun of unknown gender
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "hint"), ADDRESSED, ids=lambda v: str(v)[:40])
def test_the_customer_addressed_tells_it(lang: str, text: str, hint: str) -> None:
    assert _company_sentences().get(text) == lang  # a real sentence, labelled company
    assert customer_version(text, "en" if lang == "en" else "fr") == hint


@pytest.mark.parametrize(("lang", "text"), NOT_TURNED, ids=lambda v: str(v)[:40])
def test_a_version_that_would_not_read_as_the_customers_is_not_proposed(
    lang: str, text: str
) -> None:
    assert customer_version(text, "en" if lang == "en" else "fr") is None


_STILL_THE_COMPANY = re.compile(
    r"\b(you|your|yours|you're|you'll|we|we'll|we're|we've|us|our|vous|votre|vos|nous|notre|nos)\b",
    re.IGNORECASE,
)


def test_every_corpus_hint_is_told_by_the_customer() -> None:
    """Each example the corpus's company sentences get reads, to the rules themselves, as
    the customer's own voice, with no "you" nor "we" left in it: before, 43 of 169
    English examples kept the company ("If they need more information, we'll contact
    me"). And the addressed customer now gets one: 212 English examples, 82 French."""
    from journeymap.lint.sentence import classify

    turned = {"en": 0, "fr": 0}
    for text, lang in _company_sentences().items():
        read: Literal["en", "fr"] = "en" if lang == "en" else "fr"
        hint = customer_version(text, read)
        if hint is None:
            continue
        turned[read] += 1
        assert classify(hint, read, ()).kind == "first", (text, hint)
        assert not _STILL_THE_COMPANY.search(hint), (text, hint)
    assert turned["en"] >= 150 and turned["fr"] >= 60, turned


CLI_CASES = [
    ("Le conseiller modifie mon adresse", "Mon adresse est modifiée",
     "The agent updates my order", "I see my order updated"),
    ("Vous recevrez votre facture par email", "Je recevrai ma facture par email",
     "If we need more documents, we'll call you", "If they need more documents, they'll call me"),
]  # fmt: skip


@pytest.mark.parametrize(("fr_text", "fr_hint", "en_text", "en_hint"), CLI_CASES)
def test_the_cli_hint_shows_the_customers_version(
    tmp_path: Path, fr_text: str, fr_hint: str, en_text: str, en_hint: str
) -> None:
    french = tmp_path / "fr.yaml"
    french.write_text(
        BASE_FR.replace("Je commande mon vélo sur le site", fr_text), encoding="utf-8"
    )
    english = tmp_path / "en.yaml"
    english.write_text(BASE_EN.replace("I order my bike online", en_text), encoding="utf-8")
    result = run_cli("lint", french, english)
    assert result.code == 1, result.stdout + result.stderr
    assert "JM402" in result.stdout
    assert f"e.g. '{fr_hint}'" in result.stdout
    assert f"e.g. '{en_hint}'" in result.stdout
