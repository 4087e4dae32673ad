"""Where a command's text goes: standard output as it is produced, or one file.

A file is written once its content is complete, atomically, so that an interrupted or
failed run leaves the previous file whole; standard output is written as the content
comes, so that a long report starts showing at once.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from journeymap.output.atomic import refuse_overwriting_inputs, write_atomic

STDOUT = "-"
"""`-o -`: standard output, as most tools read it."""


def output_file(value: str | Path | None) -> Path | None:
    """The file `-o` names, or None for standard output (no -o, or `-o -`)."""
    if value is None or str(value) == STDOUT:
        return None
    return Path(value)


def deliver(
    write: Callable[[TextIO], object], output: Path | None, inputs: Iterable[Path] = ()
) -> None:
    """Run `write` on standard output, or collect it and write `output` atomically,
    refusing it when it is one of `inputs`. Raises OutputError."""
    if output is None:
        write(sys.stdout)
        return
    buffer = io.StringIO()
    write(buffer)
    refuse_overwriting_inputs(output, inputs)
    write_atomic(output, buffer.getvalue())


def wrote(written: Sequence[Path | str], shown: int = 3) -> str:
    """ "wrote a, b, c and 4 more", or "" when nothing was written: a batch of hundreds
    of files must not flood the terminal; a newline in a name must not forge a line."""
    if not written:
        return ""
    from journeymap.textsafe import visible

    names = ", ".join(visible(str(path)) for path in written[:shown])
    more = f" and {len(written) - shown} more" if len(written) > shown else ""
    return f"wrote {names}{more}"
