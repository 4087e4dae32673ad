"""The grid as Graphviz DOT.

The layout follows what held on every engine tried (notes/graphviz.md): left to right,
`newrank`, every cell a node of fixed size, one `rank=same` group per column holding an
invisible chain that fixes the row order (step header, emotion levels, then the lanes
in declared order), heavy invisible edges along each row, and the customer's path drawn
with `constraint=false` so that it never moves a cell. Stages and phases are clusters
around whole columns: a column is a whole rank, so crossing minimisation has nothing
to reorder inside them.

Node names are derived from grid positions and attributes are written in a fixed order,
so the same journeys always give the same DOT, byte for byte.
"""

from __future__ import annotations

import html
import itertools
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import graphviz

from journeymap.render.themes import Theme
from journeymap.views.grid import Cell, Column, Entry, Grid, Position
from journeymap.views.labels import MARKS, Lang, label

if TYPE_CHECKING:
    from journeymap.render.highlight import Highlight

SHOW_FIELDS = ("owner", "metrics", "volume")

CELL_WIDTH = 1.9
LANE_WIDTH = 1.45
RANKSEP = 0.42
NODESEP = 0.14
EMOTION_LEVELS = (2, 1, 0, -1, -2)
EMOTION_SLOT = 0.16
LINE = 12.5
"""Height of one text line in points, for 10-point text."""

_NAME_WIDTH = 24
_STEP_WIDTH = 27
_STEP_LINES = 4
_NAME_LINES = 3


PLAIN_MARKS = {"breakpoint": "×", "moment_of_truth": "♦", "shared": "↔"}
"""Look-alikes of the marks for fonts that lack them (graphviz-pure's bundled fonts
draw ✕ ◆ ⇄ as empty boxes in PNG)."""


@dataclass(frozen=True, slots=True)
class Options:
    theme: Theme
    show: frozenset[str] = frozenset()
    emotion: bool = True
    plain_marks: bool = False
    highlight: Highlight | None = None
    """Cells and steps to mark as changed (`journeymap diff --format svg`)."""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


_GLUED = re.compile(r" (?=[€$%:;?!»])|(?<=«) |(?<=\d) (?=\d)")
"""Spaces that must not break a line: before a currency or French punctuation, in 10 000."""


