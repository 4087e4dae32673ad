"""What a map marks as changed: the cells and steps a diff touched, drawn over the new map.

The drawing keeps its own colours (they say delights, irritants, breakpoints); a changed
cell gets a thick dashed border instead, in the colour of the change's effect for the
customer, and a tooltip that tells the change in words. A legend line under the title
says what the borders mean and counts what the new map cannot show (removed items).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from journeymap.diff.changes import Change

COLOURS = {"bad": "#D55E00", "good": "#009E73", "changed": "#CC79A7"}
"""Okabe and Ito's vermilion, bluish green and reddish purple: apart for colour-blind eyes."""
_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "bad": "pire",
        "good": "mieux",
        "changed": "modifié",
        "since": "Changements depuis",
        "hidden": "supprimés, non dessinés",
    },
    "en": {
        "bad": "worse",
        "good": "better",
        "changed": "changed",
        "since": "Changes since",
        "hidden": "removed, not drawn",
    },
    "es": {
        "bad": "peor",
        "good": "mejor",
        "changed": "modificado",
        "since": "Cambios desde",
        "hidden": "eliminados, no dibujados",
    },
    "de": {
        "bad": "schlechter",
        "good": "besser",
        "changed": "geändert",
        "since": "Änderungen seit",
        "hidden": "entfernt, nicht gezeichnet",
    },
    "it": {
        "bad": "peggio",
        "good": "meglio",
        "changed": "modificato",
        "since": "Modifiche da",
        "hidden": "rimossi, non disegnati",
    },
    "pt": {
        "bad": "pior",
        "good": "melhor",
        "changed": "modificado",
        "since": "Alterações desde",
        "hidden": "removidos, não desenhados",
    },
    "nl": {
        "bad": "slechter",
        "good": "beter",
        "changed": "gewijzigd",
        "since": "Wijzigingen sinds",
        "hidden": "verwijderd, niet getekend",
    },
}
"""The legend in the journey's language, as the rest of the map."""
_RANK = {"changed": 0, "good": 1, "bad": 2}

_BAD = {"breakpoint-added", "irritant-added", "delight-removed", "lint-new"}
_GOOD = {"breakpoint-removed", "irritant-removed", "delight-added", "lint-fixed"}


def _tone(change: Change) -> str:
    if change.direction == "worse" or change.kind in _BAD:
        return "bad"
    if change.direction == "better" or change.kind in _GOOD:
        return "good"
    return "changed"


@dataclass(frozen=True, slots=True)
class Highlight:
    """Tones ('bad', 'good', 'changed') by (step id, channel id) and by step id."""

    label: str
    """What the map is compared with: a revision, a file."""
    cells: Mapping[tuple[str, str], str] = field(default_factory=dict)
    steps: Mapping[str, str] = field(default_factory=dict)
    tips: Mapping[tuple[str, str], str] = field(default_factory=dict)
    whole: Mapping[str, str] = field(default_factory=dict)
    """Steps new on this side: every one of their cells is new."""
    hidden: int = 0
    """Changes the new map cannot show: removed steps, touchpoints and stages."""

    def cell(self, step: str, channel: str, attrs: dict[str, str]) -> dict[str, str]:
        tone = self.cells.get((step, channel), self.whole.get(step))
        if tone is None:
            return attrs
        key = (step, channel)
        tip = self.tips.get(key, "")
        return {
            **attrs,
            "color": COLOURS[tone],
            "penwidth": "3.4",
            "style": attrs.get("style", "filled,rounded") + ",dashed",
            "tooltip": f"{attrs.get('tooltip', '')}\n{tip}".strip(),
        }

    def header(self, step: str, label: str) -> str:
        tone = self.steps.get(step)
        if tone is None or not label.startswith("<"):
            return label
        colour = COLOURS[tone]
        return f'<<FONT COLOR="{colour}"><B>● </B></FONT>{label[1:]}'

    def legend(self, font: str, lang: str = "en") -> str:
        used = sorted({*self.cells.values(), *self.steps.values()}, key=lambda t: -_RANK[t])
        words = _WORDS.get(lang, _WORDS["en"])
        parts = [f'<FONT COLOR="{COLOURS[t]}"><B>┅ {words[t]}</B></FONT>' for t in used]
        hidden = f" · {self.hidden} {words['hidden']}" if self.hidden else ""
        text = html.escape(f"{words['since']} {self.label}", quote=False)
        colon = " :" if lang == "fr" else ":"  # French typography
        return (
            f'<FONT FACE="{font}" POINT-SIZE="11">{text}{colon} '
            + "   ".join(parts)
            + html.escape(hidden, quote=False)
            + "</FONT>"
        )


def from_changes(label: str, changes: Iterable[Change]) -> Highlight:
    """The marks for one journey's changes, compared with `label` (a revision, a file)."""
    cells: dict[tuple[str, str], str] = {}
    steps: dict[str, str] = {}
    tips: dict[tuple[str, str], list[str]] = {}
    whole: dict[str, str] = {}
    hidden = 0
    for change in changes:
        where = change.where
        if change.kind.endswith("-removed") and change.kind in {
            "step-removed",
            "touchpoint-removed",
            "stage-removed",
            "journey-removed",
        }:
            hidden += 1
            continue
        tone = _tone(change)
        if where.step and where.channel:
            key = (where.step, where.channel)
            if _RANK[tone] >= _RANK.get(cells.get(key, "changed"), 0):
                cells[key] = tone
            tips.setdefault(key, []).append(change.summary)
        elif where.step:
            if change.kind == "step-added":
                whole[where.step] = tone
            if _RANK[tone] >= _RANK.get(steps.get(where.step, "changed"), 0):
                steps[where.step] = tone
    return Highlight(label, cells, steps, {k: "\n".join(v) for k, v in tips.items()}, whole, hidden)
