"""`quickcheck` may say "valid" only where pydantic says so, and hand back what the model
holds; it may say "not sure" as often as it likes (the model then decides)."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import Shape, generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from journeymap.load.limits import Limits
from journeymap.load.yamldoc import parse
from journeymap.model import quickcheck, quickspec, quickspec_build
from journeymap.model.journey import Journey
from journeymap.model.plain import CLASSES, Plain
from tests.conftest import FULL
from tests.test_hostile_input import CASES, CONTROL_CASES, JOURNEY_TEXT, VALUE_CASES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FIXTURES = sorted(p for p in (ROOT / "tests").rglob("*.yaml") if "snapshots" not in p.parts)


def _data(text: str) -> Any:
    return parse(text, Limits.from_env()).data


def _same(left: Any, right: Any) -> bool:
    """Equal, and of the same types all the way down (1 == 1.0 == True would hide a
    number pydantic keeps as a float)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return bool(left == right) or (
        isinstance(left, float) and math.isnan(left) and math.isnan(right)
    )


def _tree(value: Any) -> Any:
    """A model or its plain form as nested dicts, with the fields the file set."""
    if hasattr(value, "model_fields_set"):
        names = [f[0] for f in quickspec.MODELS[type(value).__name__][1]]
        return {
            "fields set": sorted(value.model_fields_set),
            **{name: _tree(getattr(value, name)) for name in names},
        }
    if isinstance(value, list):
        return [_tree(item) for item in value]
    return value


def _agrees(data: Any) -> bool:
    """quickcheck's answer is honest for `data`; True when it vouched for it."""
    plain = quickcheck.checked(data)
    vouched = None if plain is None else _tree(plain)
    try:
        model = Journey.model_validate(data)
    except ValidationError:
        assert vouched is None, "quickcheck accepted what the model rejects"
        return False
    except RecursionError:
        assert vouched is None
        return False
    if vouched is not None:
        assert _same(vouched, _tree(model)), "quickcheck's data differs from the model's"
    return vouched is not None


def test_the_table_is_the_models() -> None:
    """quickspec.py is what the generator reads from the models today."""
    fresh = quickspec_build.spec()
    assert fresh["ROOT"] == quickspec.ROOT
    assert fresh["MODELS"] == quickspec.MODELS
    assert fresh["FORMAT_VERSIONS"] == quickspec.FORMAT_VERSIONS
    assert fresh["NEW_IN_1_1"] == quickspec.NEW_IN_1_1


@pytest.mark.parametrize("path", [*EXAMPLES, *FIXTURES], ids=lambda p: p.name)
def test_it_vouches_for_every_valid_example_and_never_for_an_invalid_file(path: Path) -> None:
    vouched = _agrees(_data(path.read_text(encoding="utf-8")))
    if path in EXAMPLES:
        assert vouched, "a valid example must not need pydantic"


def test_hostile_inputs_are_never_vouched_for_wrongly() -> None:
    texts = [content.decode("utf-8", "replace") for content, _, _ in CASES.values()]
    texts += [JOURNEY_TEXT.replace(old, new, 1) for old, new, _ in VALUE_CASES.values()]
    texts += [
        JOURNEY_TEXT.replace("title: Achat d’une veste d’hiver en ligne", f"title: {written}")
        for written, _ in CONTROL_CASES.values()
    ]
    for text in texts:
        try:
            data = _data(text)
        except Exception:  # the parser's own refusals are its tests' business
            continue
        _agrees(data)


def test_generated_journeys(tmp_path: Path) -> None:
    generate(tmp_path, 30, Shape(stages=4, steps=3, channels=4, slips=0.4), seed=7)
    vouched = [_agrees(_data(p.read_text(encoding="utf-8"))) for p in tmp_path.glob("*.yaml")]
    assert any(vouched)


ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -3,
    2,
    101,
    1.1,
    1.0,
    2.5,
    -0.0,
    float("nan"),
    float("inf"),
    "",
    " ",
    "x",
    " padded ",
    "\u00a0nbsp",
    "sep\x1c",
    "tab\t",
    "line\n",
    "\ud800",
    "Je paie",
    "a-b",
    "a_b",
    "UPPER",
    "x" * 81,
    "é-slug",
    "P3D",
    "45 min",
    "2 jours",
    "2026-Q3",
    "2026-13",
    "fr",
    "en",
    "de",
    "digital",
    "forced",
    "as-is",
    "step@channel",
    date(2026, 9, 30),
    datetime(2026, 9, 30, 12, 0),
    2026,
    [],
    ["x"],
    [" y "],
    [{"text": "z"}],
    {},
    {"text": "t"},
    {"text": " t ", "kind": "quote"},
    {"name": "n", "value": 3},
    {"id": "a", "name": "A"},
    (1, 2),
]


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*here, index))
    return found


