"""Mermaid `journey` diagrams -> journeys.

The reading follows Mermaid's own grammar (packages/mermaid/src/diagrams/user-journey/
parser/journey.jison) rather than the documentation's tidy examples, because real files
lean on what the parser tolerates: keywords in any case, any indentation, blank lines,
`%%` comments, `%%{init}%%` directives, YAML front matter, `accTitle`/`accDescr`, a task's
text ending at the first ':', the score and actors after it (`Task:5: A, B,`), extra
colons ignored (said), and scores outside 1..5 or not numbers at all. Where the author
plainly wrote a ':' in the text (`Push at 08:00: 5: Phone`) it is read whole, and said.

The score becomes the emotion by one fixed, order-keeping rule: emotion = score - 3
rounded half up, clamped to -2..2 (1..5 -> -2..2, the inverse of `render -o x.mmd`).
Every clamped or rounded score is said in a warning and in a comment on the step. A
diagram that plainly scores out of ten (two tasks or more above 5, one above 6, none above
10) is read on its own 1..10 scale, with a warning saying so.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any

from journeymap.diagnostics import Diagnostic
from journeymap.importers.common import (
    IdMaker,
    Imported,
    ImportProblem,
    emotion_from_score,
    guess_lang,
    import_warning,
    slugify,
)
from journeymap.importers.mermaid_parse import (
    CHANNEL_KINDS,
    Diagram,
    Task,
    bare_journey,
    find_diagrams,
    is_journey,
    other_diagrams,
    parse_diagram,
    swallowed,
)

__all__ = [
    "Diagram",
    "build_journey",
    "find_diagrams",
    "import_mermaid",
    "is_journey",
    "no_journey",
    "other_diagrams",
    "parse_diagram",
]

UNSPECIFIED = "unspecified"


@dataclass
class _Score:
    emotion: int | None
    comment: str | None
    warning: str | None


def _number(score: str) -> float | None:
    """A task's score as Mermaid reads it (`Number(...)`): None when it is not a finite
    number ("X", "Instagram", "inf")."""
    try:
        value = float(score)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _scale(values: list[float]) -> tuple[int, int]:
    """Mermaid's 1..5, unless the diagram's scores (`values`) plainly go out of 10.

    Real diagrams score 4..10 as often as 1..5 ("Rate it out of ten"); clamping those
    would make 6 and 10 the same delight. Two tasks or more above 5, one of them above
    6, none above 10, say the author's scale is 1..10 (0..10 when a task scores 0); one
    outlier is a typo, clamped with a warning as before. Scores that stop at 6 are
    Mermaid's scale with a little extra at the top (`Paid off my loan: 6`), as Mermaid
    draws them: read on 1..10 they made a 5 neutral and a 3 unhappy."""
    above = [v for v in values if v > 5]
    if len(above) < 2 or max(above) <= 6 or max(above) > 10 or min(values) < 0:
        return 1, 5
    return (0 if min(values) < 1 else 1), 10


def _numbers_the_steps(values: list[float]) -> bool:
    """Scores that count the tasks (1, 1, 2, 3 ... 17), never going down and past any
    scale of feelings (10): the author numbered the steps. Read as feelings, clamped,
    they made the journey happier at every step."""
    rising = all(a <= b for a, b in itertools.pairwise(values))
    return rising and len(set(values)) > 2 and values[-1] > 10 and values[0] >= 0


def _score(task: Task, scale: tuple[int, int] = (1, 5)) -> _Score:
    low, high = scale
    if not task.score:
        return _Score(None, "no Mermaid score", None)
    value = _number(task.score)
    if value is None:
        return _Score(
            None,
            f"Mermaid score '{task.score}' is not a number: no emotion",
            f"task '{task.text}': score '{task.score}' is not a number; the step has no emotion",
        )
    emotion, clamped = emotion_from_score(value, low, high)
    if clamped:
        whose = "Mermaid's " if (low, high) == (1, 5) else "the diagram's "
        return _Score(
            emotion,
            f"Mermaid score {task.score}, outside {low}-{high}: clamped to {emotion}",
            f"task '{task.text}': score {task.score} is outside {whose}"
            f"{low}-{high}; emotion clamped to {emotion}",
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


def _exported_channels(diagram: Diagram) -> dict[str, tuple[str, str]]:
    """(id, kind) by name of the channels a journeymap export lists, when every one is a
    channel the format takes (else none: the comments were edited, the actors are read
    as any diagram's)."""
    found: dict[str, tuple[str, str]] = {}
    for id_, kind, name in diagram.channels:
        if kind not in CHANNEL_KINDS or slugify(id_) != id_:
            return {}
        found.setdefault(name, (id_, kind))
    return found


def _swapped(diagram: Diagram) -> Diagnostic | None:
    """A warning when the actor seems written as the task and the task as the actor
    (`User: 5: Signs up`, seen in the wild): a few task texts come back on every line
    while each line has its own single 'actor'. Mermaid draws it as written, and so it
    is read; the author is told how to write it."""
    tasks = [task for section in diagram.sections for task in section.tasks]
    actors = [[a for a in task.actors if a] for task in tasks]
    if len(tasks) < 4 or any(len(names) != 1 for names in actors):
        return None
    texts = list(dict.fromkeys(task.text for task in tasks))
    if len(texts) * 2 > len(tasks) or len({names[0] for names in actors}) != len(tasks):
        return None
    first = tasks[0]
    return import_warning(
        f"tasks {', '.join(repr(t) for t in texts[:3])} come back on every line, each with "
        f"an actor of its own ('{actors[0][0]}'...): the actor and the task look swapped "
        f"(write `{actors[0][0]}: {first.score}: {first.text}`); read as written, as Mermaid "
        "draws it",
        first.line,
    )


def _theirs(
    imported: Imported,
    step: dict[str, Any],
    path: tuple[str | int, ...],
    others: list[str],
    persona: str,
) -> None:
    """A task the diagram gives to others alone ("Reviews the claim: 3: Agent"), kept as
    theirs: the format has no way to take the persona off a step (the persona lives every
    step), but a blueprint lane says who acts. The task becomes the step's `frontstage`
    action, by the same words, with its actors; `render --format mermaid` gives such a
    step to that actor, not to the persona, and the lint sees the company's people at
    work (a lane's `actor` is staff to the voice and back-office rules). In view of the
    customer is a guess, said in a comment."""
    step["frontstage"] = [{"text": step["text"], "actor": ", ".join(others)}]
    imported.comments[(*path, "frontstage", 0)] = (
        f"Mermaid: done by {', '.join(others)}, without {persona}; guessed in view of the "
        "customer (else move it to backstage)"
    )


def build_journey(
    diagram: Diagram, source: str, fallback_title: str, channel: str | None = None
) -> Imported:
    """The journey a diagram tells, with what was guessed said in comments."""
    imported = Imported(data={}, warnings=list(diagram.warnings))
    swapped = _swapped(diagram)
    if swapped is not None:
        imported.warnings.append(swapped)
    data = imported.data
    title = diagram.title or diagram.acc_title or fallback_title
    actors = _actors(diagram)
    persona = actors[0] if actors else None
    exported = _exported_channels(diagram) if channel is None else {}
    if exported:  # a journeymap export: it says which actors are who
        persona = diagram.persona
    # The sections' names are the journey's words too: "Descoberta", "Exploração".
    texts = [t.text for s in diagram.sections for t in s.tasks] + [title]
    texts += [s.name for s in diagram.sections if s.name]
    lang, lang_comment = guess_lang(texts)
    channel_name = channel or "Unspecified"
    channel_id = slugify(channel_name) or UNSPECIFIED

    scores = [_number(t.score) for s in diagram.sections for t in s.tasks]
    values = [v for v in scores if v is not None]
    scale = _scale(values)
    numbered = _numbers_the_steps(values)
    if numbered:
        imported.warnings.append(
            import_warning(
                f"scores rise with the tasks from {values[0]:g} to {values[-1]:g} and never "
                "go down: they number the steps, not how the persona feels; the steps have "
                "no emotion",
                diagram.first_line,
            )
        )
    elif scale != (1, 5):
        imported.warnings.append(
            import_warning(
                f"scores go up to {max(values):g}: read on a {scale[0]}-{scale[1]} "
                "scale, not Mermaid's 1-5 (five equal bands -> emotion -2..2)",
                diagram.first_line,
            )
        )
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
        tasks = [t for t in section.tasks if t.said != "no steps"]
        for step_index, task in enumerate(tasks):
            text, moment = _unmarked(task.text)
            step: dict[str, Any] = {"id": step_ids.make(text, max_length=40)}
            step["text"] = text
            if moment:
                step["moment_of_truth"] = True
            score = _score(task, scale) if task.said != "unrated" else _Score(None, None, None)
            if numbered and score.emotion is not None:
                score = _Score(None, f"Mermaid score {task.score}: a step number, no emotion", None)
            path = ("stages", stage_index, "steps", step_index)
            if score.emotion is not None:
                step["emotion"] = score.emotion
            if score.comment:
                key = "emotion" if score.emotion is not None else "text"
                imported.comments[(*path, key)] = score.comment
            if task.ignored:
                imported.comments[(*path, "id")] = f"Mermaid ignores '{task.ignored}'"
            if score.warning:
                imported.warnings.append(import_warning(score.warning, task.line))
            others = [a for a in task.actors if a and a != persona and a not in exported]
            if others:
                step["actors"] = others
                uses_actors = True
                if persona and persona not in task.actors:
                    _theirs(imported, step, path, others, persona)
            if exported:
                crossed = dict.fromkeys(exported[a][0] for a in task.actors if a in exported)
                step["touchpoints"] = [{"channel": c} for c in crossed]
            else:
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
        if not exported:
            imported.before[("persona",)] = "guessed: the first actor of the diagram"
    if len(actors) > 1 and not exported:
        data["stakeholders"] = [
            {"id": stakeholder_ids.make(actor), "name": actor} for actor in actors[1:]
        ]
        imported.before[("stakeholders",)] = (
            "guessed: the diagram's other actors; keep the departments, drop the rest"
        )
    if exported:
        kept: dict[str, dict[str, str]] = {}
        for name, (id_, kind) in exported.items():
            kept.setdefault(id_, {"id": id_, "name": name, "kind": kind})
        data["channels"] = list(kept.values())
    else:
        data["channels"] = [{"id": channel_id, "name": channel_name, "kind": "other"}]
    if channel is None and not exported:
        imported.before[("channels",)] = (
            "guessed: Mermaid has no channels; name the real ones (web, store, phone...)"
        )
    data["stages"] = stages
    notes = [
        f"{label}: {value}"
        for label, value in (
            ("Mermaid accTitle", diagram.acc_title if diagram.acc_title != diagram.title else None),
            ("Mermaid accDescr", None if _exported(diagram.acc_descr) else diagram.acc_descr),
        )
        if value
    ]
    if notes:
        data["notes"] = "\n".join(notes)
    imported.header = [
        f"Imported by `journeymap import` from {source}, lines "
        f"{diagram.first_line}-{diagram.last_line} (a Mermaid journey diagram).",
        *(
            [
                "A journeymap export: its comments name the persona and the channels. What",
                "Mermaid cannot hold (scope, departments, touchpoints' details) is missing;",
                "`journeymap lint` on this file lists what to complete.",
            ]
            if exported
            else [
                "Mermaid has no channels, touchpoints, scope or departments: what stands for them",
                "below is marked 'guessed'. `journeymap lint` on this file lists what to complete.",
            ]
        ),
        "no emotion: the Mermaid scores number the steps (1, 2, 3...)."
        if numbered
        else "emotion = Mermaid score - 3 (1..5 -> -2..2), rounded half up, clamped to -2..2."
        if scale == (1, 5)
        else f"emotion = the score on the diagram's {scale[0]}..{scale[1]} scale, in five "
        "equal bands (-2..2).",
    ]
    if not stages:
        raise ImportProblem(
            f"lines {diagram.first_line}-{diagram.last_line}: the journey diagram has no "
            "section and no task: nothing to import",
            diagram.first_line,
        )
    return imported


_MARKED = re.compile(r"^(?:⇄ )?(◆ )?(?=\S)")
"""The marks `journeymap render --format mermaid` puts before a task: shared moment,
moment of truth."""
_EXPORTED = re.compile(
    r"^(?:Customer journey|Parcours client)(?: \(.*\))?, \d+ (?:stages?|étapes?), "
    r"\d+ (?:steps?|pas)\. "
)
"""The `accDescr` that `journeymap render --format mermaid` writes (what the scores
mean): written again on export, so not kept as the author's."""


def _unmarked(text: str) -> tuple[str, bool]:
    """The task's text without the export's marks, and whether it is a moment of truth."""
    found = _MARKED.match(text)
    if found is None or not found.group(0) or not text[found.end() :].strip():
        return text, False
    return text[found.end() :], bool(found.group(1))


def _exported(description: str | None) -> bool:
    return bool(description and _EXPORTED.match(description))


def no_journey(text: str) -> ImportProblem:
    """The error for a text without a journey diagram, naming the diagrams it does hold:
    a `userJourney` (or `user-journey`, `journeyDiagram`), which Mermaid rejects, or a
    flowchart or timeline pasted instead."""
    others = other_diagrams(text)
    near = [(line, word) for line, word in others if "journey" in word.lower()]
    if near:
        line, word = near[0]
        if word.startswith("journey"):
            return ImportProblem(
                f"`{word}`: Mermaid takes the `journey` and rejects the rest of the line "
                "(Parse error); write `journey` alone on its line",
                line,
            )
        return ImportProblem(
            f'`{word}` is not a Mermaid diagram type (Mermaid rejects the diagram: "No '
            'diagram type detected"); a journey diagram starts with `journey`',
            line,
        )
    if others:
        kinds = ", ".join(dict.fromkeys(word for _, word in others))
        return ImportProblem(
            f"no Mermaid journey diagram, only {kinds}: `journeymap import` reads the "
            "diagrams that start with `journey`",
            others[0][0],
        )
    hidden = swallowed(text)
    if hidden:
        fence, html = hidden[0]
        return ImportProblem(_swallowed_message(html), fence)
    bare = bare_journey(text)
    if bare is not None:
        return ImportProblem(
            "`journey` outside any Mermaid block: Markdown shows it as text and Mermaid "
            "does not draw it; put the diagram in a ```mermaid fence (a fence written "
            "escaped, \\`\\`\\`, or closed before the diagram is none)",
            bare,
        )
    return ImportProblem(
        "no Mermaid journey diagram found (a .mmd file starting with `journey`, or "
        "```mermaid blocks holding one in Markdown)"
    )


def _swallowed_message(html: int, *, skipped: bool = False) -> str:
    """Why a fence inside the HTML block of line `html` draws nothing."""
    left = ", so it is not imported" if skipped else ""
    return (
        f"a ```mermaid fence inside the HTML block of line {html}, which runs to the next "
        f"blank line: Markdown shows the diagram as text and Mermaid does not draw it{left}; "
        "put a blank line before the fence"
    )


def import_mermaid(text: str, source: str, channel: str | None = None) -> list[Imported]:
    """Every journey diagram of a `.mmd` or Markdown text."""
    diagrams = find_diagrams(text)
    if not diagrams:
        raise no_journey(text)
    stem = re.sub(r"\.[^./]*$", "", source.rsplit("/", 1)[-1]) or "journey"
    imported: list[Imported] = []
    skipped: list[Diagnostic] = []
    for number, (offset, body) in enumerate(diagrams, start=1):
        fallback = stem if len(diagrams) == 1 else f"{stem} {number}"
        try:
            imported.append(build_journey(parse_diagram(body, offset), source, fallback, channel))
        except ImportProblem as problem:
            if len(diagrams) == 1:
                raise
            skipped.append(import_warning(f"{problem.message}: skipped", problem.line))
    if not imported:
        raise ImportProblem("no journey diagram with a section or a task")
    # A diagram the page shows as text is not imported, as on GitHub; but not in silence.
    skipped += [
        import_warning(_swallowed_message(html, skipped=True), fence)
        for fence, html in swallowed(text)
    ]
    imported[0].warnings[:0] = skipped
    return imported
