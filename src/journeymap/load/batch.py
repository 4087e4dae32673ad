"""Loading many files: full loads for the views, validity alone for `validate`."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from journeymap.diagnostics import Diagnostic
from journeymap.load.journey_file import JourneyFile, load_file
from journeymap.load.limits import Limits
from journeymap.load.repository import JourneyId, journey_id


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is loaded.

    Loading allocates hundreds of thousands of acyclic objects (nodes, dicts, models);
    each allocation burst triggers collections that rescan everything alive, which cost
    up to 40% of load time. Reference counting frees all of it anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_all(files: Sequence[Path], limits: Limits | None = None) -> Iterator[JourneyFile]:
    """Full loads (model and node tree) in this process, for commands that need the models."""
    limits = limits or Limits.from_env()
    for path in files:
        with collector_paused():
            loaded = load_file(path, limits)
        yield loaded


@dataclass(frozen=True, slots=True)
class Validity:
    """What `validate` needs of a file: small enough to send back from a worker."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    unreadable: bool
    journey_id: JourneyId | None


def validity(path: Path) -> Validity:
    with collector_paused():
        loaded = load_file(path, model=False)
    return Validity(loaded.path, tuple(loaded.diagnostics), loaded.unreadable, journey_id(loaded))
