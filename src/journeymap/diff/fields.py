"""Fields without a dedicated rule, compared by walking the models.

A field added to the format later (a step's `thoughts`, a journey's `owner`) shows up as
a `field-changed` without any change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from pydantic import BaseModel

from journeymap.diff.pairing import by_id, in_old_order, match_items, textual
from journeymap.diff.words import dump, item_change, item_detail, quote, text_of


class Emit(Protocol):
    def __call__(self, path: str, before: Any, after: Any, item: str | None = None) -> None:
        """Report `path` changed; `item` tells one item of a list added, removed or changed."""


def walk(
    old: BaseModel,
    new: BaseModel,
    prefix: str,
    skip: Iterable[str],
    emit: Emit,
) -> None:
    """Report every differing field not in `skip`, recursing into nested models.

    Lists of models with an `id` are matched by id, and lists of texts (or of items told
    by a text) by their text, so that reordering them is no change.
    """
    skipped = set(skip)
    names = [n for n in type(new).model_fields if n not in skipped]
    names += [n for n in type(old).model_fields if n not in skipped and n not in names]
    for name in names:
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a == b:
            continue
        path = f"{prefix}{name}"
        if isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
            walk(a, b, path + ".", (), emit)
        elif textual(a) and textual(b) and (a or b):
            added, removed, pairs = match_items(a or [], b or [])
            if not (added or removed or pairs):
                continue  # reordered only
            for item in added:
                emit(path, None, dump(item), f"+ {quote(text_of(item))}{item_detail(item)}")
            for item in removed:
                emit(path, dump(item), None, f"− {quote(text_of(item))}")
            for before, after in pairs:
                emit(path, dump(before), dump(after), item_change(before, after))
        elif by_id(a) is not None and by_id(b) is not None:
            olds, news = by_id(a) or {}, by_id(b) or {}
            if (
                list(olds) != list(news)
                and set(olds) == set(news)
                and all(olds[k] == news[k] for k in olds)
            ):
                continue  # reordered only
            for key, was, now in in_old_order(olds, news):
                if now is None:
                    emit(f"{path}[{key}]", dump(was), None)
                elif was is None:
                    emit(f"{path}[{key}]", None, dump(now))
                elif was != now:
                    walk(was, now, f"{path}[{key}].", (), emit)
        else:
            emit(path, dump(a), dump(b))
