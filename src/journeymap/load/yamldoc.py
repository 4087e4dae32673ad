"""One YAML parse that yields both the data and the node tree that locates it.

The C loader is used when PyYAML was built with libyaml (about six times faster); the
composed nodes keep their marks, so error positions never need a second parse.

Why one module of about 390 lines: the loader subclass, its duplicate-key and scalar
checks, and the guards against alias bombs and deep nesting all act on the same nodes
during the same parse, and `parse` orders them (bound the depth before composing, count
aliases before building); split apart, a reader checking that no hostile input slips
between two guards would have to hold four files at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeymap.diagnostics import DUPLICATE_KEY, YAML_LIMIT, YAML_SYNTAX, Diagnostic, diagnostic
from journeymap.load.limits import Limits

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, slots=True)
class InvalidScalar:
    """A scalar whose tag cannot hold its text: `!!int abc`, `2023-02-29`, 5,000 digits.

    PyYAML raises ValueError, KeyError or AttributeError from deep inside its
    constructors for these; the value is kept as this marker instead, which no field of
    the model accepts, so the author gets the field's own message (what it expects) with
    what was written.
    """

    text: str
    problem: str

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 30 else self.text[:27] + "..."
        return f"'{text}' ({self.problem})"


_TAG_WORDS = {
    "int": "not a valid whole number",
    "float": "not a valid number",
    "bool": "not true or false",
    "timestamp": "not a valid date",
    "binary": "not valid base64",
}


def _invalid(node: ScalarNode) -> InvalidScalar:
    short = node.tag.rsplit(":", 1)[-1]
    value = str(node.value)
    if short == "int" and len(value) > 1000:
        return InvalidScalar(value, f"a number of {len(value):,} digits")
    return InvalidScalar(value, _TAG_WORDS.get(short, f"not a valid {short}"))


_CONSTRUCTION_ERRORS = (ValueError, KeyError, AttributeError, TypeError, OverflowError)


STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
SET_TAG = "tag:yaml.org,2002:set"


class _Loader(_BaseLoader):
    """Safe loader that records duplicate keys, with a faster resolver and constructor.

    PyYAML's C loader still calls back into Python to resolve every scalar's tag and to
    construct every value; those callbacks, not libyaml, cost most of a load. The
    resolver below gives the same tags as PyYAML's (the same implicit resolvers, minus
    the path-resolver bookkeeping that safe loading never uses), and `build` constructs
    plain maps, lists and scalars directly, leaving rarer tags to PyYAML.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[Diagnostic] = []
        self.memo: dict[int, Any] | None = None
        self.max_depth = 64
        self.merges = "<<" in stream or "!" in stream
        """Whether a mapping may hold a merge key: written `<<`, or tagged (`!!merge`, or
        through a %TAG shorthand): without either character in the text, none can."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                tag = _RESOLVED.get(value)
                if tag is None:
                    tag = self._implicit(value)
                    if len(value) <= 40 and len(_RESOLVED) < 4096:
                        _RESOLVED[value] = tag
                return tag
            return STR_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG

    def _implicit(self, value: str) -> str:
        candidates = self.yaml_implicit_resolvers.get(value[0] if value else "")
        for tag, regexp in candidates or ():
            if regexp.match(value):
                return tag  # type: ignore[no-any-return]
        return STR_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def _check_duplicates(self, node: MappingNode) -> None:
        try:
            if len({key.value for key, _ in node.value}) == len(node.value):
                return  # no two keys written alike (the case of every valid file)
        except TypeError:  # a key that is a list or a mapping: look closer
            pass
        seen: dict[tuple[str, str], ScalarNode] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == MERGE_TAG:
                continue
            ident = (key_node.tag, key_node.value)
            first = seen.get(ident)
            if first is None:
                seen[ident] = key_node
                continue
            mark = key_node.start_mark
            self.duplicates.append(
                diagnostic(
                    DUPLICATE_KEY,
                    f"duplicate key '{key_node.value}' (first defined at line "
                    f"{first.start_mark.line + 1}); YAML would silently keep only the last one: "
                    "remove or rename one of them",
                    mark.line + 1,
                    mark.column + 1,
                    source="yaml",
                )
            )

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        self._check_duplicates(node)
        return super().construct_mapping(node, deep=deep)

    def build(self, node: Node, depth: int = 1) -> Any:
        """Construct the value of `node`, refusing nesting deeper than `max_depth`."""
        if depth > self.max_depth:
            raise _TooDeep(node)
        memo = self.memo
        if memo is not None and id(node) in memo:
            return memo[id(node)]
        tag = node.tag
        value: Any
        if isinstance(node, ScalarNode):
            value = node.value if tag == STR_TAG else self._scalar(node, tag)
        elif isinstance(node, MappingNode) and tag == MAP_TAG and not self._has_merge(node):
            self._check_duplicates(node)
            value = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, depth + 1)
                try:
                    value[key] = self.build(value_node, depth + 1)
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        "found unhashable key",
                        key_node.start_mark,
                    ) from None
        elif isinstance(node, SequenceNode) and tag == SEQ_TAG:
            value = [self.build(child, depth + 1) for child in node.value]
        elif tag == SET_TAG:
            # A set has no order: its items came out in an order that changed from one
            # run to the next (PYTHONHASHSEED), and so did the maps and the site.
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a !!set has no order; write a list ('- item' lines or [a, b]) without the tag",
                node.start_mark,
            )
        else:
            value = self.construct_object(node, deep=True)
        if memo is not None:
            memo[id(node)] = value
        return value

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        try:
            if tag == INT_TAG:
                return self.construct_yaml_int(node)
            if tag == FLOAT_TAG:
                return self.construct_yaml_float(node)
            if tag == BOOL_TAG:
                return self.construct_yaml_bool(node)
            if tag == NULL_TAG:
                return None
            return self.construct_object(node, deep=True)
        except _CONSTRUCTION_ERRORS:
            return _invalid(node)

    def _has_merge(self, node: MappingNode) -> bool:
        return self.merges and _has_merge(node)


_RESOLVED: dict[str, str] = {}
"""The tag of short plain scalars already resolved (keys, ids, numbers): the same text
always resolves to the same tag, and a regular expression or two a scalar cost about a
tenth of a file's load."""


