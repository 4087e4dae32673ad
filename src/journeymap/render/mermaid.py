"""Journeys as a Mermaid `journey` diagram, which GitHub draws inside Markdown.

Mermaid's journey diagram has sections, tasks, a score from 1 to 5 and actors, so the
export is lossy: stages become sections, steps become tasks (a moment of truth marked ◆,
as on the map), the emotion (-2..2) becomes the score (1..5, 3 when not rated, which the
`accDescr` says) and the people and channels of the step its actors (the persona, who
lives every step, then the step's other `actors`, then its channels, as Mermaid's own
examples name "Me" on every task). Cells, delights, irritants and breakpoints have no
place there. A comparison gets one section per journey and
stage, each step with its own journey's emotion: an average would hide the gap the
comparison is for.

Every text is kept whole. Mermaid's journey lexer (journey.jison) splits a task on `:`,
ends a statement at `;`, starts a comment at `#` or `%%`, and reads a line that starts
with `journey`, `title`, `section`, `accTitle` or `accDescr` (any case) as that statement:
a task "Title of my order: 3" silently becomes the diagram's title. Mermaid decodes
`#<code>;` entities before lexing and puts the characters back in the drawing, so those
characters are written as entities and a keyword's first letter likewise (tested with
mermaid-cli 12.2.0, Mermaid 12.3.0).

Mermaid draws each task in a fixed box and clips what does not fit; `<br>` would show as
the four characters, since the default (foreignObject) placement inserts text, not HTML.
So the boxes are sized from the longest text instead, through the diagram's front-matter
configuration: three lines high (taller boxes would cover the emotion faces, which Mermaid
places at fixed heights), and as wide as three lines of the longest text need.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from journeymap.views.labels import MARKS, Lang, label
from journeymap.views.moments import shared_moments

if TYPE_CHECKING:
    from journeymap.model.journey import Journey, Step

_ESCAPED = frozenset(":;#&ﬂ¶")
"""The lexer's separators, and the two characters of Mermaid's own entity placeholders
(`ﬂ°°58¶ß` stands for `#58;` between its encoding and its decoding)."""
_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

LINES = 3
"""Lines of text a task box holds."""
LINE_HEIGHT = 20
"""Pixels per line of Mermaid's 16 px task text, with some room."""
MIN_WIDTH = 150
"""Mermaid's default box width."""
TITLE_SCALE = 3.0
"""Mermaid's bold 4ex title against its 16 px task text."""
MIN_LEFT_MARGIN = 150
"""Mermaid's default left margin."""
_PADDING = 10


def escape(text: str, *, actor: bool = False) -> str:
    """The text as Mermaid's journey lexer reads it back, on one line.

    Line breaks and tabs become spaces (a statement is one line); actors are separated by
    commas, so an actor's own commas are escaped too.
    """
    words = " ".join(_CONTROL.sub(" ", text).split())
    out: list[str] = []
    for index, char in enumerate(words):
        if char in _ESCAPED or (actor and char == ","):
            out.append(f"#{ord(char)};")
        elif char == "%" and words[index + 1 : index + 2] == "%":
            out.append("#37;")
        else:
            out.append(char)
    if words.lower().startswith(_KEYWORDS):
        out[0] = f"#{ord(words[0])};"
    return "".join(out)


_ACCESSIBILITY = re.compile(r"^Mermaid (accTitle|accDescr): ", re.MULTILINE)


def accessibility(notes: str | None) -> list[str]:
    """The `accTitle` and `accDescr` of a diagram imported from Mermaid, which `journeymap
    import` keeps in the journey's notes ("Mermaid accDescr: ..."), written back so that
    screen readers get what the author wrote for them. On one line each (Mermaid reads
    the rest of the line, braces included: `${value.title}` stays whole), or an
    `accDescr { ... }` block over lines, without '}' (the first one ends the block)."""
    parts = _ACCESSIBILITY.split(notes or "")
    lines: list[str] = []
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        kept = [" ".join(_CONTROL.sub(" ", line).split()) for line in value.splitlines()]
        kept = [line for line in kept if line]
        if not kept:
            continue
        if key == "accDescr" and len(kept) > 1:
            block = [f"      {line.replace('}', ')')}" for line in kept]
            lines += ["    accDescr {", *block, "    }"]
        else:
            lines.append(f"    {key}: {' '.join(kept)}")
    return lines


