"""Writing a site into its folder: each file atomically, stale pages removed, nothing else touched.

A folder is only ever written when it is empty or was written by `journeymap site` (it
holds the manifest), so that `-o docs` can never wipe a folder of hand-written pages.
Files whose bytes did not change are left alone: a rebuild in `--serve` rewrites only
what changed, and their dates say when they last changed. Files are renamed into place
(never half-written) but not forced to disk one by one: 900 fsyncs cost 6 s here, and a
site is rebuilt from its journeys anyway; the manifest, written last, is. Every file is
written before any is renamed into place: a full disk midway leaves the previous site
whole (and no new folder behind), not half old and half new without its manifest, which
the next run refused as a folder it had not written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from journeymap.load.source import exists, is_folder
from journeymap.output.atomic import OutputError, write_beside
from journeymap.output.folders import cannot_create

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
    made = _made_folders(out)
    previous: set[str] = set()
    with contextlib.suppress(OSError, UnicodeDecodeError):  # unreadable: no stale file removed
        previous = set(manifest.read_text(encoding="utf-8").split())
    changed = [name for name in sorted(files) if not _same(out / name, files[name])]
    listing = "".join(f"{name}\n" for name in sorted(files)).encode("utf-8")
    with _staged(out, made) as stage:
        for name in changed:
            stage.write(out / name, files[name], fsync=False)
        stage.write(manifest, listing, fsync=True)
    for stale in sorted(previous - set(files)):
        path = out / stale
        if Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(out))):
            with contextlib.suppress(OSError):
                path.unlink()
    return len(changed)


def _same(target: Path, data: bytes) -> bool:
    with contextlib.suppress(OSError):
        return target.is_file() and target.read_bytes() == data
    return False


def _made_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the folders created, deepest first."""
    missing = []
    walk = folder
    while not exists(walk) and walk != walk.parent:
        missing.append(walk)
        walk = walk.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove_folders(missing)
        raise OutputError(cannot_create(folder, exc)) from None
    return missing


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:  # deepest first; only while empty
        with contextlib.suppress(OSError):
            folder.rmdir()


class _Stage:
    """Every file written beside its target first; renamed into place only once all are
    written. A full disk or a failure midway removes the temporary files and the folders
    made for them: the site as it was, old pages and manifest, stays whole."""

    def __init__(self, made: list[Path]) -> None:
        self.made = made
        self.temps: list[tuple[Path, Path]] = []

    def write(self, target: Path, data: bytes, fsync: bool) -> None:
        parent = target.parent
        if not is_folder(parent):
            self.made[:0] = _made_folders(parent)
        self.temps.append((write_beside(target, data, fsync=fsync), target))

    def undo(self) -> None:
        for temp, _ in self.temps:
            with contextlib.suppress(OSError):
                temp.unlink()
        _remove_folders(self.made)

    def commit(self) -> None:
        for temp, target in self.temps:
            try:
                temp.replace(target)
            except OSError as exc:
                raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _staged(out: Path, made: list[Path]) -> Iterator[_Stage]:
    stage = _Stage(made)
    try:
        yield stage
        stage.commit()
    except BaseException:
        stage.undo()
        raise
