"""The parse floor: a bare libyaml parse of every file, in one process.

No Python tool that reads these files can do less work, so every journeymap timing is
reported as a ratio to this one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(paths: list[str]) -> None:
    files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*.yaml")))
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    main(sys.argv[1:])
