"""The formats: JSON against its published schema, Markdown for a pull request, the map."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from journeymap.diff.changes import KINDS, SECTIONS
from tests.conftest import ROOT, invoke, run_cli
from tests.diff.base import base, step, touchpoint, write
from tests.diff.test_changes import CASES

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


def _validate(document: Any) -> None:
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_the_schema_is_a_valid_schema_that_lists_every_kind() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$defs"]["change"]["properties"]["kind"]["enum"] == list(KINDS)
    assert SCHEMA["$defs"]["change"]["properties"]["section"]["enum"] == [k for k, _ in SECTIONS]


def test_every_case_validates_against_the_schema(tmp_path: Path) -> None:
    """All the one-change cases in one pair of folders, one journey per case."""
    for index, (_, mutate, _) in enumerate(CASES):
        old, new = base(), base()
        mutate(new)
        for data in (old, new):
            data["id"] = f"case-{index}"
        write(tmp_path / "old" / f"{index}.yaml", old)
        write(tmp_path / "new" / f"{index}.yaml", new)
    result = invoke("diff", tmp_path / "old", tmp_path / "new", "--format", "json")
    document = json.loads(result.stdout)
    _validate(document)
    assert document["summary"]["journeys"]["changed"] == len(CASES)
    assert set(document["summary"]["kinds"]) == set(KINDS) - {"journey-added", "journey-removed"}


def test_nothing_changed_validates_too(tmp_path: Path) -> None:
    old = write(tmp_path / "a.yaml", base())
    result = invoke("diff", old, old, "--format", "json")
    document = json.loads(result.stdout)
    _validate(document)
    assert document["changed"] is False
    assert document["summary"]["text"] == "No change to the journeys."


def _many_changes() -> dict[str, Any]:
    """Most cases at once (those that remove what others change are left out)."""
    skipped = {"stage removed", "step removed", "touchpoint removed", "stage moved"}
    new = base()
    for name, mutate, _ in CASES:
        if name not in skipped and "moved" not in name:
            mutate(new)
    return new


def test_markdown_keeps_a_screenful_above_the_fold(tmp_path: Path) -> None:
    old = write(tmp_path / "a.yaml", base())
    new = write(tmp_path / "b.yaml", _many_changes())
    result = invoke("diff", old, new, "--format", "markdown")
    text = result.stdout
    before, _, after = text.partition("<details>")
    assert after, "the details fold is missing"
    assert len(before.splitlines()) <= 25
    assert before.splitlines()[0].startswith("### Journey changes:")
    assert "…and " in before
    assert after.rstrip().endswith("</details>")


def test_markdown_leads_with_what_got_worse_and_escapes_journey_words(tmp_path: Path) -> None:
    new = base()
    step(new, "collect")["text"] = "I collect my jacket | <b>fast</b> *maybe*"
    touchpoint(new, "collect", "store")["metrics"]["csat"] = 50
    touchpoint(new, "browse", "web")["metrics"]["csat"] = 90
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", new)
    text = invoke("diff", old_file, new_file, "--format", "markdown", "--no-lint").stdout
    bullets = [
        line for line in text.partition("<details>")[0].splitlines() if line.startswith("- ")
    ]
    assert bullets[0] == (
        "- *Get it › I collect my jacket \\| &lt;b&gt;fast&lt;/b&gt; \\*maybe\\* › Store*: "
        "▼ CSAT 80 → 50 (-30, worse)"
    )
    assert "<b>" not in text


def test_markdown_shows_file_names_in_code_as_written(tmp_path: Path) -> None:
    """Markdown reads no escape inside a code span: `web_retrait.yaml` showed as
    `web\\_retrait.yaml` on GitHub, `R&D` as `R&amp;D`."""
    new = base()
    touchpoint(new, "collect", "store")["metrics"]["csat"] = 50
    folder = tmp_path / "R&D_`maps`"
    old_file = write(folder / "web_retrait.old.yaml", base())
    new_file = write(folder / "web_retrait.yaml", new)
    text = invoke("diff", old_file, new_file, "--format", "markdown", "--no-lint").stdout
    page = MarkdownIt("commonmark").render(text)
    shown = [html.unescape(code) for code in re.findall(r"<code>(.*?)</code>", page)]
    assert str(old_file) in shown
    assert str(new_file) in shown


def test_text_format_groups_by_place_and_ends_with_the_summary(tmp_path: Path) -> None:
    new = base()
    touchpoint(new, "pay", "web")["metrics"]["ces"] = 3.5
    touchpoint(new, "pay", "web")["owner"] = "care"
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", new)
    result = invoke("diff", old_file, new_file, "--no-lint")
    lines = result.stdout.splitlines()
    assert "    Buy › I pay for my jacket › Website" in lines
    assert "      ▲ CES 4.5 → 3.5 (-1, better; source: Survey Q1)" in lines
    assert "      ~ owner changed from digital to care" in lines
    assert lines[-1] == (
        "1 journey changed; scores and emotions: 1 better; "
        "1 touchpoint moved to another channel or owner."
    )


def test_output_file_is_written_and_never_over_an_input(tmp_path: Path) -> None:
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", base())
    target = tmp_path / "diff.md"
    assert invoke("diff", old_file, new_file, "-f", "markdown", "-o", target).code == 0
    assert "No change to the journeys." in target.read_text(encoding="utf-8")
    refused = invoke("diff", old_file, new_file, "-o", new_file)
    assert refused.code == 2
    assert new_file.read_text(encoding="utf-8").startswith("journeymap: 1")


@pytest.mark.parametrize("fmt", ["svg", "dot"])
def test_the_visual_diff_marks_the_changed_cells_on_the_new_map(tmp_path: Path, fmt: str) -> None:
    new = base()
    touchpoint(new, "collect", "store")["metrics"]["csat"] = 50  # worse
    touchpoint(new, "browse", "web")["irritants"] = []  # better
    step(new, "compare")["text"] = "I compare three jackets"  # changed step
    step(new, "pay")["touchpoints"].pop(1)  # removed: not drawn, counted
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", new)
    target = tmp_path / f"map.{fmt}"
    result = invoke("diff", old_file, new_file, "--format", fmt, "-o", target, "--no-lint")
    assert result.code == 0, result.stderr
    drawn = html.unescape(target.read_text(encoding="utf-8")).upper()  # svg: &#45; is '-'
    if fmt == "svg":
        assert "<SVG" in drawn
    assert drawn.count("#D55E00") >= 1  # worse
    assert drawn.count("#009E73") >= 1  # better
    assert "#CC79A7" in drawn  # the reworded step's header
    assert "CHANGES SINCE" in drawn and "1 REMOVED, NOT DRAWN" in drawn
    assert "CSAT 80 → 50 (-30, WORSE)" in drawn  # the changed cell's tooltip


def test_the_visual_diff_of_several_journeys_needs_a_folder(tmp_path: Path) -> None:
    other = base()
    other["id"] = "coat"
    write(tmp_path / "old" / "j.yaml", base())
    write(tmp_path / "new" / "j.yaml", {**base(), "title": "Another title"})
    write(tmp_path / "new" / "coat.yaml", other)
    refused = invoke("diff", tmp_path / "old", tmp_path / "new", "-f", "dot")
    assert refused.code == 2 and "-o DIR/" in refused.stderr
    out = tmp_path / "maps"
    assert (
        invoke("diff", tmp_path / "old", tmp_path / "new", "-f", "dot", "-o", f"{out}/").code == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["coat.dot", "jacket.dot"]


def test_colour_repeats_the_marks_on_a_terminal(tmp_path: Path) -> None:
    new = base()
    touchpoint(new, "collect", "store")["metrics"]["csat"] = 50
    touchpoint(new, "browse", "web")["metrics"]["csat"] = 90
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", new)
    coloured = invoke("diff", old_file, new_file, "--no-lint", "--color", "always").stdout
    assert "\x1b[31m▼\x1b[0m \x1b[31mCSAT 80 → 50 (-30, worse)" in coloured
    assert "\x1b[32m▲\x1b[0m \x1b[32mCSAT 70 → 90 (+20, better)" in coloured
    plain = invoke("diff", old_file, new_file, "--no-lint").stdout
    assert "\x1b[" not in plain and "▼ CSAT 80 → 50 (-30, worse)" in plain


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "dot"])
def test_dash_is_standard_output(fmt: str, tmp_path: Path) -> None:
    """`-o -` is standard output, as for every other command, never a file named '-'."""
    old, new = base(), base()
    new["title"] = "Renamed"
    write(tmp_path / "old.yaml", old)
    write(tmp_path / "new.yaml", new)
    done = run_cli("diff", "old.yaml", "new.yaml", "-f", fmt, "-o", "-", cwd=tmp_path)
    assert done.code == 0, done.stderr
    assert "Renamed" in done.stdout
    assert not (tmp_path / "-").exists()


def test_figures_are_written_as_the_matrix_writes_them(tmp_path: Path) -> None:
    """views/numbers.py for every figure: thousands grouped, the hyphen-minus of the
    matrix (NPS -34), a change's decimals kept (+0.3, not float's 0.2999999999999998)."""
    new = base()
    touchpoint(new, "collect", "store")["volume"] = 12345
    metrics = touchpoint(new, "collect", "store")["metrics"]
    metrics["nps"], metrics["csat"] = -34, 80.3
    old_file, new_file = write(tmp_path / "a.yaml", base()), write(tmp_path / "b.yaml", new)
    shown = run_cli("diff", old_file, new_file, "--no-lint").stdout
    old_metrics = touchpoint(base(), "collect", "store")
    volume, csat = old_metrics["volume"], old_metrics["metrics"]["csat"]
    assert f"volume {volume} → 12,345 (+{12345 - volume:,})" in shown
    assert "NPS now measured: -34" in shown or "→ -34 (-" in shown
    assert f"CSAT {csat} → 80.3 (+{round(80.3 - csat, 1)}, better)" in shown
    assert "−" not in shown.replace("− ", "")  # U+2212 only as the mark of a removal
    matrix = run_cli("matrix", new_file, "--metric", "volume").stdout
    assert "12,345" in matrix


def test_counts_and_other_figures_are_grouped_too(tmp_path: Path) -> None:
    """The answers behind a score (n) and the figures of fields no rule names."""
    old, new = base(), base()
    for data in (old, new):
        data["journeymap"] = 1.1
    touchpoint(old, "collect", "store")["metrics"]["n"] = 1340
    touchpoint(new, "collect", "store")["metrics"].update(n=12500, csat=50)
    old["kpis"] = [{"name": "Orders", "value": 12000, "target": 15000}]
    new["kpis"] = [{"name": "Orders", "value": 12000, "target": 20000}]
    old_file, new_file = write(tmp_path / "a.yaml", old), write(tmp_path / "b.yaml", new)
    shown = run_cli("diff", old_file, new_file, "--no-lint").stdout
    assert "CSAT 80 → 50 (-30, worse; n=12,500)" in shown
    assert "kpis[Orders].target changed from 15,000 to 20,000" in shown


def test_long_lines_stay_whole_in_a_log_and_wrap_under_their_words_on_a_terminal(
    tmp_path: Path,
) -> None:
    """In a CI log (not a terminal) a change wrapped at 80 columns went on at column 0."""
    old, new = base(), base()
    step(old, "pay")["text"] = "I pay for my jacket " + "and keep paying " * 8
    step(new, "pay")["text"] = "I pay"
    old_file, new_file = write(tmp_path / "a.yaml", old), write(tmp_path / "b.yaml", new)
    logged = run_cli("diff", old_file, new_file, "--no-lint", env={"COLUMNS": "60"}).stdout
    (changed,) = [line for line in logged.splitlines() if "keep paying" in line]
    assert changed.startswith("      ~ step reworded") and changed.endswith("…”)"), logged
    shown = run_cli(
        "diff", old_file, new_file, "--no-lint", "--color", "always", env={"COLUMNS": "60"}
    ).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown).splitlines()
    first = next(i for i, line in enumerate(plain) if line.startswith("      ~ "))
    assert all(len(line) <= 60 for line in plain), plain
    assert plain[first + 1].startswith("        ") and plain[first + 1].strip(), plain
