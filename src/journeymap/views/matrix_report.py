"""Everything `journeymap matrix` shows, computed once and handed to every format.

Filters apply to the whole report: the summary counts, the ranking and the comparison
describe the stages and channels shown, so the figures always match the table above them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from journeymap.model.journey import Journey
from journeymap.views.compare import Comparison, compare
from journeymap.views.labels import Lang
from journeymap.views.matrix import Matrix, build_matrix
from journeymap.views.metrics import MetricName
from journeymap.views.moments import shared_moments
from journeymap.views.priorities import Ranking, rank


@dataclass(frozen=True, slots=True)
class Sheet:
    """One journey's matrix and ranking."""

    matrix: Matrix
    ranking: Ranking

    @property
    def journey(self) -> Journey:
        return self.matrix.journey


@dataclass(frozen=True, slots=True)
class MatrixReport:
    sheets: tuple[Sheet, ...]
    comparisons: tuple[Comparison, ...]
    metric: MetricName | None
    top: int

    @property
    def several(self) -> bool:
        return len(self.sheets) > 1

    @property
    def lang(self) -> Lang:
        """The language of the parts that span journeys: theirs if they agree, else English."""
        langs = {sheet.journey.words_lang for sheet in self.sheets}
        return langs.pop() if len(langs) == 1 else "en"


def build_report(
    journeys: Sequence[Journey],
    *,
    stages: Collection[str] = (),
    channels: Collection[str] = (),
    by_kind: bool = False,
    metric: MetricName | None = None,
    top: int = 5,
) -> MatrixReport:
    shared = {(m.stage_id, m.step_id) for m in shared_moments(journeys)}
    sheets = []
    for journey in journeys:
        matrix = build_matrix(
            journey, stages=stages, channels=channels, by_kind=by_kind, shared=shared
        )
        sheets.append(Sheet(matrix, rank(matrix.entries)))
    comparisons = compare(journeys, stages=stages, channels=channels) if len(journeys) > 1 else []
    return MatrixReport(tuple(sheets), tuple(comparisons), metric, top)
