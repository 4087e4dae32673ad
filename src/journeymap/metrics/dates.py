"""The day of each answer: which column holds it, whether the export writes the day or the
month first, and the day itself, as each tool writes timestamps."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from journeymap.metrics.shapes import TIMESTAMP_HEADERS
from journeymap.metrics.survey import Column, Survey, SurveyError, fold

DATE_COLUMNS = {
    "qualtrics": ("RecordedDate", "EndDate", "StartDate"),
    "surveymonkey": ("End Date", "Start Date", "EndDate", "StartDate"),
    "typeform": ("Submit Date (UTC)", "Submitted At", "submitted_at"),
    "google-forms": tuple(TIMESTAMP_HEADERS),
    "csv": (
        "date",
        "submitted at",
        "submit date",
        "submitdate",  # LimeSurvey, question codes as headings
        "datesubmitted",  # Alchemer (SurveyGizmo) API
        "recorded date",
        "timestamp",
        "end date",
        "completion time",  # Microsoft Forms
        "heure de fin",  # Microsoft Forms in French, and the exports modelled on it
        "date submitted",  # Hotjar
        "response date",
        "rated at",  # Thanx NPS feedback (`created_at` is when it was asked)
        "scored datetime",  # Gorgias satisfaction surveys
        "created at",  # Delighted, Zendesk
        "created",
        "review submit date and time",  # Google Play Console reviews
        "review created (utc)",  # Trustpilot
        "created time",  # Freshdesk
        "response received at",  # Medallia Agent Connect (`response_received_at`)
    ),
}

_DATE_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])")
DATE_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[ T,])")
_EPOCH = re.compile(r"^(\d{9,10})(\d{3})?(?:\.\d+)?$")
"""A Unix timestamp, in seconds or milliseconds: how Intercom's API writes the time of a
rating (`created_at`), and so the CSVs made from it."""
_EPOCH_YEARS = range(2000, 2100)


def guess_order(values: list[str]) -> str | None:
    """dmy or mdy from the values themselves: a first part over 12 can only be a day."""
    day_first = month_first = False
    for value in values:
        match = DATE_NUMERIC.match(value.strip())
        if match:
            first, second = int(match[1]), int(match[2])
            day_first = day_first or first > 12
            month_first = month_first or second > 12
    if day_first and not month_first:
        return "dmy"
    if month_first and not day_first:
        return "mdy"
    return None


def parse_day(value: str, order: str) -> date | None:
    """The day of a timestamp as the tools write it, or None when it is not one."""
    text = value.strip()
    try:
        if match := _DATE_ISO.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := DATE_NUMERIC.match(text):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            year += 2000 if year < 100 else 0
            if order == "ymd":
                return None
            day, month = (first, second) if order == "dmy" else (second, first)
            return date(year, month, day)
        if match := _EPOCH.match(text):
            stamped = datetime.fromtimestamp(int(match[1]), UTC).date()
            return stamped if stamped.year in _EPOCH_YEARS else None
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except (ValueError, OverflowError, OSError):
        return None


def default_order(survey: Survey) -> str:
    if survey.shape == "google-forms" and survey.date_column is not None:
        return TIMESTAMP_HEADERS.get(fold(survey.date_column.label), "mdy")
    return "mdy" if survey.shape == "surveymonkey" else "dmy"


def find_date_column(survey: Survey, wanted: str | None) -> Column | None:
    if wanted:
        found = survey.column(wanted)
        if found is None:
            raise SurveyError(
                f"{survey.name}: date-column {wanted!r} not found; {survey.suggest(wanted)}"
            )
        return found
    for candidate in DATE_COLUMNS.get("csv" if survey.shape == "json" else survey.shape, ()):
        found = survey.column(candidate)
        if found is not None:
            return found
        # The names of an API written as columns: `created_at`, `response_received_at`.
        for column in survey.columns:
            if fold(column.label.replace("_", " ")) == fold(candidate):
                return column
    if survey.shape in {"csv", "json"}:
        # "Date de réponse", "Datum der Antwort", "Fecha": a header that starts with the
        # word for date, in the languages of the exports seen.
        for column in survey.columns:
            if fold(column.label).split(" ", 1)[0] in _DATE_WORDS:
                return column
        # "Created Date", "Submission Date": a header that ends with it.
        for column in survey.columns:
            if fold(column.label).rsplit(" ", 1)[-1] in _DATE_WORDS:
                return column
    return None


_DATE_WORDS = frozenset({"date", "datum", "fecha", "data", "dátum"})
