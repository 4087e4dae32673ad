"""`journeymap diff`."""

from __future__ import annotations

import io
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.matrix_cmd import ColorMode
from journeymap.cli.options import ExcludeOption, JobsOption

if TYPE_CHECKING:
    from journeymap.diff.changes import DiffResult
    from journeymap.diff.sides import Outcome


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    svg = "svg"
    png = "png"
    dot = "dot"


class DiffFailOn(StrEnum):
    change = "change"
    worse = "worse"


def diff(
    arguments: Annotated[
        list[str],
        typer.Argument(
            help="OLD NEW (two files or two folders); REV [PATH...] (a git revision against "
            "the working tree); A..B [PATH...] (two revisions); A...B [PATH...] (what B "
            "changed since it left A, as in a pull request).",
            metavar="OLD NEW | REV [PATH...] | A..B [PATH...]",
            show_default=False,
        ),
    ],
    exclude: ExcludeOption = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for the terminal, markdown for a pull-request comment, json for tools "
            "(schemas/diff.schema.json); svg, png or dot draw the new map with the changes "
            "highlighted.",
        ),
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when something changed, 0 when nothing did (as git diff)."
        ),
    ] = False,
    fail_on: Annotated[
        DiffFailOn | None,
        typer.Option(
            "--fail-on",
            help="worse: exit 1 only when a score (NPS, CSAT, CES) or an emotion got worse; "
            "change: as --exit-code.",
            show_default=False,
        ),
    ] = None,
    lint: Annotated[
        bool,
        typer.Option("--lint/--no-lint", help="Report new and fixed lint findings."),
    ] = True,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Lint configuration (pyproject.toml or journeymap.toml) for both sides, "
            "instead of the one the working tree has above each file.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        ColorMode,
        typer.Option(
            "--color",
            help="Colour in the text format: auto (terminal, honours NO_COLOR), always, never.",
        ),
    ] = ColorMode.auto,
    jobs: JobsOption = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            help="Write to this file (atomically) instead of standard output; for svg, png "
            "and dot with several changed journeys, a folder (DIR/) gets <journey id>.<ext>.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show what changed in the journeys, in the method's words.

    Journeys are matched by id, stages and steps by id, touchpoints by channel: a
    reformatted file, reordered keys or new comments are no change. Emotions and scores
    say whether they got better or worse (CES: lower is better) and by how much.
    """
    from journeymap.diff.sides import SideError, run

    try:
        outcome = run(arguments, exclude or (), lint, jobs, config)
    except SideError as exc:
        exits.fail(str(exc))
    _report_invalid(outcome)
    result = outcome.result
    if output is not None:
        from journeymap.output.atomic import OutputError, refuse_overwriting_inputs

        read = {p for j in result.journeys for p in (j.old_path, j.new_path) if p}
        try:
            refuse_overwriting_inputs(Path(output), [Path(p) for p in read if Path(p).exists()])
        except OutputError as exc:
            exits.fail(str(exc))
    if output_format in {DiffFormat.svg, DiffFormat.png, DiffFormat.dot}:
        _draw(result, output_format.value, output)
    else:
        if output is None and output_format is DiffFormat.text:
            _print_text(result, color)
        else:
            _write(_rendered(result, output_format, color), output)
    if fail_on is DiffFailOn.worse:
        raise SystemExit(exits.FINDINGS if result.worse else exits.OK)
    if exit_code or fail_on is DiffFailOn.change:
        raise SystemExit(exits.FINDINGS if result.changed else exits.OK)


def _report_invalid(outcome: Outcome) -> None:
    for stale in outcome.stale:
        sys.stderr.write(
            f"journeymap: warning: {stale.path} is not a valid journey there "
            f"({stale.code} line {stale.line}: {stale.message}); compared as absent\n"
        )
    if outcome.invalid:
        from journeymap.output.report import Report
        from journeymap.output.reporters import reporter

        files = len({d.path for d in outcome.invalid})
        reporter("text").write(Report(outcome.invalid, files, "validate"), sys.stderr)
        raise SystemExit(exits.USAGE if outcome.unreadable else exits.FINDINGS)


def _rendered(result: DiffResult, output_format: DiffFormat, color: ColorMode) -> str:
    if output_format is DiffFormat.markdown:
        from journeymap.output import diff_markdown

        return diff_markdown.render(result)
    if output_format is DiffFormat.json:
        from journeymap.output import diff_json

        return diff_json.render(result)
    from journeymap.cli.matrix_cmd import _console
    from journeymap.output import diff_text

    buffer = io.StringIO()
    diff_text.write(result, _console(buffer, color))
    return buffer.getvalue()


def _print_text(result: DiffResult, color: ColorMode) -> None:
    from journeymap.cli.matrix_cmd import _console
    from journeymap.output import diff_text

    diff_text.write(result, _console(sys.stdout, color))


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from journeymap.output.atomic import OutputError, write_atomic

    try:
        write_atomic(Path(output), text)
    except OutputError as exc:
        exits.fail(str(exc))


def _draw(result: DiffResult, fmt: str, output: str | None) -> None:
    from journeymap.output.atomic import OutputError, write_atomic
    from journeymap.render.dot import Options
    from journeymap.render.engine import EngineError, find_engine
    from journeymap.render.highlight import from_changes
    from journeymap.render.pipeline import render
    from journeymap.render.themes import THEMES

    journeys = result.drawable()
    if not journeys:
        sys.stderr.write("journeymap: nothing to draw: no journey was added or changed\n")
        return
    folder = output is not None and (Path(output).is_dir() or output.endswith(("/", os.sep)))
    if len(journeys) > 1 and not folder:
        exits.fail(
            f"{len(journeys)} journeys changed; write them to a folder with -o DIR/ "
            "(one <journey id>." + fmt + " each)"
        )
    if output is None and fmt == "png" and sys.stdout.isatty():
        exits.fail("refusing to write PNG bytes to a terminal; redirect stdout or use -o FILE")
    engine = None
    if fmt != "dot":
        try:
            engine = find_engine()
        except EngineError as exc:
            exits.fail(str(exc))
    written: list[str] = []
    for journey, changes in journeys:
        highlight = from_changes(result.old_label, changes)
        options = Options(THEMES["default"], frozenset({"metrics"}), True, highlight=highlight)
        try:
            data = render([journey], fmt, options, engine)
            if output is None:
                sys.stdout.buffer.write(data)
                continue
            target = Path(output) / f"{journey.id}.{fmt}" if folder else Path(output)
            if folder:
                target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
            written.append(str(target))
        except (EngineError, OutputError, OSError) as exc:
            exits.fail(str(exc))
    if written:
        sys.stderr.write(f"wrote {', '.join(written)}\n")


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
