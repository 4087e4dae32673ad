"""`journeymap matrix` on a batch large enough for worker processes (issue 19).

The compact JSON of a batch is written by the workers, each sheet before anyone knows
which of its moments the other files share; `--indent` still builds the whole report in
one process. Both must say the same thing, and the text formats must not depend on
how many files there are beside a journey.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.batches import journey_copies
from tests.conftest import EXAMPLES, invoke, run_cli

PAIR = [EXAMPLES / "meubles-magasin.yaml", EXAMPLES / "meubles-web-retrait.yaml"]
COPIES = 12
"""24 files: above the batch size that goes to worker processes."""


def _batch(tmp_path: Path) -> Path:
    """Copies of the furniture pair, each with its own journey id: every copy shares the
    pair's moments with every other."""
    return journey_copies(tmp_path / "batch", PAIR, 2 * COPIES)


def _json(*args: str | Path) -> dict[str, Any]:
    done = run_cli("matrix", "--format", "json", *args)
    assert done.code == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


@pytest.mark.parametrize(
    "options",
    [[], ["--stage", "retrait"], ["--channel", "entrepot", "--by-kind", "--top", "1"]],
    ids=["all", "one-stage", "one-channel"],
)
def test_the_workers_json_says_what_the_whole_report_says(
    options: list[str], tmp_path: Path
) -> None:
    batch = _batch(tmp_path)
    compact = _json(batch, *options)
    whole = _json(batch, *options, "--indent", "1")
    assert compact == whole
    assert len(compact["journeys"]) == 2 * COPIES
    if options != ["--channel", "entrepot", "--by-kind", "--top", "1"]:
        assert compact["shared_moments"], "the copies share their moments"
    for moment in compact["shared_moments"]:
        assert len(moment["journeys"]) >= COPIES
        for side in moment["journeys"]:
            records = compact["journeys"][side["journey_index"]]["touchpoints"]
            for position in side["touchpoints"]:
                record = records[position]
                assert (record["stage"], record["step"]) == (moment["stage"], moment["step"])
                assert record["moments"]["shared"] is True


def test_a_moment_is_shared_only_between_distinct_journey_ids(tmp_path: Path) -> None:
    """The same journey twice (two files, one id) shares nothing with itself."""
    batch = tmp_path / "same"
    batch.mkdir()
    text = PAIR[0].read_text(encoding="utf-8")
    for index in range(20):
        (batch / f"{index:02}.yaml").write_text(text, encoding="utf-8")
    document = _json(batch)
    assert document["shared_moments"] == []
    flags = {r["moments"]["shared"] for j in document["journeys"] for r in j["touchpoints"]}
    assert flags == {False}


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_the_batch_reads_as_the_report_built_in_one_process(fmt: str, tmp_path: Path) -> None:
    """The journeys loaded in the workers and shown by the parent: the same bytes as the
    library's report over journeys loaded here."""
    from journeymap.load.batch import load_all
    from journeymap.output import matrix_csv, matrix_markdown
    from journeymap.views.display import for_display
    from journeymap.views.matrix_report import build_report

    batch = _batch(tmp_path)
    files = sorted(batch.glob("*.yaml"))
    journeys = [loaded.journey for loaded in load_all(files)]
    assert all(journeys)
    if fmt == "markdown":
        shown = [for_display(j, breaks=True) for j in journeys if j]
        expected = matrix_markdown.render(build_report(shown, metric="csat"))
    else:
        expected = matrix_csv.render(build_report([j for j in journeys if j], metric="csat"))
    done = run_cli("matrix", "--format", fmt, "--metric", "csat", batch)
    assert done.code == 0, done.stderr
    assert done.stdout == expected.replace("\r\n", "\n")  # run_cli reads text


def test_a_journey_reads_the_same_in_a_text_batch(tmp_path: Path) -> None:
    """The store journey beside forty copies of the web journey shares what it shares
    beside one: its sheet is the same bytes; only the comparisons grow."""
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "00.yaml").write_text(PAIR[0].read_text(encoding="utf-8"), encoding="utf-8")
    text = PAIR[1].read_text(encoding="utf-8")
    for index in range(40):
        renamed = text.replace("\nid: meubles-web-retrait\n", f"\nid: web-{index:02}\n", 1)
        (batch / f"{index + 1:02}.yaml").write_text(renamed, encoding="utf-8")
    alone = run_cli("matrix", "--format", "text", *PAIR)
    together = run_cli("matrix", "--format", "text", batch)
    assert alone.code == together.code == 0, together.stderr
    sheet = alone.stdout.split("\n\nCommande sur le site")[0]
    assert together.stdout.startswith(sheet + "\n\nCommande sur le site")


@pytest.mark.parametrize(
    "options", [[], ["--metric", "volume", "--by-kind"]], ids=["plain", "volume"]
)
def test_sheets_drawn_by_workers_are_the_bytes_drawn_in_one_process(
    options: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeymap.output import matrix_text_batch

    batch = _batch(tmp_path)
    drawn_by_workers: list[int] = []
    write = matrix_text_batch.write

    def spy(report: Any, out: Any, draw: Any) -> None:
        drawn_by_workers.append(len(report.sheets))
        write(report, out, draw)

    monkeypatch.setattr(matrix_text_batch, "FROM_SHEETS", 2)
    monkeypatch.setattr(matrix_text_batch, "write", spy)
    workers = invoke("matrix", batch, *options)
    assert drawn_by_workers == [2 * COPIES]
    monkeypatch.setattr(matrix_text_batch, "FROM_SHEETS", 10**9)
    alone = invoke("matrix", batch, *options)
    assert drawn_by_workers == [2 * COPIES]
    assert workers.code == alone.code == 0
    assert workers.stdout == alone.stdout


def test_an_invalid_file_in_a_batch_is_reported_and_nothing_written(tmp_path: Path) -> None:
    batch = _batch(tmp_path)
    (batch / "99-broken.yaml").write_text("journeymap: 1\nid: broken\n", encoding="utf-8")
    done = run_cli("matrix", "--format", "json", batch)
    assert done.code == 1
    assert done.stdout == ""
    assert "99-broken.yaml:1:1: error[JM006] missing required key 'stages'" in done.stderr


def test_an_unknown_filter_id_in_a_batch_names_the_ids_that_exist(tmp_path: Path) -> None:
    done = run_cli("matrix", "--format", "json", _batch(tmp_path), "--stage", "retrai")
    assert done.code == 2
    assert done.stdout == ""
    assert "no stage 'retrai' in any journey; did you mean 'retrait'?" in done.stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_signal_stops_every_matrix_worker(fmt: str, tmp_path: Path) -> None:
    """Loading workers, and for text the workers drawing the sheets: none outlives Ctrl-C."""
    import signal
    import subprocess
    import sys
    import time

    from tests.processes import alive, descendants
    from tests.test_hostile_surroundings import _env

    folder = tmp_path / "many"
    folder.mkdir()
    texts = [source.read_text(encoding="utf-8") for source in PAIR]
    for index in range(300):
        text = texts[index % 2]
        journey_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
        renamed = text.replace(f"\nid: {journey_id}\n", f"\nid: {journey_id}-{index}\n", 1)
        (folder / f"{index:03}.yaml").write_text(renamed, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeymap", "matrix", "--format", fmt, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and len(seen) < 2:
        seen |= descendants(proc.pid)
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the matrix was done before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.decode() == "journeymap: interrupted\n"
    time.sleep(0.5)
    assert not [pid for pid in seen if alive(pid)], "a worker outlived the run"
