"""`metrics import -`: the survey export (or the mapping) piped in, as `cat f | journeymap
lint -` takes a journey. Before, `-` was refused with "standard input was not read before
the run", which did not say whether a pipe was wanted at all.

Each run is a real subprocess with a real standard input (a pipe, /dev/null, closed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, invoke

SURVEYS = Path(__file__).resolve().parent / "data" / "surveys"
EXPORT = SURVEYS / "forms-es-hora-de-finalizacion.csv"
MAPPING = SURVEYS / "forms-es-hora-de-finalizacion.map.yaml"


def _run(
    *args: str | Path, stdin: bytes | None = None, closed: bool = False
) -> tuple[int, str, str]:
    """`stdin` piped in; none: /dev/null; `closed`: no standard input at all (`<&-`)."""
    proc = subprocess.run(
        [sys.executable, "-m", "journeymap", "metrics", "import", *map(str, args)],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        preexec_fn=(lambda: os.close(0)) if closed else None,
    )
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    target = tmp_path / "saas-subscription.yaml"
    shutil.copyfile(EXAMPLES / "saas-subscription.yaml", target)
    return target


def test_the_export_piped_in_gives_the_figures_of_the_file(journey: Path) -> None:
    """NPS 10,9,5,8 -> 25, CSAT 5,5,2,4 -> 75, as from the file itself."""
    code, out, err = _run("-", "--map", MAPPING, "--journey", journey, stdin=EXPORT.read_bytes())
    assert code == 0, err
    assert out.startswith("-: CSV export, utf-8-sig, ','-separated, 4 answer rows\n")
    assert "    NPS            - -> 25   n=4, 2026-09-01..2026-09-20" in out
    assert "    CSAT          79 -> 75   n=4, 2026-09-01..2026-09-20" in out


def test_the_mapping_piped_in(journey: Path) -> None:
    code, out, err = _run(EXPORT, "--map", "-", "--journey", journey, stdin=MAPPING.read_bytes())
    assert code == 0, err
    assert "    NPS            - -> 25   n=4, 2026-09-01..2026-09-20" in out


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("-", "--map", "-"), "the export and --map"),
        (("-", "--map", str(MAPPING), "--journey", "-"), "the export and --journey"),
    ],
)
def test_standard_input_named_twice_is_one_line(
    journey: Path, args: tuple[str, ...], named: str
) -> None:
    """Refused before anything is read: in-process is enough."""
    result = invoke("metrics", "import", *args, "--journey", journey)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"journeymap: error: -: standard input is given for {named}; it can be read once: "
        "pipe one file in and name the others\n"
    )


def test_nothing_piped_in_says_what_to_pipe(journey: Path) -> None:
    code, _, err = _run("-", "--map", MAPPING, "--journey", journey)
    assert (code, err) == (2, "journeymap: error: -: empty file; export the responses again\n")
    code, _, err = _run("-", "--map", MAPPING, "--journey", journey, closed=True)
    assert code == 2
    assert err == (
        "journeymap: error: -: standard input is closed; pipe a survey export in "
        "(... < export.csv)\n"
    )
