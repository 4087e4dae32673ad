"""`metrics import` and `metrics plan`: the files they read, the updates they write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from journeymap.runner.errors import Refused, refusing

if TYPE_CHECKING:
    from journeymap.metrics.changes import TouchpointChange
    from journeymap.metrics.plan import PlanItem

PlanFormat = Literal["markdown", "csv"]


@dataclass(frozen=True, slots=True)
class Imported:
    """What `metrics import` did: the report for standard output, and the journey files
    that could not be updated, with why (exit 1 when there are any)."""

    report: str
    failed: dict[Path, str] = field(default_factory=dict)


def import_survey(
    survey: Path,
    mapping: Path,
    journeys: Sequence[Path],
    write: bool,
    note: Callable[[str], None],
) -> Imported:
    """Read the mapping and the export, compute the figures, match them to the journeys'
    touchpoints and, with `write`, update the files. Refused for an unreadable or wrong
    mapping or export, or a touchpoint the journeys do not have; InvalidInputs for an
    invalid journey; `note` hears of the files skipped in a folder."""
    from journeymap.metrics.changes import MatchError, plan_changes
    from journeymap.metrics.compute import compute
    from journeymap.metrics.mapping import MappingError, parse_mapping
    from journeymap.metrics.readers import SurveyError, read_survey
    from journeymap.output import metrics_text
    from journeymap.runner.inputs import find_journeys, load_valid

    _one_standard_input(survey, mapping, journeys)
    with refusing(MappingError):
        spec = parse_mapping(read_text(mapping), str(mapping))
    files = list(journeys) or [mapping.parent / name for name in spec.journeys]
    if not files:
        raise Refused(
            f"{mapping}: no journey to update: give --journey FILE, or list them under "
            "journeys: in the mapping"
        )
    with refusing(SurveyError):
        answers = read_survey(
            read_bytes(survey),
            str(survey),
            shape=spec.format,
            encoding=spec.encoding,
            separator=spec.separator,
            date_column=spec.date_column,
            date_order=spec.date_order,
            include_unfinished=spec.include_unfinished,
            words=spec.words(),
        )
        computation = compute(answers, spec)
    loaded = load_valid(find_journeys(files, (), note))
    try:
        changes = plan_changes(loaded, computation.results, spec.source)
    except MatchError as exc:
        raise Refused(f"{mapping}: {exc}") from None
    failed = write_updates(changes) if write else {}
    text = metrics_text.report(answers, computation, changes, spec.min_n, write, set(failed))
    return Imported(text, failed)


def _one_standard_input(survey: Path, mapping: Path, journeys: Sequence[Path]) -> None:
    """`cat export.csv | journeymap metrics import - --map m.yaml`: standard input is
    read once, so '-' may stand for one file only; two would read the same bytes."""
    from journeymap.load.source import STDIN

    named = [what for what, path in (("the export", survey), ("--map", mapping)) if path == STDIN]
    named += ["--journey"] * sum(path == STDIN for path in journeys)
    if len(named) > 1:
        raise Refused(
            f"-: standard input is given for {' and '.join(named)}; it can be read once: "
            "pipe one file in and name the others"
        )


def read_bytes(path: Path, export: bool = True) -> bytes:
    """A survey export's (`export`) or a mapping's bytes, or Refused: read as journeys
    are, so that a named pipe, a device or a folder is one line. An export may be far
    larger than a journey; a mapping has the journeys' limit."""
    from journeymap.diagnostics import Diagnostic
    from journeymap.load.limits import EXPORT_MAX_BYTES, LimitError, Limits
    from journeymap.load.source import STDIN, NoWriter, take_stdin
    from journeymap.load.source import read_bytes as read_bounded

    with refusing(LimitError):
        limits = Limits.from_env()
    limit = max(limits.max_bytes, EXPORT_MAX_BYTES) if export else limits.max_bytes
    if path == STDIN:  # `cat export.csv | journeymap metrics import - --map m.yaml`
        what, example = ("a survey export", "export.csv") if export else ("a mapping", "m.yaml")
        try:
            take_stdin(limit, what, example)
        except NoWriter as exc:
            raise Refused(f"-: {exc}") from None
    data = read_bounded(
        path,
        limits,
        max_bytes=limit,
        kind="a survey export or a mapping file",
    )
    if isinstance(data, Diagnostic):
        raise Refused(f"{path}: {data.message}")
    return data


