"""`journeymap matrix` through the real CLI: what users see, in every format.

Text snapshots pin every example at 80 and 200 columns, with and without colour. The
environment is set for each run (COLUMNS, TERM, no COLORTERM), so rich's width and
colour detection give the same bytes on every machine.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len
from typer.testing import CliRunner

from tests.conftest import EXAMPLE_FILES, EXAMPLES, Result, assert_snapshot, run_cli

WEB = EXAMPLES / "meubles-web-retrait.yaml"
STORE = EXAMPLES / "meubles-magasin.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def matrix(*args: str | Path, columns: int = 100, env: dict[str, str] | None = None) -> Result:
    from journeymap.cli.app import app

    environment: dict[str, str | None] = {
        "COLUMNS": str(columns),
        "TERM": "xterm-256color",
        "COLORTERM": None,
        "FORCE_COLOR": None,
        "NO_COLOR": None,
        **(env or {}),
    }
    outcome = CliRunner().invoke(
        app, ["matrix", *map(str, args)], env=environment, catch_exceptions=False
    )
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)


@pytest.mark.parametrize("colour", ["never", "always"])
@pytest.mark.parametrize("columns", [80, 200])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_text_snapshot(path: Path, columns: int, colour: str) -> None:
    result = matrix(path, "--color", colour, columns=columns)
    assert result.code == 0, result.stderr
    assert bool(ANSI.search(result.stdout)) == (colour == "always")
    assert_snapshot(f"matrix/{path.stem}-{columns}-{colour}.txt", result.stdout)


@pytest.mark.parametrize("columns", [40, 80, 200])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_text_fits_the_terminal(path: Path, columns: int) -> None:
    result = matrix(path, "--metric", "csat", "--by-kind", columns=columns)
    assert result.code == 0, result.stderr
    widest = max(cell_len(line) for line in result.stdout.splitlines())
    assert widest <= columns
    paged = "page 1/" in result.stdout
    # 200 columns hold every example's stages on one page, with touchpoint names
    assert not (paged and columns >= 200)


@pytest.mark.parametrize("metric", ["csat", "nps", "ces", "volume", "emotion"])
def test_metric_snapshot(metric: str) -> None:
    result = matrix(WEB, "--metric", metric, "--color", "always", columns=120)
    assert result.code == 0, result.stderr
    assert_snapshot(f"matrix/metric-{metric}.txt", result.stdout)


LONG_CHANNELS = """\
journeymap: 1
id: long-channels
title: Long channel names
lang: en
channels:
  - {id: remote, name: Remote customer relationship centre}
  - {id: app, name: App}
  - {id: branch, name: Neighbourhood bank branch}
stages:
  - id: discover
    name: Discover
    steps:
      - {id: advert, text: I see an advert, touchpoints: [{channel: app}]}
  - id: apply
    name: Apply for the loan
    steps:
      - {id: simulate, text: I simulate my loan, touchpoints: [{channel: remote}]}
      - {id: meet, text: I meet an adviser, touchpoints: [{channel: branch}]}
  - id: sign
    name: Sign
    steps:
      - {id: signature, text: I sign online, touchpoints: [{channel: app}]}
"""
NAMES = ["Remote customer relationship centre", "App", "Neighbourhood bank branch"]


def _channel_cells(output: str) -> list[str]:
    """The channel column's text on every body line of every page, in order."""
    cells = []
    for line in output.splitlines():
        if line.startswith("│") and not line.startswith("│ Channel"):
            cells.append(line.split("│")[1].strip())
    return cells


