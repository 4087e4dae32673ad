"""Text on the map: escaping for DOT, wrapping to a width, numbers, and font markup.

Every word on a map comes from a journey file, so nothing the team writes may be read as
markup: HTML-like labels get `<>&"` and backslashes (Graphviz expands `\\N` even there)
escaped, and control characters (which XML, and so SVG, cannot hold) become spaces; plain
DOT strings (tooltips, the graph's name) get their backslashes doubled, or a trailing one
would swallow the closing quote.
"""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from functools import lru_cache

from journeymap.render.themes import SIZES
from journeymap.views import numbers
from journeymap.views.labels import Lang

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]+")
"""What XML 1.0 (and so an SVG, and Graphviz's HTML-like labels) cannot hold, with the C1
controls: a U+FFFE or U+FFFF in a text made dot fail with "not well-formed"."""
_GLUED = re.compile(r" (?=[€$%:;?!»])|(?<=«) |(?<=\d) (?=\d)")
"""Spaces that must not break a line: before a currency or French punctuation, in 10 000."""


_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f&<>\"'\\]").search
"""Any character `esc` changes: most texts have none and are returned as they are."""


def clean(text: str) -> str:
    """The text with control characters (tabs and newlines included) as single spaces."""
    return _CONTROL.sub(" ", text)


def esc(text: str) -> str:
    """Text for an HTML-like label; inside <FONT> Graphviz expands escapes such as `\\N`
    (the node's name), even written `&#92;N`, so a backslash is written as two."""
    if _SPECIAL(text) is None:
        return text
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")


def plain(text: str) -> str:
    """Text for a quoted DOT string (`dotwriter.quote` escapes the quotes): a string
    attribute is unescaped once when read and once more when `\\N` and the like are
    expanded, so one backslash takes four."""
    if len(text) > TOOLTIP_LENGTH:  # a text of megabytes would be copied into every cell
        text = text[: TOOLTIP_LENGTH - 1] + "…"
    return clean(text).replace("\\", "\\" * 4)


TOOLTIP_LENGTH = 1000


def wrap(text: str, width: int, lines: int | None = None) -> list[str]:
    """The text in lines of at most `width` characters; with `lines`, cut with an ellipsis."""
    return list(_wrap(text, width, lines))


@lru_cache(maxsize=2048)
def _wrap(text: str, width: int, lines: int | None) -> tuple[str, ...]:
    """Cached: a map wraps the same words at the same width more than once (sizing, then
    drawing; the same touchpoint names and irritants in many cells), and textwrap is
    slow."""
    # Only the first lines are drawn: wrapping a text of megabytes whole (textwrap copies
    # the rest of a long word for each line it cuts) was quadratic.
    bound = (lines + 1) * (max(width, 4) + 1) * 4 if lines is not None else len(text)
    cut = len(text) > bound
    glued = _GLUED.sub("\u00a0", clean(text[:bound] if cut else text))
    if glued.isascii() or not any(_wide(c) for c in glued):
        wrapped = textwrap.wrap(glued, width=max(width, 4), break_long_words=True) or [""]
    else:
        wrapped = _wrap_wide(glued, max(width, 4)) or [""]
    if lines is not None and cut and len(wrapped) <= lines:
        wrapped.append("")
    if lines is not None and len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        wrapped[-1] = (_cut(last, width - 1).rstrip() if width_of(last) >= width else last) + "…"
    return tuple(wrapped)


def _wide(char: str) -> bool:
    """A character drawn two columns wide: Chinese, Japanese and Korean ideographs, kana,
    hangul, full-width forms (East Asian Width W or F)."""
    return unicodedata.east_asian_width(char) in "WF"


def width_of(text: str) -> int:
    """The text's width in columns of a Latin character: wide characters count as two.

    Cells are sized and wrapped from character counts; a Japanese step counted as Latin
    took half the width it is drawn at and overflowed its column."""
    if text.isascii():
        return len(text)
    return sum(2 if _wide(c) else 1 for c in text)


