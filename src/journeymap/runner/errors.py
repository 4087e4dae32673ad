"""The two ways a run stops short, which the CLI maps to exit codes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic


class Refused(Exception):
    """Options or inputs the run cannot use (exit 2); the message is the one line to show,
    naming the file or option and the fix."""


class InvalidInputs(Exception):
    """Some inputs are not valid journeys, so nothing was written: reported as `validate`
    reports them (exit 1, or 2 when a file could not be read at all)."""

    def __init__(self, diagnostics: Sequence[Diagnostic], files: int, unreadable: bool) -> None:
        super().__init__(f"{len(diagnostics)} problems in {files} files")
        self.diagnostics = list(diagnostics)
        self.files = files
        self.unreadable = unreadable


@contextmanager
def refusing(*errors: type[Exception]) -> Iterator[None]:
    """Turns the library's own errors, whose message is already the line to show, into
    `Refused`, so that the CLI needs to know one exception rather than each module's."""
    try:
        yield
    except errors as exc:
        raise Refused(str(exc)) from None
