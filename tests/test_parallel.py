"""Parallel checking gives the same output, in the same order, as one process."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.generate import Shape, generate

from tests.conftest import run_cli


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    paths = generate(tmp_path, 40, Shape(stages=3, steps=2, channels=3), seed=7)
    rng = random.Random(3)
    for path in rng.sample(paths, 12):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("emotion: ", "emotion: 1", 1), encoding="utf-8")
    (tmp_path / "zz-broken.yaml").write_text("journeymap: 1\n  bad: [\n", encoding="utf-8")
    one = run_cli("validate", "--format", "json", "--jobs", "1", tmp_path)
    two = run_cli("validate", "--format", "json", "--jobs", "2", tmp_path)
    assert one.code == two.code == 1
    assert one.stdout == two.stdout
    assert one.stdout.count('"path"') >= 13