def _cut(text: str, width: int) -> str:
    """The longest start of `text` at most `width` columns wide."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if _wide(char) else 1
        if used > width:
            return text[:index]
    return text


_NO_LINE_START = frozenset("、。，．・：；？！）〕］｝〉》」』】〙〗ー々ゝゞヽヾ,.;:!?)]}%…")
"""What Japanese and Chinese typesetting keeps off the start of a line (kinsoku)."""
_TOKENS = re.compile(r" +|[^ ]")


def _wrap_wide(text: str, width: int) -> list[str]:
    """`textwrap.wrap` for text with wide characters: widths counted in columns, and a
    line may break between two ideographs (Chinese and Japanese use no spaces) as well
    as at spaces, never before closing punctuation."""
    tokens: list[tuple[bool, str]] = []  # (after a space, word)
    space = False
    for match in _TOKENS.finditer(text):
        piece = match.group()
        if piece[0] == " ":
            space = True
            continue
        if tokens and not space:
            last = tokens[-1][1][-1]
            glued = piece in _NO_LINE_START or not (_wide(piece) or _wide(last))
        else:
            glued = False
        if glued:
            tokens[-1] = (tokens[-1][0], tokens[-1][1] + piece)
        else:
            tokens.append((space, piece))
        space = False
    lines: list[str] = []
    line, used = "", 0
    for spaced, word in tokens:
        gap = 1 if spaced and line else 0
        size = width_of(word)
        if used + gap + size <= width:
            line, used = line + " " * gap + word, used + gap + size
            continue
        if line:
            lines.append(line)
        while size > width:  # a word longer than a line is cut, as textwrap does
            head = _cut(word, width) or word[0]
            lines.append(head)
            word = word[len(head) :]
            size = width_of(word)
        line, used = word, size
    if line:
        lines.append(line)
    return lines


def chars(width: float, size: float, bold: bool = False) -> int:
    """How many characters of `size`-point text fit on a line `width` inches wide."""
    em = SIZES.char_width + (SIZES.bold_extra if bold else 0)
    return max(6, int((width * 72 - SIZES.cell_pad) / (size * em)))


def height(lines: float, size: float) -> float:
    """Points taken by `lines` lines of `size`-point text."""
    return lines * size * SIZES.line


def metrics_text(metrics: dict[str, float], lang: Lang) -> str:
    """A touchpoint's scores as the matrix and the site write them (`views/numbers`):
    whole NPS and CSAT points, CES to one decimal, the percent sign after a no-break
    space in French, the hyphen-minus (NPS -34); a positive NPS keeps its plus sign."""
    parts = []
    for key in ("nps", "csat", "ces"):
        if key in metrics:
            value = metrics[key]
            if key == "csat":
                shown = numbers.percent(value / 100, lang)
            else:
                shown = numbers.figure(key, value, lang)
            if key == "nps" and round(value) > 0:
                shown = "+" + shown
            parts.append(f"{key.upper()} {shown}")
    return " · ".join(parts)


def font(
    text: str, color: str, size: float | None = None, bold: bool = False, italic: bool = False
) -> str:
    """Already-escaped `text` in a colour, size and weight."""
    if not text:
        return ""
    size_attr = f' POINT-SIZE="{size:g}"' if size else ""
    body = f"<I>{text}</I>" if italic else text
    body = f"<B>{body}</B>" if bold else body
    return f'<FONT COLOR="{color}"{size_attr}>{body}</FONT>'


def lines(text: str, width: int, limit: int | None = None) -> str:
    """`text` wrapped, escaped and joined by line breaks."""
    return joined(wrap(text, width, limit))


def joined(wrapped: list[str]) -> str:
    """Lines already wrapped, escaped and joined by line breaks."""
    return "<BR/>".join(esc(line) for line in wrapped)


def table(rows: list[str], padding: int = 1) -> str:
    """Rows of markup, one cell each, as a borderless table: the shape of every label."""
    body = "".join(rows)
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="{padding}">{body}</TABLE>'
    )


def row(markup: str, align: str = "CENTER") -> str:
    """One table row; a left-aligned row ends its last line with a left-aligned break so
    that every wrapped line starts at the same margin."""
    if align == "LEFT":
        return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{markup}</TD></TR>'
    return f"<TR><TD>{markup}</TD></TR>"
