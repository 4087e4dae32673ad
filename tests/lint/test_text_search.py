"""The single-regex term search finds what searching term by term finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from journeymap.lint.rules.internal import INTERNAL_WORDS
from journeymap.lint.text import _APOSTROPHE, find_term, fold, term_pattern

TERMS = (*INTERNAL_WORDS["fr"], *INTERNAL_WORDS["en"])


def one_by_one(text: str, terms: tuple[str, ...]) -> str | None:
    """The obvious definition: every term searched on its own, the leftmost wins."""
    folded = fold(text)
    plain = _APOSTROPHE.sub("'", text)
    best: tuple[int, int] | None = None
    for index, term in enumerate(terms):
        pattern = term_pattern(term)
        haystack = plain if pattern.flags & re.IGNORECASE == 0 else folded
        match = pattern.search(haystack)
        if match and (best is None or (match.start(), index) < best):
            best = (match.start(), index)
    return terms[best[1]] if best else None


words = st.sampled_from([*TERMS, "je", "saisis", "mon", "le", "SI", "si", "Ticket", "CRM", "é"])


@given(st.lists(words, max_size=8).map(" ".join))
def test_same_answer_as_searching_term_by_term(text: str) -> None:
    assert find_term(text, TERMS) == one_by_one(text, TERMS)


def test_examples() -> None:
    assert find_term("Je saisis ma demande dans le CRM puis le back office", TERMS) == "CRM"
    assert find_term("Je me demande si c'est prêt", TERMS) is None