class _TooDeep(Exception):
    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node


def _has_merge(node: MappingNode) -> bool:
    return any(key.tag == MERGE_TAG for key, _ in node.value)


_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")


_DEEP_MESSAGE = "nesting deeper than {limit} levels; a journey needs about ten"

SAFE_COMPOSE_DEPTH = 2000
"""Nesting that libyaml's recursive composer handles with room to spare (10,000 levels
were seen to compose; about 100,000 overflow the C stack)."""


def nesting_bound(text: str) -> int:
    """An upper bound on the nesting depth, in C-speed passes over the text.

    libyaml's composer recurses once per level and overflows the C stack near 100,000
    levels, so depth must be known before composing. Flow collections cost one character
    a level and block collections need their indentation or a compact '- ' prefix; the
    sum of both bounds the depth. Brackets inside quoted strings can only raise the bound.
    """
    brackets = _BRACKETS.findall(text)
    flow = max(accumulate(1 if b in "[{" else -1 for b in brackets), default=0)
    block = max(map(len, _PREFIX.findall(text)), default=0)
    return flow + 2 * block + 2


def _exact_depth_problem(text: str, limit: int) -> Diagnostic | None:
    """Walk parser events (libyaml's parser is iterative) to find where the limit is crossed."""
    loader = _BaseLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    return diagnostic(
                        YAML_LIMIT,
                        _DEEP_MESSAGE.format(limit=limit),
                        mark.line + 1 if mark else 1,
                        mark.column + 1 if mark else 1,
                        source="yaml",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # PyYAML 6.0.4 and newer stop the parser itself at their own nesting limit.
        if "maximum nesting depth" in str(exc.problem) and exc.problem_mark is not None:
            mark = exc.problem_mark
            return diagnostic(
                YAML_LIMIT,
                _DEEP_MESSAGE.format(limit=limit),
                mark.line + 1,
                mark.column + 1,
                source="yaml",
            )
        return None  # the real parse reports the syntax error with its position
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, SequenceNode):
        yield from node.value


