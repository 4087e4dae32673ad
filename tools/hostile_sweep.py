"""Run hundreds of hostile cases through the real CLI and report every one that misbehaves.

    .venv/bin/python tools/hostile_sweep.py [--jobs 2] [--only SUBSTRING] [--list]

Each case runs `journeymap` (the console script: the quick entry, or typer with
JOURNEYMAP_QUICK=0) in a fresh sandbox folder, in its own session, and is flagged when:

- it prints a traceback, an internal error, a Python warning or "Exception ignored";
- its exit code is not 0, 1 or 2 (or the one a signal or a closed pipe gives);
- a failure says nothing on standard error, or more than a few lines for one error;
- it runs past its timeout (a hang);
- a process of its session outlives it (an orphan worker or Graphviz);
- an input file changed, or a temporary file stays (in the sandbox or in its TMPDIR);
- an output that failed exists half-written, or a success left a truncated one.

Beyond the first groups (text:, input:, output:, stdout:, env:, signal:, config:, metrics:,
metrics-stdin: (the export piped in, `-` twice),
import:, git:, serve:), the groups more: (encodings, YAML 1.1 words, tags, merge keys and
odd scalars where ids and numbers go), place: (devices, pipes, links, odd names as inputs
of every command), nobody: (unreadable files and folders, run through `setpriv` without
root's DAC capabilities), out: (more output places, and a full disk as RLIMIT_FSIZE),
dot: (a `dot` first on PATH that hangs, crashes or writes garbage) and the env: cases of
`more_cases` try what the first sweeps did not; limit: (`ulimit -n`, `-v`, `-u` set in the
child), group: (a terminal's Ctrl-C, to the whole process group), worker-killed: (the
out-of-memory killer), closed-out: and closed-in: (`-o /dev/stdout` with standard output
closed, `/dev/stdin` read with standard input closed), tty:
(standard input a terminal) and dot-group: (a group stop while a slow `dot` runs).

The sweep is a tool, not a test: it finds defects; each one fixed gets its regression test
in tests/. It prints one line per flagged case and a summary by class.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SURVEYS = ROOT / "tests" / "data" / "surveys"
IMPORTS = ROOT / "tests" / "data" / "import"
BIN = Path(sys.executable).parent / "journeymap"
JOURNEY = (EXAMPLES / "veste-hiver.yaml").read_text(encoding="utf-8")

Setup = Callable[[Path], None]


@dataclass
class Case:
    name: str
    argv: list[str]
    setup: list[Setup] = field(default_factory=list)
    env: dict[str, str | None] = field(default_factory=dict)
    stdin: str | bytes = "devnull"  # "devnull", "closed", "dir", "dev-zero", "socket"... or bytes
    stdout: str = "pipe"  # "pipe", "closed", "full", "head", "stuck" (never read)
    allowed: frozenset[int] = frozenset({0, 1, 2})
    outputs: list[str] = field(default_factory=list)  # sandbox-relative output paths
    kill_after: float | None = None  # seconds, then `kill_signal` to the main process
    kill_signal: int = signal.SIGTERM
    timeout: float = 90.0
    writes_inputs: bool = False
    adds_to_inputs: bool = False  # may add files to in/ (an output folder there), not change them
    cwd: str = "."
    fsize: int | None = None  # RLIMIT_FSIZE in bytes: a full disk without a small tmpfs
    unprivileged: bool = False  # without the capability to read or write whatever the modes
    umask: int | None = None
    during: Callable[[Path, threading.Event], None] | None = None  # runs beside the command
    limits: dict[str, int] = field(default_factory=dict)  # RLIMIT_<name>: value, in the child
    kill_target: str = "main"  # "main", "group" (a terminal's Ctrl-C) or "worker" (its child)
    expect: str | None = None  # words standard error must hold


@dataclass
class Outcome:
    case: Case
    code: int | None
    stderr: str
    flags: list[str]
    seconds: float


# --- sandbox contents ----------------------------------------------------------------------


def _write(rel: str, data: str | bytes) -> Setup:
    def make(box: Path) -> None:
        path = box / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return make


def _copy(source: Path, rel: str) -> Setup:
    def make(box: Path) -> None:
        path = box / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, path)
        else:
            shutil.copy(source, path)

    return make


def _do(action: Callable[[Path], object]) -> Setup:
    def make(box: Path) -> None:
        action(box)

    return make


BASE: list[Setup] = [
    _write("in/j.yaml", JOURNEY),
    _copy(EXAMPLES / "meubles-magasin.yaml", "in/more/meubles-magasin.yaml"),
    _copy(EXAMPLES / "meubles-web-retrait.yaml", "in/more/meubles-web-retrait.yaml"),
    _copy(SURVEYS / "qualtrics-retrait.csv", "in/survey.csv"),
    _copy(SURVEYS / "qualtrics-retrait.map.yaml", "in/survey.map.yaml"),
    _copy(EXAMPLES / "meubles-web-retrait.yaml", "in/retrait.yaml"),
    _write(
        "in/changed.yaml",
        (EXAMPLES / "meubles-web-retrait.yaml")
        .read_text(encoding="utf-8")
        .replace("csat: 78", "csat: 40", 1),
    ),
    _copy(IMPORTS / "mermaid" / "cypress-go-shopping.mmd", "in/shop.mmd"),
    _copy(IMPORTS / "ems" / "studio-sample.yaml", "in/ems.yaml"),
    _write("in/lint.toml", '[lint]\nignore = ["JM104"]\n'),
    _do(lambda box: (box / "out").mkdir()),
]


def _journey_text(text: str) -> Setup:
    return _write("in/h.yaml", text)


def _journey_bytes(data: bytes) -> Setup:
    return _write("in/h.yaml", data)


# --- hostile journey contents --------------------------------------------------------------

_VALID = JOURNEY


def _lines(sep: str) -> str:
    return _VALID.replace("\n", sep)


def _huge_keys(n: int) -> str:
    body = "".join(f"k{i}: {i}\n" for i in range(n))
    return _VALID + body


def _metric(value: str) -> str:
    return _VALID.replace("csat: 86", f"csat: {value}", 1)


def _many_steps(n: int) -> str:
    steps = "".join(
        f"      - id: s{i}\n        text: Je fais la chose {i}\n"
        f"        touchpoints:\n          - channel: web\n"
        for i in range(n)
    )
    return (
        "journeymap: 1\nid: many\ntitle: Many\nchannels:\n  - {id: web, name: Web}\n"
        "stages:\n  - id: a\n    name: A\n    steps:\n" + steps
    )


HOSTILE_TEXTS: dict[str, str | bytes] = {
    "empty": b"",
    "only-comments": "# nothing\n# at all\n",
    "only-document-marker": "---\n...\n",
    "nul-bytes": _VALID.encode() + b"\x00\x00",
    "lone-surrogate-escape": _VALID.replace("title: ", 'title: "\\ud800" #', 1),
    "crlf": _lines("\r\n"),
    "cr-only": _lines("\r"),
    "mixed-tabs": _VALID.replace("  - id:", "\t- id:", 1),
    "one-mb-line": _VALID + "notes: " + "x" * 1_000_000 + "\n",
    "one-mb-line-in-text": _VALID.replace("title: ", "title: " + "mot " * 250_000, 1),
    "many-keys-20000": _huge_keys(20_000),
    "metric-1e999": _metric("1e999"),
    "metric-nan": _metric(".nan"),
    "metric-inf": _metric(".inf"),
    "metric-neg-inf": _metric("-.inf"),
    "metric-huge-int": _metric("9" * 5000),
    "metric-date": _metric("2024-01-01"),
    "metric-bool": _metric("yes"),
    "metric-hex": _metric("0x50"),
    "metric-octal": _metric("0o77"),
    "metric-sexagesimal": _metric("1:30"),
    "metric-string-nan": _metric("NaN"),
    "metric-null": _metric("~"),
    "metric-list": _metric("[1, 2]"),
    "metric-map": _metric("{a: 1}"),
    "id-norway": _VALID.replace("id: veste-hiver", "id: no", 1),
    "title-off": _VALID.replace("title: ", "title: off #", 1),
    "lang-no": _VALID.replace("lang: fr", "lang: no", 1)
    if "lang: fr" in _VALID
    else _VALID.replace("title:", "lang: no\ntitle:", 1),
    "title-date": _VALID.replace("title: ", "title: 2024-01-01 #", 1),
    "title-int": _VALID.replace("title: ", "title: 12345678901234567890123 #", 1),
    "emotion-float": _VALID.replace("emotion: ", "emotion: 1.5 #", 1),
    "emotion-bool": _VALID.replace("emotion: ", "emotion: true #", 1),
    "version-string": _VALID.replace("journeymap: 1", "journeymap: 'one'", 1),
    "version-float": _VALID.replace("journeymap: 1", "journeymap: 1.10", 1),
    "version-huge": _VALID.replace("journeymap: 1", "journeymap: 1e999", 1),
    "multi-document": _VALID + "---\n" + _VALID,
    "multi-document-anchor": "a: &x 1\n---\n" + _VALID.replace("journeymap: 1", "journeymap: *x"),
    "python-object": "!!python/object:os.system {}\n",
    "python-apply": "!!python/object/apply:os.system ['echo pwned']\n" + _VALID,
    "python-name-in-value": _VALID.replace("title: ", "title: !!python/name:os.system #", 1),
    "unknown-tag": _VALID.replace("title: ", "title: !custom x #", 1),
    "binary-tag": _VALID.replace("title: ", "title: !!binary aGVsbG8= #", 1),
    "set-tag": _VALID.replace("title: ", "title: !!set {a, b} #", 1),
    "omap-tag": _VALID.replace("title: ", "title: !!omap [a: 1] #", 1),
    "timestamp-tag": _VALID.replace("title: ", "title: !!timestamp 2024-13-45 #", 1),
    "merge-top": "base: &b {title: x}\n<<: *b\n" + _VALID,
    "merge-in-list": _VALID.replace("stages:", "stages:\n  - <<: {id: z}\n", 1),
    "merge-non-map": _VALID.replace("title: ", "<<: 5\ntitle: ", 1),
    "merge-list-of-scalars": _VALID.replace("title: ", "<<: [1, 2]\ntitle: ", 1),
    "merge-self-alias": "&a {<<: *a}\n",
    "key-is-list": "[a, b]: 1\n" + _VALID,
    "key-is-map": "? {a: 1}\n: 1\n" + _VALID,
    "key-null": "~: 1\n" + _VALID,
    "key-int": "1: 1\n" + _VALID,
    "top-list": "- " + _VALID.replace("\n", "\n  "),
    "top-scalar": "just a string\n",
    "top-int": "42\n",
    "deep-flow": "[" * 5000 + "]" * 5000 + "\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n",
    "alias-bomb": "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(9)
    ),
    "bom-utf8": b"\xef\xbb\xbf" + _VALID.encode(),
    "double-bom": b"\xef\xbb\xbf\xef\xbb\xbf" + _VALID.encode(),
    "latin1": _VALID.encode("utf-8").replace("é".encode(), b"\xe9"),
    "overlong-utf8": _VALID.encode() + b"notes: \xc0\xaf\n",
    "utf8-surrogate-bytes": _VALID.encode() + b"notes: \xed\xa0\x80\n",
    "control-chars": _VALID.replace("title: ", "title: \x1b[31mred\x07 #", 1),
    "escaped-controls": _VALID.replace("title: ", 'title: "\\e[2J\\x00\\u202e" #', 1),
    "bidi": _VALID.replace("title: ", "title: \u202eevil\u202c #", 1),
    "zero-width": _VALID.replace("id: veste-hiver", "id: veste\u200b-hiver", 1),
    "nbsp-indent": _VALID.replace("  - id:", "\u00a0 - id:", 1),
    "unclosed-quote": _VALID + 'notes: "never closed\n',
    "tab-after-colon": _VALID.replace("title: ", "title:\t", 1),
    "duplicate-anchor": "a: &x 1\nb: &x 2\n" + _VALID,
    "undefined-alias": _VALID.replace("title: ", "title: *nowhere #", 1),
    "directive": "%YAML 1.1\n%TAG ! tag:evil.com,2000:\n---\n" + _VALID,
    "yaml-1.3": "%YAML 1.3\n---\n" + _VALID,
    "many-steps-3000": _many_steps(3000),
    "huge-id": _VALID.replace("id: veste-hiver", "id: " + "a" * 100_000, 1),
    "step-ref-long": _VALID.replace("channel: ", "channel: " + "z" * 50_000 + " #", 1),
    "emoji-ids": _VALID.replace("id: veste-hiver", "id: 🧥", 1),
    "newline-in-id": _VALID.replace("id: veste-hiver", 'id: "a\\nb"', 1),
    "trailing-garbage": _VALID + "]]]\n",
    "only-spaces": "   \n\t\n",
}


def _swap(old: str, new: str) -> str:
    assert old in _VALID, old
    return _VALID.replace(old, new, 1)


_STAGE = "  - id: besoin\n"
_STEP = "      - id: froid\n"
_TEXT = "text: Je sens le froid arriver et ma vieille veste ne suffit plus"
_CHANNEL = "  - {id: email, name: Courriel, kind: mail}"
_TOUCH = "          - channel: email\n"

MORE_TEXTS: dict[str, str | bytes] = {
    # encodings: whole files in UTF-16/32, with and without a mark, and what is left of one
    "utf16-bom": _VALID.encode("utf-16"),
    "utf16be-bom": b"\xfe\xff" + _VALID.encode("utf-16-be"),
    "utf16le": _VALID.encode("utf-16-le"),
    "utf32-bom": _VALID.encode("utf-32"),
    "utf32be": _VALID.encode("utf-32-be"),
    "only-bom": b"\xef\xbb\xbf",
    "only-bom-utf16": b"\xff\xfe",
    "bom-and-comments": b"\xef\xbb\xbf# nothing\n",
    "bom-mid-file": _VALID.encode().replace(b"title:", b"\xef\xbb\xbftitle:", 1),
    "cp1252-quote": _VALID.encode().replace("’".encode(), b"\x92"),
    "cp1252-euro": _VALID.encode() + b"notes: 5 \x80\n",
    "utf8-then-latin1-late": _VALID.encode() + b"# " + b"x" * 70000 + b"\xe9\n",
    "mixed-endings": _VALID.replace("\n", "\r\n", 20).replace("\n", "\r", 5),
    "lone-cr-in-quoted": _swap("title: ", 'title: "a\rb" #'),
    "nel-line-break": _swap(_TEXT, _TEXT + "\u0085suite"),
    "line-separator": _swap(_TEXT, _TEXT + "\u2028suite"),
    "surrogate-pair-escape-text": _swap(_TEXT, 'text: "Je suis \\ud83d\\ude00 content"'),
    "surrogate-escape-name": _swap(_CHANNEL, '  - {id: email, name: "C\\udc80", kind: mail}'),
    "surrogate-escape-key": _swap("title: ", '"k\\ud800": 1\ntitle: '),
    "surrogate-escape-goal": _swap("goal: Avoir", 'goal: "\\udfff" #'),
    "surrogate-escape-notes": _swap("notes: >-", 'notes: "\\ud800"\nx-notes: >-'),
    "noncharacter": _swap(_TEXT, 'text: "Je \\uFFFE \\uFFFF vois"'),
    "astral-escape": _swap(_TEXT, 'text: "Je \\U0001F9E5 achète"'),
    "escape-8-digits-bad": _swap(_TEXT, 'text: "\\U00110000"'),
    "very-long-unknown-key": _swap("title: ", "k" * 200_000 + ": 1\ntitle: "),
    "very-long-bad-channel": _swap("- channel: email", "- channel: " + "e" * 200_000),
    "newline-key": _swap("title: ", '"a\\nb\\rc": 1\ntitle: '),
    # documents and directives
    "directive-only": "%YAML 1.2\n",
    "directive-and-marker": "%YAML 1.2\n---\n",
    "tag-directive-only": "%TAG !e! tag:example.com,2000:\n---\n",
    "marker-only": "---\n",
    "end-only": "...\n",
    "tagged-document": "--- !journey\n" + _VALID,
    "tag-redefines-secondary": "%TAG !! tag:evil.com,2000:\n---\n"
    + _swap("title: ", "title: !!str "),
    "empty-document-then-journey": "---\n---\n" + _VALID,
    "journey-then-empty-document": _VALID + "---\n",
    "journey-then-end-garbage": _VALID + "...\nthis is not yaml: [\n",
    # YAML 1.1 words and numbers where ids go
    "stage-id-no": _swap(_STAGE, "  - id: no\n"),
    "stage-id-off": _swap(_STAGE, "  - id: off\n"),
    "channel-id-yes": _swap(_CHANNEL, "  - {id: yes, name: Courriel, kind: mail}"),
    "touch-channel-on": _swap(_TOUCH, "          - channel: on\n"),
    "key-on": _swap("title: ", "on: 1\ntitle: "),
    "stage-id-int": _swap(_STAGE, "  - id: 1\n"),
    "stage-id-octal": _swap(_STAGE, "  - id: 007\n"),
    "stage-id-float": _swap(_STAGE, "  - id: 1e3\n"),
    "stage-id-huge": _swap(_STAGE, "  - id: " + "9" * 5000 + "\n"),
    "stage-id-nan": _swap(_STAGE, "  - id: .nan\n"),
    "stage-id-inf": _swap(_STAGE, "  - id: -.inf\n"),
    "stage-id-null": _swap(_STAGE, "  - id: ~\n"),
    "stage-id-date": _swap(_STAGE, "  - id: 2024-01-01\n"),
    "step-id-datetime": _swap(_STEP, "      - id: 2024-01-01 10:00:00\n"),
    "step-id-bad-date": _swap(_STEP, "      - id: 2024-13-45\n"),
    "journey-id-int": _swap("id: veste-hiver", "id: 12345678901234567890"),
    "emotion-string-nan": _swap("emotion: -1", "emotion: nan"),
    "emotion-tagged-nan": _swap("emotion: -1", "emotion: !!float nan"),
    "volume-inf": _swap("volume: 120000", "volume: .inf"),
    "volume-huge": _swap("volume: 120000", "volume: " + "9" * 4000),
    "volume-negative": _swap("volume: 120000", "volume: -5"),
    "csat-tagged-huge": _swap("csat: 64", "csat: !!int " + "9" * 900),
    # tags
    "binary-id": _swap("id: veste-hiver", "id: !!binary dmVzdGU="),
    "timestamp-id": _swap("id: veste-hiver", "id: !!timestamp 2024-01-01"),
    "set-stages": _swap("stages:\n", "stages: !!set\n  ? a\n  ? b\nx-stages:\n"),
    "omap-channels": _swap("channels:\n", "channels: !!omap\n  - a: 1\nx-channels:\n"),
    "pairs-steps": _swap("stages:\n", "stages: !!pairs [a: 1, a: 2]\nx-stages:\n"),
    "custom-tag-map": _swap("persona:\n", "persona: !persona\n"),
    "custom-tag-seq": _swap("stages:\n", "stages: !list\n"),
    "verbatim-tag": _swap("title: ", "title: !<tag:yaml.org,2002:str> "),
    "verbatim-python-tag": _swap("title: ", "title: !<tag:yaml.org,2002:python/none> x #"),
    "non-specific-tag": _swap("emotion: -1", "emotion: ! -1"),
    "str-tag-on-number": _swap("emotion: -1", "emotion: !!str -1"),
    "null-tag-on-map": _swap("persona:\n", "persona: !!null\n  name: x\nx-persona:\n"),
    "map-tag-on-seq": _swap("stages:\n", "stages: !!map\n"),
    "value-tag": _swap("title: ", "title: !!value x #"),
    "yaml-tag": _swap("title: ", "title: !!yaml x #"),
    # merge keys and anchors
    "merge-step": _swap(
        _STEP,
        "      - &s {id: s0, text: Je commence, emotion: 0}\n"
        "      - <<: *s\n        id: s1\n" + _STEP,
    ),
    "merge-list": _swap(
        _STEP, "      - <<: [{id: s9}, {text: Je fais}]\n        emotion: 0\n" + _STEP
    ),
    "merge-alias-to-seq": _swap(_STEP, "      - <<: *seq\n" + _STEP).replace(
        "stages:\n", "x-seq: &seq [1, 2]\nstages:\n", 1
    ),
    "merge-nested-alias": _swap("title: ", "x: &b {a: &c {b: 1}}\ny: {<<: [*b, *c]}\ntitle: "),
    "merge-quoted-key": _swap("title: ", '"<<": {a: 1}\ntitle: '),
    "merge-tagged-key": _swap("title: ", "!!merge <<: {title: x}\ntitle: "),
    "anchor-reused-stage": _swap("stages:\n", "stages:\n  - &st {id: zz, name: Z}\n  - *st\n"),
    "alias-as-key": _swap("title: ", "x: &k title\n*k : y\ntitle: "),
    "alias-bomb-under-limit": "x: &a ["
    + ",".join(["y"] * 200)
    + "]\n"
    + "z: &b ["
    + ",".join(["*a"] * 200)
    + "]\n"
    + _VALID,
    "complex-key-in-stage": _swap(_STAGE, "  - ? [a, b]\n    : 1\n    id: besoin\n"),
    "map-key-in-touch": _swap(_TOUCH, "          - {a: 1}: x\n            channel: email\n"),
    "bool-key-in-stage": _swap(_STAGE, "  - true: x\n    id: besoin\n"),
    "null-key-in-stage": _swap(_STAGE, "  - ~: x\n    id: besoin\n"),
    "float-key-in-step": _swap(_STEP, "      - .nan: x\n        id: froid\n"),
    "stages-null": _swap("stages:\n", "stages: ~\nx-stages:\n"),
    "stages-empty-string": _swap("stages:\n", "stages: ''\nx-stages:\n"),
    "text-null": _swap(_TEXT, "text: ~"),
    "text-empty-block": _swap(_TEXT, "text: |\n\n"),
    "text-list": _swap(_TEXT, "text: [Je, fais]"),
    "very-long-line-3mb": _swap(_TEXT, "text: Je " + "fais " * 600_000),
    "many-short-lines": _VALID + "".join(f"# {i}\n" for i in range(300_000)),
    "tabs-in-values": _swap(_TEXT, "text: Je\tsens\tle froid"),
    "nbsp-only-text": _swap(_TEXT, "text: \u00a0\u00a0"),
    "zero-width-text": _swap(_TEXT, "text: \u200b\u200b"),
    "rtl-id": _swap("id: veste-hiver", "id: \u05d0\u05d1"),
    "nfd-channel": _swap(_TOUCH, "          - channel: e\u0301mail\n").replace(
        _CHANNEL, "  - {id: e\u0301mail, name: Courriel, kind: mail}", 1
    ),
}


def _journey_files() -> list[tuple[str, Setup]]:
    return [
        (name, _journey_bytes(data) if isinstance(data, bytes) else _journey_text(data))
        for name, data in HOSTILE_TEXTS.items()
    ]


# --- special inputs ------------------------------------------------------------------------


def _mk_socket(rel: str) -> Setup:
    def make(box: Path) -> None:
        path = box / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()

    return make


def _symlink(rel: str, target: str) -> Setup:
    def make(box: Path) -> None:
        path = box / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)

    return make


def _thousands(rel: str, n: int) -> Setup:
    def make(box: Path) -> None:
        folder = box / rel
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            (folder / f"j{i:05}.yaml").write_text(
                JOURNEY.replace("id: veste-hiver", f"id: veste-{i}", 1), encoding="utf-8"
            )

    return make


def _unreadable(rel: str) -> Setup:
    def make(box: Path) -> None:
        (box / rel).chmod(0)

    return make


SPECIAL_INPUTS: dict[str, tuple[str, list[Setup]]] = {
    "dir-2000-files": ("in/many", [_thousands("in/many", 2000)]),
    "socket": ("in/s.yaml", [_mk_socket("in/s.yaml")]),
    "link-to-proc-status": ("in/p.yaml", [_symlink("in/p.yaml", "/proc/self/status")]),
    "link-to-proc-dir": ("in/p.yaml", [_symlink("in/p.yaml", "/proc/self")]),
    "link-loop": ("in/loop.yaml", [_symlink("in/loop.yaml", "loop.yaml")]),
    "link-loop-in-dir": (
        "in/d",
        [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/l.yaml", "l.yaml")],
    ),
    "dir-link-cycle": ("in/d", [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/up", "..")]),
    "dangling-link": ("in/gone.yaml", [_symlink("in/gone.yaml", "nowhere.yaml")]),
    "dev-null": ("/dev/null", []),
    "dev-full": ("/dev/full", []),
    "proc-file": ("/proc/self/environ", []),
    "dir-unreadable": (
        "in/locked",
        [_write("in/locked/a.yaml", JOURNEY), _unreadable("in/locked")],
    ),
    "file-unreadable": (
        "in/locked.yaml",
        [_write("in/locked.yaml", JOURNEY), _unreadable("in/locked.yaml")],
    ),
    "empty-dir": ("in/none", [_do(lambda box: (box / "in" / "none").mkdir(parents=True))]),
    "long-name": ("in/" + "n" * 300 + ".yaml", []),
    "newline-name": ("in/a\nb.yaml", [_write("in/a\nb.yaml", JOURNEY)]),
    "dash-name": ("in/-x.yaml", [_write("in/-x.yaml", JOURNEY)]),
    "invalid-utf8-name": (
        os.fsdecode(b"in/caf\xe9.yaml"),
        [_write(os.fsdecode(b"in/caf\xe9.yaml"), JOURNEY)],
    ),
    "yml-dir-name": ("in/x.yaml", [_write("in/x.yaml/a.yaml", JOURNEY)]),
    "empty-arg": ("", []),
}


# --- hostile output paths ------------------------------------------------------------------


def _ro_dir(rel: str) -> Setup:
    def make(box: Path) -> None:
        (box / rel).mkdir(parents=True, exist_ok=True)
        (box / rel).chmod(0o500)

    return make


def _outputs(ext: str) -> dict[str, tuple[str, list[Setup]]]:
    """Hostile places for an output file with extension `ext`."""
    return {
        "is-dir": (f"out/d{ext}", [_do(lambda box: (box / f"out/d{ext}").mkdir())]),
        "under-a-file": (f"out/file/x{ext}", [_write("out/file", "x")]),
        "read-only-dir": (f"out/ro/x{ext}", [_ro_dir("out/ro")]),
        "same-as-input": ("in/j.yaml", []),
        "dev-full": ("/dev/full", []),
        "dangling-link": (f"out/l{ext}", [_symlink(f"out/l{ext}", f"gone{ext}")]),
        "dangling-link-into-missing-dir": (
            f"out/l{ext}",
            [_symlink(f"out/l{ext}", f"nodir/x{ext}")],
        ),
        "link-loop": (f"out/loop{ext}", [_symlink(f"out/loop{ext}", f"loop{ext}")]),
        "long-name": ("out/" + "n" * 300 + ext, []),
        "long-path": ("out/" + "/".join(["d" * 200] * 30) + "/x" + ext, []),
        "newline-name": (f"out/a\nb{ext}", []),
        "invalid-utf8-name": (os.fsdecode(b"out/caf\xe9") + ext, []),
        "missing-dir": (f"out/missing/x{ext}", []),
        "existing-file-kept": (f"out/old{ext}", [_write(f"out/old{ext}", "OLD")]),
        "link-to-input": (f"out/in{ext}", [_symlink(f"out/in{ext}", "../in/j.yaml")]),
        "trailing-slash-file": (f"out/f{ext}/", [_write(f"out/f{ext}", "x")]),
        "proc-self-fd-1": ("/proc/self/fd/1", []),
        "dev-stdout": ("/dev/stdout", []),
        "empty": ("", []),
    }


# --- command forms -------------------------------------------------------------------------

METRICS_IMPORT = ["metrics", "import", "in/survey.csv", "--map", "in/survey.map.yaml", "--journey"]

# Forms reading one journey, `{IN}`: the journey path.
INPUT_FORMS: dict[str, list[str]] = {
    "validate": ["validate", "{IN}"],
    "validate-json": ["validate", "-f", "json", "{IN}"],
    "validate-sarif": ["validate", "-f", "sarif", "{IN}"],
    "lint": ["lint", "{IN}"],
    "lint-github": ["lint", "-f", "github", "{IN}"],
    "lint-json-j1": ["lint", "-f", "json", "-j", "1", "{IN}"],
    "matrix": ["matrix", "{IN}"],
    "matrix-json": ["matrix", "-f", "json", "{IN}"],
    "matrix-csv": ["matrix", "-f", "csv", "{IN}"],
    "matrix-md-metric": ["matrix", "-f", "markdown", "-m", "csat", "{IN}"],
    "render-dot": ["render", "{IN}", "-o", "-", "-f", "dot"],
    "render-mmd": ["render", "{IN}", "-o", "out/x.mmd"],
    "render-svg": ["render", "{IN}", "-o", "out/x.svg"],
    "diff-files": ["diff", "in/j.yaml", "{IN}"],
    "diff-json": ["diff", "-f", "json", "{IN}", "in/j.yaml"],
    "site": ["site", "{IN}", "-o", "out/site"],
    "metrics-plan": ["metrics", "plan", "{IN}"],
    "metrics-import": [*METRICS_IMPORT, "{IN}"],
}

MORE_TEXT_FORMS = (
    "validate",
    "lint-json-j1",
    "matrix-json",
    "matrix-md-metric",
    "render-dot",
    "render-mmd",
    "render-svg",
    "diff-files",
    "metrics-plan",
)

EXPENSIVE_INPUT_FORMS = {"render-svg", "site", "diff-json"}

# Forms writing one output, `{OUT}`: the output path; the extension it should have.
OUTPUT_FORMS: dict[str, tuple[list[str], str]] = {
    "lint-o": (["lint", "in/j.yaml", "-o", "{OUT}"], ".txt"),
    "matrix-o": (["matrix", "in/j.yaml", "-o", "{OUT}"], ".txt"),
    "matrix-json-o": (["matrix", "-f", "json", "in/j.yaml", "-o", "{OUT}"], ".json"),
    "render-svg-o": (["render", "in/j.yaml", "-o", "{OUT}", "-f", "svg"], ".svg"),
    "render-png-o": (["render", "in/j.yaml", "-o", "{OUT}", "-f", "png"], ".png"),
    "render-dot-o": (["render", "in/j.yaml", "-o", "{OUT}", "-f", "dot"], ".dot"),
    "render-mmd-o": (["render", "in/j.yaml", "-o", "{OUT}", "-f", "mmd"], ".mmd"),
    "diff-o": (["diff", "in/retrait.yaml", "in/changed.yaml", "-o", "{OUT}"], ".txt"),
    "diff-svg-o": (
        ["diff", "-f", "svg", "in/retrait.yaml", "in/changed.yaml", "-o", "{OUT}"],
        ".svg",
    ),
    "metrics-plan-o": (["metrics", "plan", "in/j.yaml", "-o", "{OUT}"], ".md"),
    "import-o": (["import", "in/shop.mmd", "-o", "{OUT}"], ".yaml"),
    "site-o": (["site", "in/j.yaml", "-o", "{OUT}"], ""),
}


# --- building the case list ----------------------------------------------------------------


def _fill(argv: list[str], **values: str) -> list[str]:
    out = []
    for arg in argv:
        for key, value in values.items():
            arg = arg.replace("{" + key + "}", value)
        out.append(arg)
    return out


def cases() -> list[Case]:
    found: list[Case] = []
    # 1. hostile journey contents x every input form
    for text_name, make in _journey_files():
        for form, argv in INPUT_FORMS.items():
            if form in EXPENSIVE_INPUT_FORMS and text_name not in _EXPENSIVE_TEXTS:
                continue
            found.append(
                Case(
                    f"text:{text_name}|{form}",
                    _fill(argv, IN="in/h.yaml"),
                    [make],
                    outputs=_form_outputs(argv),
                )
            )
    # 1b. more hostile journey contents x the forms that read a journey's every part
    found += text_cases("more", MORE_TEXTS, MORE_TEXT_FORMS)
    found += more_cases()
    found += edge_cases()
    found += seventh_cases()
    found += eighth_cases()
    # 2. special inputs x input forms
    for special, (path, setups) in SPECIAL_INPUTS.items():
        for form, argv in INPUT_FORMS.items():
            if form in EXPENSIVE_INPUT_FORMS and special not in (
                "socket",
                "dangling-link",
                "dir-link-cycle",
                "link-loop",
                "empty-arg",
            ):
                continue
            timeout = 300.0 if special == "dir-2000-files" else 90.0
            if special == "dir-2000-files" and form.startswith(
                ("render", "site", "diff", "metrics-import")
            ):
                continue
            found.append(
                Case(
                    f"input:{special}|{form}",
                    _fill(argv, IN=path),
                    list(setups),
                    outputs=_form_outputs(argv),
                    timeout=timeout,
                )
            )
    # 3. hostile outputs x output forms
    for form, (argv, ext) in OUTPUT_FORMS.items():
        for place, (path, setups) in _outputs(ext).items():
            # in/j.yaml is an input of every form but diff's: there it is any file to write
            mine = place in ("same-as-input", "link-to-input") and "in/j.yaml" not in argv
            found.append(
                Case(
                    f"output:{place}|{form}",
                    _fill(argv, OUT=path),
                    list(setups),
                    outputs=[path],
                    writes_inputs=mine,
                )
            )
    # 4. surroundings: streams and environment x stream forms
    for form, argv in STREAM_FORMS.items():
        for how in ("closed", "full", "head"):
            allowed = frozenset({0, 1, 2, 141}) if how == "head" else frozenset({2})
            if how == "head" or form in QUIET_FORMS:
                allowed = frozenset({0, 1, 2, 141})
            found.append(Case(f"stdout:{how}|{form}", list(argv), stdout=how, allowed=allowed))
        for env_name, env in ENVIRONMENTS.items():
            if form not in ENV_FORMS:
                continue
            found.append(Case(f"env:{env_name}|{form}", list(argv), env=dict(env)))
        found.append(Case(f"stdin:closed|{form}", list(argv), stdin="closed"))
        found.append(Case(f"quick0|{form}", list(argv), env={"JOURNEYMAP_QUICK": "0"}))
        found.append(Case(f"cwd-deleted|{form}", list(argv), cwd="gone"))
    # 5. signals mid-run
    for form, argv in SIGNAL_FORMS.items():
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            for delay in (0.3, 1.5):
                found.append(
                    Case(
                        f"signal:{signal.Signals(signum).name}@{delay}|{form}",
                        list(argv),
                        [_thousands("in/batch", 120)],
                        kill_after=delay,
                        kill_signal=signum,
                        allowed=frozenset({0, 1, 2, 128 + signum}),
                        outputs=_form_outputs(argv),
                    )
                )
    # 6. configuration files
    for cfg_name, content in CONFIGS.items():
        for form, argv in CONFIG_FORMS.items():
            setups = [_write("in/cfg.toml", content)] if content is not None else []
            if cfg_name == "unreadable":
                setups = [_write("in/cfg.toml", "[lint]\n"), _unreadable("in/cfg.toml")]
            if cfg_name == "dir":
                setups = [_do(lambda box: (box / "in" / "cfg.toml").mkdir())]
            if cfg_name == "fifo":
                setups = [_do(lambda box: os.mkfifo(box / "in" / "cfg.toml"))]
            found.append(
                Case(
                    f"config:{cfg_name}|{form}",
                    list(argv),
                    setups,
                    env={"JOURNEYMAP_PIPE_WAIT": "1"},
                )
            )
    # 7. nearest journeymap.toml / pyproject.toml hostile
    for cfg_name, content in CONFIGS.items():
        if content is None:
            continue
        for fname in ("journeymap.toml", "pyproject.toml"):
            body = (
                content
                if fname == "journeymap.toml"
                else content.replace("[lint", "[tool.journeymap.lint")
            )
            found.append(
                Case(
                    f"nearest:{fname}:{cfg_name}|lint",
                    ["lint", "in/j.yaml"],
                    [_write(f"in/{fname}", body)],
                )
            )
            found.append(
                Case(
                    f"nearest:{fname}:{cfg_name}|site",
                    ["site", "in/j.yaml", "-o", "out/site"],
                    [_write(f"in/{fname}", body)],
                    outputs=["out/site"],
                )
            )
    # 8. metrics import: hostile mapping and export
    for name, (map_text, csv_data) in METRICS_CASES.items():
        metric_setups: list[Setup] = []
        if map_text is not None:
            metric_setups.append(_write("in/survey.map.yaml", map_text))
        if csv_data is not None:
            metric_setups.append(_write("in/survey.csv", csv_data))
        for write in (False, True):
            argv = [*METRICS_IMPORT, "in/retrait.yaml"] + (["--write"] if write else [])
            found.append(
                Case(
                    f"metrics:{name}{'|write' if write else ''}",
                    argv,
                    list(metric_setups),
                    writes_inputs=write,
                )
            )
    # 8b. metrics import -: the export piped in (standard input read once, bounded)
    export = (SURVEYS / "qualtrics-retrait.csv").read_bytes()
    piped: dict[str, tuple[list[str], str | bytes]] = {
        "csv": (["-"], export),
        "utf16": (["-"], export.decode("utf-8-sig").encode("utf-16")),
        "xlsx": (["-"], (SURVEYS / "microsoft-forms-checkout.xlsx").read_bytes()),
        "garbage": (["-"], b"\x00\xff\xfe" * 1000),
        "empty": (["-"], b""),
        "devnull": (["-"], "devnull"),
        "closed": (["-"], "closed"),
        "map-too": (["-", "--map", "-"], export),
        "journey-too": (["-", "--journey", "-"], export),
    }
    for name, (head, feed) in piped.items():
        argv = ["metrics", "import", *head]
        if "--map" not in head:
            argv += ["--map", "in/survey.map.yaml"]
        found.append(
            Case(f"metrics-stdin:{name}", [*argv, "--journey", "in/retrait.yaml"], stdin=feed)
        )
    # 9. import: hostile sources
    for name, data in IMPORT_SOURCES.items():
        for ext in (".mmd", ".yaml"):
            found.append(
                Case(
                    f"import:{name}{ext}",
                    ["import", f"in/src{ext}", "-o", "out/imp/"],
                    [_write(f"in/src{ext}", data)],
                    outputs=["out/imp"],
                )
            )
    # 10. concurrency: two runs writing the same output
    for form, (argv, ext) in OUTPUT_FORMS.items():
        if form == "site-o":
            continue
        found.append(
            Case(
                f"concurrent|{form}",
                ["__concurrent__", *_fill(argv, OUT=f"out/same{ext}")],
                outputs=[f"out/same{ext}"],
            )
        )
    # 11. diff with git revisions in a hostile repository
    for name, argv, setups in GIT_CASES:
        found.append(Case(f"git:{name}", argv, setups, cwd="in/repo"))
    # 12. site --serve stopped by signals
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        found.append(
            Case(
                f"serve:{signal.Signals(signum).name}",
                ["site", "in/more", "-o", "out/site", "--serve", "--port", "0"],
                kill_after=4.0,
                kill_signal=signum,
                allowed=frozenset({128 + signum}),
            )
        )
    found.append(
        Case(
            "serve:port-in-use",
            ["site", "in/more", "-o", "out/site", "--serve", "--port", "{BUSYPORT}"],
        )
    )
    found.append(
        Case(
            "serve:port-privileged-or-bad",
            ["site", "in/more", "-o", "out/site", "--serve", "--port", "99999"],
        )
    )
    return found


_EXPENSIVE_TEXTS = {
    "empty",
    "nul-bytes",
    "crlf",
    "cr-only",
    "metric-1e999",
    "metric-nan",
    "metric-inf",
    "metric-huge-int",
    "python-object",
    "merge-self-alias",
    "alias-bomb",
    "deep-flow",
    "control-chars",
    "bidi",
    "multi-document",
    "huge-id",
    "emoji-ids",
    "newline-in-id",
    "one-mb-line-in-text",
    "lone-surrogate-escape",
    "escaped-controls",
    "title-int",
    "key-int",
}


def _form_outputs(argv: list[str]) -> list[str]:
    outs = []
    for flag in ("-o", "--output"):
        if flag in argv:
            value = argv[argv.index(flag) + 1]
            if value != "-":
                outs.append(value)
    return outs


STREAM_FORMS: dict[str, list[str]] = {
    "validate": ["validate", "in/more"],
    "validate-json": ["validate", "-f", "json", "in/more"],
    "lint": ["lint", "in/more"],
    "lint-sarif": ["lint", "-f", "sarif", "in/more"],
    "matrix": ["matrix", "in/more"],
    "matrix-md": ["matrix", "-f", "markdown", "in/more"],
    "matrix-csv": ["matrix", "-f", "csv", "in/more"],
    "matrix-json": ["matrix", "-f", "json", "in/more"],
    "render-dot": ["render", "in/j.yaml", "-o", "-", "-f", "dot"],
    "render-mmd": ["render", "in/j.yaml", "-o", "-", "-f", "mmd"],
    "render-svg": ["render", "in/j.yaml", "-o", "-", "-f", "svg"],
    "render-png": ["render", "in/j.yaml", "-o", "-", "-f", "png"],
    "diff": ["diff", "in/retrait.yaml", "in/changed.yaml"],
    "diff-md": [
        "diff",
        "-f",
        "markdown",
        "in/more/meubles-magasin.yaml",
        "in/more/meubles-web-retrait.yaml",
    ],
    "diff-svg": [
        "diff",
        "-f",
        "svg",
        "-o",
        "-",
        "in/more/meubles-magasin.yaml",
        "in/more/meubles-web-retrait.yaml",
    ],
    "rules": ["rules"],
    "rules-md": ["rules", "-f", "markdown"],
    "rule-one": ["rules", "JM402"],
    "schema": ["schema"],
    "schema-md": ["schema", "-f", "markdown"],
    "metrics-schema": ["metrics", "schema"],
    "metrics-plan": ["metrics", "plan", "in/more"],
    "metrics-plan-csv": ["metrics", "plan", "-f", "csv", "in/more"],
    "metrics-import": [*METRICS_IMPORT, "in/retrait.yaml"],
    "import": ["import", "in/shop.mmd"],
    "import-ems": ["import", "in/ems.yaml"],
    "site": ["site", "in/more", "-o", "out/site"],
    "help": ["--help"],
    "version": ["--version"],
    "lint-help": ["lint", "--help"],
    "bad-option": ["lint", "--nope", "in/j.yaml"],
    "no-args": [],
}

ENV_FORMS = {
    "validate",
    "lint-sarif",
    "matrix",
    "matrix-json",
    "render-svg",
    "render-png",
    "diff",
    "metrics-import",
    "site",
    "rules",
    "import",
}

QUIET_FORMS = {"site", "render-svg-file"}

ENVIRONMENTS: dict[str, dict[str, str | None]] = {
    "LANG=C": {"LANG": "C", "LC_ALL": None},
    "LC_ALL=POSIX": {"LC_ALL": "POSIX"},
    "LC_ALL=tr_TR": {"LC_ALL": "tr_TR.UTF-8"},
    "PYTHONIOENCODING=bogus": {"PYTHONIOENCODING": "bogus-encoding"},
    "PYTHONIOENCODING=utf-16": {"PYTHONIOENCODING": "utf-16"},
    "PYTHONIOENCODING=ascii:strict": {"PYTHONIOENCODING": "ascii:strict"},
    "PYTHONIOENCODING=:bogus": {"PYTHONIOENCODING": ":bogus-errors"},
    "HOME-unset": {"HOME": None},
    "HOME-nonexistent": {"HOME": "/nonexistent/home"},
    "HOME-file": {"HOME": "/etc/passwd"},
    "TERM=dumb": {"TERM": "dumb"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1", "NO_COLOR": None},
    "COLUMNS=0": {"COLUMNS": "0"},
    "COLUMNS=1": {"COLUMNS": "1"},
    "COLUMNS=100000": {"COLUMNS": "100000"},
    "COLUMNS=-5": {"COLUMNS": "-5"},
    "COLUMNS=abc": {"COLUMNS": "abc"},
    "LINES=0": {"LINES": "0"},
    "TMPDIR-missing": {"TMPDIR": "/nonexistent/tmp"},
    "TMPDIR-file": {"TMPDIR": "/etc/passwd"},
    "PATH-empty": {"PATH": ""},
    "JOURNEYMAP_DOT-bogus": {"JOURNEYMAP_DOT": "/nonexistent/dot"},
    "JOURNEYMAP_DOT-false": {"JOURNEYMAP_DOT": "/bin/false"},
    "JOURNEYMAP_DOT-true": {"JOURNEYMAP_DOT": "/bin/true"},
    "JOURNEYMAP_DOT-dir": {"JOURNEYMAP_DOT": "/tmp"},
    "JOURNEYMAP_MAX_BYTES-0": {"JOURNEYMAP_MAX_BYTES": "0"},
    "JOURNEYMAP_MAX_BYTES-neg": {"JOURNEYMAP_MAX_BYTES": "-1"},
    "JOURNEYMAP_PIPE_WAIT-neg": {"JOURNEYMAP_PIPE_WAIT": "-1"},
    "JOURNEYMAP_PIPE_WAIT-nan": {"JOURNEYMAP_PIPE_WAIT": "nan"},
    "JOURNEYMAP_PIPE_WAIT-inf": {"JOURNEYMAP_PIPE_WAIT": "inf"},
    "JOURNEYMAP_TODAY-bogus": {"JOURNEYMAP_TODAY": "yesterday"},
    "JOURNEYMAP_TODAY-feb30": {"JOURNEYMAP_TODAY": "2026-02-30"},
    "GITHUB_ACTIONS": {"GITHUB_ACTIONS": "true"},
    "PYTHONWARNINGS=error": {"PYTHONWARNINGS": "error"},
    "PYTHONHASHSEED=1": {"PYTHONHASHSEED": "1"},
    "JOURNEYMAP_QUICK=garbage": {"JOURNEYMAP_QUICK": "garbage"},
}

SIGNAL_FORMS: dict[str, list[str]] = {
    "validate-j2": ["validate", "-j", "2", "in/batch"],
    "lint-j2": ["lint", "-j", "2", "in/batch"],
    "lint-j2-o": ["lint", "-j", "2", "in/batch", "-o", "out/report.txt"],
    "matrix-j2-json-o": ["matrix", "-f", "json", "in/batch", "-o", "out/m.json"],
    "render-j2-svg": ["render", "-j", "2", "in/batch", "-o", "out/maps/", "-f", "svg"],
    "render-j2-png": ["render", "-j", "2", "in/batch", "-o", "out/maps/", "-f", "png"],
    "site-j2": ["site", "-j", "2", "in/batch", "-o", "out/site"],
    "diff-j2": ["diff", "-j", "2", "in/more", "in/batch"],
    "metrics-plan": ["metrics", "plan", "in/batch", "-o", "out/plan.md"],
}

CONFIGS: dict[str, str | None] = {
    "empty": "",
    "not-toml": "this is = = not toml [[[\n",
    "nul": "[lint]\x00\n",
    "latin1": None,
    "deep": "[lint]\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "huge-threshold": "[lint.thresholds]\nmax-stages = 99999999999999999999999999\n",
    "float-threshold": "[lint.thresholds]\nmax-stages = 1e999\n",
    "nan-threshold": "[lint.thresholds]\npoor-csat = nan\n",
    "neg-threshold": "[lint.thresholds]\nmax-stages = -1\n",
    "bool-threshold": "[lint.thresholds]\nmax-stages = true\n",
    "string-ignore": '[lint]\nignore = "JM104"\n',
    "unknown-rule": '[lint]\nignore = ["JM999"]\n',
    "severity-bogus": '[lint.severity]\ncompany-voice = "fatal"\n',
    "fail-on-bogus": "[lint]\nfail-on = 3\n",
    "datetime": "[lint]\nfail-on = 1979-05-27T07:32:00Z\n",
    "internal-words-map": "[lint.internal-words]\nfr = {a = 1}\n",
    "unknown-lang": '[lint.internal-words]\nxx = ["a"]\n',
    "empty-word": '[lint.internal-words]\nfr = [""]\n',
    "huge-word-list": "[lint.internal-words]\nfr = ["
    + ",".join(f'"w{i}"' for i in range(50000))
    + "]\n",
    "regex-word": '[lint.internal-words]\nfr = ["(a+)+$", "[", "\\\\"]\n',
    "unreadable": "",
    "dir": None,
    "fifo": None,
    "missing": None,
}

CONFIG_FORMS: dict[str, list[str]] = {
    "lint": ["lint", "-c", "in/cfg.toml", "in/j.yaml"],
    "lint-quick0": ["lint", "-c", "in/cfg.toml", "in/j.yaml"],
    "site": ["site", "-c", "in/cfg.toml", "in/j.yaml", "-o", "out/site"],
    "diff": ["diff", "-c", "in/cfg.toml", "in/retrait.yaml", "in/j.yaml"],
}

_MAP = (SURVEYS / "qualtrics-retrait.map.yaml").read_text(encoding="utf-8")
_CSV = (SURVEYS / "qualtrics-retrait.csv").read_bytes()

METRICS_CASES: dict[str, tuple[str | bytes | None, str | bytes | None]] = {
    "csv-empty": (None, b""),
    "csv-nul": (None, _CSV + b"\x00\x00\x00"),
    "csv-one-mb-cell": (None, _CSV.replace(b"Lyon", b"L" * 1_000_000, 1)),
    "csv-cr-only": (None, _CSV.replace(b"\n", b"\r")),
    "csv-crlf": (None, _CSV.replace(b"\n", b"\r\n")),
    "csv-utf16-bom": (None, b"\xff\xfe" + _CSV.decode("utf-8").encode("utf-16-le")),
    "csv-utf32": (None, _CSV.decode("utf-8").encode("utf-32")),
    "csv-lone-surrogate": (None, _CSV + b"\xed\xa0\x80\n"),
    "csv-only-header": (None, _CSV.split(b"\n")[0] + b"\n"),
    "csv-huge-number": (None, _CSV.replace(b",10,5,7,Lyon", b"," + b"9" * 5000 + b",5,7,Lyon", 1)),
    "csv-nan": (None, _CSV.replace(b",10,5,7,Lyon", b",nan,inf,-inf,Lyon", 1)),
    "csv-1e999": (None, _CSV.replace(b",10,5,7,Lyon", b",1e999,1e-999,7,Lyon", 1)),
    "csv-million-columns": (None, _CSV.split(b"\n")[0] + b"," * 200_000 + b"\n"),
    "csv-is-xlsx-named-csv": (None, (SURVEYS / "microsoft-forms-checkout.xlsx").read_bytes()),
    "csv-zip-bomb-ish": (None, b"PK\x03\x04" + b"\x00" * 100),
    "map-empty": ("", None),
    "map-not-mapping": ("- a\n- b\n", None),
    "map-python-tag": ("!!python/object/apply:os.system ['true']\n", None),
    "map-norway": (_MAP.replace("source:", "format: no\nsource:", 1), None),
    "map-date-period": (_MAP.replace("source:", "period: 2026-13-45\nsource:", 1), None),
    "map-min-n-inf": (_MAP.replace("min-n: 10", "min-n: .inf"), None),
    "map-min-n-nan": (_MAP.replace("min-n: 10", "min-n: .nan"), None),
    "map-min-n-huge": (_MAP.replace("min-n: 10", "min-n: " + "9" * 5000), None),
    "map-from-after-to": (_MAP.replace("from: 2026-07-01", "from: 2027-07-01"), None),
    "map-from-int": (_MAP.replace("from: 2026-07-01", "from: 20260701"), None),
    "map-scale-reversed": (_MAP.replace("csat: QID2", "csat: {column: QID2, scale: [5, 1]}"), None),
    "map-scale-same": (_MAP.replace("csat: QID2", "csat: {column: QID2, scale: [3, 3]}"), None),
    "map-scale-inf": (_MAP.replace("csat: QID2", "csat: {column: QID2, scale: [1, .inf]}"), None),
    "map-labels-weird": (
        _MAP.replace("csat: QID2", "csat: {column: QID2, labels: {.nan: 5, ~: 1}}"),
        None,
    ),
    "map-column-empty": (_MAP.replace("nps: Q1", "nps: ''"), None),
    "map-column-int": (_MAP.replace("nps: Q1", "nps: 1"), None),
    "map-journeys-abs": (_MAP + "journeys: [/etc/passwd]\n", None),
    "map-journeys-dir": (_MAP + "journeys: [/]\n", None),
    "map-encoding-bogus": (_MAP + "encoding: rot13\n", None),
    "map-encoding-utf7": (_MAP + "encoding: utf-7\n", None),
    "map-encoding-idna": (_MAP + "encoding: idna\n", None),
    "map-separator-long": (_MAP + "separator: ',,'\n", None),
    "map-separator-newline": (_MAP + 'separator: "\\n"\n', None),
    "map-separator-quote": (_MAP + "separator: '\"'\n", None),
    "map-separator-empty": (_MAP + "separator: ''\n", None),
    "map-date-order-bogus": (_MAP + "date-order: ymd\n", None),
    "map-where-regex": (_MAP.replace("equals: Lyon", "equals: [a, [b]]"), None),
    "map-merge": ("base: &b {nps: Q1}\n" + _MAP.replace("nps: Q1", "<<: *b"), None),
    "map-anchor-shared": (_MAP.replace("nps: Q1", "nps: &n Q1\n    csat2: *n"), None),
    "map-crlf": (_MAP.replace("\n", "\r\n"), None),
    "map-bom": ("\ufeff" + _MAP, None),
}

_MMD = (IMPORTS / "mermaid" / "cypress-go-shopping.mmd").read_text(encoding="utf-8")

IMPORT_SOURCES: dict[str, str | bytes] = {
    "empty": b"",
    "nul": _MMD.encode() + b"\x00",
    "journey-no-tasks": "journey\n  title T\n",
    "journey-only": "journey\n",
    "section-no-title": "journey\n  section\n    a: 3: me\n",
    "score-huge": "journey\n  title T\n  section S\n    Task: " + "9" * 5000 + ": me\n",
    "score-nan": "journey\n  title T\n  section S\n    Task: nan: me\n",
    "score-neg": "journey\n  title T\n  section S\n    Task: -1e999: me\n",
    "task-1mb": "journey\n  title T\n  section S\n    " + "t" * 1_000_000 + ": 3: me\n",
    "title-newlines-cr": "journey\r  title T\r  section S\r    a: 3: me\r",
    "crlf": _MMD.replace("\n", "\r\n"),
    "front-matter-bomb": "---\na: &a [1,1,1,1,1,1,1,1,1,1]\n"
    + "".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcd", "bcde", strict=True)
    )
    + "---\n"
    + _MMD,
    "front-matter-python": "---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + _MMD,
    "front-matter-unclosed": "---\ntitle: x\n" + _MMD,
    "front-matter-list": "---\n- a\n---\n" + _MMD,
    "init-json-broken": "%%{init: {'theme': }%%\n" + _MMD,
    "init-deep": "%%{init: " + "{'a':" * 2000 + "1" + "}" * 2000 + "}%%\n" + _MMD,
    "thousand-sections": "journey\n  title T\n"
    + "".join(f"  section S{i}\n    t{i}: 3: me\n" for i in range(3000)),
    "same-task-ids": "journey\n  title T\n  section S\n" + "    a: 3: me\n" * 500,
    "title-id-empty": "journey\n  title !!!\n  section S\n    a: 3: me\n",
    "ems-empty-map": "{}\n",
    "ems-list": "- 1\n",
    "ems-deep": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "ems-python": "!!python/object/apply:os.system ['true']\n",
    "ems-huge-keys": "".join(f"k{i}: {i}\n" for i in range(20000)),
    "latin1": _MMD.encode("utf-8").replace(b"o", b"\xf6"),
    "utf16": _MMD.encode("utf-16"),
}


def _git_repo(box: Path) -> None:
    repo = box / "in" / "repo"
    repo.mkdir(parents=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (repo / "j.yaml").write_text(JOURNEY, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "one")
    (repo / "j.yaml").write_text(JOURNEY.replace("csat: 86", "csat: 40", 1), encoding="utf-8")
    (repo / "bad.yaml").write_bytes(b"journeymap: 1\n\x00")
    git("add", ".")
    git("commit", "-qm", "two")


def _git_then(action: Callable[[Path], object]) -> list[Setup]:
    return [_do(_git_repo), _do(action)]


GIT_CASES: list[tuple[str, list[str], list[Setup]]] = [
    ("head", ["diff", "HEAD"], [_do(_git_repo)]),
    ("range", ["diff", "HEAD~1..HEAD"], [_do(_git_repo)]),
    ("range-json", ["diff", "-f", "json", "HEAD~1..HEAD"], [_do(_git_repo)]),
    ("three-dots", ["diff", "HEAD~1...HEAD"], [_do(_git_repo)]),
    ("unknown-rev", ["diff", "nosuchrev"], [_do(_git_repo)]),
    ("rev-with-dash", ["diff", "--", "-x"], [_do(_git_repo)]),
    ("rev-injection", ["diff", "--output=/tmp/pwn..HEAD"], [_do(_git_repo)]),
    ("rev-upload-pack", ["diff", "--upload-pack=touch /tmp/pwn"], [_do(_git_repo)]),
    ("rev-empty-range", ["diff", ".."], [_do(_git_repo)]),
    ("rev-newline", ["diff", "HEAD\n..HEAD"], [_do(_git_repo)]),
    ("rev-long", ["diff", "a" * 5000], [_do(_git_repo)]),
    ("outside-repo-path", ["diff", "HEAD", "/etc"], [_do(_git_repo)]),
    (
        "git-dir-broken",
        ["diff", "HEAD"],
        _git_then(lambda box: (box / "in/repo/.git/HEAD").write_text("garbage\n")),
    ),
    (
        "git-index-locked",
        ["diff", "HEAD"],
        _git_then(lambda box: (box / "in/repo/.git/index.lock").write_text("")),
    ),
    ("not-a-repo", ["diff", "HEAD"], [_do(lambda box: (box / "in/repo").mkdir(parents=True))]),
    (
        "git-empty-repo",
        ["diff", "HEAD"],
        [_do(lambda box: subprocess.run(["git", "init", "-q", str(box / "in/repo")], check=True))],
    ),
    (
        "worktree-deleted-file",
        ["diff", "HEAD"],
        _git_then(lambda box: (box / "in/repo/j.yaml").unlink()),
    ),
    ("worktree-fifo", ["diff", "HEAD"], _git_then(lambda box: os.mkfifo(box / "in/repo/f.yaml"))),
    (
        "worktree-link-loop",
        ["diff", "HEAD"],
        _git_then(lambda box: (box / "in/repo/l.yaml").symlink_to("l.yaml")),
    ),
]


# --- more places, writers and surroundings -----------------------------------------------


def _fifo(rel: str) -> Setup:
    return _do(lambda box: os.mkfifo(box / rel))


def _hard_link(target: str, rel: str) -> Setup:
    return _do(lambda box: os.link(box / target, box / rel))


def _script(rel: str, body: str) -> Setup:
    def make(box: Path) -> None:
        path = box / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
        path.chmod(0o755)

    return make


MORE_PLACES: dict[str, tuple[str, list[Setup]]] = {
    "fifo": ("in/f.yaml", [_fifo("in/f.yaml")]),
    "dev-zero": ("/dev/zero", []),
    "dev-urandom": ("/dev/urandom", []),
    "dev-stdin": ("/dev/stdin", []),
    "proc-fd-0": ("/proc/self/fd/0", []),
    "proc-maps": ("/proc/self/maps", []),
    "proc-big": ("/proc/kallsyms", []),
    "sys-file": ("/sys/kernel/mm/transparent_hugepage/enabled", []),
    "spaces-name": ("in/a b .yaml", [_write("in/a b .yaml", JOURNEY)]),
    "nfd-name": ("in/e\u0301te\u0301.yaml", [_write("in/e\u0301te\u0301.yaml", JOURNEY)]),
    "nfc-arg-nfd-file": ("in/\u00e9t\u00e9.yaml", [_write("in/e\u0301te\u0301.yaml", JOURNEY)]),
    "dashdash-name": ("in/--help", [_write("in/--help", JOURNEY)]),
    "glob-chars-name": ("in/[a]*?.yaml", [_write("in/[a]*?.yaml", JOURNEY)]),
    "dir-as-file": ("in/more/", []),
    "trailing-slash-file": ("in/j.yaml/", []),
    "dot-dot": ("in/more/../j.yaml", []),
    "link-to-dev-zero": ("in/z.yaml", [_symlink("in/z.yaml", "/dev/zero")]),
    "link-to-fifo": ("in/lf.yaml", [_fifo("in/f.yaml"), _symlink("in/lf.yaml", "f.yaml")]),
    "dir-with-fifo": ("in/d", [_write("in/d/a.yaml", JOURNEY), _fifo("in/d/f.yaml")]),
    "dir-with-dev-link": (
        "in/d",
        [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/z.yaml", "/dev/zero")],
    ),
    "dir-with-dangling": ("in/d", [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/g.yaml", "x")]),
    "dir-with-subdir-yaml": ("in/d", [_write("in/d/a.yaml", JOURNEY), _write("in/d/s.yaml/b", "")]),
    "dir-with-empty-file": ("in/d", [_write("in/d/a.yaml", JOURNEY), _write("in/d/e.yaml", b"")]),
    "dir-with-binary": ("in/d", [_write("in/d/a.yaml", JOURNEY), _write("in/d/b.yml", b"\0" * 9)]),
    "hidden-dir": ("in/.hidden", [_write("in/.hidden/a.yaml", JOURNEY)]),
}

WITHOUT_DAC = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")
"""Root, as the sweep often runs, reads and writes whatever the modes say: the CLI runs
without those two capabilities, so a file of mode 0 or a read-only folder is refused."""

AS_NOBODY: dict[str, tuple[str, list[Setup]]] = {
    "file-unreadable": (
        "in/locked.yaml",
        [_write("in/locked.yaml", JOURNEY), _unreadable("in/locked.yaml")],
    ),
    "dir-unreadable": (
        "in/locked",
        [_write("in/locked/a.yaml", JOURNEY), _unreadable("in/locked")],
    ),
    "file-in-dir-unreadable": (
        "in/locked/a.yaml",
        [_write("in/locked/a.yaml", JOURNEY), _unreadable("in/locked")],
    ),
    "dir-no-exec": (
        "in/noexec",
        [_write("in/noexec/a.yaml", JOURNEY), _do(lambda box: (box / "in/noexec").chmod(0o444))],
    ),
    "dir-with-one-unreadable": (
        "in/d",
        [
            _write("in/d/a.yaml", JOURNEY),
            _write("in/d/b.yaml", JOURNEY),
            _unreadable("in/d/b.yaml"),
        ],
    ),
}

# Forms that read a journey through other commands' arguments: {IN} as the source.
MORE_INPUT_FORMS: dict[str, list[str]] = {
    "validate": ["validate", "{IN}"],
    "lint-sarif": ["lint", "-f", "sarif", "{IN}"],
    "matrix-csv": ["matrix", "-f", "csv", "{IN}"],
    "render-mmd-dir": ["render", "{IN}", "-o", "out/maps/", "-f", "mmd"],
    "render-pdf": ["render", "{IN}", "-o", "out/x.pdf"],
    "diff-right": ["diff", "in/j.yaml", "{IN}"],
    "diff-left-md": ["diff", "-f", "markdown", "{IN}", "in/j.yaml"],
    "site": ["site", "{IN}", "-o", "out/site"],
    "metrics-plan": ["metrics", "plan", "{IN}"],
    "metrics-import-journey": [*METRICS_IMPORT, "{IN}"],
    "metrics-import-csv": ["metrics", "import", "{IN}", "--map", "in/survey.map.yaml"],
    "metrics-import-map": ["metrics", "import", "in/survey.csv", "--map", "{IN}"],
    "import": ["import", "{IN}"],
    "import-o": ["import", "{IN}", "-o", "out/imp/"],
    "lint-config": ["lint", "-c", "{IN}", "in/j.yaml"],
}

CHEAP_MORE_FORMS = (
    "validate",
    "matrix-csv",
    "diff-right",
    "metrics-plan",
    "metrics-import-csv",
    "metrics-import-map",
    "import",
    "lint-config",
)

# Writers with an output path {OUT}, and the extension it should have.
MORE_OUTPUT_FORMS: dict[str, tuple[list[str], str]] = {
    "validate-json-o": (["validate", "-f", "json", "in/j.yaml", "-o", "{OUT}"], ".json"),
    "matrix-csv-o": (["matrix", "-f", "csv", "in/j.yaml", "-o", "{OUT}"], ".csv"),
    "matrix-md-o": (["matrix", "-f", "markdown", "in/more", "-o", "{OUT}"], ".md"),
    "render-pdf-o": (["render", "in/j.yaml", "-o", "{OUT}", "-f", "pdf"], ".pdf"),
    "render-compare-svg-o": (["render", "in/more", "-o", "{OUT}", "-f", "svg"], ".svg"),
    "diff-json-o": (
        ["diff", "-f", "json", "in/retrait.yaml", "in/changed.yaml", "-o", "{OUT}"],
        ".json",
    ),
    "diff-md-o": (
        ["diff", "-f", "markdown", "in/retrait.yaml", "in/changed.yaml", "-o", "{OUT}"],
        ".md",
    ),
    "diff-png-o": (
        ["diff", "-f", "png", "in/retrait.yaml", "in/changed.yaml", "-o", "{OUT}"],
        ".png",
    ),
    "metrics-plan-csv-o": (["metrics", "plan", "-f", "csv", "in/j.yaml", "-o", "{OUT}"], ".csv"),
    "import-yaml-o": (["import", "in/shop.mmd", "-o", "{OUT}"], ".yaml"),
}

MORE_OUTPUT_PLACES: dict[str, tuple[str, list[Setup]]] = {
    "fifo-no-reader": ("out/p{ext}", [_fifo("out/p{ext}")]),
    "link-to-dev-null": ("out/n{ext}", [_symlink("out/n{ext}", "/dev/null")]),
    "link-to-dir": (
        "out/ld{ext}",
        [_do(lambda box: (box / "out/realdir").mkdir()), _symlink("out/ld{ext}", "realdir")],
    ),
    "link-to-missing-dir-link": ("out/sub/x{ext}", [_symlink("out/sub", "nowhere")]),
    "dot-name": ("out/.{ext}", []),
    "upper-ext": ("out/X{ext_upper}", []),
    "double-ext": ("out/x{ext}.bak", []),
    "no-ext": ("out/noext", []),
    "dev-zero": ("/dev/zero", []),
    "proc-file": ("/proc/self/status", []),
    "input-dir": ("in", []),
    "dash-name": ("out/-x{ext}", []),
    "spaces-name": ("out/ a {ext}", []),
    "hard-link-to-input": ("out/h{ext}", []),  # made in `more_cases`, the name known
}


def _place(path: str, ext: str) -> str:
    return path.replace("{ext_upper}", ext.upper()).replace("{ext}", ext)


FAKE_DOTS: dict[str, str] = {
    "hangs": "sleep 600",
    "hangs-after-reading": "cat > /dev/null; sleep 600",
    "child-keeps-stdout": "cat > /dev/null; (sleep 600 &) ; echo '<svg></svg>'",
    "crashes": "cat > /dev/null; kill -SEGV $$",
    "garbage": "cat > /dev/null; head -c 3000 /dev/urandom",
    "garbage-text": "cat > /dev/null; echo 'this is not an image'",
    "exit-3-loud": "cat > /dev/null; yes 'dot: error' | head -n 100000 >&2; exit 3",
    "exit-0-silent": "cat > /dev/null; exit 0",
    "exit-1-binary-err": "cat > /dev/null; printf '\\377\\376\\033[2J\\n' >&2; exit 1",
    "reads-nothing": "echo '<svg></svg>'",
    "huge-output": "cat > /dev/null; head -c 300000000 /dev/zero",
    "bad-shebang": None,  # type: ignore[dict-item]
    "not-executable": None,  # type: ignore[dict-item]
}

DOT_FORMS: dict[str, list[str]] = {
    "render-svg": ["render", "in/j.yaml", "-o", "out/x.svg"],
    "render-png-stdout": ["render", "in/j.yaml", "-o", "-", "-f", "png"],
    "render-pdf-v": ["render", "-v", "in/j.yaml", "-o", "out/x.pdf"],
    "render-dir-j2": ["render", "-j", "2", "in/more", "-o", "out/maps/"],
    "diff-svg": ["diff", "-f", "svg", "in/retrait.yaml", "in/changed.yaml", "-o", "out/d.svg"],
    "site": ["site", "in/more", "-o", "out/site"],
}


def _fake_dot(name: str) -> list[Setup]:
    body = FAKE_DOTS[name]
    if name == "bad-shebang":
        return [
            _write("bin/dot", "#!/nonexistent/sh\necho hi\n"),
            _do(lambda box: (box / "bin/dot").chmod(0o755)),
        ]
    if name == "not-executable":
        return [_write("bin/dot", "#!/bin/sh\necho hi\n")]
    return [_script("bin/dot", body)]


def more_cases() -> list[Case]:
    found: list[Case] = []
    for place, (path, setups) in MORE_PLACES.items():
        for form, argv in MORE_INPUT_FORMS.items():
            if form not in CHEAP_MORE_FORMS and place not in (
                "fifo",
                "dev-zero",
                "dir-with-fifo",
                "link-to-fifo",
                "dev-stdin",
            ):
                continue
            found.append(
                Case(
                    f"place:{place}|{form}",
                    _fill(argv, IN=path),
                    list(setups),
                    outputs=_form_outputs(argv),
                    env={"JOURNEYMAP_PIPE_WAIT": "1"},
                    stdin=b"" if place in ("dev-stdin", "proc-fd-0") else "devnull",
                )
            )
    for place, (path, setups) in AS_NOBODY.items():
        for form, argv in MORE_INPUT_FORMS.items():
            found.append(
                Case(
                    f"nobody:{place}|{form}",
                    _fill(argv, IN=path),
                    list(setups),
                    outputs=_form_outputs(argv),
                    unprivileged=True,
                )
            )
    all_writers = {**OUTPUT_FORMS, **MORE_OUTPUT_FORMS}
    for form, (argv, ext) in all_writers.items():
        places = dict(MORE_OUTPUT_PLACES)
        for place, (raw, raw_setups) in places.items():
            path = _place(raw, ext)
            made: list[Setup] = list(raw_setups)
            if place == "fifo-no-reader":
                made = [_fifo(path)]
            elif place == "link-to-dev-null":
                made = [_symlink(path, "/dev/null")]
            elif place == "link-to-dir":
                made = [_do(lambda box: (box / "out/realdir").mkdir()), _symlink(path, "realdir")]
            elif place == "hard-link-to-input":  # the journey under a second name
                made = [_hard_link("in/j.yaml", path)]
            found.append(
                Case(
                    f"out:{place}|{form}",
                    _fill(argv, OUT=path),
                    made,
                    outputs=[path],
                    # `-o in`: a folder output, the files written beside the inputs (which
                    # must stay as they were)
                    adds_to_inputs=place == "input-dir",
                )
            )
        # a full disk: every write past 2 KB fails (EFBIG), the output must not stay half-written
        path = f"out/big{ext}"
        found.append(
            Case(f"out:fsize-2k|{form}", _fill(argv, OUT=path), [], outputs=[path], fsize=2048)
        )
        found.append(
            Case(
                f"out:fsize-2k-existing|{form}",
                _fill(argv, OUT=path),
                [_write(path, "OLD")],
                outputs=[path],
                fsize=2048,
            )
        )
        if "site" not in form:
            found.append(
                Case(
                    f"nobody-out:read-only-dir|{form}",
                    _fill(argv, OUT=f"out/ro/x{ext}"),
                    [
                        _do(lambda box: (box / "out/ro").mkdir()),
                        _do(lambda box: (box / "out/ro").chmod(0o555)),
                    ],
                    outputs=[f"out/ro/x{ext}"],
                    unprivileged=True,
                )
            )
    # standard output redirected to a file on a full disk
    for form, argv in STREAM_FORMS.items():
        found.append(Case(f"stdout:file-fsize-1k|{form}", list(argv), stdout="file", fsize=1024))
    # a dot that misbehaves, first on PATH
    for dot in FAKE_DOTS:
        for form, argv in DOT_FORMS.items():
            found.append(
                Case(
                    f"dot:{dot}|{form}",
                    list(argv),
                    _fake_dot(dot),
                    # the layout timeout under the case's, so that it is what is tried
                    env={"PATH": "{BOX}/bin:/usr/bin:/bin", "JOURNEYMAP_DOT_TIMEOUT": "15"},
                    outputs=_form_outputs(argv),
                    timeout=60.0,
                )
            )
    # surroundings not yet tried
    env_more: dict[str, dict[str, str | None]] = {
        "LANG=C-nonascii": {
            "LANG": "C",
            "LC_ALL": "C",
            "PYTHONUTF8": "0",
            "PYTHONIOENCODING": None,
        },
        "LC_ALL=POSIX-nonascii": {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONIOENCODING": None},
        "PYTHONUTF8=1": {"PYTHONUTF8": "1"},
        "TMPDIR-unwritable": {"TMPDIR": "/proc"},
        "TMPDIR-relative": {"TMPDIR": "relative-tmp"},
        "HOME-unset-USER-unset": {"HOME": None, "USER": None, "LOGNAME": None},
        "PATH-unset": {"PATH": None},
        "PATH-no-dot": {"PATH": "/nonexistent"},
        "PYTHONPATH-junk": {"PYTHONPATH": "/nonexistent:{BOX}"},
        "TERM-unset": {"TERM": None},
        "TERM=xterm-256color": {"TERM": "xterm-256color", "NO_COLOR": None},
        "COLUMNS=2**64": {"COLUMNS": "18446744073709551616"},
        "LINES=huge": {"LINES": "99999999999999999999"},
        "SOURCE_DATE_EPOCH-bogus": {"SOURCE_DATE_EPOCH": "never"},
        "JOURNEYMAP_MAX_BYTES-huge": {"JOURNEYMAP_MAX_BYTES": "999999999999999999999G"},
        "JOURNEYMAP_MAX_BYTES-1": {"JOURNEYMAP_MAX_BYTES": "1"},
        "JOURNEYMAP_JOBS-bogus": {"JOURNEYMAP_JOBS": "many"},
    }
    for env_name, env in env_more.items():
        for form in (
            "validate",
            "lint",
            "matrix",
            "render-svg",
            "render-png",
            "diff-md",
            "site",
            "import",
            "metrics-import",
            "schema",
        ):
            argv = STREAM_FORMS[form]
            found.append(Case(f"env:{env_name}|{form}", list(argv), env=dict(env), timeout=60.0))
    return found


# --- edges: the groups of tools/hostile_edges.py ---------------------------------------------

EDGE_TEXT_FORMS = ("validate", "render-dot")
EDGE_LINE_FORMS = ("validate", "lint-json-j1", "matrix-json")
EDGE_SELF_FORMS: dict[str, list[str]] = {
    "diff-itself": ["diff", "in/j.yaml", "in/j.yaml"],
    "diff-folder-itself": ["diff", "in/more", "in/more"],
    "lint-config-is-journey": ["lint", "-c", "in/j.yaml", "in/j.yaml"],
    "metrics-map-is-journey": [*METRICS_IMPORT[:4], "in/retrait.yaml", "-j", "in/retrait.yaml"],
    "metrics-csv-is-journey": ["metrics", "import", "in/retrait.yaml", "--map", "in/survey.csv"],
    "import-onto-input": ["import", "in/ems.yaml", "-o", "in/ems.yaml"],
    "render-into-input-folder": ["render", "in/more", "-o", "in/more/", "-f", "dot"],
    "site-into-input-folder": ["site", "in/more", "-o", "in/more"],
    "site-into-own-output": ["site", "out/site", "-o", "out/site"],
}
EDGE_WRITERS: dict[str, list[str]] = {
    "render-svg-o": ["render", "in/j.yaml", "-o", "out/x.svg"],
    "render-default-out": ["render", "../in/j.yaml", "-f", "dot"],
    "matrix-json-o": ["matrix", "-f", "json", "in/j.yaml", "-o", "out/m.json"],
    "site-o": ["site", "in/more", "-o", "out/site"],
    "import-o": ["import", "in/shop.mmd", "-o", "out/imp/"],
    "metrics-write": [*METRICS_IMPORT, "in/retrait.yaml", "--write"],
    "lint": ["lint", "in/more"],
}


def text_cases(group: str, table: Mapping[str, str | bytes], forms: Sequence[str]) -> list[Case]:
    """Each journey text of `table` as in/h.yaml, read by each input form of `forms`."""
    found = []
    for name, data in table.items():
        make = _journey_bytes(data) if isinstance(data, bytes) else _journey_text(data)
        for form in forms:
            argv = INPUT_FORMS[form]
            found.append(
                Case(
                    f"{group}:{name}|{form}",
                    _fill(argv, IN="in/h.yaml"),
                    [make],
                    outputs=_form_outputs(argv),
                )
            )
    return found


def edge_cases() -> list[Case]:
    import hostile_edges as edges

    found = text_cases("edge-tag", edges.tag_texts(_VALID), EDGE_TEXT_FORMS)
    found += text_cases("edge-merge", edges.merge_texts(_VALID), EDGE_TEXT_FORMS)
    found += text_cases("edge-dup", edges.duplicate_texts(_VALID), EDGE_TEXT_FORMS)
    found += text_cases("edge-bomb", edges.bomb_texts(_VALID), EDGE_TEXT_FORMS)
    found += text_cases("edge-lines", edges.line_texts(_VALID), EDGE_LINE_FORMS)
    found += text_cases(
        "edge-text", edges.more_texts(_VALID), (*EDGE_TEXT_FORMS, "render-svg", "matrix-json")
    )
    # odd places given as inputs
    bad_dir = os.fsdecode(b"in/d\xff")
    places: dict[str, tuple[str, list[Setup], str | bytes]] = {
        "tab-name": ("in/a\tb.yaml", [_write("in/a\tb.yaml", JOURNEY)], "devnull"),
        "cr-name": ("in/a\rb.yaml", [_write("in/a\rb.yaml", JOURNEY)], "devnull"),
        "escape-name": ("in/\x1b[2Ja.yaml", [_write("in/\x1b[2Ja.yaml", JOURNEY)], "devnull"),
        "invalid-utf8-dir": (bad_dir, [_write(bad_dir + "/a.yaml", JOURNEY)], "devnull"),
        "invalid-utf8-in-dir": (
            "in/d",
            [_write("in/d/a.yaml", JOURNEY), _write(os.fsdecode(b"in/d/\xfe.yaml"), b"x: [")],
            "devnull",
        ),
        "deep-1000": ("in/deep", [edges.deep_tree("in/deep", 1000, JOURNEY)], "devnull"),
        "deep-2500": ("in/deep", [edges.deep_tree("in/deep", 2500, JOURNEY)], "devnull"),
        "link-chain-loop": (
            "in/d",
            [
                _write("in/d/a.yaml", JOURNEY),
                _symlink("in/d/b.yaml", "c.yaml"),
                _symlink("in/d/c.yaml", "b.yaml"),
            ],
            "devnull",
        ),
        "dir-link-to-root": (
            "in/d",
            [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/root", "/")],
            "devnull",
        ),
        "dir-link-to-proc": (
            "in/d",
            [_write("in/d/a.yaml", JOURNEY), _symlink("in/d/proc.yaml", "/proc/self/status")],
            "devnull",
        ),
        "proc-self-dir": ("/proc/self/", [], "devnull"),
        "proc-cmdline": ("/proc/self/cmdline", [], "devnull"),
        "proc-fd-dir": ("/proc/self/fd", [], "devnull"),
        "sys-dir": ("/sys/kernel/mm", [], "devnull"),
        "dev-stdin-journey": ("/dev/stdin", [], JOURNEY.encode()),
        "dev-stdin-garbage": ("/dev/stdin", [], b"\x00\xff\xfe" * 1000),
        "dash-journey": ("-", [], JOURNEY.encode()),
        "dash-utf16": ("-", [], JOURNEY.encode("utf-16")),
        "dash-garbage": ("-", [], b"\x00\xff\xfe" * 1000),
    }
    for place, (path, setups, stdin) in places.items():
        for form in ("validate", "lint-sarif", "matrix-csv", "render-mmd-dir", "diff-right"):
            argv = MORE_INPUT_FORMS[form]
            found.append(
                Case(
                    f"edge-place:{place}|{form}",
                    _fill(argv, IN=path),
                    list(setups),
                    outputs=_form_outputs(argv),
                    stdin=stdin,
                    timeout=180.0,
                )
            )
    found.append(
        Case(
            "edge-place:files-100000|validate",
            ["validate", "in/many"],
            [edges.many_files("in/many", 100_000)],
            timeout=900.0,
        )
    )
    # a journey that names itself, commands given one file twice or their own output
    for form, argv in EDGE_SELF_FORMS.items():
        found.append(
            Case(
                f"edge-self:{form}",
                list(argv),
                outputs=_form_outputs(argv),
                adds_to_inputs=form.endswith("into-input-folder"),  # what `-o in/more/` asks
            )
        )
    # inputs changing while read
    valid = JOURNEY.encode()
    changes = {
        "rewritten": edges.rewriting("in/j.yaml", [valid, valid[: len(valid) // 2], b""]),
        "rewritten-invalid": edges.rewriting("in/j.yaml", [valid, b"journeymap: [\n"]),
        "growing": edges.growing("in/j.yaml"),
    }
    for change, during in changes.items():
        for form, argv in {
            "validate": ["validate", "in/j.yaml"],
            "lint-json": ["lint", "-f", "json", "in/j.yaml"],
            "render-svg": ["render", "in/j.yaml", "-o", "out/x.svg"],
            "matrix-json-o": ["matrix", "-f", "json", "in/j.yaml", "-o", "out/m.json"],
            "site": ["site", "in/j.yaml", "-o", "out/site"],
        }.items():
            found.append(
                Case(
                    f"edge-changing:{change}|{form}",
                    list(argv),
                    during=during,
                    writes_inputs=True,
                    outputs=_form_outputs(argv),
                )
            )
    # surroundings: umask, read-only working folder, stdout closed at once, terminals
    for form, argv in EDGE_WRITERS.items():
        cwd = "out" if form == "render-default-out" else "."
        for mask in (0o777, 0o077):
            for unprivileged in (False, True):
                who = "nobody" if unprivileged else "root"
                found.append(
                    Case(
                        f"edge-env:umask-{mask:03o}-{who}|{form}",
                        list(argv),
                        umask=mask,
                        unprivileged=unprivileged,
                        cwd=cwd,
                        writes_inputs=form == "metrics-write",
                        outputs=_form_outputs(argv),
                    )
                )
        ro = [_do(lambda box: (box / "ro").mkdir()), _do(lambda box: (box / "ro").chmod(0o555))]
        relative = [a.replace("in/", "../in/").replace("out/", "../out/") for a in argv]
        relative = [a.replace("../../in/", "../in/") for a in relative]
        found.append(
            Case(
                f"edge-env:read-only-cwd|{form}",
                relative,
                ro,
                cwd="ro",
                unprivileged=True,
                writes_inputs=form == "metrics-write",
            )
        )
        found.append(
            Case(
                f"edge-env:read-only-cwd-default-out|{form}",
                ["render", "../in/j.yaml", "-f", "svg"],
                ro,
                cwd="ro",
                unprivileged=True,
            )
        )
    for form, argv in STREAM_FORMS.items():
        found.append(
            Case(
                f"edge-env:stdout-closed-at-once|{form}",
                list(argv),
                stdout="head0",
                allowed=frozenset({0, 1, 2, 141}),
            )
        )
    terminals: dict[str, dict[str, str | None]] = {
        "TERM=dumb-FORCE_COLOR": {"TERM": "dumb", "FORCE_COLOR": "1", "NO_COLOR": None},
        "NO_COLOR-empty": {"NO_COLOR": ""},
        "COLUMNS=999999999": {"COLUMNS": "999999999"},
        "COLUMNS=0-FORCE_COLOR": {"COLUMNS": "0", "FORCE_COLOR": "1", "NO_COLOR": None},
        "LINES=-1": {"LINES": "-1"},
        "LANG=C-FORCE_COLOR": {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "FORCE_COLOR": "1"},
        "HOME-unset-LANG=C": {"HOME": None, "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"},
        "PYTHONIOENCODING=latin-1": {"PYTHONIOENCODING": "latin-1"},
        "PYTHONIOENCODING=cp1252-strict": {"PYTHONIOENCODING": "cp1252:strict"},
    }
    for env_name, env in terminals.items():
        for form in ("validate", "lint", "matrix", "matrix-md", "diff", "metrics-import", "rules"):
            found.append(Case(f"edge-env:{env_name}|{form}", list(STREAM_FORMS[form]), env=env))
    return found


# --- seventh: streams, encodings, files vanishing (tools/hostile_streams.py) -----------------

DASH_FORMS: dict[str, list[str]] = {
    "validate": ["validate", "--", "-x.yaml"],
    "lint": ["lint", "--", "-x.yaml"],
    "matrix": ["matrix", "--", "-x.yaml"],
    "render": ["render", "-o", "../out/x.svg", "--", "-x.yaml"],
    "render-default-out": ["render", "-f", "dot", "--", "-x.yaml"],
    "diff": ["diff", "--", "j.yaml", "-x.yaml"],
    "metrics-plan": ["metrics", "plan", "--", "-x.yaml"],
    "site": ["site", "-o", "../out/site", "--", "-x.yaml"],
    "import": ["import", "--", "-x.mmd"],
    "bare-dash-name": ["validate", "-x.yaml"],
}

STDIN_FORMS: dict[str, list[str]] = {
    "validate": ["validate", "-"],
    "lint": ["lint", "-"],
    "matrix": ["matrix", "-f", "json", "-"],
    "render-dot": ["render", "-", "-o", "-", "-f", "dot"],
    "render-svg": ["render", "-", "-o", "out/x.svg"],
    "metrics-plan": ["metrics", "plan", "-"],
    "import": ["import", "-"],
    "metrics-import": [
        "metrics",
        "import",
        "-",
        "--map",
        "in/survey.map.yaml",
        "--journey",
        "in/retrait.yaml",
    ],
    "not-read": ["validate", "in/j.yaml"],
    "not-read-render": ["render", "in/j.yaml", "-o", "out/y.svg"],
}

STUCK_FORMS: dict[str, list[str]] = {
    "validate-json": ["validate", "-f", "json", "in/batch"],
    "lint-json": ["lint", "-f", "json", "-j", "2", "in/batch"],
    "matrix-json": ["matrix", "-f", "json", "in/batch"],
    "render-svg": ["render", "in/j.yaml", "-o", "-", "-f", "svg"],
    "render-png": ["render", "in/j.yaml", "-o", "-", "-f", "png"],
    "diff-json": ["diff", "-f", "json", "in/more", "in/batch"],
    "metrics-plan": ["metrics", "plan", "in/batch"],
    "schema": ["schema"],
    "rules-md": ["rules", "-f", "markdown"],
    "import": ["import", "in/big.mmd"],
}

VANISH_FORMS: dict[str, list[str]] = {
    "validate-j2": ["validate", "-j", "2", "in/batch"],
    "lint-j2": ["lint", "-j", "2", "in/batch"],
    "matrix": ["matrix", "in/batch"],
    "render-j2": ["render", "-j", "2", "in/batch", "-o", "out/maps/", "-f", "svg"],
    "site-j2": ["site", "-j", "2", "in/batch", "-o", "out/site"],
    "metrics-plan": ["metrics", "plan", "in/batch"],
    "diff": ["diff", "in/more", "in/batch"],
}

TEXT7_FORMS = (
    "validate",
    "lint-json-j1",
    "matrix-json",
    "render-dot",
    "metrics-plan",
    "diff-files",
)


def seventh_cases() -> list[Case]:
    import hostile_streams as streams

    found = text_cases("text7", streams.encodings(_VALID), TEXT7_FORMS)
    found += text_cases("text7", streams.yaml_texts(_VALID), TEXT7_FORMS)
    found += text_cases("text7", {"line-100mb": streams.huge_line(_VALID, 100)}, ("validate",))
    big_mmd = "journey\n  title T\n" + "".join(
        f"  section S{i}\n    Je fais {i}: 3: me\n" for i in range(4000)
    )
    # standard input that is no stream of text, for the commands reading `-` and others
    for kind in ("dir", "dev-zero", "dev-urandom", "socket"):
        for form, argv in STDIN_FORMS.items():
            found.append(
                Case(
                    f"stdin7:{kind}|{form}",
                    list(argv),
                    stdin=kind,
                    # a socket nobody writes to is a producer still working: waited for,
                    # until the user stops it
                    kill_after=3.0 if kind == "socket" else None,
                    allowed=frozenset({0, 1, 2, 143}),
                    outputs=_form_outputs(argv),
                    timeout=60.0,
                )
            )
    for name, data in {
        "utf16": JOURNEY.encode("utf-16"),
        "latin1": JOURNEY.encode("latin-1", "replace"),
        "nul": JOURNEY.encode() + b"\0",
        "crlf-mark": b"\xef\xbb\xbf" + JOURNEY.replace("\n", "\r\n").encode(),
    }.items():
        for form in ("validate", "lint", "render-dot", "matrix"):
            found.append(Case(f"stdin7:{name}|{form}", list(STDIN_FORMS[form]), stdin=data))
    # standard output a pipe nobody reads; the command stopped while it waits to write
    for form, argv in STUCK_FORMS.items():
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            found.append(
                Case(
                    f"stdout7:stuck-{signal.Signals(signum).name}|{form}",
                    list(argv),
                    [_thousands("in/batch", 120), _write("in/big.mmd", big_mmd)],
                    stdout="stuck",
                    kill_after=3.0,
                    kill_signal=signum,
                    allowed=frozenset({0, 1, 2, 128 + signum}),
                    timeout=30.0,
                )
            )
    # the files of a batch vanishing while they are read
    for how in ("deleted", "unreadable", "became-folder", "became-fifo"):
        for form, argv in VANISH_FORMS.items():
            found.append(
                Case(
                    f"vanish7:{how}|{form}",
                    list(argv),
                    [_thousands("in/batch", 120)],
                    during=streams.vanishing("in/batch", how),
                    writes_inputs=True,
                    unprivileged=how == "unreadable",
                    outputs=_form_outputs(argv),
                    timeout=60.0,
                )
            )
    # names that start with '-'
    for form, argv in DASH_FORMS.items():
        found.append(
            Case(
                f"dash7:{form}",
                list(argv),
                [
                    _write("in/-x.yaml", JOURNEY),
                    _copy(IMPORTS / "mermaid" / "cypress-go-shopping.mmd", "in/-x.mmd"),
                ],
                cwd="in",
                adds_to_inputs=form == "render-default-out",
            )
        )
    return found


# --- eighth: what the system refuses, a terminal's Ctrl-C, closed streams as outputs ------

LIMIT_FORMS: dict[str, list[str]] = {
    "validate-j2": ["validate", "-j", "2", "in/batch"],
    "lint-j2-sarif": ["lint", "-f", "sarif", "-j", "2", "in/batch"],
    "matrix-json": ["matrix", "-f", "json", "in/batch"],
    "render-j2-svg": ["render", "-j", "2", "in/batch", "-o", "out/maps/", "-f", "svg"],
    "render-png": ["render", "in/j.yaml", "-o", "out/x.png"],
    "site-j2": ["site", "-j", "2", "in/batch", "-o", "out/site"],
    "diff-j2": ["diff", "-j", "2", "in/more", "in/batch"],
    "metrics-import": [*METRICS_IMPORT, "in/retrait.yaml"],
    "import": ["import", "in/shop.mmd", "-o", "out/imp/"],
    "schema": ["schema"],
    "rules": ["rules"],
}

LIMITS: dict[str, dict[str, int]] = {
    "nofile-10": {"NOFILE": 10},
    "nofile-16": {"NOFILE": 16},
    "nofile-24": {"NOFILE": 24},
    "as-200mb": {"AS": 200 << 20},
    "nproc-0-nobody": {"NPROC": 0},  # no process may start (for a user without root's rights)
}

BIG_FORMS = ("validate", "lint-json-j1", "matrix-json", "render-dot", "diff-files", "metrics-plan")

GROUP_FORMS = {**SIGNAL_FORMS, "diff-j2-big": ["diff", "-j", "2", "in/batch", "in/batch2"]}


def eighth_cases() -> list[Case]:
    """Limits the system sets (ulimit -n, -v, -u), a Ctrl-C sent to the whole process
    group as a terminal sends it, a worker killed from outside, `-o /dev/stdout` with
    standard output closed, standard input a terminal, and a stop while a slow `dot`
    runs: each must be one line, exit 2 (or 128 + the signal), no hang, no orphan."""
    found: list[Case] = []
    batch = [_thousands("in/batch", 60)]
    for limit, values in LIMITS.items():
        for form, argv in LIMIT_FORMS.items():
            found.append(
                Case(
                    f"limit:{limit}|{form}",
                    list(argv),
                    list(batch),
                    outputs=_form_outputs(argv),
                    limits=dict(values),
                    unprivileged=limit.endswith("nobody"),
                    timeout=60.0,
                )
            )
    many = _VALID + "".join(f"k{i}: {i}\n" for i in range(200_000))  # 3 MB, under the 4 MB cap
    for case in text_cases("limit", {"as-100mb-3mb-journey": many}, BIG_FORMS):
        case.limits = {"AS": 100 << 20}
        found.append(case)
    changed = _do(
        lambda box: [
            (box / "in/batch2" / f.name).write_text(f.read_text() + "# changed\n")
            for f in (box / "in/batch").iterdir()
        ]
    )
    for form, argv in GROUP_FORMS.items():
        setups = [_thousands("in/batch", 120), _do(lambda box: (box / "in/batch2").mkdir())]
        setups.append(changed)
        # 120 PNG maps take 70 s on two loaded cores: a run that goes on is no hang
        timeout = 240.0 if "png" in form else 60.0
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            for delay in (0.3, 1.0, 1.6):
                found.append(
                    Case(
                        f"group:{signal.Signals(signum).name}@{delay}|{form}",
                        list(argv),
                        list(setups),
                        kill_after=delay,
                        kill_signal=signum,
                        kill_target="group",
                        allowed=frozenset({0, 1, 2, 128 + signum}),
                        outputs=_form_outputs(argv),
                        timeout=timeout,
                    )
                )
        for signum in (signal.SIGKILL, signal.SIGSEGV):
            for delay in (0.5, 1.2):
                found.append(
                    Case(
                        f"worker-killed:{signal.Signals(signum).name}@{delay}|{form}",
                        list(argv),
                        list(setups),
                        kill_after=delay,
                        kill_signal=signum,
                        kill_target="worker",
                        outputs=_form_outputs(argv),
                        timeout=timeout,
                    )
                )
    writers = {f: a for f, (a, _e) in {**OUTPUT_FORMS, **MORE_OUTPUT_FORMS}.items()}
    # closed-out: `-o` a closed standard output (validate has no -o); closed-in: a closed
    # standard input read (a configuration is looked for under its own words; the
    # export's form names no journey, refused before anything is read; SARIF says it past
    # the 64 kB of standard output a case keeps)
    closed = {
        "out": ("OUT", "stdout", {f: a for f, a in writers.items() if a[0] != "validate"}),
        "in": ("IN", "stdin", MORE_INPUT_FORMS),
    }
    quiet = ("lint-config", "metrics-import-csv", "lint-sarif")
    for side, (slot, stream, forms) in closed.items():
        targets = (
            ("/dev/stdout", "/proc/self/fd/1")
            if side == "out"
            else ("/dev/stdin", "/proc/self/fd/0")
        )
        words = "standard output is closed" if side == "out" else "standard input is closed"
        for form, argv in forms.items():
            for target in targets:
                found.append(
                    Case(
                        f"closed-{side}:{target}|{form}",
                        _fill(argv, **{slot: target}),
                        stdin="closed" if stream == "stdin" else "devnull",
                        stdout="closed" if stream == "stdout" else "pipe",
                        allowed=frozenset({2}),
                        outputs=[] if side == "out" else _form_outputs(argv),
                        expect=None if form in quiet else words,
                    )
                )
    for form, argv in STDIN_FORMS.items():
        found.append(Case(f"tty:{form}", list(argv), stdin="tty", timeout=30.0))
    for dot in ("hangs", "hangs-after-reading", "child-keeps-stdout"):
        for form, argv in DOT_FORMS.items():
            found.append(
                Case(
                    f"dot-group:{dot}|{form}",
                    list(argv),
                    _fake_dot(dot),
                    env={"PATH": "{BOX}/bin:/usr/bin:/bin"},
                    kill_after=2.0,
                    kill_signal=signal.SIGINT,
                    kill_target="group",
                    allowed=frozenset({0, 1, 2, 130}),
                    outputs=_form_outputs(argv),
                    timeout=30.0,
                )
            )
    return found


# --- running one case ----------------------------------------------------------------------


def _tree_hashes(folder: Path) -> dict[str, str]:
    hashes: dict[str, str] = {}
    for dirpath, _dirs, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            try:
                if path.is_symlink() or not path.is_file():
                    continue
                hashes[str(path.relative_to(folder))] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
            except OSError:
                continue
    return hashes


def _session_processes(sid: int) -> list[tuple[int, str]]:
    found = []
    for item in Path("/proc").iterdir():
        entry = item.name
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rfind(")") + 2 :].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            try:
                cmd = (
                    Path(f"/proc/{entry}/cmdline")
                    .read_bytes()
                    .replace(b"\0", b" ")
                    .decode(errors="replace")
                )
            except OSError:
                cmd = "?"
            found.append((int(entry), cmd[:120]))
    return found


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a command's workers)."""
    found = []
    for item in Path("/proc").iterdir():
        if item.name.isdigit():
            try:
                raw = (item / "stat").read_text()
            except OSError:
                continue
            if int(raw[raw.rfind(")") + 2 :].split()[1]) == pid:
                found.append(int(item.name))
    return sorted(found)


