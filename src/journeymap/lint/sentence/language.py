"""Which language a text or a journey is written in, from function words and accents."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from journeymap.lint.sentence.tokens import Lang, words
from journeymap.lint.text import fold

_FR_ONLY = frozenset(
    [
        "je",
        "j'",
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "et",
        "est",
        "sur",
        "pour",
        "avec",
        "dans",
        "au",
        "aux",
        "ce",
        "cette",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "nous",
        "vous",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "qu'",
        "que",
        "qui",
        "pas",
        "ne",
        "n'",
        "en",
        "par",
        "se",
        "s'",
        "c'",
        "y",
        "a",
    ]
)
_EN_ONLY = frozenset(
    [
        "i",
        "the",
        "a",
        "an",
        "and",
        "is",
        "are",
        "was",
        "were",
        "to",
        "of",
        "for",
        "with",
        "in",
        "on",
        "at",
        "my",
        "your",
        "our",
        "their",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "be",
        "will",
        "have",
        "has",
        "from",
        "by",
        "not",
        "do",
        "does",
        "can",
        "get",
    ]
)
_ACCENTS = re.compile(r"[éèêàùçôîœâë]", re.IGNORECASE)


def journey_lang(texts: Iterable[str], default: Lang) -> Lang:
    """The language most of a journey's texts are in, for a journey without `lang`.

    Short texts ("Checkout", "Paiement") carry no evidence of their own; they take the
    language of the texts around them rather than the format's default.
    """
    return _journey_lang(tuple(texts), default)


@lru_cache(maxsize=4)
def _journey_lang(texts: tuple[str, ...], default: Lang) -> Lang:
    """Cached by the texts themselves: the voice and internal-work rules each ask it of
    the same journey, and `_evidence`'s cache cannot hold a journey of 25,000 steps."""
    fr = en = 0
    for text in texts:
        text_fr, text_en = _evidence(text)
        fr, en = fr + text_fr, en + text_en
    if fr == en:
        return default
    return "en" if en > fr else "fr"


_EN_ENDINGS = re.compile(r"\b\w+(ing|ed|ness|ship|ment|ly)\b")


@lru_cache(maxsize=16384)
def _evidence(text: str) -> tuple[int, int]:
    """Points for French and for English: function words, accents, English endings."""
    toks = [t for t in words(text) if t[0].isalnum()]
    fr = sum(t in _FR_ONLY for t in toks) + 2 * len(_ACCENTS.findall(text))
    en = sum(t in _EN_ONLY for t in toks) + len(_EN_ENDINGS.findall(fold(text)))
    return fr, en


@lru_cache(maxsize=16384)
def guess_lang(text: str) -> Lang | None:
    """fr or en from function words and accents; None when the text does not say.

    A journey may mix languages (an English brand's steps in a French map); short noun
    phrases ("Paiement", "Checkout") carry no evidence and take the journey's language.
    """
    toks = [t for t in words(text) if t[0].isalnum()]
    if toks[:1] in (["je"], ["j'"]):
        return "fr"
    if toks[:1] in (["i"], ["i'"], ["we"]):
        return "en"
    fr, en = _evidence(text)
    if fr >= en + 2:
        return "fr"
    if en >= fr + 2:
        return "en"
    return None


def _latin(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0xFB00 <= code <= 0xFB06


_FRENCH_ENGLISH = frozenset("abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ")


@lru_cache(maxsize=16384)
def other_latin_language(text: str) -> bool:
    """Whether a text in Latin letters is written in another language than French or
    English: two letters or more that neither writes (Vietnamese `Hệ thống`, `đơn`;
    Polish `Użytkownik`; Turkish `Müşteri`...). Read as French or English, folded,
    `Hệ` was the pronoun 'He' and `đơn` the word 'on' ("told in the company's voice").
    One such letter is a name (`Škoda`), not a language."""
    alien = sum(1 for c in text if c.isalpha() and _latin(c) and c.lower() not in _FRENCH_ENGLISH)
    return alien >= 2


@lru_cache(maxsize=16384)
def other_script(text: str) -> bool:
    """Whether most of a text's letters are of another script than Latin (Chinese,
    Cyrillic, Arabic, Greek...): a language these rules cannot read at all. A brand or a
    code in Latin letters inside it ("导出 HTML") does not make it readable."""
    latin = foreign = 0
    for char in text:
        if not char.isalpha():
            continue
        if _latin(char):
            latin += 1
        else:  # a Chinese, Japanese or Korean character holds a word, not a letter
            foreign += 3 if 0x2E80 <= ord(char) <= 0xD7AF else 1
    return foreign > latin


_FIRST_PERSON = (["je"], ["j'"], ["i"], ["i'"], ["we"])


@lru_cache(maxsize=16384)
def other_language(text: str) -> bool:
    """Whether a text in Latin letters is written in another language than French or
    English, one whose function words the guess knows (`journeymap.lang_words`:
    Spanish, Portuguese, Italian, German, Dutch, Catalan, Polish...): read as French,
    "Busco un vestido para la boda" had no subject, "Der Kunde bekommt das Paket" was
    told in the company's voice. Only a clear lead counts: a French or English sentence
    holding a Spanish brand or dish ("Je bois un café con leche", "I book a table at La
    Casa de Pepe") is still read, and so is one opened by "je", "I" or "we"."""
    from journeymap.lang_words import scores

    if [t for t in words(text) if t[0].isalnum()][:1] in _FIRST_PERSON:
        return False
    points, _ = scores(text, endings=True)
    read = max(points.pop("fr"), points.pop("en"))
    # Which of the others leads does not matter here, only that one leads French and
    # English: "O cliente recebe o pedido" is Portuguese or Spanish, surely not French.
    other = max(points.values())
    return other >= OTHER_POINTS and other >= OTHER_LEAD * read


OTHER_POINTS = 1.25
OTHER_LEAD = 1.5
"""A text is in another language when that language has this many points and this many
times those of French and of English. Over the 7,795 texts of tests/corpus (French and
English), none is; benchmarks/lang_guess.py measures the rest."""


def journey_in_other_language(texts: Iterable[str]) -> bool:
    """Whether a journey's texts, taken together, are clearly in another language than
    French or English (`other_language`'s languages): a journey without `lang` the
    rules cannot read, whose short texts ("Contacto inicial") would be read as French."""
    from journeymap.lang_words import guess

    found = guess(texts).lang
    return found is not None and found not in ("fr", "en")


def unreadable(text: str) -> bool:
    """Whether a text is in a language these rules cannot read: another script, Latin
    letters neither French nor English writes, or another language's function words.
    The voice and internal-work rules leave such a text to its authors."""
    return other_script(text) or other_latin_language(text) or other_language(text)
