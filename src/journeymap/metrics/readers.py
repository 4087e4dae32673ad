"""Survey exports as they come out of the tools: decoded, split, their header rows understood.

Each tool writes its own shape (see tests/data/surveys/README.md for the documentation
each reader follows):

- Qualtrics: three header rows (field ids such as `Q3`, question texts, `{"ImportId":...}`),
  `RecordedDate`, and `Status` / `Finished` columns that mark previews, tests, spam and
  answers left unfinished, which must not count.
- SurveyMonkey: two header rows, the question texts then the answer labels ("Response",
  "Open-Ended Response", or each choice of a multi-column question); US dates.
- Typeform: one header row of question titles, hidden fields as their own columns,
  `Submit Date (UTC)` (older exports: `Submitted At`), partial answers in newer exports.
- Google Forms: a first `Timestamp` column, written in the sheet's locale (`Horodateur`,
  day first, in French).
- Any other CSV: one header row.

Excel saves "CSV" in the machine's code page with `;` where the decimal mark is a comma,
and "Unicode text" as UTF-16 with tabs, so the encoding and separator are detected, and
`4,5` reads as 4.5. Nothing is dropped silently: each skipped row is counted with its
reason, each unreadable row kept with its line and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeymap.metrics.dates import (
    DATE_NUMERIC,
    default_order,
    find_date_column,
    guess_order,
    parse_day,
    stated_order,
)
from journeymap.metrics.decoding import SEPARATORS, decode, sniff_separator, split_records
from journeymap.metrics.jsonexport import NotJson, looks_like_json, read_json, tabular
from journeymap.metrics.shapes import (
    HEADER_ROWS,
    TIMESTAMP_HEADERS,
    blank_second_header,
    detect_shape,
    qualtrics_columns,
    surveymonkey_columns,
)
from journeymap.metrics.shapes import (
    header_rows as header_rows_of,
)
from journeymap.metrics.survey import BadRow, Column, Row, Survey, SurveyError, fold

__all__ = [
    "HEADER_ROWS",
    "SEPARATORS",
    "TIMESTAMP_HEADERS",
    "BadRow",
    "Column",
    "Row",
    "Survey",
    "SurveyError",
    "decode",
    "detect_shape",
    "parse_day",
    "read_survey",
    "sniff_separator",
]

QUALTRICS_STATUS_KEPT = {"0", "4", "16", "ip address", "imported", "offline"}
QUALTRICS_STATUS_NAMES = {
    "1": "survey preview",
    "2": "survey test",
    "8": "spam",
    "9": "preview spam",
    "12": "imported spam",
    "17": "offline preview",
}


XLSX = b"PK\x03\x04"
OLD_WORKBOOK = b"\xd0\xcf\x11\xe0"


def read_survey(
    data: bytes,
    name: str,
    *,
    shape: str = "auto",
    encoding: str | None = None,
    separator: str | None = None,
    date_column: str | None = None,
    date_order: str | None = None,
    include_unfinished: bool = False,
    words: Sequence[str] = (),
) -> Survey:
    """Every answer row of an export, or SurveyError when it is not a survey export at all.
    `words`, the mapping's column names and labels, settle a code page its bytes leave open."""
    if data.startswith(OLD_WORKBOOK):
        raise SurveyError(
            f"{name}: an Excel 97 workbook (.xls), not a CSV export; export the responses as "
            "CSV or .xlsx (or save the sheet as CSV UTF-8)"
        )
    broken: list[BadRow] = []
    from_json = False
    aliases: dict[str, tuple[str, ...]] = {}
    if data.startswith(XLSX):
        from journeymap.metrics.workbook import read_workbook

        records, empty, sheet = read_workbook(data, name)
        used_encoding, sep = "Excel workbook", f"sheet '{sheet}'"
        if not records:
            raise SurveyError(f"{name}: the workbook's first sheet is empty")
    else:
        text, used_encoding = decode(data, name, encoding, words)
        if not text.strip():
            raise SurveyError(f"{name}: empty file; export the responses again")
        if looks_like_json(text):
            # SurveyJS results, Alchemer's or Typeform's API, LimeSurvey's JSON export:
            # read whatever `format` says; a CSV whose first header starts with '[' or
            # '{' is read as CSV.
            try:
                records, sep, shape, aliases = read_json(text, name)
                empty, from_json = 0, True
            except NotJson:
                if not tabular(text):
                    raise
        if not from_json:
            sep = separator or sniff_separator(text)
            records, broken, empty = split_records(text, sep)
    if not records or (len(records[0][1]) < 2 and not from_json):
        raise SurveyError(
            f"{name}: only one column found; not a CSV export, or set 'separator' in the mapping"
        )
    found = detect_shape(records) if shape == "auto" else shape
    header_rows = 1 if from_json else header_rows_of(found, records)
    if len(records) < header_rows:
        raise SurveyError(f"{name}: the {found} header rows are incomplete")
    if found == "qualtrics" and not from_json:
        columns = qualtrics_columns(records)
    elif found == "surveymonkey":
        columns = surveymonkey_columns(records[:header_rows])
    else:
        header = records[0][1]
        columns = [
            Column(i, (h.strip() or f"column {i + 1}", *aliases.get(h, ())))
            for i, h in enumerate(header)
        ]
    survey = Survey(name, found, used_encoding, sep, columns, bad=broken, forced=bool(encoding))
    if blank_second_header(found, records, header_rows):
        empty -= 1
    if empty:
        survey.skipped["empty rows"] = empty
    survey.date_column = find_date_column(survey, date_column)
    body = records[header_rows:]
    if survey.date_column is not None:
        index = survey.date_column.index
        values = [cells[index] for _, cells in body if index < len(cells)]
        survey.date_order = date_order or stated_order(survey.date_column) or guess_order(values)
        if survey.date_order is None:
            survey.date_order = default_order(survey)
            survey.date_order_guessed = any(DATE_NUMERIC.match(v.strip()) for v in values)
    width = len(columns)
    flags = _flags(survey, include_unfinished)
    for line, cells in body:
        if len(cells) != width:
            survey.bad.append(BadRow(line, f"{len(cells)} cells where the header has {width}"))
            continue
        reason = _set_aside(flags, cells)
        if reason:
            survey.skipped[reason] += 1
            continue
        day = None
        if survey.date_column is not None:
            raw = cells[survey.date_column.index]
            if not raw.strip():
                # A request never answered ("All requests" exports: Medallia Agent Connect)
                # has no response date: set aside and counted, not a malformed row; a
                # LimeSurvey response never submitted has no `submitdate`.
                survey.skipped[_undated(survey.date_column)] += 1
                continue
            day = parse_day(raw, survey.date_order or "mdy")
            if day is None:
                survey.bad.append(BadRow(line, f"{survey.date_column.label} {raw!r} is not a date"))
                continue
        survey.rows.append(Row(line, tuple(cells), day))
    return survey


