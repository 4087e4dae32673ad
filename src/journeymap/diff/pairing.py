"""Which parts of two journeys are the same part: by id, by text, by channel, by order.

Every comparison in `diff/` pairs its parts here, so that stages, steps, channels, KPIs,
touchpoints and items are matched one way: by identity, never by position in the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from journeymap.diff.words import text_of
from journeymap.model.journey import Touchpoint

K = TypeVar("K")
T = TypeVar("T")

SIMILAR = 0.6
"""Two texts at least this similar (difflib ratio) are one item reworded, not two items."""


def in_new_order(
    olds: Mapping[K, T], news: Mapping[K, T]
) -> Iterator[tuple[K, T | None, T | None]]:
    """(key, old, new) of every new part in the new order, kept and added together, then
    (key, old, None) of every removed one in the old order."""
    for key, new in news.items():
        yield key, olds.get(key), new
    for key, old in olds.items():
        if key not in news:
            yield key, old, None


def in_old_order(
    olds: Mapping[K, T], news: Mapping[K, T]
) -> Iterator[tuple[K, T | None, T | None]]:
    """(key, old, new) of every part in the old order, then of the added ones."""
    for key in [*olds, *(k for k in news if k not in olds)]:
        yield key, olds.get(key), news.get(key)


def stable_order(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Ids common to both orders that kept their place: the longest common subsequence.

    The others among the common ids are the ones that moved; computing the LCS (rather
    than comparing indexes) means that inserting one step does not "move" all the next.
    """
    common = set(old) & set(new)
    a = [x for x in old if x in common]
    b = [x for x in new if x in common]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    return kept


def by_id(value: Any) -> dict[str, BaseModel] | None:
    """A list of models that all have an `id`, keyed by it; None for any other value."""
    if not isinstance(value, list) or not all(
        isinstance(v, BaseModel) and isinstance(getattr(v, "id", None), str) for v in value
    ):
        return None
    return {v.id: v for v in value}


def textual(value: Any) -> bool:
    """A list of texts, or of items told by a text (thoughts, actions, opportunities)."""
    return isinstance(value, list) and all(
        isinstance(v, str) or (isinstance(v, BaseModel) and "text" in type(v).model_fields)
        for v in value
    )


def match_items(
    olds: Sequence[Any], news: Sequence[Any]
) -> tuple[list[Any], list[Any], list[tuple[Any, Any]]]:
    """(added, removed, changed pairs) of two lists of items, matched by text.

    The same text is the same item (its other fields may have changed); what is left is
    paired by similarity, so that a reworded irritant reads as reworded, not as one
    irritant fixed and another found.
    """
    unmatched_old = list(olds)
    added: list[Any] = []
    pairs: list[tuple[Any, Any]] = []
    for item in news:
        same = next((o for o in unmatched_old if text_of(o) == text_of(item)), None)
        if same is None:
            added.append(item)
        else:
            unmatched_old.remove(same)
            if same != item:
                pairs.append((same, item))
    for item in list(added):
        best = max(
            unmatched_old,
            key=lambda o: difflib.SequenceMatcher(a=text_of(o), b=text_of(item)).ratio(),
            default=None,
        )
        if best is not None and (
            difflib.SequenceMatcher(a=text_of(best), b=text_of(item)).ratio() >= SIMILAR
        ):
            unmatched_old.remove(best)
            added.remove(item)
            pairs.append((best, item))
    return added, unmatched_old, pairs


def channel_moves(
    olds: Mapping[str, Touchpoint],
    news: Mapping[str, Touchpoint],
    removed: Sequence[str],
    added: Sequence[str],
) -> list[tuple[str, str]]:
    """Touchpoints of a step that left one channel for another: the same name, or items."""

    def items(t: Touchpoint) -> set[str]:
        return {i.text for i in (*t.delights, *t.irritants, *t.breakpoints)}

    moves: list[tuple[str, str]] = []
    free = list(added)
    for source in removed:
        before = olds[source]
        for target in free:
            after = news[target]
            same_name = before.name is not None and before.name == after.name
            if same_name or items(before) & items(after):
                moves.append((source, target))
                free.remove(target)
                break
    if not moves and len(removed) == 1 and len(added) == 1:
        before, after = olds[removed[0]], news[added[0]]
        if before.model_copy(update={"channel": after.channel}) == after:
            moves.append((removed[0], added[0]))
    return moves
