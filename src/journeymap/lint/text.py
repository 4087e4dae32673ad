"""Reading step text as people type it: typographic apostrophes, accents, hyphens, case.

"J’ai", "J'ai" and "Jʼai" are the same words; so are "back-office", "back office" and
"backoffice". Rules compare normalised text so that typography never decides a finding.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

APOSTROPHES = "'’‘ʼ`´′"
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


def fold(text: str) -> str:
    """Casefolded, accents removed, every apostrophe as "'", runs of space as one."""
    text = _APOSTROPHE.sub("'", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


@cache
def _term_source(term: str) -> tuple[str, bool]:
    """The pattern's source for a term, and whether it is an acronym (matched as written).

    Kept apart from compiling: a configuration's word list of thousands goes into one
    alternation, and compiling each term first cost about a millisecond a word.
    """
    is_acronym = term.isupper() and len(term.replace(" ", "")) <= 6
    source = term if is_acronym else fold(term)
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", source) if p]
    body = r"[\s\-]?".join(parts)
    return rf"(?<![\w]){body}(?![\w])", is_acronym


@cache
def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word pattern for a term; an all-capitals acronym (SI, CRM) keeps its case.

    "SI" is the French "système d'information", but "si" is "if": acronyms only match
    as written. Spaces and hyphens inside a term match a space, a hyphen or nothing.
    """
    source, is_acronym = _term_source(term)
    return re.compile(source, 0 if is_acronym else re.IGNORECASE)


@cache
def _alternation(
    terms: tuple[str, ...], acronyms: bool
) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One pattern for many terms: a single regex scan instead of one per term."""
    chosen = tuple(t for t in terms if _term_source(t)[1] == acronyms)
    if not chosen:
        return None, ()
    body = "|".join(f"(?P<t{i}>{_term_source(t)[0]})" for i, t in enumerate(chosen))
    return re.compile(body, 0 if acronyms else re.IGNORECASE), chosen


def find_term(text: str, terms: tuple[str, ...], exclude: tuple[str, ...] = ()) -> str | None:
    """The first term (in text order) found in `text`, as the list spells it.

    Phrases in `exclude` are blanked out first, so that a term inside them is not found.
    At equal positions the term listed first wins, as a regex alternation does.
    """
    folded = fold(text)
    for phrase in exclude:
        folded = term_pattern(phrase).sub(" ", folded)
    plain = _APOSTROPHE.sub("'", text)
    best: tuple[int, int, str] | None = None
    for haystack, acronyms in ((folded, False), (plain, True)):
        pattern, chosen = _alternation(terms, acronyms)
        match = pattern.search(haystack) if pattern is not None else None
        if match is None or match.lastgroup is None:
            continue
        term = chosen[int(match.lastgroup[1:])]
        candidate = (match.start(), terms.index(term), term)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None
