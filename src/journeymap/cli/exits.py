"""Exit codes that scripts can rely on, shared by every command."""

from __future__ import annotations

import sys
from typing import NoReturn

OK = 0
FINDINGS = 1
USAGE = 2
INTERNAL = 3
PIPE_CLOSED = 141
"""The reader of standard output went away (`| head`): 128 + SIGPIPE, as shells report."""


def fail(message: str, code: int = USAGE) -> NoReturn:
    from journeymap.textsafe import visible

    sys.stderr.write(f"journeymap: error: {visible(message)}\n")
    raise SystemExit(code)
