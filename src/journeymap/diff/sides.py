"""The two sides of a diff: files, folders or git revisions, loaded and linted.

`journeymap diff OLD NEW` compares two files or two folders; `journeymap diff REV [PATH...]`
compares a revision with the working tree, `A..B` two revisions and `A...B` the changes
of B since it left A (what a pull request adds), as `git diff` reads them.

Both sides are linted with the configuration found in the working tree, so that new and
fixed findings come from the journeys' changes, not from a configuration's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeymap.diagnostics import NOT_A_JOURNEY, UNREADABLE, Diagnostic
from journeymap.diff.changes import DiffResult, JourneyState, compare
from journeymap.lint.config import Resolver
from journeymap.lint.linter import lint_journey_file
from journeymap.load import git
from journeymap.load.discover import PathError, expand
from journeymap.load.journey_file import JourneyFile, load_file, load_text
from journeymap.load.limits import Limits
from journeymap.load.source import decode


class SideError(Exception):
    """Arguments that name no comparable pair, or a side that cannot be read: exit 2."""


@dataclass(frozen=True, slots=True)
class PathSource:
    """Files on disk: one file, one folder, or the working tree under some paths."""

    paths: tuple[Path, ...]
    label: str


@dataclass(frozen=True, slots=True)
class TreeSource:
    """The files of a commit under some repository-relative paths."""

    commit: str
    label: str
    top: Path
    paths: tuple[str, ...]
    explicit: tuple[str, ...] = ()


Source = PathSource | TreeSource


@dataclass(slots=True)
class Side:
    label: str
    states: dict[str, JourneyState] = field(default_factory=dict)
    invalid: list[Diagnostic] = field(default_factory=list)
    """Diagnostics of the files that are not valid journeys, as `validate` reports them."""
    unreadable: bool = False


def plan(arguments: Sequence[str]) -> tuple[Source, Source]:
    """What OLD and NEW are, from the command line's arguments (paths from the current folder)."""
    if not arguments:
        raise SideError("name what to compare: OLD NEW (files or folders), REV, or A..B")
    first, rest = arguments[0], list(arguments[1:])
    if Path(first).exists():
        if len(arguments) != 2:
            raise SideError(
                "two files or two folders are compared (OLD NEW); "
                "to compare with a git revision, name the revision first"
            )
        old, new = Path(first), Path(rest[0])
        if not new.exists():
            raise SideError(f"{new}: no such file or directory")
        if old.is_dir() != new.is_dir():
            raise SideError(f"compare a file with a file or a folder with a folder: {old}, {new}")
        return PathSource((old,), str(old)), PathSource((new,), str(new))
    cwd = Path.cwd()
    top = git.toplevel(cwd)
    if top is None:
        raise SideError(
            f"{first}: no such file or folder, and {cwd} is not in a git repository "
            "where it could be a revision"
        )
    try:
        if "..." in first:
            left, right = (part or "HEAD" for part in first.split("...", 1))
            head = git.resolve(right, cwd)
            commits = (git.merge_base(git.resolve(left, cwd), head, cwd), head)
            labels = (f"merge-base({left}, {right})", right)
        elif ".." in first:
            left, right = (part or "HEAD" for part in first.split("..", 1))
            commits = (git.resolve(left, cwd), git.resolve(right, cwd))
            labels = (left, right)
        else:
            commits = (git.resolve(first, cwd), "")
            labels = (first, "working tree")
    except git.GitError as exc:
        raise SideError(str(exc)) from None
    named = tuple(_relative(cwd / p, top) for p in rest)
    explicit = tuple(r for p, r in zip(rest, named, strict=True) if Path(p).is_file())
    relative = named or (_relative(cwd, top),)
    base = TreeSource(commits[0], labels[0], top, relative, explicit)
    if not commits[1]:
        return base, PathSource(tuple(Path(p) for p in rest) or (Path(),), labels[1])
    return base, TreeSource(commits[1], labels[1], top, relative, explicit)


def _relative(path: Path, top: Path) -> str:
    try:
        relative = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise SideError(f"{path}: outside the git repository at {top}") from None
    return "" if relative == "." else relative


def _files(
    source: Source, exclude: Sequence[str], limits: Limits
) -> list[tuple[JourneyFile, bool, Path]]:
    """(loaded file, named explicitly, where its lint configuration is looked up)."""
    if isinstance(source, PathSource):
        try:
            paths = expand(source.paths, exclude)
        except PathError as exc:
            raise SideError(str(exc)) from None
        named = {p for p in source.paths if not p.is_dir()}
        return [(load_file(p, limits), p in named, p) for p in paths]
    try:
        blobs = git.read_tree(
            source.commit,
            [p for p in source.paths if p],
            source.top,
            exclude,
            source.explicit,
        )
    except git.GitError as exc:
        raise SideError(str(exc)) from None
    found: list[tuple[JourneyFile, bool, Path]] = []
    for blob in blobs:
        shown = f"{source.label}:{blob.path}"
        text = decode(blob.text, limits)
        loaded = (
            load_text(shown, text, limits)
            if isinstance(text, str)
            else _unreadable(shown, text.message)
        )
        found.append((loaded, blob.path in source.explicit, source.top / blob.path))
    return found


def _unreadable(shown: str, message: str) -> JourneyFile:
    return JourneyFile(
        shown, None, [Diagnostic(shown, 1, 1, UNREADABLE[0], UNREADABLE[1], message)]
    )


def load_side(
    source: Source,
    exclude: Sequence[str] = (),
    lint: bool = True,
    resolver: Resolver | None = None,
) -> Side:
    """Every valid journey of a side by id, with its lint findings; the invalid files apart.

    Files found in folders that are not journeys at all (CI workflows, compose files)
    are skipped silently: a repository's history holds many. A file named explicitly
    that is not a journey is reported, as other commands do.
    """
    limits = Limits.from_env()
    resolver = resolver or Resolver()
    side = Side(source.label)
    for loaded, explicit, config_at in _files(source, exclude, limits):
        if not loaded.ok or loaded.journey is None:
            if not explicit and all(d.code == NOT_A_JOURNEY[0] for d in loaded.diagnostics):
                continue
            side.invalid.extend(loaded.diagnostics)
            side.unreadable = side.unreadable or loaded.unreadable
            continue
        journey = loaded.journey
        if journey.id in side.states:
            raise SideError(
                f"{loaded.path}: journey id {journey.id!r} is also the id of "
                f"{side.states[journey.id].path}; diff matches journeys by id, so ids must be "
                "unique (journeymap validate reports it as JM008)"
            )
        findings: tuple[Diagnostic, ...] = ()
        if lint:
            findings = tuple(lint_journey_file(loaded, resolver.for_file(config_at)))
        side.states[journey.id] = JourneyState(journey, loaded.path, findings)
    return side


@dataclass(frozen=True, slots=True)
class Outcome:
    result: DiffResult
    invalid: list[Diagnostic]
    """The new side's invalid files: the diff cannot speak for them."""
    unreadable: bool
    stale: list[Diagnostic]
    """The old side's invalid files, compared as absent."""


def run(arguments: Sequence[str], exclude: Sequence[str] = (), lint: bool = True) -> Outcome:
    """Both sides of `journeymap diff ARGUMENTS`, loaded, linted and compared."""
    old_source, new_source = plan(arguments)
    resolver = Resolver()
    old = load_side(old_source, exclude, lint, resolver)
    new = load_side(new_source, exclude, lint, resolver)
    result = compare(old.states, new.states, old.label, new.label)
    return Outcome(result, new.invalid, new.unreadable, old.invalid)
