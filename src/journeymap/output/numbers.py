"""Figures as people read them, in the journey's language (6,6k and 42 000 in French).

Volumes are whole customers; CSAT and NPS are whole points (a weighted mean of 63.42 is
shown as 63, since surveys are not that precise); CES and averaged emotion keep one
decimal because their scales are short.
"""

from __future__ import annotations

from journeymap.views.labels import Lang
from journeymap.views.metrics import MetricName

_NBSP = "\u00a0"


def _localise(text: str, lang: Lang) -> str:
    if lang == "en":
        return text
    return text.replace(",", _NBSP).replace(".", ",")


def integer(number: float, lang: Lang) -> str:
    return _localise(f"{round(number):,}", lang)


def decimal(number: float, lang: Lang) -> str:
    """One decimal, or none for a whole number."""
    rounded = round(number, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return _localise(text, lang)


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