def _mutated(data: Any, path: tuple[Any, ...], action: str, value: Any, key: str) -> Any:
    import copy

    data = copy.deepcopy(data)
    if not path:
        return value if action == "set" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "set":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last][key] = value
    elif action == "append" and isinstance(parent[last], list):
        parent[last].append(value)
    return data


BASES = [_data(p.read_text(encoding="utf-8")) for p in EXAMPLES]
MUTATED = 1500 if FULL else 500
"""Mutated journeys a run checks: a third of the full run's in the everyday one (each a
fresh random draw: the runs add up), every one with JOURNEYMAP_FULL_TESTS=1."""
KEYS = sorted({f[0] for _, fields in quickspec.MODELS.values() for f in fields} | {"unknown"})


@settings(max_examples=MUTATED, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_journeys_are_never_vouched_for_wrongly(draw: st.DataObject) -> None:
    data = draw.draw(st.sampled_from(BASES))
    for _ in range(draw.draw(st.integers(1, 3))):
        path = draw.draw(st.sampled_from(_paths(data)))
        action = draw.draw(st.sampled_from(["set", "set", "delete", "add", "append"]))
        value = draw.draw(st.sampled_from(ODD_VALUES))
        key = draw.draw(st.sampled_from(KEYS))
        data = _mutated(data, path, action, value, key)
    _agrees(data)


def test_plain_objects_answer_everything_the_models_answer() -> None:
    """Every public attribute of a model (fields, methods, properties) exists on its plain
    form, so a rule cannot meet an attribute that only the model has."""
    from pydantic import BaseModel

    from journeymap.model import journey

    base = set(dir(BaseModel))
    for name, plain in CLASSES.items():
        model = getattr(journey, name)
        wanted = {a for a in dir(model) if not a.startswith("_") and a not in base}
        fields = {f[0] for f in quickspec.MODELS[name][1]}
        assert wanted <= set(dir(plain)) | fields, name
        assert set(model.model_fields) == fields, name
    veste = quickcheck.checked(BASES[-1])
    assert veste is not None
    with pytest.raises(AttributeError):
        veste.title = "changed"


def _lint_both(path: Path, text: str) -> tuple[bool, list[Any], list[Any]]:
    from journeymap.lint.config import Resolver
    from journeymap.lint.linter import lint_with_suppressed
    from journeymap.load.journey_file import load_text

    config = Resolver(None).for_file(path)
    quick = load_text(str(path), text, model=False)
    full = load_text(str(path), text, model=True)
    assert quick.diagnostics == full.diagnostics
    return (
        isinstance(quick.journey, Plain),
        list(lint_with_suppressed(quick, config)),
        list(lint_with_suppressed(full, config)),
    )


def test_lint_finds_the_same_on_plain_objects(tmp_path: Path) -> None:
    """Each rule reads the plain objects as it reads the models: the same findings, the
    same suppressions, on the examples, the fixtures and journeys generated with slips."""
    generate(tmp_path, 40, Shape(stages=4, steps=3, channels=4, slips=0.6), seed=3)
    journeys = [*EXAMPLES, *sorted(tmp_path.glob("*.yaml"))]
    plain_runs = 0
    for path in [*journeys, *FIXTURES]:
        text = path.read_text(encoding="utf-8")
        used_plain, quick, full = _lint_both(path, text)
        plain_runs += used_plain and path in journeys
        assert quick == full, path
    # Most fixtures are not journeys (survey maps, corpora, hostile files): the plain
    # objects must carry most of the examples and generated journeys.
    assert plain_runs > len(journeys) / 2


@settings(max_examples=MUTATED // 5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_lint_finds_the_same_on_mutated_journeys(draw: st.DataObject) -> None:
    import yaml

    data = draw.draw(st.sampled_from(BASES))
    for _ in range(draw.draw(st.integers(1, 3))):
        path = draw.draw(st.sampled_from(_paths(data)))
        value = draw.draw(st.sampled_from(ODD_VALUES[:-1]))
        key = draw.draw(st.sampled_from(KEYS))
        action = draw.draw(st.sampled_from(["set", "delete", "add", "append"]))
        data = _mutated(data, path, action, value, key)
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    _, quick, full = _lint_both(Path("mutated.yaml"), text)
    assert quick == full
