"""Hostile cases the first sweeps did not try, and the defects they found.

Found by the `more:`, `place:`, `nobody:`, `out:`, `dot:` and `env:` groups of
tools/hostile_sweep.py: YAML 1.1 words as keys, characters XML cannot hold, counts too
big for a float, a `dot` on PATH that is not Graphviz, folders that may be listed but
not searched. Each case runs the real CLI and must end with exit 0, 1 or 2 and one
clear line naming the file: never an internal error or a traceback, never an output
written from garbage.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, invoke, run_cli

JOURNEY = EXAMPLES / "veste-hiver.yaml"
TEXT = EXAMPLES.joinpath("veste-hiver.yaml").read_text(encoding="utf-8")
STAGE = "  - id: besoin\n"
_SETPRIV = shutil.which("setpriv")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _clean(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr


def _journey(tmp_path: Path, old: str, new: str, name: str = "h.yaml") -> Path:
    assert old in TEXT
    path = tmp_path / name
    path.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    return path


# --- keys and values YAML reads as something else ------------------------------------------


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("on", "unknown key true (YAML reads a bare yes, no, on, off, true or false"),
        ("no", "unknown key false (YAML reads a bare yes, no, on, off"),
        ("~", "unknown key null (a key written ~, null or nothing before ':')"),
        ("4", "unknown key 4; a decimal comma?"),
    ],
)
def test_a_key_that_is_not_text_is_shown_as_written(key: str, said: str, tmp_path: Path) -> None:
    """`on:` is true in YAML 1.1: it was shown as "unknown key 1", with the hint meant for
    a decimal comma."""
    path = _journey(tmp_path, STAGE, f"  - {key}: x\n    id: besoin\n")
    done = invoke("validate", path)
    assert done.code == 1
    assert said in done.stdout
    assert ":43:5: error[JM006] stage 'besoin': " in done.stdout
    if key != "4":
        assert "decimal comma" not in done.stdout


@pytest.mark.parametrize("command", [("matrix", "-f", "json"), ("validate",), ("site", "-o")])
def test_a_count_too_big_for_a_float_is_refused(command: tuple[str, ...], tmp_path: Path) -> None:
    """A volume of 4,000 digits was valid, then `matrix -f json` ranked the priorities
    (volume x dissatisfaction, a float): OverflowError, exit 3."""
    path = _journey(tmp_path, "volume: 120000", "volume: " + "9" * 4000)
    args = [*command, str(tmp_path / "site"), str(path)] if "-o" in command else [*command, path]
    done = invoke(*args)
    assert done.code == 1, done.stderr
    said = done.stdout + done.stderr
    assert "'volume' must be a whole number of customers, from 0 to 1,000,000,000,000,000" in said
    highest = _journey(tmp_path, "volume: 120000", "volume: 1000000000000000", "max.yaml")
    assert invoke(*[*args[:-1], highest]).code == 0


# --- what the layout program is given, and what it gives back ------------------------------


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_characters_xml_cannot_hold_are_drawn_as_spaces(fmt: str, tmp_path: Path) -> None:
    """U+FFFE and U+FFFF are valid UTF-8 that XML refuses: dot failed 'not well-formed'."""
    old = "text: Je sens le froid arriver et ma vieille veste ne suffit plus"
    path = _journey(tmp_path, old, 'text: "Je \\uFFFE sens \\uFFFF le froid"')
    out = tmp_path / f"map.{fmt}"
    done = run_cli("render", path, "-o", out)
    assert done.code == 0, done.stderr
    assert out.stat().st_size > 1000


def _fake_dot(tmp_path: Path, body: str) -> dict[str, str]:
    folder = tmp_path / "bin"
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    dot.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.parametrize(
    ("fmt", "body", "said"),
    [
        ("svg", "cat > /dev/null; echo 'not an image'", "wrote 13 bytes that are not SVG"),
        ("png", "cat > /dev/null; head -c 3000 /dev/urandom", "wrote 3000 bytes that are not PNG"),
        ("pdf", "cat > /dev/null; echo '<svg></svg>'", "wrote 12 bytes that are not PDF"),
        ("svg", "cat > /dev/null; kill -SEGV $$", "failed: it was stopped by signal SIGSEGV"),
        ("png", "cat > /dev/null; exit 0", "failed: exit code 0 but no output"),
        ("pdf", "cat > /dev/null; echo 'Error: syntax' >&2; exit 1", "failed: Error: syntax"),
    ],
    ids=["text", "random", "svg-as-pdf", "crash", "silent", "error"],
)
def test_a_dot_that_is_not_graphviz(fmt: str, body: str, said: str, tmp_path: Path) -> None:
    """A `dot` first on PATH that printed garbage and exit 0 had it written as the map."""
    out = tmp_path / f"map.{fmt}"
    done = run_cli("render", JOURNEY, "-o", out, env=_fake_dot(tmp_path, body))
    assert done.code == 2, done.stderr
    _clean(done.stderr)
    assert said in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not out.exists()
    assert not list(tmp_path.glob(".map*"))


# --- folders that may be listed but not searched, files that may not be read --------------


def _as_a_user(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI without the capabilities that let root read and search whatever the modes say."""
    prefix = [_SETPRIV, "--bounding-set", "-dac_override,-dac_read_search"] if IS_ROOT else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "journeymap", *map(str, args)],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
        timeout=120,
    )


