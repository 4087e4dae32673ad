"""`journeymap matrix` over many files: each journey loaded and drawn in a worker.

The parent used to load every journey alone and hold every model, then build the whole
report: on a thousand files that was most of the time, and the models (with the
collector rescanning them) most of the memory. Now the workers load their files and
send back only what the matrix needs:

- JSON: the journey's sheet already encoded, cut where its touchpoints' `shared` flags
  go (whether a moment is shared is only known once every file is read), and each of
  its steps' side of a possible comparison. The parent spools the pieces (to disk
  beyond a few MiB), then writes them once every flag is known, and the comparisons of
  the moments that turned out shared. It holds no model and no record.
- the other formats: the journey as shown (controls escaped for the terminal and
  Markdown), for the report built as before; their layouts depend on every journey.

The bytes are those of building the whole report in one process.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from journeymap.diagnostics import Diagnostic
from journeymap.model.journey import Journey
from journeymap.parallel import iter_per_file
from journeymap.views.metrics import METRIC_NAMES, MetricName

SPOOL_IN_MEMORY = 4 << 20
"""Bytes of sheets kept in memory before the spool moves to a temporary file."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs: the filters, and how the journeys will be shown."""

    json: bool
    display: bool
    """Control characters escaped (text and Markdown); `breaks` keeps line breaks."""
    breaks: bool = False
    stages: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    by_kind: bool = False
    top: int = 5


@dataclass(frozen=True, slots=True)
class StepSide:
    """One step's side of a comparison, should other journeys share it: its JSON and
    its figures (METRIC_NAMES order) for the gaps."""

    json: str
    figures: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class JsonSheet:
    """A journey's JSON sheet, written before anyone knows which moments are shared."""

    pieces: tuple[str, ...]
    """The sheet cut at each touchpoint's shared flag."""
    flags: tuple[int, ...]
    """For each touchpoint record, the index of its step (in `Part.keys`)."""
    sides: tuple[StepSide | None, ...]
    """Per step, its side of a comparison; None when its stage is filtered out."""


@dataclass(frozen=True, slots=True)
class Part:
    """One input file as the parent needs it: small, and no model in JSON mode."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    unreadable: bool = False
    journey_id: str = ""
    stage_ids: tuple[str, ...] = ()
    channel_ids: tuple[str, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()
    """(stage id, step id) of every step, in chronological order."""
    journey: Journey | None = None
    """The journey as shown, for the formats laid out over every journey."""
    sheet: JsonSheet | None = None
    """JSON: the journey's sheet, in place of the journey."""


def matrix_part(settings: Settings, item: tuple[int, Path]) -> Part:
    """Load one file and keep what the matrix shows of it (in a worker)."""
    from journeymap.load.batch import collector_paused
    from journeymap.load.journey_file import load_file

    number, path = item
    with collector_paused():
        loaded = load_file(path)
    journey = loaded.journey
    if journey is None or not loaded.ok:
        return Part(str(path), tuple(loaded.diagnostics), loaded.unreadable)
    del loaded  # the node tree and text weigh more than the model
    if settings.display:
        from journeymap.views.display import for_display

        journey = for_display(journey, settings.breaks)
    sheet = _json_sheet(settings, number, journey) if settings.json else None
    return Part(
        str(path),
        journey_id=journey.id,
        stage_ids=tuple(stage.id for stage in journey.stages),
        channel_ids=tuple(channel.id for channel in journey.channels),
        keys=tuple((stage.id, step.id) for _, stage, _, step in journey.iter_steps()),
        journey=None if sheet else journey,
        sheet=sheet,
    )


def _json_sheet(settings: Settings, number: int, journey: Journey) -> JsonSheet:
    """The sheet's pieces, each record's step and each step's side of a comparison."""
    from journeymap.output.matrix_json import sheet_pieces, side_json
    from journeymap.views.compare import Side
    from journeymap.views.matrix import Entry, build_matrix
    from journeymap.views.matrix_report import Sheet
    from journeymap.views.priorities import rank

    matrix = build_matrix(
        journey, stages=settings.stages, channels=settings.channels, by_kind=settings.by_kind
    )
    pieces = sheet_pieces(Sheet(matrix, rank(matrix.entries)), settings.top)
    index_of = {id(step): index for index, (_, _, _, step) in enumerate(journey.iter_steps())}
    positions: dict[int, list[int]] = {}
    entries: dict[int, list[Entry]] = {}
    for position, entry in enumerate(matrix.entries):
        positions.setdefault(id(entry.step), []).append(position)
        entries.setdefault(id(entry.step), []).append(entry)
    sides: list[StepSide | None] = []
    for _, stage, _, step in journey.iter_steps():
        if settings.stages and stage.id not in settings.stages:
            sides.append(None)  # a moment of a stage filtered out is not compared
            continue
        side = Side(journey, stage, step, tuple(entries.get(id(step), ())))
        figures = tuple(side.figure(metric) for metric in METRIC_NAMES)
        sides.append(StepSide(side_json(side, number, positions.get(id(step), ())), figures))
    flags = tuple(index_of[id(entry.step)] for entry in matrix.entries)
    return JsonSheet(tuple(pieces), flags, tuple(sides))


