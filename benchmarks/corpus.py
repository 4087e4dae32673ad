"""Precision and recall of the method rules on real writing: tests/corpus, labelled by hand.

    python benchmarks/corpus.py            # dev, held-out, the second to fifth, eighth to twelfth
    python benchmarks/corpus.py --no-lang  # journeys without `lang`: language detection
    python benchmarks/corpus.py --show     # also every text the rules misread

Each source's texts become one journey (steps, and stages for their names), linted by the
real rules. Voice (JM401-404) is right when a step not in the customer's first person is
reported; internal (JM301/302) when a text labelled back-office work is reported. The
sub-code table shows, for each label, which code the step got ("-": none).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from journeymap.lint.config import LintConfig
from journeymap.lint.registry import all_rules
from journeymap.model.journey import Journey

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
LABELS = ("first", "company", "customer", "none", "other")
EXPECTED = {"first": "-", "company": "JM402", "customer": "JM403", "none": "JM404",
            "other": "JM401"}  # fmt: skip
CODES = ("-", "JM401", "JM402", "JM403", "JM404")


@dataclass
class Tally:
    """Outcomes of one language's texts: per family tp/fp/fn/tn, and the sub-code table."""

    voice: Counter[str] = field(default_factory=Counter)
    internal: Counter[str] = field(default_factory=Counter)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misread: list[str] = field(default_factory=list)
    texts: int = 0
    steps: int = 0


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
    if reported:
        return "tp" if truth else "fp"
    return "fn" if truth else "tn"


def _tally(doc: dict[str, Any], with_lang: bool) -> Tally:
    tally = Tally()
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in doc["items"]:
        by_source[item["src"]].append(item)
    for source, items in by_source.items():
        found = findings(_journey(doc["lang"], source, items, with_lang))
        steps = [it for it in items if it.get("kind", "step") == "step"]
        stages = [it for it in items if it.get("kind") == "stage"]
        for kind, group in (("step", steps), ("stage", stages)):
            for index, item in enumerate(group):
                tally.texts += 1
                codes = found.get((kind, index), set())
                said_internal = bool(codes & {"JM301", "JM302"})
                tally.internal[_outcome(item["internal"], said_internal)] += 1
                if item["internal"] != said_internal:
                    tally.misread.append(f"internal={item['internal']!s:<5} {item['text']}")
                if kind != "step":
                    continue
                tally.steps += 1
                voice_codes = sorted(codes & set(CODES))
                predicted = voice_codes[0] if voice_codes else "-"
                tally.confusion[item["voice"]][predicted] += 1
                tally.voice[_outcome(item["voice"] != "first", predicted != "-")] += 1
                if predicted != EXPECTED[item["voice"]]:
                    tally.misread.append(
                        f"voice={item['voice']:<8} got {predicted:<5} {item['text']}"
                    )
    return tally


def _part(doc: dict[str, Any]) -> str:
    """Which part of the corpus a file belongs to: "dev", "heldout" or its own `part`."""
    return str(doc.get("part") or ("heldout" if doc.get("heldout") else "dev"))


@cache
def tallies(heldout: bool | str, with_lang: bool = True) -> dict[str, Tally]:
    """Per language, the outcomes on one part: False the development corpus, True the
    held-out one, or a part's name ("second": the set measured blind once, then added)."""
    wanted = heldout if isinstance(heldout, str) else ("heldout" if heldout else "dev")
    result: dict[str, Tally] = {}
    for path in sorted(CORPUS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if _part(doc) == wanted:
            result[doc["lang"]] = _tally(doc, with_lang)
    return result


def _pr(counts: Counter[str]) -> tuple[float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def scores(
    heldout: bool | str, with_lang: bool = True
) -> dict[str, dict[str, tuple[float, float]]]:
    """{lang: {"voice": (precision, recall), "internal": (precision, recall)}}."""
    return {
        lang: {"voice": _pr(t.voice), "internal": _pr(t.internal)}
        for lang, t in tallies(heldout, with_lang).items()
    }


def report(heldout: bool | str, with_lang: bool, show: bool) -> list[str]:
    lines = []
    for lang, tally in tallies(heldout, with_lang).items():
        lines.append(f"{lang} ({tally.texts} texts, {tally.steps} steps)")
        for family in ("voice", "internal"):
            precision, recall = _pr(getattr(tally, family))
            lines.append(f"  {family:<9} precision {precision:.3f}  recall {recall:.3f}")
        lines.append("  sub-codes (rows: label, columns: reported)")
        lines.append("    " + " " * 9 + "".join(f"{c:>7}" for c in CODES) + "  right")
        for label in LABELS:
            row = tally.confusion[label]
            total = sum(row.values())
            right = f"{row[EXPECTED[label]] / total:.3f}" if total else "  -  "
            lines.append(f"    {label:<9}" + "".join(f"{row[c]:>7}" for c in CODES) + f"  {right}")
        if show:
            lines.extend(f"    misread: {m}" for m in tally.misread)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--no-lang", action="store_true", help="journeys without `lang`")
    parser.add_argument("--show", action="store_true", help="print every text misread")
    args = parser.parse_args(argv)
    with_lang = not args.no_lang
    print("== development corpus (tests/corpus/fr.yaml, en.yaml)")
    print("\n".join(report(False, with_lang, args.show)))
    print("\n== held-out corpus (tests/corpus/holdout-*.yaml)")
    print("\n".join(report(True, with_lang, args.show)))
    print("\n== second set, measured blind once (tests/corpus/second-*.yaml)")
    print("\n".join(report("second", with_lang, args.show)))
    print("\n== third set, measured blind once (tests/corpus/third-*.yaml)")
    print("\n".join(report("third", with_lang, args.show)))
    print("\n== fourth set, measured blind once (tests/corpus/fourth-*.yaml)")
    print("\n".join(report("fourth", with_lang, args.show)))
    print("\n== fifth set, measured blind once (tests/corpus/fifth-*.yaml)")
    print("\n".join(report("fifth", with_lang, args.show)))
    print("\n== eighth set, measured blind once (tests/corpus/eighth-*.yaml)")
    print("\n".join(report("eighth", with_lang, args.show)))
    print("\n== ninth set, labelled blind (tests/corpus/ninth-*.yaml)")
    print("\n".join(report("ninth", with_lang, args.show)))
    print("\n== tenth set, labelled blind (tests/corpus/tenth-*.yaml)")
    print("\n".join(report("tenth", with_lang, args.show)))
    print("\n== eleventh set, labelled blind (tests/corpus/eleventh-*.yaml)")
    print("\n".join(report("eleventh", with_lang, args.show)))
    print("\n== twelfth set, labelled blind (tests/corpus/twelfth-*.yaml)")
    print("\n".join(report("twelfth", with_lang, args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
