"""The text report: the same characters whether written plainly (pipes, files, CI logs)
or through rich (terminals), and rich left unimported when nothing is coloured."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from journeymap.diagnostics import Diagnostic
from journeymap.output.report import Report
from journeymap.output.text_report import TextReporter, colours
from tests.conftest import EXAMPLES, ROOT

HOSTILE_MESSAGES = [
    "plain words",
    "tab\there and\ttwo",
    "carriage\rreturn, bell\x07, backspace\x08, form\x0cfeed, vertical\x0btab",
    "escape \x1b[31mred\x1b[0m and NUL-free \x7f \x85",
    "[bold]not markup[/bold] :smile: :) https://example.com/x",
    "wide 漢字 and 🎉 then\ttab",
    'quotes " and \\ backslash, \u2028 separator, \ud800 lone surrogate',
    "",
]


def _report(command: str) -> Report:
    found = []
    for index, message in enumerate(HOSTILE_MESSAGES):
        path = f"dir/file{index % 3}\t.yaml" if index == 5 else f"dir/file{index % 3}.yaml"
        found.append(Diagnostic(path, index + 1, 2, "JM402", "company-voice", message, "warning"))
    found.sort(key=lambda d: d.path)
    return Report(found, 4, command)


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_plain_writing_gives_what_rich_prints_without_colour(command: str) -> None:
    report = _report(command)
    plain, rich = io.StringIO(), io.StringIO()
    TextReporter().write_plain(report, plain)
    TextReporter().write_rich(report, rich)  # a StringIO is no terminal: rich adds no colour
    assert plain.getvalue() == rich.getvalue()
    assert plain.getvalue().count("\n") >= len(HOSTILE_MESSAGES) + 1


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_an_empty_report_reads_the_same_both_ways(command: str) -> None:
    plain, rich = io.StringIO(), io.StringIO()
    TextReporter().write_plain(Report([], 3, command), plain)
    TextReporter().write_rich(Report([], 3, command), rich)
    assert (
        plain.getvalue()
        == rich.getvalue()
        == ("✓ 3 files valid\n" if command == "validate" else "✓ 3 files clean\n")
    )


def test_colour_follows_the_variables_rich_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert not colours(io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert colours(io.StringIO())
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert not colours(io.StringIO())


def _imported(*args: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "TTY_COMPATIBLE"}},
        check=False,
    )
    modules = {
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return done.stdout, modules


def test_a_valid_file_is_reported_without_importing_rich() -> None:
    out, modules = _imported("validate", str(EXAMPLES / "veste-hiver.yaml"))
    assert out == "✓ 1 file valid\n"
    assert "rich" not in modules and "rich.console" not in modules


def test_a_colour_terminal_gets_colour() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "journeymap", "lint", str(ROOT / "tests" / "lint" / "fixtures")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "FORCE_COLOR": "1", "NO_COLOR": ""},
        check=False,
    )
    assert "\x1b[" in done.stdout


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_the_json_report_is_what_the_json_module_writes(command: str) -> None:
    import json

    from journeymap.output.json_report import JsonReporter

    for report in (_report(command), Report([], 2, command)):
        written = io.StringIO()
        JsonReporter().write(report, written)
        expected = json.dumps(
            [d.as_dict() for d in report.diagnostics], indent=2, ensure_ascii=False
        )
        assert written.getvalue() == expected + "\n"
        assert json.loads(written.getvalue()) == [d.as_dict() for d in report.diagnostics]
