"""The render reference: Graphviz's `dot -Tsvg` on every DOT file of a folder, one
process per file, as many at once as there are cores (what `render` can at best do).

    python benchmarks/pdot.py DOT_FOLDER SVG_FOLDER
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
