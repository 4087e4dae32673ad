"""journeymap: customer journeys as plain YAML files that can be validated, linted and drawn."""

import sys as _sys

TYPE_CHECKING = False  # not `typing`'s: importing it would slow `journeymap --version`
if TYPE_CHECKING:
    from types import TracebackType

__version__ = "0.1.0"


def _stopped_while_starting(
    kind: type[BaseException], value: BaseException, tb: "TracebackType | None"
) -> None:
    """Ctrl-C while the command's first modules load, before `journeymap.cli.entry` can
    catch it: one line and exit 130, as later (Python printed a KeyboardInterrupt
    traceback). Only for the command itself: set when this package is imported by the
    console script or by `python -m journeymap` (argv[0] is '-m' while the module to run
    is looked for), never for a program that imports journeymap as a library."""
    if issubclass(kind, KeyboardInterrupt):
        import os

        _sys.stderr.write("journeymap: interrupted\n")
        _sys.stderr.flush()
        os._exit(130)
    _sys.__excepthook__(kind, value, tb)


def _started_as_the_command() -> bool:
    argv: list[str] = getattr(_sys, "argv", None) or [""]
    name = argv[0].replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".exe")
    return argv[0] == "-m" or name == "journeymap"


if _started_as_the_command() and _sys.excepthook is _sys.__excepthook__:
    _sys.excepthook = _stopped_while_starting
