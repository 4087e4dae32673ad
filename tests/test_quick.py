"""The quick entry (`journeymap.cli.quick`) must be invisible: on the same arguments, the
same exit code and the same bytes on both streams as the typer application."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from journeymap.cli.quick import Quick, parse
from tests.conftest import FULL
from tests.test_hostile_input import CASES, JOURNEY_TEXT

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("*.yaml"))
VESTE = "examples/veste-hiver.yaml"


Said = tuple[int, bytes, bytes]
"""Exit code, standard output, standard error."""


def _run(args: list[str], quick: bool, cwd: Path) -> Said:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
    env.pop("GITHUB_ACTIONS", None)
    if not quick:
        env["JOURNEYMAP_QUICK"] = "0"
    done = subprocess.run(
        [sys.executable, "-m", "journeymap", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quick")
    files = {
        "typo.yaml": JOURNEY_TEXT.replace("title:", "titel:", 1),
        "reference.yaml": JOURNEY_TEXT.replace("channel: site", "channel: sitee", 1),
        "emotion.yaml": JOURNEY_TEXT.replace("emotion: 1", "emotion: 7", 1),
        "padded.yaml": JOURNEY_TEXT.replace("emotion: 1", "emotion: 1\n        notes: ' x '", 1),
        "twin.yaml": JOURNEY_TEXT,
        "not-journey.yaml": "just: data\n",
        "empty.yaml": "",
        "alias-bomb.yaml": CASES["alias-bomb"][0].decode() if "alias-bomb" in CASES else "a: [",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "folder").mkdir()
    (folder / "folder" / "one.yaml").write_text(JOURNEY_TEXT, encoding="utf-8")
    return folder


def _argument_lists(inputs: Path) -> list[list[str]]:
    here = [str(p) for p in sorted(inputs.glob("*.yaml"))]
    lists: list[list[str]] = []
    for command, formats in (
        ("validate", ["text", "json", "github", "sarif"]),
        ("lint", ["auto", "text", "json", "github", "sarif"]),
    ):
        lists += [[command, VESTE], [command, *EXAMPLES], [command, "examples"]]
        lists += [[command, path] for path in here]
        lists += [[command, "--format", fmt, VESTE, here[0]] for fmt in formats]
        lists += [
            [command, f"--format={formats[-1]}", *here],
            [command, "-f", "json", str(inputs / "folder")],
            [command, "missing.yaml"],
            [command, VESTE, "missing.yaml"],
            [command, "--format", "bogus", VESTE],
            [command, "--format"],
            [command, "-f", "json", "-f", "text", VESTE],
            [command, "--jobs", "1", VESTE],
            [command, "-j", "0", "-x", "folder", str(inputs)],
            [command, "--jobs=2", "--exclude=fold*", "--exclude", "*.yml", str(inputs)],
            [command, "-j", "-1", VESTE],
            [command, "-j", "two", VESTE],
            [command, "--jobs", "1", "--jobs", "2", VESTE],
            [command, "-x", "", VESTE],
            [command, "-j"],
            [command, VESTE, "--unknown"],
            [command, "", VESTE],
            [command, "-", VESTE],
            [command],
            [command, "--help"],
        ]
    lists += [
        ["lint", "--fail-on", "warning", *here],
        ["lint", "--fail-on", "info", "-f", "json", VESTE],
        ["lint", "--fail-on", "bogus", VESTE],
        ["lint", "-c", "examples/journeymap.toml", "examples"],
        ["lint", "--config", "examples", VESTE],
        ["lint", "--config", "missing.toml", VESTE],
        ["lint", "--select", "JM4", "--select", "JM301", *here],
        ["lint", "--ignore=JM4", "--ignore", "JM3", "-f", "github", *here],
        ["lint", "--select", "nosuchrule", VESTE],
        ["lint", "-o", str(inputs / "out" / "missing-folder.json"), VESTE],
        ["lint", "-o", str(inputs / "folder"), VESTE],
        ["validate", "--fail-on", "warning", VESTE],
    ]
    return lists


def test_the_common_invocations_are_taken_quickly() -> None:
    """Else the comparison below would compare typer with itself."""
    assert parse(["validate", "a.yaml", "b.yaml"]) == Quick(
        "validate", "text", ("a.yaml", "b.yaml")
    )
    assert parse(["lint", "--format", "text", "a.yaml"]) == Quick("lint", "text", ("a.yaml",))
    assert parse(["lint", "-f=json", "a.yaml"]) is None  # click reads "=json": typer's words
    assert parse(["validate", "--format=sarif", "a.yaml"]) == Quick(
        "validate", "sarif", ("a.yaml",)
    )
    assert parse(["lint", "-j", "1", "--select", "JM4", "-x", "d", "--select=JM3", "a"]) == Quick(
        "lint", "auto", ("a",), exclude=("d",), jobs=1, select=("JM4", "JM3")
    )
    for odd in (
        ["validate"],
        ["validate", "-j2", "a"],
        ["validate", "-j", "1", "-j", "2", "a"],
        ["lint", "-"],
        ["lint", "--output", "-", "a"],
        ["lint", "--", "a"],
        ["validate", "--select", "JM4", "a"],
        ["matrix", "a"],
        ["render", "d", "-o"],
        ["render", "d", "-oout"],
        ["render", "d", "-t", "dark"],
    ):
        assert parse(odd) is None, odd
    wanted = Quick("render", "svg", ("d",), output="out/")
    assert parse(["render", "d", "-o", "out/", "-f", "svg"]) == wanted
    assert parse(["render", "d", "--output=-"]) == Quick("render", "", ("d",), output="-")


def _compared(lists: list[list[str]]) -> list[list[str]]:
    """The lists the quick entry takes. One it does not take (`parse` gives None) runs the
    same code in both processes (journeymap.cli.entry goes straight to typer, whatever
    JOURNEYMAP_QUICK says): comparing the two adds no proof, only two process starts,
    so those are compared in the full run only (JOURNEYMAP_FULL_TESTS=1)."""
    return lists if FULL else [args for args in lists if parse(args) is not None]


def test_quick_and_typer_say_the_same(inputs: Path) -> None:
    lists = _argument_lists(inputs)
    assert sum(parse(args) is not None for args in lists) > len(lists) / 2
    lists = _compared(lists)
    # Both entries of every list at once: each run is a separate process writing no file
    # the others read, and the suite's time is mostly these start-ups.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        quick = list(pool.map(lambda args: _run(args, True, ROOT), lists))
        typer = list(pool.map(lambda args: _run(args, False, ROOT), lists))
    for args, fast, slow in zip(lists, quick, typer, strict=True):
        assert fast == slow, args


def _render_lists(inputs: Path) -> list[list[str]]:
    veste, out = str(ROOT / VESTE), "out"
    return [
        ["render", veste, "-o", f"{out}/"],
        ["render", str(ROOT / "examples"), "-o", f"{out}/", "--format", "dot"],
        ["render", veste, "-o", f"{out}/map.svg"],
        ["render", veste, "--output=-", "-f", "dot"],
        ["render", veste, "-o", "-", "--format=mmd"],
        ["render", veste, "--format", "dot"],
        ["render", str(inputs / "typo.yaml"), str(inputs / "twin.yaml"), "-o", f"{out}/"],
        ["render", *(str(p) for p in sorted(inputs.glob("*.yaml"))), "-o", f"{out}/"],
        ["render", veste, str(inputs / "twin.yaml"), "-o", f"{out}/", "-f", "dot"],
        ["render", veste, "-o", f"{out}/map.svg", "--format", "dot"],
        ["render", veste, "-o", f"{out}/map.txt"],
        ["render", veste, "-o", "nowhere"],
        ["render", "missing.yaml", "-o", f"{out}/"],
        ["render", veste, "-f", "bogus"],
        ["render", veste, "-o", "a", "-o", "b"],
        ["render", veste, "-o"],
        ["render", veste, "--theme", "dark", "-o", f"{out}/"],
        ["render", str(ROOT / "examples"), "-x", "veste*", "-j", "1", "-o", f"{out}/", "-f", "dot"],
    ]


def _written(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_quick_and_typer_render_the_same(inputs: Path, tmp_path: Path) -> None:
    """Exit code, both streams and every file written, in a folder of its own each time."""
    lists = _render_lists(inputs)
    assert sum(parse(args) is not None for args in lists) > len(lists) / 2
    lists = _compared(lists)

    def run_in_own_folder(index: int, quick: bool) -> tuple[Said, dict[str, bytes]]:
        here = tmp_path / f"{index}-{quick}"
        (here / "out").mkdir(parents=True)
        said = _run(lists[index], quick, here)
        return said, _written(here)

    # Every run at once, as above: each in a folder of its own, reading only the inputs.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        quick = list(pool.map(lambda index: run_in_own_folder(index, True), range(len(lists))))
        typer = list(pool.map(lambda index: run_in_own_folder(index, False), range(len(lists))))
    for args, fast, slow in zip(lists, quick, typer, strict=True):
        assert fast == slow, args
