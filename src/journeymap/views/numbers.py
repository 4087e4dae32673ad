"""Figures as people read them, in the journey's language (6,6k and 42 000 in French).

Every output groups thousands with the one separator here, `THOUSANDS`: matrices
in the terminal and Markdown, the site and the maps. It is the no-break space U+00A0, which
the maps already use to keep "10 000" in a team's own words on one line
(`render/text.py`); dot and graphviz-pure both draw it, and dot sizes it as a space (it
has no width for the narrow U+202F either, which maps used before).

Negative figures take the hyphen-minus of the number formats (NPS -34), which a
spreadsheet or a script reads back; the diff writes its changes the same way (+17, -0.5),
with `exact`, which keeps the decimals a person wrote.

Volumes are whole customers; CSAT and NPS are whole points (a weighted mean of 63.42 is
shown as 63, since surveys are not that precise); CES and averaged emotion keep one
decimal because their scales are short.
"""

from __future__ import annotations

from journeymap.views.labels import Lang
from journeymap.views.metrics import MetricName

THOUSANDS = "\u00a0"
_NBSP = "\u00a0"


def _localise(text: str, lang: Lang) -> str:
    if lang == "en":
        return text
    return text.replace(",", THOUSANDS).replace(".", ",")


def integer(number: float, lang: Lang) -> str:
    return _localise(f"{round(number):,}", lang)


def decimal(number: float, lang: Lang) -> str:
    """One decimal, or none for a whole number."""
    rounded = round(number, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return _localise(text, lang)


def grouped(number: float, lang: Lang) -> str:
    """Thousands grouped, one decimal unless whole (6 600, 5,6): a figure on a map."""
    text = f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
    return _localise(text, lang)


def exact(number: float, lang: Lang) -> str:
    """Thousands grouped, the decimals as written (12 345, 5,65): a figure that a diff
    compares, where rounding to one decimal could hide the change. Six decimals at most,
    so that a difference reads 0.3, not float's 0.2999999999999998."""
    number = round(float(number), 6)
    whole = number.is_integer() and abs(number) < 1e16
    return _localise(f"{int(number):,}" if whole else f"{number:,}", lang)


def signed(number: float, lang: Lang) -> str:
    """A change, its sign always written: +1 200, -0.5, ±0."""
    sign = "+" if number > 0 else "-" if number < 0 else "±"
    return sign + exact(abs(number), lang)


def compact(number: float, lang: Lang) -> str:
    """A volume in at most four characters: 610, 6.6k, 42k, 1.2M."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(number) >= size:
            scaled = number / size
            return (decimal(scaled, lang) if abs(scaled) < 10 else integer(scaled, lang)) + suffix
    return integer(number, lang)


def figure(metric: MetricName, number: float, lang: Lang, *, short: bool = False) -> str:
    if metric == "volume":
        return compact(number, lang) if short else integer(number, lang)
    if metric in ("csat", "nps"):
        return integer(number, lang)
    return decimal(number, lang)


def percent(share: float, lang: Lang) -> str:
    return integer(share * 100, lang) + (f"{_NBSP}%" if lang == "fr" else "%")
