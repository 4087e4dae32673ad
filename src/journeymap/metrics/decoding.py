"""An export's bytes to records: the encoding (UTF-8 with or without BOM, UTF-16, the
Windows code page Excel uses), the separator, and each record with the line it starts on."""

from __future__ import annotations

import codecs
import csv
import io

from journeymap.metrics.survey import BadRow, SurveyError

SEPARATORS = (",", ";", "\t", "|")


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


def split_records(
    text: str, separator: str
) -> tuple[list[tuple[int, list[str]]], list[BadRow], int]:
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
