"""Does a small learned model find back-office steps the rules miss, on sets it never saw?

    python benchmarks/learned_internal.py                # leave-one-set-out table (~5 min)
    python benchmarks/learned_internal.py --show         # and the texts the model adds
    python benchmarks/learned_internal.py --write M.json # and the model fitted on every set
    python benchmarks/learned_internal.py --measure /path/blind-*.yaml
                                     # fit on every set, then score a new blind set once

Every labelled set of tests/corpus (dev, heldout, second ... fifth) is left out in turn:
the model (benchmarks/learned_scorer.py) is fitted on the other sets and scored on
it. Its threshold is chosen on the training sets only, from their own leave-one-set-out
scores (each training set scored by a model fitted on the other training sets): the
lowest threshold at which "rules OR model" keeps precision >= TARGET there, per language.
Sets hold disjoint sources, so no source is on both sides. Columns, per set and
language, precision / recall of internal work (JM301/302):
  (a) the current rules, linted per source as benchmarks/corpus.py does;
  (b) the model alone at the chosen threshold;
  (c) rules OR model.
The rules were written after reading every set but the one being collected blind, so
(a) is optimistic on the sets they were read from; (c)'s gain over (a) is the measure.

Logistic regression fitted by AdaGrad SGD with an L2 penalty, in plain Python with a
fixed seed: the same corpus gives the same weights, byte for byte.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import pickle
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks import learned_scorer as learned  # noqa: E402
from benchmarks.corpus import CORPUS, _journey, _part, findings  # noqa: E402
from journeymap.lint.config import LintConfig  # noqa: E402

SETS: tuple[str, ...] = ("dev", "heldout", "second", "third", "fourth", "fifth")
LANGS = ("en", "fr")
# Variants (command-line switches): features without word families; a model fitted
# only on the texts the rules let by (the only texts where its verdict counts).
FAMILIES = True
NEGATIVES = False
# Threshold criterion: precision of rules OR model >= TARGET, or (MARGINAL) precision of
# the findings the model adds to the rules >= TARGET.
MARGINAL = False
# A model verdict counts only where a neighbour carries a sure sign (CONTEXT): the
# journey decides, as it decides the rules' weak signs.
CONTEXT = False
SEED = 13
EPOCHS = 12
RATE = 0.3
PENALTY = 1e-4
TARGET = 0.90
# Semantic features (benchmarks/embedding.py): the mean of the text's word-piece vectors
# from a static table, scaled by EMBED_WEIGHT; EMBED_LANG names them per language; a
# second table (EMBED_FR) may stand in for French texts.
EMBED: Any = None
EMBED_FR: Any = None
EMBED_WEIGHT = 1.0
EMBED_LANG = False
EMBED_DIMS = 0  # 0: every dimension of the table; else the first EMBED_DIMS (PCA order)
GRID = tuple(round(0.05 * i, 2) for i in range(2, 20))
PRUNE = 0.01  # weights smaller than this never tip a verdict: left out of the file
OFF = 1.01  # a threshold no probability reaches: the model adds nothing


@dataclass(frozen=True)
class Item:
    part: str
    lang: str
    src: str
    text: str
    internal: bool
    rules: bool  # the rules report it (JM301/302)
    feats: tuple[tuple[str, float], ...]


def signals(journey: Any, lang: str) -> tuple[list[Any], list[Any]]:
    """The rules' own reading of every step and stage: (voice, Reading) pairs."""
    from journeymap.lint.rules.internal import _internal, internal_terms
    from journeymap.lint.rules.voice import journey_cast
    from journeymap.lint.sentence import classify, guess_lang

    config = LintConfig()
    terms = internal_terms(lang, config)
    people = journey_cast(journey, lang)

    def read(text: str, cast: Any) -> tuple[str, Any]:
        read_as = guess_lang(text) or lang
        return classify(text, read_as).kind, _internal(text, lang, terms, config, cast)

    steps = [read(step.text, people) for _, _, _, step in journey.iter_steps()]
    stages = [read(stage.name, None) for stage in journey.stages[1:]]
    return steps, stages


def near(readings: list[Any], i: int) -> tuple[int, int]:
    """How many of the four nearest neighbours carry a sign, and a sure one."""
    around = readings[max(0, i - 2) : i] + readings[i + 1 : i + 3]
    return sum(r.score >= 1 for _, r in around), sum(r.score >= 2 for _, r in around)


