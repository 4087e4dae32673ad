"""Which language a text in Latin letters is written in, from its function words.

Journey texts are short ("Busco un vestido de verano", "Abre o app e vê as ofertas"):
too short for letter statistics, but almost every one holds an article, a preposition,
a pronoun or a conjunction, and those few hundred words differ from one language to the
next. Each language has a small set of them; a word several languages write ("de", "la",
"en") counts for each in part, so that the words one language alone writes decide. A few
letters only one of these languages writes (Spanish 'ñ', Portuguese 'ã', German 'ß',
Polish 'ł') count as a word, and so do a few spellings ('-ción', '-ção', '-ung', 'ij').
The guess is "not sure" unless one language clearly leads: a brand or a dish in a French
or English sentence ("Je bois un café con leche", "I book a table at La Casa de Pepe")
must not make it Spanish.

Pure data and arithmetic, no third-party library. Measured on tests/data/langs/samples.yaml,
libraries that guess from letter n-grams always answer, even for "Checkout" or "Pago",
and took 8 (langdetect) and 5 (py3langid) of the 30 French and English samples for
another language, mostly those holding a foreign name (this guess: none, and not sure
on 28 of the 135 samples); they cost 0.37 s (langdetect, pure Python) and 1.0 s
(py3langid, with numpy) at start-up, this module 24 ms (import and a first guess).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split())
    for lang, text in {
        "fr": "je j me m moi ma mon mes le la les l un une des du de d et est sont pour sur "
        "avec dans au aux que qu qui pas ne n ce cette ces il elle ils elles on nous vous se "
        "s c sa son ses leur leurs par en y à ou mais plus très chez votre vos notre nos tu "
        "te ton ta tes puis après avant sans",
        "en": "i me my the a an and is are was were to of for on with in at it we you your "
        "this that not be will have has from by do does can get our their they he she its "
        "or but if as so after before when then into about all up out",
        "es": "yo me mi mis el la los las lo un una unos unas de del al a y o en con por para "
        "que qué es está están son no se su sus tu te como cómo pero más muy sin sobre "
        "cuando donde dónde nos le les ya hay este esta estos estas ese esa tras desde",
        "pt": "eu me meu minha meus minhas o a os as um uma uns umas de do da dos das no na "
        "nos nas ao aos à e ou em com por para que é está não se seu sua seus suas você "
        "como mas mais muito sem sobre quando onde pelo pela pelos pelas este esta isso "
        "isto num numa após",
        "it": "io mi mio mia miei mie il lo la i gli le l un una uno di del della dei degli "
        "delle dell da dal dalla al alla allo ai agli alle all nel nella nei nelle nell sul "
        "sulla sull e ed o in con per che è non si suo sua ci come ma più molto senza sono "
        "questo questa quando dove dopo prima",
        "de": "ich mich mir mein meine meinen meinem meiner der die das den dem des ein eine "
        "einen einem einer und oder in im mit für auf zu zum zur von vom ist sind nicht "
        "sich sein seine es wir sie er wie aber mehr sehr ohne über wenn wo an am bei nach "
        "aus auch dass was will",
        "nl": "ik me mij mijn de het een en of in op met voor van aan naar is zijn niet zich "
        "ze wij we hij zij er die dat dit bij ook als maar meer zeer zonder over wanneer "
        "waar uit te om door",
        "ca": "jo em m meu meva meus meves el la els les l un una uns unes de d del dels al "
        "als a i o en amb per que és està no es s seu seva seus seves com però més molt "
        "sense sobre quan on aquest aquesta",
        "pl": "ja mnie mi mój moja moje i w we z ze na do od o po za dla przez nie się jest "
        "są to ten ta jak ale że czy już tak bo który która które",
        "tr": "ve bir ile için bu çok daha ya veya gibi",
        "id": "dan yang di ke dari untuk dengan ini itu saya kami kita tidak akan pada ada "
        "atau sudah juga bisa",
    }.items()
}
"""Each language's articles, pronouns, prepositions, conjunctions and commonest verbs'
forms, lower case and accented as written; elided forms without their apostrophe ("l",
"d", "qu"), as the tokens are cut there ("l'app", "dell'ordine")."""

ROMANCE_ENDINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"..[^aeiouy]os?$"), ("es", "pt", "it")),
    (re.compile(r"..[^aeiouy]as?$"), ("es", "pt", "it", "ca")),
)
"""Weaker signs, shared: a word ending in a consonant and '-o(s)' is Spanish, Portuguese
or Italian ('vestido', 'pedido', 'pacco'), in '-a(s)' Catalan too; French and English
words seldom end so. They tell these languages from French and English, not from each
other: only the lint, which asks no more, counts them (`scores(..., endings=True)`); a
journey's `lang` would lean to Spanish for any of them ('Compra Online' is Portuguese)."""

