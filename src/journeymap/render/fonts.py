"""Whether this machine has fonts for a map's words, before its PNG or PDF shows boxes.

Graphviz draws PNG and PDF through cairo and pango, which take each character from the
first installed font that has it (fontconfig's fallback: no family needs naming in the
theme). A character no installed font has is drawn as an empty box ("tofu") and dot
says nothing: a Japanese journey on a machine with only DejaVu came out as a map of
boxes, exit 0. SVG is not concerned: it keeps the text, and the browser draws it with
its own fonts.

So the DOT of a PNG or PDF is scanned for characters outside Latin, the general
punctuation, the currency signs and the map's own marks (`unusual`, one regular
expression: a French or English journey costs nothing more); only when there are some,
fontconfig is asked once per process which characters its fonts cover (`fc-list`, about
20 ms) and one warning line per file names the scripts missing, an example and the fix.
graphviz-pure draws its PNG with fonts of its own, not fontconfig's: for it the scripts
it draws are a fixed list, seen with graphviz-pure 0.2.2 (Latin, Greek, Cyrillic,
Hebrew).
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Mapping
from functools import cache

MAP_MARKS = "◆✕▸→✦■●▲▼⇄➝↔♦▷━┅┤≈"
"""Characters the map itself writes (marks, arrows, the legend's lines), in every map:
left out of the scan, or every Latin map would cost a fontconfig look-up."""

_UNUSUAL = re.compile(
    f"[^\\x00-\\u024f\\u2000-\\u206f\\u20a0-\\u20cf{MAP_MARKS}"
    "\\u034f\\u180b-\\u180f\\ufe00-\\ufe0f\\ufeff\\U000e0000-\\U000e0fff]"
)
"""A character beyond Latin, the general punctuation (’ “ … and the narrow no-break
space), the currency signs and the map's marks; variation selectors and the other
invisible code points that are drawn as nothing (❤️ is ❤ and U+FE0F) are left out too."""

_AROUND = 16
"""Characters of context on each side of an example, cut back to whole words."""
_TEXT_ENDS = re.compile(r'[<>"\n]')

FC_TIMEOUT = 10.0
"""Seconds `fc-list` may take: it reads fontconfig's cache, a few tens of ms."""

PURE_SCRIPTS = ((0x0370, 0x052F), (0x0590, 0x05FF))
"""What graphviz-pure's own fonts draw beyond Latin: Greek, Cyrillic, Hebrew (0.2.2)."""

CJK_PACKAGE = "fonts-noto-cjk"
EMOJI_PACKAGE = "fonts-noto-color-emoji"
CORE_PACKAGE = "fonts-noto-core"

_SCRIPTS: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "Greek", CORE_PACKAGE),
    (0x0400, 0x052F, "Cyrillic", CORE_PACKAGE),
    (0x0530, 0x058F, "Armenian", CORE_PACKAGE),
    (0x0590, 0x05FF, "Hebrew", CORE_PACKAGE),
    (0x0600, 0x06FF, "Arabic", CORE_PACKAGE),
    (0x0750, 0x077F, "Arabic", CORE_PACKAGE),
    (0x08A0, 0x08FF, "Arabic", CORE_PACKAGE),
    (0x0900, 0x097F, "Devanagari", CORE_PACKAGE),
    (0x0980, 0x09FF, "Bengali", CORE_PACKAGE),
    (0x0A00, 0x0A7F, "Gurmukhi", CORE_PACKAGE),
    (0x0A80, 0x0AFF, "Gujarati", CORE_PACKAGE),
    (0x0B00, 0x0B7F, "Odia", CORE_PACKAGE),
    (0x0B80, 0x0BFF, "Tamil", CORE_PACKAGE),
    (0x0C00, 0x0C7F, "Telugu", CORE_PACKAGE),
    (0x0C80, 0x0CFF, "Kannada", CORE_PACKAGE),
    (0x0D00, 0x0D7F, "Malayalam", CORE_PACKAGE),
    (0x0D80, 0x0DFF, "Sinhala", CORE_PACKAGE),
    (0x0E00, 0x0E7F, "Thai", CORE_PACKAGE),
    (0x0E80, 0x0EFF, "Lao", CORE_PACKAGE),
    (0x0F00, 0x0FFF, "Tibetan", CORE_PACKAGE),
    (0x1000, 0x109F, "Myanmar", CORE_PACKAGE),
    (0x10A0, 0x10FF, "Georgian", CORE_PACKAGE),
    (0x1100, 0x11FF, "Korean", CJK_PACKAGE),
    (0x1200, 0x139F, "Ethiopic", CORE_PACKAGE),
    (0x1780, 0x17FF, "Khmer", CORE_PACKAGE),
    (0x2190, 0x21FF, "arrows", CORE_PACKAGE),
    (0x2200, 0x22FF, "mathematical symbols", CORE_PACKAGE),
    (0x2300, 0x25FF, "symbols", CORE_PACKAGE),
    (0x2600, 0x27BF, "symbols and emoji", EMOJI_PACKAGE),
    (0x2E80, 0x2FDF, "CJK ideographs", CJK_PACKAGE),
    (0x3000, 0x303F, "CJK punctuation", CJK_PACKAGE),
    (0x3040, 0x30FF, "Japanese kana", CJK_PACKAGE),
    (0x3100, 0x312F, "Bopomofo", CJK_PACKAGE),
    (0x3130, 0x318F, "Korean", CJK_PACKAGE),
    (0x31F0, 0x31FF, "Japanese kana", CJK_PACKAGE),
    (0x3400, 0x4DBF, "CJK ideographs", CJK_PACKAGE),
    (0x4E00, 0x9FFF, "CJK ideographs", CJK_PACKAGE),
    (0xA960, 0xA97F, "Korean", CJK_PACKAGE),
    (0xAC00, 0xD7FF, "Korean", CJK_PACKAGE),
    (0xF900, 0xFAFF, "CJK ideographs", CJK_PACKAGE),
    (0xFB1D, 0xFB4F, "Hebrew", CORE_PACKAGE),
    (0xFB50, 0xFDFF, "Arabic", CORE_PACKAGE),
    (0xFE70, 0xFEFF, "Arabic", CORE_PACKAGE),
    (0xFF00, 0xFFEF, "CJK full-width forms", CJK_PACKAGE),
    (0x1F000, 0x1FAFF, "emoji", EMOJI_PACKAGE),
    (0x20000, 0x3FFFF, "CJK ideographs", CJK_PACKAGE),
)
_STARTS = [start for start, *_ in _SCRIPTS]


