"""A learned second opinion on back-office work: logistic regression over a text's words.

The hand-written reading (journeymap.lint.sentence) knows the back office's words and
grammar; on writing it was not built on it misses back-office steps told in a
customer's words ("Parcel verification", "Commission Tracking"). This scorer weighs the
text's words, word pairs, crude stems, word families (a verb, its forms, its deverbal
noun), the shape of its first word and the reading's own signals (the voice, a weak or
sure sign, the signs of the steps around it), with weights fitted on the labelled corpus
(tests/corpus) by `benchmarks/learned_internal.py`.

It is not part of the lint: measured leave-one-set-out, the findings it adds to the
rules are right about two times in three (tests/corpus/README.md). It stays here in
plain Python (standard library and journeymap.lint only: a dict of weights, a sum and a
sigmoid per text) so that the measurement can be repeated on a new blind set
(`learned_internal.py --measure`), and the scorer moved into the package unchanged
should it win there.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymap.lint.text import fold

if TYPE_CHECKING:
    from journeymap.lint.sentence.tokens import Lang

_TOKEN = re.compile(r"[a-z0-9]+")

# Closed classes: the shape of a sentence, whatever it is about.
_PERSON = {
    "je": "i", "j": "i", "me": "i", "m": "i", "moi": "i", "mon": "my", "ma": "my", "mes": "my",
    "nous": "we", "notre": "our", "nos": "our", "on": "we", "vous": "you", "votre": "your",
    "vos": "your", "tu": "you", "ton": "your", "ta": "your", "te": "you", "t": "you",
    "i": "i", "my": "my", "mine": "my", "myself": "i", "we": "we", "us": "we", "our": "our",
    "you": "you", "your": "your",
}  # fmt: skip
_CUSTOMER = {
    "client", "cliente", "clients", "utilisateur", "utilisatrice", "usager", "usagers",
    "customer", "customers", "user", "users", "visitor", "guest", "applicant", "candidat",
}  # fmt: skip
_SUFFIXES = (
    "ification", "isation", "ization", "ation", "tion", "sion", "ment", "age", "ure",
    "ance", "ence", "ness", "ity", "ing", "ed", "ee", "ees", "es", "e", "er", "ir", "ez",
    "ons", "ent", "s",
)  # fmt: skip


def _suffix(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) >= len(suffix) + 3:
            return suffix
    return "-"


@lru_cache(maxsize=16384)
def _text_features(text: str, lang: str, families: bool = True) -> tuple[str, ...]:
    """The features read from the words alone (cached: stages and steps repeat).

    With `families`, each word also stands for its candidate lemmas and the verbs a
    deverbal noun comes from, so "verified", "verification" and "verify" share a weight.
    """
    tokens = _TOKEN.findall(fold(text).replace("'", " "))
    feats = {f"lang:{lang}"}
    size = len(tokens)
    feats.add("len:" + ("1" if size <= 1 else "2-3" if size <= 3 else "4-8" if size <= 8 else "9+"))
    if tokens:
        first = tokens[0]
        feats.add(f"first:{lang}:{_suffix(first)}")
        feats.add(f"firstw:{first}")
    for token in tokens:
        feats.add(f"w:{token}")
        if len(token) >= 6 and not token.isdigit():
            feats.add(f"p:{token[:5]}")
        person = _PERSON.get(token)
        if person is not None:
            feats.add(f"person:{person}")
        if token in _CUSTOMER:
            feats.add("person:customer")
        if families and len(token) >= 4 and not token.isdigit():
            feats.update(f"l:{lemma}" for lemma in _family(token, "en" if lang == "en" else "fr"))
    for left, right in zip(["^", *tokens], [*tokens, "$"], strict=True):
        feats.add(f"b:{left}_{right}")
    return tuple(sorted(feats))


def _family(token: str, lang: Lang) -> frozenset[str]:
    from journeymap.lint.sentence.lemmas import _noun_lemmas, lemmas

    return (lemmas(token, lang) | _noun_lemmas(token, lang)) - {token}


def features(
    text: str,
    lang: str,
    stage: bool,
    voice: str,
    score: int,
    task: bool,
    near: tuple[int, int],
    families: bool = True,
) -> dict[str, float]:
    """The text's features: its words, and what the hand-written reading says of it.

    `voice` is the sentence's subject reading, `score` the reading's back-office sign
    (0 none, 1 weak, 2 sure), `task` a staff task told without the customer, `near` how
    many of its four nearest neighbours carry a sign and a sure sign.
    """
    words = _text_features(text, lang, families)
    scale = 1.0 / math.sqrt(len(words))
    result = dict.fromkeys(words, scale)
    signed, sure = near
    for name in (
        "kind:stage" if stage else "kind:step",
        f"voice:{voice}",
        f"sign:{score}",
        f"sign:{score}:{voice}",
        f"near-signed:{signed}",
        f"near-sure:{min(sure, 3)}",
        f"sign:{score}:near:{min(signed, 4)}",
    ):
        result[name] = 1.0
    if task:
        result["task"] = 1.0
    return result


def model(path: Path) -> dict[str, Any]:
    """A weights file of `learned_internal.py --write`: bias, threshold per language, weights."""
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def probability(weights: dict[str, float], bias: float, feats: dict[str, float]) -> float:
    """How likely the text describes work the customer neither does nor sees."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def evidence(weights: dict[str, float], text: str, count: int = 3) -> tuple[str, ...]:
    """The words of the text that weigh most towards back-office work, as written."""
    scored = []
    for raw in dict.fromkeys(re.findall(r"[^\W_]+", text)):
        token = fold(raw)
        weight = weights.get(f"w:{token}", 0.0)
        if len(token) >= 6:
            weight += weights.get(f"p:{token[:5]}", 0.0)
        if weight > 0:
            scored.append((-weight, raw))
    return tuple(raw for _, raw in sorted(scored)[:count])


def semantic(table: Any, text: str, lang: str, weight: float, dims: int = 0) -> dict[str, float]:
    """The text's meaning as features: its mean word-piece vector (benchmarks/embedding.py).

    Named `e:{lang}:{i}` when `lang` is given (a weight per language), else `e:{i}`.
    """
    vector = table.mean(text)
    if dims:
        vector = vector[:dims]
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        vector = tuple(v / norm for v in vector)
    prefix = f"e:{lang}:" if lang else "e:"
    return {f"{prefix}{i}": weight * v for i, v in enumerate(vector) if v}
