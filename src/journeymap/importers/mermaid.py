"""Mermaid `journey` diagrams -> journeys.

The reading follows Mermaid's own grammar (packages/mermaid/src/diagrams/user-journey/
parser/journey.jison) rather than the documentation's tidy examples, because real files
lean on what the parser tolerates: keywords in any case, any indentation, blank lines,
`%%` comments, `%%{init}%%` directives, YAML front matter, `accTitle`/`accDescr`, a task's
text ending at the first ':', the score and actors after it (`Task:5: A, B,`), extra
colons ignored, and scores outside 1..5 or not numbers at all.

The score becomes the emotion by one fixed, order-keeping rule: emotion = score - 3
rounded half up, clamped to -2..2 (1..5 -> -2..2, the inverse of `render -o x.mmd`).
Every clamped or rounded score is said in a warning and in a comment on the step.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from journeymap.importers.common import (
    IdMaker,
    Imported,
    ImportProblem,
    ImportWarning,
    emotion_from_score,
    guess_lang,
    slugify,
)

UNSPECIFIED = "unspecified"
_TITLE = re.compile(r"title\s", re.IGNORECASE)
_SECTION = re.compile(r"section\s", re.IGNORECASE)
_ACC_TITLE = re.compile(r"accTitle\s*:", re.IGNORECASE)
_ACC_DESCR = re.compile(r"accDescr\s*:", re.IGNORECASE)
_ACC_DESCR_BLOCK = re.compile(r"accDescr\s*\{", re.IGNORECASE)
_JOURNEY = re.compile(r"journey\b", re.IGNORECASE)


@dataclass
class _Task:
    text: str
    score: str
    actors: list[str]
    line: int


@dataclass
class _Section:
    name: str | None
    line: int
    tasks: list[_Task] = field(default_factory=list)


@dataclass
class Diagram:
    """A journey diagram as Mermaid reads it; lines are 1-based lines of the source."""

    first_line: int
    last_line: int
    title: str | None = None
    title_line: int = 0
    acc_title: str | None = None
    acc_descr: str | None = None
    sections: list[_Section] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


def _meaningful(lines: list[str], start: int) -> int:
    """Index of the first line that is not blank, a comment or a directive."""
    index = start
    while index < len(lines) and (not lines[index].strip() or lines[index].strip()[:2] == "%%"):
        index += 1
    return index


def _skip_front_matter(lines: list[str]) -> tuple[int, dict[str, Any]]:
    import yaml

    index = _meaningful(lines, 0)
    if index >= len(lines) or lines[index].strip() != "---":
        return index, {}
    for end in range(index + 1, len(lines)):
        if lines[end].strip() == "---":
            try:
                data = yaml.safe_load("\n".join(lines[index + 1 : end]))
            except yaml.YAMLError:
                data = None
            return _meaningful(lines, end + 1), data if isinstance(data, dict) else {}
    return index, {}


def is_journey(text: str) -> bool:
    """Whether this text is itself a Mermaid journey diagram (not Markdown holding one)."""
    lines = text.splitlines()
    index, _ = _skip_front_matter(lines)
    return index < len(lines) and bool(_JOURNEY.fullmatch(lines[index].strip()))


def find_diagrams(text: str) -> list[tuple[int, str]]:
    """(line offset, text) of each journey diagram: the whole text, or every fenced
    ```mermaid block of a Markdown text whose diagram is a journey."""
    if is_journey(text):
        return [(0, text)]
    from markdown_it import MarkdownIt

    found: list[tuple[int, str]] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.map is None:
            continue
        word = (token.info.split() or [""])[0].strip("{}.").lower()
        if word.startswith("mermaid") and is_journey(token.content):
            found.append((token.map[0] + 1, token.content))
    return found


def _cut(value: str, stops: str) -> str:
    """Mermaid ends a title, section or score at these characters (a `#` comment...)."""
    for stop in stops:
        value = value.split(stop, 1)[0]
    return value.strip()


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
    return diagram


def _parse(text: str, offset: int, entities: _Entities) -> Diagram:
    lines = [entities.hide(line) for line in text.splitlines()]
    start, front = _skip_front_matter(lines)
    diagram = Diagram(first_line=offset + start + 1, last_line=offset + len(lines))
    if isinstance(front.get("title"), str | int | float):
        diagram.title = str(front["title"]).strip() or None
        diagram.title_line = offset + 1
    current: _Section | None = None
    in_descr: list[str] | None = None
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
            current = _Section(_cut(line[8:], "#:;"), number)
            diagram.sections.append(current)
        elif ":" in line:
            name, data = line.split(":", 1)
            pieces = _cut(data, "#;").split(":")
            actors = pieces[1].split(",") if len(pieces) > 1 else []
            task = _Task(name.strip(), pieces[0].strip(), [a.strip() for a in actors], number)
            if not task.text:
                diagram.warnings.append(ImportWarning("a task without text: skipped", number))
                continue
            if current is None:
                current = _Section(None, number)
                diagram.sections.append(current)
            current.tasks.append(task)
        else:
            diagram.warnings.append(
                ImportWarning(
                    f"'{line[:40]}' is not a title, a section or a task "
                    "('text: score: actors'); Mermaid rejects it: skipped",
                    number,
                )
            )
    return diagram


@dataclass
class _Score:
    emotion: int | None
    comment: str | None
    warning: str | None


