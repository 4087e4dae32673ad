"""The day of each answer: which column holds it, whether the export writes the day or the
month first, and the day itself, as each tool writes timestamps."""

from __future__ import annotations

import re
import unicodedata
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
        # Microsoft Forms' `Completion time` in the owner's language, as public scripts
        # that read those exports name it (German, Dutch, Spanish, Italian, Portuguese, Polish;
        # tests/data/surveys/README.md gives each source). Taken before the start time.
        "fertigstellungszeit",
        "tijd van voltooien",
        "hora de finalización",
        "ora di completamento",
        "hora de conclusão",
        "godzina ukończenia",
        "完成时间",  # Chinese
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
        "提交答卷时间",  # Wenjuanxing (问卷星): when the answers were submitted
        "结束答题时间",  # Tencent Wenjuan (腾讯问卷): when the respondent finished
        # Field surveys: when the server received the form (KoboToolbox's
        # `_submission_time`, ODK Central's `SubmissionDate`); the form's own `end`, the
        # time it was filled in, is taken before it (FIELD_END).
        "submission time",
        "submission date",
    ),
}
RECEIVED = frozenset({"submission time", "submission date"})
FIELD_END = ("end", "endtime")
"""ODK and KoboToolbox forms record when they were filled in (`end`; SurveyCTO:
`endtime`); the upload, which the export also dates, can come days later, when the
enumerator is back online."""
_STATED = re.compile(r"\s*\(\s*([dmy]{1,4})[/.-]([dmy]{1,4})[/.-]([dmy]{1,4})\s*\)\s*$", re.I)
"""A header that says how its dates are written: QuestionPro's `Timestamp (mm/dd/yyyy)`."""


def stated_order(column: Column) -> str | None:
    """The day, month and year order a date column's header states, or None."""
    match = _STATED.search(column.label)
    order = "".join(part[0].lower() for part in match.groups()) if match else ""
    return order if order in {"dmy", "mdy", "ymd"} else None


_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")

_DATE_ISO = re.compile(r"^(\d{4})(?:[-/]|\. ?)(\d{1,2})(?:[-/]|\. ?)(\d{1,2})(?:$|[ T]|\.(?:$| ))")
"""Year first: ISO, `2026/9/1`, and `2026. 9. 1` (with `오후 3:00:00` after it) as Google
Sheets writes a timestamp in Korean."""
DATE_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[ T,])")
_EPOCH = re.compile(r"^(\d{9,10})(\d{3})?(?:\.\d+)?$")
"""A Unix timestamp, in seconds or milliseconds: how Intercom's API writes the time of a
rating (`created_at`), and so the CSVs made from it."""
_EPOCH_YEARS = range(2000, 2100)
_SERIAL = re.compile(r"^(\d{5})(?:[.,]\d+)?$")
"""Excel's day number (days since 1899-12-30, the time as its fraction: `46135.6`), which
a date column holds when its cells lost their date format, or when a sheet is read raw
(as public scripts reading Forms and Sheets exports convert it, `(el - 25569) * 86400000`)."""
_SERIAL_DAYS = range(36526, 73051)  # 2000-01-01 .. 2099-12-31
_SERIAL_ZERO = date(1899, 12, 30)


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
        if (named := _named_month_day(text)) is not None:
            return named
        if (match := _SERIAL.match(text)) and int(match[1]) in _SERIAL_DAYS:
            return date.fromordinal(_SERIAL_ZERO.toordinal() + int(match[1]))
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
    shape = "csv" if survey.shape == "json" else survey.shape
    if shape == "csv" and any(_spaced(c.label) in RECEIVED for c in survey.columns):
        for name in FIELD_END:
            if (filled := survey.column(name)) is not None:
                return filled
    for candidate in DATE_COLUMNS.get(shape, ()):
        found = survey.column(candidate)
        if found is not None:
            return found
        # The names of an API written as columns: `created_at`, `response_received_at`,
        # `_submission_time`, `SubmissionDate`; a name followed by the way its dates are
        # written, `Timestamp (mm/dd/yyyy)`.
        for column in survey.columns:
            if _spaced(_STATED.sub("", column.label)) == fold(candidate):
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
        # Chinese, Japanese, Korean write no space before it: "提交日期", "回答日付".
        for column in survey.columns:
            if column.label.strip().startswith(_CJK_DATE) or column.label.strip().endswith(
                _CJK_DATE
            ):
                return column
    return None


_DATE_WORDS = frozenset({"date", "datum", "fecha", "data", "dátum"})
_CJK_DATE = ("日期", "日付", "날짜")


def _spaced(label: str) -> str:
    """A field name as words: `response_received_at`, `SubmissionDate` as 'submission date'."""
    return fold(_HUMP.sub(" ", label).replace("_", " "))


def _plain(word: str) -> str:
    """A word without case or accents: `Févr.` and `fevr` are the same month."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTH_NAMES = (
    # English, French, German, Spanish, Italian, Portuguese, Dutch: full names and the
    # abbreviations their locales write (`mars`, `févr.`, `März`, `ene.`, `mrt`).
    "january jan janvier janv januar janner jän enero ene gennaio gen janeiro januari",
    "february feb fevrier fevr fev februar febrero febbraio fevereiro februari",
    "march mar mars marz maerz mrz marzo marco maart mrt",
    "april apr avril avr abril abr aprile",
    "may mai mayo maggio mag maio mei",
    "june jun juin juni junio giugno giu junho",
    "july jul juillet juil juli julio luglio lug julho",
    "august aug aout agosto ago augustus",
    "september sep sept septembre septiembre setiembre settembre set setembro",
    "october oct octobre oktober okt octubre ottobre ott outubro out",
    "november nov novembre noviembre novembro",
    "december dec decembre dezember dez diciembre dic dicembre dezembro",
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
"""Month names as the exports write them, without accents: `5 mars 2024`, `March 5, 2024`,
`5-Mar-24` (Excel's d-mmm-yy), `5. März 2024`, `5 de marzo de 2024`."""

_CLOCK = re.compile(r"\b\d{1,2}(?::|h)\d{2}")
_PARTS = re.compile(r"\d+|[^\W\d_]+\.?")


def _named_month_day(text: str) -> date | None:
    """The day of a date written with its month's name, or None when the text is not one.

    One month name and two numbers before the time of day: the day (1 to 31) and the
    year (four digits, or the later of two short numbers: `5-Mar-24`). Other words
    (`Tuesday,`, `de`, `5th`) are left aside; two month names are not a date."""
    head = _CLOCK.split(text, maxsplit=1)[0]
    numbers: list[str] = []
    months: list[int] = []
    for part in _PARTS.findall(head):
        if part.isdigit():
            numbers.append(part)
        elif (month := MONTHS.get(_plain(part))) is not None:
            months.append(month)
    if len(months) != 1 or len(numbers) != 2:
        return None
    first, second = numbers
    if len(first) == 4:
        year, day = first, second
    elif len(second) in {2, 4}:
        day, year = first, second
    else:
        return None
    if len(day) > 2:
        return None
    full = int(year) + (2000 if len(year) == 2 else 0)
    return date(full, months[0], int(day))
