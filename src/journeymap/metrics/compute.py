"""NPS, CSAT and CES from raw answers, the standard way, per touchpoint.

- NPS: the share of 9-10 answers minus the share of 0-6 answers on the 0-10 scale, in
  points from -100 to 100 (Reichheld's definition; 7-8 count in the base only).
- CSAT: the top-2-box share, the answers in the two highest points of the scale (4-5 on
  1-5), in percent; on a 3-point scale (Help Scout's Great / Okay / Not good) the top
  box alone, since its second point is the neutral middle.
- CES: the mean answer on 1-7, lower is better as the journey format stores it. An
  agreement question ("It was easy to...", high is easy) is turned round (8 - answer),
  and another scale is put on 1-7 linearly; the method written on the metric says so.

NPS and CSAT are rounded to whole numbers, CES to one decimal, halves away from zero, so
the figures match what a person gets by hand. A metric with fewer answers than `min-n`
is computed and reported but not written: a score on twelve answers is noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from journeymap.metrics.mapping import Mapping, Question, Target, Where
from journeymap.metrics.readers import BadRow, Column, Row, Survey, SurveyError
from journeymap.model.quantities import parse_period

DEFAULT_SCALES: dict[str, tuple[float, float]] = {
    "nps": (0, 10),
    "csat": (1, 5),
    "ces": (1, 7),
}
_ANSWER = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)(?:\s*(?:[-–:=]|\s)\s*\D.*)?$")
"""A number, possibly followed by its label: '9', '4,5', '10 - Extremely likely'."""
_OUT_OF = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*(\d+)$")
"""A rating written with its scale: '4/5', '8 / 10'."""
_STARS = re.compile(r"^[★⭐✭✮☆\s]+$")
_FILLED = frozenset("★⭐✭✮")

CSAT_WORDS: dict[str, float] = {
    "very satisfied": 5,
    "extremely satisfied": 5,
    "satisfied": 4,
    "somewhat satisfied": 4,
    "neither satisfied nor dissatisfied": 3,
    "neutral": 3,
    "somewhat dissatisfied": 2,
    "dissatisfied": 2,
    "unsatisfied": 2,
    "very dissatisfied": 1,
    "extremely dissatisfied": 1,
    "very unsatisfied": 1,
    "très satisfait": 5,
    "très satisfaite": 5,
    "satisfait": 4,
    "satisfaite": 4,
    "plutôt satisfait": 4,
    "ni satisfait ni insatisfait": 3,
    "neutre": 3,
    "plutôt insatisfait": 2,
    "insatisfait": 2,
    "insatisfaite": 2,
    "peu satisfait": 2,
    "très insatisfait": 1,
    "très insatisfaite": 1,
    "pas du tout satisfait": 1,
    # German, Spanish, Portuguese, Italian, Dutch: the 5-point scales as forms in those
    # languages label them (tests/data/surveys/README.md gives where each is quoted).
    "sehr zufrieden": 5,
    "zufrieden": 4,
    "eher zufrieden": 4,
    "weder zufrieden noch unzufrieden": 3,
    "teils zufrieden": 3,
    "eher unzufrieden": 2,
    "unzufrieden": 2,
    "sehr unzufrieden": 1,
    "muy satisfecho": 5,
    "muy satisfecha": 5,
    "satisfecho": 4,
    "satisfecha": 4,
    "algo satisfecho": 4,
    "ni satisfecho ni insatisfecho": 3,
    "neutro": 3,
    "algo insatisfecho": 2,
    "insatisfecho": 2,
    "insatisfecha": 2,
    "muy insatisfecho": 1,
    "muy insatisfecha": 1,
    "muito satisfeito": 5,
    "muito satisfeita": 5,
    "satisfeito": 4,
    "satisfeita": 4,
    "nem satisfeito nem insatisfeito": 3,
    "indiferente": 3,
    "insatisfeito": 2,
    "insatisfeita": 2,
    "muito insatisfeito": 1,
    "muito insatisfeita": 1,
    "molto soddisfatto": 5,
    "molto soddisfatta": 5,
    "soddisfatto": 4,
    "soddisfatta": 4,
    "né soddisfatto né insoddisfatto": 3,
    "nè soddisfatto nè insoddisfatto": 3,
    "insoddisfatto": 2,
    "insoddisfatta": 2,
    "molto insoddisfatto": 1,
    "molto insoddisfatta": 1,
    "zeer tevreden": 5,
    "tevreden": 4,
    "neutraal": 3,
    "ontevreden": 2,
    "niet tevreden": 2,
    "zeer ontevreden": 1,
    # A statement rated on the 5-point agreement scale ("The instructor was helpful").
    "strongly agree": 5,
    "agree": 4,
    "somewhat agree": 4,
    "neither agree nor disagree": 3,
    "somewhat disagree": 2,
    "disagree": 2,
    "strongly disagree": 1,
    "tout à fait d'accord": 5,
    "d'accord": 4,
    "plutôt d'accord": 4,
    "ni d'accord ni pas d'accord": 3,
    "plutôt pas d'accord": 2,
    "pas d'accord": 2,
    "pas du tout d'accord": 1,
    # German Likert items (`trifft zu` ... `trifft nicht zu`, as a Microsoft Forms quiz
    # export read by a public script answers them).
    "trifft zu": 5,
    "trifft voll zu": 5,
    "trifft eher zu": 4,
    "teils teils": 3,
    "teils/teils": 3,
    "trifft eher nicht zu": 2,
    "trifft nicht zu": 1,
    "trifft überhaupt nicht zu": 1,
    # Chinese, Japanese, Korean: the 5-point scales as forms and apps in those languages
    # label them (tests/data/surveys/README.md gives where each is quoted). `不満` is the
    # second point of some Japanese scales and the last of others: out of the top box
    # either way.
    "非常满意": 5,
    "比较满意": 4,
    "满意": 4,
    "一般": 3,
    "不满意": 2,
    "非常不满意": 1,
    "非常滿意": 5,
    "滿意": 4,
    "不滿意": 2,
    "非常不滿意": 1,
    "非常同意": 5,
    "同意": 4,
    "中立": 3,
    "不同意": 2,
    "非常不同意": 1,
    "とても満足": 5,
    "満足": 4,
    "やや満足": 4,
    "普通": 3,
    "ふつう": 3,
    "どちらでもない": 3,
    "やや不満": 2,
    "不満": 2,
    "とても不満": 1,
    "매우 만족": 5,
    "만족": 4,
    "보통": 3,
    "불만족": 2,
    "매우 불만족": 1,
    "매우 그렇다": 5,
    "그렇다": 4,
    "보통이다": 3,
    "아니다": 2,
    "그렇지 않다": 2,
    "전혀 아니다": 1,
    "전혀 그렇지 않다": 1,
    # Zendesk's two-point rating: good counts in the top box, bad out of it.
    "good": 5,
    "good, i'm satisfied": 5,
    "bad": 1,
    "bad, i'm unsatisfied": 1,
    # Help Scout: ratings Great / Okay / Not Good; satisfaction surveys of faces (Happy,
    # Neutral, Sad, or the emoji), thumbs up / down. Only the best counts in the top box,
    # as Help Scout's own "great" share.
    "great": 5,
    "okay": 3,
    "not good": 1,
    "happy": 5,
    "sad": 1,
    "thumbs up": 5,
    "thumbs down": 1,
    "\U0001f600": 5,  # grinning face
    "\U0001f610": 3,  # neutral face
    "\U0001f641": 1,  # slightly frowning face
    "\U0001f44d": 5,  # thumbs up
    "\U0001f44e": 1,  # thumbs down
}
"""The standard 5-point satisfaction and agreement wording (English, French, Chinese,
Korean; satisfaction in German, Spanish, Portuguese, Italian, Dutch, Japanese) of the
tools' CSAT questions, read without a `labels` mapping on the default 1-5 scale."""
NOT_RATED = frozenset(
    {
        "offered",
        "unoffered",
        "not offered",
        "n/a",
        "na",
        "-",
        "—",
        "skipped",
        "no answer",
        "non spécifié",
        "non renseigné",
        "sans réponse",
        "pas de réponse",
        "keine angabe",
        "ich kann keine aussage treffen.",
        "não informado",
    }
)
"""Cells that say no rating was given (Zendesk's 'Offered': asked, not answered; 'Non
spécifié' where a French export fills an unanswered question)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One computed metric: its value, the answers behind it, and how it was computed."""

    metric: str
    value: float
    n: int
    method: str
    why: str = ""
    """Why a figure computed on enough answers is not written (its answers say the
    question was asked on another scale)."""