_DESCRIPTION: dict[Lang, tuple[str, str, str, str]] = {
    "en": (
        "Customer journey{of}, {stages}, {steps}.",
        " Each step's score is the customer's emotion, from 1 (very bad) to 5 (very good)",
        ", 3 where the journey does not give it ({unrated}).",
        " No step gives an emotion, so every score is 3.",
    ),
    "fr": (
        "Parcours client{of}, {stages}, {steps}.",
        " La note de chaque pas est l'émotion du client, de 1 (très mauvaise) à 5 (très bonne)",
        ", 3 quand le parcours ne la donne pas ({unrated}).",
        " Aucun pas ne donne d'émotion, toutes les notes valent donc 3.",
    ),
}
_OF = " ({who})"
_MARKS_MEAN: dict[Lang, str] = {"en": "marks a", "fr": "marque un"}


def _count(number: int, word: str, lang: Lang) -> str:
    return f"{number} {label(word if number == 1 else word + 's', lang)}"


def description(journeys: Sequence[Journey]) -> str:
    """What a screen reader says of the diagram (`accDescr`): whose journey, how many
    stages and steps, and what the scores mean, which Mermaid's faces do not say: the
    emotion from 1 to 5, and the 3 that stands for an emotion the journey does not give."""
    # In French or English only: `import` knows an export by these words, and gives the
    # author's own description back to the notes.
    lang: Lang = "fr" if journeys[0].words_lang == "fr" else "en"
    head, scale, some, none = _DESCRIPTION[lang]
    steps = [step for journey in journeys for stage in journey.stages for step in stage.steps]
    people = [j.persona.name for j in journeys if j.persona]
    text = head.format(
        of=_OF.format(who=" · ".join(people)) if people else "",
        stages=_count(sum(len(j.stages) for j in journeys), "stage", lang),
        steps=_count(len(steps), "step", lang),
    )
    unrated = sum(step.emotion is None for step in steps)
    if steps and unrated == len(steps):
        text += none
    else:
        text += scale + (some.format(unrated=_count(unrated, "step", lang)) if unrated else ".")
    marks = [
        f" {MARKS[key]} {_MARKS_MEAN[lang]} {label(key, lang)}."
        for key, present in (
            ("moment_of_truth", any(step.moment_of_truth for step in steps)),
            ("shared", len(journeys) > 1 and bool(shared_moments(journeys))),
        )
        if present
    ]
    return text + "".join(marks)


def score(emotion: int | None) -> int:
    return 3 if emotion is None else emotion + 3


def _char_width(char: str) -> float:
    """A generous estimate of a character's width in pixels at Mermaid's 16 px, so that
    the estimate errs on the wide side whatever font the reader's browser picks."""
    if char in " .,;:!'’|ilj()[]":
        return 5.5
    if char.isupper() or char in "mwMW@%&—":
        return 13.0
    return 9.5


def text_width(text: str, scale: float = 1.0) -> float:
    return sum(_char_width(c) for c in text) * scale


def _lines(text: str, width: float) -> float:
    """How many lines a browser needs for the text in a box `width` pixels wide
    (infinite when one word is wider than the box, since a browser does not break it)."""
    lines, used = 1, 0.0
    space = _char_width(" ")
    for word in text.split():
        size = text_width(word)
        if size > width:
            return math.inf
        if used and used + space + size > width:
            lines, used = lines + 1, size
        else:
            used += (space if used else 0.0) + size
    return lines


def box_width(labels: Iterable[tuple[str, int]]) -> int:
    """The narrowest task box width (a multiple of 10 px, at least Mermaid's default) in
    which every label fits on LINES lines; each label comes with the number of task boxes
    it spans (a section spans its tasks, with 50 px between them)."""
    needed = MIN_WIDTH
    for text, span in labels:

        def fits(width: int, text: str = text, span: int = span) -> bool:
            return _lines(text, span * (width + 50) - 50 - _PADDING) <= LINES

        if fits(needed):
            continue
        # A wider box never needs more lines, so the narrowest width that fits (a
        # multiple of 10 px above `needed`) is bisected: growing 10 px at a time
        # re-wrapped the text once a step, hours for a step text of 100,000 characters.
        short, wide = needed, needed + 10  # short does not fit; wide is tried
        while not fits(wide):
            short, wide = wide, wide + 2 * (wide - short)
        while wide - short > 10:
            middle = short + (wide - short) // 20 * 10
            if fits(middle):
                wide = middle
            else:
                short = middle
        needed = wide
    return needed


def left_margin(width: int, tasks: int, title: str) -> int:
    """Mermaid's left margin (before the actors' legend) that keeps the drawing whole.

    Mermaid makes its drawing `2 × margin + (tasks - 1) × (width + 50) + 200` pixels
    wide, counting neither the last box's width nor the title's: a wider box or a long
    title would be cut at the right edge, so the margin grows to make room for them.
    """
    room = (tasks - 1) * (width + 50) + 200
    needed = max(width, text_width(title, TITLE_SCALE) - room) + 20
    return max(MIN_LEFT_MARGIN, 10 * math.ceil((needed - 200) / 10))


