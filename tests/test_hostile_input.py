"""Hostile input gets one clear line and a trustworthy exit code, never a traceback.

These run the CLI in a subprocess: a segfault or a traceback must show as a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

BILLION_LAUGHS = (
    "journeymap: 1\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)

CASES: dict[str, tuple[bytes, int, str]] = {
    "empty": (b"", 1, "empty file: a journey file starts with 'journeymap: 1'"),
    "only-comments": (b"# nothing\n", 1, "no journey: the file holds only comments"),
    "binary": (bytes(range(256)) * 4, 1, "binary file (it contains NUL bytes)"),
    "latin-1": (
        "journeymap: 1\ntitle: Caf\u00e9\n".encode("latin-1"),
        1,
        "not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ),
    "utf-16": ("journeymap: 1\n".encode("utf-16"), 1, "file is UTF-16 encoded"),
    "utf-16-be": (b"\xfe\xff" + "journeymap: 1\n".encode("utf-16-be"), 1, "file is UTF-16 encoded"),
    "utf-16-no-bom": ("journeymap: 1\n".encode("utf-16-le"), 1, "file is UTF-16 encoded"),
    "utf-16-be-no-bom": ("journeymap: 1\n".encode("utf-16-be"), 1, "file is UTF-16 encoded"),
    "utf-32": ("journeymap: 1\n".encode("utf-32"), 1, "file is UTF-32 encoded"),
    "utf-32-no-bom": ("journeymap: 1\n".encode("utf-32-le"), 1, "file is UTF-32 encoded"),
    "utf-32-be-no-bom": ("journeymap: 1\n".encode("utf-32-be"), 1, "file is UTF-32 encoded"),
    "alias-bomb": (BILLION_LAUGHS.encode(), 1, "(a possible alias bomb)"),
    "recursive-alias": (b"journeymap: 1\nid: &a [1, *a]\n", 1, "recursive alias"),
    "python-tag": (
        b"journeymap: 1\nid: !!python/object/apply:os.system ['echo pwned']\n",
        1,
        "tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
    ),
    "deep-flow": (b"journeymap: 1\nx: " + b"[" * 200_000 + b"]" * 200_000, 1, "nesting deeper"),
    "deep-block": (b"journeymap: 1\nx:\n" + b"- " * 200_000 + b"x\n", 1, "nesting deeper"),
    "deep-but-composable": (
        b"journeymap: 1\nx: " + b"[" * 100 + b"]" * 100,
        1,
        "2:67: error[JM004] nesting deeper than 64 levels",
    ),
    "two-documents": (b"journeymap: 1\n---\njourneymap: 1\n", 1, "several YAML documents"),
    "top-level-list": (b"- journeymap: 1\n", 1, "the top level is a list"),
    "tabs": (b"journeymap: 1\nstages:\n\t- id: a\n", 1, "indent with spaces, not tabs"),
    "huge": (b"journeymap: 1\nnotes: '" + b"x" * (10 * 1024 * 1024) + b"'\n", 1, "over the 4.0 MB"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name: str, tmp_path: Path) -> None:
    content, code, message = CASES[name]
    target = tmp_path / f"{name}.yaml"
    target.write_bytes(content)
    result = run_cli("validate", target)
    assert result.code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    diagnostic, summary = result.stdout.splitlines()
    assert diagnostic.startswith(f"{target}:")
    assert message in diagnostic
    assert summary == "✗ 1 error in 1 of 1 file"
    assert target.read_bytes() == content


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / "nope.yaml")
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no such file or directory" in result.stderr


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    target = tmp_path / "secret.yaml"
    target.write_text("journeymap: 1\n", encoding="utf-8")
    target.chmod(0)
    result = run_cli("validate", target)
    assert result.code == 2
    assert "permission denied" in result.stdout


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_file_that_fails_to_read_is_an_unreadable_path() -> None:
    """Reading /proc/self/mem from its start fails with EIO, even for root."""
    result = run_cli("validate", "/proc/self/mem")
    assert result.code == 2
    assert result.stdout.splitlines()[0] == (
        "/proc/self/mem:1:1: error[JM001] cannot read file: Input/output error"
    )


def test_broken_link_is_an_unreadable_path(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "deleted.yaml")
    result = run_cli("validate", link)
    assert result.code == 2
    assert f"{link}:1:1: error[JM001] file not found (a broken link?)" in result.stdout


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    target.write_text("journeymap: 1\n" + "# padding\n" * 200, encoding="utf-8")
    result = run_cli("validate", target, env={"JOURNEYMAP_MAX_BYTES": "100"})
    assert result.code == 1
    assert "over the 100 bytes limit" in result.stdout


# --- values that YAML reads but no field accepts ---------------------------------------

JOURNEY_TEXT = (Path(__file__).resolve().parent.parent / "examples" / "veste-hiver.yaml").read_text(
    encoding="utf-8"
)
EMOTION = "        emotion: 1\n"
METRICS = "            metrics: {csat: 64}\n"

VALUE_CASES: dict[str, tuple[str, str, str]] = {
    "int-tag": (
        EMOTION,
        "        emotion: !!int abc\n",
        "'emotion' must be a whole number from -2 (very bad) to 2 (very good), "
        "not 'abc' (not a valid whole number)",
    ),
    "bool-tag": (EMOTION, "        emotion: !!bool maybe\n", "not 'maybe' (not true or false)"),
    "timestamp-tag": (
        EMOTION,
        "        emotion: !!timestamp garbage\n",
        "not 'garbage' (not a valid date)",
    ),
    "float-tag": (
        EMOTION,
        "        emotion: !!float nonsense\n",
        "not 'nonsense' (not a valid number)",
    ),
    "feb-29": (EMOTION, "        emotion: 2023-02-29\n", "not '2023-02-29' (not a valid date)"),
    "feb-29-tagged": (EMOTION, "        emotion: !!timestamp 2023-02-29\n", "not a valid date"),
    "thousands-of-digits": (
        EMOTION,
        "        emotion: " + "9" * 5000 + "\n",
        "(a number of 5,000 digits)",
    ),
    "hundreds-of-digits": (
        EMOTION,
        "        emotion: " + "9" * 300 + "\n",
        "'emotion' must be a whole number from -2",
    ),
    "hexadecimal": (EMOTION, "        emotion: 0x10\n", "not 16"),
    "octal": (EMOTION, "        emotion: 0o7\n", "not the text '0o7'"),
    "underscores": (EMOTION, "        emotion: 1_0\n", "not 10"),
    "infinity": (EMOTION, "        emotion: .inf\n", "not inf"),
    "text-tagged-int": (
        "title: Achat",
        "title: !!int abc\nold_title: Achat",
        "'title' must be text, not 'abc' (not a valid whole number)",
    ),
    "version-true": ("journeymap: 1\n", "journeymap: true\n", "unsupported format version true"),
    "version-yes": ("journeymap: 1\n", "journeymap: yes\n", "unsupported format version true"),
    "version-text": (
        "journeymap: 1\n",
        "journeymap: '1'\n",
        "unsupported format version the text '1'",
    ),
    "version-digits": (
        "journeymap: 1\n",
        "journeymap: " + "1" * 5000 + "\n",
        "unsupported format version '111",
    ),
    "percent": (
        METRICS,
        "            metrics: {csat: 81%}\n",
        "'csat' must be a percentage from 0 to 100, not the text '81%'; write 81, without '%'",
    ),
    "decimal-comma-flow": (
        METRICS,
        "            metrics: {ces: 4,4}\n",
        "unknown key 4; a decimal comma?",
    ),
    "decimal-comma-quoted": (
        METRICS,
        "            metrics: {ces: '4,4'}\n",
        "write 4.4, with a decimal point",
    ),
    "thousands-separator": (
        "volume: 120000",
        "volume: 120 000",
        "write 120000, without separators",
    ),
}


@pytest.mark.parametrize("name", sorted(VALUE_CASES))
def test_values_no_field_accepts(name: str, tmp_path: Path) -> None:
    old, new, message = VALUE_CASES[name]
    assert old in JOURNEY_TEXT
    target = tmp_path / f"{name}.yaml"
    target.write_text(JOURNEY_TEXT.replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", target)
    assert result.code == 1, result
    assert result.stderr == ""
    diagnostic = result.stdout.splitlines()[0]
    assert result.stdout.splitlines()[-1].startswith("✗")
    assert "error[JM006]" in diagnostic
    assert message in diagnostic


CONTROL_CASES = {
    "escape": ('"Achat \\e[2J"', "\\e at character 7"),
    "nul": ('"Achat\\0"', "\\0 at character 6"),
    "vertical-tab": ('"Achat\\vX"', "\\x0b at character 6"),
    "bell": ('"Achat\\a"', "\\x07 at character 6"),
    "c1": ('"Achat\\x9b"', "\\x9b at character 6"),
    "delete": ('"Achat\\x7f"', "\\x7f at character 6"),
}


@pytest.mark.parametrize(
    "args",
    [
        ("matrix",),
        ("matrix", "--format", "markdown"),
        ("matrix", "--format", "json"),
        ("lint", "--format", "github", "--fail-on", "info"),
        ("lint", "--fail-on", "info"),
        ("render", "-o", "-", "--format", "mmd"),
        ("render", "-o", "-", "--format", "dot"),
    ],
    ids=lambda a: "-".join(a),
)
@pytest.mark.parametrize("name", sorted(CONTROL_CASES))
def test_control_characters_never_reach_a_terminal_raw(
    name: str, args: tuple[str, ...], tmp_path: Path
) -> None:
    written, _ = CONTROL_CASES[name]
    target = tmp_path / "j.yaml"
    text = JOURNEY_TEXT.replace("title: Achat d’une veste d’hiver en ligne", f"title: {written}")
    text = text.replace(
        "text: Je sens le froid arriver et ma vieille veste ne suffit plus",
        f'text: {written[:-1]} Je sens le froid"',
    )
    target.write_text(text, encoding="utf-8")
    assert run_cli("validate", target).code == 0
    result = run_cli(args[0], target, *args[1:])
    assert result.code in (0, 1), result
    assert not any(ord(c) < 32 and c not in "\n\t" for c in result.stdout)  # DOT indents with tabs
    if args[0] != "render" and "json" not in args:
        assert not any(0x7F <= ord(c) <= 0x9F for c in result.stdout)
    if "github" in args:
        assert all(line.startswith("::") for line in result.stdout.splitlines())


def test_invalid_ids_are_echoed_escaped(tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    text = JOURNEY_TEXT.replace("id: veste-hiver", 'id: "veste\\e[31mred\\n::error ::forged"', 1)
    target.write_text(text, encoding="utf-8")
    for fmt in ("text", "github"):
        result = run_cli("validate", "--format", fmt, target)
        assert result.code == 1
        assert "\x1b" not in result.stdout
        assert "'veste\\e[31mred\\n::error ::forged' is not a valid id" in result.stdout
    assert len(run_cli("validate", "--format", "github", target).stdout.splitlines()) == 1


ODD_TEXT = 'Je paie \\"vite\\" <b>&amp; | pipe; semi: colon # hash %% tab\\t, ligne\\nsuite \\\\'


@pytest.mark.parametrize(
    "args",
    [
        ("render", "-o", "{dir}/m.dot"),
        ("render", "-o", "{dir}/m.svg"),
        ("render", "--view", "path", "-o", "{dir}/m.svg"),
        ("render", "-o", "{dir}/m.mmd"),
        ("matrix", "--format", "csv", "-o", "{dir}/m.csv"),
        ("matrix", "--format", "json", "-o", "{dir}/m.json"),
        ("matrix", "--format", "markdown", "-o", "{dir}/m.md"),
        ("matrix", "-o", "{dir}/m.txt"),
        ("lint", "--format", "sarif", "-o", "{dir}/m.sarif"),
        ("lint", "--format", "github", "-o", "{dir}/m.github"),
    ],
    ids=lambda a: "-".join(a).replace("{dir}/", ""),
)
def test_quotes_newlines_and_a_trailing_backslash_never_break_an_output(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    import csv
    import json
    import xml.dom.minidom

    text = JOURNEY_TEXT.replace("title: Achat d’une veste d’hiver en ligne", f'title: "{ODD_TEXT}"')
    text = text.replace(
        "text: Je sens le froid arriver et ma vieille veste ne suffit plus", f'text: "{ODD_TEXT}"'
    )
    text = text.replace("{id: reseaux-sociaux, name: ", '{id: reseaux-sociaux, name: "x \\\\", n: ')
    text = text.replace(", n: Réseaux sociaux", "")
    target = tmp_path / "j.yaml"
    target.write_text(text, encoding="utf-8")
    assert run_cli("validate", target).code == 0
    command, *rest = (a.replace("{dir}", str(tmp_path)) for a in args)
    result = run_cli(command, target, *rest)
    assert result.code == 0, result
    assert "Warning" not in result.stderr
    out = Path(rest[-1])
    data = out.read_text(encoding="utf-8")
    if out.suffix == ".dot":
        assert subprocess_ok(["dot", "-Tsvg", str(out)])
    elif out.suffix == ".svg":
        xml.dom.minidom.parseString(data)
    elif out.suffix == ".csv":
        rows = list(csv.reader(data.splitlines(keepends=True)))
        assert len({len(row) for row in rows}) == 1
    elif out.suffix in (".json", ".sarif"):
        json.loads(data)
    elif out.suffix == ".mmd":
        assert not any(ord(c) < 32 and c != "\n" for c in data)
        assert any("Je paie" in line and "suite" in line for line in data.splitlines())
    elif out.suffix == ".github":
        assert all(line.startswith("::") for line in data.splitlines())


def subprocess_ok(command: list[str]) -> bool:
    import shutil
    import subprocess

    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(command, capture_output=True, check=False).returncode == 0
