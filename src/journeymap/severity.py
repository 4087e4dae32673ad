"""How serious a diagnostic is: the words every format, option and configuration uses.

Apart from `diagnostics`, whose records cost dataclasses to define, so that the command
line reads the choices of `--fail-on` at start-up for nothing.
"""

from __future__ import annotations

from typing import Literal, get_args

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}