@dataclass
class TouchpointResult:
    """What the survey says about one touchpoint of the mapping."""

    target: Target
    responses: int
    figures: list[Figure] = field(default_factory=list)
    withheld: list[Figure] = field(default_factory=list)
    period: str | None = None

    @property
    def n(self) -> int | None:
        """The smallest count behind the figures written: each stands on at least that many."""
        return min((f.n for f in self.figures), default=None)

    @property
    def method(self) -> str:
        return "; ".join(f.method for f in self.figures)


@dataclass
class Computation:
    results: list[TouchpointResult]
    bad: list[BadRow]


def round_half_away(value: float, digits: int = 0) -> float:
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    return int(rounded) if digits == 0 else float(rounded)


def nps(answers: list[float]) -> float:
    promoters = sum(1 for a in answers if a >= 9)
    detractors = sum(1 for a in answers if a <= 6)
    return 100 * (promoters - detractors) / len(answers)


def top_box(scale: tuple[float, float]) -> float:
    """The lowest answer that counts as satisfied: the two highest points, but on a
    3-point scale (Great / Okay / Not good) only the highest, since its second point is
    the neutral middle."""
    return scale[1] if scale[1] - scale[0] <= 2 else scale[1] - 1


def csat(answers: list[float], scale: tuple[float, float]) -> float:
    top = sum(1 for a in answers if a >= top_box(scale))
    return 100 * top / len(answers)


