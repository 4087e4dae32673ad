"""A survey export once read: its columns (with every name a mapping may use), the rows
that count, and the rows set aside or unreadable, with why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date


class SurveyError(Exception):
    """An export that cannot be read at all; the message names the file and what to do."""


def as_exported(value: object, booleans: tuple[str, str]) -> str:
    """A value as the tool's own CSV export writes it: null empty, a whole number without
    '.0' (a workbook's 9.0, JSON's 9.0), a boolean as the tool spells it (`booleans`,
    true then false: Excel's TRUE, JSON's true). A workbook and a JSON export are read
    through the same readers as a CSV, so each of their cells is made that text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return booleans[0] if value else booleans[1]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
    forced: bool = False
    """True when the mapping's `encoding` chose the encoding, rather than detection."""

    def column(self, name: str, *, start: bool = False) -> Column | None:
        """The column a mapping names, by exact name first, then trimmed and in any case,
        then (`start`, for the names a person writes) as the start of a longer header:
        Microsoft Forms puts the scale's legend in the question text ("How would you
        rank...? (Note: ...)\n\n1 - Extremely simple").

        A name that fits several columns (a choice label repeated across questions) is an
        error rather than a guess: reading the wrong column would give a wrong figure.
        """
        wanted = fold(name)

        def starts(n: str) -> bool:
            folded = fold(n)
            return folded.startswith(wanted) and not folded[len(wanted) : len(wanted) + 1].isalnum()

        tests = [lambda n: n == name, lambda n: fold(n) == wanted]
        for same in [*tests, starts] if start else tests:
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
        shown = ", ".join(repr(" ".join(c.label.split())) for c in self.columns[:12])
        more = ", ..." if len(self.columns) > 12 else ""
        return f"{hint}columns: {shown}{more}{self._misread(name)}"

    def _misread(self, name: str) -> str:
        """Why a name in another language can match nothing: the export was read in a
        code page that is not its own (a guess from few words, or a wrong `encoding`),
        which gives other letters, or none of the name's (Windows-1252 and Cyrillic)."""
        if name.isascii() or not self.encoding.startswith(_CODE_PAGE_NAMES):
            return ""
        if self.forced:
            return (
                f"; the export was read as {self.encoding}, as 'encoding' in the mapping says: "
                "if its columns look garbled, that is not its encoding (remove it to detect it)"
            )
        if self.encoding == "cp1252" and any(ord(c) >= 0x100 for c in name):
            return (
                "; the export was read as Windows-1252, which cannot hold that name: if its "
                "columns look garbled, set 'encoding' in the mapping (e.g. cp1250, cp1251, "
                "big5, utf-8)"
            )
        return (
            f"; the export was read as {self.encoding}, detected from its text: if its columns "
            "look garbled, set 'encoding' in the mapping (e.g. cp1252, cp1250, cp1251, utf-8)"
        )


_CODE_PAGE_NAMES = ("cp", "koi8", "mac", "iso8859", "latin", "euc", "gb", "big5", "shift")
"""The encodings that are a guess among code pages (the names Python gives them): UTF-8,
UTF-16 and a workbook are never misread."""


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()
