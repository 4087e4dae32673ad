"""A second reader for a corpus set: dump texts blind, then measure agreement.

``dump`` writes every text of ``tests/corpus/<set>-<lang>.yaml`` with its source's
title, its stage and its neighbours (grouped by source, in file order) but without
any label and without the rules' output, for a human (or careful model) reader.
``agree`` compares the second reader's labels with the file's labels.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def load(set_name: str, lang: str) -> tuple[dict[str, str], list[dict[str, object]]]:
    data = yaml.safe_load((CORPUS / f"{set_name}-{lang}.yaml").read_text(encoding="utf-8"))
    return data["sources"], data["items"]


def ids(lang: str, items: list[dict[str, object]]) -> list[str]:
    return [f"{lang}-{i + 1:04d}" for i in range(len(items))]


def dump(set_name: str, lang: str, start: int, end: int) -> None:
    sources, items = load(set_name, lang)
    current_src = None
    stage = "-"
    for ident, item in zip(ids(lang, items), items, strict=True):
        src = str(item["src"])
        if src != current_src:
            current_src = src
            stage = "-"
            if start <= int(ident[3:]) <= end:
                print(f"\n## {src}: {sources.get(src, '?')}")
        if item.get("kind") == "stage":
            stage = str(item["text"])
        if not start <= int(ident[3:]) <= end:
            continue
        mark = "STAGE" if item.get("kind") == "stage" else f"  [{stage}]" if stage != "-" else " "
        print(f"{ident} {mark} {item['text']}")


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else math.nan


def agree(set_name: str, second: Path) -> None:
    labels = yaml.safe_load(second.read_text(encoding="utf-8"))["labels"]
    for lang in ("en", "fr"):
        _, items = load(set_name, lang)
        first = [bool(it["internal"]) for it in items]
        other = [bool(labels[i]["internal"]) for i in ids(lang, items)]
        n = len(first)
        both = sum(x and y for x, y in zip(first, other, strict=True))
        raw = sum(x == y for x, y in zip(first, other, strict=True)) / n
        print(
            f"{lang}: n={n} raw={raw:.3f} kappa={kappa(first, other):.3f} "
            f"first={sum(first)} second={sum(other)} both={both} "
            f"first-only={sum(first) - both} second-only={sum(other) - both}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("lang")
    d.add_argument("--set", default="eighth")
    d.add_argument("--start", type=int, default=1)
    d.add_argument("--end", type=int, default=10**6)
    a = sub.add_parser("agree")
    a.add_argument("second", type=Path)
    a.add_argument("--set", default="eighth")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.set, args.lang, args.start, args.end)
    else:
        agree(args.set, args.second)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
