"""Reading the documentation as a newcomer does: its fenced blocks, its links, its sessions.

Shared by tests/test_docs.py (every page) and tests/test_first_journey.py (the README's
first steps). A console session is a fenced ```console block: lines starting with `$ `
are commands, the lines up to the next command what it prints (both streams, as a
terminal shows them). A line `...` stands for lines left out: the shown lines must then
appear in that order, and the last one must be the last printed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
ELLIPSIS = "..."

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)(?P<lang>[^\s`]*)[^\n]*$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    lang: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, in order (indented fences included)."""
    lines = page.read_text("utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
            j += 1
        found.append(Block(page, i + 1, opening["lang"], "\n".join(body) + "\n"))
        i = j + 1
    return found


def without_code(markdown: str, *, inline: bool = True) -> str:
    """The page without its fenced blocks (and inline code), where links are links."""
    kept: list[str] = []
    inside = ""
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if inside:
            if line.strip().startswith(inside):
                inside = ""
            kept.append("")
        elif opening is not None:
            inside = opening["fence"]
            kept.append("")
        else:
            kept.append(re.sub(r"(`+).+?\1", "", line) if inline else line)
    return "\n".join(kept)


@dataclass(frozen=True)
class Command:
    line: str  # as written after `$ `
    shown: list[str]  # what the page shows it prints


def session(block: Block) -> list[Command]:
    commands: list[Command] = []
    for line in block.text.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            commands.append(Command(line[2:], []))
        else:
            assert commands, f"{block.where}: output before any command"
            commands[-1].shown.append(line)
    return commands


def shell_env() -> dict[str, str]:
    """A user's shell: the installed `journeymap` first on PATH, no test settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "NO_COLOR"}}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["TERM"] = "dumb"
    return env


def run_shell(command: str, cwd: Path) -> tuple[int, list[str]]:
    """One command line as a shell runs it; what it prints, both streams merged."""
    proc = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=shell_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    printed = proc.stdout.decode("utf-8")
    return proc.returncode, printed.split("\n")[:-1] if printed else []


def mismatch(shown: list[str], printed: list[str]) -> str | None:
    """Why `printed` is not what the page shows, or None when it is."""
    if not any(line.strip() == ELLIPSIS for line in shown):
        if shown == printed:
            return None
        return "shown:\n" + "\n".join(shown) + "\nprinted:\n" + "\n".join(printed)
    rest = iter(printed)
    for line in (s for s in shown if s.strip() != ELLIPSIS):
        if not any(line == p for p in rest):
            return f"shown but not printed (in that order): {line!r}\nprinted:\n" + "\n".join(
                printed
            )
    if shown[-1].strip() != ELLIPSIS and (not printed or printed[-1] != shown[-1]):
        return f"the last line printed is not {shown[-1]!r}:\n" + "\n".join(printed)
    return None
