"""Regressions found by tools/hostile_sweep.py: names the system refuses, links that loop,
a deleted working folder, special files where a journey or an output belongs.

Each case runs the real CLI in a subprocess and must end with exit 0, 1 or 2 and one
clear line, never an internal error, a traceback or a hang.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, run_cli

JOURNEY = EXAMPLES / "veste-hiver.yaml"
SURVEYS = ROOT / "tests" / "data" / "surveys"


def _clean(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    target = tmp_path / "veste.yaml"
    shutil.copy(JOURNEY, target)
    return target


@pytest.mark.parametrize("ext", ["svg", "png", "dot", "mmd"])
def test_render_to_a_name_too_long(ext: str, journey: Path, tmp_path: Path) -> None:
    """pathlib's is_dir raised ENAMETOOLONG before the output was even planned (exit 3)."""
    done = run_cli("render", journey, "-o", tmp_path / f"{'n' * 300}.{ext}")
    assert done.code == 2
    assert "File name too long" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    folder = run_cli("render", journey, "-o", f"{tmp_path / ('d' * 300)}/")
    assert folder.code == 2
    assert "File name too long" in folder.stderr


def test_wrote_escapes_a_newline_in_the_output_name(journey: Path, tmp_path: Path) -> None:
    """A newline in a file name forged a second line in 'wrote ...'."""
    done = run_cli("render", journey, "-o", tmp_path / "a\nb.dot")
    assert done.code == 0, done.stderr
    assert done.stderr.count("\n") == 1
    assert "a\\nb.dot" in done.stderr
    assert (tmp_path / "a\nb.dot").is_file()


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_metrics_write_refuses_standard_input(name: str, tmp_path: Path) -> None:
    """--write read a journey given as standard input a second time (none left: exit 3)."""
    journey = (EXAMPLES / "meubles-web-retrait.yaml").read_bytes()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeymap",
            "metrics",
            "import",
            str(SURVEYS / "qualtrics-retrait.csv"),
            "--map",
            str(SURVEYS / "qualtrics-retrait.map.yaml"),
            "--journey",
            name,
            "--write",
        ],
        input=journey,
        capture_output=True,
        timeout=120,
        check=False,
    )
    stderr = done.stderr.decode()
    _clean(stderr)
    assert done.returncode == 1, stderr
    assert "cannot be updated: --write updates journey files in place" in stderr


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "{loop}"),
        ("lint", "-f", "json", "-j", "1", "{loop}"),
        ("validate", "-f", "sarif", "{loop}"),
        ("site", "{loop}", "-o", "{out}"),
        ("lint", "{folder}"),
        ("diff", str(JOURNEY), "{loop}"),
        ("diff", "{loop}", str(JOURNEY)),
    ],
    ids=["lint", "lint-json", "validate-sarif", "site", "lint-folder", "diff-new", "diff-old"],
)
def test_a_link_that_loops(args: tuple[str, ...], tmp_path: Path) -> None:
    """Path.resolve raised RuntimeError on a loop of links (lint's configuration, SARIF);
    diff called a loop 'no such file or directory', or took it for a git revision."""
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop.name)
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(JOURNEY, folder / "veste.yaml")
    (folder / "l.yaml").symlink_to("l.yaml")
    values = {"loop": str(loop), "folder": str(folder), "out": str(tmp_path / "site")}
    done = run_cli(*(a.format(**values) for a in args))
    assert done.code == 2, done.stderr
    assert "too many levels of symbolic links" in (done.stdout + done.stderr).lower()
    _clean(done.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "HEAD"),
        ("lint", "-f", "sarif", str(JOURNEY)),
        ("site", str(JOURNEY), "-o", "{out}"),
    ],
    ids=["diff", "lint-sarif", "site"],
)
def test_a_deleted_working_folder(args: tuple[str, ...], tmp_path: Path) -> None:
    """The repository root, the SARIF base and the site's folder start from the current
    folder: deleted under the shell, it was an internal error."""
    gone = tmp_path / "gone"
    gone.mkdir()
    command = [sys.executable, "-m", "journeymap", *(a.format(out=tmp_path / "s") for a in args)]
    env = {**os.environ, "NO_COLOR": "1"}
    script = "import os, subprocess, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
    script += "sys.exit(subprocess.run(sys.argv[2:]).returncode)"
    done = subprocess.run(
        [sys.executable, "-c", script, str(gone), *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    _clean(done.stderr)
    assert done.returncode == 2, done.stderr
    assert "the current folder no longer exists" in done.stderr


def test_diff_names_too_long(journey: Path, tmp_path: Path) -> None:
    long_name = str(tmp_path / ("a" * 300))
    for args in [(long_name,), (str(journey), long_name), ("HEAD", long_name)]:
        done = run_cli("diff", *args)
        assert done.code == 2, (args, done.stderr)
        _clean(done.stderr)


def test_diff_against_an_endless_device(journey: Path) -> None:
    """diff read a device whole before loading it: /dev/full never ends (a hang)."""
    done = run_cli("diff", journey, "/dev/full")
    assert done.code == 2
    assert "is a device" in done.stdout + done.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_diff_of_a_file_whose_name_is_not_utf8(fmt: str, journey: Path, tmp_path: Path) -> None:
    """The name went raw into Markdown and JSON, which cannot encode it (exit 3)."""
    name = os.fsdecode(b"caf\xe9.yaml")
    changed = tmp_path / name
    changed.write_text(
        journey.read_text(encoding="utf-8").replace("csat: 86", "csat: 40", 1), encoding="utf-8"
    )
    done = run_cli("diff", "-f", fmt, journey, changed)
    assert done.code == 0, done.stderr
    assert "caf\\xe9.yaml" in done.stdout.replace("\\\\", "\\")


@pytest.mark.parametrize(
    "args",
    [
        ("import", str(ROOT / "tests/data/import/mermaid/cypress-go-shopping.mmd"), "-o"),
        ("site", str(JOURNEY), "-o"),
    ],
    ids=["import", "site"],
)
@pytest.mark.parametrize("shape", ["{long}", "{long}/", "{long}/x", "{long}.yaml"])
def test_folders_named_too_long(args: tuple[str, ...], shape: str, tmp_path: Path) -> None:
    done = run_cli(*args, shape.format(long=tmp_path / ("n" * 300)))
    assert done.code == 2, done.stderr
    assert "File name too long" in done.stderr
    _clean(done.stderr)


@pytest.mark.parametrize("manifest", [b"\xff\xfe not utf-8\n", None], ids=["bytes", "folder"])
def test_a_site_manifest_that_cannot_be_read(manifest: bytes | None, tmp_path: Path) -> None:
    """The list of files a previous build wrote is only used to remove stale ones."""
    out = tmp_path / "site"
    out.mkdir()
    if manifest is None:
        (out / ".journeymap-site").mkdir()
    else:
        (out / ".journeymap-site").write_bytes(manifest)
    done = run_cli("site", JOURNEY, "-o", out)
    _clean(done.stderr)
    assert done.code in (0, 2), done.stderr
    if done.code == 0:
        assert (out / "index.html").is_file()


def test_matrix_indent_is_bounded() -> None:
    """--indent 100000 wrote 2.6 GB of spaces for the seven examples."""
    done = run_cli("matrix", "-f", "json", "--indent", "11", JOURNEY)
    assert done.code == 2
    assert "--indent" in done.stderr
    assert run_cli("matrix", "-f", "json", "--indent", "10", JOURNEY).code == 0


@pytest.mark.parametrize("where", ["closed", "full"])
def test_version_with_standard_output_unwritable(where: str) -> None:
    """`--version` answers before the guard is set up: it printed a traceback, exit 1."""
    stdout = None if where == "closed" else os.open("/dev/full", os.O_WRONLY)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "journeymap", "--version"],
            stdout=stdout if stdout is not None else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
            preexec_fn=(lambda: os.close(1)) if stdout is None else None,
        )
    finally:
        if stdout is not None:
            os.close(stdout)
    _clean(done.stderr)
    assert done.returncode == 2, done.stderr
    assert "cannot write to standard output" in done.stderr


