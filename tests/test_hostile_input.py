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
    "only-comments": (b"# nothing\n", 1, "empty file"),
    "binary": (bytes(range(256)) * 4, 1, "binary file (it contains NUL bytes)"),
    "latin-1": (
        "journeymap: 1\ntitle: Caf\u00e9\n".encode("latin-1"),
        1,
        "not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ),
    "utf-16": ("journeymap: 1\n".encode("utf-16"), 1, "file is UTF-16 encoded"),
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
