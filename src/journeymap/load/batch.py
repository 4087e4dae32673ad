"""Loading many files, in the order they were given whatever the parallelism."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from journeymap.load.journey_file import JourneyFile, load_file
from journeymap.load.limits import Limits


def load_all(files: Sequence[Path], limits: Limits | None = None) -> Iterator[JourneyFile]:
    limits = limits or Limits.from_env()
    for path in files:
        yield load_file(path, limits)
