"""Capture outputs once, compare them later: the loop both byte-identity scripts share
(benchmarks/golden.py, benchmarks/matrix_golden.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def settle(mode: str, folder: Path, outputs: Iterable[tuple[str, bytes]]) -> int:
    """`capture` writes each output under `folder`; `compare` reads it back, writes what
    moved beside it as NAME.new and lists it. 1 when anything moved, else 0."""
    folder.mkdir(parents=True, exist_ok=True)
    moved = 0
    count = 0
    for name, data in outputs:
        count += 1
        path = folder / name
        if mode == "capture":
            path.write_bytes(data)
            continue
        expected = path.read_bytes() if path.exists() else b"(missing)"
        if expected != data:
            moved += 1
            (folder / (name + ".new")).write_bytes(data)
            print(f"differs: {name} ({hashlib.sha1(data).hexdigest()[:8]})")
    print(f"{count} outputs {'captured' if mode == 'capture' else 'compared'}, {moved} moved")
    return 1 if moved else 0
