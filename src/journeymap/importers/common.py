"""What every importer hands back: journey data in the format's key order, the comments
that say where each part came from and what was guessed, and warnings for the user.

Importers are pure: text in, `Imported` out. They never touch files, so the same code
serves the CLI, the tests and anyone scripting a migration. The data is plain dicts and
lists in the order a person would write the keys, ready for the YAML writer.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from journeymap.diagnostics import (
    IMPORTED_APPROXIMATELY,
    NOTHING_TO_IMPORT,
    Diagnostic,
    RuleInfo,
    Severity,
)

Path = tuple[str | int, ...]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_IDENTIFIER = re.compile(r"\b[a-z]{2,}[A-Z]\w*")
"""A lowerCamelCase word in a text: an identifier (`riskScore`), split like a key."""


class ImportProblem(Exception):
    """Input the importer cannot read at all: its `diagnostic` names the place and the fix.

    Importers read text, not files: the diagnostic has no path until the runner, which
    knows the file, places it there (`Diagnostic.in_file`), as the YAML loader does.
    """

    def __init__(
        self, message: str, line: int = 0, column: int = 0, check: RuleInfo = NOTHING_TO_IMPORT
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.diagnostic = _at(check, message, line, column, "error")


def import_warning(message: str, line: int = 0) -> Diagnostic:
    """Something imported approximately, or left out; `line` is 0 when unknown."""
    return _at(IMPORTED_APPROXIMATELY, message, line, 0, "warning")


def _at(check: RuleInfo, message: str, line: int, column: int, severity: Severity) -> Diagnostic:
    column = max(column, 1) if line else 0
    return Diagnostic("", line, column, check.code, check.name, message, severity, source="import")


@dataclass
class Imported:
    """One journey found in a source."""

    data: dict[str, Any]
    header: list[str] = field(default_factory=list)
    comments: dict[Path, str] = field(default_factory=dict)
    """End-of-line comments, keyed by the path of the commented key or item."""
    before: dict[Path, str] = field(default_factory=dict)
    """Comments on their own line above the key at that path."""
    warnings: list[Diagnostic] = field(default_factory=list)
    """Warnings without a path (`import_warning`), placed in the source by the runner."""

    @property
    def id(self) -> str:
        return str(self.data["id"])


def _ascii(text: str) -> str:
    """Latin letters for any script, so that ids stay readable for 'Café' or '用户旅程'."""
    from anyascii import anyascii

    parts: list[str] = []
    for char in text:
        if unicodedata.category(char).startswith("S"):  # emoji and symbols say nothing in an id
            parts.append(" ")
        elif ord(char) < 128:
            parts.append(char)
        elif not char.isalpha():
            parts.append(anyascii(char))
        elif _written_without_spaces(char):
            # Chinese and Japanese run words together: each character's syllable apart.
            spelled = anyascii(char)
            parts.append(f" {spelled} " if len(spelled) > 1 else spelled)
        else:
            # Letters of other scripts (Cyrillic, Hangul, Arabic, Thai...) make words as
            # written: 'пользователя' is 'polzovatelya', '사용자' is 'sayongja', 'ข้อมูล'
            # 'khomul' (not 'pol-zovatel-ya', 'sa-yong-ja', 'kh-omul'); a soft sign's
            # apostrophe says nothing.
            # Other scripts than Latin in lower case: 'Han' for 한 is no camelCase hump.
            spelled = anyascii(char).replace("'", "")
            latin = unicodedata.name(char, "").startswith("LATIN")
            parts.append(spelled if latin else spelled.lower())
    return "".join(parts)


def _written_without_spaces(char: str) -> bool:
    """A Han character or kana: scripts written without spaces between words."""
    return unicodedata.name(char, "").startswith(
        ("CJK ", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")
    )


def slugify(text: str, max_length: int = 48) -> str:
    """A format id (lowercase letters, digits, '-') cut at a word boundary.

    A key in camelCase (`checkoutPage`, `userAPI`: the text is one word) is split at its
    humps, and so is an identifier quoted in a text (`riskScore`, `searchId`: a word
    that starts with two small letters or more); names keep their humps as they are
    said: `TypeScript`, `SaaS`, `WhatsApp`, `dApp` (not `type-script`, `saa-s`,
    `whats-app`, `d-app`)."""
    spelled = _ascii(text)
    if not any(c.isspace() for c in spelled.strip()):
        spelled = _CAMEL.sub("-", spelled)
    else:
        spelled = _IDENTIFIER.sub(lambda m: _CAMEL.sub("-", m[0]), spelled)
    words = _NON_SLUG.sub("-", spelled.lower()).strip("-")
    if len(words) > max_length:
        cut = words[:max_length]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return words.strip("-")


class IdMaker:
    """Unique ids within one kind (stages, steps, channels...), '-2', '-3' on a clash."""

    def __init__(self, fallback: str) -> None:
        self._used: set[str] = set()
        self._fallback = fallback

    def make(self, *candidates: str | None, max_length: int = 48) -> str:
        base = ""
        for candidate in candidates:
            if candidate and (base := slugify(candidate, max_length)):
                break
        base = base or self._fallback
        ident, n = base, 2
        while ident in self._used:
            ident, n = f"{base}-{n}", n + 1
        self._used.add(ident)
        return ident


def guess_lang(texts: list[str]) -> tuple[str, str]:
    """The journey's `lang` and a comment saying how it was guessed and how sure it is.

    Texts mostly in another script than Latin take the language that script most often
    writes. Texts in Latin letters take the language whose function words they hold
    (`journeymap.lang_words`): French, English, Spanish, Portuguese, Italian,
    German, Dutch, Catalan, Polish... When no language clearly leads, the comment says
    the guess is not sure and names the languages it hesitated between; with no word
    that tells at all ("Checkout", "Login"), the journey is `en` and the comment asks
    for `lang`.
    """
    from journeymap.lang_words import NAMES, guess

    latin = sum(1 for t in texts for c in t if c.isalpha() and ord(c) < 0x250)
    letters = sum(1 for t in texts for c in t if c.isalpha())
    if letters and latin / letters < 0.5:
        return _by_script(texts)
    found = guess(texts)
    if found.lang is not None:
        return found.lang, "guessed from the words of the texts"
    if not found.leading:
        return "en", "not sure: no word of the texts tells their language; set `lang`"
    named = " or ".join(NAMES[lang] for lang in found.leading[:3])
    return found.leading[0], f"guessed, not sure: the texts read as {named}; check it"


# The language a script most often writes, for texts mostly in it: the site's `lang`
# and direction follow it. The kana come first: `_by_script` reads them by index.
_SCRIPTS = (
    ("HIRAGANA", "ja", "Japanese kana"),
    ("KATAKANA", "ja", "Japanese kana"),
    ("HANGUL", "ko", "Korean hangul"),
    ("CJK UNIFIED", "zh", "Chinese characters"),
    ("CYRILLIC", "ru", "Cyrillic letters"),
    ("ARABIC", "ar", "Arabic letters"),
    ("HEBREW", "he", "Hebrew letters"),
    ("GREEK", "el", "Greek letters"),
    ("THAI", "th", "Thai letters"),
    ("DEVANAGARI", "hi", "Devanagari letters"),
)


def _by_script(texts: list[str]) -> tuple[str, str]:
    """`lang` for texts mostly in another script than Latin: the language that script
    most often writes, said to be a guess (Cyrillic may be Ukrainian, Arabic Persian).
    Chinese characters with any kana among them are Japanese."""
    import unicodedata

    counts = dict.fromkeys(range(len(_SCRIPTS)), 0)
    for char in "".join(texts):
        if char.isalpha():
            name = unicodedata.name(char, "")
            for index, (script, _, _) in enumerate(_SCRIPTS):
                if name.startswith(script):
                    counts[index] += 1
                    break
    most = max(counts, key=lambda index: counts[index])
    if not counts[most]:
        return "en", "guessed: the texts are in a script the import does not know; set `lang`"
    _, lang, said = _SCRIPTS[most]
    if lang == "zh" and counts[0] + counts[1]:
        lang, said = "ja", "Japanese kana and kanji"
    return lang, (
        f"guessed from the script ({said}): change it if the texts are in another "
        "language written so"
    )


def emotion_from_score(score: float, low: float, high: float) -> tuple[int, bool]:
    """The emotion for a score on a low..high scale that maps to -2..2, and whether it was
    clamped. Round half up, then clamp: never a lower emotion for a higher score."""
    middle = (low + high) / 2
    step = (high - low) / 4
    emotion = math.floor((score - middle) / step + 0.5)
    clamped = max(-2, min(2, emotion))
    return clamped, clamped != emotion or score < low or score > high


def humanise(ident: str) -> str:
    """'sysdev-lifecycle' -> 'Sysdev lifecycle', for a title made from an id."""
    words = re.sub(r"[-_:]+", " ", ident).strip()
    return words[:1].upper() + words[1:]
