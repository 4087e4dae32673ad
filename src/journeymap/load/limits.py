"""Safety limits applied before and while parsing, so hostile input fails fast and clearly."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 4 * 1024 * 1024


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return max(1, int(raw))
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one journey file may cost to load.

    A real journey of 50 stages x 40 steps is well under a megabyte and ten levels deep;
    the defaults leave ample room while refusing inputs built to exhaust memory or stack.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = 64
    max_alias_expansion: int = 50_000

    @classmethod
    def from_env(cls) -> Limits:
        return cls(max_bytes=_env_int("JOURNEYMAP_MAX_BYTES", DEFAULT_MAX_BYTES))