def read_text(path: Path) -> str:
    """A mapping file's text (a byte-order mark from a spreadsheet's editor dropped)."""
    from journeymap.load.source import not_utf8

    data = read_bytes(path, export=False)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column, what = not_utf8(data, exc)
        raise Refused(f"{path}:{line}:{column}: {what}; save the mapping as UTF-8") from None


def write_updates(changes: Sequence[TouchpointChange]) -> dict[Path, str]:
    """Each journey file updated in turn, in place and atomically; the files that could
    not be, with why. An update that would make its file invalid is not written: the
    file is loaded again from the new text first."""
    from journeymap.load.journey_file import load_text
    from journeymap.metrics.changes import updates_by_file
    from journeymap.output.atomic import OutputError, write_atomic
    from journeymap.output.metrics_yaml import UpdateError, apply_updates

    failed: dict[Path, str] = {}
    by_file = updates_by_file(changes)
    for path in by_file:
        _refuse_read_only(path)
    for path, updates in by_file.items():
        refused = _not_updatable(path)
        if refused is not None:
            failed[path] = refused
            continue
        try:
            updated = apply_updates(path.read_bytes().decode("utf-8"), updates, str(path))
            check = load_text(str(path), updated)
            if not check.ok:
                first = check.diagnostics[0]
                raise UpdateError(
                    f"{path}: the update would make the file invalid ({first.message}); "
                    "not written: please report this file"
                )
            write_atomic(path, updated)
        except (UpdateError, OutputError) as exc:
            failed[path] = str(exc)
        except (OSError, UnicodeDecodeError) as exc:
            failed[path] = f"{path}: cannot update: {exc}"
    return failed


def _refuse_read_only(path: Path) -> None:
    """Refused (exit 2, before any file is written) for a journey file that is read-only
    (no write bit, or not writable by this user): replacing it by a rename would update
    a file its owner protected, since the rename needs only the folder's permission."""
    import os
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return  # gone or unreadable: the update says why
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise Refused(
            f"{path}: the file is read-only (mode {stat.S_IMODE(mode):04o}), so --write leaves "
            f"it as it is; make it writable (chmod u+w {path}) or run without --write"
        )


def _not_updatable(path: Path) -> str | None:
    """Why `path` cannot be updated in place, or None. A journey read from standard
    input, a named pipe or a device was read once and has no file to replace: reading
    it again would get other bytes, or none."""
    from journeymap.load.source import STDIN, special_kind

    fix = "--write updates journey files in place; name the journey's file"
    if path == STDIN:
        return f"-: standard input cannot be updated: {fix}"
    kind = special_kind(path)
    return None if kind is None else f"{path}: {kind} cannot be updated: {fix}"


def plan_report(
    paths: Sequence[Path],
    exclude: Sequence[str],
    max_age: int,
    min_volume: int | None,
    fmt: PlanFormat,
    note: Callable[[str], None],
) -> tuple[str, list[Path]]:
    """The plan of the journeys under `paths` as text, and the files read (which an
    output must not replace). InvalidInputs for an invalid journey; Refused for a date
    that `JOURNEYMAP_TODAY` gives wrong."""
    from journeymap.lint.config import ConfigError, today
    from journeymap.metrics.plan import survey_plan
    from journeymap.runner.inputs import find_journeys, load_valid

    loaded = load_valid(find_journeys(paths, exclude, note))
    with refusing(ConfigError):
        day = today()
    items = survey_plan([j for _, j in loaded], day, max_age, min_volume)
    return _plan_text(items, fmt), [p for p, _ in loaded]


def _plan_text(items: Sequence[PlanItem], fmt: PlanFormat) -> str:
    from journeymap.output import metrics_plan

    return metrics_plan.csv_text(items) if fmt == "csv" else metrics_plan.markdown(items)