def _temp_leftovers(box: Path, tmpdir: Path) -> list[str]:
    left = []
    for dirpath, dirnames, filenames in os.walk(box):
        for name in filenames + dirnames:
            if (
                name.endswith(".tmp")
                or (name.startswith((".journeymap", "tmp")) and name != ".journeymap-site")
                or ".tmp." in name
            ):
                left.append(str(Path(dirpath, name).relative_to(box)))
    left += [f"TMPDIR/{p.name}" for p in tmpdir.iterdir()]
    return left


def _complete(path: Path) -> str | None:
    """Why an output file looks truncated, or None."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"unreadable output {exc}"
    suffix = path.suffix
    if suffix == ".svg" and not data.rstrip().endswith(b"</svg>"):
        return "svg not closed"
    if suffix == ".png" and b"IEND" not in data[-16:]:
        return "png without IEND"
    if suffix == ".json":
        try:
            json.loads(data)
        except ValueError:
            return "json does not parse"
    if suffix == ".dot" and not data.rstrip().endswith(b"}"):
        return "dot not closed"
    return None


def _bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _prepare(case: Case, box: Path) -> None:
    for make in BASE + case.setup:
        make(box)


def run_case(case: Case, work: Path) -> Outcome:
    box = Path(tempfile.mkdtemp(prefix="case-", dir=work))
    tmpdir = box.parent / (box.name + ".tmpdir")
    tmpdir.mkdir()
    flags: list[str] = []
    try:
        _prepare(case, box)
    except OSError as exc:
        return Outcome(case, None, "", [f"setup failed: {exc}"], 0.0)
    argv = list(case.argv)
    busy: socket.socket | None = None
    if "{BUSYPORT}" in argv:
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        argv = [a.replace("{BUSYPORT}", str(busy.getsockname()[1])) for a in argv]
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "TMPDIR": str(tmpdir),
        "JOURNEYMAP_PIPE_WAIT": "2",
    }
    env.pop("PYTHONWARNINGS", None)
    for key, value in case.env.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value.replace("{BOX}", str(box))
    if case.name.startswith("config:") and "quick0" in case.name:
        env["JOURNEYMAP_QUICK"] = "0"
    before = _tree_hashes(box / "in")
    out_before = {o: _bytes_or_none(box / o) for o in case.outputs if not o.startswith("/")}
    concurrent = argv[:1] == ["__concurrent__"]
    if concurrent:
        argv = argv[1:]
    start = time.monotonic()
    code, stderr, stdout = _spawn(case, argv, env, box, flags, copies=2 if concurrent else 1)
    seconds = time.monotonic() - start
    if busy is not None:
        busy.close()
    # -- checks
    if code is not None and code not in case.allowed:
        flags.append(f"exit {code}")
    if "Traceback" in stdout or "internal error" in stdout:
        flags.append("stdout has a traceback")
    for marker in (
        "Traceback",
        "Fatal Python error",  # the interpreter's own refusal, before journeymap runs
        "internal error",
        "Exception ignored",
        "Warning:",
        "warnings.warn",
        "ResourceWarning",
        "DeprecationWarning",
    ):
        if marker in stderr:
            flags.append(f"stderr has {marker!r}")
            break
    if case.expect is not None and case.expect not in stderr + stdout:  # reports: stdout
        flags.append(f"output without {case.expect!r}")
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code == 2 and not lines and not stdout.strip() and case.stdout == "pipe":
        flags.append("exit 2 in silence")
    usage = case.name.endswith("|no-args")  # click prints the help: many lines, by design
    many = ("stdout:", "git:", "vanish7:")  # one line per file, by design
    if code == 2 and len(lines) > 4 and not usage and not case.name.startswith(many):
        flags.append(f"exit 2 with {len(lines)} stderr lines")
    if not case.writes_inputs and (box / "in").exists():
        try:
            after = _tree_hashes(box / "in")
        except OSError:
            after = before
        changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
        if case.adds_to_inputs:
            changed = [k for k in changed if k in before]
        if changed:
            flags.append(f"inputs changed: {sorted(changed)[:3]}")
    left = _temp_leftovers(box, tmpdir)
    if left:
        flags.append(f"temp left: {left[:3]}")
    for out in case.outputs:
        if out.startswith("/") or not out:
            continue
        path = box / out
        try:
            exists = path.is_file()
        except OSError:
            exists = False
        if code not in (0, 1) and exists:
            old = out_before.get(out)
            try:
                now = path.read_bytes()
            except OSError:
                continue
            if old is None or now != old:
                flags.append(f"failed run left output {out!r}")
        elif code in (0, 1) and exists:
            why = _complete(path)
            if why:
                flags.append(f"output {out!r}: {why}")
    _restore_permissions(box)
    if not flags:
        shutil.rmtree(box, ignore_errors=True)
        shutil.rmtree(tmpdir, ignore_errors=True)
    else:
        flags.append(f"sandbox {box}")
    return Outcome(case, code, stderr, flags, seconds)


def _restore_permissions(box: Path) -> None:
    for dirpath, dirnames, _files in os.walk(box):
        for name in dirnames:
            with contextlib_suppress():
                (Path(dirpath) / name).chmod(0o755)
    with contextlib_suppress():
        for p in box.rglob("*"):
            if p.is_file() and not p.is_symlink():
                p.chmod(0o644)


class contextlib_suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


def _default_sigint() -> None:
    """A sweep started in the background (nohup ... &) ignores SIGINT, and so would every
    case: Ctrl-C is what the signal cases test."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _spawn(
    case: Case, argv: list[str], env: dict[str, str], box: Path, flags: list[str], copies: int
) -> tuple[int | None, str, str]:
    stdin: int | None
    held: list[Any] = []  # the other ends of pipes and sockets, closed once the run ends
    if case.stdin == "devnull":
        stdin = subprocess.DEVNULL
    elif case.stdin == "closed":
        stdin = None
    elif case.stdin == "dir":
        stdin = os.open(box, os.O_RDONLY | os.O_DIRECTORY)
        held.append(stdin)
    elif case.stdin in ("dev-zero", "dev-urandom"):
        stdin = os.open(f"/dev/{case.stdin[4:]}", os.O_RDONLY)
        held.append(stdin)
    elif case.stdin == "socket":
        ours, theirs = socket.socketpair()
        held += [ours, theirs]
        stdin = theirs.fileno()
    elif case.stdin == "tty":  # a terminal nobody types in
        leader, follower = os.openpty()
        held += [leader, follower]
        stdin = follower
    else:
        stdin = subprocess.PIPE
    procs = []
    heads = []
    for _ in range(copies):
        stdout: int | None = subprocess.PIPE
        preexec: Callable[[], None] | None = _default_sigint
        if case.cwd == "gone":
            gone = box / "gone"
            gone.mkdir(exist_ok=True)

            def preexec(gone: Path = gone) -> None:
                _default_sigint()
                gone.rmdir()  # the working folder deleted under the shell

        if case.stdout == "full":
            stdout = os.open("/dev/full", os.O_WRONLY)
        elif case.stdout == "stuck":  # a reader that never reads: writes block when full
            reading, stdout = os.pipe()
            held.append(reading)
        elif case.stdout == "file":
            stdout = os.open(box / "stdout.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        elif case.stdout == "closed" or case.stdin == "closed":
            closing = []
            if case.stdout == "closed":
                closing.append(1)
                stdout = None
            if case.stdin == "closed":
                closing.append(0)

            def preexec(closing: list[int] = closing) -> None:
                _default_sigint()
                for fd in closing:
                    os.close(fd)

        if case.umask is not None:

            def preexec(inner: Callable[[], None] | None = preexec, mask: int = case.umask) -> None:
                if inner is not None:
                    inner()
                os.umask(mask)

        if case.fsize is not None:

            def preexec(inner: Callable[[], None] | None = preexec, size: int = case.fsize) -> None:
                import resource

                if inner is not None:
                    inner()
                resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

        if case.limits:

            def preexec(
                inner: Callable[[], None] | None = preexec, limits: dict[str, int] = case.limits
            ) -> None:
                import resource

                if inner is not None:
                    inner()
                for name, value in limits.items():
                    resource.setrlimit(getattr(resource, f"RLIMIT_{name}"), (value, value))

        proc = subprocess.Popen(
            [*(WITHOUT_DAC if case.unprivileged else ()), str(BIN), *argv],
            cwd=box / case.cwd,
            env=env,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=preexec,
        )
        if isinstance(stdout, int) and stdout > 2:
            os.close(stdout)

        procs.append(proc)
        if case.stdout == "head" and proc.stdout is not None:
            heads.append(proc.stdout)
        if case.stdout == "head0" and proc.stdout is not None:
            proc.stdout.close()  # `| head -c 0`: closed before the first byte
        if isinstance(case.stdin, bytes) and proc.stdin is not None:
            threading.Thread(target=_feed, args=(proc.stdin, case.stdin), daemon=True).start()
    stop_during = threading.Event()
    beside = None
    if case.during is not None:
        beside = threading.Thread(target=case.during, args=(box, stop_during), daemon=True)
        beside.start()
    if case.kill_after is not None:
        time.sleep(case.kill_after)
        for proc in procs:
            with contextlib_suppress():
                if case.kill_target == "group":  # the terminal's Ctrl-C: workers too
                    os.killpg(proc.pid, case.kill_signal)
                elif case.kill_target == "worker":  # the out-of-memory killer, say
                    for worker in _children(proc.pid)[:1]:  # none yet: nothing to kill
                        os.kill(worker, case.kill_signal)
                else:
                    os.kill(proc.pid, case.kill_signal)
    results = []
    stderr_all = ""
    stdout_all = b""
    for proc in procs:
        out_thread = None
        sink: list[bytes] = []
        if case.stdout == "head" and proc.stdout is not None:
            line = proc.stdout.readline()
            del line
            proc.stdout.close()
        elif proc.stdout is not None and not proc.stdout.closed:
            out_thread = threading.Thread(
                target=lambda p=proc, s=sink: s.append(p.stdout.read()[:65536]), daemon=True
            )
            out_thread.start()
        try:
            err = _read_err(proc, case.timeout)
            code: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            flags.append(f"hang (> {case.timeout:g} s)")
            with contextlib_suppress():
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            err = b""
            code = None
        if out_thread is not None:
            out_thread.join(5)
            stdout_all += b"".join(sink)
        if code is not None and code < 0:
            code = 128 - code
        results.append(code)
        stderr_all += (err or b"").decode("utf-8", "replace")
        time.sleep(0.3)
        left = _session_processes(proc.pid)
        if left:
            flags.append(f"orphans: {left[:2]}")
            for pid, _cmd in left:  # every group of the session (dot has its own)
                with contextlib_suppress():
                    os.kill(pid, signal.SIGKILL)
    stop_during.set()
    if beside is not None:
        beside.join(10)
    for end in held:
        with contextlib_suppress():
            if isinstance(end, int):
                os.close(end)
            else:
                end.close()
    worst = next((c for c in results if c not in (0, 1)), results[0])
    if copies > 1 and len(set(results)) > 1 and any(c not in (0, 1) for c in results):
        flags.append(f"concurrent exits {results}")
    return worst, stderr_all, stdout_all.decode("utf-8", "replace")


def _feed(pipe: Any, data: bytes) -> None:
    """Standard input given as bytes: written, then closed (it was left open and silent,
    so a command reading `-` waited for ever)."""
    with contextlib_suppress():
        pipe.write(data)
    with contextlib_suppress():
        pipe.close()


def _read_err(proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    assert proc.stderr is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stderr.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    proc.wait(timeout=timeout)
    reader.join(10)
    return b"".join(chunks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--list", action="store_true")
    parser.add_argument(
        "--sample",
        type=int,
        default=1,
        help="run one case in N, chosen by a hash of its name (the same ones every time)",
    )
    parser.add_argument(
        "--part", type=int, default=0, help="with --sample N: which of the N parts (0 to N-1)"
    )
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write every outcome here")
    args = parser.parse_args()
    # os.walk and shutil.rmtree recurse once a level: the folder trees 2,500 deep of the
    # edge-place cases need more than the default 1,000 frames, on bigger thread stacks.
    sys.setrecursionlimit(20_000)
    threading.stack_size(256 * 1024 * 1024)
    selected = [c for c in cases() if not args.only or any(o in c.name for o in args.only)]
    if args.sample > 1:
        selected = [c for c in selected if zlib.crc32(c.name.encode()) % args.sample == args.part]
    if args.list:
        for case in selected:
            print(case.name)
        print(f"{len(selected)} cases", file=sys.stderr)
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="jm-sweep-"))
    work.mkdir(parents=True, exist_ok=True)
    flagged: list[Outcome] = []
    classes: Counter[str] = Counter()
    done = 0
    records = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for outcome in pool.map(lambda c: run_case(c, work), selected, chunksize=1):
            done += 1
            if done % 100 == 0:
                print(f"... {done}/{len(selected)}", file=sys.stderr, flush=True)
            records.append(
                {
                    "name": outcome.case.name,
                    "code": outcome.code,
                    "flags": outcome.flags,
                    "seconds": round(outcome.seconds, 2),
                    "stderr": outcome.stderr[-600:],
                }
            )
            if outcome.flags:
                flagged.append(outcome)
                for flag in outcome.flags:
                    if not flag.startswith("sandbox"):
                        classes[flag.split(":")[0].split(" (")[0]] += 1
                first = outcome.stderr.strip().splitlines()[-1:] if outcome.stderr.strip() else [""]
                name, code = outcome.case.name, outcome.code
                print(f"FLAG {name} code={code} {outcome.flags} :: {first[0][:200]!r}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(records, indent=1), encoding="utf-8")
    print(f"\n{done} cases run, {len(flagged)} flagged; work folder {work}")
    for name, count in classes.most_common():
        print(f"  {count:4}  {name}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
