"""DOT source written directly, line by line.

The graphviz package's wrappers (argument checks, a regular expression or three for
every key and value) cost as much as Graphviz's own layout of the map; the map needs
four statements (node, edge, attribute, subgraph) and one quoting rule. The text is the
one the package wrote, byte for byte: attributes sorted by name (a node's label first),
one tab of indentation per subgraph, a value bare when it is a DOT name or number and
quoted otherwise.

Only `label` values that our own code built as `<...>` are written as HTML-like labels;
every other value is a quoted string, so a journey's text that happens to start with
`<` and end with `>` (a tooltip) cannot be taken for markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

_ID = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)").fullmatch
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


@lru_cache(maxsize=4096)
def quote(value: str) -> str:
    """`value` as a DOT ID: bare when it is a name or a number, else between quotes.

    Inside quotes DOT reads `\\"` as a quote and keeps every other backslash for the
    attribute's own escapes (`\\N`, `\\n`...): texts from journeys come through
    `render.text.plain`, which doubles their backslashes for those, so here only quotes
    need escaping (a backslash before one is never left alone: plain writes them in fours).
    """
    if _ID(value) is not None and value.lower() not in _KEYWORDS:
        return value
    return '"' + value.replace('"', '\\"') + '"'


def _value(key: str, value: str) -> str:
    if key == "label" and value[:1] == "<":
        return value  # an HTML-like label, built by the render modules
    return quote(value)


def _a_list(attrs: dict[str, str]) -> str:
    # `_value` inlined: tens of thousands of attributes a map
    return " ".join(
        [
            f"{key}={value if key == 'label' and value[:1] == '<' else quote(value)}"
            for key, value in sorted(attrs.items())
        ]
    )


def _attr_list(label: str | None, attrs: dict[str, str]) -> str:
    """` [label=... a=... b=...]`, or nothing without attributes."""
    listed = _a_list(attrs)
    if label is not None:
        shown = f"label={_value('label', label)}"
        listed = f"{shown} {listed}" if listed else shown
    return f" [{listed}]" if listed else ""


def attr_list(**attrs: str) -> str:
    return _attr_list(None, attrs)


class Graph:
    """A digraph or one of its subgraphs; subgraphs write into their parent's lines."""

    __slots__ = ("_indent", "lines")

    def __init__(self, lines: list[str], indent: str) -> None:
        self.lines = lines
        self._indent = indent

    def node(self, name: str, label: str | None = None, **attrs: str) -> None:
        self.lines.append(f"{self._indent}{quote(name)}{_attr_list(label, attrs)}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self.edge_listed(tail, head, _attr_list(None, attrs))

    def edge_listed(self, tail: str, head: str, listed: str) -> None:
        """An edge whose attributes were listed once by `attr_list` (the thousands of
        invisible edges that hold rows and columns all share one list)."""
        self.lines.append(f"{self._indent}{quote(tail)} -> {quote(head)}{listed}\n")

    def attr(self, kind: str | None = None, **attrs: str) -> None:
        """`kind [...]` for graph, node or edge defaults; bare `k=v` inside a subgraph."""
        if kind is None:
            self.lines.append(f"{self._indent}{_a_list(attrs)}\n")
        else:
            self.lines.append(f"{self._indent}{kind} [{_a_list(attrs)}]\n")

    @contextmanager
    def subgraph(self, name: str) -> Iterator[Graph]:
        """A subgraph whose place among its siblings is the order it is written in.

        Graphviz (2.43 at least) keeps a graph's subgraphs sorted by their id, and the
        id of a named subgraph is the heap address of its name: sibling clusters (the
        stages of a phase) came out in an order that depended on which memory blocks
        dot's own start-up had freed, so one map could differ between two machines,
        two C libraries, or two maps laid out in one process. An anonymous subgraph's
        id is a counter. So every subgraph is written anonymous, a cluster as the only
        child of an anonymous one (a cluster needs its `cluster` name), and a plain
        subgraph's name kept as a comment for whoever reads the DOT.
        """
        if name.startswith("cluster"):
            self.lines.append(f"{self._indent}subgraph {{ subgraph {quote(name)} {{\n")
            closing = "} }"
        else:
            self.lines.append(f"{self._indent}subgraph {{ // {name}\n")
            closing = "}"
        yield Graph(self.lines, self._indent + "\t")
        self.lines.append(f"{self._indent}{closing}\n")


class Digraph(Graph):
    __slots__ = ()

    def __init__(self, name: str) -> None:
        super().__init__([f"digraph {quote(name)} {{\n" if name else "digraph {\n"], "\t")

    @property
    def source(self) -> str:
        return "".join(self.lines) + "}\n"
