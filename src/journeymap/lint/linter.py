"""Linting files: load, run the enabled rules, place findings, apply suppressions.

Invalid files are reported exactly as `validate` reports them and are not linted: the
rules assume a valid model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeymap.diagnostics import Diagnostic, Severity, Suppressed
from journeymap.lint import suppressions
from journeymap.lint.config import LintConfig, Resolver, at_least, enabled_codes, with_overrides
from journeymap.lint.registry import all_rules, find
from journeymap.lint.rule import Rule
from journeymap.lint.rules.meta import UNKNOWN_SUPPRESSION, UNUSED_SUPPRESSION
from journeymap.load.batch import collector_paused
from journeymap.load.journey_file import JourneyFile, load_file
from journeymap.load.limits import Limits
from journeymap.load.repository import JourneyId, duplicate_journey_ids, journey_id, merged
from journeymap.parallel import iter_per_file


def lint_journey_file(loaded: JourneyFile, config: LintConfig) -> list[Diagnostic]:
    """The findings of one loaded file (its validity errors when it is invalid)."""
    return lint_with_suppressed(loaded, config)[0]


def lint_with_suppressed(
    loaded: JourneyFile, config: LintConfig
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """The findings of one loaded file, and those its comments silence."""
    if not loaded.ok or loaded.journey is None:
        return list(loaded.diagnostics), []
    journey = loaded.journey
    enabled = enabled_codes(config)
    place = loaded.place
    found: set[Diagnostic] = set()
    for rule in all_rules():
        if rule.check is None or rule.code not in enabled:
            continue
        severity = config.severity_of(rule.code, rule.severity)
        for finding in rule.check(journey, config):
            found.add(
                place.at(
                    rule,
                    finding.loc,
                    finding.message,
                    finding.target,
                    source="lint",
                    severity=severity,
                )
            )
    kept, silenced = _apply_suppressions(loaded, found, enabled, config)
    silenced.sort(key=lambda s: s.diagnostic.sort_key())
    return sorted(kept, key=Diagnostic.sort_key), silenced


def _apply_suppressions(
    loaded: JourneyFile, found: Iterable[Diagnostic], enabled: frozenset[str], config: LintConfig
) -> tuple[list[Diagnostic], list[Suppressed]]:
    written = suppressions.parse(loaded.text, suppressions.scalar_spans(loaded.root))
    resolved: list[tuple[suppressions.Suppression, Rule | None]] = [
        (s, find(s.key)) for s in written
    ]
    kept: list[Diagnostic] = []
    silenced: list[Suppressed] = []
    for diagnostic in found:
        hit: suppressions.Suppression | None = None
        for suppression, rule in resolved:
            if rule is None or rule.code != diagnostic.code:
                continue
            if suppression.applies_to is None or suppression.applies_to == diagnostic.line:
                suppression.used = True
                hit = hit or suppression
        if hit is None:
            kept.append(diagnostic)
        else:
            silenced.append(Suppressed(diagnostic, hit.reason, hit.line, hit.column))
    for suppression, rule in resolved:
        meta: Rule | None = None
        message = ""
        if rule is None or rule.check is None:
            meta = UNKNOWN_SUPPRESSION
            message = (
                f"suppression names {suppression.key!r}, which is not a rule that can be "
                "disabled; `journeymap rules` lists codes and names"
            )
        elif not suppression.used and rule.code in enabled:
            meta = UNUSED_SUPPRESSION
            where = "in this file" if suppression.applies_to is None else "on its line"
            message = (
                f"suppression of {rule.code} ({rule.name}) is unused: no such finding "
                f"{where}; remove it"
            )
        if meta is not None and meta.code in enabled:
            severity = config.severity_of(meta.code, meta.severity)
            kept.append(
                Diagnostic(
                    loaded.path,
                    suppression.line,
                    suppression.column,
                    meta.code,
                    meta.name,
                    message,
                    severity,
                    source="lint",
                )
            )
    return kept, silenced


@dataclass(frozen=True, slots=True)
class _FileLint:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    failing: int
    unreadable: bool
    journey_id: JourneyId | None
    suppressed: tuple[Suppressed, ...] = ()


def _lint_one(job: tuple[Path, LintConfig, Severity]) -> _FileLint:
    """One file's lint, small enough to come back from a worker process."""
    path, config, threshold = job
    # The collector stays paused until the file's node tree and model are gone: enabled
    # while they were alive, its next collection scanned them all (0.2 ms of a file's 5
    # of CPU); freed by reference counting, they never reach it.
    with collector_paused():
        loaded = load_file(path, Limits.from_env(), model=False)
        found, silenced = lint_with_suppressed(loaded, config)
        failing = sum(1 for d in found if not loaded.ok or at_least(d.severity, threshold))
        outcome = _FileLint(
            loaded.path,
            tuple(found),
            failing,
            loaded.unreadable,
            journey_id(loaded),
            tuple(silenced),
        )
        del loaded
    return outcome


def _prepare() -> None:
    """Before workers are forked: the sentence reading that the voice and internal-work
    rules import on first use (about 25 ms), once here instead of once in each worker."""
    import journeymap.lint.sentence  # noqa: F401


class LintRun:
    """The findings of every file, in input order, as the workers finish them.

    Iterate once: each file's findings (duplicate journey ids included, which only need
    the files before it) come as soon as its worker is done, so a reporter can write
    them without all of them being held. The counts are complete once iterated.
    """

    def __init__(self, work: list[tuple[Path, LintConfig, Severity]], jobs: int | None) -> None:
        self._work = work
        self._jobs = jobs
        self.files_checked = len(work)
        self.failing = 0
        self.unreadable = False
        self.suppressed: list[Suppressed] = []

    def __iter__(self) -> Iterator[Diagnostic]:
        first: dict[str, JourneyId] = {}
        for outcome in iter_per_file(_lint_one, self._work, self._jobs, prepare=_prepare):
            across: dict[str, list[Diagnostic]] = {}
            entry = outcome.journey_id
            if entry is not None:
                earlier = first.setdefault(entry.ident, entry)
                if earlier is not entry:
                    across = duplicate_journey_ids([earlier, entry])
            self.failing += outcome.failing + sum(len(found) for found in across.values())
            self.unreadable = self.unreadable or outcome.unreadable
            self.suppressed.extend(outcome.suppressed)
            yield from merged(outcome.path, outcome.diagnostics, across)


def lint_run(
    files: Sequence[Path],
    resolver: Resolver,
    fail_on: Severity | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    jobs: int | None = 1,
) -> LintRun:
    """Lint every file; `fail_on`, `select` and `ignore` override each file's configuration.

    Configurations are resolved here, before any worker starts, so that a broken one is
    reported once as a usage error. Raises ConfigError for a configuration that cannot be
    honoured.
    """
    work: list[tuple[Path, LintConfig, Severity]] = []
    for path in files:
        config = with_overrides(resolver.for_file(path), select, ignore)
        work.append((path, config, fail_on or config.fail_on))
    return LintRun(work, jobs)