_VIETNAMESE = "ăơưđ" + "".join(map(chr, range(0x1EA1, 0x1EFA, 2)))
LETTERS: dict[str, tuple[str, ...]] = {
    letter: tuple(langs.split())
    for letters, langs in (
        ("ñ¿¡", "es"),
        ("ãõ", "pt"),
        ("ß", "de"),
        ("äöü", "de tr"),
        ("łąęśźżćń", "pl"),
        ("ığş", "tr"),
        (_VIETNAMESE, "vi"),
        ("îœû", "fr"),
        ("ì", "it"),
        ("éç", "fr pt ca"),
        ("èà", "fr it ca"),
        ("êâô", "fr pt"),
        ("ù", "fr it"),
        ("ë", "fr nl"),
        ("ï", "fr ca nl"),
        ("áú", "es pt"),
        ("í", "es pt ca"),
        ("ó", "es pt ca pl"),
        ("ò", "it ca"),
    )
    for letter in letters
}
"""Letters that, among these languages, one alone writes, or a few ('é' French,
Portuguese and Catalan, 'ö' German and Turkish): each counts as one word, shared between
those that write it. Vietnamese, with a letter of its own in almost every word
('Chọn', 'đơn', 'sản phẩm'), needs no word list."""

SPELLINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), tuple(langs.split()))
    for pattern, langs in (
        (r"..ción$|..ciones$", "es"),
        (r"..ção$|..ções$|..ões$", "pt"),
        (r"..zion[ei]$|..ità$", "it"),
        (r"..ció$|..cions$", "ca"),
        (r"..ung$|..ungen$|..keit$|..heit$|^[a-zäöü]*sch", "de"),
        (r"ij|..lijk$|..heid$", "nl"),
        (r"rz|sz|cz|..ów$", "pl"),
        (r"..eaux?$|.ées?$|..eurs?$", "fr"),
        (r"...ing$|..ness$|...ed$|...ly$", "en"),
    )
)
"""Spellings of a word that one of these languages alone makes: its nouns of action
('atención', 'confirmação', 'conferma' 'personalizzazione', 'confirmació', 'Lieferung',
'Bestellung'), Dutch 'ij' ('mijn', 'prijzen'), Polish 'rz', 'sz', 'cz' ('Porównuję',
'Szukam', 'Czytam'), French 'eau', 'ée', 'eur', English '-ing', '-ed', '-ly'. Each
counts as one word; a few letters before the ending are required, so that a short word
('sung', 'bing') is left alone."""

LANGS = tuple(dict.fromkeys([*FUNCTION_WORDS, *(x for langs in LETTERS.values() for x in langs)]))
"""Every language the guess knows: those with function words, and Vietnamese."""

NAMES = {
    "fr": "French",
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "de": "German",
    "nl": "Dutch",
    "ca": "Catalan",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "vi": "Vietnamese",
}
"""Each language's name in English, for the import's comment on its guess."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word, hyphens within it included: the 'e' of 'e-mail' is no Portuguese 'and'."""


