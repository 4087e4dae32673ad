"""The diff as GitHub-flavoured Markdown, to post as a pull-request comment.

A reviewer sees a summary line and the changes that matter most (what got worse for the
customer first) within one screen; everything else, journey by journey and section by
section, folds into a `<details>` block. Journey texts are escaped, so a `|`, `<b>` or
`*` in a customer's words shows as written.
"""

from __future__ import annotations

from journeymap.diff.changes import Change, DiffResult
from journeymap.output.diff_common import (
    by_place,
    highlights,
    location,
    mark,
    sections,
    summary_line,
    told,
)
from journeymap.output.matrix_markdown import code_span, escape

HIGHLIGHTS = 12
"""Changes shown before the fold: with the heading and summary, about one screen."""


def render(result: DiffResult) -> str:
    lines = [
        f"### Journey changes: {code_span(result.old_label)} → {code_span(result.new_label)}",
        "",
        f"**{escape(summary_line(result))}**",
    ]
    if not result.changed:
        return "\n".join(lines) + "\n"
    changed = [j for j in result.journeys if j.changes]
    several = len(changed) > 1
    titles = {j.journey: j.title for j in result.journeys}
    top, more = highlights(result, HIGHLIGHTS)
    if top:
        lines += [""]
        grouped: dict[tuple[str, str], list[Change]] = {}
        for change in top:
            grouped.setdefault((change.journey, location(change)), []).append(change)
        for (journey_id, place), changes in grouped.items():
            head = [f"**{escape(titles[journey_id])}**"] if several else []
            head += [f"*{escape(place)}*"] if place else []
            said = " · ".join(
                f"{mark(c)} {escape(t)}" for c, t in zip(changes, told(changes), strict=True)
            )
            lines.append(f"- {' › '.join(head)}: {said}" if head else f"- {said}")
        if more:
            lines.append(f"- …and {more} more below.")
    total = sum(len(j.changes) for j in changed)
    lines += ["", f"<details><summary>All {total} changes, journey by journey</summary>", ""]
    for journey in changed:
        paths = " → ".join(
            code_span(p) for p in dict.fromkeys((journey.old_path, journey.new_path)) if p
        )
        lines += [
            f"#### {escape(journey.title)} ({code_span(journey.journey)}), {journey.status}",
            "",
            paths,
            "",
        ]
        for title, changes in sections(journey):
            lines += [f"**{title}**", ""]
            for place, inside in by_place(changes):
                texts = told(inside)
                if not place:
                    lines += [
                        f"- {mark(c)} {escape(t)}" for c, t in zip(inside, texts, strict=True)
                    ]
                    continue
                lines.append(f"- *{escape(place)}*")
                lines += [f"  - {mark(c)} {escape(t)}" for c, t in zip(inside, texts, strict=True)]
            lines.append("")
    lines.append("</details>")
    return "\n".join(lines) + "\n"
