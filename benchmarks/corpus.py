"""Precision and recall of the method rules on real writing: tests/corpus, labelled by hand.

    python benchmarks/corpus.py            # the development corpus, then the held-out one
    python benchmarks/corpus.py --no-lang  # journeys without `lang`: language detection
    python benchmarks/corpus.py --show     # also every text the rules misread

Each source's texts become one journey (steps, and stages for their names), linted by the
real rules. Voice (JM401-404) is right when a step not in the customer's first person is
reported; internal (JM301/302) when a text labelled back-office work is reported.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from journeymap.lint.config import LintConfig
from journeymap.lint.registry import all_rules
from journeymap.model.journey import Journey

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
EXPECTED = {"first": "-", "company": "JM402", "customer": "JM403", "none": "JM404",
            "other": "JM401"}  # fmt: skip
SHOW = False
CODES = ("-", "JM401", "JM402", "JM403", "JM404")


def _journey(lang: str, source: str, items: list[dict[str, Any]], with_lang: bool) -> Journey:
    steps = [{"id": f"s{i}", "text": it["text"]} for i, it in enumerate(items)
             if it.get("kind", "step") == "step"]  # fmt: skip
    stages = [{"id": f"g{i}", "name": it["text"]} for i, it in enumerate(items)
              if it.get("kind") == "stage"]  # fmt: skip
    stages.insert(0, {"id": "all", "name": "Étape" if lang == "fr" else "Step", "steps": steps})
    data: dict[str, Any] = {"journeymap": 1, "id": "corpus", "title": source, "stages": stages}
    if with_lang:
        data["lang"] = lang
    return Journey.model_validate(data)


def findings(journey: Journey) -> dict[tuple[str, int], set[str]]:
    """(kind, index) -> codes of JM3xx and JM4xx found on that step or stage."""
    config = LintConfig()
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for rule in all_rules():
        if rule.check is None or rule.family not in ("JM3", "JM4"):
            continue
        for finding in rule.check(journey, config):
            loc = finding.loc
            if loc[:1] == ("stages",) and len(loc) >= 4 and loc[2] == "steps":
                found[("step", int(loc[3]))].add(rule.code)
            elif loc[:1] == ("stages",) and loc[2:3] == ("name",):
                found[("stage", int(loc[1]) - 1)].add(rule.code)
    return found


def _outcome(truth: bool, reported: bool) -> str:
    """tp, fp, fn or tn."""
    if reported:
        return "tp" if truth else "fp"
    return "fn" if truth else "tn"


def _ratio(tp: int, other: int) -> str:
    return f"{tp / (tp + other):.3f}" if tp + other else "  -  "


def measure(heldout: bool, with_lang: bool) -> list[str]:
    """Precision, recall and the sub-code confusion, per language, as printable lines."""
    lines = []
    for path in sorted(CORPUS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if bool(doc.get("heldout")) != heldout:
            continue
        lang = doc["lang"]
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in doc["items"]:
            by_source[item["src"]].append(item)
        voice = Counter[str]()
        internal = Counter[str]()
        confusion: dict[str, Counter[str]] = defaultdict(Counter)
        for source, items in by_source.items():
            found = findings(_journey(lang, source, items, with_lang))
            steps = [it for it in items if it.get("kind", "step") == "step"]
            stages = [it for it in items if it.get("kind") == "stage"]
            for kind, group in (("step", steps), ("stage", stages)):
                for index, item in enumerate(group):
                    codes = found.get((kind, index), set())
                    said_internal = bool(codes & {"JM301", "JM302"})
                    internal[_outcome(item["internal"], said_internal)] += 1
                    if SHOW and item["internal"] != said_internal:
                        print(f"  internal {item['internal']!s:<5} {item['text']}")
                    if kind == "step":
                        voice_codes = sorted(codes & set(CODES))
                        predicted = voice_codes[0] if voice_codes else "-"
                        confusion[item["voice"]][predicted] += 1
                        should = item["voice"] != "first"
                        voice[_outcome(should, predicted != "-")] += 1
                        if SHOW and predicted != EXPECTED[item["voice"]]:
                            print(f"  voice {item['voice']:<8} {predicted:<5} {item['text']}")
        n = sum(internal.values())
        lines.append(f"{lang} ({n} texts, {sum(voice.values())} steps)")
        lines.append(f"  voice     precision {_ratio(voice['tp'], voice['fp'])}  recall "
                     f"{_ratio(voice['tp'], voice['fn'])}")  # fmt: skip
        lines.append(f"  internal  precision {_ratio(internal['tp'], internal['fp'])}  recall "
                     f"{_ratio(internal['tp'], internal['fn'])}")  # fmt: skip
        lines.append("  sub-codes (rows: label, columns: reported)")
        lines.append("    " + " " * 9 + "".join(f"{c:>7}" for c in CODES) + "  right")
        for label in ("first", "company", "customer", "none", "other"):
            row = confusion[label]
            total = sum(row.values())
            right = row[EXPECTED[label]]
            cells = "".join(f"{row[c]:>7}" for c in CODES)
            lines.append(f"    {label:<9}{cells}  {_ratio(right, total - right)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lang", action="store_true", help="journeys without `lang`")
    parser.add_argument("--show", action="store_true", help="print every text misread")
    args = parser.parse_args(argv)
    global SHOW
    SHOW = args.show
    with_lang = not args.no_lang
    print("== development corpus (tests/corpus/fr.yaml, en.yaml)")
    print("\n".join(measure(False, with_lang)))
    print("\n== held-out corpus (tests/corpus/holdout-*.yaml)")
    print("\n".join(measure(True, with_lang)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