def _shares() -> dict[str, dict[str, float]]:
    """What each function word weighs for each language that writes it: 1 for a word
    one language alone writes, 1/n for a word n languages write."""
    weights: dict[str, dict[str, float]] = {}
    for lang, words in FUNCTION_WORDS.items():
        for word in words:
            weights.setdefault(word, {})[lang] = 1.0
    for langs in weights.values():
        for lang in langs:
            langs[lang] = 1 / len(langs)
    return weights


_WEIGHTS = _shares()


@dataclass(frozen=True)
class Guess:
    """The language a text reads as, or None when not sure, with the evidence for it."""

    lang: str | None
    leading: tuple[str, ...]
    """The languages with the most evidence, best first (those within reach of it)."""
    score: float
    """The best language's points: its function words, spellings and letters."""
    words: int
    """How many words the texts hold."""
    points: tuple[tuple[str, float], ...]
    """Every language's points, in `LANGS` order."""


def scores(text: str, endings: bool = False) -> tuple[dict[str, float], int]:
    """Each language's points in a text, and the number of its words; with `endings`,
    the `ROMANCE_ENDINGS` count too."""
    points = dict.fromkeys(LANGS, 0.0)
    count = 0
    for token in _WORD.findall(text):
        if token.isupper() and (len(token) > 1 or token not in _ONE_LETTER_WORDS):
            continue  # an acronym (AI, CRM, SMS, the N of N/A) is no word here
        count += 1
        for lang, weight in _token_points(token.lower(), endings):
            points[lang] += weight
    if not text.isascii():
        lowered = text.lower()
        for char in _MARKED.findall(lowered):
            for lang in LETTERS[char]:
                points[lang] += 1 / len(LETTERS[char])
        points["ca"] += lowered.count("l·l")  # Catalan's 'cancel·lar'; a '·' alone separates
    return points, count


# Capitals that are words alone: the article, "I", and the conjunctions "y", "o", "e".
_ONE_LETTER_WORDS = frozenset("AIOYEÀ")

_MARKED = re.compile("[" + "".join(LETTERS) + "]")


@lru_cache(maxsize=65536)
def _token_points(token: str, endings: bool) -> tuple[tuple[str, float], ...]:
    """What one word gives each language: its function-word weight and its spellings'.
    Cached: a journey's words are few, its texts many (25,000 steps in the benchmark)."""
    found = list(_WEIGHTS.get(token, {}).items())
    for pattern, langs in SPELLINGS + ROMANCE_ENDINGS if endings else SPELLINGS:
        if pattern.search(token):
            found += [(lang, 1 / len(langs)) for lang in langs]
    return tuple(found)


def guess(texts: Iterable[str], *, min_score: float = 1.5, lead: float = 1.5) -> Guess:
    """The language of texts taken together: the one with the most points, when it has
    `min_score` points or more and `lead` times the points of the next; else not sure
    (`lang` None), with the languages that come close in `leading`."""
    return _guess(tuple(texts), min_score, lead)


@lru_cache(maxsize=4096)
def _guess(texts: tuple[str, ...], min_score: float, lead: float) -> Guess:
    total = dict.fromkeys(LANGS, 0.0)
    words = 0
    for text in texts:
        points, count = _scores(text)
        words += count
        for lang, value in points:
            total[lang] += value
    ranked = sorted(LANGS, key=lambda lang: -total[lang])
    best, second = total[ranked[0]], total[ranked[1]]
    sure = best >= min_score and best >= lead * second
    leading = tuple(lang for lang in ranked if total[lang] and total[lang] * lead > best)
    return Guess(ranked[0] if sure else None, leading, best, words, tuple(total.items()))


@lru_cache(maxsize=16384)
def _scores(text: str) -> tuple[tuple[tuple[str, float], ...], int]:
    points, count = scores(text)
    return tuple(points.items()), count
