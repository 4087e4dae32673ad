"""Reading journey files from git revisions, without ever touching the working tree.

`git ls-tree` lists a revision's files and `git cat-file --batch` reads their blobs in one
process, so comparing against `main` or between two commits never checks anything out
and never changes the index: a user in the middle of an edit loses nothing.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from journeymap.load.discover import SKIPPED_DIRS, SUFFIXES, excluded


class GitError(Exception):
    """git is missing, this is not a repository, or a revision does not exist (exit 2)."""


@dataclass(frozen=True, slots=True)
class Blob:
    path: str
    """Relative to the repository's top folder, with '/'."""
    text: bytes


def _git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed, so revisions cannot be compared") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.decode("utf-8", "replace").splitlines()]
        fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
        message = fatal[0] if fatal else next((x for x in reversed(lines) if x), "")
        if "dubious ownership" in message and lines[-1].startswith("git config"):
            message = f"{message}; if you trust it: {lines[-1]}"
        raise GitError(message or f"git {' '.join(args)} failed")
    return done.stdout


def toplevel(cwd: Path) -> Path | None:
    """The repository's top folder, or None outside a repository; GitError for a
    repository git refuses to read (another user's: "dubious ownership")."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    except GitError as exc:
        if "dubious ownership" in str(exc):
            raise
        return None


EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
"""git's empty tree: what HEAD holds before the first commit."""


def resolve(revision: str, cwd: Path) -> str:
    """The commit a revision names, or GitError with a message naming it.

    HEAD in a repository without commits is the empty tree, so that a pre-commit hook
    comparing with HEAD works on the first commit too (everything is added).
    """
    if revision.startswith("-"):
        raise GitError(f"{revision!r} is not a revision")
    if revision == "HEAD" and not _has_commits(cwd):
        return EMPTY_TREE
    try:
        return (
            _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd)
            .decode()
            .strip()
        )
    except GitError:
        raise GitError(
            f"{revision!r} is neither a file, a folder nor a git revision here"
        ) from None


def _has_commits(cwd: Path) -> bool:
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd)
    except GitError:
        return False
    return True


def merge_base(left: str, right: str, cwd: Path) -> str:
    return _git(["merge-base", left, right], cwd).decode().strip()


def _wanted(path: str, exclude: Sequence[str], explicit: set[str]) -> bool:
    if path in explicit:
        return True
    pure = PurePosixPath(path)
    if not pure.name.endswith(SUFFIXES) or pure.name.startswith("."):
        return False
    folders = pure.parts[:-1]
    if any(part.startswith(".") or part in SKIPPED_DIRS for part in folders):
        return False
    return not (exclude and excluded(path, exclude))


def read_tree(
    commit: str,
    paths: Sequence[str],
    cwd: Path,
    exclude: Sequence[str] = (),
    explicit: Sequence[str] = (),
) -> list[Blob]:
    """The journey-like files of a commit under `paths` (repository-relative), in path order.

    The same files as a walk of the working tree would find: *.yaml and *.yml, hidden and
    tool folders skipped, `exclude` globs applied; `explicit` files are kept whatever
    their name, as on the command line.
    """
    listing = _git(
        ["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths],
        cwd,
    )
    wanted: list[tuple[str, str]] = []
    keep = set(explicit)
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, obj = meta.decode().split(" ")
        path = name.decode("utf-8", "surrogateescape")
        if kind == "blob" and mode != "120000" and _wanted(path, exclude, keep):
            wanted.append((path, obj))
    if not wanted:
        return []
    request = b"".join(obj.encode() + b"\n" for _, obj in wanted)
    out = _git(["cat-file", "--batch"], cwd, stdin=request)
    blobs: list[Blob] = []
    offset = 0
    for path, _ in wanted:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split(b" ")[2])
        start = header_end + 1
        blobs.append(Blob(path, out[start : start + size]))
        offset = start + size + 1
    return sorted(blobs, key=lambda b: b.path)