def _alias_problem(root: Node, limits: Limits) -> Diagnostic | None:
    """Refuse recursive aliases and aliases that expand far beyond the written document.

    Aliases compose as shared references and cost nothing to load, but any walk over the
    data (validation, JSON output, an error message) expands them: a few hundred bytes can
    become gigabytes. Sizes are memoised per node, so the check is linear in the text.
    """
    sizes: dict[int, int] = {}
    ancestors: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    distinct = 0
    while stack:
        node, finished = stack.pop()
        ident = id(node)
        if finished:
            ancestors.discard(ident)
            sizes[ident] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if ident in sizes:
            continue
        if ident in ancestors:
            mark = node.start_mark
            return diagnostic(
                YAML_LIMIT,
                "recursive alias: this anchored node contains an alias to itself; "
                "write the value out instead",
                mark.line + 1,
                mark.column + 1,
                source="yaml",
            )
        ancestors.add(ident)
        distinct += 1
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    expanded = sizes[id(root)]
    allowed = max(limits.max_alias_expansion, 4 * distinct)
    if expanded > allowed:
        return diagnostic(
            YAML_LIMIT,
            f"aliases expand {distinct} written nodes to {expanded}, over the limit of {allowed} "
            "(a possible alias bomb); write the repeated values out instead of using '*' aliases",
            source="yaml",
        )
    return None


@dataclass(slots=True)
class ParsedYaml:
    root: Node | None
    data: Any
    problems: list[Diagnostic] = field(default_factory=list)
    """Without a file name (the text's reader knows it): `Diagnostic.in_file` adds it."""


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


_SURROGATES = re.compile(
    r"\\u(d[89ab][0-9a-f]{2})(?:\\u(d[c-f][0-9a-f]{2}))?|\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE
)


def _surrogate_hint(message: str, text: str, line: int, column: int) -> str:
    """`"\\ud83d\\ude00"`, an emoji as JSON (and Python's json.dumps) escapes it, is valid
    JSON but not YAML: libyaml refuses each half. Say which character was meant."""
    lines = text.split("\n", line + 1)
    found = _SURROGATES.search(lines[line], max(0, column - 2)) if line < len(lines) else None
    if found is None:
        return message
    if found.group(2) is None:
        return f"{message}; {found.group()} is half of a character: write the character itself"
    high, low = int(found.group(1), 16), int(found.group(2), 16)
    code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return (
        f"{message}; {found.group()} is one character in two UTF-16 halves, as JSON writes "
        f"it: write the character itself, or \\U{code:08X}"
    )


_BREAKS = {
    "\u2028": "U+2028 (line separator)",
    "\u2029": "U+2029 (paragraph separator)",
    "\x85": "U+0085 (next line)",
}
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _unusual_break(text: str, exc: yaml.YAMLError) -> str | None:
    """A line separator pasted from a word processor breaks a line only for YAML: the
    error then points at the text after it, which looks fine in an editor."""
    if not any(char in text for char in _BREAKS):
        return None
    marks = (getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None))
    lines = {mark.line for mark in marks if mark is not None and mark.line > 0}
    for count, match in enumerate(_LINE_BREAK.finditer(text), start=1):
        if count in lines and match.group() in _BREAKS:  # it ended the line before
            at = match.start()
            line = text.count("\n", 0, at) + 1
            column = at - text.rfind("\n", 0, at)
            return f"{_BREAKS[match.group()]} at line {line}, column {column}"
        if count > max(lines, default=0):
            break
    return None


_DIRECTIVE = re.compile(r"^%(\S*)[ \t]*([^\r\n#]*?)[ \t]*(?:#[^\r\n]*)?\r?$", re.MULTILINE)
_BLANK_LINES = re.compile(r"^[ \t]*(?:#[^\r\n]*)?\r?$", re.MULTILINE)
_NO_NEED = "journey files need no directive"


