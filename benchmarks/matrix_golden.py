"""Byte-identity check for `journeymap matrix`: capture every output once, compare later.

    python benchmarks/matrix_golden.py capture DIR    # before a change (e.g. on main)
    python benchmarks/matrix_golden.py compare DIR    # after it: lists every output that moved

Runs the real CLI in-process (typer's runner, with COLUMNS, TERM and colour set as the
snapshot tests set them) on every example alone, on the furniture pair, on all examples
together and on a few generated journeys, in every format, with every option that
changes what is printed. With `--json-v1`, JSON of format 2 (compact, shared moments
referring to touchpoints by position) is turned back into format 1 (indented by two,
records copied) before comparing with a capture made before format 2: the one documented
change, checked to lose nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.capture import settle  # noqa: E402
from benchmarks.generate import Shape, generate  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PAIR = [ROOT / "examples" / "meubles-magasin.yaml", ROOT / "examples" / "meubles-web-retrait.yaml"]
GENERATED = HERE / "data" / "golden-8-7x3x5"

OPTIONS: list[list[str]] = [
    [],
    ["--metric", "csat"],
    ["--metric", "nps"],
    ["--metric", "ces"],
    ["--metric", "volume"],
    ["--metric", "emotion"],
    ["--by-kind"],
    ["--by-kind", "--metric", "volume"],
    ["--top", "0"],
    ["--top", "1"],
    ["--top", "50"],
]


def _inputs() -> Iterator[tuple[str, list[str]]]:
    if not GENERATED.exists():
        generate(GENERATED, 8, Shape(stages=7, steps=3, channels=5), seed=7)
    for path in EXAMPLES:
        yield path.stem, [str(path)]
    yield "pair", [str(p) for p in PAIR]
    yield "pair-reversed", [str(p) for p in reversed(PAIR)]
    yield "all", [str(p) for p in EXAMPLES]
    yield "generated", [str(GENERATED)]
    for path in sorted(GENERATED.glob("*.yaml"))[:3]:
        yield f"gen-{path.stem}", [str(path)]


def _runs() -> Iterator[tuple[str, list[str], dict[str, str | None]]]:
    base: dict[str, str | None] = {
        "TERM": "xterm-256color",
        "COLORTERM": None,
        "FORCE_COLOR": None,
        "NO_COLOR": None,
    }
    for name, paths in _inputs():
        for options in OPTIONS:
            tag = "_".join(o.lstrip("-") for o in options) or "default"
            for columns in (40, 80, 100, 200):
                for colour in ("never", "always"):
                    env = {**base, "COLUMNS": str(columns)}
                    args = ["matrix", *paths, *options, "--color", colour]
                    yield f"{name}.{tag}.text-{columns}-{colour}", args, env
            for fmt in ("markdown", "json", "csv"):
                env = {**base, "COLUMNS": "100"}
                yield f"{name}.{tag}.{fmt}", ["matrix", *paths, *options, "--format", fmt], env
        # filters on the pair and on all: the first stage and channel of the first file
        yield (
            f"{name}.filters.text",
            ["matrix", *paths, "--stage", "retrait", "--channel", "entrepot"],
            {**base, "COLUMNS": "100"},
        )


def as_format_1(document: dict[str, Any]) -> dict[str, Any]:
    """A format-2 matrix document as format 1 wrote it: shared touchpoints copied in."""
    for moment in document["shared_moments"]:
        for side in moment["journeys"]:
            records = document["journeys"][side.pop("journey_index")]["touchpoints"]
            side["touchpoints"] = [records[index] for index in side["touchpoints"]]
    return {**document, "format": 1}


def _outputs(parse_json: bool, only: str = "") -> Iterator[tuple[str, bytes]]:
    from typer.testing import CliRunner

    from journeymap.cli.app import app

    runner = CliRunner()
    for name, args, env in _runs():
        if only not in name:
            continue
        outcome = runner.invoke(app, args, env=env, catch_exceptions=False)
        data = f"exit {outcome.exit_code}\n".encode() + outcome.stdout_bytes
        if parse_json and name.endswith(".json") and outcome.exit_code == 0:
            parsed = as_format_1(json.loads(outcome.stdout))
            data = b"exit 0\n" + (json.dumps(parsed, ensure_ascii=False, indent=2) + "\n").encode()
        yield name, data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["capture", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", default="", help="only the outputs whose name has this")
    parser.add_argument("--json-v1", action="store_true", help="format 2 JSON back to format 1")
    args = parser.parse_args()
    return settle(args.mode, args.folder, _outputs(args.json_v1, args.only))


if __name__ == "__main__":
    sys.exit(main())