def _score(task: _Task) -> _Score:
    if not task.score:
        return _Score(None, "no Mermaid score", None)
    try:
        value = float(task.score)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        return _Score(
            None,
            f"Mermaid score '{task.score}' is not a number: no emotion",
            f"task '{task.text}': score '{task.score}' is not a number; the step has no emotion",
        )
    emotion, clamped = emotion_from_score(value, 1, 5)
    if clamped:
        return _Score(
            emotion,
            f"Mermaid score {task.score}, outside 1-5: clamped to {emotion}",
            f"task '{task.text}': score {task.score} is outside Mermaid's "
            f"1-5; emotion clamped to {emotion}",
        )
    if value != int(value):
        return _Score(emotion, f"Mermaid score {task.score}, rounded", None)
    return _Score(emotion, None, None)


def _actors(diagram: Diagram) -> list[str]:
    seen: dict[str, None] = {}
    for section in diagram.sections:
        for task in section.tasks:
            for actor in task.actors:
                if actor:
                    seen.setdefault(actor, None)
    return list(seen)


def build_journey(
    diagram: Diagram, source: str, fallback_title: str, channel: str | None = None
) -> Imported:
    """The journey a diagram tells, with what was guessed said in comments."""
    imported = Imported(data={}, warnings=list(diagram.warnings))
    data = imported.data
    title = diagram.title or diagram.acc_title or fallback_title
    actors = _actors(diagram)
    persona = actors[0] if actors else None
    texts = [t.text for s in diagram.sections for t in s.tasks] + [title]
    lang, lang_comment = guess_lang(texts)
    channel_name = channel or "Unspecified"
    channel_id = slugify(channel_name) or UNSPECIFIED

    stage_ids, step_ids = IdMaker("stage"), IdMaker("step")
    stakeholder_ids = IdMaker("stakeholder")
    stages: list[dict[str, Any]] = []
    uses_actors = False
    for stage_index, section in enumerate(diagram.sections):
        name = section.name or title
        stage: dict[str, Any] = {"id": stage_ids.make(name), "name": name, "steps": []}
        if section.name is None:
            imported.comments[("stages", stage_index, "name")] = (
                "guessed: these tasks came before any Mermaid section"
            )
        for step_index, task in enumerate(section.tasks):
            step: dict[str, Any] = {"id": step_ids.make(task.text, max_length=40)}
            step["text"] = task.text
            score = _score(task)
            path = ("stages", stage_index, "steps", step_index)
            if score.emotion is not None:
                step["emotion"] = score.emotion
            if score.comment:
                key = "emotion" if score.emotion is not None else "text"
                imported.comments[(*path, key)] = score.comment
            if score.warning:
                imported.warnings.append(ImportWarning(score.warning, task.line))
            others = [a for a in task.actors if a and a != persona]
            if others:
                step["actors"] = others
                uses_actors = True
            step["touchpoints"] = [{"channel": channel_id}]
            stage["steps"].append(step)
        stages.append(stage)

    data["journeymap"] = 1.1 if uses_actors else 1
    data["id"] = slugify(title, 60) or slugify(fallback_title, 60) or "journey"
    data["title"] = title
    data["lang"] = lang
    imported.comments[("lang",)] = lang_comment
    if diagram.title is None:
        imported.comments[("title",)] = "guessed: the diagram has no title"
    if persona:
        data["persona"] = {"name": persona}
        imported.before[("persona",)] = "guessed: the first actor of the diagram"
    if len(actors) > 1:
        data["stakeholders"] = [
            {"id": stakeholder_ids.make(actor), "name": actor} for actor in actors[1:]
        ]
        imported.before[("stakeholders",)] = (
            "guessed: the diagram's other actors; keep the departments, drop the rest"
        )
    data["channels"] = [{"id": channel_id, "name": channel_name, "kind": "other"}]
    if channel is None:
        imported.before[("channels",)] = (
            "guessed: Mermaid has no channels; name the real ones (web, store, phone...)"
        )
    data["stages"] = stages
    notes = [
        f"{label}: {value}"
        for label, value in (
            ("Mermaid accTitle", diagram.acc_title if diagram.acc_title != title else None),
            ("Mermaid accDescr", diagram.acc_descr),
        )
        if value
    ]
    if notes:
        data["notes"] = "\n".join(notes)
    imported.header = [
        f"Imported by `journeymap import` from {source}, lines "
        f"{diagram.first_line}-{diagram.last_line} (a Mermaid journey diagram).",
        "Mermaid has no channels, touchpoints, scope or departments: what stands for them",
        "below is marked 'guessed'. `journeymap lint` on this file lists what to complete.",
        "emotion = Mermaid score - 3 (1..5 -> -2..2), rounded half up, clamped to -2..2.",
    ]
    if not stages:
        raise ImportProblem(
            f"lines {diagram.first_line}-{diagram.last_line}: the journey diagram has no "
            "section and no task: nothing to import",
            diagram.first_line,
        )
    return imported


def import_mermaid(text: str, source: str, channel: str | None = None) -> list[Imported]:
    """Every journey diagram of a `.mmd` or Markdown text."""
    diagrams = find_diagrams(text)
    if not diagrams:
        raise ImportProblem(
            "no Mermaid journey diagram found (a .mmd file starting with `journey`, or "
            "```mermaid blocks holding one in Markdown)"
        )
    stem = re.sub(r"\.[^./]*$", "", source.rsplit("/", 1)[-1]) or "journey"
    imported: list[Imported] = []
    skipped: list[ImportWarning] = []
    for number, (offset, body) in enumerate(diagrams, start=1):
        fallback = stem if len(diagrams) == 1 else f"{stem} {number}"
        try:
            imported.append(build_journey(parse_diagram(body, offset), source, fallback, channel))
        except ImportProblem as problem:
            if len(diagrams) == 1:
                raise
            skipped.append(ImportWarning(f"{problem.message}: skipped", problem.line))
    if not imported:
        raise ImportProblem("no journey diagram with a section or a task")
    imported[0].warnings[:0] = skipped
    return imported
