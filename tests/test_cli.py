"""The command itself: version, help, entry points, and what start-up imports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journeymap import __version__
from tests.conftest import EXAMPLE_FILES, invoke, run_cli

HEAVY = (
    "rich",
    "graphviz",
    "yaml",
    "journeymap.model",
    "journeymap.load",
    "ruamel",
    "anyascii",
    "jinja2",
    "journeymap.site",
)


def test_version() -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.stdout == f"journeymap {__version__}\n"


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "Usage: journeymap" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "typer_needs_pydantic"),
    [(["--version"], False), (["--help"], False), (["validate", "--help"], True)],
)
def test_start_up_imports_nothing_heavy(args: list[str], typer_needs_pydantic: bool) -> None:
    """`--help` and `--version` must stay as quick as typer itself (lazy imports).

    typer itself imports pydantic to convert a subcommand's parameters, so only the
    top-level calls can be free of it.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    heavy = (*HEAVY, *(() if typer_needs_pydantic else ("pydantic",)))
    assert not [m for m in imported if m.startswith(heavy)]


def test_every_command_has_help() -> None:
    """Each command of the lazy table is found, loaded and run by the group."""
    from journeymap.cli.app import COMMANDS

    assert "validate" in COMMANDS
    for name in COMMANDS:
        result = invoke(name, "--help")
        assert result.code == 0, name
        assert f"Usage: journeymap {name}" in result.stdout


def _imported(tmp_path: Path, *args: str, quick: bool = True) -> set[str]:
    """The modules a real run of the CLI imported (`-X importtime` misses those that
    importlib.import_module loads, as the lazy group does); `quick=False` sends even the
    invocations `journeymap.cli.quick` knows to the typer application."""
    report = tmp_path / "modules.txt"
    script = (
        "import sys\n"
        f"sys.argv = ['journeymap', *{list(args)!r}]\n"
        "from journeymap.cli.entry import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    open({str(report)!r}, 'w').write('\\n'.join(sys.modules))\n"
    )
    env = {**os.environ, "JOURNEYMAP_QUICK": "1" if quick else "0"}
    subprocess.run([sys.executable, "-c", script], capture_output=True, check=False, env=env)
    return set(report.read_text().splitlines())


def test_help_lists_every_command_without_importing_one(tmp_path: Path) -> None:
    from journeymap.cli.app import COMMANDS

    help_text = run_cli("--help").stdout
    listed = [line.split()[0] for line in help_text.split("Commands:\n", 1)[1].splitlines()]
    assert listed == list(COMMANDS)
    modules = {f"journeymap.cli.{module}" for module, _ in COMMANDS.values()}
    imported = _imported(tmp_path, "--help")
    assert "journeymap.cli.app" in imported
    assert not modules & imported


def test_a_command_imports_its_own_module_alone(tmp_path: Path) -> None:
    from journeymap.cli.app import COMMANDS

    imported = _imported(tmp_path, "validate", "--jobs", "1", str(EXAMPLE_FILES[0]), quick=False)
    others = {f"journeymap.cli.{m}" for name, (m, _) in COMMANDS.items() if name != "validate"}
    assert "journeymap.cli.validate_cmd" in imported
    assert not others & imported


@pytest.mark.parametrize(
    "args", [["validate", "FILE"], ["validate", "--format", "json", "FILE", "FILE"]]
)
def test_validating_a_valid_file_imports_neither_typer_nor_pydantic(
    args: list[str], tmp_path: Path
) -> None:
    """What pre-commit and editors run most: `quick` parses it and `quickcheck` vouches
    for the file, so neither typer nor the models (pydantic) nor rich are loaded."""
    imported = _imported(tmp_path, *[str(EXAMPLE_FILES[0]) if a == "FILE" else a for a in args])
    assert "journeymap.runner.validate" in imported
    assert not {"typer", "click", "pydantic", "rich"} & {m.split(".")[0] for m in imported}


