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

import codecs
import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

SEPARATORS = (",", ";", "\t", "|")
TIMESTAMP_HEADERS = {
    "timestamp": "mdy",
    "horodateur": "dmy",
    "marca temporal": "dmy",
    "zeitstempel": "dmy",
    "informazioni cronologiche": "dmy",
    "carimbo de data/hora": "dmy",
}
"""Google Forms' first column in the sheet's language, and how that locale writes dates."""

QUALTRICS_STATUS_KEPT = {"0", "4", "16", "ip address", "imported", "offline"}
QUALTRICS_STATUS_NAMES = {
    "1": "survey preview",
    "2": "survey test",
    "8": "spam",
    "9": "preview spam",
    "12": "imported spam",
    "17": "offline preview",
}


WORKBOOKS = (
    (b"PK\x03\x04", "Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "Excel 97 workbook (.xls)"),
)


class SurveyError(Exception):
    """An export that cannot be read at all; the message names the file and what to do."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column and every name a mapping may use for it (id, question text, import id)."""

    index: int
    names: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]
    day: date | None


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    reason: str


@dataclass
class Survey:
    """The answers of an export, with what was set aside and why."""

    name: str
    shape: str
    encoding: str
    separator: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    bad: list[BadRow] = field(default_factory=list)
    date_column: Column | None = None
    date_order: str | None = None
    date_order_guessed: bool = False
    """True when nothing in the data or the mapping decided day or month first."""

    def column(self, name: str) -> Column | None:
        """The column a mapping names, by exact name first, then trimmed and in any case.

        A name that fits several columns (a choice label repeated across questions) is an
        error rather than a guess: reading the wrong column would give a wrong figure.
        """
        for same in (lambda n: n == name, lambda n: _fold(n) == _fold(name)):
            found = [c for c in self.columns if any(same(n) for n in c.names)]
            if len(found) > 1:
                labels = ", ".join(repr(c.label) for c in found[:4])
                raise SurveyError(
                    f"{self.name}: {name!r} names {len(found)} columns ({labels}); "
                    "use the full name of one"
                )
            if found:
                return found[0]
        return None

    def suggest(self, name: str) -> str:
        import difflib

        names = [n for c in self.columns for n in c.names[:2]]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        shown = ", ".join(repr(c.label) for c in self.columns[:12])
        more = ", ..." if len(self.columns) > 12 else ""
        return f"{hint}columns: {shown}{more}"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: the one asked for, a BOM's, UTF-8, else Windows-1252."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
            return data.decode(codec), codec
        except LookupError:
            raise SurveyError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SurveyError(
                f"{name}: not {encoding} (byte {exc.start}); remove 'encoding' to detect it"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            raise SurveyError(
                f"{name}:{line}: starts as UTF-8 (its BOM) but byte {exc.start + 3} is not "
                "UTF-8; export the file again, or set 'encoding' in the mapping"
            ) from None
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec), "utf-16"
            except UnicodeDecodeError:
                raise SurveyError(f"{name}: broken UTF-16 text") from None
    if b"\x00" in data[:200]:
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            raise SurveyError(f"{name}: binary data, not a CSV export") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_separator(text: str) -> str:
    """The separator that splits the first lines into the most, and most regular, columns."""
    sample = text[:20000].splitlines()[:30]
    best, best_score = ",", (-1, -1)
    for candidate in SEPARATORS:
        rows = list(csv.reader(io.StringIO("\n".join(sample)), delimiter=candidate))
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        regular = sum(1 for r in rows if len(r) == width)
        score = (regular, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _records(text: str, separator: str) -> tuple[list[tuple[int, list[str]]], list[BadRow], int]:
    """Each record with the line it starts on (a quoted cell may span several lines), the
    records the csv module cannot split, and how many rows hold nothing at all."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    broken: list[BadRow] = []
    empty = 0
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            broken.append(BadRow(start, f"broken quoting ({exc})"))
            start = reader.line_num + 1
            continue
        if any(c.strip() for c in cells):
            records.append((start, cells))
        elif records:
            empty += 1
        start = reader.line_num + 1
    return records, broken, empty


def detect_shape(records: list[tuple[int, list[str]]]) -> str:
    header = [c.strip() for c in records[0][1]] if records else []
    third = records[2][1] if len(records) > 2 else []
    if any(c.strip().startswith('{"ImportId"') for c in third):
        return "qualtrics"
    folded = {_fold(c) for c in header}
    second = {_fold(c) for c in records[1][1]} if len(records) > 1 else set()
    if {"respondent id", "collector id"} <= folded or (
        "respondent id" in folded and second & {"response", "open-ended response"}
    ):
        return "surveymonkey"
    if header and _fold(header[0]) in TIMESTAMP_HEADERS:
        return "google-forms"
    if folded & {"submit date (utc)", "submitted at", "network id"} or header[:1] == ["#"]:
        return "typeform"
    return "csv"


def _qualtrics_columns(records: list[tuple[int, list[str]]]) -> list[Column]:
    ids, texts, imports = (records[i][1] for i in range(3))
    columns = []
    for index, key in enumerate(ids):
        names = [key.strip()]
        if index < len(texts) and texts[index].strip():
            names.append(texts[index].strip())
        if index < len(imports):
            try:
                info = json.loads(imports[index])
            except ValueError:
                info = None
            if isinstance(info, dict) and isinstance(info.get("ImportId"), str):
                names.append(info["ImportId"])
        columns.append(Column(index, tuple(names)))
    return columns


def _surveymonkey_columns(records: list[tuple[int, list[str]]]) -> list[Column]:
    questions, answers = records[0][1], records[1][1]
    columns = []
    current = ""
    for index, heading in enumerate(questions):
        if heading.strip():
            current = heading.strip()
        sub = answers[index].strip() if index < len(answers) else ""
        if sub and sub.casefold() not in {"response", "open-ended response"}:
            names: tuple[str, ...] = (f"{current} - {sub}", sub)
        else:
            names = (current,)
        columns.append(Column(index, names))
    return columns


HEADER_ROWS = {"qualtrics": 3, "surveymonkey": 2}
DATE_COLUMNS = {
    "qualtrics": ("RecordedDate", "EndDate", "StartDate"),
    "surveymonkey": ("End Date", "Start Date", "EndDate", "StartDate"),
    "typeform": ("Submit Date (UTC)", "Submitted At", "submitted_at"),
    "google-forms": tuple(TIMESTAMP_HEADERS),
    "csv": ("date", "submitted at", "submit date", "recorded date", "timestamp", "end date"),
}

_DATE_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])")
_DATE_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[ T,])")


def _guess_order(values: list[str]) -> str | None:
    """dmy or mdy from the values themselves: a first part over 12 can only be a day."""
    day_first = month_first = False
    for value in values:
        match = _DATE_NUMERIC.match(value.strip())
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
        if match := _DATE_NUMERIC.match(text):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            year += 2000 if year < 100 else 0
            if order == "ymd":
                return None
            day, month = (first, second) if order == "dmy" else (second, first)
            return date(year, month, day)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


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
) -> Survey:
    """Every answer row of an export, or SurveyError when it is not a survey export at all."""
    for magic, kind in WORKBOOKS:
        if data.startswith(magic):
            raise SurveyError(
                f"{name}: an {kind}, not a CSV export; export the responses as CSV (or save "
                "the sheet as CSV UTF-8 or Unicode text)"
            )
    text, used_encoding = decode(data, name, encoding)
    if not text.strip():
        raise SurveyError(f"{name}: empty file; export the responses again")
    sep = separator or sniff_separator(text)
    records, broken, empty = _records(text, sep)
    if not records or len(records[0][1]) < 2:
        raise SurveyError(
            f"{name}: only one column found; not a CSV export, or set 'separator' in the mapping"
        )
    found = detect_shape(records) if shape == "auto" else shape
    header_rows = HEADER_ROWS.get(found, 1)
    if len(records) < header_rows:
        raise SurveyError(f"{name}: the {found} header rows are incomplete")
    if found == "qualtrics":
        columns = _qualtrics_columns(records)
    elif found == "surveymonkey":
        columns = _surveymonkey_columns(records)
    else:
        header = records[0][1]
        columns = [Column(i, (h.strip() or f"column {i + 1}",)) for i, h in enumerate(header)]
    survey = Survey(name, found, used_encoding, sep, columns, bad=broken)
    if empty:
        survey.skipped["empty rows"] = empty
    survey.date_column = _date_column(survey, date_column)
    body = records[header_rows:]
    if survey.date_column is not None:
        index = survey.date_column.index
        values = [cells[index] for _, cells in body if index < len(cells)]
        survey.date_order = date_order or _guess_order(values)
        if survey.date_order is None:
            survey.date_order = _default_order(survey)
            survey.date_order_guessed = any(_DATE_NUMERIC.match(v.strip()) for v in values)
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
            day = parse_day(raw, survey.date_order or "mdy")
            if day is None:
                survey.bad.append(BadRow(line, f"{survey.date_column.label} {raw!r} is not a date"))
                continue
        survey.rows.append(Row(line, tuple(cells), day))
    return survey


def _default_order(survey: Survey) -> str:
    if survey.shape == "google-forms" and survey.date_column is not None:
        return TIMESTAMP_HEADERS.get(_fold(survey.date_column.label), "mdy")
    return "mdy" if survey.shape == "surveymonkey" else "dmy"


def _date_column(survey: Survey, wanted: str | None) -> Column | None:
    if wanted:
        found = survey.column(wanted)
        if found is None:
            raise SurveyError(
                f"{survey.name}: date-column {wanted!r} not found; {survey.suggest(wanted)}"
            )
        return found
    for candidate in DATE_COLUMNS.get(survey.shape, ()):
        found = survey.column(candidate)
        if found is not None:
            return found
    return None


def _flags(survey: Survey, unfinished: bool) -> list[tuple[int, str]]:
    """The columns that mark rows not to count, found once: (index, which)."""
    wanted = {
        "qualtrics": [("Status", "status")] + ([] if unfinished else [("Finished", "finished")]),
        "typeform": [("Response Type", "response type")],
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
    return ""
