"""The processes a test (or tools/interrupt_loop.py) must see gone, read from Linux's /proc.

One reading of /proc for every check of the suite: a worker or a Graphviz child that
outlives its run, a layout server left behind, a session not empty after a signal.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PROC = Path("/proc")


def _stats() -> Iterator[tuple[int, list[str]]]:
    """Each process's id and the fields of its `stat` after the command's name (state,
    parent, group, session, ...); a process gone while read is skipped."""
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        yield int(entry.name), fields


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its parent to read its status does not)."""
    try:
        state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def descendants(pid: int) -> set[int]:
    """Every process started by `pid`, and by those, still in /proc (zombies included)."""
    children: dict[int, list[int]] = {}
    for child, fields in _stats():
        children.setdefault(int(fields[1]), []).append(child)
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def in_session(sid: int) -> list[int]:
    """Processes still alive (not zombies) in session `sid`."""
    return [pid for pid, fields in _stats() if int(fields[3]) == sid and fields[0] != "Z"]


def marked(command: bytes, environ: bytes) -> list[int]:
    """Processes whose command line holds `command` and whose environment holds `environ`
    (a marker variable a test set, so that other people's processes are never counted)."""
    found = []
    for pid, _ in _stats():
        try:
            line = (PROC / str(pid) / "cmdline").read_bytes()
            variables = (PROC / str(pid) / "environ").read_bytes()
        except OSError:
            continue
        if command in line and environ in variables:
            found.append(pid)
    return found
