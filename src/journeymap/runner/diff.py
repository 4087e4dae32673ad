"""`diff`: the comparison written as text, or the new maps drawn with the changes marked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from journeymap.runner.errors import Refused, refusing

if TYPE_CHECKING:
    from collections.abc import Callable

    from journeymap.diff.changes import DiffResult
    from journeymap.output.console import ColorMode

DiffFormat = Literal["text", "markdown", "json", "svg", "png", "dot"]
DRAWN_FORMATS: frozenset[DiffFormat] = frozenset({"svg", "png", "dot"})
DiffFailOn = Literal["change", "worse"]


def exit_findings(result: DiffResult, fail_on: DiffFailOn | None, exit_code: bool) -> bool | None:
    """Whether the run found what `--fail-on` or `--exit-code` asks about (None: not asked)."""
    if fail_on == "worse":
        return bool(result.worse)
    if exit_code or fail_on == "change":
        return result.changed
    return None


def read_paths(result: DiffResult) -> list[Path]:
    """The files the comparison read that are on disk: an output must not replace one."""
    read = {p for j in result.journeys for p in (j.old_path, j.new_path) if p}
    from journeymap.load.source import exists

    return [Path(p) for p in read if exists(p)]


def write_diff(result: DiffResult, fmt: DiffFormat, stream: TextIO, color: ColorMode) -> None:
    if fmt == "markdown":
        from journeymap.output import diff_markdown

        stream.write(diff_markdown.render(result))
    elif fmt == "json":
        from journeymap.output import diff_json

        stream.write(diff_json.render(result))
    else:
        from journeymap.output import diff_text
        from journeymap.output.console import console

        diff_text.write(result, console(stream, color))


def draw_changes(
    result: DiffResult, fmt: DiffFormat, output: str | None, tell: Callable[[str], None]
) -> list[str]:
    """Each added or changed journey's new map with its changes highlighted; the files
    written (none for standard output). Several journeys need a folder (`-o DIR/`)."""
    from journeymap.output.atomic import OutputError, write_atomic
    from journeymap.output.folders import is_folder
    from journeymap.render.dot import Options
    from journeymap.render.engine import EngineError, find_engine, shrunk_png
    from journeymap.render.highlight import from_changes
    from journeymap.render.pipeline import render, shrunk_warning
    from journeymap.render.themes import THEMES
    from journeymap.textsafe import visible

    journeys = result.drawable()
    if not journeys:
        tell("journeymap: nothing to draw: no journey was added or changed")
        return []
    folder = output is not None and is_folder(output)
    if len(journeys) > 1 and not folder:
        raise Refused(
            f"{len(journeys)} journeys changed; write them to a folder with -o DIR/ "
            "(one <journey id>." + fmt + " each)"
        )
    if output is None and fmt == "png" and sys.stdout.isatty():
        raise Refused("refusing to write PNG bytes to a terminal; redirect stdout or use -o FILE")
    engine = None
    if fmt != "dot":
        with refusing(EngineError):
            engine = find_engine()
    written: list[str] = []
    for journey, changes in journeys:
        highlight = from_changes(result.old_label, changes)
        options = Options(THEMES["default"], frozenset({"metrics"}), True, highlight=highlight)
        target = None
        with refusing(EngineError, OutputError, OSError):
            data = render([journey], fmt, options, engine)
            if output is None:
                sys.stdout.buffer.write(data)
            else:
                target = Path(output) / f"{journey.id}.{fmt}" if folder else Path(output)
                if folder:
                    target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, data)
                written.append(str(target))
        said = shrunk_warning(str(target or "standard output"), shrunk_png(data[:24]))
        if said is not None:
            tell(f"journeymap: warning: {visible(said)}")
    return written
