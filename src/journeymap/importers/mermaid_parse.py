"""A Mermaid `journey` diagram's text as Mermaid's own parser reads it: title, sections,
tasks with their score and actors, accessibility title and description; and the
diagrams found in a Markdown file or a .mmd file. See `mermaid` for the grammar it
follows."""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from journeymap.diagnostics import Diagnostic
from journeymap.importers.common import (
    import_warning,
)

_TITLE = re.compile(r"title\s", re.IGNORECASE)
_SECTION = re.compile(r"section\s", re.IGNORECASE)
_ACC_TITLE = re.compile(r"accTitle\s*:", re.IGNORECASE)
_ACC_DESCR = re.compile(r"accDescr\s*:", re.IGNORECASE)
_ACC_DESCR_BLOCK = re.compile(r"accDescr\s*\{", re.IGNORECASE)
_JOURNEY = re.compile(r"journey\b", re.IGNORECASE)


@dataclass
class Task:
    text: str
    score: str
    actors: list[str]
    line: int
    ignored: str | None = None
    """What Mermaid ignores after the actors (`: 5: Ann (role: lead)`)."""
    said: str | None = None
    """What a journeymap export's comment just before says of the task: `unrated` (its
    3 stands for no emotion) or `no steps` (it only keeps an empty stage's place)."""


