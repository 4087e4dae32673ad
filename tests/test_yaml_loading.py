"""The fast loader gives exactly what PyYAML's safe loader gives, and finds what it hides."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymap.load.limits import Limits
from journeymap.load.yamldoc import nesting_bound, parse
from tests.conftest import EXAMPLE_FILES

LIMITS = Limits()

TRICKY = [
    "a: yes\nb: ~\nc: 0x1F\nd: 1_000\ne: 2024-01-01\nf: .inf\ng: ''\nh: '1'\ni: 1:30\n",
    "j: !!binary aGVsbG8=\nk: !!omap [a: 1]\nl: !!str 12\nm: !!float 1\nn: -.5e3\no: 0o17\n",
    "base: &b {x: 1, y: [1, 2]}\nuse: *b\nmerged: {<<: *b, y: 3}\nlist: [*b, *b]\n",
    "- [a, {b: c}]\n- ? complex\n  : key\n- 'quoted: yes'\n- \"esc\\tape\"\n- |\n  block\n",
    "empty:\nnull_word: null\nTrue_word: True\nnum_str: '007'\n",
    "time: 2001-12-14t21:59:43.10-05:00\ndate: 2002-12-14\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_data_as_pyyaml_on_tricky_documents(text: str) -> None:
    assert parse(text, LIMITS).data == yaml.safe_load(text)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_same_data_as_pyyaml_on_examples(example: Any) -> None:
    text = example.read_text(encoding="utf-8")
    assert parse(text, LIMITS).data == yaml.safe_load(text)


documents = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=150)
@given(documents, st.sampled_from([None, True, False]))
def test_same_data_as_pyyaml_on_generated_documents(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert parse(text, LIMITS).data == yaml.safe_load(text)


def test_duplicate_keys_are_found_in_nested_and_flow_mappings() -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\nd: {e: 1, e: 2}\na: 3\n"
    problems = parse(text, LIMITS).problems
    assert sorted((p.line, p.column, p.code) for p in problems) == [
        (4, 3, "JM003"),
        (5, 11, "JM003"),
        (6, 1, "JM003"),
    ]


def test_a_merge_key_may_be_overridden_without_a_duplicate() -> None:
    text = "base: &b {x: 1}\nchild:\n  <<: *b\n  x: 2\n"
    parsed = parse(text, LIMITS)
    assert parsed.problems == []
    assert parsed.data["child"] == {"x": 2}


def test_nesting_bound_is_an_upper_bound() -> None:
    assert nesting_bound("a: b\n") >= 1
    assert nesting_bound("x: [[[1]]]\n") >= 3
    assert nesting_bound("- - - - x\n") >= 4
    assert nesting_bound("a:\n  b:\n    c:\n      d: 1\n") >= 4
