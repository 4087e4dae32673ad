"""Property tests: whatever the input, every command ends with exit 0, 1 or 2 and a message.

Bounded for CI; `HYPOTHESIS_PROFILE=long python3 tasks.py test -k fuzz` runs the long
campaign. Each example runs the real CLI in-process with exceptions propagated, so a
traceback anywhere is a failing example that hypothesis shrinks and prints.
"""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE_FILES, invoke

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=3000,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "medium",
    max_examples=400,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

EXAMPLES = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES]
EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLE_FILES]

# Commands and their arguments after the input file ({dir}: a scratch folder); each must
# survive any input. Rendering stops at DOT and Mermaid: what reaches the Graphviz binary
# is covered by the render tests, and a process per example would slow the campaign.
COMMANDS: list[list[str]] = [
    ["validate"],
    ["validate", "--format", "json"],
    ["lint"],
    ["lint", "--format", "sarif", "--fail-on", "info"],
    ["matrix"],
    ["matrix", "--format", "json", "--metric", "ces"],
    ["matrix", "--format", "markdown", "--by-kind"],
    ["matrix", "--format", "csv"],
    ["render", "-o", "{dir}/map.dot"],
    ["render", "-o", "{dir}/map.mmd"],
    ["metrics", "plan", "--format", "csv"],
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["site", "-", "@", "a@b", "retrait", "", "~", "2024-01-01", "0x1F", "1e3"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """An example with some values replaced, removed or duplicated, dumped back to YAML."""
    import copy

    document = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    mutate(draw, document, ["replace", "delete", "duplicate"])
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def mutate(draw: st.DrawFn, document: Any, actions: list[str]) -> None:
    """Replace, delete, duplicate (or, with 'swap', reverse a list) one to four values."""
    import copy

    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(paths))
        parent = document
        for segment in path[:-1]:
            parent = parent[segment]
        action = draw(st.sampled_from(actions))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list) and action == "duplicate":
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif isinstance(parent, list):
            parent.reverse()


BYTE_NOISE = st.binary(max_size=8)


def mutate_lines(
    draw: st.DrawFn, text: bytes, noise: st.SearchStrategy[bytes] = BYTE_NOISE
) -> bytes:
    """Lines dropped, repeated, re-indented or spliced with noise, as hand edits break text."""
    lines = text.split(b"\n")
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "indent", "dedent", "splice"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = b" " * draw(st.integers(1, 3)) + lines[index]
        elif action == "dedent":
            lines[index] = lines[index][draw(st.integers(1, 3)) :]
        else:
            cut = draw(st.integers(min_value=0, max_value=len(lines[index])))
            lines[index] = lines[index][:cut] + draw(noise) + lines[index][cut:]
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


@st.composite
def mutated_texts(draw: st.DrawFn) -> bytes:
    """An example's text with lines dropped, repeated, re-indented or spliced with bytes."""
    return mutate_lines(draw, draw(st.sampled_from(EXAMPLE_TEXTS)).encode("utf-8"))


def _survives(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "journey.yaml"
        target.write_bytes(content)
        for command in COMMANDS:
            args = [arg.replace("{dir}", folder) for arg in command[1:]]
            result = invoke(command[0], target, *args)
            assert result.code in (0, 1, 2), (command, result)
            if result.code:
                assert (result.stdout + result.stderr).strip(), command
            assert target.read_bytes() == content


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(content: bytes) -> None:
    _survives(content)


@given(mutated_documents())
def test_mutated_documents(text: str) -> None:
    _survives(text.encode("utf-8"))


@given(mutated_texts())
def test_mutated_texts(content: bytes) -> None:
    _survives(content)


# Values YAML reads but no field accepts, and texts that could break an output: explicit
# tags with wrong content, dates that do not exist, huge integers, spreadsheet numbers,
# control characters, quotes and a trailing backslash.
HOSTILE_VALUES = [
    "!!int abc",
    "!!bool maybe",
    "!!float nonsense",
    "!!timestamp garbage",
    "!!timestamp 2023-02-29",
    "2023-02-29",
    "!!binary '@@@'",
    "!!str",
    "9" * 5000,
    "-" + "9" * 400,
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1:30",
    ".nan",
    "-.inf",
    "81%",
    "4,4",
    "1 000",
    "true",
    "~",
    '"\\e[2J\\e]0;title\\a"',
    '"\\0 nul"',
    '"a\\vb\\fc"',
    '"\\x9b c1"',
    '"first\\nsecond"',
    '"ends with a backslash \\\\"',
    "'quotes \" and <html> & | ; # %% :'",
    '"\\ud800"',
]


@st.composite
def hostile_values(draw: st.DrawFn) -> str:
    """An example whose values, on some `key: value` lines, are replaced by hostile ones."""
    lines = draw(st.sampled_from(EXAMPLE_TEXTS)).split("\n")
    candidates = [
        i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")
    ]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        index = draw(st.sampled_from(candidates))
        key, _, _ = lines[index].partition(": ")
        value = draw(st.sampled_from(HOSTILE_VALUES))
        lines[index] = f"{key}: {value}"
    return "\n".join(lines)


@given(hostile_values())
def test_hostile_values(text: str) -> None:
    _survives(text.encode("utf-8"))


@settings(max_examples=15)
@given(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_hostile_file_names(raw: bytes) -> None:
    """Any file name, UTF-8 or not, with control characters or not, is reported escaped."""
    with tempfile.TemporaryDirectory() as folder:
        name = os.fsencode(folder) + b"/" + raw + b".yaml"
        fd = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"journeymap: 1\nbogus: 1\n")
        os.close(fd)
        for command in (
            ["validate"],
            ["validate", "--format", "github"],
            ["lint", "--format", "sarif"],
        ):
            result = invoke(command[0], folder, *command[1:])
            assert result.code in (1, 2), (command, result)
            assert "\x1b" not in result.stdout
            assert (
                all(line.startswith("::") for line in result.stdout.splitlines())
                or command[-1] != "github"
            )
