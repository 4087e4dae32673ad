"""Durations and survey periods written the way people write them.

Journey maps carry durations ("45 min", "2-5 days", "P3D") and survey periods ("2026-Q3",
"2026-09") as text; the text is kept exactly as written and parsed here so that a typo is
an error at load time and views can compare and age them.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_UNITS: dict[str, int] = {}
for _seconds, _names in (
    (1, "s sec secs second seconds seconde secondes"),
    (60, "m min mins minute minutes mn"),
    (3600, "h hr hrs hour hours heure heures"),
    (86400, "d day days j jour jours"),
    (604800, "w wk week weeks sem semaine semaines"),
    (2592000, "mo month months mois"),
    (31536000, "y yr year years an ans année années"),
):
    for _name in _names.split():
        _UNITS[_name] = _seconds

_NUMBER = r"\d+(?:[.,]\d+)?"
_HUMAN = re.compile(
    rf"^(?:~|≈|about |environ |up to |jusqu'à |< ?|<= ?)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:-|–|to|à|a)\s*(?P<high>{_NUMBER}))?\s*(?P<unit>[^\W\d_]+)\.?$",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_ISO_SECONDS = {"y": 31536000, "mo": 2592000, "w": 604800, "d": 86400, "h": 3600, "mi": 60}

DURATION_FORMS = "'45 min', '2-5 days', '1 h', '3 jours' or ISO 8601 like 'P3D', 'PT45M'"


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_duration(text: str) -> tuple[float, float] | None:
    """The shortest and longest duration in seconds, or None when the text is not one.

    Compound forms ("1 h 30 min") add up; a range ("2-5 days") keeps both ends.
    """
    stripped = text.strip()
    iso = _ISO.match(stripped)
    if iso and stripped not in {"P", "PT"} and any(iso.groupdict().values()):
        total = sum(
            float(value) * _ISO_SECONDS.get(key, 1)
            for key, value in iso.groupdict().items()
            if value is not None
        )
        return total, total
    low_total = high_total = 0.0
    parts = re.findall(
        rf"(?:~|≈|about |environ |up to |jusqu'à |< ?|<= ?)?{_NUMBER}"
        rf"(?:\s*(?:-|–|to|à|a)\s*{_NUMBER})?\s*[^\W\d_]+\.?",
        stripped,
        re.IGNORECASE,
    )
    if not parts or re.sub(r"\s+", "", "".join(parts)) != re.sub(r"\s+", "", stripped):
        return None
    for part in parts:
        match = _HUMAN.match(part.strip())
        if match is None:
            return None
        unit = _UNITS.get(match["unit"].lower())
        if unit is None:
            return None
        low = _number(match["low"])
        high = _number(match["high"]) if match["high"] else low
        if high < low:
            return None
        low_total += low * unit
        high_total += high * unit
    return low_total, high_total


_PERIOD_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PERIOD_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PERIOD_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_PERIOD_HALF = re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE)
_PERIOD_YEAR = re.compile(r"^(\d{4})$")

PERIOD_FORMS = (
    "'2026', '2026-Q3', '2026-H2', '2026-09', '2026-09-30' or a range '2026-07-01..2026-09-30'"
)


def _end_of(text: str) -> tuple[date, date] | None:
    text = text.strip()
    try:
        if m := _PERIOD_DAY.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _PERIOD_MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        if m := _PERIOD_QUARTER.match(text):
            year, quarter = int(m[1]), int(m[2])
            first, last = 3 * quarter - 2, 3 * quarter
            return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
        if m := _PERIOD_HALF.match(text):
            year, half = int(m[1]), int(m[2])
            return (
                (date(year, 1, 1), date(year, 6, 30))
                if half == 1
                else (
                    date(year, 7, 1),
                    date(year, 12, 31),
                )
            )
        if m := _PERIOD_YEAR.match(text):
            year = int(m[1])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def period_as_text(value: object) -> object:
    """YAML reads `2026-09-30` as a date and `2026` as a number; the period is text."""
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def parse_period(text: str) -> tuple[date, date] | None:
    """First and last day of a survey period, or None when the text is not one."""
    start_text, sep, end_text = text.partition("..")
    if not sep:
        return _end_of(text)
    start, end = _end_of(start_text), _end_of(end_text)
    if start is None or end is None or end[1] < start[0]:
        return None
    return start[0], end[1]


def scale_slip(name: str, value: float) -> str | None:
    """How a CSAT or NPS figure is written on another scale than the format's, or None.

    "fraction": a share written as 0.82 (CSAT, NPS); "average": an average of the
    answers, 4.2 out of 5 (CSAT) or 7.8 out of 10 (NPS, not a whole number). Read as
    the format's percent, such a figure would rank its touchpoint first among the
    priorities and be called poor; lint (JM705) says it, the views leave it unranked.
    """
    if name == "csat":
        if not 0 < value <= 5:
            return None
        return "fraction" if value < 1 else "average"
    if name == "nps":
        if float(value).is_integer() or not -1 < value <= 10:
            return None
        return "fraction" if value < 1 else "average"
    return None
