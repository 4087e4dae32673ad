"""The sweep's edge: groups (tools/hostile_sweep.py imports them): what the first sweeps did
not try.

- edge-tag: every YAML tag (!!binary, !!set, !!omap, !!pairs, !!timestamp, !!int, !!float,
  !!bool, !!null, !!map, !!seq, custom and verbatim tags, a bare anchor, an undefined
  alias) in every field of a journey;
- edge-merge: merge keys `<<` in every mapping of a journey, with every kind of value;
- edge-dup: a duplicate key in every mapping; edge-bomb: an alias bomb under every field;
- edge-lines: CRLF and CR-only line ends, UTF-16/32 with and without a mark, NUL bytes,
  all in files with an error whose place must be told; edge-text: invisible texts and
  %YAML directives;
- edge-place: odd names (tab, CR, invalid UTF-8 in a folder's name), folder trees 1,000
  and 2,500 deep (past PATH_MAX), link chains that loop in a batch, /proc and /sys folders,
  /dev/stdin and `-` given a journey or garbage, 100,000 files in one folder;
- edge-self: a journey that points at itself, a diff of a file with itself, a mapping
  that lists itself as a journey, a journey given as its own lint configuration;
- edge-changing: an input rewritten, truncated or growing while the command reads it;
- edge-env: umask 777 and 077 (as root and without its capabilities), a read-only
  working folder, standard output closed before the first byte (`| head -c 0`), odd
  terminal settings.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

Setup = Callable[[Path], None]

TAGS: dict[str, str] = {
    "binary": "!!binary aGVsbG8=",
    "set": "!!set {a, b}",
    "omap": "!!omap [a: 1]",
    "pairs": "!!pairs [a: 1, a: 2]",
    "timestamp-date": "!!timestamp 2024-01-01",
    "timestamp-time": "!!timestamp 2024-01-01T10:00:00Z",
    "timestamp-bad": "!!timestamp 2024-13-45",
    "custom-scalar": "!custom x",
    "custom-map": "!custom {a: 1}",
    "str-on-number": "!!str 5",
    "int": "!!int 5",
    "int-on-word": "!!int x",
    "float-nan": "!!float .nan",
    "bool-yes": "!!bool yes",
    "null": "!!null ~",
    "map": "!!map {a: 1}",
    "seq": "!!seq [a]",
    "verbatim-python": "!<tag:yaml.org,2002:python/object> x",
    "python-name": "!!python/name:os.system",
    "bare-anchor": "&a x",
    "undefined-alias": "*nowhere",
    "non-specific": "! x",
}

# Where a value goes: (name, the text in the example, the same with {v} for the value).
FIELDS: list[tuple[str, str, str]] = [
    ("version", "journeymap: 1\n", "journeymap: {v}\n"),
    ("id", "id: veste-hiver", "id: {v}"),
    ("title", "title: ", "title: {v} #"),
    ("persona-name", "  name: Acheteuse en ligne prudente", "  name: {v}"),
    ("targets", "targets: [B2C, Québec]", "targets: {v}"),
    ("channel-id", "  - {id: email, name: Courriel, kind: mail}", "  - {id: {v}, name: C}"),
    ("channel-kind", "  - {id: email, name: Courriel, kind: mail}", "  - {id: email, kind: {v}}"),
    ("stage-id", "  - id: besoin\n", "  - id: {v}\n"),
    ("stage-name", "    name: Besoin\n", "    name: {v}\n"),
    ("phase", "    phase: before\n", "    phase: {v}\n"),
    ("step-id", "      - id: froid\n", "      - id: {v}\n"),
    (
        "text",
        "text: Je sens le froid arriver et ma vieille veste ne suffit plus",
        "text: {v}",
    ),
    ("emotion", "emotion: -1", "emotion: {v}"),
    ("touch-channel", "          - channel: reseaux-sociaux\n", "          - channel: {v}\n"),
    ("owner", "owner: marketing", "owner: {v}"),
    ("volume", "volume: 120000", "volume: {v}"),
    ("metrics", "metrics: {csat: 64}", "metrics: {v}"),
    ("csat", "metrics: {csat: 64}", "metrics: {csat: {v}}"),
    ("category", "category: process", "category: {v}"),
    (
        "delight",
        "              - Le guide explique les indices de chaleur sans jargon",
        "              - {v}",
    ),
    ("breakpoint-to", "to: email", "to: {v}"),
    ("stages", "stages:\n", "stages: {v}\nx-stages:\n"),
]

# Mappings that can take one more key: (name, a line of it, the line to insert before it).
MAPPINGS: list[tuple[str, str, str]] = [
    ("top", "title: ", ""),
    ("persona", "  name: Acheteuse en ligne prudente", "  "),
    ("stage", "    name: Besoin\n", "    "),
    ("step", "        text: Je sens le froid", "        "),
    ("touchpoint", "            name: Publicité Instagram", "            "),
    ("irritant", "                category: process", "                "),
]

MERGES: dict[str, str] = {
    "title": "{title: x}",
    "id": "{id: y}",
    "text": "{text: z}",
    "list-of-maps": "[{a: 1}, {b: 2}]",
    "scalar": "5",
    "list-of-scalars": "[1, 2]",
    "null": "~",
    "undefined-alias": "*nowhere",
    "nested-merge": "{<<: {a: 1}}",
    "binary": "!!binary aGk=",
}

_BOMB = "x-bomb: &a0 [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"x-bomb{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)


def _swap(journey: str, old: str, new: str) -> str:
    assert old in journey, old
    return journey.replace(old, new, 1)


def tag_texts(journey: str) -> dict[str, str]:
    texts = {}
    for field, old, template in FIELDS:
        for tag, value in TAGS.items():
            texts[f"{field}:{tag}"] = _swap(journey, old, template.replace("{v}", value))
    return texts


def merge_texts(journey: str) -> dict[str, str]:
    texts = {}
    for place, line, indent in MAPPINGS:
        for name, value in MERGES.items():
            texts[f"{place}:{name}"] = _swap(journey, line, f"{indent}<<: {value}\n{line}")
    texts["metrics:map"] = _swap(
        journey, "metrics: {csat: 64}", "metrics: {csat: 64, <<: {nps: 5}}"
    )
    texts["channel:map"] = _swap(
        journey,
        "  - {id: email, name: Courriel, kind: mail}",
        "  - {<<: {id: email, name: Courriel}, kind: mail}",
    )
    return texts


def duplicate_texts(journey: str) -> dict[str, str]:
    texts = {}
    for place, line, indent in MAPPINGS:
        key = line.strip().split(":", 1)[0]
        texts[place] = _swap(journey, line, f"{indent}{key}: doublon\n{line}")
    texts["metrics"] = _swap(journey, "metrics: {csat: 64}", "metrics: {csat: 64, csat: 65}")
    texts["channel"] = _swap(
        journey,
        "  - {id: email, name: Courriel, kind: mail}",
        "  - {id: email, id: mail, name: Courriel, kind: mail}",
    )
    texts["top-version"] = journey + "journeymap: 1\n"
    return texts


def bomb_texts(journey: str) -> dict[str, str]:
    texts = {}
    for field, old, template in FIELDS:
        if field in ("version",):
            continue
        texts[field] = _BOMB + _swap(journey, old, template.replace("{v}", "*a8"))
    texts["merge"] = _BOMB + _swap(journey, "title: ", "<<: *a8\ntitle: ")
    texts["key"] = _BOMB + _swap(journey, "title: ", "? *a8\n: 1\ntitle: ")
    return texts


def line_texts(journey: str) -> dict[str, bytes]:
    """Files with one error (an emotion of 9 on line 50) in every encoding and line end."""
    wrong = _swap(journey, "emotion: -1", "emotion: 9")
    texts: dict[str, bytes] = {}
    for ends, sep in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r"), ("mixed", None)):
        text = wrong.replace("\n", sep) if sep else wrong.replace("\n", "\r\n", 30)
        texts[f"{ends}-utf8"] = text.encode("utf-8")
        texts[f"{ends}-utf8-bom"] = b"\xef\xbb\xbf" + text.encode("utf-8")
        for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
            texts[f"{ends}-{codec}"] = text.encode(codec)
    texts["nul-mid-line"] = wrong.encode().replace(b"emotion: 9", b"emotion: 9\x00", 1)
    texts["nul-start"] = b"\x00" + wrong.encode()
    texts["nul-in-key"] = wrong.encode().replace(b"title:", b"ti\x00tle:", 1)
    texts["utf16-odd-length"] = wrong.encode("utf-16") + b"\x00"
    texts["utf32-bom-as-utf16"] = b"\xff\xfe\x00\x00" + wrong.encode("utf-16-le")
    return texts


TEXT = "text: Je sens le froid arriver et ma vieille veste ne suffit plus"


def more_texts(journey: str) -> dict[str, str]:
    texts = {
        f"invisible-{name}": _swap(journey, TEXT, f'text: "{chars}"')
        for name, chars in {
            "zwsp": "\u200b",
            "all": "\u200b\u200c\u200d\u2060\ufeff",
            "bidi": "\u200e\u202e",
            "hangul": "\u3164",
            "combining": "\u0301\u0302",
        }.items()
    }
    texts["invisible-title"] = _swap(journey, "title: ", 'title: "\u2060" #')
    texts["invisible-channel-name"] = _swap(
        journey,
        "  - {id: email, name: Courriel, kind: mail}",
        '  - {id: email, name: "\u200b", kind: mail}',
    )
    texts["directive-only"] = "%YAML 1.2\n"
    texts["directive-1.3"] = "%YAML 1.3\n---\n" + journey
    texts["directive-no-marker"] = "%YAML 1.2\n" + journey
    texts["directive-unknown"] = "%FOO\n---\n" + journey
    texts["self-breakpoint"] = _swap(
        journey,
        "            metrics: {csat: 64}\n",
        "            metrics: {csat: 64}\n            breakpoints:\n"
        "              - {text: Boucle, kind: forced, to: froid@reseaux-sociaux}\n",
    )
    texts["self-breakpoint-channel"] = _swap(
        journey,
        "            metrics: {csat: 64}\n",
        "            metrics: {csat: 64}\n            breakpoints:\n"
        "              - {text: Boucle, kind: blocked, to: reseaux-sociaux}\n",
    )
    return texts


# --- places ---------------------------------------------------------------------------------


def deep_tree(rel: str, depth: int, journey: str) -> Setup:
    """`depth` folders one in another under `rel`, a journey at the bottom: built with
    folder descriptors, since past 2,048 levels the path is longer than PATH_MAX."""

    def make(box: Path) -> None:
        top = box / rel
        top.mkdir(parents=True, exist_ok=True)
        fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for _ in range(depth):
                os.mkdir("d", dir_fd=fd)
                inner = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
                os.close(fd)
                fd = inner
            out = os.open("j.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
            os.write(out, journey.encode())
            os.close(out)
        finally:
            os.close(fd)

    return make


def many_files(rel: str, count: int) -> Setup:
    def make(box: Path) -> None:
        folder = box / rel
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for i in range(count):
                name = f"f{i:06}.yaml" if i % 10 == 0 else f"f{i:06}.txt"
                out = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(out, b"x: 1\n")
                os.close(out)
        finally:
            os.close(fd)

    return make


# --- a file that changes while it is read ----------------------------------------------------


def rewriting(rel: str, versions: list[bytes]) -> Callable[[Path, threading.Event], None]:
    """Rewrite `rel` in place (truncate, then write) with each version in turn until told."""

    def during(box: Path, stop: threading.Event) -> None:
        path = box / rel
        turn = 0
        while not stop.is_set():
            try:
                with path.open("r+b") as handle:
                    handle.truncate(0)
                    handle.write(versions[turn % len(versions)])
            except OSError:
                pass
            turn += 1
            time.sleep(0.002)

    return during


def growing(rel: str) -> Callable[[Path, threading.Event], None]:
    """Append comment lines to `rel` as fast as possible until told (capped at 64 MB)."""

    def during(box: Path, stop: threading.Event) -> None:
        path = box / rel
        chunk = b"# " + b"x" * 4000 + b"\n"
        written = 0
        with path.open("ab") as handle:
            while not stop.is_set() and written < 64 * 1024 * 1024:
                handle.write(chunk)
                handle.flush()
                written += len(chunk)

    return during
