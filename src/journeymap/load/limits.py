"""Safety limits applied before and while parsing, so hostile input fails fast and clearly."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

DEFAULT_MAX_BYTES = 4 * 1024 * 1024

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b|bytes?)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_LARGEST = 1024**4


class LimitError(ValueError):
    """A limit set in the environment that cannot be understood: a usage error, exit 2."""


def parse_size(raw: str, name: str) -> int:
    """`10485760`, `10M`, `10MB`, `10 MiB`, `1.5GB`, `512k` as bytes (units of 1024, as
    the messages print them); anything else is an error that says what to write."""
    match = _SIZE.fullmatch(raw)
    if match is None:
        raise LimitError(
            f"{name}={raw!r} is not a size; write bytes (10485760) or with a unit (10M, 10MB, 512K)"
        )
    value = float(match.group(1)) * _UNITS[(match.group(2) or "").lower()]
    if value < 1:
        raise LimitError(f"{name}={raw!r} must be at least 1 byte")
    if value > _LARGEST:  # 1000000G overflowed the read's size argument (exit 3)
        raise LimitError(f"{name}={raw!r} is more than 1024G; no file that large can be loaded")
    return int(value)


@cache
def _env_size(name: str, raw: str | None, default: int) -> int:
    if raw is None or not raw.strip():
        return default
    return parse_size(raw, name)


EXPORT_MAX_BYTES = 256 * 1024 * 1024
"""Survey exports are not journeys: a year of answers in a spreadsheet is tens of
megabytes. Bounded all the same, so that a device or an endless pipe is never read
into memory whole."""

DEFAULT_PIPE_WAIT = 10.0
"""Seconds a named pipe may stay without a writer before it is refused: long enough for a
producer started beside the command (`mkfifo p; producer > p & journeymap lint p`), short
enough that a forgotten pipe does not hang a CI job."""


@cache
def _env_seconds(name: str, raw: str | None, default: float) -> float:
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86_400:
        raise LimitError(f"{name}={raw!r} is not a number of seconds; write e.g. 10 or 0.5")
    return value


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one journey file may cost to load.

    A real journey of 50 stages x 40 steps is well under a megabyte and ten levels deep;
    the defaults leave ample room while refusing inputs built to exhaust memory or stack.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = 64
    max_alias_expansion: int = 50_000
    pipe_wait: float = DEFAULT_PIPE_WAIT

    @classmethod
    def from_env(cls) -> Limits:
        """The limits, with JOURNEYMAP_MAX_BYTES and JOURNEYMAP_PIPE_WAIT applied;
        LimitError when one cannot be understood."""
        name = "JOURNEYMAP_MAX_BYTES"
        wait = "JOURNEYMAP_PIPE_WAIT"
        return cls(
            max_bytes=_env_size(name, os.environ.get(name), DEFAULT_MAX_BYTES),
            pipe_wait=_env_seconds(wait, os.environ.get(wait), DEFAULT_PIPE_WAIT),
        )
