"""Folded tokens and closed word lists: what every reading of a sentence starts from."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from journeymap.lint.text import fold

Lang = Literal["fr", "en"]
Kind = Literal["first", "company", "customer", "no-subject", "other"]

_TOKEN = re.compile(r"[a-z0-9]+'|[a-z0-9]+|[,?!:;.(]")


# Compounds written in one, two or hyphenated words read as one token.
_COMPOUNDS = (
    (re.compile(r"\b(back|middle|front)[\s-]?(office|end)s?\b"), r"\1\2"),
    (re.compile(r"\bmises? a jour\b"), "miseajour"),
    (re.compile(r"\brendez-vous\b"), "rendezvous"),
    (re.compile(r"\blcb-ft\b"), "lcbft"),
    (re.compile(r"\bbehind the scenes\b"), "behindthescenes"),
    (re.compile(r"\bmises? en rayons?\b"), "miseenrayon"),
    (re.compile(r"\bpacking slips?\b"), "packingslip"),
    (re.compile(r"\bthank[\s-]you\b"), "thankyou"),
    # "Y a-t-il", "est-elle": an inverted pronoun is a question's, not a subject.
    (re.compile(r"-t-(il|elle|on)\b|\b(\w+)-(il|elle|ils|elles)\b"), r" \2"),
)


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Folded tokens; elisions keep their apostrophe ("j'", "l'") and punctuation is kept.

    Cached: every reading of a step (its language, voice, back-office signs, records)
    starts from the same tokens, and folding is the costliest part of tokenising.
    """
    folded = fold(text)
    for pattern, replacement in _COMPOUNDS:
        folded = pattern.sub(replacement, folded)
    return tuple(_TOKEN.findall(folded))


def unaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def lex(text: str) -> frozenset[str]:
    return frozenset(unaccent(w) for w in text.split())