def ces(answers: list[float], scale: tuple[float, float], reverse: bool) -> float:
    low, high = scale
    points = [(low + high - a) if reverse else a for a in answers]
    return sum(1 + (p - low) * 6 / (high - low) for p in points) / len(points)


def _method(metric: str, question: Question, scale: tuple[float, float]) -> str:
    low, high = (f"{v:g}" for v in scale)
    if metric == "nps":
        return "NPS: % of 9-10 minus % of 0-6 on 0-10"
    if metric == "csat":
        if top_box(scale) == scale[1]:
            return f"CSAT: top box ({high}) on {low}-{high}"
        return f"CSAT: top-2 box ({scale[1] - 1:g}-{high}) on {low}-{high}"
    turned = f", agreement turned round ({low}+{high} - answer)" if question.reverse else ""
    rescaled = f", rescaled from {low}-{high}" if scale != DEFAULT_SCALES["ces"] else ""
    return f"CES: mean on 1-7, lower is easier{turned}{rescaled}"


def read_answer(
    cell: str, question: Question, metric: str, scale: tuple[float, float]
) -> float | str | None:
    """The answer as a number, None when unanswered, or why it cannot be read."""
    text = cell.strip()
    if not text or text.casefold() in NOT_RATED:
        return None
    folded = " ".join(text.replace("’", "'").casefold().split())
    for label, number in question.labels.items():
        if label.strip().casefold() == text.casefold():
            return float(number)
    if metric == "csat" and not question.labels and not question.scale and folded in CSAT_WORDS:
        return CSAT_WORDS[folded]
    digits = text
    if _STARS.match(text):
        digits = str(sum(1 for char in text if char in _FILLED))
    elif rated := _OUT_OF.match(text):
        if float(rated[2]) != scale[1]:
            return (
                f"{question.column} {text!r} is out of {rated[2]}, not {scale[1]:g}; set its scale"
            )
        digits = rated[1]
    match = _ANSWER.match(digits)
    if match is None:
        return f"{question.column} {text!r} is not a number on {scale[0]:g}-{scale[1]:g}" + (
            "; add it to the question's labels" if not text[:1].isdigit() else ""
        )
    value = float(match[1].replace(",", "."))
    if not scale[0] <= value <= scale[1]:
        return f"{question.column} {text!r} is outside {scale[0]:g}-{scale[1]:g}"
    if metric == "nps" and value != int(value):
        return f"{question.column} {text!r} is not a whole number on 0-10"
    return value


def _resolve(survey: Survey, name: str, where: str) -> Column:
    column = survey.column(name, start=True)
    if column is None:
        raise SurveyError(
            f"{survey.name}: {where}: no column {name!r} in this {survey.shape} export; "
            f"{survey.suggest(name)}"
        )
    return column


def _keeps(survey: Survey, conditions: list[Where], where: str) -> list[tuple[int, set[str]]]:
    return [
        (_resolve(survey, c.column, f"{where}.column").index, set(c.values())) for c in conditions
    ]


def _passes(row: Row, tests: list[tuple[int, set[str]]]) -> bool:
    return all(row.cells[i].strip().casefold() in values for i, values in tests)


