"""Exit codes that scripts can rely on, shared by every command, and the one place that
turns the library's refusals into them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from journeymap.diagnostics import Diagnostic

OK = 0
FINDINGS = 1
USAGE = 2
INTERNAL = 3
PIPE_CLOSED = 141
"""The reader of standard output went away (`| head`): 128 + SIGPIPE, as shells report."""


def outcome(unreadable: bool, findings: bool) -> int:
    """2 when some input could not be read at all, else 1 when something was found, else 0."""
    if unreadable:
        return USAGE
    return FINDINGS if findings else OK


def fail(message: str, code: int = USAGE) -> NoReturn:
    """One error line (`say`), then the exit code."""
    say(message)
    raise SystemExit(code)


def say(message: str) -> None:
    """One error line, its paths shortened to 160 characters (`textsafe.short_words`), for
    a command that goes on after it (`site --serve` after a failed rebuild)."""
    from journeymap.textsafe import short_words, visible

    sys.stderr.write(f"journeymap: error: {short_words(visible(message))}\n")


def report_invalid(diagnostics: Sequence[Diagnostic], files: int) -> None:
    """Invalid input files, on stderr as `validate` reports them: the command's own output
    on stdout stays clean."""
    report(diagnostics, files, "validate")


def report(diagnostics: Sequence[Diagnostic], files: int, command: str) -> None:
    """Diagnostics about the inputs on stderr, through the text reporter."""
    from journeymap.output.report import Report
    from journeymap.output.reporters import reporter

    reporter("text").write(Report(diagnostics, files, command), sys.stderr)


def fail_invalid(diagnostics: Sequence[Diagnostic], files: int, unreadable: bool) -> NoReturn:
    """Report invalid files, and exit 1 (2 when one could not be read at all)."""
    report_invalid(diagnostics, files)
    raise SystemExit(outcome(unreadable, findings=True))


class handled:
    """`with exits.handled():` around calls into the library: `Refused`, and the library
    errors named (`handled(OutputError)`), are one error line and exit 2; `InvalidInputs`
    is the report of the invalid files and exit 1 (or 2).

    A class rather than a generator, so that the type checker knows no exception is
    swallowed and a `return` inside the block is the function's last word.
    """

    def __init__(self, *errors: type[Exception]) -> None:
        self._errors = errors

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None:
            return
        from journeymap.load.limits import LimitError
        from journeymap.runner.errors import InvalidInputs, Refused

        # A limit set in the environment that means nothing (JOURNEYMAP_MAX_BYTES=abc)
        # is a usage error whichever command first reads it.
        if isinstance(error, (Refused, LimitError, *self._errors)):
            fail(str(error))
        if isinstance(error, InvalidInputs):
            fail_invalid(error.diagnostics, error.files, error.unreadable)