def _directive_problem(message: str, text: str) -> str | None:
    """The parser's words for a %YAML or %TAG line that goes wrong, said plainly."""
    found = _DIRECTIVE.search(text)
    if found is None or _BLANK_LINES.sub("", text[: found.start()]).strip():
        return None  # no directive, or one after the journey: the parser's words
    shown = f"%{found.group(1)} {found.group(2)}".strip()
    if "incompatible YAML document" in message:
        return (
            f"'{shown}' asks for a YAML version this reader does not know (it reads 1.1 "
            f"and 1.2); write '%YAML 1.2', or remove the line: {_NO_NEED}"
        )
    if "duplicate %YAML directive" in message:
        return f"the %YAML line is written twice; keep one, or none: {_NO_NEED}"
    if "%YAML directive" in message:
        return f"'{shown}' is not a YAML version; write '%YAML 1.2', or remove the line"
    if "unknown directive name" in message:
        return (
            f"'%{found.group(1)}' is not a YAML directive (YAML has %YAML and %TAG); remove "
            "the line, or put the text in quotes if it is a value"
        )
    if "%TAG directive" in message:
        return f"'{shown}' is not a valid %TAG line; remove it: {_NO_NEED}"
    if "expected <document start>" in message:
        if not _BLANK_LINES.sub("", _DIRECTIVE.sub("", text)).strip():
            return (
                f"the file holds only the directive '{shown}' and no journey; write '---' "
                f"and the journey after it, or remove the line ({_NO_NEED})"
            )  # placed on the directive's line by _syntax_problem (the parser: the next)
        return (
            f"after '{shown}', YAML needs a line '---' before the journey; add it, or "
            f"remove the directive: {_NO_NEED}"
        )
    return None


def _line_of(text: str, found: re.Match[str] | None) -> int:
    """The line (from 1, as YAML counts lines) where `found` starts."""
    if found is None:
        return 1
    return len(_LINE_BREAK.findall(text, 0, found.start())) + 1


_MARKERS = {"---": "the document marker '---'", "...": "the end marker '...'"}


def no_journey(text: str) -> tuple[str, int]:
    """Why a file that YAML reads as nothing holds no journey, with the fix, and the line
    to show: the '---' the journey goes after, else what stands in the journey's place
    (a null, the '...' end marker), else the first line written (a directive, a comment)."""
    found = _no_journey(text)
    if found is None:
        return "empty file: a journey file starts with 'journeymap: 1'", 1
    return found


def _no_journey(text: str) -> tuple[str, int] | None:
    """`no_journey` for a file made only of directives, markers, comments and a null;
    None for an empty file or one that holds anything else."""
    held: dict[str, None] = {}
    first = start = end = value = None
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        line = raw.strip()
        if not line:
            continue
        first = first or number
        if line.startswith("#"):
            held["comments"] = None
            continue
        if line.startswith("%"):
            shown = _DIRECTIVE.sub(lambda m: f"%{m.group(1)} {m.group(2)}".strip(), line)
            held[f"the directive '{shown}'"] = None
            continue
        marker = line[:3] if line[:3] in _MARKERS and line[3:4] in ("", " ", "\t") else None
        if marker is not None:
            held[_MARKERS[marker]] = None
            if marker == "---":
                start = start or number
            else:
                end = end or number
            line = line[3:].split(" #")[0].strip()
            if not line:
                continue
        if line.lower() not in ("~", "null") or value is not None:
            return None
        value = number
        held[f"the empty value '{line}'"] = None
    if not held:
        return None
    kinds = list(held)
    what = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} and {kinds[-1]}"
    if value is not None:
        fix, line_number = "write the journey in place of the empty value", value
    elif start is not None and end is not None and end > start:
        fix, line_number = "write the journey between '---' and '...'", start
    elif start is not None:
        fix, line_number = "write the journey after '---'", start
    elif end is not None:
        fix, line_number = "write the journey in place of '...'", end
    else:
        fix, line_number = "write the journey below them", first or 1
    return (
        f"no journey: the file holds only {what}; {fix}, starting with 'journeymap: 1'",
        line_number,
    )


