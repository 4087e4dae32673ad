"""A journey's language: the BCP 47 tag it is written in, and what journeymap makes of it.

The customer's words can be in any language (`lang: es`, `pt-BR`, `ja`, `ar`), so the
format takes any well-formed BCP 47 tag and keeps it as given: the site writes it in
`<html lang>` for screen readers, hyphenation and fonts. What journeymap prints itself
(headers, legends, the site's navigation) exists in a few languages only, `WORDS_LANGS`,
and the lint reads the customer's voice in French and English only: the tag's first
subtag picks them, and any other language falls back to English words and no voice
reading (a Spanish step read as French would be "without a subject" on every line).
"""

from __future__ import annotations

import re
from typing import Literal, get_args

WordsLang = Literal["fr", "en", "es", "de", "it", "pt", "nl"]
"""The languages of journeymap's own words on maps, matrices and the site."""
WORDS_LANGS: tuple[WordsLang, ...] = get_args(WordsLang)
ReadLang = Literal["fr", "en"]
"""The languages whose sentences the lint reads (the customer's 'je' / 'I')."""

LANG_PATTERN = (
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"  # language, extlang
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$"  # private use
)
"""A well-formed BCP 47 language tag (RFC 5646's `langtag`), as editors check it; the
language subtag has 2 or 3 letters (the 4-8 letter form is reserved and unused, and
would let `lang: english` pass)."""
_TAG = re.compile(LANG_PATTERN)

_RTL_LANGS = frozenset(
    [
        "ar",
        "arc",
        "azb",
        "ckb",
        "dv",
        "fa",
        "he",
        "iw",
        "ji",
        "khw",
        "ks",
        "lrc",
        "mzn",
        "nqo",
        "pnb",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    ]
)
"""Languages written right to left unless the tag names another script (`ku-Arab` is,
`ms-Arab` too; `sd-Deva` is not)."""
_RTL_SCRIPTS = frozenset(
    ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "samr", "mand", "yezi"]
)


def check_lang(value: str) -> str:
    """The tag as given, when it is well formed (`fr`, `pt-BR`, `zh-Hant-TW`)."""
    if _TAG.match(value) is None:
        # pydantic only when the tag is wrong: `quickcheck` reads valid files without it
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError(
            "lang_format",
            "write a BCP 47 language tag like fr, en, es, de, pt-BR, ja or ar",
        )
    return value


def primary(tag: str) -> str:
    """The language subtag, lower case: `pt` for `pt-BR`."""
    return tag.split("-", 1)[0].lower()


def words_lang(tag: str) -> WordsLang:
    """The language journeymap's own words are printed in for `tag`: its own when
    journeymap has them, else English."""
    first = primary(tag)
    for known in WORDS_LANGS:
        if known == first:
            return known
    return "en"


def read_lang(tag: str) -> ReadLang | None:
    """The language the lint reads a journey's sentences in, None when it cannot."""
    first = primary(tag)
    return "fr" if first == "fr" else "en" if first == "en" else None


def is_rtl(tag: str) -> bool:
    """Whether text in `tag` is laid out right to left (Arabic, Hebrew, Persian, Urdu...)."""
    parts = tag.lower().split("-")
    scripts = [p for p in parts[1:4] if len(p) == 4 and p.isalpha()]
    if scripts:
        return scripts[0] in _RTL_SCRIPTS
    return parts[0] in _RTL_LANGS
