"""A second reader for a corpus set: dump texts blind, then measure agreement.

``dump`` writes every text of ``tests/corpus/<set>-<lang>.yaml`` with its source's
title, its stage and its neighbours (grouped by source, in file order) but without
any label and without the rules' output, for a human (or careful model) reader.
``agree`` compares the second reader's labels with the first reader's (the set's file at a
git revision: 3ba04b4 holds the eighth set as its first reader left it); ``measure`` scores
the rules against the first reader's, the second reader's and the file's current labels.

    python benchmarks/second_reader.py dump en > /tmp/en.txt
    python benchmarks/second_reader.py agree tests/corpus/eighth-second-reader.yml
    python benchmarks/second_reader.py measure tests/corpus/eighth-second-reader.yml
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
FIRST_REV = "3ba04b4"  # main before the eighth set's adjudication: its first reader's labels


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


def first_items(set_name: str, lang: str, first_rev: str) -> list[dict[str, object]]:
    """The set's items as the first reader left them (the file at ``first_rev``)."""
    shown = subprocess.run(
        ["git", "show", f"{first_rev}:tests/corpus/{set_name}-{lang}.yaml"],
        capture_output=True, text=True, check=True, cwd=CORPUS,
    )  # fmt: skip
    items: list[dict[str, object]] = yaml.safe_load(shown.stdout)["items"]
    return items


def agree(set_name: str, second: Path, first_rev: str) -> None:
    labels = yaml.safe_load(second.read_text(encoding="utf-8"))["labels"]
    for lang in ("en", "fr"):
        items = first_items(set_name, lang, first_rev)
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


def predicted(set_name: str, lang: str) -> dict[str, bool]:
    """id -> whether the rules (JM301/302) report the text, each source linted as one
    journey exactly as benchmarks/corpus.py does."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import corpus  # the rules' imports, only for this command

    _, items = load(set_name, lang)
    by_source: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for ident, item in zip(ids(lang, items), items, strict=True):
        by_source.setdefault(str(item["src"]), []).append((ident, item))
    result: dict[str, bool] = {}
    for source, pairs in by_source.items():
        group = [item for _, item in pairs]
        found = corpus.findings(corpus._journey(lang, source, group, True))
        counters = {"step": 0, "stage": 0}
        for ident, item in pairs:
            kind = "stage" if item.get("kind") == "stage" else "step"
            codes = found.get((kind, counters[kind]), set())
            counters[kind] += 1
            result[ident] = bool(codes & {"JM301", "JM302"})
    return result


def measure(set_name: str, second: Path, first_rev: str) -> None:
    """Internal precision / recall of the rules against the first reader's labels (the
    file at git revision ``first_rev``), the second reader's and the file's (adjudicated)."""
    labels = yaml.safe_load(second.read_text(encoding="utf-8"))["labels"]
    for lang in ("en", "fr"):
        _, items = load(set_name, lang)
        old = first_items(set_name, lang, first_rev)
        pred = predicted(set_name, lang)
        keys = ids(lang, items)
        for name, truth in (
            ("first", [bool(it["internal"]) for it in old]),
            ("second", [bool(labels[i]["internal"]) for i in keys]),
            ("adjudicated", [bool(it["internal"]) for it in items]),
        ):
            tp = sum(t and pred[i] for i, t in zip(keys, truth, strict=True))
            fp = sum(not t and pred[i] for i, t in zip(keys, truth, strict=True))
            fn = sum(t and not pred[i] for i, t in zip(keys, truth, strict=True))
            print(
                f"{lang} {name:<12} internal={tp + fn:4d} reported={tp + fp:4d} "
                f"tp={tp} fp={fp} fn={fn} "
                f"precision={tp / (tp + fp):.3f} recall={tp / (tp + fn):.3f}"
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
    a.add_argument("--first-rev", default=FIRST_REV, help="git revision of the first labels")
    m = sub.add_parser("measure")
    m.add_argument("second", type=Path)
    m.add_argument("--set", default="eighth")
    m.add_argument("--first-rev", default=FIRST_REV, help="git revision of the first labels")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.set, args.lang, args.start, args.end)
    elif args.cmd == "agree":
        agree(args.set, args.second, args.first_rev)
    else:
        measure(args.set, args.second, args.first_rev)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
