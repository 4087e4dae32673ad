"""Writing a site into its folder: each file atomically, stale pages removed, nothing else touched.

A folder is only ever written when it is empty or was written by `journeymap site` (it
holds the manifest), so that `-o docs` can never wipe a folder of hand-written pages.
Files whose bytes did not change are left alone: a rebuild in `--serve` rewrites only
what changed, and their dates say when they last changed. Files are renamed into place
(never half-written) but not forced to disk one by one: 900 fsyncs cost 6 s here, and a
site is rebuilt from its journeys anyway; the manifest, written last, is.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from journeymap.load.source import exists, is_folder
from journeymap.output.atomic import OutputError, write_atomic

MANIFEST = ".journeymap-site"


def write_site(files: Mapping[str, bytes], out: Path) -> int:
    """Write `files` (relative path -> bytes) under `out`; the number of files changed."""
    manifest = out / MANIFEST
    if exists(out) and not is_folder(out):
        raise OutputError(f"{out}: is not a folder; give a folder for the site")
    try:
        foreign = is_folder(out) and any(out.iterdir()) and not manifest.is_file()
    except OSError as exc:
        raise OutputError(f"{out}: cannot read the folder: {exc.strerror or exc}") from None
    if foreign:
        raise OutputError(
            f"{out}: folder is not empty and was not written by `journeymap site`; "
            "choose an empty or new folder"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the folder: {exc.strerror or exc}") from None
    previous: set[str] = set()
    with contextlib.suppress(OSError, UnicodeDecodeError):  # unreadable: no stale file removed
        previous = set(manifest.read_text(encoding="utf-8").split())
    changed = 0
    for name in sorted(files):
        target = out / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{target.parent}: cannot create: {exc.strerror or exc}") from None
        with contextlib.suppress(OSError):
            if target.is_file() and target.read_bytes() == files[name]:
                continue
        write_atomic(target, files[name], fsync=False)
        changed += 1
    for stale in sorted(previous - set(files)):
        path = out / stale
        if Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(out))):
            with contextlib.suppress(OSError):
                path.unlink()
    write_atomic(manifest, "".join(f"{name}\n" for name in sorted(files)))
    return changed
