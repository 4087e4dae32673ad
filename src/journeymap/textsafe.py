"""Text from journeys and file names made safe to print, shared by every output.

A journey's texts and a repository's file names can hold what a terminal or a format
interprets: an escape sequence that clears the screen or retitles the window, a NUL
that truncates a Graphviz label, a newline that forges a second `::error` annotation on
GitHub, a byte that is not UTF-8 (Python keeps it as a lone surrogate, which no UTF-8
stream can encode). `visible` writes all of them as backslash escapes, so the message
still says what the file holds.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 and C1 control characters, DEL, and the lone surrogates of undecodable bytes."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e", "\x00": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character, and every undecodable byte, escaped."""
    return CONTROL.sub(_escape, text) if CONTROL.search(text) else text


def shortened(text: str, most: int = 160) -> str:
    """`text` cut in its middle to `most` characters (its start and its end, with '…'
    between): a path of 5,000 characters filled the terminal; its folder and its file
    name still show."""
    if len(text) <= most:
        return text
    keep = (most - 1) // 2
    return f"{text[:keep]}…{text[len(text) - keep :]}"


_LONG_WORD = re.compile(r"\S{161,}")


def short_words(text: str) -> str:
    """`text` with each run of more than 160 characters without a space (a path, as
    a rule) `shortened`: one error line for a path of any length."""
    return _LONG_WORD.sub(lambda found: shortened(found.group()), text)


def single_line(text: str) -> str:
    """For labels drawn in a map: control characters become spaces, runs collapse."""
    if not CONTROL.search(text):
        return text
    return " ".join(CONTROL.sub(" ", text).split())


_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me", "Zl", "Zp", "Zs"})
"""Characters that show nothing by themselves: controls, formats (zero-width spaces and
joiners, the word joiner, the byte-order mark, bidi marks), unassigned and private
code points, combining marks with nothing to combine with, and separators."""
_VISIBLE_ASCII = re.compile("[!-~]")
_BLANK_SYMBOLS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
"""Letters and symbols drawn as blanks: the Hangul fillers and the braille blank."""


def invisible(text: str) -> bool:
    """Whether `text` shows nothing: empty, or only spaces, zero-width characters and
    other characters drawn as nothing (`"\\u200b\\u2060"`, a lone byte-order mark)."""
    if _VISIBLE_ASCII.search(text):
        return False  # nearly every text: one search in C
    return all(
        char in _BLANK_SYMBOLS or unicodedata.category(char) in _BLANK_CATEGORIES for char in text
    )


def code_points(text: str, most: int = 4) -> str:
    """The distinct code points of `text` as U+XXXX, in order, at most `most` of them."""
    seen = list(dict.fromkeys(text))
    shown = ", ".join(f"U+{ord(char):04X}" for char in seen[:most])
    return shown + (", ..." if len(seen) > most else "")