class InvalidInputs(Exception):
    """Some input files are not valid journeys: nothing was written."""

    def __init__(self, diagnostics: list[Diagnostic], unreadable: bool) -> None:
        super().__init__(f"{len(diagnostics)} problems")
        self.diagnostics = diagnostics
        self.unreadable = unreadable


@dataclass(slots=True)
class _Moment:
    """A (stage id, step id) seen in the files read so far."""

    first_journey: str
    shared: bool
    sides: list[StepSide]


class JsonDocument:
    """The matrix document, gathered from the workers' parts and written in one pass."""

    def __init__(self, metric: MetricName | None) -> None:
        self.metric = metric
        self._moments: dict[tuple[str, str], _Moment] = {}
        # open across calls, closed once written (or with the process)
        self._spool: IO[bytes] = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY)  # noqa: SIM115
        self._lengths = array("q")
        self._flags: list[_Moment] = []
        self._pending = ""
        self._sheets = 0

    def add(self, part: Part) -> None:
        sheet = part.sheet
        assert sheet is not None
        moments = []
        for key, side in zip(part.keys, sheet.sides, strict=True):
            moment = self._moments.get(key)
            if moment is None:
                moment = self._moments[key] = _Moment(part.journey_id, False, [])
            elif moment.first_journey != part.journey_id:
                moment.shared = True
            if side is not None:
                moment.sides.append(side)
            moments.append(moment)
        self._pending += ("," if self._sheets else "") + sheet.pieces[0]
        for flag, piece in zip(sheet.flags, sheet.pieces[1:], strict=True):
            self._piece(self._pending)
            self._flags.append(moments[flag])
            self._pending = piece
        self._sheets += 1

    def _piece(self, text: str) -> None:
        data = text.encode("utf-8")
        self._spool.write(data)
        self._lengths.append(len(data))

    def chunks(self) -> Iterator[str]:
        """The document in pieces (one per touchpoint record, then per shared moment)."""
        from journeymap.output.matrix_json import comparison_json, head_json

        self._piece(self._pending)
        self._pending = ""
        yield head_json(self.metric)
        self._spool.seek(0)
        read = self._spool.read
        for length, moment in zip(self._lengths, self._flags, strict=False):
            yield read(length).decode("utf-8")
            yield "true" if moment.shared else "false"
        yield read(self._lengths[-1]).decode("utf-8")
        self._spool.close()
        yield '],"shared_moments":['
        first = True
        for (stage_id, step_id), moment in self._moments.items():
            if not moment.shared or not moment.sides:
                continue
            gaps = [_gap([side.figures[m] for side in moment.sides]) for m in range(5)]
            yield ("" if first else ",") + comparison_json(
                stage_id, step_id, [side.json for side in moment.sides], gaps
            )
            first = False
        yield "]}\n"


def _gap(figures: Sequence[float | None]) -> float | None:
    """Best minus worst, as `Comparison.gap`."""
    found = [figure for figure in figures if figure is not None]
    return max(found) - min(found) if len(found) > 1 else None


def _close(results: Iterator[Part]) -> None:
    close = getattr(results, "close", None)
    if close is not None:
        close()


def gather(
    files: Sequence[Path], settings: Settings, jobs: int | None = None
) -> Generator[Part, None, None]:
    """Every file's part, in order; raises InvalidInputs once all are read when any is not
    a valid journey."""
    diagnostics: list[Diagnostic] = []
    unreadable = False
    parts = iter_per_file(partial(matrix_part, settings), list(enumerate(files)), jobs)
    try:
        for part in parts:
            if part.diagnostics:
                diagnostics.extend(part.diagnostics)
                unreadable = unreadable or part.unreadable
            elif not diagnostics:
                yield part
    finally:
        _close(parts)  # an interruption stops the workers now, not at exit
    if diagnostics:
        raise InvalidInputs(diagnostics, unreadable)


@dataclass(slots=True)
class Gathered:
    """Every file read: the journeys as shown, or (JSON) the document ready to write."""

    journeys: list[Journey]
    document: JsonDocument | None
    stage_ids: dict[str, None]
    channel_ids: dict[str, None]

    def unknown(self, stages: Sequence[str], channels: Sequence[str]) -> list[str]:
        """Filter ids no journey declares, as `views.matrix.unknown_ids` words them."""
        from journeymap.views.matrix import unknown_filter_ids

        return unknown_filter_ids(list(self.stage_ids), list(self.channel_ids), stages, channels)


def collect(
    files: Sequence[Path], settings: Settings, metric: MetricName | None, jobs: int | None = None
) -> Gathered:
    """Read every file in the workers; raises InvalidInputs as `gather` does."""
    import contextlib
    import gc

    from journeymap.load.batch import collector_paused

    gathered = Gathered([], JsonDocument(metric) if settings.json else None, {}, {})
    parts = gather(files, settings, jobs)
    with collector_paused(), contextlib.closing(parts):
        for part in parts:
            gathered.stage_ids.update(dict.fromkeys(part.stage_ids))
            gathered.channel_ids.update(dict.fromkeys(part.channel_ids))
            if gathered.document is not None:
                gathered.document.add(part)
            elif part.journey is not None:
                gathered.journeys.append(part.journey)
        gc.freeze()  # the journeys live to the end: never rescan them
    return gathered
