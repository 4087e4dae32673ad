"""The customer's "je"/"I" form of a verb, for hints that show the step rewritten.

A hint that says 'e.g. Je compare les offres' for "Réserver une visite" makes the writer
do the conjugation; 'e.g. Je réserve une visite' is the fix itself. Only forms that are
sure are given: the regular patterns of each language and a table of the irregular
verbs journeys use. Anything else returns None and the hint keeps its general example,
since a wrongly conjugated suggestion costs more trust than no suggestion.
"""

from __future__ import annotations

from journeymap.lint.sentence.lemmas import EN_PAST_FORMS


def _words(text: str) -> frozenset[str]:
    """Words as written, accents kept: the forms are compared and given back accented."""
    return frozenset(text.split())


# French verbs whose "je" form no pattern gives: infinitive, then the forms a step may
# be written in (third person, "vous" imperative) that lead to it.
_FR_IRREGULAR: dict[str, tuple[str, tuple[str, ...]]] = {
    "aller": ("vais", ("va", "allez")),
    "avoir": ("ai", ("a", "ayez")),
    "être": ("suis", ("est", "soyez")),
    "faire": ("fais", ("fait", "faites")),
    "refaire": ("refais", ("refait", "refaites")),
    "dire": ("dis", ("dit", "dites")),
    "prendre": ("prends", ("prend", "prenez")),
    "reprendre": ("reprends", ("reprend", "reprenez")),
    "comprendre": ("comprends", ("comprend", "comprenez")),
    "apprendre": ("apprends", ("apprend", "apprenez")),
    "mettre": ("mets", ("met", "mettez")),
    "remettre": ("remets", ("remet", "remettez")),
    "transmettre": ("transmets", ("transmet", "transmettez")),
    "soumettre": ("soumets", ("soumet", "soumettez")),
    "voir": ("vois", ("voit", "voyez")),
    "revoir": ("revois", ("revoit", "revoyez")),
    "recevoir": ("reçois", ("reçoit", "recevez")),
    "devoir": ("dois", ("doit",)),
    "pouvoir": ("peux", ("peut",)),
    "vouloir": ("veux", ("veut",)),
    "savoir": ("sais", ("sait", "sachez")),
    "lire": ("lis", ("lit", "lisez")),
    "relire": ("relis", ("relit", "relisez")),
    "écrire": ("écris", ("écrit", "écrivez")),
    "inscrire": ("inscris", ("inscrit", "inscrivez")),
    "souscrire": ("souscris", ("souscrit", "souscrivez")),
    "suivre": ("suis", ("suit", "suivez")),
    "poursuivre": ("poursuis", ("poursuit", "poursuivez")),
    "venir": ("viens", ("vient", "venez")),
    "revenir": ("reviens", ("revient", "revenez")),
    "obtenir": ("obtiens", ("obtient", "obtenez")),
    "tenir": ("tiens", ("tient", "tenez")),
    "ouvrir": ("ouvre", ("ouvre", "ouvrez")),
    "rouvrir": ("rouvre", ("rouvre", "rouvrez")),
    "offrir": ("offre", ("offre", "offrez")),
    "découvrir": ("découvre", ("découvre", "découvrez")),
    "couvrir": ("couvre", ("couvre", "couvrez")),
    "partir": ("pars", ("part", "partez")),
    "repartir": ("repars", ("repart", "repartez")),
    "sortir": ("sors", ("sort", "sortez")),
    "servir": ("sers", ("sert", "servez")),
    "sentir": ("sens", ("sent", "sentez")),
    "attendre": ("attends", ("attend", "attendez")),
    "répondre": ("réponds", ("répond", "répondez")),
    "rendre": ("rends", ("rend", "rendez")),
    "vendre": ("vends", ("vend", "vendez")),
    "descendre": ("descends", ("descend", "descendez")),
    "perdre": ("perds", ("perd", "perdez")),
    "entendre": ("entends", ("entend", "entendez")),
    "connaître": ("connais", ("connaît", "connait", "connaissez")),
    "reconnaître": ("reconnais", ("reconnaît", "reconnait", "reconnaissez")),
    "conduire": ("conduis", ("conduit", "conduisez")),
    "construire": ("construis", ("construit", "construisez")),
    "produire": ("produis", ("produit", "produisez")),
    "croire": ("crois", ("croit", "croyez")),
    "boire": ("bois", ("boit", "buvez")),
    "joindre": ("joins", ("joint", "joignez")),
    "rejoindre": ("rejoins", ("rejoint", "rejoignez")),
    "plaindre": ("plains", ("plaint", "plaignez")),
    "courir": ("cours", ("court", "courez")),
    "parcourir": ("parcours", ("parcourt", "parcourez")),
    "recourir": ("recours", ("recourt", "recourez")),
    "dormir": ("dors", ("dort", "dormez")),
    "accueillir": ("accueille", ("accueille", "accueillez")),
    "recueillir": ("recueille", ("recueille", "recueillez")),
    "cueillir": ("cueille", ("cueille", "cueillez")),
    "défendre": ("défends", ("défend", "défendez")),
    "tendre": ("tends", ("tend", "tendez")),
    "étendre": ("étends", ("étend", "étendez")),
    "prétendre": ("prétends", ("prétend", "prétendez")),
    "suspendre": ("suspends", ("suspend", "suspendez")),
    "vivre": ("vis", ("vit", "vivez")),
    "décrire": ("décris", ("décrit", "décrivez")),
    "prescrire": ("prescris", ("prescrit", "prescrivez")),
    "peindre": ("peins", ("peint", "peignez")),
    "éteindre": ("éteins", ("éteint", "éteignez")),
    "atteindre": ("atteins", ("atteint", "atteignez")),
    "battre": ("bats", ("bat", "battez")),
    "permettre": ("permets", ("permet", "permettez")),
}
# Second-group verbs (-ir, "nous finissons"): "je" ends in -is. Only these are taken as
# verbs, since an unknown word in -ir is as often a noun ("Plaisir", "Avenir").
_FR_SECOND = _words(
    "choisir remplir finir saisir fournir réussir définir établir avertir investir agir "
    "grandir réfléchir bâtir garantir enrichir unir punir accomplir aboutir réagir "
    "approfondir affranchir élargir franchir fleurir nourrir obéir rougir salir "
    "ralentir maigrir vieillir rajeunir embellir démolir rétablir ressaisir"
)
# First-group verbs in -eler/-eter that double their consonant: "j'appelle".
_FR_DOUBLE = _words(
    "appeler rappeler épeler renouveler ruisseler jeter rejeter projeter feuilleter "
    "cacheter étiqueter"
)
# Words in -er that are nouns or adjectives a step may open with.
_FR_NOT_VERBS = _words(
    "dossier courrier panier premier dernier fichier papier métier quartier chantier "
    "atelier calendrier cahier clavier léger entier particulier bouclier grenier "
    "escalier routier boucher boulanger plombier pompier hier cher fier mer hiver super "
    "laser poster cluster manager leader newsletter user voucher flyer player partner "
    "timer banner footer header order center shopper designer freelancer container "
    "router server computer customer answer offer transfer"
)
_FR_NOUN_ENDINGS = ("age", "ure", "ion", "ance", "ence", "ment", "ée", "té", "erte", "ise", "yse")
_FR_ELIDED_H = _words("habiter habiller hésiter héberger hériter honorer humidifier")

