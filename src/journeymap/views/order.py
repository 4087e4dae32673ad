"""One order out of several: the stages, steps and channels of journeys drawn together."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def merge_orders(
    sequences: Sequence[Sequence[K]], rank: Callable[[K], int] | None = None
) -> list[K]:
    """One order that keeps every sequence's own order where they agree.

    Among the items whose predecessors are all placed, the lowest `rank` wins (stages
    rank by phase, so a comparison keeps "before", "during" and "after" together), then
    the one seen first; a single sequence comes back unchanged and unrelated items keep
    their order of first appearance. Contradictory orders (a cycle) fall back to first
    appearance.
    """
    first_seen: dict[K, int] = {}
    successors: dict[K, set[K]] = {}
    waiting: dict[K, int] = {}
    for sequence in sequences:
        previous: K | None = None
        for item in sequence:
            first_seen.setdefault(item, len(first_seen))
            successors.setdefault(item, set())
            waiting.setdefault(item, 0)
            if previous is not None and previous != item and item not in successors[previous]:
                successors[previous].add(item)
                waiting[item] += 1
            previous = item

    # Kahn's algorithm with a heap: linear-logarithmic, where rescanning every remaining
    # item at each placement cost minutes for a journey of 10,000 stages.
    def key(item: K) -> tuple[int, int]:
        return (rank(item) if rank else 0, first_seen[item])

    by_appearance = sorted(first_seen, key=first_seen.__getitem__)
    ready = [(key(i), i) for i in by_appearance if waiting[i] == 0]
    heapq.heapify(ready)
    placed: list[K] = []
    done: set[K] = set()
    oldest = 0  # the first item by appearance that may not be placed yet (cycle fallback)
    while len(placed) < len(first_seen):
        if ready:
            _, item = heapq.heappop(ready)
            if item in done:
                continue
        else:
            while by_appearance[oldest] in done:
                oldest += 1
            item = by_appearance[oldest]
        placed.append(item)
        done.add(item)
        for successor in successors[item]:
            waiting[successor] -= 1
            if waiting[successor] == 0 and successor not in done:
                heapq.heappush(ready, (key(successor), successor))
    return placed