def load_items(paths: list[Path] | None = None) -> list[Item]:
    """Every labelled text of tests/corpus (or of `paths`), with the rules' verdict on it."""
    items: list[Item] = []
    for path in paths or sorted(CORPUS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang, part = doc["lang"], _part(doc) if paths is None else path.stem
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entry in doc["items"]:
            by_source[entry["src"]].append(entry)
        for source, entries in by_source.items():
            journey = _journey(lang, source, entries, True)
            found = findings(journey)
            steps, stages = signals(journey, lang)
            counters = {"step": 0, "stage": 0}
            for entry in entries:
                kind = entry.get("kind", "step")
                index = counters[kind]
                counters[kind] += 1
                group = steps if kind == "step" else stages
                voice, reading = group[index]
                feats = learned.features(
                    entry["text"],
                    lang,
                    kind == "stage",
                    voice,
                    min(reading.score, 2),
                    bool(reading.task),
                    near(group, index),
                    FAMILIES,
                )
                said = bool(found.get((kind, index), set()) & {"JM301", "JM302"})
                row = tuple(sorted(feats.items()))
                items.append(Item(part, lang, source, entry["text"], entry["internal"], said, row))
    return items


def cached_items(paths: list[Path] | None = None) -> list[Item]:
    """load_items, kept on disk by the corpus's bytes and the rules' source (slow: the rules)."""
    digest = hashlib.sha256()
    for path in sorted(paths or CORPUS.glob("*.yaml")):
        digest.update(str(path).encode() + path.read_bytes())
    for path in sorted((HERE.parent / "src" / "journeymap" / "lint").rglob("*.py")):
        digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes() + (HERE / "learned_scorer.py").read_bytes())
    store = Path("/tmp") / f"learned-items-{digest.hexdigest()[:16]}-{FAMILIES}.pickle"
    if store.exists():
        loaded: list[Item] = pickle.loads(store.read_bytes())
        return loaded
    items = load_items(paths)
    store.write_bytes(pickle.dumps(items))
    return items


def with_embedding(items: list[Item]) -> list[Item]:
    """Each item with its semantic features (EMBED), when a table is given."""
    if EMBED is None:
        return items
    out = []
    for it in items:
        table = EMBED_FR if it.lang == "fr" and EMBED_FR is not None else EMBED
        extra = learned.semantic(table, it.text, it.lang if EMBED_LANG else "", EMBED_WEIGHT,
                                 EMBED_DIMS)  # fmt: skip
        out.append(dataclasses.replace(it, feats=tuple(sorted((dict(it.feats) | extra).items()))))
    return out