unprivileged = pytest.mark.skipif(
    IS_ROOT and _SETPRIV is None, reason="root without setpriv reads every file"
)


@unprivileged
@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_a_folder_that_can_be_listed_but_not_searched(fmt: str, tmp_path: Path) -> None:
    """Looking for journeymap.toml beside the files raised PermissionError (pathlib's
    is_file), exit 3: the files are unreadable, each says so."""
    folder = tmp_path / "noexec"
    folder.mkdir()
    shutil.copy(JOURNEY, folder / "a.yaml")
    folder.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        done = _as_a_user("lint", "-f", fmt, "noexec", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    _clean(done.stderr)
    assert "permission denied" in (done.stdout + done.stderr).lower()


@unprivileged
def test_a_configuration_in_a_folder_that_cannot_be_searched(tmp_path: Path) -> None:
    """`lint -c locked/journeymap.toml`: Path.exists raised PermissionError, exit 3."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "journeymap.toml").write_text("[lint]\n", encoding="utf-8")
    folder.chmod(0)
    try:
        done = _as_a_user("lint", "-c", "locked/journeymap.toml", JOURNEY, cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    _clean(done.stderr)
    assert done.stderr.strip() == (
        "journeymap: error: locked/journeymap.toml: cannot read: Permission denied"
    )


# --- standard input where a command cannot, or could, take it ------------------------------


def test_import_reads_a_diagram_from_standard_input(tmp_path: Path) -> None:
    """`cat diagram.mmd | journeymap import -` said "standard input was not read before
    the run", exit 2."""
    diagram = ROOT / "tests" / "data" / "import" / "mermaid" / "cypress-go-shopping.mmd"
    with diagram.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "journeymap", "import", "-", "-o", tmp_path],
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "go-shopping.yaml").is_file()


@pytest.mark.parametrize("order", ["first", "second"])
def test_diff_says_it_does_not_read_standard_input(order: str, tmp_path: Path) -> None:
    """`diff - j.yaml` said "-: no such file, and not in a git repository"."""
    args = ("-", JOURNEY) if order == "first" else (JOURNEY, "-")
    done = run_cli("diff", *args, cwd=tmp_path)
    assert done.code == 2
    assert done.stderr.strip() == (
        "journeymap: error: -: diff compares files, folders or git revisions, "
        "not standard input; save it to a file first"
    )


@pytest.mark.skipif(not IS_ROOT or shutil.which("git") is None, reason="chown needs root")
def test_a_repository_git_refuses_is_named_with_the_fix(tmp_path: Path) -> None:
    """Another user's repository ("dubious ownership") was said not to be a repository."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "one", "--allow-empty"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    shutil.copy(JOURNEY, repo / "j.yaml")
    for path in (repo, *repo.rglob("*")):
        os.lchown(path, 65534, 65534)
    done = run_cli("diff", "HEAD", cwd=repo, env={"GIT_CONFIG_GLOBAL": "/dev/null"})
    assert done.code == 2
    assert "detected dubious ownership in repository" in done.stderr
    assert "if you trust it: git config --global --add safe.directory" in done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("encoding", "where"),
    [("utf-16", "1:1: UTF-16 text, not UTF-8"), ("latin-1", "2:6: not valid UTF-8 (byte 0xe9)")],
)
def test_a_configuration_not_in_utf8_says_how_to_save_it(
    encoding: str, where: str, tmp_path: Path
) -> None:
    """Where the text stops being UTF-8 (`é` in Latin-1, the byte-order mark of UTF-16)."""
    config = tmp_path / "journeymap.toml"
    config.write_bytes('[lint]\n# café\nignore = ["JM104"]\n'.encode(encoding))
    done = invoke("lint", "-c", config, JOURNEY)
    assert done.code == 2
    assert f"{config}:{where}; save it as UTF-8" in done.stderr


@pytest.mark.parametrize(
    ("value", "code"), [("999999999999999999999G", 2), ("9" * 400, 2), ("1024G", 0)]
)
def test_a_size_limit_too_large_for_memory(value: str, code: int) -> None:
    """JOURNEYMAP_MAX_BYTES=999999999999999999999G overflowed the read's size (exit 3);
    1024G made the read set aside a terabyte for a 9 KB file (MemoryError, exit 3)."""
    done = run_cli("validate", JOURNEY, env={"JOURNEYMAP_MAX_BYTES": value})
    assert done.code == code, done.stderr
    _clean(done.stderr)
    if code:
        assert "is more than 1024G; no file that large can be loaded" in done.stderr


# --- YAML errors a reader cannot see in an editor -------------------------------------------

STEP_TEXT = "text: Je sens le froid arriver et ma vieille veste ne suffit plus"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            'text: "Je suis \\ud83d\\ude00 content"',
            "\\ud83d\\ude00 is one character in two UTF-16 halves, as JSON writes it: "
            "write the character itself, or \\U0001F600",
        ),
        ('text: "Je \\udfff"', "\\udfff is half of a character: write the character itself"),
        (
            STEP_TEXT + "\u2028suite",
            "U+2028 (line separator) at line 49, column 74 is a line break for YAML",
        ),
        (STEP_TEXT + "\x85suite", "U+0085 (next line) at line 49, column 74 is a line break"),
    ],
    ids=["surrogate-pair", "half", "line-separator", "next-line"],
)
def test_what_an_editor_hides_is_named(written: str, said: str, tmp_path: Path) -> None:
    """libyaml said only "found invalid Unicode character escape code" for an emoji as JSON
    writes it, and "could not find expected ':'" two lines below a pasted U+2028."""
    done = invoke("validate", _journey(tmp_path, STEP_TEXT, written))
    assert done.code == 1
    assert "error[JM002] invalid YAML: " in done.stdout
    assert said in done.stdout


# --- survey workbooks that lie or are broken ------------------------------------------------

SURVEYS = ROOT / "tests" / "data" / "surveys"
WORKBOOK = SURVEYS / "microsoft-forms-checkout.xlsx"
SHEET = "xl/worksheets/sheet1.xml"


def _workbook(tmp_path: Path, change: str, name: str = "survey.xlsx") -> Path:
    """The Microsoft Forms workbook with its sheet's XML changed: `change` is what
    replaces the end of the sheet's data (or 'corrupt' for bytes flipped in the zip)."""
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(WORKBOOK) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            data = base.read(info.filename)
            if info.filename == SHEET and change != "corrupt":
                data = data.replace(b"</sheetData>", change.encode(), 1)
            z.writestr(info.filename, data)
    if change == "corrupt":
        whole = bytearray(path.read_bytes())
        start = whole.find(SHEET.encode()) + len(SHEET) + 40
        whole[start : start + 30] = bytes(b ^ 0x55 for b in whole[start : start + 30])
        path.write_bytes(bytes(whole))
    return path


