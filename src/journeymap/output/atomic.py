"""Writing outputs so that an interrupted run never leaves a half-written file.

The content goes to a temporary file in the destination folder, then is renamed over
the target: rename is atomic on one file system, so readers see the old file or the new
one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that cannot or must not be written; the message says why."""


class InputGuard:
    """Refuses output paths that are one of the input journeys.

    An output equal to an input would destroy the journey it was drawn from. Inputs are
    resolved once, so checking a thousand outputs costs a thousand look-ups, not a
    million path resolutions.
    """

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._inputs: dict[Path, Path] = {}
        for source in inputs:
            with contextlib.suppress(OSError):
                self._inputs.setdefault(source.resolve(), source)

    def check(self, output: Path) -> None:
        try:
            target = output.resolve()
        except OSError:
            return
        source = self._inputs.get(target)
        if source is not None:
            raise OutputError(
                f"{output}: output would overwrite the input journey {source}; "
                "choose another output path"
            )


def refuse_overwriting_inputs(output: Path, inputs: Iterable[Path]) -> None:
    InputGuard(inputs).check(output)


def write_atomic(path: Path, data: bytes | str, *, fsync: bool = True) -> None:
    """`fsync=False` skips forcing the bytes to disk: still never half-written for readers
    (the rename is atomic), but a power cut may leave an empty file. Only for outputs that
    are rebuilt from their inputs anyway and written by the hundred (a site)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise OutputError(f"{path}: folder {directory} does not exist")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {directory}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                temp.chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temp.chmod(0o666 & ~umask)
        temp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