def fit(items: list[Item]) -> tuple[dict[str, float], float]:
    """Weights and bias: logistic loss plus PENALTY/2 |w|^2, AdaGrad, fixed seed."""
    if NEGATIVES:
        items = [it for it in items if not it.rules]
    rng = random.Random(SEED)
    order = list(range(len(items)))
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            item = items[i]
            z = bias + sum(weights.get(k, 0.0) * v for k, v in item.feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
            g = p - (1.0 if item.internal else 0.0)
            bias_square += g * g
            bias -= RATE * g / math.sqrt(bias_square)
            for k, v in item.feats:
                w = weights.get(k, 0.0)
                grad = g * v + PENALTY * w
                s = squares.get(k, 1e-8) + grad * grad
                squares[k] = s
                weights[k] = w - RATE * grad / math.sqrt(s)
    return weights, bias


def score(model: tuple[dict[str, float], float], items: list[Item]) -> list[float]:
    weights, bias = model
    return [learned.probability(weights, bias, dict(item.feats)) for item in items]


def counts(items: list[Item], said: list[bool]) -> tuple[int, int, int]:
    tp = sum(1 for it, s in zip(items, said, strict=True) if s and it.internal)
    fp = sum(1 for it, s in zip(items, said, strict=True) if s and not it.internal)
    fn = sum(1 for it, s in zip(items, said, strict=True) if not s and it.internal)
    return tp, fp, fn


def pr(c: tuple[int, int, int]) -> tuple[float, float]:
    tp, fp, fn = c
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def out_of_set(items: list[Item], parts: tuple[str, ...]) -> list[float]:
    """Each part's items scored by a model fitted on the other parts (in `items` order)."""
    probs = [0.0] * len(items)
    for part in parts:
        train = [it for it in items if it.part != part]
        test = [i for i, it in enumerate(items) if it.part == part]
        scored = score(fit(train), [items[i] for i in test])
        for i, p in zip(test, scored, strict=True):
            probs[i] = p
    return probs


def threshold(items: list[Item], probs: list[float], lang: str) -> float:
    """The threshold with the best recall of rules OR model at precision >= TARGET."""
    chosen, best = OFF, pr(counts(*_lang(items, [it.rules for it in items], lang)))[1]
    rules = counts(*_lang(items, [it.rules for it in items], lang))
    for t in GRID:
        said = [it.rules or model_says(it, p, t) for it, p in zip(items, probs, strict=True)]
        found = counts(*_lang(items, said, lang))
        precision, recall = pr(found)
        if MARGINAL:
            added = (found[0] - rules[0], found[1] - rules[1], 0)
            precision = pr(added)[0] if added[0] + added[1] else 0.0
        if precision >= TARGET and recall > best:
            chosen, best = t, recall
    return chosen


def _lang(items: list[Item], said: list[bool], lang: str) -> tuple[list[Item], list[bool]]:
    pairs = [(it, s) for it, s in zip(items, said, strict=True) if it.lang == lang]
    return [it for it, _ in pairs], [s for _, s in pairs]


def model_says(item: Item, p: float, t: float) -> bool:
    """The model's verdict: sure enough, and (CONTEXT) a neighbour carries a sure sign."""
    if p < t:
        return False
    return not CONTEXT or not any(name == "near-sure:0" for name, _ in item.feats)


def _cells(part: list[Item], probs: list[float], t: float) -> tuple[list[str], str, str]:
    """(a), (b), (c) precision / recall, the findings the model adds, their precision."""
    a = counts(part, [it.rules for it in part])
    b = counts(part, [model_says(it, p, t) for it, p in zip(part, probs, strict=True)])
    c = counts(part, [it.rules or model_says(it, p, t) for it, p in zip(part, probs, strict=True)])
    cells = [f"{pr(x)[0]:.3f} / {pr(x)[1]:.3f}" for x in (a, b, c)]
    added = (c[0] - a[0], c[1] - a[1])
    right = f"{added[0] / sum(added):.2f}" if sum(added) else "-"
    return cells, f"+{added[0]}, +{added[1]}", right


HEADER = [
    "| set | lang | internal | (a) rules P / R | (b) model P / R | (c) rules OR model P / R "
    "| threshold | (c) - (a): found, false alarms | added right |",
    "|---|---|---:|---|---|---|---:|---|---:|",
]


def loso(items: list[Item], show: bool = False) -> list[str]:
    """The leave-one-set-out table, one row per set and language, then all sets pooled."""
    lines = list(HEADER)
    pooled: dict[str, tuple[list[Item], list[float], list[float]]] = {
        lang: ([], [], []) for lang in LANGS
    }
    shown: list[str] = []
    for left in SETS:
        train = [it for it in items if it.part != left]
        test = [it for it in items if it.part == left]
        inner = out_of_set(train, tuple(p for p in SETS if p != left))
        cuts = {lang: threshold(train, inner, lang) for lang in LANGS}
        probs = score(fit(train), test)
        for lang in LANGS:
            rows = [(it, p) for it, p in zip(test, probs, strict=True) if it.lang == lang]
            part, scored = [it for it, _ in rows], [p for _, p in rows]
            t = cuts[lang]
            cells, added, right = _cells(part, scored, t)
            lines.append(
                f"| {left} | {lang} | {sum(it.internal for it in part)} | "
                + " | ".join(cells)
                + f" | {t:.2f} | {added} | {right} |"
            )
            pooled[lang][0].extend(part)
            pooled[lang][1].extend(scored)
            # The pooled (c) column keeps each set's own threshold: as a per-item cut.
            pooled[lang][2].extend([t] * len(part))
            shown += [
                f"{left} {lang} {'found' if it.internal else 'FALSE'} {p:.2f} {it.text}"
                for it, p in rows
                if model_says(it, p, t) and not it.rules
            ]
        print(*lines[-2:], sep="\n", flush=True)
    for lang, (everyone, probabilities, thresholds) in pooled.items():
        # Each set keeps its own threshold: the verdicts, as 1.0 or 0.0, cut at 0.5.
        verdicts = [1.0 if p >= t else 0.0 for p, t in zip(probabilities, thresholds, strict=True)]
        cells, added, right = _cells(everyone, verdicts, 0.5)
        lines.append(f"| all sets | {lang} | {sum(it.internal for it in everyone)} | "
                     + " | ".join(cells) + f" | | {added} | {right} |")  # fmt: skip
    if show:
        lines += ["", "Texts the model adds to the rules (left-out sets):", *shown]
    return lines


def final(items: list[Item]) -> dict[str, Any]:
    """Fit on every set; thresholds from every set's leave-one-set-out scores."""
    probs = out_of_set(items, SETS)
    weights, bias = fit(items)
    kept = {k: round(w, 3) for k, w in sorted(weights.items()) if abs(w) >= PRUNE}
    return {
        "about": "benchmarks/learned_internal.py --write; features: "
        "benchmarks/learned_scorer.py features",
        "bias": round(bias, 3),
        "threshold": {lang: threshold(items, probs, lang) for lang in LANGS},
        "weights": kept,
    }


def write(data: dict[str, Any], path: Path) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(text.replace(',"', ',\n"') + "\n", encoding="utf-8")


def measure(items: list[Item], frozen: dict[str, Any]) -> list[str]:
    """A new labelled set, scored by a model fitted on every set, beside the rules."""
    lines = list(HEADER)
    for lang in LANGS:
        part = [it for it in items if it.lang == lang]
        if not part:
            continue
        t = float(frozen["threshold"][lang])
        scored = score((frozen["weights"], float(frozen["bias"])), part)
        cells, added, right = _cells(part, scored, t)
        lines.append(f"| {part[0].part} | {lang} | {sum(it.internal for it in part)} | "
                     + " | ".join(cells) + f" | {t:.2f} | {added} | {right} |")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    global FAMILIES, NEGATIVES, MARGINAL, CONTEXT
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", type=Path, metavar="JSON", help="write the model fitted on all")
    parser.add_argument("--show", action="store_true", help="list the texts the model adds")
    parser.add_argument(
        "--measure", nargs="+", type=Path, metavar="YAML", help="a new set, frozen weights"
    )
    parser.add_argument("--no-families", action="store_true", help="variant: no word families")
    parser.add_argument("--negatives", action="store_true", help="variant: fit on rule misses")
    parser.add_argument("--context", action="store_true", help="variant: a sure neighbour")
    parser.add_argument("--marginal", action="store_true", help="variant: added findings >= 0.9")
    parser.add_argument("--embed", type=Path, metavar="BIN", help="semantic features: a table")
    parser.add_argument("--embed-fr", type=Path, metavar="BIN", help="another table for French")
    parser.add_argument("--embed-weight", type=float, default=1.0, help="their scale")
    parser.add_argument("--embed-lang", action="store_true", help="named per language")
    parser.add_argument("--embed-dims", type=int, default=0, help="only the first N dimensions")
    parser.add_argument(
        "--sets",
        nargs="+",
        type=Path,
        metavar="YAML",
        help="more labelled sets, each file its own part (left out in turn)",
    )
    args = parser.parse_args(argv)
    global EMBED, EMBED_FR, EMBED_WEIGHT, EMBED_LANG, EMBED_DIMS, SETS
    if args.embed:
        from benchmarks.embedding import Table

        EMBED = Table(args.embed)
        EMBED_FR = Table(args.embed_fr) if args.embed_fr else None
    EMBED_WEIGHT, EMBED_LANG, EMBED_DIMS = args.embed_weight, args.embed_lang, args.embed_dims
    FAMILIES, NEGATIVES, MARGINAL = not args.no_families, args.negatives, args.marginal
    CONTEXT = args.context
    items = with_embedding(cached_items())
    if args.sets:
        extra = with_embedding(cached_items(args.sets))
        # A new set's two files (blind8/dev-en.yaml, dev-fr.yaml) are one part, "blind8-dev".
        folder = {path.stem: path.resolve().parent.name for path in args.sets}
        extra = [dataclasses.replace(it, part=f"{folder[it.part]}-{it.part.rsplit('-', 1)[0]}")
                 for it in extra]  # fmt: skip
        SETS = (*SETS, *dict.fromkeys(it.part for it in extra))
        items += extra
    print(f"{len(items)} texts, {sum(it.internal for it in items)} internal", flush=True)
    if args.measure:
        print("\n".join(measure(with_embedding(load_items(args.measure)), final(items))))
        return 0
    print("\n".join(loso(items, args.show)))
    if args.write:
        data = final(items)
        write(data, args.write)
        print(f"wrote {args.write}: {len(data['weights'])} weights, "
              f"thresholds {data['threshold']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