_EN_IRREGULAR_THIRD = {"is": "am", "has": "have", "does": "do", "goes": "go"}
# English words that open steps as nouns or adverbs, never as the verb to turn.
_EN_NOT_VERBS = _words(
    "online offline today tomorrow new first next last home customer client user "
    "everything nothing something"
)
_EN_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ness", "ity", "ship", "ism", "ist")


def french_je(
    word: str, *, third_person: bool, subject_left_out: bool = False
) -> tuple[str, str] | None:
    """("je" or "j'", the "je" form) of a French verb written as an infinitive, a
    "vous" imperative or (`third_person`) a third-person singular; None when unsure.

    With `subject_left_out` ("Reçoit un email"), the short forms that open as often
    as other words ("A" for "À", "Est" the compass point) and nouns' endings ("Stockage",
    "Signature", "Découverte") are not taken as verbs.
    """
    low = word.lower()
    if subject_left_out and (
        low in ("a", "est", "va", "fait", "dit") or low.endswith(_FR_NOUN_ENDINGS)
    ):
        return None
    form = _french_form(low, third_person=third_person)
    if form is None:
        return None
    return elided(form), form


def _french_form(low: str, *, third_person: bool) -> str | None:
    for infinitive, (je, forms) in _FR_IRREGULAR.items():
        # The "vous" imperatives end in -ez or -tes ("faites"); the other forms are
        # third persons, taken only where a third person is read ("A la fin" is "à").
        if low == infinitive or (low in forms and third_person != _imperative(low)):
            return je
    if third_person:
        # A first-group verb's third person is its "je" form ("Consulte", "Appelle"),
        # and a second-group one ends in -it ("Choisit" -> "choisis").
        if low.endswith("it") and low[:-2] + "ir" in _FR_SECOND:
            return low[:-1] + "s"
        if low.endswith("e") and len(low) > 3 and (low[-2] not in "aeiouy" or low[-2:] == "ie"):
            return low  # "compare", "crée", "paie"
        return None
    if low.endswith("issez") and low[:-5] + "ir" in _FR_SECOND:
        return low[:-5] + "is"
    if low.endswith("ir") and low in _FR_SECOND:
        return low[:-2] + "is"
    if low.endswith("er") and len(low) > 3 and low not in _FR_NOT_VERBS:
        return _first_group(low)
    if low.endswith("ez") and len(low) > 4 and low[:-2] + "er" not in _FR_NOT_VERBS:
        # "Consultez", "Validez": a first-group verb unless the table above knew it.
        stem = low[:-2]
        if stem.endswith("iss"):
            return None  # "réunissez": a second-group verb the list above lacks
        return _first_group(stem + "er")
    return None