@pytest.mark.parametrize("width", [40, 60, 80, 200])
def test_help_summaries_are_the_commands_own(width: int) -> None:
    """`--help` lists each command from the table; what it shows must be what the
    command itself says, whatever the terminal's width."""
    from typer.core import TyperCommand

    from journeymap.cli.app import COMMANDS, load_command

    for name, (_, summary) in COMMANDS.items():
        command = load_command(name)
        stub = TyperCommand(name=name, help=summary)
        assert command.get_short_help_str(width) == stub.get_short_help_str(width), name


def _command_paths() -> list[tuple[str, ...]]:
    """Every command a user can run, subcommands of groups included."""
    from journeymap.cli.app import COMMANDS, load_command

    paths: list[tuple[str, ...]] = []
    for name in COMMANDS:
        subcommands = getattr(load_command(name), "commands", {})
        paths.extend((name, sub) for sub in subcommands)
        paths.append((name,))
    return paths


TYPE_NAMES = re.compile(r"<(?:int|str|float|bool|list\[|Path|path|file|dir)|range>", re.IGNORECASE)
"""typer's own names for a parameter's Python type, which users cannot act on."""


@pytest.mark.parametrize("command", _command_paths(), ids=" ".join)
def test_help_placeholders_are_words_users_know(command: tuple[str, ...]) -> None:
    """`--port <int range>`, `rule <str>`, `PATH <list[Path]>` name Python types; each
    placeholder must be a word (PORT, RULE, FILE) or a list of choices."""
    result = invoke(*command, "--help")
    assert result.code == 0
    assert f"Usage: journeymap {' '.join(command)} " in result.stdout
    assert not TYPE_NAMES.findall(result.stdout), result.stdout
    usage = result.stdout.splitlines()[0]
    assert "{" not in usage and "}" not in usage, usage  # typer's braces: {PATH}...


DIFF_USAGE = "Usage: journeymap diff [OPTIONS] OLD NEW | REV [PATH...] | A..B [PATH...]\n"


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["diff", "--help"], DIFF_USAGE),
        (["validate", "--help"], "Usage: journeymap validate [OPTIONS] PATH...\n"),
        (["rules", "--help"], "Usage: journeymap rules [OPTIONS] [RULE]\n"),
        (["metrics", "import", "--help"], "Usage: journeymap metrics import [OPTIONS] SURVEY.csv\n"),  # noqa: E501
    ],
    ids=["diff", "validate", "rules", "metrics import"],
)  # fmt: skip
def test_the_usage_line_names_arguments_as_man_pages_do(args: list[str], usage: str) -> None:
    """typer wrote `{OLD NEW | REV [PATH...] | A..B [PATH...]}...` and `{PATH}...`."""
    result = run_cli(*args)
    assert result.code == 0 and result.stdout.startswith(usage)


def test_a_usage_error_shows_the_same_usage_line() -> None:
    result = run_cli("diff")
    assert result.code == 2
    assert result.stderr.startswith(DIFF_USAGE)


@pytest.mark.parametrize(
    "args", [["validate", "FILE"], ["lint", "FILE"], ["metrics", "plan", "FILE"], ["rules"]]
)
def test_a_command_collects_garbage_once_started(args: list[str], tmp_path: Path) -> None:
    """The entry point turns the garbage collector off for the imports only: by the time
    the command works, it is on again, with the start-up set apart (frozen)."""
    report = tmp_path / "gc.txt"
    argv = [str(EXAMPLE_FILES[0]) if a == "FILE" else a for a in args]
    script = (
        "import gc, sys\n"
        f"sys.argv = ['journeymap', *{argv!r}]\n"
        "from journeymap.cli.entry import main\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    open({str(report)!r}, 'w').write(f'{{gc.isenabled()}} {{gc.get_freeze_count()}}')\n"
    )
    subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    enabled, frozen = report.read_text().split()
    assert enabled == "True"
    assert int(frozen) > 10_000


def test_in_process_runs_leave_the_collector_alone() -> None:
    import gc

    frozen = gc.get_freeze_count()
    assert invoke("validate", EXAMPLE_FILES[0]).code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_misspelt_command_is_still_suggested() -> None:
    result = run_cli("valdate", "x.yaml")
    assert result.code == 2
    assert "No such command 'valdate'. Did you mean 'validate'?" in result.stderr