def _metrics_import(survey: Path, tmp_path: Path) -> tuple[int, str, str]:
    journey = tmp_path / "saas.yaml"
    shutil.copy(EXAMPLES / "saas-subscription.yaml", journey)
    mapping = SURVEYS / "microsoft-forms-checkout.map.yaml"
    done = run_cli("metrics", "import", survey, "--map", mapping, "--journey", journey)
    return done.code, done.stdout, done.stderr


@pytest.mark.parametrize("change", ["<row><c></sheetData>", "corrupt"], ids=["xml", "zip"])
def test_a_workbook_damaged_inside_its_sheet(change: str, tmp_path: Path) -> None:
    """openpyxl reads the sheet only when its rows are asked for: malformed XML
    (ParseError) and a damaged zip member (zlib.error) came out as internal errors."""
    code, _, stderr = _metrics_import(_workbook(tmp_path, change), tmp_path)
    assert code == 2, stderr
    _clean(stderr)
    assert "survey.xlsx: a damaged Excel workbook (" in stderr
    assert stderr.rstrip().endswith("); save it again, or export CSV")


ROW_8 = (
    '<row r="8"><c r="A8" t="n"><v>7</v></c><c r="B8" s="1" t="n"><v>46270.375</v></c>'
    '<c r="C8" s="1" t="n"><v>46270.37708333333</v></c><c r="F8" t="n"><v>10</v></c>'
    '<c r="G8" t="n"><v>5</v></c></row>'
)
FAR = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


@pytest.mark.parametrize(
    ("rows", "n"), [(FAR, "n=6"), (ROW_8, "n=7")], ids=["far-cell", "beyond-dimension"]
)
def test_a_workbook_whose_declared_size_lies(rows: str, n: str, tmp_path: Path) -> None:
    """The sheet says A1:H7. A cell at XFD1048576 padded every row to 16,384 cells (hours
    of work); an eighth answer, beyond the declared size, was silently left out."""
    code, stdout, stderr = _metrics_import(_workbook(tmp_path, rows + "</sheetData>"), tmp_path)
    assert code == 0, stderr
    assert n in stdout


def test_a_site_to_a_dash_is_refused(tmp_path: Path) -> None:
    """`site -o -` built the site in a folder named '-' and said it wrote '-/index.html'."""
    done = run_cli("site", JOURNEY, "-o", "-", cwd=tmp_path)
    assert done.code == 2
    assert done.stderr == (
        "journeymap: error: -o -: a site is a folder of files, not a stream; "
        "give -o a folder name\n"
    )
    assert not (tmp_path / "-").exists()
    device = run_cli("site", JOURNEY, "-o", "/dev/null", cwd=tmp_path)
    assert device.code == 2
    assert "/dev/null: is not a folder; give a folder for the site" in device.stderr
