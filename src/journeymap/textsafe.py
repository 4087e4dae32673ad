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


def single_line(text: str) -> str:
    """For labels drawn in a map: control characters become spaces, runs collapse."""
    if not CONTROL.search(text):
        return text
    return " ".join(CONTROL.sub(" ", text).split())
