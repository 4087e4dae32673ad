"""An imported journey as YAML that reads like a hand-written file.

ruamel.yaml writes comments (PyYAML cannot): where the file came from, what was guessed,
which score was clamped. Small records (a channel, a stakeholder, a touchpoint) go on one
line in flow style, as the README's examples are written; everything else is block style,
keys in the format's order, long lines never folded.
"""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeymap.importers.common import Imported


def _flow_worthy(value: dict[str, Any]) -> bool:
    return len(value) <= 4 and all(
        isinstance(v, str | int | float) and "\n" not in str(v) and len(str(v)) <= 40
        for v in value.values()
    )


def _build(value: Any, in_list: bool = False, flow: bool = False) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(value, dict):
        flowed = (in_list and _flow_worthy(value)) or (not in_list and set(value) == {"name"})
        mapping = CommentedMap((k, _build(v, flow=flow or flowed)) for k, v in value.items())
        if flowed:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        flowed = bool(value) and all(isinstance(i, str) and len(i) <= 30 for i in value)
        seq = CommentedSeq(_build(item, in_list=True, flow=flow or flowed) for item in value)
        if flowed:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value and _literal_safe(value):
        return LiteralScalarString(value)
    if isinstance(value, str) and not _reads_back(value, flow):
        if _literal_safe(value) and "\t" not in value:
            return SingleQuotedScalarString(value)
        return DoubleQuotedScalarString(value)
    return value


_PLAIN_WORDS = re.compile(r"[^\W\d_][\w .()/'’-]*")
"""Text that no YAML reader takes for anything but itself, written plain: a letter first,
then letters, digits, spaces and a few marks (most step texts, ids and names)."""
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "y", "n", "null"})


def _reads_back(text: str, flow: bool) -> bool:
    """Whether the text reads back as itself, written plain (in [...] or {...} if `flow`);
    most texts are told at a glance, the others by reading them (a third of the time an
    import took, when every text was read)."""
    if _PLAIN_WORDS.fullmatch(text) and text == text.rstrip() and text.lower() not in _YAML_WORDS:
        return True
    return _reads_back_parsed(text, flow)


@functools.lru_cache(maxsize=4096)
def _reads_back_parsed(text: str, flow: bool) -> bool:
    """Whether the text, if ruamel.yaml writes it without quotes, reads back as itself with
    the YAML 1.1 reader journeymap loads files with. ruamel.yaml writes YAML 1.2, where
    `Yes` and `No` are text, and takes `??`, `Who?` or `:x` for plain scalars inside
    [...] and {...}: a Mermaid task `Yes: 4: Me` or an actor `??` made a journey file
    that `validate` refused (`'text' must be text, not true`) or could not parse. Such
    a text is written in quotes."""
    import yaml

    # Both of PyYAML's readers, as journeymap falls back to the pure-Python one without
    # libyaml: it stops a plain scalar at the '?' of `Who?` inside [...], libyaml does not.
    loaders = {yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)}
    forms = (f"[{text}]", f"{{k: {text}}}") if flow else (f"k: {text}", f"- {text}")
    try:
        return all(
            yaml.load(form, Loader=loader) in ([text], {"k": text})
            for form in forms
            for loader in loaders
        )
    except yaml.YAMLError:
        return False


def _literal_safe(text: str) -> bool:
    """A literal block writes characters as they are: only for text YAML can hold raw
    (ruamel.yaml would write a control character there unescaped, and no reader takes it)."""
    import unicodedata

    return not any(
        char in "\x85\u2028\u2029\ufeff" or (unicodedata.category(char) == "Cc" and char != "\n")
        for char in text
    )


def _comment(text: str) -> str:
    """One line of printable text: a comment holds what the source held, which may be
    anything (a line break there would end the comment and break the file)."""
    import unicodedata

    printable = "".join(
        " " if char.isspace() else "\ufffd" if unicodedata.category(char) in {"Cc", "Cs"} else char
        for char in text
    )
    return " ".join(printable.replace("\ufeff", "\ufffd").split())


def _at(root: Any, path: tuple[str | int, ...]) -> Any:
    node = root
    for key in path:
        node = node[key]
    return node


def dump_imported(imported: Imported) -> str:
    from ruamel.yaml import YAML

    root = _build(imported.data)
    comments = {path: _comment(text) for path, text in imported.comments.items()}
    for path, text in comments.items():
        _at(root, path[:-1]).yaml_add_eol_comment(f"# {text}", path[-1])
    for path, text in imported.before.items():
        indent = 2 * (len(path) - 1)
        _at(root, path[:-1]).yaml_set_comment_before_after_key(
            path[-1], before=_comment(text), indent=indent
        )
    if imported.header:
        root.yaml_set_start_comment("\n".join(map(_comment, imported.header)))
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return _two_spaces(buffer.getvalue(), {f" # {text}" for text in comments.values()})


def _two_spaces(text: str, endings: set[str]) -> str:
    """ruamel.yaml puts an end-of-line comment one space after a value that passes the
    comment's column; PEP 8 and yamllint's default want two everywhere."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for ending in endings:
            if line.endswith(ending) and not line[: -len(ending)].endswith(" "):
                lines[index] = line[: -len(ending)] + " " + ending
                break
    return "\n".join(lines)
