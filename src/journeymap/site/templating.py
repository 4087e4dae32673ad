"""The Jinja2 environment of the site's pages and the helpers its templates call: figures
as people read them, heat ratings, signed emotions; the static assets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from journeymap.model.langs import is_rtl, words_lang
from journeymap.site.words import word
from journeymap.views import numbers
from journeymap.views.labels import MARKS, colon
from journeymap.views.metrics import METRIC_NAMES, SCORE_NAMES, MetricName, heat

if TYPE_CHECKING:
    import jinja2


def number(value: float | None, metric: MetricName, lang: str) -> str:
    """A figure as `lang` (a page's or journey's tag) writes it."""
    return "" if value is None else numbers.figure(metric, value, words_lang(lang))


def percent(share: float, lang: str) -> str:
    return numbers.percent(share, words_lang(lang))


def page_colon(lang: str) -> str:
    return colon(words_lang(lang))


def capitalised(text: str) -> str:
    """The first letter up, the rest as written: Jinja's `capitalize` lowers the rest,
    and German nouns ("Moment der Wahrheit") or acronyms ("YAML") keep their capitals."""
    return text[:1].upper() + text[1:]


def heat_of(metric: MetricName, value: float | None, largest: float = 0.0) -> str:
    return "" if value is None else str(heat(metric, value, largest))


def emotion(value: int | float | None) -> str:
    """A signed emotion, with a true minus sign: +2, 0, −1."""
    if value is None:
        return ""
    return f"+{value:g}" if value > 0 else (f"−{-value:g}" if value < 0 else "0")


def _bidi() -> Callable[..., str]:
    """`bidi(text)`: a team's text isolated in its own direction, `<bdi>text</bdi>`.

    A step written in Arabic or Hebrew inside an English page was laid out left to right:
    its final full stop, its numbers and its brackets landed at the wrong end. `<bdi>`
    takes the direction of the text's first strong letter and keeps it from the words
    around it. A list is isolated item by item and joined by `sep`; `lang`, when it is
    not `page`'s, is said (a French journey's words in an English portfolio). Elements
    that hold nothing but a team's text say `dir="auto"` themselves instead."""
    from markupsafe import Markup, escape

    def bidi(
        value: str | Sequence[str] | None,
        lang: str | None = None,
        page: str | None = None,
        sep: str = " · ",
    ) -> str:
        if not value:
            return ""
        attribute = f' lang="{lang}"' if lang and lang != page else ""
        texts = [value] if isinstance(value, str) else value
        return Markup(sep.join(f"<bdi{attribute}>{escape(text)}</bdi>" for text in texts))

    return bidi


@cache
def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("journeymap.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        word=word,
        marks=MARKS,
        number=number,
        heat=heat_of,
        percent=percent,
        rtl=is_rtl,
        metric_names=METRIC_NAMES,
        score_names=SCORE_NAMES,
        colon=page_colon,
        emotion=emotion,
        bidi=_bidi(),
    )
    env.filters["tp_id"] = id
    env.filters["capitalize"] = capitalised
    return env


def render(template: str, **context: Any) -> bytes:
    return environment().get_template(template).render(**context).encode("utf-8")


def asset(name: str) -> bytes:
    return resources.files("journeymap.site").joinpath("assets", name).read_bytes()
