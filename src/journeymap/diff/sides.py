"""The two sides of a diff: files, folders or git revisions, loaded and linted.

`journeymap diff OLD NEW` compares two files or two folders; `journeymap diff REV [PATH...]`
compares a revision with the working tree, `A..B` two revisions and `A...B` the changes
of B since it left A (what a pull request adds), as `git diff` reads them.

Both sides are linted with the configuration found in the working tree, so that new and
fixed findings come from the journeys' changes, not from a configuration's.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from journeymap.diagnostics import NOT_A_JOURNEY, Diagnostic
from journeymap.diff.changes import DiffResult, JourneyState, compare
from journeymap.lint.config import ConfigError, LintConfig, Resolver
from journeymap.lint.linter import lint_journey_file
from journeymap.load import git
from journeymap.load.batch import collector_paused
from journeymap.load.discover import PathError, expand
from journeymap.load.journey_file import JourneyFile, load_file, load_text
from journeymap.load.limits import Limits
from journeymap.load.source import closed_stream, decode, exists, is_folder, why_unreachable
from journeymap.model.journey import Journey
from journeymap.parallel import run_per_file
from journeymap.textsafe import visible


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
    if "-" in arguments and not exists("-"):  # it was "no such file, and not in a repository"
        raise SideError(
            "-: diff compares files, folders or git revisions, not standard input; "
            "save it to a file first"
        )
    if exists(first):
        if len(arguments) != 2:
            raise SideError(
                "two files or two folders are compared (OLD NEW); "
                "to compare with a git revision, name the revision first"
            )
        old, new = Path(first), Path(rest[0])
        if not exists(new):
            raise SideError(f"{new}: {why_unreachable(new)}")
        if is_folder(old) != is_folder(new):
            raise SideError(f"compare a file with a file or a folder with a folder: {old}, {new}")
        return PathSource((old,), str(old)), PathSource((new,), str(new))
    # a link that leads nowhere or round in a loop, or a descriptor closed (/proc/self/fd/0)
    if os.path.lexists(first) or closed_stream(first) is not None:
        raise SideError(f"{first}: {why_unreachable(first)}")
    cwd = Path.cwd()
    try:
        top = git.toplevel(cwd)
    except git.GitError as exc:
        raise SideError(f"{first}: no such file or folder, and git says: {exc}") from None
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
    explicit = tuple(r for p, r in zip(rest, named, strict=True) if exists(p) and not is_folder(p))
    relative = named or (_relative(cwd, top),)
    base = TreeSource(commits[0], labels[0], top, relative, explicit)
    if not commits[1]:
        return base, PathSource(tuple(Path(p) for p in rest) or (Path(),), labels[1])
    return base, TreeSource(commits[1], labels[1], top, relative, explicit)


def _relative(path: Path, top: Path) -> str:
    try:
        relative = Path(os.path.realpath(path)).relative_to(Path(os.path.realpath(top))).as_posix()
    except ValueError:
        raise SideError(f"{path}: outside the git repository at {top}") from None
    return "" if relative == "." else relative


@dataclass(frozen=True, slots=True)
class _Job:
    """One file of a side: where it is shown, its bytes (git) or path, its lint settings."""

    shown: str
    path: Path | None
    data: bytes | None
    explicit: bool
    config: LintConfig | None


@dataclass(frozen=True, slots=True)
class _Examined:
    """What a side keeps of a file: small enough to come back from a worker process."""

    shown: str
    journey: Journey | None
    findings: tuple[Diagnostic, ...]
    diagnostics: tuple[Diagnostic, ...]
    unreadable: bool
    skipped: bool


def _examine(job: _Job) -> _Examined:
    """Load one file and lint it; its node tree and text are dropped before returning."""
    limits = Limits.from_env()
    with collector_paused():
        if job.path is not None:
            loaded = load_file(job.path, limits, job.shown)
        else:
            text = decode(job.data or b"", limits, job.shown)
            loaded = (
                load_text(job.shown, text, limits)
                if isinstance(text, str)
                else JourneyFile(job.shown, None, [text])
            )
        if not loaded.ok or loaded.journey is None:
            skipped = not job.explicit and all(
                d.code == NOT_A_JOURNEY.code for d in loaded.diagnostics
            )
            return _Examined(
                job.shown, None, (), tuple(loaded.diagnostics), loaded.unreadable, skipped
            )
        findings = lint_journey_file(loaded, job.config) if job.config is not None else []
    return _Examined(job.shown, loaded.journey, tuple(findings), (), False, False)


def _read(job: _Job) -> _Job:
    """The job with its bytes, to know unchanged files before parsing them."""
    if job.data is not None or job.path is None:
        return job
    try:
        info = job.path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > Limits.from_env().max_bytes:
            return job  # the loader says it is too big, or reads a pipe or device bounded
        return replace(job, data=job.path.read_bytes(), path=None)
    except OSError:
        return job  # the loader reports why it cannot be read


def _jobs(source: Source, exclude: Sequence[str], resolver: Resolver | None) -> list[_Job]:
    """One job per file of the side, with the lint configuration the working tree gives it."""

    def config(at: Path) -> LintConfig | None:
        return resolver.for_file(at) if resolver is not None else None

    if isinstance(source, PathSource):
        try:
            paths = expand(source.paths, exclude)
        except PathError as exc:
            raise SideError(str(exc)) from None
        named = {p for p in source.paths if not is_folder(p)}
        return [_Job(str(p), p, None, p in named, config(p)) for p in paths]
    try:
        blobs = git.read_tree(
            source.commit, [p for p in source.paths if p], source.top, exclude, source.explicit
        )
    except git.GitError as exc:
        raise SideError(str(exc)) from None
    return [
        _Job(
            f"{source.label}:{blob.path}",
            None,
            blob.text,
            blob.path in source.explicit,
            config(source.top / blob.path),
        )
        for blob in blobs
    ]


def _collect(label: str, work: Sequence[_Job], results: Sequence[_Examined]) -> Side:
    side = Side(label)
    for job, examined in zip(work, results, strict=True):
        if examined.journey is None:
            if not examined.skipped:
                # a twin's diagnostics name the other side's file: name this one
                side.invalid.extend(replace(d, path=job.shown) for d in examined.diagnostics)
                side.unreadable = side.unreadable or examined.unreadable
            continue
        journey = examined.journey
        if journey.id in side.states:
            raise SideError(
                f"{job.shown}: journey id {journey.id!r} is also the id of "
                f"{side.states[journey.id].path}; diff matches journeys by id, so ids must be "
                "unique (journeymap validate reports it as JM008)"
            )
        # the name every format shows: a newline or a byte that is not UTF-8, escaped
        side.states[journey.id] = JourneyState(journey, visible(job.shown), examined.findings)
    return side


@dataclass(frozen=True, slots=True)
class Outcome:
    result: DiffResult
    invalid: list[Diagnostic]
    """The new side's invalid files: the diff cannot speak for them."""
    unreadable: bool
    stale: list[Diagnostic]
    """The old side's invalid files, compared as absent."""


