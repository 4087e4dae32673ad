"""Byte identity of the Graphviz zygote against `dot -Tsvg`, on every DOT render writes.

    python benchmarks/zygote_identity.py [--quick]

Graphviz 2.43 orders clusters by heap addresses, so the zygote (render/zygote.py) can
only be shown to give `dot`'s bytes by trying: this lays out, both ways, the DOT of
every example and test journey, alone and all compared on one grid, in every view,
theme and detail option; of the hostile golden inputs; of the DOT quoting test's
hostile texts; of generated journeys (100 maps, the 1,000-map corpus and the big ones
unless --quick); and of raw DOT that render never writes (clusters, HTML, unicode,
huge labels). It prints each set's counts and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
JOURNEYMAP = [sys.executable, "-m", "journeymap"]
RAW = {
    "clusters": "digraph { "
    + " ".join(
        f'subgraph cluster_{i} {{ label="c{i}" n{i}a -> n{i}b }} n{i}b -> n{(i * 7) % 30}a;'
        for i in range(30)
    )
    + " }",
    "nested-clusters": "digraph { subgraph cluster_z { subgraph cluster_y { a b } "
    "subgraph cluster_x { c -> d } } subgraph cluster_w { e -> a } d -> e }",
    "quoting": 'digraph { "a \\"q\\" \\\\" -> "é ü ✕ 中文 🙂"; x [label="l1\\nl2\\lleft\\r"] }',
    "html": "digraph { a [shape=plaintext label=<<TABLE><TR><TD PORT='p'>&amp;&lt;"
    "<B>b</B></TD><TD>&#160;→</TD></TR></TABLE>>] a:p -> b }",
    "huge-label": 'digraph { a [label="' + "mot " * 4000 + '"] a -> b }',
    "undirected-records": 'graph { node [shape=record] a [label="{x|<y>y|z}"] a:y -- b }',
    "empty": "digraph {}",
    "ranks": "digraph { rankdir=LR newrank=true { rank=same a b c } a -> d -> e; c -> e }",
}


def _dot_files(folder: Path, work: Path, extra: list[str]) -> list[Path]:
    """The DOT `render` writes for every journey of `folder`, one per journey."""
    target = Path(tempfile.mkdtemp(dir=work))
    subprocess.run(
        [*JOURNEYMAP, "render", str(folder), "-o", f"{target}/", "--format", "dot", *extra],
        check=False,
        capture_output=True,
    )
    return sorted(target.glob("*.dot"))


def _together(paths: list[Path], extra: list[str]) -> str | None:
    done = subprocess.run(
        [*JOURNEYMAP, "render", *map(str, paths), "-o", "-", "--format", "dot", *extra],
        check=False,
        capture_output=True,
    )
    return done.stdout.decode("utf-8") if done.returncode == 0 and done.stdout else None


def _sets(quick: bool, work: Path) -> Iterator[tuple[str, list[str]]]:
    from benchmarks.golden import INPUTS, _write_inputs

    _write_inputs()
    examples = ROOT / "examples"
    journeys = [*sorted(examples.glob("*.yaml")), ROOT / "tests/data/blueprint-repair.yaml"]
    variants = [
        [],
        ["--view", "path"],
        ["--view", "emotion"],
        ["--theme", "dark"],
        ["--theme", "print", "--compact"],
        ["--show", "owner,metrics,volume"],
        ["--no-emotion"],
    ]
    for extra in variants:
        drawn = [_together([path], extra) for path in journeys]
        drawn.append(_together(journeys, extra))
        texts = [text for text in drawn if text]
        yield f"examples {' '.join(extra) or '(map)'}", texts
    inputs = sorted(INPUTS.glob("*.y*ml"))
    yield "golden inputs", [text for path in inputs if (text := _together([path], []))]
    yield "raw DOT", list(RAW.values())
    yield "hostile texts (test_dot_quoting)", [_hostile(work)]
    data = HERE / "data"
    names = ["repo-100-5x3x4-s0.15"]
    if not quick:
        names += [
            "repo-1000-5x3x4-s0.15",
            *(p.name for p in sorted(data.glob("big*"))),
            *(p.name for p in sorted(data.glob("golden-8*"))),
        ]
    for name in names:
        if (data / name).is_dir():
            yield name, [p.read_text("utf-8") for p in _dot_files(data / name, work, [])]


def _hostile(work: Path) -> str:
    from tests.test_dot_quoting import _journey

    return _together([_journey(work)], []) or ""


def main() -> int:
    from journeymap.render.engine import EngineError, close_zygote, find_engine, for_batch, run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-map and big corpora")
    args = parser.parse_args()
    plain = find_engine()
    zygote = for_batch(plain, "svg")
    if zygote is None or zygote.linked is None:
        print("no zygote here (not Linux, JOURNEYMAP_ZYGOTE=0 or dot not resolved)")
        return 1
    differ = 0
    with tempfile.TemporaryDirectory() as temp:
        for name, texts in _sets(args.quick, Path(temp)):
            same = failed = 0
            for text in texts:
                outcomes = []
                for engine in (plain, zygote):
                    try:
                        outcomes.append(run(engine, text, "svg"))
                    except EngineError as error:
                        outcomes.append(str(error).encode())
                same += outcomes[0] == outcomes[1]
                failed += outcomes[0].startswith(b"Graphviz")
            differ += len(texts) - same
            print(f"{name}: {same}/{len(texts)} identical ({failed} failing in dot)", flush=True)
    close_zygote()
    print(f"differences: {differ}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