def period_text(start: date, end: date) -> str:
    """The shortest period text for a range: '2026-Q3' for July to September, else a range."""
    candidates = [f"{start.year}"]
    if start.year == end.year:
        quarter = (start.month - 1) // 3 + 1
        half = (start.month - 1) // 6 + 1
        candidates += [
            f"{start.year}-H{half}",
            f"{start.year}-Q{quarter}",
            f"{start.year}-{start.month:02d}",
        ]
    candidates.append(start.isoformat())
    for text in candidates:
        if parse_period(text) == (start, end):
            return text
    return f"{start.isoformat()}..{end.isoformat()}"


def compute(survey: Survey, mapping: Mapping) -> Computation:
    """Every touchpoint's figures; the rows and cells that could not be read, with reasons."""
    bad = list(survey.bad)
    window = mapping.filter
    if (window.from_ or window.to) and survey.date_column is None:
        raise SurveyError(
            f"{survey.name}: filter.from/to need each answer's date, and no date column was "
            "found; set date-column in the mapping"
        )
    common = _keeps(survey, window.where, "filter.where")
    rows = [
        row
        for row in survey.rows
        if _passes(row, common)
        and (window.from_ is None or (row.day is not None and row.day >= window.from_))
        and (window.to is None or (row.day is not None and row.day <= window.to))
    ]
    outside = len(survey.rows) - len(rows)
    if outside:
        survey.skipped["outside the filter"] += outside
    unreadable: dict[int, list[str]] = {}
    results = []
    for index, target in enumerate(mapping.touchpoints):
        where = f"touchpoints[{index}]"
        kept = [r for r in rows if _passes(r, _keeps(survey, target.where, f"{where}.where"))]
        result = TouchpointResult(target, len(kept))
        for metric, question in target.questions():
            scale = _scale(metric, question, f"{where}.{metric}")
            column = _resolve(survey, question.column, f"{where}.{metric}")
            answers: list[float] = []
            for row in kept:
                answer = read_answer(row.cells[column.index], question, metric, scale)
                if isinstance(answer, str):
                    unreadable.setdefault(row.line, []).append(answer)
                elif answer is not None:
                    answers.append(answer)
            if not answers:
                result.withheld.append(Figure(metric, float("nan"), 0, ""))
                continue
            figure = _figure(metric, question, scale, answers)
            if metric == "nps" and _five_points(answers):
                figure = replace(figure, why=FIVE_POINT_NPS.format(column=question.column))
            if figure.n >= mapping.min_n and not figure.why:
                result.figures.append(figure)
            else:
                result.withheld.append(figure)
        result.period = mapping.period or _period(mapping, kept)
        results.append(result)
    bad += [BadRow(line, "; ".join(dict.fromkeys(why))) for line, why in unreadable.items()]
    return Computation(results, sorted(bad, key=lambda b: b.line))


FIVE_POINT_NPS = (
    "every answer to {column!r} is between 1 and 5: asked on a 5-point scale, where NPS "
    "(0-10) makes everyone a detractor; map it as csat, or ask it on 0-10"
)


def _five_points(answers: list[float]) -> bool:
    """Whether NPS answers look given on a 1-5 scale (a Google Forms linear scale left at
    its default, "How likely are you to recommend...?" 1 to 5): five answers or more, none
    0 and none above 5. On 0-10, that many answers all within 1-5 is a survey nobody
    would recommend at all; on 1-5, the NPS would be -100 whatever the answers."""
    return len(answers) >= 5 and min(answers) >= 1 and max(answers) <= 5


def _scale(metric: str, question: Question, where: str) -> tuple[float, float]:
    scale = question.scale or DEFAULT_SCALES[metric]
    if metric == "nps" and tuple(scale) != DEFAULT_SCALES["nps"]:
        raise SurveyError(f"{where}.scale: NPS is defined on 0-10 answers only; remove 'scale'")
    if metric == "csat" and scale[1] - scale[0] < 2:
        raise SurveyError(f"{where}.scale: a top-2 box needs a scale of at least 3 points")
    return (float(scale[0]), float(scale[1]))


def _figure(
    metric: str, question: Question, scale: tuple[float, float], answers: list[float]
) -> Figure:
    if metric == "nps":
        value = round_half_away(nps(answers))
    elif metric == "csat":
        value = round_half_away(csat(answers, scale))
    else:
        value = round_half_away(ces(answers, scale, question.reverse), 1)
    return Figure(metric, value, len(answers), _method(metric, question, scale))


def _period(mapping: Mapping, rows: list[Row]) -> str | None:
    days = [r.day for r in rows if r.day is not None]
    start = mapping.filter.from_ or min(days, default=None)
    end = mapping.filter.to or max(days, default=None)
    if start is None or end is None:
        return None
    return period_text(start, end)
