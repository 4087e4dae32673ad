"""A text's meaning as a few numbers: the mean of its word pieces' static vectors.

The table (built by benchmarks/embed_table.py from all-MiniLM-L6-v2 with model2vec) has
one vector per word piece of the model's vocabulary; a word it never saw is split into
pieces it knows ("reconciliation" -> "reconciliation", "rapprochement" -> "rap",
"##pro", "##chement"), so the features reach words no labelled text carries. Standard
library only: the tokenizer is BERT's uncased WordPiece (lower case, accents stripped,
split at spaces and punctuation, longest known prefix first), checked against the
model's own tokenizer on every corpus text when the table is built.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


class Table:
    """The word pieces and their vectors, as read from a table file."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        magic, header_line, rest = data.split(b"\n", 2)
        if magic != b"journeymap-embed 1":
            raise ValueError(f"{path}: not an embedding table")
        header = json.loads(header_line)
        self.dims: int = header["dims"]
        # "wordpiece" (BERT's, the default) or "words": whole lower-case words, as written.
        self.words = header.get("tokenizer") == "words"
        count: int = header["tokens"]
        cut = 0
        for _ in range(count):
            cut = rest.index(b"\n", cut) + 1
        pieces = rest[:cut].decode().split("\n")[:count]
        self.index = {piece: i for i, piece in enumerate(pieces)}
        self.scale = array("f")
        self.scale.frombytes(rest[cut : cut + 4 * count])
        self.rows = array("b")
        self.rows.frombytes(rest[cut + 4 * count : cut + 4 * count + count * self.dims])

    def vector(self, piece: str) -> list[float] | None:
        i = self.index.get(piece)
        if i is None:
            return None
        scale, start = self.scale[i], i * self.dims
        return [v * scale for v in self.rows[start : start + self.dims]]

    @lru_cache(maxsize=65536)  # noqa: B019 - one table per process
    def mean(self, text: str) -> tuple[float, ...]:
        """The unit-length mean of the text's piece vectors (zeros for no known piece)."""
        total = [0.0] * self.dims
        pieces = _WORD.findall(text.lower()) if self.words else wordpiece(text, self.index)
        for piece in pieces:
            vec = self.vector(piece)
            if vec is not None:
                total = [a + b for a, b in zip(total, vec, strict=True)]
        norm = math.sqrt(sum(v * v for v in total))
        return tuple(v / norm for v in total) if norm else tuple(total)


def write_table(
    path: Path, header: dict[str, object], pieces: list[str], rows: list[list[float]]
) -> None:
    """A table file: each row quantised to int8 by its own scale (the format Table reads)."""
    scale, values = array("f"), array("b")
    for row in rows:
        top = max((abs(v) for v in row), default=0.0) / 127.0 or 1.0
        scale.append(top)
        values.extend(max(-127, min(127, round(v / top))) for v in row)
    head = {**header, "dims": len(rows[0]) if rows else 0, "tokens": len(pieces)}
    if scale.itemsize != 4 or sys.byteorder != "little":
        raise RuntimeError("float32 little-endian expected")
    data = b"journeymap-embed 1\n" + json.dumps(head).encode() + b"\n"
    data += "\n".join(pieces).encode() + b"\n" + scale.tobytes() + values.tobytes()
    path.write_bytes(data)


def _punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _words(text: str) -> list[str]:
    """BERT's basic tokenizer, uncased: clean, lower, strip accents, split."""
    out: list[str] = []
    current: list[str] = []
    decomposed = unicodedata.normalize("NFD", text.lower())
    for char in decomposed:
        code = ord(char)
        category = unicodedata.category(char)
        if code == 0 or code == 0xFFFD or category == "Mn":
            continue
        if char in " \t\n\r" or category == "Zs":
            if current:
                out.append("".join(current))
                current = []
        elif category.startswith("C"):
            continue
        elif _punctuation(char) or _cjk(code):
            if current:
                out.append("".join(current))
                current = []
            out.append(char)
        else:
            current.append(char)
    if current:
        out.append("".join(current))
    return out


def wordpiece(text: str, vocab: dict[str, int] | set[str]) -> list[str]:
    """The text's word pieces: each word split into the longest known prefixes."""
    pieces: list[str] = []
    for word in _words(text):
        if len(word) > 100:
            pieces.append("[UNK]")
            continue
        start, found = 0, []
        while start < len(word):
            end = len(word)
            piece = None
            while start < end:
                candidate = word[start:end] if start == 0 else "##" + word[start:end]
                if candidate in vocab:
                    piece = candidate
                    break
                end -= 1
            if piece is None:
                found = ["[UNK]"]
                break
            found.append(piece)
            start = end
        pieces += found
    return pieces