def test_a_signal_during_a_fork_hook_prints_no_traceback() -> None:
    """Ctrl-C landing in an at-fork hook (logging's, while a pool starts its workers)
    printed "Exception ignored in: <function _releaseLock ...>" and a traceback before
    "journeymap: interrupted" (1 run in about 16 of `render -j 2` stopped at 1 s). The
    moment cannot be hit on purpose through the CLI, so the hook is made to receive the
    signal itself, in a process set up as the CLI sets itself up."""
    script = """
import os, signal, sys
from journeymap import signals
signal.signal(signal.SIGINT, signal.SIG_DFL)  # as a terminal gives it, even under nohup
signals.install()
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
try:
    signals.check()
except signals.Interrupted as stop:
    sys.exit(stop.code)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == ""


def test_a_word_list_of_thousands_is_refused(tmp_path: Path) -> None:
    """20,000 internal words took lint 36 s on one file (one pattern built from them all)."""
    config = tmp_path / "journeymap.toml"
    words = ", ".join(f'"w{i}"' for i in range(20_000))
    config.write_text(f"[lint.internal-words]\nfr = [{words}]\n", encoding="utf-8")
    done = run_cli("lint", "-c", config, JOURNEY)
    assert done.code == 2
    assert "internal-words.fr holds 20000 entries, over the 1000" in done.stderr
    config.write_text(
        "[lint.internal-words]\nfr = [" + ", ".join(f'"w{i}"' for i in range(1000)) + "]\n",
        encoding="utf-8",
    )
    assert run_cli("lint", "-c", config, JOURNEY).code == 0


@pytest.mark.parametrize("module", ["journeymap.cli.quick", "journeymap.cli.app"])
def test_ctrl_c_while_the_cli_imports_itself(module: str, tmp_path: Path) -> None:
    """Ctrl-C in the first tenth of a second (the imports) printed a KeyboardInterrupt
    traceback. A sitecustomize sends the signal as `module` is imported, the moment a
    user's Ctrl-C would land, so the test does not depend on timing."""
    (tmp_path / "sitecustomize.py").write_text(
        "import os, signal, sys\n"
        "class Hook:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r}:\n"
        "            sys.meta_path.remove(self)\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n",
        encoding="utf-8",
    )
    args = ["lint", str(JOURNEY)] if module.endswith("quick") else ["matrix", str(JOURNEY)]
    done = subprocess.run(
        [sys.executable, "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])
            ),
        },
        timeout=60,
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "journeymap: interrupted\n"


def test_a_duplicate_id_is_named_on_its_own_side(tmp_path: Path) -> None:
    """A file whose bytes the other side also has is loaded once; the duplicate-id error
    named the other side's file (HEAD~1:j.yaml for a copy added in HEAD)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q")
    shutil.copy(JOURNEY, tmp_path / "j.yaml")
    git("add", ".")
    git("commit", "-qm", "one")
    shutil.copy(JOURNEY, tmp_path / "copy.yaml")
    text = JOURNEY.read_text(encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("csat: 86", "csat: 10", 1), encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "two")
    done = run_cli("diff", "HEAD~1..HEAD", cwd=tmp_path)
    assert done.code == 2
    assert "HEAD~1:" not in done.stderr
    assert "HEAD:b.yaml" in done.stderr