def run(
    arguments: Sequence[str],
    exclude: Sequence[str] = (),
    lint: bool = True,
    jobs: int | None = None,
    config: Path | None = None,
) -> Outcome:
    """Both sides of `journeymap diff ARGUMENTS`, loaded, linted and compared.

    `config` is a lint configuration file for every file of both sides; by default each
    file gets the one the working tree has above it.
    """
    old_source, new_source = plan(arguments)
    try:
        resolver = Resolver(config) if lint else None
        old_work = [_read(j) for j in _jobs(old_source, exclude, resolver)]
        new_work = [_read(j) for j in _jobs(new_source, exclude, resolver)]
    except ConfigError as exc:
        raise SideError(str(exc)) from None
    # A file whose bytes did not change is loaded once and not linted: in a pull request
    # that touches three journeys of a thousand, the other 997 cost one parse each.
    by_content = {hashlib.sha256(j.data).digest(): i for i, j in enumerate(old_work) if j.data}
    twins: dict[int, int] = {}
    for index, job in enumerate(new_work):
        if job.data:
            twin = by_content.pop(hashlib.sha256(job.data).digest(), None)
            if twin is not None and old_work[twin].config == job.config:
                twins[index] = twin
    for twin in twins.values():  # the same findings on both sides: no lint change to find
        old_work[twin] = replace(old_work[twin], config=None)
    fresh = [j for i, j in enumerate(new_work) if i not in twins]
    examined = run_per_file(_examine, [*old_work, *fresh], jobs)
    old_results, fresh_results = examined[: len(old_work)], iter(examined[len(old_work) :])
    new_results = [
        old_results[twins[i]] if i in twins else next(fresh_results) for i in range(len(new_work))
    ]
    old = _collect(old_source.label, old_work, old_results)
    new = _collect(new_source.label, new_work, new_results)
    result = compare(old.states, new.states, visible(old.label), visible(new.label))
    return Outcome(result, new.invalid, new.unreadable, old.invalid)