def _imperative(form: str) -> bool:
    return form.endswith(("ez", "tes"))


def _first_group(infinitive: str) -> str:
    stem = infinitive[:-2]
    if infinitive in _FR_DOUBLE:
        return stem + stem[-1] + "e"
    if stem.endswith(("oy", "uy")) or infinitive in ("payer", "essayer", "balayer", "effrayer"):
        return stem[:-1] + "ie"
    vowel = _last_vowel(stem)
    if vowel is not None and stem[vowel] in "eé" and vowel < len(stem) - 1:
        consonants = stem[vowel + 1 :]
        # "lever" -> "lève", "compléter" -> "complète": a mute e before the ending.
        if all(c not in "aeiouyéèêëàâîïôûù" for c in consonants) and (
            len(consonants) == 1 or consonants in ("tr", "br", "vr", "gl", "gn", "ch", "cr")
        ):
            return stem[:vowel] + "è" + consonants + "e"
    return stem + "e"


def _last_vowel(stem: str) -> int | None:
    for at in range(len(stem) - 1, -1, -1):
        if stem[at] in "aeiouyéèêëàâîïôûù":
            return at
    return None


def elided(form: str) -> str:
    first = form[:1]
    if first in "aeiouyéèêàâîôû" or (first == "h" and _h_mute(form)):
        return "j'"
    return "je"


def _h_mute(form: str) -> bool:
    return any(form[:4] == verb[:4] for verb in _FR_ELIDED_H)


def english_i(word: str, *, third_person: bool) -> str | None:
    """The "I" form of an English verb written as an imperative or (`third_person`) a
    third-person singular; None when the word does not look like a verb."""
    low = word.lower()
    if not low.isalpha() or low in _EN_NOT_VERBS or low.endswith(_EN_NOUN_ENDINGS):
        return None
    if low in EN_PAST_FORMS:
        return None  # "Sent back for corrections": a participle, not "I sent"
    if not third_person:
        return None if low.endswith(("ing", "ed")) else low
    if low in _EN_IRREGULAR_THIRD:
        return _EN_IRREGULAR_THIRD[low]
    if not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return None
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return low[:-2]
    return low[:-1]


# The "vous" forms no pattern turns into the "je" form: the present of the auxiliaries
# and modals a company uses to address the customer ("Vous pouvez", "Vous avez reçu").
_FR_VOUS: dict[str, str] = {
    "avez": "ai",
    "êtes": "suis",
    "pouvez": "peux",
    "devez": "dois",
    "voulez": "veux",
    "savez": "sais",
    "aviez": "avais",
    "étiez": "étais",
    "pouviez": "pouvais",
    "deviez": "devais",
}
# Stems of the future (and conditional) that are not an infinitive: "vous recevrez" ->
# "je recevrai". A present in -rez ("Entrez", "Livrez", "Ouvrez") is not among them.
_FR_FUTURE_STEMS = _words(
    "ser aur pourr devr recevr verr enverr saur voudr viendr reviendr tiendr obtiendr "
    "prendr mettr fer ir attendr rendr répondr vendr perdr suivr vivr"
)

# Imperfects in -iez that would read as the present of a verb in -ier ("vous vérifiez").
_FR_IMPERFECTS = _words(
    "vouliez receviez alliez faisiez preniez veniez saviez disiez attendiez mettiez "
    "voyiez lisiez écriviez viviez suiviez teniez obteniez"
)


def french_vous_je(word: str) -> str | None:
    """The "je" form of a verb the company writes with "vous" ("Vous recevrez",
    "Vous pouvez", "Vous validez"): the future and conditional keep their stem, the
    present goes through the table and patterns of `french_je`; None when unsure
    ("Vous vouliez", an imperfect)."""
    low = word.lower()
    if low in _FR_VOUS:
        return _FR_VOUS[low]
    for ending, je in (("ez", "ai"), ("iez", "ais")):
        stem = low[: -len(ending)]
        if low.endswith(ending) and (
            stem in _FR_FUTURE_STEMS or (stem.endswith(("er", "ir")) and len(stem) > 4)
        ):
            return stem + je  # "validerez" -> "validerai", "pourriez" -> "pourrais"
    if low in _FR_IMPERFECTS:
        return None  # "Vous vouliez": an imperfect, rare in a step, not turned
    found = french_je(low, third_person=False)
    return found[1] if found else None