@dataclass
class Section:
    name: str | None
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    """A journey diagram as Mermaid reads it; lines are 1-based lines of the source."""

    first_line: int
    last_line: int
    title: str | None = None
    title_line: int = 0
    acc_title: str | None = None
    acc_descr: str | None = None
    sections: list[Section] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    channels: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, kind, name) of each channel a journeymap export lists in its `%% journeymap
    channel` comments: the actors of that name are channels, not people."""
    persona: str | None = None
    """The persona a journeymap export names in its `%% journeymap persona` comment."""


def _meaningful(lines: list[str], start: int) -> int:
    """Index of the first line that is not blank, a comment or a directive (Mermaid
    reads a `%%{init: {...}}%%` written over several lines as one)."""
    index = start
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped[:3] == "%%{" and "}%%" not in stripped:
            end = next((i for i in range(index + 1, len(lines)) if "}%%" in lines[i]), None)
            if end is None:
                return index
            index = end + 1
        elif not stripped or stripped[:2] == "%%":
            index += 1
        else:
            break
    return index


def _skip_front_matter(lines: list[str]) -> tuple[int, dict[str, Any]]:
    from journeymap.load.limits import Limits
    from journeymap.load.yamldoc import parse

    index = _meaningful(lines, 0)
    if index >= len(lines) or lines[index].strip() != "---":
        return index, {}
    for end in range(index + 1, len(lines)):
        if lines[end].strip() == "---":
            # The journeys' own reader: a hostile front matter (deep, an alias bomb) is
            # ignored as a broken one is, never a crash.
            parsed = parse("\n".join(lines[index + 1 : end]), Limits.from_env())
            data = None if parsed.problems else parsed.data
            return _meaningful(lines, end + 1), data if isinstance(data, dict) else {}
    return index, {}


def _indented_front_matter_end(lines: list[str], start: int) -> int | None:
    """The line index of a front matter's closing '---' written indented: Mermaid looks
    for it at the start of a line and, not finding it, rejects the whole diagram."""
    if start == _meaningful(lines, 0):
        return None  # no front matter
    for index in range(start - 1, -1, -1):
        if lines[index].strip() == "---":
            return index if lines[index][:1].isspace() else None
    return None


def is_journey(text: str) -> bool:
    """Whether this text is itself a Mermaid journey diagram (not Markdown holding one)."""
    lines = text.splitlines()
    index, _ = _skip_front_matter(lines)
    return index < len(lines) and bool(_JOURNEY.fullmatch(lines[index].strip()))


def bare_journey(text: str) -> int | None:
    """The line (1-based) of a `journey` diagram written in Markdown outside any Mermaid
    block: under a heading with no fence, after a fence closed at once, or between
    fences escaped in a code string (\\`\\`\\`mermaid). Markdown shows it as text and
    Mermaid never draws it, so it is not imported, but the refusal names it."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip().casefold() != "journey":
            continue
        following = next((n.strip() for n in lines[index + 1 :] if n.strip()), "")
        if following.split(" ", 1)[0] in {"title", "section", "accTitle", "accTitle:"}:
            return index + 1
    return None


_CONTAINER_OPEN = re.compile(r"\s{0,3}:::\s*mermaid\s*")
_CONTAINER_CLOSE = re.compile(r"\s{0,3}:::\s*")
_HTML_BLOCK = re.compile(
    r"<(pre|div|code)\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmermaid\b[^\"']*[\"'][^>]*>(.*?)</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_WRAPPED = re.compile(r"\s*<(?:pre|div|code)\b[^>]*>(.*)</(?:pre|div|code)\s*>\s*", re.DOTALL)


def _between(
    lines: list[str], opening: re.Pattern[str], closing: re.Pattern[str]
) -> list[tuple[int, str]]:
    """The blocks between a line matching `opening` and the next matching `closing`."""
    found: list[tuple[int, str]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if start is None and opening.fullmatch(line):
            start = index + 1
        elif start is not None and closing.fullmatch(line):
            found.append((start, "\n".join(lines[start:index]) + "\n"))
            start = None
    return found


def _containers(lines: list[str]) -> list[tuple[int, str]]:
    """`::: mermaid` ... `:::` blocks, as Azure DevOps wikis write diagrams."""
    return _between(lines, _CONTAINER_OPEN, _CONTAINER_CLOSE)


def _html_blocks(text: str, commented: bool = False) -> list[tuple[int, str]]:
    """`<pre class="mermaid">` and `<div class="mermaid">` blocks: how Mermaid's own
    documentation puts a diagram in a web page, entities (&gt;, &amp;) written escaped;
    and `<pre><code class="language-mermaid">`, the HTML a ```mermaid fence becomes in
    Jekyll, markdown-it or an editor's export, which the page's script then draws."""
    import html

    if not commented:
        # A block inside <!-- --> is not drawn: blank the comments, keeping their lines.
        text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    found: list[tuple[int, str]] = []
    for match in _HTML_BLOCK.finditer(text):
        start, end = match.span(2)
        # The diagram inside the first block's tags: `<code class="language-mermaid">
        # <div class="mermaid">journey`, `<pre class="mermaid"><code>journey`.
        while inner := _HTML_WRAPPED.fullmatch(text, start, end):
            start, end = inner.span(1)
        body = text[start:end]
        line = text.count("\n", 0, start)
        if body.startswith("\n"):
            body, line = body[1:], line + 1
        found.append((line, html.unescape(body)))
    return found


_TAG_OPEN = re.compile(r"\s*\{%-?\s*mermaid\b(.*?)-?%\}\s*")
_TAG_CLOSE = re.compile(r"\s*\{%-?\s*endmermaid\s*-?%\}\s*")


def _tags(lines: list[str]) -> list[tuple[int, str]]:
    """`{% mermaid %}` ... `{% endmermaid %}` blocks, as Hexo and Jekyll blogs write
    diagrams; `{% mermaid journey %}` names the diagram's first line in the tag itself."""
    found: list[tuple[int, str]] = []
    start: int | None = None
    head = ""
    for index, line in enumerate(lines):
        opened = _TAG_OPEN.fullmatch(line) if start is None else None
        if opened:
            start, head = index + 1, opened.group(1).strip()
        elif start is not None and _TAG_CLOSE.fullmatch(line):
            body = "\n".join(lines[start:index]) + "\n"
            # The tag's words are the diagram's first line: read it before the body, on
            # the tag's own line, so that line numbers still point into the source.
            found.append((start - 1, f"{head}\n{body}") if head else (start, body))
            start = None
    return found


_SHORTCODE_OPEN = re.compile(r"\s*\{\{([<%])\s*mermaid\b[^}]*?[>%]\}\}\s*")
_SHORTCODE_CLOSE = re.compile(r"\s*\{\{[<%]\s*/\s*mermaid\s*[>%]\}\}\s*")


def _shortcodes(lines: list[str]) -> list[tuple[int, str]]:
    """`{{< mermaid >}}` ... `{{< /mermaid >}}` (and `{{% %}}`) blocks: Hugo themes'
    shortcode (Docsy, Learn, LoveIt...). `{{</* mermaid */>}}`, Hugo's way to show the
    shortcode itself, is not one."""
    return _between(lines, _SHORTCODE_OPEN, _SHORTCODE_CLOSE)


_RST_DIRECTIVE = re.compile(r"(\s*)\.\.\s+mermaid::\s*")
_RST_SOURCE = re.compile(r"(\s*)\.\.\s+(?:code|code-block|sourcecode)::\s*mermaid\s*")
_RST_OPTION = re.compile(r"\s*:[\w-]+:.*")


def _rst_directives(lines: list[str], pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """reStructuredText `.. mermaid::` directives (sphinxcontrib-mermaid), or with
    `pattern` the `.. code-block:: mermaid` ones that show the source: the block is every
    line indented past the directive, after its `:option:` lines, dedented. Each line is
    read once: a directive inside another's block is part of that block."""
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        opened = pattern.fullmatch(lines[index])
        index += 1
        if not opened:
            continue
        margin = len(opened.group(1).expandtabs())
        body: list[str] = []
        start = index
        while index < len(lines):
            later = lines[index]
            if later.strip() and len(later) - len(later.lstrip()) <= margin:
                break
            index += 1
            if not body and (not later.strip() or _RST_OPTION.fullmatch(later)):
                start += 1
                continue
            body.append(later)
        while body and not body[-1].strip():
            body.pop()
        if body:
            found.append((start, textwrap.dedent("\n".join(body)) + "\n"))
    return found


_ADOC_STYLE = re.compile(r"\s*\[mermaid\b[^\]]*\]\s*")
_ADOC_DELIMITER = re.compile(r"(-{4,}|\.{4,})")


def _asciidoc_blocks(lines: list[str]) -> list[tuple[int, str]]:
    """AsciiDoc `[mermaid]` blocks (Asciidoctor Diagram), delimited by `----` or `....`;
    each line read once (a block's end is looked for from where the last one ended)."""
    found: list[tuple[int, str]] = []
    unclosed: set[str] = set()
    index = 0
    while index < len(lines) - 1:
        delimiter = _ADOC_DELIMITER.fullmatch(lines[index + 1].strip())
        if not _ADOC_STYLE.fullmatch(lines[index]) or delimiter is None:
            index += 1
            continue
        mark = delimiter.group(1)
        end = index + 2
        if mark not in unclosed:
            while end < len(lines) and lines[end].strip() != mark:
                end += 1
        if mark in unclosed or end >= len(lines):
            unclosed.add(mark)  # never closed after here: no later block with it closes
            index += 2
            continue
        found.append((index + 2, "\n".join(lines[index + 2 : end]) + "\n"))
        index = end + 1
    return found


_JSX_CHART = re.compile(r"\bchart=\{\s*`((?:[^`\\]|\\.)*)`\s*\}", re.DOTALL)
"""The template string up to its first unescaped backtick (never past it: linear time)."""


def _jsx_charts(text: str) -> list[tuple[int, str]]:
    """`<Mermaid chart={`journey ...`} />` in MDX (mdx-mermaid and the components written
    like it): the diagram is the template string, from its first line."""
    return [
        (text.count("\n", 0, match.start(1)), match.group(1).replace("\\`", "`"))
        for match in _JSX_CHART.finditer(text)
        if "${" not in match.group(1)
    ]


def _fences(text: str, offset: int = 0) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Journeys in ```mermaid fences, and, apart, journeys in any other fence or in
    Markdown quoted inside a fence (````markdown around ```mermaid, ```text, ```bat): a
    page that shows a diagram's source rather than drawing it."""
    from markdown_it import MarkdownIt

    drawn: list[tuple[int, str]] = []
    shown: list[tuple[int, str]] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.map is None:
            continue
        line = offset + token.map[0] + 1
        word = (token.info.split() or [""])[0].strip("{}.").lower()
        if is_journey(token.content):
            (drawn if word.startswith("mermaid") else shown).append((line, token.content))
        elif "```" in token.content or "~~~" in token.content or ":::" in token.content:
            inner_drawn, inner_shown = _fences(token.content, line)
            shown.extend(inner_drawn + inner_shown)
            if ":::" in token.content:
                inner = _containers(token.content.splitlines())
                shown.extend((line + o, body) for o, body in inner if is_journey(body))
    return drawn, shown


def swallowed(text: str) -> list[tuple[int, int]]:
    """(line of the fence, line of the HTML block), 1-based, of each ```mermaid journey
    fence that Markdown reads as part of an HTML block: a `<div ...></div>` line runs to
    the next blank line, and a fence before that blank line is shown as text, not drawn
    (GitHub, CommonMark: a page break `<div>` right above a heading and its diagram)."""
    from markdown_it import MarkdownIt

    if "<" not in text or "mermaid" not in text:
        return []
    found: list[tuple[int, int]] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "html_block" or token.map is None or "mermaid" not in token.content:
            continue
        if not token.content.lstrip().startswith("<!--"):  # a comment hides it on purpose
            # The block read again without its first line: what would be Markdown there.
            inner = "\n" + token.content.split("\n", 1)[-1]
            drawn, _ = _fences(inner, token.map[0])
            found += [(line, token.map[0] + 1) for line, _ in drawn]
            found += [(line + token.map[0], token.map[0] + 1) for line, _ in swallowed(inner)]
    return found


def _fenced(text: str) -> set[int]:
    """The 0-based lines inside fenced code blocks (their fences included): there a
    `<div class="mermaid">`, a `::: mermaid` or a shortcode is shown, not drawn."""
    from markdown_it import MarkdownIt

    lines: set[int] = set()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence" and token.map is not None:
            lines.update(range(*token.map))
    return lines


def find_diagrams(text: str) -> list[tuple[int, str]]:
    """(line offset, text) of each journey diagram: the whole text, or, in Markdown or a
    web page, every ```mermaid fence, `::: mermaid` container, `<pre class="mermaid">`
    block, `{% mermaid %}` tag, Hugo shortcode, Sphinx directive and AsciiDoc block whose
    diagram is a journey, in the order they come. Only when there is none: journeys shown
    as source (in other fences, or any of those blocks written inside a fence) or
    commented out (inside <!-- -->): the file holds nothing else to import."""
    if is_journey(text):
        return [(0, text)]
    found, shown = _fences(text)
    blocks = _blocks(text, shown)
    if _QUOTED.search(text):
        # The same blocks written in a blockquote (`> <div class="mermaid">`, a page that
        # shows the diagram drawn inside a quote): the page's script draws them too.
        blocks.extend(_blocks(_QUOTED.sub("", text), shown))
    fenced = _fenced(text) if blocks else set()
    seen = {offset for offset, _ in found}
    for offset, body in blocks:
        if offset not in seen and is_journey(body):
            (shown if offset in fenced else found).append((offset, body))
            seen.add(offset)
    return sorted(found) or sorted(set(shown))


_QUOTED = re.compile(r"^(?:[ ]{0,3}>[ ]?)+", re.MULTILINE)
"""Markdown's blockquote markers at the start of a line (`> `, `>> `): taken off, the
lines stay where they are, so a block found in the text without them has its own line."""


def _blocks(text: str, shown: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line offset, text) of every block other than a fence that may hold a diagram
    (`::: mermaid`, `<div class="mermaid">`, `{% mermaid %}`, shortcodes, directives,
    AsciiDoc, MDX charts); journeys only shown as source are added to `shown`."""
    lines = text.splitlines()
    blocks: list[tuple[int, str]] = []
    if ":::" in text:
        blocks.extend(_containers(lines))
    if "mermaid" in text and "<" in text:
        blocks.extend(_html_blocks(text))
        if "<!--" in text:
            shown.extend(d for d in _html_blocks(text, commented=True) if is_journey(d[1]))
    if "{%" in text:
        blocks.extend(_tags(lines))
    if "{{" in text:
        blocks.extend(_shortcodes(lines))
    if ".. " in text:
        blocks.extend(_rst_directives(lines, _RST_DIRECTIVE))
        shown.extend(d for d in _rst_directives(lines, _RST_SOURCE) if is_journey(d[1]))
    if "[mermaid" in text:
        blocks.extend(_asciidoc_blocks(lines))
    if "chart=" in text and "`" in text:
        blocks.extend(_jsx_charts(text))
    return blocks


def _first_word(body: str) -> tuple[int, str]:
    """(line index, word) of the diagram's first statement: its type, as Mermaid detects
    it after front matter, comments and directives."""
    lines = body.splitlines()
    index, _ = _skip_front_matter(lines)
    words = lines[index].split() if index < len(lines) else []
    return index, (words[0] if words else "")


_TYPE_WORD = re.compile(r"[A-Za-z][\w-]*:?")


def other_diagrams(text: str) -> list[tuple[int, str]]:
    """(1-based line, type) of each Mermaid diagram drawn in the text that is not a
    journey: what to name when there is no journey to import (a flowchart pasted, a
    `userJourney` that Mermaid rejects)."""
    from markdown_it import MarkdownIt

    lines = text.splitlines()
    blocks: list[tuple[int, str]] = []
    if _first_word(text)[1].rstrip(":;") in _MERMAID_TYPES | {"userJourney"}:
        blocks.append((0, text))
    for token in MarkdownIt("commonmark").parse(text):
        word = (token.info.split() or [""])[0].strip("{}.").lower() if token.info else ""
        if token.type == "fence" and token.map and word.startswith("mermaid"):
            blocks.append((token.map[0] + 1, token.content))
    blocks += _containers(lines) + _html_blocks(text) + _tags(lines) + _shortcodes(lines)
    blocks += _rst_directives(lines, _RST_DIRECTIVE) + _asciidoc_blocks(lines)
    found: list[tuple[int, str]] = []
    for offset, body in blocks:
        index, word = _first_word(body)
        # `journey### Layout`, a heading pasted onto the keyword: Mermaid rejects it too.
        typed = _TYPE_WORD.fullmatch(word) or word.lower().startswith("journey")
        if typed and not is_journey(body):
            found.append((offset + index + 1, word))
    return sorted(set(found))


_MERMAID_TYPES = frozenset(
    [
        "flowchart",
        "graph",
        "sequenceDiagram",
        "classDiagram",
        "classDiagram-v2",
        "stateDiagram",
        "stateDiagram-v2",
        "erDiagram",
        "gantt",
        "pie",
        "gitGraph",
        "mindmap",
        "timeline",
        "quadrantChart",
        "xychart-beta",
        "xychart",
        "sankey-beta",
        "sankey",
        "requirementDiagram",
        "C4Context",
        "C4Container",
        "C4Component",
        "C4Dynamic",
        "C4Deployment",
        "block-beta",
        "block",
        "packet-beta",
        "packet",
        "kanban",
        "architecture-beta",
        "architecture",
        "zenuml",
        "radar-beta",
        "treemap-beta",
        "info",
    ]
)
"""Mermaid's diagram types, as its detectors spell them (case matters to them)."""


def _cut(value: str, stops: str) -> str:
    """Mermaid ends a title, section or score at these characters (a `#` comment...)."""
    for stop in stops:
        value = value.split(stop, 1)[0]
    return value.strip()


CHANNEL_KINDS = ("digital", "physical", "phone", "messaging", "social", "mail", "other")
"""The format's channel kinds (`model.values.ChannelKind`; importers read no model, and a
test keeps the two equal)."""
EXPORT_COMMENT = re.compile(
    r"^%% journeymap (?:persona: (?P<persona>.+)|channel (?P<id>[a-z0-9][a-z0-9_-]*) "
    r"(?P<kind>[a-z]+): (?P<name>.+)|(?P<task>unrated|no steps))$"
)
"""What `journeymap render --format mmd` says in comments (Mermaid draws none of it):
which actors are the persona and the channels, so that an import reads them back."""


def _strip_comment(line: str) -> str:
    """Mermaid drops `%%` to the end of the line, except a directive's closing `}%%`."""
    position = line.find("%%")
    while position > 0 and line[position - 1] == "}":
        position = line.find("%%", position + 2)
    return line if position < 0 else line[:position].rstrip()


_ENTITY = re.compile(r"#(\w+);")
_HIDDEN = re.compile("\ue000(\\d+)\ue001")


class _Entities:
    """Mermaid replaces `#58;` (a character code) and `#amp;` (an HTML name) before it
    reads the diagram, and draws the character: so `#`, `:` and `;` inside them neither
    start a comment nor split a task. They are hidden the same way, then decoded."""

    def __init__(self) -> None:
        self._seen: list[str] = []

    def hide(self, line: str) -> str:
        def stash(match: re.Match[str]) -> str:
            self._seen.append(match.group(1))
            return f"\ue000{len(self._seen) - 1}\ue001"

        return _ENTITY.sub(stash, line)

    def show(self, text: str) -> str:
        import html

        def decode(match: re.Match[str]) -> str:
            name = self._seen[int(match.group(1))]
            if name.isdigit():
                code = int(name)
                return chr(code) if 0 < code < 0x110000 else f"#{name};"
            decoded = html.unescape(f"&{name};")
            return f"#{name};" if decoded == f"&{name};" else decoded

        return _HIDDEN.sub(decode, text)


def parse_diagram(text: str, offset: int = 0) -> Diagram:
    diagram = _parse(text, offset, entities := _Entities())
    show = entities.show
    diagram.title = show(diagram.title) if diagram.title else None
    diagram.acc_title = show(diagram.acc_title) if diagram.acc_title else None
    diagram.acc_descr = show(diagram.acc_descr) if diagram.acc_descr else None
    for section in diagram.sections:
        section.name = show(section.name) if section.name else section.name
        for task in section.tasks:
            task.text, task.score = show(task.text), show(task.score)
            task.actors = [show(actor) for actor in task.actors]
    diagram.persona = show(diagram.persona) if diagram.persona else None
    diagram.channels = [(id_, kind, show(name)) for id_, kind, name in diagram.channels]
    return diagram


def _is_number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def _task(line: str, number: int, warnings: list[Diagnostic]) -> Task:
    """A task as Mermaid reads it: the text up to the first ':', the score up to the
    next, the actors up to the one after (the rest is ignored).

    Except where the author plainly wrote a ':' in the text (`Push at 08:00: 5: Phone`):
    Mermaid then draws 'Push at 08' with no score and '5' as its actor; the text is read
    whole up to the first piece that is a number, with a warning. Whatever Mermaid
    ignores after the actors is said, never dropped silently."""
    name, data = line.split(":", 1)
    pieces = data.split("#", 1)[0].split(";", 1)[0].split(":")
    later = [i for i, piece in enumerate(pieces[1:], 1) if _is_number(piece.strip())]
    if not _is_number(pieces[0].strip()) and later:
        whole = ":".join([name, *pieces[: later[0]]]).strip()
        warnings.append(
            import_warning(
                f"task '{whole}': Mermaid ends a task's text at the first ':' (it draws "
                f"'{name.strip()}' with no score); read whole, scored {pieces[later[0]].strip()}"
                " (write the ':' as #58; for Mermaid)",
                number,
            )
        )
        name, pieces = whole, pieces[later[0] :]
    stops = sorted({c for c in name if c in "#;"})
    if stops:
        warnings.append(
            import_warning(
                f"task '{name.strip()}': Mermaid rejects the diagram, a "
                f"{' or '.join(repr(c) for c in stops)} ends a task's text (write "
                f"{' and '.join(f'#{ord(c)};' for c in stops)}); kept whole",
                number,
            )
        )
    actors = pieces[1].split(",") if len(pieces) > 1 else []
    task = Task(name.strip(), pieces[0].strip(), [a.strip() for a in actors], number)
    if len(pieces) > 2 and ":".join(pieces[2:]).strip():
        task.ignored = ":" + ":".join(pieces[2:]).rstrip()
        warnings.append(
            import_warning(
                f"task '{task.text}': Mermaid ignores '{task.ignored}' after the actors (a ':' "
                "ends the list); kept in a comment on the step",
                number,
            )
        )
    return task


def _parse(text: str, offset: int, entities: _Entities) -> Diagram:
    lines = [entities.hide(line) for line in text.splitlines()]
    start, front = _skip_front_matter(lines)
    diagram = Diagram(first_line=offset + start + 1, last_line=offset + len(lines))
    closing = _indented_front_matter_end(lines, start)
    if closing is not None:
        diagram.warnings.append(
            import_warning(
                "the front matter ends with an indented '---': Mermaid rejects the diagram "
                "(\"Diagrams beginning with --- are not valid\"; write '---' at the start "
                "of the line); read as front matter",
                offset + closing + 1,
            )
        )
    if isinstance(front.get("title"), str | int | float):
        diagram.title = str(front["title"]).strip() or None
        diagram.title_line = offset + 1
    keyword = lines[start].strip() if start < len(lines) else "journey"
    if not keyword.startswith("journey"):
        # Mermaid's detector is /^\s*journey/, case and all: `Journey` is "No diagram
        # type detected". The author meant a journey; it is read as one, and said.
        diagram.warnings.append(
            import_warning(
                f"`{keyword}`: Mermaid knows only `journey` in lower case and rejects this "
                'diagram ("No diagram type detected"); read as a journey',
                offset + start + 1,
            )
        )
    current: Section | None = None
    in_descr: list[str] | None = None
    pending: str | None = None
    for index in range(start + 1, len(lines)):
        number = offset + index + 1
        raw = lines[index].strip()
        if in_descr is not None:
            before, closed, raw = raw.partition("}")
            in_descr.append(before.strip())
            if not closed:
                continue
            diagram.acc_descr = "\n".join(part for part in in_descr if part) or None
            in_descr = None
            raw = raw.strip()  # Mermaid reads on after the '}'
        if raw.startswith("%% journeymap ") and (said := EXPORT_COMMENT.match(raw)):
            if said["persona"]:
                diagram.persona = said["persona"].strip()
            elif said["task"]:
                pending = said["task"]
            else:
                diagram.channels.append((said["id"], said["kind"], said["name"].strip()))
            continue
        line = _strip_comment(raw)
        if not line or line.startswith("#"):
            continue
        if _TITLE.match(line):
            diagram.title, diagram.title_line = _cut(line[6:], "#;") or None, number
        elif _ACC_TITLE.match(line):
            diagram.acc_title = line.split(":", 1)[1].strip() or None
        elif _ACC_DESCR.match(line):
            diagram.acc_descr = line.split(":", 1)[1].strip() or None
        elif _ACC_DESCR_BLOCK.match(line):
            rest = line.split("{", 1)[1]
            if "}" in rest:
                diagram.acc_descr = rest.split("}", 1)[0].strip() or None
            else:
                in_descr = [rest]
        elif _SECTION.match(line):
            name = _cut(line[8:], "#;")
            if ":" in name:
                # Mermaid stops a section at ':' and then fails on the rest ("section
                # Step 1: Context"): the author meant the whole name, so it is kept.
                diagram.warnings.append(
                    import_warning(
                        f"section '{name}': Mermaid cannot draw a ':' in a section name "
                        "(it rejects the diagram); the whole name is kept",
                        number,
                    )
                )
            current = Section(name, number)
            diagram.sections.append(current)
        elif ":" in line:
            task = _task(line, number, diagram.warnings)
            if not task.text:
                diagram.warnings.append(import_warning("a task without text: skipped", number))
                continue
            if current is None:
                current = Section(None, number)
                diagram.sections.append(current)
            task.said, pending = pending, None
            current.tasks.append(task)
        elif current is not None and current.name is not None:
            # A line under a section with no ':' ("Sit down"): a task whose score was
            # forgotten. Mermaid rejects the whole diagram; the task is kept.
            diagram.warnings.append(
                import_warning(
                    f"task '{line[:40]}' has no ':' and no score (Mermaid rejects the "
                    f"diagram: write '{line[:40]}: 3: Actor'); kept, without emotion",
                    number,
                )
            )
            current.tasks.append(Task(line, "", [], number))
        else:
            diagram.warnings.append(
                import_warning(
                    f"'{line[:40]}' is not a title, a section or a task "
                    "('text: score: actors'); Mermaid rejects it: skipped",
                    number,
                )
            )
    return diagram