def unusual(source: str) -> dict[str, str]:
    """Each character of `source` beyond Latin and the map's marks, with the text around
    its first occurrence (an example for the warning); empty for most maps."""
    found: dict[str, str] = {}
    for match in _UNUSUAL.finditer(source):
        char = match.group()
        if char not in found:
            found[char] = _example(source, match.start())
    return found


def _example(source: str, at: int) -> str:
    """The words around position `at` of the DOT, within one label's text."""
    start = max(0, at - _AROUND)
    before = _TEXT_ENDS.split(source[start:at])[-1]
    after = _TEXT_ENDS.split(source[at : at + _AROUND + 1])[0]
    if len(before) == at - start and " " in before:
        before = before.split(" ", 1)[1]  # cut inside the text: from its next word
    if len(after) == _AROUND + 1 and " " in after:
        after = after.rsplit(" ", 1)[0]
    return (before + after).strip()


def script(char: str) -> tuple[str, str]:
    """The script (or kind of symbol) of `char` as a user calls it, and the Debian
    package of Noto fonts that has it."""
    code = ord(char)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index >= 0 and code <= _SCRIPTS[index][1]:
        return _SCRIPTS[index][2], _SCRIPTS[index][3]
    name = unicodedata.name(char, "").split(" ")[0]
    return (name.capitalize() if name else f"U+{code:04X}"), CORE_PACKAGE


@cache
def _covered(config: tuple[str, str]) -> tuple[tuple[int, int], ...] | None:
    """The code point ranges some installed font covers, merged and sorted; None when
    fontconfig cannot be asked. Cached per fontconfig set-up (`config`: FONTCONFIG_FILE
    and FONTCONFIG_PATH, which tests point at a chosen set of fonts)."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "--format", "%{charset}\n"],
            capture_output=True,
            timeout=FC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    ranges: list[tuple[int, int]] = []
    for part in done.stdout.decode("ascii", "replace").split():
        low, _, high = part.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    index = bisect.bisect_right(ranges, (code, 0x10FFFF)) - 1
    return index >= 0 and ranges[index][0] <= code <= ranges[index][1]


def missing(found: Mapping[str, str], pure: bool) -> dict[str, str]:
    """The characters of `found` (from `unusual`) that the renderer has no font for,
    with their examples; empty when that cannot be known (no fontconfig)."""
    if not found:
        return {}
    if pure:
        ranges: tuple[tuple[int, int], ...] | None = PURE_SCRIPTS
    else:
        env = os.environ
        ranges = _covered((env.get("FONTCONFIG_FILE", ""), env.get("FONTCONFIG_PATH", "")))
    if ranges is None:
        return {}
    return {char: text for char, text in found.items() if not _within(ord(char), ranges)}


def warning(name: str, found: Mapping[str, str], fmt: str, pure: bool) -> str | None:
    """What to tell about a PNG or PDF whose words include characters no font draws:
    one line naming the file, the scripts, an example and the fix; None when all is
    drawn (or for SVG, DOT and Mermaid, drawn elsewhere)."""
    if fmt not in {"png", "pdf"}:
        return None
    lacking = missing(found, pure)
    if not lacking:
        return None
    scripts: dict[str, str] = {}
    for char in lacking:
        said, package = script(char)
        scripts.setdefault(said, package)
    packages = " ".join(dict.fromkeys(scripts.values()))
    example = next(iter(lacking.values()))
    which = ", ".join(scripts)
    if pure:
        return (
            f"{name}: graphviz-pure's {fmt.upper()} has no font for {which} "
            f'(e.g. "{example}"), drawn as empty boxes; render .svg, which the browser draws '
            f"with its own fonts, or install Graphviz and fonts for them (Debian/Ubuntu: "
            f"apt-get install graphviz {packages})"
        )
    return (
        f'{name}: no installed font has {which} (e.g. "{example}"), drawn as empty boxes '
        f"in this {fmt.upper()}; install fonts for them (Debian/Ubuntu: apt-get install "
        f"{packages}; macOS has them) or render .svg, which the browser draws with its "
        "own fonts"
    )