def _flags(survey: Survey, unfinished: bool) -> list[tuple[int, str]]:
    """The columns that mark rows not to count, found once: (index, which)."""
    generic = [
        ("Status", "state"),
        ("is_test_data", "test"),
        ("ReviewState", "review"),  # ODK Central
        ("_validation_status", "review"),  # KoboToolbox
        ("review_status", "review"),  # SurveyCTO
    ]
    wanted = {
        "qualtrics": [("Status", "status")] + ([] if unfinished else [("Finished", "finished")]),
        "typeform": [("Response Type", "response type")],
        "csv": generic,
        "json": generic,
    }.get(survey.shape, [])
    found = []
    for name, kind in wanted:
        column = survey.column(name)
        if column is not None:
            found.append((column.index, kind))
    return found


def _set_aside(flags: list[tuple[int, str]], cells: list[str]) -> str:
    """Why a well-formed row must not count (a preview, spam, a partial answer), or ''."""
    for index, kind in flags:
        value = cells[index].strip().casefold()
        if kind == "status" and value and value not in QUALTRICS_STATUS_KEPT:
            return QUALTRICS_STATUS_NAMES.get(value, value)
        if kind == "finished" and value in {"0", "false"}:
            return "unfinished"
        if kind == "response type" and value == "partial":
            return "partial"
        if kind == "state" and value in UNFINISHED_STATUS:
            return value
        if kind == "test" and value in {"1", "true"}:
            return "test data"
        if kind == "review" and value in REJECTED_IN_REVIEW:
            return "rejected in review"
    return ""


UNFINISHED_STATUS = {"partial", "disqualified", "incomplete", "deleted"}
"""Alchemer's (SurveyGizmo's) `Status` besides `Complete`, in its CSV export and its API
(`status`), and the same words of other tools: answers that must not count."""

REJECTED_IN_REVIEW = {"rejected", "validation_status_not_approved", "not approved"}
"""A submission its project rejected on review (ODK Central's `ReviewState`, KoboToolbox's
`_validation_status`): the field team judged it not to be a real answer."""

SUBMIT_DATES = {"submitdate", "date submitted", "datesubmitted"}


def _undated(column: Column) -> str:
    """Why a row without a date is set aside: a submit date left empty is LimeSurvey's
    (and Alchemer's) mark of a response never submitted."""
    if any(fold(name.replace("_", " ")) in SUBMIT_DATES for name in column.names):
        return "not submitted"
    return "without a date"