@pytest.mark.parametrize("columns", [30, 40, 50, 51, 80, 120, 200])
def test_channel_names_wrap_only_when_they_cannot_fit(tmp_path: Path, columns: int) -> None:
    """The channel column is as wide as its longest name whenever the terminal leaves
    room for it beside the widest stage; below that, names wrap between words."""
    source = tmp_path / "long.yaml"
    source.write_text(LONG_CHANNELS, encoding="utf-8")
    result = matrix(source, "--top", "0", columns=columns)
    assert result.code == 0, result.stderr
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= columns
    cells = _channel_cells(result.stdout)
    pages = max(1, result.stdout.count("page "))
    # no word is ever cut: the fragments, joined, give back the names on every page
    assert " ".join(c for c in cells if c) == " ".join(NAMES * pages)
    longest = cell_len(NAMES[0])
    # border, name, separator and padding, the widest stage ("signature"), padding and edge
    whole = columns >= 1 + longest + 3 + len("signature") + 3
    assert (NAMES[0] in cells) == whole, result.stdout
    assert whole == (columns >= 51)


def test_by_kind_snapshot() -> None:
    result = matrix(STORE, "--by-kind", "--metric", "volume", "--top", "0", columns=80)
    assert result.code == 0, result.stderr
    kinds = [line.split("│")[1].strip() for line in result.stdout.splitlines() if "│ " in line]
    # kinds in order of first appearance among the declared channels, each once per page
    assert kinds[:3] == ["Canal", "courrier\u00a0:", "Catalogue papier"]
    assert kinds.count("physique\u00a0:") == kinds.count("téléphone\u00a0:") == 2
    assert_snapshot("matrix/by-kind-meubles-magasin-80.txt", result.stdout)


def test_comparison_of_the_furniture_store_shows_both_pick_ups() -> None:
    result = matrix(STORE, WEB, "--top", "0", columns=100)
    assert result.code == 0, result.stderr
    section = result.stdout.split("Moments partagés", 1)[1]
    assert "Retrait › retrait" in section
    # split on plain spaces only: figures hold no-break spaces ("4 100")
    split = [[cell for cell in line.split(" ") if cell] for line in section.splitlines()]
    rows: dict[str, list[str]] = {}
    for cells in split:
        if cells:
            rows.setdefault(cells[0], cells)
    assert rows["meubles-magasin"][-6:-1] == ["83", "24", "2,4", "4\u00a0100", "1"]
    assert rows["meubles-web-retrait"][-6:-1] == ["41", "-34", "5,6", "6\u00a0600", "-2"]
    assert "CSAT 83 vs 41, écart 42" in section
    web_says = section.split("\nmeubles-web-retrait\n", 1)[1]
    assert "  ! Le site promettait 5 minutes, j’ai attendu plus d’une heure" in web_says
    assert "NPS 24 vs -34, écart 58" in section
    assert_snapshot("matrix/comparison-meubles.txt", result.stdout)


def test_shared_mark_appears_only_when_journeys_share_the_moment() -> None:
    alone = matrix(WEB, "--top", "0").stdout
    together = matrix(WEB, STORE, "--top", "0").stdout
    assert "⇄" not in alone
    assert "◆⇄!!!✕ retrait" in together


def test_filters_and_unknown_ids() -> None:
    result = matrix(WEB, "--stage", "retrait", "--channel", "entrepot", "--top", "0")
    assert result.code == 0, result.stderr
    assert "Retrait" in result.stdout and "Inspiration" not in result.stdout
    assert "Site web" not in result.stdout
    assert "pas sans point de contact\u00a0: commande-prete" in result.stdout
    channel = matrix(WEB, STORE, "--channel", "telephone", "--channel", "fax", "-f", "json")
    assert channel.code == 2
    assert "no channel 'fax' in any journey" in channel.stderr
    wrong = matrix(WEB, "--stage", "retrai")
    assert wrong.code == 2
    assert "no stage 'retrai' in any journey; did you mean 'retrait'?" in wrong.stderr
    assert wrong.stdout == ""


def test_top_limits_the_ranking() -> None:
    two = matrix(WEB, "--top", "2").stdout
    assert "\n1. 12\u00a0915  idee-armoire @ Site web" in two
    assert "\n2.  9\u00a0127" in two and "\n3." not in two
    assert "À améliorer en priorité" not in matrix(WEB, "--top", "0").stdout
    assert matrix(WEB, "--top", "-1").code == 2


