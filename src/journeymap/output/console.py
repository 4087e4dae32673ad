"""The rich console every coloured output (matrix, diff) writes through.

rich is imported only when a console is made, so that the choice list can be read by
the command line at start-up for nothing.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

ColorMode = Literal["auto", "always", "never"]
"""auto: colour on a terminal, unless NO_COLOR is set; always and never as they say."""


def console(stream: TextIO, color: ColorMode) -> Console:
    """A console on `stream`; `always` wins over NO_COLOR, as an explicit flag should.

    Forced colour on a terminal that names no colour system (TERM unset or dumb, as in
    CI logs) uses the 8 standard colours that every log viewer shows.
    """
    from rich.console import Console

    common = {"file": stream, "highlight": False, "emoji": False, "markup": False}
    if color == "always":
        dumb = os.environ.get("TERM", "") in ("", "dumb", "unknown")
        return Console(
            force_terminal=True,
            no_color=False,
            color_system="standard" if dumb else "auto",
            **common,  # type: ignore[arg-type]
        )
    if color == "never":
        return Console(color_system=None, **common)  # type: ignore[arg-type]
    return Console(**common)  # type: ignore[arg-type]