def _section_name(journeys: Sequence[Journey], journey: Journey, name: str) -> str:
    return name if len(journeys) == 1 else f"{journey.title} › {name}"


def _accessibility(journeys: Sequence[Journey], title: str) -> list[str]:
    """The diagram's `accTitle` and `accDescr` (the SVG's title and description, which
    screen readers announce): those a journey imported from Mermaid kept, else the title
    and what the diagram shows."""
    kept = accessibility(journeys[0].notes) if len(journeys) == 1 else []
    found = (
        []
        if any(line.lstrip().startswith("accTitle") for line in kept)
        else [f"    accTitle: {escape(title)}"]
    )
    found += kept
    if not any(line.lstrip().startswith("accDescr") for line in kept):
        found.append(f"    accDescr: {escape(description(journeys))}")
    return found


def _export_comments(journeys: Sequence[Journey]) -> list[str]:
    """Which actors are the persona and which the channels, in comments Mermaid does not
    draw (`%% journeymap ...`): `journeymap import` reads them back as what they are,
    where a diagram of another origin leaves it to guess (an 'Unspecified' channel, the
    channels as people)."""
    lines: list[str] = []
    persona = journeys[0].persona if len(journeys) == 1 else None
    if persona is not None:
        lines.append(f"    %% journeymap persona: {escape(persona.name, actor=True)}")
    seen: set[tuple[str, str]] = set()
    for journey in journeys:
        for channel in journey.channels:
            name = escape(channel.name, actor=True)
            if (channel.id, name) not in seen:
                seen.add((channel.id, name))
                lines.append(f"    %% journeymap channel {channel.id} {channel.kind}: {name}")
    return lines


def _people(journey: Journey, step: Step) -> list[str]:
    """Who does the step, as Mermaid names a task's actors: the persona, who lives every
    step, then its other `actors`; but a step told as its own `frontstage` action (the
    same words, with an `actor`, as `import` keeps a task the diagram gave to others
    alone: "Reviews the claim: 3: Agent") is that actor's, without the persona."""
    others = step.acted_by()
    if others:
        return [*others, *step.actors]
    return [*([journey.persona.name] if journey.persona else []), *step.actors]


def build_mermaid(journeys: Sequence[Journey]) -> str:
    """One `journey` diagram: the journey's stages as sections, or, for a comparison, one
    section per journey and stage, each in its journey's chronological order."""
    if not journeys:
        raise ValueError("build_mermaid needs at least one journey")
    shared = {(m.stage_id, m.step_id) for m in shared_moments(journeys)}
    body: list[str] = []
    sized: list[tuple[str, int]] = []
    title = " · ".join(j.title for j in journeys)
    for journey in journeys:
        channels = {c.id: c.name for c in journey.channels}
        for stage in journey.stages:
            section = _section_name(journeys, journey, stage.name)
            body.append(f"    section {escape(section)}")
            sized.append((section, max(1, len(stage.steps))))
            if not stage.steps:
                # A section without tasks is not drawn: keep the stage's place.
                body += ["      %% journeymap no steps", "      …: 3"]
            for step in stage.steps:
                text = step.text
                if step.moment_of_truth:
                    text = f"{MARKS['moment_of_truth']} {text}"
                if (stage.id, step.id) in shared:
                    text = f"{MARKS['shared']} {text}"
                sized.append((text, 1))
                order = dict.fromkeys(
                    [
                        *_people(journey, step),
                        *(channels.get(t.channel, t.channel) for t in step.touchpoints),
                    ]
                )
                actors = ", ".join(escape(name, actor=True) for name in order)
                if step.emotion is None:
                    body.append("      %% journeymap unrated")
                task = f"      {escape(text) or escape(step.id)}: {score(step.emotion)}"
                body.append(f"{task}: {actors}" if actors else task)
    tasks = sum(max(1, len(stage.steps)) for journey in journeys for stage in journey.stages)
    width = box_width(sized)
    head = [
        "---",
        "config:",
        "  journey:",
        f"    width: {width}",
        f"    height: {LINES * LINE_HEIGHT + 4}",
        f"    leftMargin: {left_margin(width, tasks, title)}",
        "---",
        "journey",
        f"    title {escape(title)}",
        *_accessibility(journeys, title),
        *_export_comments(journeys),
    ]
    return "\n".join(head + body) + "\n"
