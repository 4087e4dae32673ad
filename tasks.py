#!/usr/bin/env python3
"""Set-up and everyday tasks, with nothing but Python 3.11+ and pip on the machine.

    python3 tasks.py demo    set up, then validate, lint, tabulate and draw the examples
    python3 tasks.py test    set up, then run ruff, mypy and the test suite
    python3 tasks.py bench   set up, then run the benchmarks
    python3 tasks.py gallery set up, then redraw docs/gallery/ and docs/gallery.md

Set-up is idempotent: a virtual environment in .venv with journeymap and its development
tools, and Graphviz's `dot` (from apt-get when it is missing and we may install it); for
the tests, mermaid-cli in .tools/ (npm) and Chromium (apt-get).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=check).returncode


def apt_install(command: str, package: str, purpose: str) -> None:
    """Install `package` with apt-get when `command` is missing and we may (root or sudo)."""
    if shutil.which(command):
        return
    apt = shutil.which("apt-get")
    sudo: list[str] = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else [])
    if apt is None or (os.geteuid() != 0 and not sudo):
        print(f"{command} is missing: install {package} for {purpose}.")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, apt, "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", package],
        check=True,
        env=env,
    )


def ensure_graphviz() -> None:
    apt_install("dot", "graphviz", "`render` (https://graphviz.org/download/)")


TOOLS = ROOT / ".tools"
MERMAID_CLI = "@mermaid-js/mermaid-cli@12.2.0"


def ensure_mermaid_cli() -> None:
    """Mermaid's own parser and renderer (mermaid-cli, from npm) driving the system's
    Chromium, for the tests that read the Mermaid export back with Mermaid itself.

    Installed in .tools/ (ignored by git), without Puppeteer's browser download; the
    tests skip, saying why, where node or Chromium cannot be had.
    """
    stamp = TOOLS / ".installed"
    mmdc = TOOLS / "node_modules" / ".bin" / "mmdc"
    npm = shutil.which("npm")
    if npm is None:
        print("npm is missing: the Mermaid export tests will be skipped (install Node.js).")
        return
    if not (mmdc.exists() and stamp.exists() and stamp.read_text() == MERMAID_CLI):
        TOOLS.mkdir(exist_ok=True)
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        quiet = ["--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(TOOLS)]
        subprocess.run([npm, "install", *quiet, MERMAID_CLI], check=True, env=env)
        stamp.write_text(MERMAID_CLI)
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        apt_install("chromium", "chromium", "the Mermaid export tests")


AXE_CORE = "axe-core@4.11.0"


def ensure_axe_core() -> None:
    """axe-core (npm), the accessibility checker the site's browser tests inject into pages."""
    stamp = TOOLS / ".axe-installed"
    npm = shutil.which("npm")
    if npm is None or (stamp.exists() and stamp.read_text() == AXE_CORE):
        return
    TOOLS.mkdir(exist_ok=True)
    quiet = ["--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(TOOLS)]
    subprocess.run([npm, "install", *quiet, AXE_CORE], check=True)
    stamp.write_text(AXE_CORE)


def ensure_chromium() -> None:
    """Debian's Chromium for the site's browser tests (Playwright drives the system
    browser, never a downloaded build), and Java for the Nu HTML checker (vnu.jar)."""
    apt_install("chromium", "chromium", "the site's browser tests")
    apt_install("java", "default-jre-headless", "the site's HTML validation")


CJK_FONT = "fonts-wqy-microhei"
"""A small font with Chinese, Japanese and Korean (1.6 MB to download, 5 MB unpacked;
Noto CJK is 57 MB), for the test that proves a Japanese map's PNG draws its glyphs."""
FONTS = TOOLS / "fonts"


def ensure_test_fonts() -> None:
    """`CJK_FONT` unpacked into .tools/fonts, not installed: the tests point fontconfig
    at it (FONTCONFIG_FILE), so the machine's fonts, and other users' maps, are left
    as they are. Skipped (and the test with it) where apt-get or dpkg is missing."""
    stamp = FONTS / ".installed"
    if stamp.exists() and stamp.read_text() == CJK_FONT:
        return
    apt, unpack = shutil.which("apt-get"), shutil.which("dpkg-deb")
    if apt is None or unpack is None:
        print(f"apt-get is missing: the test drawing Japanese with {CJK_FONT} will be skipped.")
        return
    FONTS.mkdir(parents=True, exist_ok=True)
    for old in FONTS.glob("*.deb"):
        old.unlink()
    # as root, apt's download user (_apt) could not write here: it warns, then downloads
    quiet = ["-o", "APT::Sandbox::User=root"] if os.geteuid() == 0 else []
    download = [apt, *quiet, "download", "-qq", CJK_FONT]
    if subprocess.run(download, cwd=FONTS, check=False).returncode != 0 and os.geteuid() == 0:
        subprocess.run([apt, "update", "-qq"], check=False)  # a fresh machine's empty lists
        subprocess.run(download, cwd=FONTS, check=False)
    debs = list(FONTS.glob("*.deb"))
    if not debs:
        print(f"apt-get download {CJK_FONT} failed: its test will be skipped.")
        return
    subprocess.run([unpack, "-x", str(debs[0]), str(FONTS)], check=True)
    debs[0].unlink()
    stamp.write_text(CJK_FONT)


def create_venv() -> None:
    """A virtual environment with pip, even where the venv module cannot provide one.

    Debian and Ubuntu ship Python without ensurepip unless python3-venv is installed:
    `python3 -m venv` then fails halfway. virtualenv carries its own pip, and installing
    it with --target leaves the system's packages (PEP 668) alone.
    """
    if run(sys.executable, "-m", "venv", VENV, check=False) == 0 and (BIN / "pip").exists():
        return
    shutil.rmtree(VENV, ignore_errors=True)
    print("The venv module cannot create an environment here; using virtualenv instead.")
    helper = ROOT / ".venv-bootstrap"
    run(sys.executable, "-m", "pip", "install", "--quiet", "--target", helper, "virtualenv")
    env = {**os.environ, "PYTHONPATH": str(helper)}
    subprocess.run([sys.executable, "-m", "virtualenv", "--quiet", str(VENV)], check=True, env=env)
    shutil.rmtree(helper, ignore_errors=True)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"journeymap needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "pip").exists():
        create_venv()
    stamp = VENV / ".installed"
    project = ROOT / "pyproject.toml"
    if not stamp.exists() or stamp.stat().st_mtime < project.stat().st_mtime:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        stamp.touch()
    ensure_graphviz()
    ensure_mermaid_cli()
    ensure_axe_core()
    ensure_chromium()
    ensure_test_fonts()


def tool(name: str) -> Path:
    return BIN / name


PYTEST_WORKERS = ["-n", "auto", "--dist", "loadfile"]
"""One test process per core (pytest-xdist), each test file whole in one of them: a
file's expensive set-up (its module fixtures: the Mermaid drawings, the imports of the
wild files, the built sites) is made once, as in a single process. `-n 0` in the extra
arguments runs the suite in this process (pytest's last `-n` wins)."""


def test(extra: list[str]) -> int:
    setup()
    run(tool("ruff"), "check", ".")
    run(tool("ruff"), "format", "--check", ".")
    run(tool("mypy"))
    return run(PYTHON, "-m", "pytest", *PYTEST_WORKERS, *extra, check=False)


def demo() -> int:
    """The main job on the examples: check them, then show and draw them."""
    setup()
    journeymap = tool("journeymap")
    furniture = ["examples/meubles-web-retrait.yaml", "examples/meubles-magasin.yaml"]
    steps: list[list[str | Path]] = [
        ["validate", "examples"],
        ["lint", "examples"],
        ["matrix", *furniture],
        ["render", "examples", "-o", "out/", "--format", "svg", "-v"],
        ["render", *furniture, "-o", "out/meubles-compare.svg"],
    ]
    (ROOT / "out").mkdir(exist_ok=True)
    failed = 0
    for step in steps:
        failed |= run(journeymap, *step, check=False)
    print("\nDiagrams written to out/ (open out/meubles-compare.svg in a browser).")
    return failed


def bench(extra: list[str]) -> int:
    setup()
    return run(PYTHON, "benchmarks/run.py", *extra, check=False)


def main(argv: list[str]) -> int:
    command, extra = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "setup":
        setup()
        return 0
    if command == "test":
        return test(extra)
    if command == "demo":
        return demo()
    if command == "bench":
        return bench(extra)
    if command == "gallery":
        setup()
        return run(PYTHON, "tools/gallery.py", *extra, check=False)
    print(__doc__)
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode or 1)
