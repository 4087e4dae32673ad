"""Byte-identity check for the diagnostics and the maps: capture every output, compare later.

    python benchmarks/golden.py capture DIR    # before a change (e.g. on main)
    python benchmarks/golden.py compare DIR    # after it: lists every output that moved

Runs the real CLI in-process (typer's runner) from the repository root on every example
alone and all together, on every hostile input of tests/test_hostile_input.py (broken
bytes, alias bombs, deep nesting, values no field accepts, control characters, quotes),
on files made to trip each validity check (duplicate keys and ids, references, format
1.1 keys, suppressions, a broken link, a journey id used twice) and on generated journeys
with findings; and records, for each: `validate` and `lint` in every format (text plain
and coloured, json, github, sarif), `matrix` in every format and `render` as DOT and
Mermaid, each as its exit code, its standard output and its standard error. The matrix's
options are covered by benchmarks/matrix_golden.py.

The inputs are written under benchmarks/data/golden-inputs (the same bytes every time),
and SARIF names the repository root: capture and compare in the same checkout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.capture import settle  # noqa: E402
from benchmarks.generate import Shape, generate  # noqa: E402

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
INPUTS = HERE / "data" / "golden-inputs"
VESTE = (ROOT / "examples" / "veste-hiver.yaml").read_text(encoding="utf-8")
BLUEPRINT = (ROOT / "examples" / "insurance-claim-blueprint.yaml").read_text(encoding="utf-8")

_SUPPRESSIONS = VESTE.replace(
    "id: veste-hiver",
    "id: veste-hiver  # journeymap: disable=JM999\n# journeymap: disable-file=JM101",
    1,
)
CRAFTED: dict[str, str] = {
    "duplicate-keys": "journeymap: 1\nid: a\nid: b\ntitle: x\ntitle: y\n",
    "references": VESTE.replace("channel: site", "channel: sitee", 1).replace(
        "owner: ", "owner: nobody-", 1
    ),
    "duplicate-ids": VESTE.replace("{id: ecommerce,", "{id: marketing,", 1),
    "format-1-1-keys": BLUEPRINT.replace("journeymap: 1.1", "journeymap: 1", 1),
    "suppressions": _SUPPRESSIONS,
    "not-a-journey": "just: data\n",
    "schema-many": VESTE.replace("emotion: ", "emotion: 7 #", 3).replace("title:", "titel:", 1),
}


def _write_inputs() -> list[tuple[str, list[str]]]:
    """Every input once, as (name, paths relative to the repository root)."""
    from tests.test_hostile_input import (
        CASES,
        CONTROL_CASES,
        JOURNEY_TEXT,
        ODD_TEXT,
        VALUE_CASES,
    )

    if INPUTS.exists():
        shutil.rmtree(INPUTS)
    INPUTS.mkdir(parents=True)
    found: list[tuple[str, list[str]]] = []

    def put(name: str, data: bytes) -> None:
        target = INPUTS / f"{name}.yaml"
        target.write_bytes(data)
        found.append((name, [str(target.relative_to(ROOT))]))

    for name, (content, _, _) in sorted(CASES.items()):
        put(f"hostile-{name}", content)
    for name, (old, new, _) in sorted(VALUE_CASES.items()):
        put(f"value-{name}", JOURNEY_TEXT.replace(old, new, 1).encode())
    for name, (written, _) in sorted(CONTROL_CASES.items()):
        text = JOURNEY_TEXT.replace(
            "title: Achat d’une veste d’hiver en ligne", f"title: {written}"
        ).replace(
            "text: Je sens le froid arriver et ma vieille veste ne suffit plus",
            f'text: {written[:-1]} Je sens le froid"',
        )
        put(f"control-{name}", text.encode())
    put(
        "invalid-id",
        JOURNEY_TEXT.replace(
            "id: veste-hiver", 'id: "veste\\e[31mred\\n::error ::forged"', 1
        ).encode(),
    )
    put(
        "odd-text",
        JOURNEY_TEXT.replace("title: Achat d’une veste d’hiver en ligne", f'title: "{ODD_TEXT}"')
        .replace(
            "text: Je sens le froid arriver et ma vieille veste ne suffit plus",
            f'text: "{ODD_TEXT}"',
        )
        .encode(),
    )
    for name, text in CRAFTED.items():
        put(f"crafted-{name}", text.encode())
    link = INPUTS / "broken-link.yaml"
    link.symlink_to(INPUTS / "nowhere.yaml")
    found.append(("broken-link", [str(link.relative_to(ROOT))]))
    twin = INPUTS / "twin" / "veste-copie.yaml"
    twin.parent.mkdir()
    twin.write_text(VESTE, encoding="utf-8")
    found.append(("twin-ids", ["examples/veste-hiver.yaml", str(twin.relative_to(ROOT))]))
    generated = INPUTS / "generated"
    generate(generated, 12, Shape(stages=4, steps=3, channels=4, slips=0.4), seed=11)
    found.append(("generated", [str(generated.relative_to(ROOT))]))
    for fixture in (
        "tests/lint/fixtures/agence.yaml",
        "tests/data/blueprint-repair.yaml",
        "tests/site/fixtures/account-opening.yaml",
    ):
        found.append((Path(fixture).stem, [fixture]))
    for path in EXAMPLES:
        found.append((path.stem, [str(path.relative_to(ROOT))]))
    found.append(("all-examples", [str(p.relative_to(ROOT)) for p in EXAMPLES]))
    return found


_PLAIN: dict[str, str | None] = {
    "TERM": "dumb",
    "COLUMNS": "100",
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "GITHUB_ACTIONS": None,
}
_COLOUR = {**_PLAIN, "TERM": "xterm-256color", "FORCE_COLOR": "1"}


def _runs(only: str) -> Iterator[tuple[str, list[str], dict[str, str | None]]]:
    for name, paths in _write_inputs():
        if only not in name:
            continue
        for command in ("validate", "lint"):
            for fmt in ("text", "json", "github", "sarif"):
                yield f"{name}.{command}.{fmt}", [command, *paths, "--format", fmt], _PLAIN
            yield f"{name}.{command}.text-colour", [command, *paths], _COLOUR
        yield f"{name}.lint.fail-on-info", ["lint", *paths, "--fail-on", "info"], _PLAIN
        for fmt in ("text", "markdown", "json", "csv"):
            yield f"{name}.matrix.{fmt}", ["matrix", *paths, "--format", fmt], _PLAIN
        for fmt in ("dot", "mmd"):
            yield f"{name}.render.{fmt}", ["render", *paths, "-o", "-", "--format", fmt], _PLAIN


def _outputs(only: str) -> Iterator[tuple[str, bytes]]:
    from typer.testing import CliRunner

    from journeymap.cli.app import app

    runner = CliRunner()
    os.chdir(ROOT)
    for name, args, env in _runs(only):
        outcome = runner.invoke(app, args, env=env, catch_exceptions=False)
        yield (
            name,
            (
                f"exit {outcome.exit_code}\n".encode()
                + outcome.stdout_bytes
                + b"\n--- stderr\n"
                + outcome.stderr_bytes
            ),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["capture", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", default="", help="only the inputs whose name has this")
    args = parser.parse_args()
    return settle(args.mode, args.folder.resolve(), _outputs(args.only))


if __name__ == "__main__":
    sys.exit(main())
