"""The render reference: Graphviz's `dot -Tsvg` on every DOT file of a folder, one
process per file, as many at once as there are cores (what `render` can at best do).

    python benchmarks/pdot.py DOT_FOLDER SVG_FOLDER

One process per file, as `render` runs dot: the same work for both. dot can lay out
several files in one process (`dot -Tsvg -O a.dot b.dot`), which halves its CPU here
(its start-up, plug-ins and fontconfig, is about 20 ms of a map's 37 to 40), but dot
2.43 does not give the same bytes that way: it orders a graph's clusters by the heap
address of their names, so every map after the first in a process comes out with its
stages and phases in another order (95 of 99 maps; the same file laid out twice in one
process differs too) and its graph id prefixed (`page0,1_graph0`). `render` keeps one
process per map, and so does this reference. A process forked per map from a zygote
that holds libgvc loaded does not give dot's bytes either (1 map in 63 differs: dot's
cluster order depends on the blocks its own start-up freed; README, "fourth round").
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def main(source: Path, target: Path) -> None:
    def one(path: Path) -> None:
        out = target / f"{path.stem}.svg"
        subprocess.run(["dot", "-Tsvg", str(path), "-o", str(out)], check=True)

    with ThreadPoolExecutor(len(os.sched_getaffinity(0))) as pool:
        list(pool.map(one, sorted(source.glob("*.dot"))))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
