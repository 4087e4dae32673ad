"""The journey writer: one line changes, whatever the line ends; other files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.metrics.changes import Update
from journeymap.output.metrics_yaml import UpdateError, apply_updates
from tests.conftest import invoke
from tests.lint.base import BASE_FR

UPDATE = [Update(1, 0, 0, {"nps": 5})]
OLD = "            metrics: {csat: 55}"
NEW = "            metrics: {csat: 55, nps: 5}"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (BASE_FR, BASE_FR.replace(OLD, NEW)),
        ("---\n" + BASE_FR, "---\n" + BASE_FR.replace(OLD, NEW)),
        (BASE_FR.replace("\n", "\r\n"), BASE_FR.replace(OLD, NEW).replace("\n", "\r\n")),
        ("\ufeff" + BASE_FR, "\ufeff" + BASE_FR.replace(OLD, NEW)),
    ],
    ids=["plain", "document-start", "crlf", "bom"],
)
def test_only_the_metrics_line_changes(before: str, after: str) -> None:
    assert apply_updates(before, UPDATE, "velo.yaml") == after


def test_a_file_ruamel_would_reformat_is_refused() -> None:
    with pytest.raises(UpdateError, match=r"^velo\.yaml:1: ruamel\.yaml would reformat"):
        apply_updates("# note\n---\n" + BASE_FR + "...\n", UPDATE, "velo.yaml")


def test_the_cli_leaves_a_refused_file_untouched(tmp_path: Path) -> None:
    journey = tmp_path / "velo.yaml"
    journey.write_text("# note\n---\n" + BASE_FR + "...\n", encoding="utf-8")
    before = journey.read_bytes()
    survey = tmp_path / "s.csv"
    survey.write_text("Q1,Q2\n9,1\n10,2\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "source: x\nmin-n: 1\ntouchpoints: [{step: retrait, channel: boutique, nps: Q1}]\n",
        encoding="utf-8",
    )
    result = invoke("metrics", "import", survey, "--map", mapping, "-j", journey, "--write")
    assert result.code == 1
    assert "would reformat this line even without changes; not written" in result.stderr
    assert result.stdout.rstrip().endswith(
        "0 figures in 0 touchpoints of 0 files changed; 1 file not written (see the errors)"
    )
    assert journey.read_bytes() == before
