"""The sweep's seventh groups (tools/hostile_sweep.py imports them): the streams and files
a command meets when it runs inside other people's pipelines.

- stdin7: standard input a folder, /dev/zero, /dev/urandom, a socket nobody writes to
  (stopped by a signal), a journey in UTF-16 or latin-1, for the commands that read `-`
  and for those that do not read it at all;
- stdout7: standard output a pipe nobody reads (a FIFO whose reader went to sleep), the
  command stopped by SIGTERM, SIGINT or SIGHUP while it waits to write;
- text7: encodings and YAML the first groups did not try (UTF-16 BE and UTF-32 LE
  without a mark, UTF-32 BE with one, a mark and CRLF, NUL and invalid UTF-8 in the
  middle, local tags such as !Ref and !include, nesting 10,000 deep in flow, block
  mappings and block lists, a 100 MB line, documents that are only comments);
- vanish7: the files of a batch deleted, made unreadable, or replaced by a folder or a
  named pipe while the command reads them;
- dash7: journeys whose names start with '-', given after `--`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path


def encodings(journey: str) -> dict[str, bytes]:
    """Whole journeys in encodings the sweep's first groups did not try."""
    body = journey
    return {
        "utf16be-no-mark": body.encode("utf-16-be"),
        "utf32le-no-mark": body.encode("utf-32-le"),
        "utf32be-mark": b"\x00\x00\xfe\xff" + body.encode("utf-32-be"),
        "utf8-mark-crlf": b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode(),
        "nul-in-the-middle": body.encode().replace(b"title:", b"title:\x00", 1),
        "invalid-utf8-in-a-value": body.encode().replace(b"title: ", b"title: \xff\xfe ", 1),
        "cp1252-in-a-value": body.encode().replace("é".encode(), b"\xe9", 1),
        "utf16le-mark-crlf": b"\xff\xfe" + body.replace("\n", "\r\n").encode("utf-16-le"),
        "cr-only-mark": b"\xef\xbb\xbf" + body.replace("\n", "\r").encode(),
    }


def yaml_texts(journey: str) -> dict[str, str]:
    """YAML the first groups did not try, around or inside a valid journey."""
    deep = 10_000
    return {
        "tag-ref": journey.replace("title: ", "title: !Ref x #", 1),
        "tag-include": journey.replace("title: ", "title: !include other.yaml #", 1),
        "tag-include-map": journey.replace("persona:\n", "persona: !include p.yaml\nx-p:\n", 1),
        "tag-getatt-seq": journey.replace("title: ", "title: !GetAtt [a, b] #", 1),
        "python-object-new": "!!python/object/new:os.system [true]\n",
        "python-module": journey.replace("title: ", "title: !!python/module:os #", 1),
        "deep-flow-10000": "a: " + "[" * deep + "]" * deep + "\n",
        "deep-flow-map-10000": "a: " + "{a: " * deep + "1" + "}" * deep + "\n",
        "deep-block-map-10000": "".join(" " * i + "a:\n" for i in range(deep)) + " " * deep + "1\n",
        "deep-block-seq-10000": "".join(" " * i + "-\n" for i in range(deep)) + " " * deep + "1\n",
        "only-comments-marker": "# one\n---\n# two\n...\n# three\n",
        "empty-then-journey-then-empty": "---\n---\n" + journey + "---\n",
        "three-journeys": journey + "---\n" + journey + "---\n" + journey,
        "merge-chain": "a: &a {x: 1}\nb: &b {<<: *a}\nc: &c {<<: *b}\n" + journey,
        "duplicate-top-key": journey + "title: twice\n",
        "huge-float-keys": journey.replace("title: ", "1e999: 1\n.nan: 2\ntitle: ", 1),
    }


def huge_line(journey: str, megabytes: int) -> bytes:
    """A journey followed by a comment line of `megabytes` MB: past the size limit."""
    return journey.encode() + b"# " + b"x" * (megabytes << 20) + b"\n"


Beside = Callable[[Path, threading.Event], None]


def vanishing(folder: str, how: str, delay: float = 0.25) -> Beside:
    """After `delay` s, each file of `folder` deleted, made unreadable, or replaced by a
    folder or a named pipe (`how`), one after the other, while the command runs."""

    def run(box: Path, stop: threading.Event) -> None:
        time.sleep(delay)
        for path in sorted((box / folder).glob("*.yaml")):
            if stop.is_set():
                return
            try:
                if how == "deleted":
                    path.unlink()
                elif how == "unreadable":
                    path.chmod(0)
                elif how == "became-folder":
                    path.unlink()
                    path.mkdir()
                elif how == "became-fifo":
                    path.unlink()
                    os.mkfifo(path)
            except OSError:
                continue

    return run