def _syntax_problem(exc: yaml.YAMLError, text: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = 1
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"{context}, {problem}" if context else str(problem)
    if "could not determine a constructor for the tag" in message:
        tag = re.search(r"'([^']*)'", message)
        shown = tag.group(1) if tag else "this tag"
        message = f"tag {shown} is not allowed: journey files hold plain data only"
    elif "expected a single document" in message:
        message = "the file holds several YAML documents ('---'); write one journey per file"
    elif (directive := _directive_problem(message, text)) is not None:
        message = directive
        if message.startswith("the file holds only the directive"):
            mark = None
            line = _line_of(text, _DIRECTIVE.search(text))
    elif (nothing := _no_journey(text)) is not None:
        message, line = nothing  # '...' alone: "did not find expected node content"
        mark = None
    elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        message = f"{message}; indent with spaces, not tabs"
    elif "invalid Unicode character escape" in message and mark is not None:
        message = _surrogate_hint(message, text, mark.line, mark.column)
    elif (breaking := _unusual_break(text, exc)) is not None:
        message = (
            f"{message}; {breaking} is a line break for YAML (its line numbers count it): "
            "replace it with a space"
        )
    if mark is not None:
        line = mark.line + 1
    column = mark.column + 1 if mark is not None else 1
    return diagnostic(YAML_SYNTAX, f"invalid YAML: {message}", line, column, source="yaml")


def _too_deep(node: Node, limit: int) -> Diagnostic:
    mark = node.start_mark
    return diagnostic(
        YAML_LIMIT,
        _DEEP_MESSAGE.format(limit=limit),
        mark.line + 1,
        mark.column + 1,
        source="yaml",
    )


def parse(text: str, limits: Limits) -> ParsedYaml:
    """Parse once, refusing what could exhaust the stack or memory.

    Depth is enforced while building the data; only text whose bound exceeds what the C
    composer survives pays for a separate scan of parser events first. (The bound is
    loose for deeply indented files, which is why it is not compared to the limit.)
    """
    return _guarded(text, limits, several=False)


def parse_documents(text: str, limits: Limits) -> ParsedYaml:
    """Every document of a stream (`---` between them) as a list in `data`, under the
    same guards as `parse`: the files other tools write (an Enablement Map Studio
    export, a survey mapping, a diagram's front matter) are as hostile as a journey."""
    return _guarded(text, limits, several=True)


def _build(loader: _Loader, root: Node, text: str, limits: Limits) -> Any:
    if "&" in text:
        aliased = _alias_problem(root, limits)
        if aliased is not None:
            raise _Refused(aliased)
        loader.memo = {}
    return loader.build(root)


class _Refused(Exception):
    def __init__(self, problem: Diagnostic) -> None:
        super().__init__()
        self.problem = problem


def _guarded(text: str, limits: Limits, several: bool) -> ParsedYaml:
    if nesting_bound(text) > SAFE_COMPOSE_DEPTH:
        deep = _exact_depth_problem(text, limits.max_depth)
        if deep is not None:
            return ParsedYaml(None, None, [deep])
    loader = _Loader(text)
    loader.max_depth = limits.max_depth
    root: Node | None = None
    try:
        if several:
            documents = []
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    documents.append(_build(loader, node, text, limits))
            return ParsedYaml(None, documents, list(loader.duplicates))
        root = loader.get_single_node()
        if root is None:
            return ParsedYaml(None, None)
        data = _build(loader, root, text, limits)
        return ParsedYaml(root, data, list(loader.duplicates))
    except _Refused as exc:
        return ParsedYaml(root, None, [exc.problem])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, None, [_syntax_problem(exc, text)])
    except _TooDeep as exc:
        return ParsedYaml(None, None, [_too_deep(exc.node, limits.max_depth)])
    except RecursionError:
        return ParsedYaml(
            None,
            None,
            [diagnostic(YAML_LIMIT, "the YAML is nested too deeply to read", source="yaml")],
        )
    finally:
        loader.dispose()


_TABLE_SEPARATORS = {",": "','", ";": "';'", "\t": "tabs"}
_YAML_LINE = re.compile(r"\s*(?:[#%\[{]|---|- |[^,;\t]*:(?:\s|$))")
"""A first line YAML would read as YAML (a key, a list item, a comment, a marker): a
broken journey file whose lines hold commas is still said to be broken YAML."""


def table_header(text: str) -> str | None:
    """How a table (a CSV saved from a spreadsheet, where people also keep journey maps)
    names itself: "a CSV table (',' between 'Stage', 'Step', 'Emotion', ...)", or None
    when the text is no table. Its first two lines written hold the same number of cells,
    two or more, with the same separator; YAML reads such a file as one long string."""
    import csv

    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:2]
    if len(lines) < 2 or _YAML_LINE.match(lines[0]):
        return None
    for separator, said in _TABLE_SEPARATORS.items():
        cells = [next(csv.reader([line], delimiter=separator)) for line in lines]
        if len(cells[0]) >= 2 and len(cells[0]) == len(cells[1]):
            shown = ", ".join(repr(c.strip()) for c in cells[0][:3])
            more = ", ..." if len(cells[0]) > 3 else ""
            return f"a CSV table ({said} between {shown}{more})"
    return None
