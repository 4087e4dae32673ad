"""The README's "Your first journey in 5 minutes", done as a newcomer does it.

The file the README gives is written where it says, then every command of the section
runs in a shell, in that folder, with the installed `journeymap` (what `pip install .`
put on PATH; tests/test_docs.py runs the README's other sessions), and must print what
the README shows, byte for byte. The map must be an SVG that draws the journey.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.docs_blocks import blocks, mismatch, run_shell, session

README = ROOT / "README.md"
TITLE = "### Your first journey in 5 minutes"


def _section() -> str:
    text = README.read_text("utf-8")
    assert TITLE in text, "the README lost its first-journey section"
    return text.split(TITLE, 1)[1].split("\n### ", 1)[0]


def _given_file() -> tuple[str, str]:
    found = re.search(r"Save\s+this as `([\w/.-]+)`:\n\n```yaml\n(.*?)```", _section(), re.S)
    assert found is not None, "the section no longer gives the file to write"
    return found.group(1), found.group(2)


def _sessions() -> list[list[tuple[str, list[str]]]]:
    section_blocks = [b for b in blocks(README) if b.lang == "console" and b.text in _section()]
    return [[(c.line, c.shown) for c in session(b)] for b in section_blocks]


def test_the_section_is_on_the_readmes_first_screens() -> None:
    # a newcomer reads what journeymap does, then how to start on their own journey
    lines = README.read_text("utf-8").split("\n")
    assert next(i for i, line in enumerate(lines) if line == TITLE) < 60


def test_the_install_is_pip_install_dot() -> None:
    # The one set-up step, run by hand in a fresh clone and a new venv (it takes a
    # minute, and the suite already runs in such an install): nothing else is needed.
    start = README.read_text("utf-8").split("## Start here", 1)[1].split(TITLE, 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", start, re.S)
    assert len(commands) == 1
    assert [line.split("#")[0].strip() for line in commands[0].splitlines()] == [
        "python3 -m venv .venv && . .venv/bin/activate",
        "pip install .",
    ]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    name, text = _given_file()
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_every_step_prints_what_the_readme_shows(workspace: Path) -> None:
    sessions = _sessions()
    commands = [line for s in sessions for line, _ in s]
    assert commands == [
        "journeymap validate journeys/",
        "journeymap lint journeys/",
        "journeymap render journeys/pizza.yaml -o pizza.svg",
    ]
    for command in (c for s in sessions for c in s):
        code, printed = run_shell(command[0], workspace)
        assert code == 0, (command[0], printed)
        problem = mismatch(command[1], printed)
        assert problem is None, f"`{command[0]}`\n{problem}"
    svg = (workspace / "pizza.svg").read_text("utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg
    for words in ("Ordering a pizza online", "I receive my pizza at the door", "Mobile app"):
        assert words in svg, words


def test_what_the_section_says_of_findings_is_true(workspace: Path) -> None:
    # "journeymap rules JM608 says why": the rule's page, with its reason and examples
    code, printed = run_shell("journeymap rules JM608", workspace)
    assert code == 0 and "moment" in "\n".join(printed).lower()
    # "errors (a step told in the company's voice, 'We deliver the pizza') make it 1"
    journey = workspace / _given_file()[0]
    text = journey.read_text("utf-8")
    assert "I receive my pizza at the door" in text
    journey.write_text(text.replace("I receive my pizza at the door", "We deliver the pizza"))
    code, printed = run_shell("journeymap lint journeys/", workspace)
    assert code == 1 and any("error[JM402]" in line for line in printed), printed