def _colours(text: str) -> set[str]:
    """Foreground colour codes in ANSI sequences (bold and dim are not colours)."""
    codes = {code for match in ANSI.finditer(text) for code in match.group()[2:-1].split(";")}
    return {c for c in codes if c.isdigit() and (30 <= int(c) <= 38 or 90 <= int(c) <= 97)}


def test_no_color_is_honoured_unless_colour_is_forced() -> None:
    # FORCE_COLOR makes rich treat the output as a terminal, as a user's shell would be
    terminal = {"FORCE_COLOR": "1"}
    assert _colours(matrix(WEB, env=terminal).stdout)
    assert not _colours(matrix(WEB, env={**terminal, "NO_COLOR": "1"}).stdout)
    assert not ANSI.search(matrix(WEB, "--color", "never", env=terminal).stdout)
    plain = matrix(WEB, env={"NO_COLOR": "1"}).stdout
    assert not ANSI.search(plain)
    forced = matrix(WEB, "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert _colours(forced)
    assert ANSI.sub("", forced) == plain


def test_a_real_pipe_gets_no_colour_and_the_marks_still_read() -> None:
    result = run_cli("matrix", WEB, "--top", "1")
    assert result.code == 0, result.stderr
    assert not ANSI.search(result.stdout)
    assert "◆!!!✕ retrait" in result.stdout
    assert "Légende\u00a0: ◆ moment de vérité  + enchantement  ! irritant" in result.stdout


# --- markdown -------------------------------------------------------------------------


def _split_row(line: str) -> list[str]:
    """Cells of a GFM table row: split on pipes not escaped by a backslash."""
    assert line.startswith("| ") and line.endswith(" |"), line
    return re.split(r"(?<!\\)\|", line[1:-1])


def _tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(_split_row(line))
        previous = line
    return tables


def _check_gfm(text: str) -> list[Any]:
    """Every table row has the header's cell count, and a GFM parser sees every table."""
    tables = _tables(text)
    for table in tables:
        width = len(table[0])
        assert all(len(row) == width for row in table), table
        assert all(re.fullmatch(r" -{3}:? ", cell) for cell in table[1]), table[1]
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(1 for t in tokens if t.type == "table_open") == len(tables)
    return tokens


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_markdown_is_valid_gfm_for_every_example(path: Path) -> None:
    result = matrix(path, STORE, "--format", "markdown", "--metric", "ces", "--by-kind")
    assert result.code == 0, result.stderr
    _check_gfm(result.stdout)


def test_markdown_snapshot_of_the_furniture_store() -> None:
    result = matrix(STORE, WEB, "--format", "markdown", "--metric", "csat")
    assert result.code == 0, result.stderr
    tokens = _check_gfm(result.stdout)
    # each journey's delights, irritants and breakpoints: one flat list per journey
    assert sum(1 for t in tokens if t.type == "bullet_list_open") == 2
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<li>+ Un magasinier m’aide à charger les colis dans la voiture</li>" in html
    assert "| **écart** |  | **42** | **58** | **3,2** |  | **3** |  |" in result.stdout
    assert_snapshot("matrix/meubles.md", result.stdout)


HOSTILE = """\
journeymap: 1
id: hostile
title: "Pipes | and *stars*"
lang: en
channels:
  - {id: web, name: "Web | app <b>", kind: digital}
stages:
  - id: a
    name: "Stage | one"
    steps:
      - id: s
        text: |-
          I type a | pipe
          and a `tick` on two lines
        touchpoints:
          - channel: web
            name: "Form | <script>x</script>"
            volume: 10
            metrics: {csat: 10}
            irritants: ["a, b", "with \\"quotes\\""]
"""


def test_markdown_escapes_what_would_break_a_row(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    result = matrix(path, "--format", "markdown")
    assert result.code == 0, result.stderr
    tokens = _check_gfm(result.stdout)
    cells = [t.content for t in tokens if t.type == "inline"]
    # the parser has taken the escaped pipes as text of the cell, not as cell borders
    assert "Web | app &lt;b&gt;" in cells
    assert "**Stage | one**" in cells
    assert any(c.endswith("Form | &lt;script&gt;x&lt;/script&gt;") for c in cells)
    assert any("I type a | pipe<br>and a \\`tick\\` on two lines" in c for c in cells)
    assert "<script>" not in result.stdout


# --- csv and json ---------------------------------------------------------------------


def test_csv_has_one_row_per_touchpoint_with_stable_columns(tmp_path: Path) -> None:
    target = tmp_path / "matrix.csv"
    result = matrix(STORE, WEB, "--format", "csv", "-o", target)
    assert result.code == 0, result.stderr
    data = target.read_bytes().decode("utf-8")
    assert data.count("\r\n") == 1 + 10 + 13 and "\n" not in data.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert list(rows[0])[:6] == ["journey", "stage", "stage_name", "phase", "step", "step_text"]
    assert len(rows) == 23
    pick_up = next(
        r for r in rows if r["journey"] == "meubles-web-retrait" and r["step"] == "retrait"
    )
    assert {k: pick_up[k] for k in ("channel", "volume", "nps", "csat", "ces", "emotion")} == {
        "channel": "entrepot",
        "volume": "6600",
        "nps": "-34",
        "csat": "41",
        "ces": "5.6",
        "emotion": "-2",
    }
    assert (pick_up["irritants"], pick_up["breakpoints"], pick_up["delights"]) == ("3", "1", "0")
    assert (pick_up["moment_of_truth"], pick_up["shared"]) == ("true", "true")
    assert pick_up["priority"] == "4458.7"

    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    [row] = list(csv.DictReader(io.StringIO(matrix(path, "-f", "csv").stdout, newline="")))
    assert row["step_text"] == "I type a | pipe\nand a `tick` on two lines"
    assert row["channel_name"] == "Web | app <b>"


def test_json_records_every_touchpoint_and_the_gaps() -> None:
    result = matrix(STORE, WEB, "--format", "json", "--top", "3")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    store, web = document["journeys"]
    assert store["summary"] == {
        "stages": 4,
        "steps": 10,
        "channels": 8,
        "touchpoints": 10,
        "delights": 6,
        "irritants": 8,
        "breakpoints": 1,
    }
    assert len(web["touchpoints"]) == 13
    pick_up = next(t for t in web["touchpoints"] if t["step"] == "retrait")
    assert pick_up["metrics"] == {"csat": 41, "nps": -34, "ces": 5.6, "volume": 6600, "emotion": -2}
    assert pick_up["moments"]["moment_of_truth"] and pick_up["moments"]["shared"]
    assert len(pick_up["moments"]["irritants"]) == 3
    assert [p["step"] for p in web["priorities"]] == ["idee-armoire", "stock-magasin", "retrait"]
    [shared] = document["shared_moments"]
    assert [(j["journey"], j["figures"]["csat"]) for j in shared["journeys"]] == [
        ("meubles-magasin", 83),
        ("meubles-web-retrait", 41),
    ]
    assert shared["gaps"]["csat"] == 42


# --- output files and errors ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_output_file_holds_what_stdout_shows(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"matrix.{fmt}"
    result = matrix(WEB, "--format", fmt, "-o", target)
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == matrix(WEB, "--format", fmt).stdout


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    journey = tmp_path / "web.yaml"
    journey.write_bytes(WEB.read_bytes())
    result = matrix(journey, "-o", journey)
    assert result.code == 2
    assert "output would overwrite the input journey" in result.stderr
    assert journey.read_bytes() == WEB.read_bytes()
    missing = matrix(WEB, "-o", tmp_path / "nowhere" / "out.md")
    assert missing.code == 2
    assert "does not exist" in missing.stderr


def test_invalid_journey_is_reported_like_validate(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(WEB.read_text(encoding="utf-8").replace("emotion: -2", "emotion: -5"))
    result = matrix(broken)
    assert result.code == 1
    assert "error[JM006]" in result.stderr
    assert result.stdout == ""
