"""An Excel workbook (.xlsx) of survey answers, as the rows a CSV export would hold.

Qualtrics, SurveyMonkey and Google Sheets all offer .xlsx next to CSV, and a CX team
passes the workbook around more often than the CSV. openpyxl reads it (imported only
for a workbook: about 0.15 s); each cell becomes the text the CSV export would carry, so
that every reader (the tools' header rows, dates, decimal commas) works unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from typing import Any
from xml.etree import ElementTree

from journeymap.metrics.survey import SurveyError, as_exported

Records = list[tuple[int, list[str]]]


def _text(value: Any) -> str:
    """A cell as the CSV export writes it: dates in ISO, the rest `as_exported`."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return as_exported(value, ("TRUE", "FALSE"))


MAX_CELLS = 50_000_000
"""Far more than a year of answers (200,000 rows of 250 questions), far less than what a
zip of a few megabytes can expand to."""

_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
)
"""What openpyxl lets through for a damaged workbook, while opening it or reading its
sheet: a bad zip member (zlib.error), malformed XML or an entity bomb (ParseError)."""


def read_workbook(data: bytes, name: str) -> tuple[Records, int, str]:
    """(row number, cells) of the first sheet's rows that hold something, how many empty
    rows lie between them, and the sheet's name; SurveyError for a damaged workbook."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise SurveyError(
            f"{name}: a damaged Excel workbook ({exc}); save it again, or export CSV"
        ) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SurveyError(f"{name}: the workbook has no sheet")
        # The declared size is not trusted: A1:XFD1048576 padded every row to 16,384
        # cells, a billion-cell loop for a sheet of seven rows.
        sheet.reset_dimensions()
        records: Records = []
        empty = 0
        budget = MAX_CELLS
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            budget -= len(row)
            if budget < 0:
                raise SurveyError(
                    f"{name}: more than {MAX_CELLS:,} cells in the first sheet; "
                    "export CSV, or keep only the survey's answers in the workbook"
                )
            cells = [_text(v) for v in row]
            if any(c.strip() for c in cells):
                records.append((number, cells))
            elif records:
                empty += 1
        title = str(sheet.title)
    except _DAMAGED as exc:  # the sheet itself is read only now, row by row
        raise SurveyError(
            f"{name}: a damaged Excel workbook ({exc}); save it again, or export CSV"
        ) from None
    finally:
        book.close()
    # A sheet has no ragged rows: every row is as wide as the widest column in use, and
    # the formatting of an empty column further right must not make a header cell.
    width = max((_used(cells) for _, cells in records), default=0)
    return [(n, (cells + [""] * width)[:width]) for n, cells in records], empty, title


def _used(cells: list[str]) -> int:
    """How many cells up to the last one that holds something."""
    for index in range(len(cells), 0, -1):
        if cells[index - 1].strip():
            return index
    return 0