def _wrap(text: str, width: int, lines: int) -> list[str]:
    glued = _GLUED.sub("\u00a0", text)
    wrapped = textwrap.wrap(glued, width=width, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        wrapped[-1] = (last[: width - 1].rstrip() if len(last) >= width else last) + "…"
    return wrapped


def _number(value: float, lang: Lang) -> str:
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _metrics_text(metrics: dict[str, float], lang: Lang) -> str:
    parts = []
    for key, suffix in (("nps", ""), ("csat", " %" if lang == "fr" else "%"), ("ces", "")):
        if key in metrics:
            value = _number(metrics[key], lang)
            if key == "nps" and metrics[key] > 0:
                value = "+" + value
            parts.append(f"{key.upper()} {value}{suffix}")
    return " · ".join(parts)


def _font(text: str, color: str, size: float | None = None, bold: bool = False) -> str:
    if not text:
        return ""
    size_attr = f' POINT-SIZE="{size:g}"' if size else ""
    body = f"<B>{text}</B>" if bold else text
    return f'<FONT COLOR="{color}"{size_attr}>{body}</FONT>'


class _Builder:
    def __init__(self, grid: Grid, options: Options) -> None:
        self.grid = grid
        self.options = options
        self.theme = options.theme
        self.lang = grid.lang
        # the graph's name becomes the SVG's <title>, which screen readers announce
        self.graph = graphviz.Digraph(name=grid.title)
        self.line = "——" if options.plain_marks else "━━"
        # a journey whose steps carry no emotion yet gets no empty band for it
        rated = any(e is not None for c in grid.columns for e in c.emotions)
        self.emotion = options.emotion and (rated or not grid.lanes)

    def mark(self, key: str) -> str:
        if self.options.plain_marks:
            return PLAIN_MARKS.get(key, MARKS[key])
        return MARKS[key]

    # --- sizes --------------------------------------------------------------------------

    def _entry_lines(self, entry: Entry) -> list[str]:
        """Extra text lines under a touchpoint's name, already marked up."""
        theme, lang = self.theme, self.lang
        lines: list[str] = []
        marks = []
        for key, count in (
            ("delight", entry.delights),
            ("irritant", entry.irritants),
            ("breakpoint", entry.breakpoints),
        ):
            if count:
                marks.append(_font(f"{self.mark(key)} {count}", theme.mark[key], 10, bold=True))
        prefix = ""
        if self.grid.comparison:
            colour = theme.journeys[entry.journey % len(theme.journeys)]
            prefix = _font("■", colour, 10) + " "
        if marks or prefix:
            lines.append(prefix + "   ".join(marks))
        small = 8.5
        if "owner" in self.options.show and entry.owner:
            lines.append(_font(_esc(_wrap(entry.owner, 30, 1)[0]), theme.muted, small))
        if "metrics" in self.options.show and entry.metrics:
            lines.append(_font(_esc(_metrics_text(entry.metrics, lang)), theme.text, small))
        if "volume" in self.options.show and entry.volume is not None:
            volume = f"{label('volume', lang)} {_number(entry.volume, lang)}"
            lines.append(_font(_esc(volume), theme.muted, small))
        return lines

    def _cell_label(self, cell: Cell) -> tuple[str, int]:
        theme = self.theme
        first = cell.entries[0]
        rows = []
        name_lines = _wrap(first.name, _NAME_WIDTH, _NAME_LINES)
        name = "<BR/>".join(_esc(line) for line in name_lines)
        if self.grid.columns[cell.column].shared and len({e.journey for e in cell.entries}) > 1:
            name = _font(self.mark("shared"), theme.mark["shared"]) + " " + name
        if cell.moment_of_truth:
            name = _font(self.mark("moment_of_truth"), theme.mark["moment_of_truth"]) + " " + name
        count = len(name_lines)
        if cell.channel:
            rows.append(_font(_esc(_wrap(cell.channel, 30, 1)[0]), theme.muted, 8.5))
            count += 1
        rows.append(_font(name, theme.text, 10, bold=True))
        for entry in cell.entries:
            extra = self._entry_lines(entry)
            rows.extend(extra)
            count += len(extra)
        body = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
        table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>'
        return f"<{table}>", count

    def _lane_heights(self) -> list[float]:
        lines = [2] * len(self.grid.lanes)
        for cell in self.grid.cells.values():
            lines[cell.lane] = max(lines[cell.lane], self._cell_label(cell)[1])
        return [max(0.62, (n * LINE + 14) / 72) for n in lines]

    # --- the graph -----------------------------------------------------------------------

    def build(self) -> graphviz.Digraph:
        theme, graph = self.theme, self.graph
        graph.attr(
            "graph",
            rankdir="LR",
            newrank="true",
            splines="spline",
            outputorder="edgesfirst",
            # without lanes (the emotion view) the curve gets the room
            nodesep=f"{NODESEP if self.grid.lanes else 0.45:g}",
            ranksep=f"{RANKSEP:g}",
            bgcolor=theme.background,
            fontname=theme.font,
            fontcolor=theme.text,
            pad="0.3",
            labelloc="t",
            labeljust="l",
            label=self._title(),
        )
        graph.attr(
            "node",
            shape="box",
            style="filled,rounded",
            fixedsize="true",
            fontname=theme.font,
            fontsize="10",
            fontcolor=theme.text,
            margin="0.05,0.03",
            penwidth="1",
        )
        graph.attr("edge", arrowsize="0.7", penwidth="1.6", color=theme.path)
        heights = self._lane_heights()
        step_height = self._step_height()
        self._label_column(heights, step_height)
        for phase_index, (phase, stages) in enumerate(self._phase_runs()):
            with graph.subgraph(name=f"cluster_phase{phase_index}") as band:
                band.attr(
                    label=self._phase_label(phase),
                    style="filled",
                    fillcolor=theme.phase_fill[phase or "none"],
                    color=theme.phase_fill[phase or "none"],
                    fontsize="10",
                    labeljust="l",
                    margin="10",
                )
                for stage_index in stages:
                    self._stage(band, stage_index, heights, step_height)
        self._row_chains()
        self._emotion_edges()
        self._path_edges()
        self._breakpoint_edges()
        return graph

    def _title(self) -> str:
        theme, grid, lang = self.theme, self.grid, self.lang
        rows = [_font(_esc(grid.title), theme.title, 18, bold=True)]
        if not grid.comparison and grid.journeys[0].persona:
            rows.append(_font(_esc(grid.journeys[0].persona or ""), theme.muted, 11))
        legend = [
            (_font(self.mark("delight"), theme.mark["delight"], 11, bold=True), "delights"),
            (_font(self.mark("irritant"), theme.mark["irritant"], 11, bold=True), "irritants"),
            (
                _font(self.mark("breakpoint"), theme.mark["breakpoint"], 11, bold=True),
                "breakpoints",
            ),
            (_font("- - →", theme.breakpoint, 11, bold=True), "forced"),
            (
                _font(self.mark("moment_of_truth"), theme.mark["moment_of_truth"], 11),
                "moment_of_truth",
            ),
        ]
        if grid.comparison:
            legend.append((_font(self.mark("shared"), theme.mark["shared"], 11), "shared"))
        else:
            legend.append((_font("→", theme.path, 11, bold=True), "path"))
        if not grid.lanes:
            legend = [item for item in legend if item[1] in {"moment_of_truth", "shared"}]
        items = [(m, _esc(label(key, lang))) for m, key in legend]
        if grid.comparison:
            # One row: graphviz stretches a narrower nested table to the widest row.
            items = [
                (
                    _font(self.line + "→", theme.journeys[i % len(theme.journeys)], 11, True),
                    _esc(journey.title),
                )
                for i, journey in enumerate(grid.journeys)
            ] + items
        rows.append('<FONT POINT-SIZE="5">&#160;</FONT>')
        rows.append(_legend_line(items, theme))
        if self.options.highlight is not None:
            rows.append(self.options.highlight.legend(theme.font, self.lang))
        # Lines of text, not a table: graphviz stretches a table's cells to the widest row.
        return "<" + "".join(f'{row}<BR ALIGN="LEFT"/>' for row in rows) + ">"

    def _phase_label(self, phase: str | None) -> str:
        text = label(phase, self.lang).upper() if phase else ""
        return f"<{_font(_esc(text), self.theme.muted, 10, bold=True)}>" if text else ""

    def _phase_runs(self) -> list[tuple[str | None, list[int]]]:
        runs: list[tuple[str | None, list[int]]] = []
        for index, stage in enumerate(self.grid.stages):
            if runs and runs[-1][0] == stage.phase:
                runs[-1][1].append(index)
            else:
                runs.append((stage.phase, [index]))
        return runs

    def _step_height(self) -> float:
        lines = max(
            (len(_wrap(c.text, _STEP_WIDTH, _STEP_LINES)) for c in self.grid.columns), default=1
        )
        return (lines * 11.5 + 10) / 72

    def _row_keys(self) -> list[str]:
        keys = ["step"]
        if self.emotion:
            keys.extend(f"e{_level(level)}" for level in EMOTION_LEVELS)
        keys.extend(f"l{i}" for i in range(len(self.grid.lanes)))
        return keys

    def _label_column(self, heights: Sequence[float], step_height: float) -> None:
        theme, graph = self.theme, self.graph
        names = []
        with graph.subgraph(name="labels") as column:
            column.attr(rank="same")
            column.node(
                "lab_step",
                label="",
                style="invis",
                width=f"{LANE_WIDTH:g}",
                height=f"{step_height:.3f}",
            )
            names.append("lab_step")
            if self.emotion:
                for level in EMOTION_LEVELS:
                    text = _esc(label("emotion", self.lang).capitalize()) if level == 0 else ""
                    sign = {2: "+2", 1: "+1", 0: "0", -1: "−1", -2: "−2"}[level]
                    column.node(
                        f"lab_e{_level(level)}",
                        label=f"<{_font(text, theme.muted, 9, bold=True)}"
                        f"{_font('&#160;&#160;' + sign, theme.muted, 8)}>",
                        shape="plaintext",
                        style="",
                        width=f"{LANE_WIDTH:g}",
                        height=f"{EMOTION_SLOT:g}",
                    )
                    names.append(f"lab_e{_level(level)}")
            for index, lane in enumerate(self.grid.lanes):
                if not lane.name:
                    column.node(
                        f"lab_l{index}",
                        label="",
                        style="invis",
                        width=f"{LANE_WIDTH:g}",
                        height=f"{heights[index]:.3f}",
                    )
                    names.append(f"lab_l{index}")
                    continue
                name = "<BR/>".join(_esc(x) for x in _wrap(lane.name, 18, 2))
                column.node(
                    f"lab_l{index}",
                    label=f"<{_font(name, theme.lane_text, 10.5, bold=True)}>",
                    fillcolor=theme.lane_fill,
                    color=theme.lane_fill,
                    width=f"{LANE_WIDTH:g}",
                    height=f"{heights[index]:.3f}",
                )
                names.append(f"lab_l{index}")
            _chain(column, names)

    def _stage(
        self,
        parent: graphviz.Digraph,
        stage_index: int,
        heights: Sequence[float],
        step_height: float,
    ) -> None:
        theme = self.theme
        stage = self.grid.stages[stage_index]
        width_pt = (len(stage.columns) * CELL_WIDTH + (len(stage.columns) - 1) * RANKSEP) * 72
        wrapped = _wrap(stage.name, len(stage.columns) * 26, 2)
        name = _font("<BR/>".join(_esc(x) for x in wrapped), theme.header_text, 11, bold=True)
        header = (
            f'<<TABLE BORDER="0" CELLPADDING="5" CELLSPACING="0">'
            f'<TR><TD BGCOLOR="{theme.header_fill}" WIDTH="{width_pt - 4:.0f}" STYLE="rounded">'
            f"{name}</TD></TR></TABLE>>"
        )
        with parent.subgraph(name=f"cluster_stage{stage_index}") as box:
            box.attr(
                label=header,
                style="rounded",
                color=theme.stage_border,
                penwidth="1",
                labeljust="c",
                margin="6",
            )
            for column_index in stage.columns:
                self._column(box, self.grid.columns[column_index], heights, step_height)

    def _column(
        self,
        parent: graphviz.Digraph,
        column: Column,
        heights: Sequence[float],
        step_height: float,
    ) -> None:
        theme, k = self.theme, column.index
        names: list[str] = []
        with parent.subgraph(name=f"col{k}") as rank:
            rank.attr(rank="same")
            owners = ""
            if self.grid.comparison:
                # whose step it is, in each journey's colour
                owners = "".join(
                    _font("■", theme.journeys[j % len(theme.journeys)], 9) for j in column.journeys
                )
            marked = column.moment_of_truth or column.shared or bool(owners)
            width = _STEP_WIDTH - (3 + len(column.journeys) if marked else 0)
            lines = [_esc(x) for x in _wrap(column.text, width, _STEP_LINES)]
            text = "<BR/>".join(lines)
            marks = owners + " " if owners else ""
            if column.moment_of_truth:
                marks += (
                    _font(self.mark("moment_of_truth"), theme.mark["moment_of_truth"], 11) + " "
                )
            if column.shared:
                marks += _font(self.mark("shared"), theme.mark["shared"], 11, bold=True) + " "
            header = f"<{marks}{_font(f'<I>{text}</I>', theme.text, 9)}>" if text else ""
            if self.options.highlight is not None:
                header = self.options.highlight.header(column.step_id, header)
            rank.node(
                f"h{k}",
                label=header,
                shape="plaintext",
                style="",
                width=f"{CELL_WIDTH:g}",
                height=f"{step_height:.3f}",
                tooltip=column.text,
            )
            names.append(f"h{k}")
            if self.emotion:
                for level in EMOTION_LEVELS:
                    node = f"e{k}_{_level(level)}"
                    here = [j for j, e in enumerate(column.emotions) if e == level]
                    if here:
                        rank.node(node, **self._emotion_point(level, here))
                    else:
                        rank.node(
                            node,
                            label="",
                            style="invis",
                            width="0.1",
                            height=f"{EMOTION_SLOT:g}",
                        )
                    names.append(node)
            for lane_index, height in enumerate(heights):
                node = f"c{k}_{lane_index}"
                cell = self.grid.cells.get((k, lane_index))
                if cell is None:
                    lane = self.grid.lanes[lane_index]
                    rank.node(
                        node,
                        label="",
                        tooltip=f"{column.text} × {lane.name}" if lane.name else " ",
                        # the path view's rows are not channels: nothing to show there
                        style="rounded" if self.grid.lanes[lane_index].name else "invis",
                        color=theme.empty_border,
                        width=f"{CELL_WIDTH:g}",
                        height=f"{height:.3f}",
                    )
                else:
                    rank.node(node, **self._cell_attrs(cell, height))
                names.append(node)
            _chain(rank, names)

    def _emotion_point(self, level: int, journeys: Sequence[int]) -> dict[str, str]:
        theme = self.theme
        if self.grid.comparison:
            colours = [theme.journeys[j % len(theme.journeys)] for j in journeys]
            fill = ":".join(colours)
            style = "wedged" if len(colours) > 1 else "filled"
        else:
            fill, style = theme.emotion_fill[level], "filled"
        return {
            "label": "",
            "shape": "circle",
            "style": style,
            "fillcolor": fill,
            "color": theme.emotion_line,
            "width": f"{EMOTION_SLOT:g}",
            "height": f"{EMOTION_SLOT:g}",
            "tooltip": f"{label('emotion', self.lang)} {level:+d}",
        }

    def _cell_attrs(self, cell: Cell, height: float) -> dict[str, str]:
        theme = self.theme
        text, _ = self._cell_label(cell)
        attrs = {
            "label": text,
            "fillcolor": theme.tone_fill[cell.tone],
            "color": theme.moment_border if cell.moment_of_truth else theme.cell_border,
            "penwidth": "2.6" if cell.moment_of_truth else "1.2",
            "width": f"{CELL_WIDTH:g}",
            "height": f"{height:.3f}",
            "tooltip": cell.entries[0].name,
        }
        if cell.tone == "breakpoint":
            attrs["style"] = "filled,rounded,bold"
        if self.options.highlight is not None and self.grid.lanes[cell.lane].channel_id:
            step = self.grid.columns[cell.column].step_id
            attrs = self.options.highlight.cell(step, self.grid.lanes[cell.lane].channel_id, attrs)
        return attrs

    def _row_chains(self) -> None:
        columns = range(len(self.grid.columns))
        for key in self._row_keys():
            nodes = [f"lab_{key}"] + [_row_node(key, k) for k in columns]
            for index, (tail, head) in enumerate(itertools.pairwise(nodes)):
                if key == "ep0" and index > 0:
                    # the neutral emotion, a faint baseline to read the curve against
                    self.graph.edge(
                        tail,
                        head,
                        weight="100",
                        arrowhead="none",
                        style="dashed",
                        color=self.theme.stage_border,
                        penwidth="0.8",
                        tailclip="false",
                        headclip="false",
                    )
                else:
                    self.graph.edge(tail, head, style="invis", weight="100")

    def _emotion_edges(self) -> None:
        if not self.emotion:
            return
        theme, grid = self.theme, self.grid
        for j in range(len(grid.journeys)):
            points = [(c.index, c.emotions[j]) for c in grid.columns if c.emotions[j] is not None]
            colour = (
                theme.journeys[j % len(theme.journeys)] if grid.comparison else theme.emotion_line
            )
            for (k1, e1), (k2, e2) in itertools.pairwise(points):
                assert e1 is not None and e2 is not None
                # A straight run through the empty slots in between: dot would route a
                # long non-constraint edge around the grid. Dashed where this journey's
                # steps are not rated, dotted across the columns it does not live.
                gap = any(j in c.journeys for c in grid.columns[k1 + 1 : k2])
                style = "solid" if k2 == k1 + 1 else ("dashed" if gap else "dotted")
                hops = [(k1, e1)]
                for k in range(k1 + 1, k2):
                    hops.append((k, round(e1 + (e2 - e1) * (k - k1) / (k2 - k1))))
                hops.append((k2, e2))
                for index, ((ka, ea), (kb, eb)) in enumerate(itertools.pairwise(hops)):
                    attrs = {
                        "constraint": "false",
                        "arrowhead": "none",
                        "color": colour,
                        "penwidth": "2.2",
                        "style": style,
                    }
                    if index > 0:
                        attrs["tailclip"] = "false"
                    if index < len(hops) - 2:
                        attrs["headclip"] = "false"
                    self.graph.edge(f"e{ka}_{_level(ea)}", f"e{kb}_{_level(eb)}", **attrs)

    def _path_edges(self) -> None:
        theme, grid = self.theme, self.grid
        for j, path in enumerate(grid.paths):
            colour = theme.journeys[j % len(theme.journeys)] if grid.comparison else theme.path
            for source, target in itertools.pairwise(path):
                if source == target:
                    continue
                hops = self._route(source, target)
                for index, (tail, head) in enumerate(itertools.pairwise(hops)):
                    last = index == len(hops) - 2
                    attrs = {"constraint": "false", "color": colour, "penwidth": "2"}
                    if index > 0:
                        attrs["tailclip"] = "false"
                    if not last:
                        attrs.update(headclip="false", arrowhead="none")
                    self.graph.edge(_cell_node(tail), _cell_node(head), **attrs)

    def _route(self, source: Position, target: Position) -> list[Position]:
        """The cells a path edge passes through.

        An edge that skips columns (in a comparison, one journey passing the other's
        stages) would be routed around the whole grid by dot; instead it runs along a
        lane whose cells in between are empty (drawn without fill, so the line shows
        through them), the target's lane first, then the source's, then the nearest.
        """
        (k1, lane1), (k2, lane2) = source, target
        if k2 <= k1 + 1:
            return [source, target]
        between = range(k1 + 1, k2)
        lanes = sorted(
            range(len(self.grid.lanes)),
            key=lambda lane: (lane != lane2, lane != lane1, abs(lane - lane2), lane),
        )
        for lane in lanes:
            if all((k, lane) not in self.grid.cells for k in between):
                return [source, *((k, lane) for k in between), target]
        return [source, target]

    def _breakpoint_edges(self) -> None:
        theme = self.theme
        for edge in self.grid.breakpoints:
            if edge.source == edge.target:
                continue
            self.graph.edge(
                _cell_node(edge.source),
                _cell_node(edge.target),
                constraint="false",
                style="dashed",
                color=theme.breakpoint,
                penwidth="1.8",
                arrowhead="vee",
                tooltip=edge.text,
            )


def _legend_line(items: Sequence[tuple[str, str]], theme: Theme) -> str:
    gap = "&#160;" * 6
    return gap.join(f"{mark}&#160;{_font(text, theme.text, 10)}" for mark, text in items)


def _level(level: int) -> str:
    return f"m{-level}" if level < 0 else f"p{level}"


def _row_node(key: str, column: int) -> str:
    if key == "step":
        return f"h{column}"
    if key.startswith("e"):
        return f"e{column}_{key[1:]}"
    return f"c{column}_{key[1:]}"


def _cell_node(position: Position) -> str:
    return f"c{position[0]}_{position[1]}"


def _chain(graph: graphviz.Digraph, names: Iterable[str]) -> None:
    ordered = list(names)
    for tail, head in itertools.pairwise(ordered):
        graph.edge(tail, head, style="invis")


def build_dot(grid: Grid, options: Options) -> str:
    """The DOT source of the map view."""
    return str(_Builder(grid, options).build().source)
