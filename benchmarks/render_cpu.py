"""Where `render`'s CPU goes: the parent, the workers' Python, and the layout programs.

    python benchmarks/render_cpu.py FOLDER [--rounds 3]

Runs `journeymap render FOLDER -o TMP/` as a user does (a new process each round) and
splits its CPU time (user + system): the parent's own, the workers' own (each worker
notes its CPU after every map it draws), and the rest of the children's, which is the
layout programs'. The workers' and the parent's share is what journeymap adds to
Graphviz; the benchmark's render row (`run.py --render-only`) only shows the sum. On a
shared machine CPU time moves less than wall time, but still moves: compare rounds run
one after the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import atexit, os, resource, sys
from pathlib import Path

notes = Path(sys.argv[1])
import journeymap.render.pipeline as pipeline

drawn = pipeline.draw_file


def noted(batch, path):
    result = drawn(batch, path)
    own = resource.getrusage(resource.RUSAGE_SELF)
    (notes / str(os.getpid())).write_text(f"{own.ru_utime + own.ru_stime}")
    return result


pipeline.draw_file = noted


def report():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    sys.__stderr__.write(
        f"CPU {own.ru_utime + own.ru_stime} {children.ru_utime + children.ru_stime}\n"
    )


atexit.register(report)
sys.argv = ["journeymap", *sys.argv[2:]]
from journeymap.cli.entry import main

main()
"""


def one_round(folder: Path, files: int) -> tuple[float, float, float]:
    """Milliseconds a map: parent, workers, layout programs."""
    with tempfile.TemporaryDirectory() as work:
        notes, out = Path(work) / "notes", Path(work) / "out"
        notes.mkdir()
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(notes), "render", str(folder), "-o", f"{out}/"],
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in done.stderr.splitlines() if x.startswith("CPU "))
        parent, children = (float(x) for x in line.split()[1:])
        workers = sum(float(note.read_text()) for note in notes.iterdir())
    return tuple(1000 * x / files for x in (parent, workers, children - workers))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = len(list(args.folder.glob("*.yaml")))
    rounds = [one_round(args.folder, files) for _ in range(args.rounds)]
    for name, values in zip(
        ("parent", "workers", "layout"), zip(*rounds, strict=True), strict=True
    ):
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"{name:8} ms a map: median {statistics.median(values):.2f} ({shown})")
    python = [parent + workers for parent, workers, _ in rounds]
    print(f"python   ms a map: median {statistics.median(python):.2f} (parent + workers)")
    print(f"cores: {len(os.sched_getaffinity(0))}, files: {files}")


if __name__ == "__main__":
    main()