def test_console_script_is_installed() -> None:
    from shutil import which

    script = which("journeymap", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script is not None
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("journeymap ")


STOP_AT_IMPORT = """\
import os, sys


class _StopWhenImported:
    # Sends the signal when a chosen module is about to load: a Ctrl-C at that moment.
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["STOP_AT"]:
            os.kill(os.getpid(), int(os.environ["STOP_WITH"]))
        return None


sys.meta_path.insert(0, _StopWhenImported())
"""


@pytest.mark.parametrize("form", ["console script", "python -m"])
@pytest.mark.parametrize(
    ("module", "signum"),
    [
        ("journeymap.cli", 2),  # before journeymap.cli.entry runs: Python's KeyboardInterrupt
        ("journeymap.cli.entry", 2),
        ("journeymap.signals", 2),
        ("journeymap.cli.quick", 2),  # journeymap's handlers are in place from here
        ("journeymap.cli.quick", 15),
        ("journeymap.runner.validate", 15),
        ("typer", 2),  # with JOURNEYMAP_QUICK=0
    ],
)
def test_a_signal_while_the_command_starts_is_one_line_and_its_code(
    tmp_path: Path, form: str, module: str, signum: int
) -> None:
    """Ctrl-C in the first tenth of a second, while modules load: the console script
    printed a KeyboardInterrupt traceback when it landed before the entry point's code."""
    (tmp_path / "sitecustomize.py").write_text(STOP_AT_IMPORT, encoding="utf-8")
    script = Path(sys.executable).parent / "journeymap"
    start = [str(script)] if form == "console script" else [sys.executable, "-m", "journeymap"]
    env = {"PYTHONPATH": str(tmp_path), "STOP_AT": module, "STOP_WITH": str(signum)}
    done = subprocess.run(
        [*start, "validate", str(EXAMPLE_FILES[0])],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "JOURNEYMAP_QUICK": "0" if module == "typer" else "1"},
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (128 + signum, "journeymap: interrupted\n")
    assert done.stdout == ""


def test_a_program_importing_journeymap_keeps_its_own_ctrl_c() -> None:
    """The start-up's KeyboardInterrupt hook is the command's alone."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, journeymap; raise KeyboardInterrupt"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -2
    assert "Traceback" in done.stderr and "journeymap: interrupted" not in done.stderr


def test_a_short_flag_means_one_thing_in_every_command() -> None:
    """`-j` was --jobs in five commands and --journey in `metrics import`; `-c` --config
    and matrix's --channel; `-m` matrix's --metric and metrics import's --map."""
    from journeymap.cli.app import load_command

    meanings: dict[str, set[str]] = {}
    for path in _command_paths():
        command = load_command(path[0])
        for name in path[1:]:
            command = command.commands[name]
        for param in command.params:
            shorts = [o for o in param.opts if not o.startswith("--")]
            longs = [o for o in param.opts if o.startswith("--")]
            for short in shorts:
                meanings.setdefault(short, set()).update(longs[:1])
    assert {"-j", "-c", "-m", "-o", "-f"} <= set(meanings)
    assert {short: longs for short, longs in meanings.items() if len(longs) > 1} == {}


@pytest.mark.parametrize(
    ("old", "new", "warning"),
    [
        (
            ["matrix", "-c", "site", "examples/retail-omnicanal.yaml"],
            ["matrix", "--channel", "site", "examples/retail-omnicanal.yaml"],
            "journeymap: warning: -c is deprecated here, write --channel "
            "(-c means --config elsewhere)\n",
        ),
        (
            ["matrix", "-csite", "examples/retail-omnicanal.yaml"],
            ["matrix", "--channel=site", "examples/retail-omnicanal.yaml"],
            "journeymap: warning: -c is deprecated here, write --channel "
            "(-c means --config elsewhere)\n",
        ),
        (
            [
                "metrics", "import", "tests/data/surveys/qualtrics-retrait.csv",
                "-m", "tests/data/surveys/qualtrics-retrait.map.yaml",
                "-j", "examples/meubles-web-retrait.yaml",
                "-j", "examples/meubles-web-retrait.yaml",
            ],
            [
                "metrics", "import", "tests/data/surveys/qualtrics-retrait.csv",
                "--map", "tests/data/surveys/qualtrics-retrait.map.yaml",
                "--journey", "examples/meubles-web-retrait.yaml",
                "--journey", "examples/meubles-web-retrait.yaml",
            ],
            "journeymap: warning: -m is deprecated here, write --map (-m means --metric "
            "elsewhere)\njourneymap: warning: -j is deprecated here, write --journey "
            "(-j means --jobs elsewhere)\n",
        ),
        (
            ["matrix", "-kc", "site", "examples/retail-omnicanal.yaml"],
            ["matrix", "-k", "--channel", "site", "examples/retail-omnicanal.yaml"],
            "journeymap: warning: -c is deprecated here, write --channel "
            "(-c means --config elsewhere)\n",
        ),
        (
            ["matrix", "-kcsite", "-csite", "examples/retail-omnicanal.yaml"],
            ["matrix", "-k", "--channel=site", "--channel=site", "examples/retail-omnicanal.yaml"],
            "journeymap: warning: -c is deprecated here, write --channel "
            "(-c means --config elsewhere)\n",
        ),
    ],
    ids=["-c", "-cVALUE", "-m and -j", "-kc VALUE", "-kcVALUE"],
)  # fmt: skip
def test_a_retired_short_flag_still_works_with_one_warning(
    old: list[str], new: list[str], warning: str
) -> None:
    """Scripts written with the old short flags keep running: same output and exit code,
    and one line each on stderr saying what to write instead."""
    before, after = run_cli(*old), run_cli(*new)
    assert (before.code, before.stdout) == (after.code, after.stdout)
    assert before.code == 0 and after.stdout
    assert before.stderr == warning + after.stderr


def test_a_value_after_double_dash_is_never_a_retired_flag() -> None:
    result = run_cli("matrix", "--", "-c")
    assert "warning" not in result.stderr
    assert result.code == 2


COMBINED_SHORT_FLAGS = [
    (["matrix", "-kn2", "examples/retail-omnicanal.yaml"],
     ["matrix", "-k", "-n", "2", "examples/retail-omnicanal.yaml"]),
    (["matrix", "-kf", "json", "examples/retail-omnicanal.yaml"],
     ["matrix", "-k", "-f", "json", "examples/retail-omnicanal.yaml"]),
    (["render", "-vf", "svg", "examples/retail-omnicanal.yaml", "-o", "-"],
     ["render", "-v", "-f", "svg", "examples/retail-omnicanal.yaml", "-o", "-"]),
]  # fmt: skip
"""A group of each command's short flags (the ones without a value) and a short option
with its value, beside the same options written apart."""


@pytest.mark.parametrize(("grouped", "apart"), COMBINED_SHORT_FLAGS, ids=" ".join)
def test_grouped_short_flags_work_as_written_apart(grouped: list[str], apart: list[str]) -> None:
    before, after = run_cli(*grouped), run_cli(*apart)
    assert before == after
    assert before.code == 0 and before.stdout


def test_every_short_flag_is_tried_in_a_group() -> None:
    """A command given a new short flag (one without a value) gets its case above."""
    from journeymap.cli.app import load_command

    flags: set[tuple[str, str]] = set()
    for path in _command_paths():
        command = load_command(path[0])
        for name in path[1:]:
            command = command.commands[name]
        for param in command.params:
            if getattr(param, "is_flag", False) or getattr(param, "count", False):
                flags.update((path[-1], o) for o in param.opts if not o.startswith("--"))
    tried = {(grouped[0], grouped[1][:2]) for grouped, _ in COMBINED_SHORT_FLAGS}
    assert flags <= tried


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["matrix", "-kz", "examples/retail-omnicanal.yaml"], "No such option: -z"),
        (["matrix", "-s", "-c", "examples/retail-omnicanal.yaml"], "no stage '-c'"),
    ],
    ids=["unknown letter", "a value that looks like -c"],
)
def test_a_group_with_an_unknown_letter_or_a_value_is_left_to_click(
    args: list[str], message: str
) -> None:
    """`-s -c`: '-c' is the stage's value, not the retired flag; `-kz`: click names '-z'."""
    result = run_cli(*args)
    assert "warning" not in result.stderr
    assert result.code in (1, 2) and message in result.stderr
