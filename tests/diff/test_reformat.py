"""Pure reformatting is no change: the diff compares journeys, not lines."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLE_FILES, invoke
from tests.diff.base import diff_json


def _shuffled(value: Any, rng: random.Random) -> Any:
    """The same data with every mapping's keys in another order, and declared lists too.

    Stages, steps and items keep their order (it is the journey's chronology), but the
    channels and stakeholders, declared by id, may come in any order.
    """
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        out = {k: _shuffled(value[k], rng) for k in keys}
        for declared in ("channels", "stakeholders"):
            if declared in out:
                out[declared] = rng.sample(out[declared], len(out[declared]))
        return out
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_reordered_keys_other_layout_and_comments_are_no_change(
    tmp_path: Path, example: Path
) -> None:
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    rng = random.Random(example.stem)
    text = yaml.safe_dump(
        _shuffled(data, rng),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=True,
        width=60,
    )
    reformatted = tmp_path / "new" / example.name
    reformatted.parent.mkdir()
    reformatted.write_text("# reformatted by a tool\n" + text + "\n# the end\n", encoding="utf-8")
    old = tmp_path / "old" / example.name
    old.parent.mkdir()
    shutil.copy(example, old)
    # without lint: re-dumping drops the suppression comments, which rightly brings
    # their findings back (the next test keeps them)
    result = invoke("diff", old, reformatted, "--exit-code", "--no-lint")
    assert result.code == 0, result.stdout
    assert "No change to the journeys." in result.stdout
    document = diff_json(old, reformatted, "--no-lint")
    assert document["changed"] is False


AGENCE = Path(__file__).parents[1] / "lint" / "fixtures" / "agence.yaml"


@pytest.mark.parametrize("example", [*EXAMPLE_FILES, AGENCE], ids=lambda p: p.stem)
def test_comments_and_blank_lines_that_move_every_finding_are_no_change(
    tmp_path: Path, example: Path
) -> None:
    """Lint findings are matched on rule and message, not on lines that any edit moves."""
    source = example.read_text(encoding="utf-8")
    edited = "\n".join(
        f"# a reviewer's note\n\n{line}" if line and not line[0].isspace() else line
        for line in source.splitlines()
    )
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(source, encoding="utf-8")
    new.write_text(edited + "\n", encoding="utf-8")
    assert invoke("diff", old, new, "--exit-code").code == 0
    if example == AGENCE:  # 17 findings, every one on another line now
        assert invoke("lint", new).code == 1


def test_a_block_moved_in_the_file_is_no_change(tmp_path: Path) -> None:
    """The stages written before the channels and the scope: the same journey."""
    source = (Path(__file__).parents[2] / "examples" / "meubles-web-retrait.yaml").read_text(
        encoding="utf-8"
    )
    head, stages = source.split("\nstages:\n", 1)
    moved = tmp_path / "moved.yaml"
    moved.write_text(
        "journeymap: 1\nstages:\n" + stages + "\n" + head.replace("journeymap: 1\n", "", 1),
        encoding="utf-8",
    )
    original = tmp_path / "original.yaml"
    original.write_text(source, encoding="utf-8")
    assert invoke("validate", moved).code == 0
    assert invoke("diff", original, moved, "--exit-code").code == 0
