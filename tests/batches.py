"""Batches of journey files for the tests that need many: copies of a few examples,
each with its own journey id, so that no two files share one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def journey_copies(folder: Path, sources: Sequence[Path], count: int) -> Path:
    """`count` files in `folder` (created), the `sources` taken in turn, each copy's
    journey id suffixed with its round (`-0`, `-1`...): `NNN-<source name>`, in the
    order they were made. Batches above 16 files go to worker processes."""
    folder.mkdir()
    for index in range(count):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        journey_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
        suffixed = f"\nid: {journey_id}-{index // len(sources)}\n"
        renamed = text.replace(f"\nid: {journey_id}\n", suffixed, 1)
        assert renamed != text, source  # an id written otherwise would be left as it was
        (folder / f"{index:03}-{source.name}").write_text(renamed, encoding="utf-8")
    return folder
