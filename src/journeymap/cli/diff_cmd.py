"""`journeymap diff`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.options import ColorOption, Command, ExcludeOption, JobsOption
from journeymap.runner.diff import DiffFailOn, DiffFormat


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
    ] = "text",
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
            metavar="FILE",
            help="Lint configuration (pyproject.toml or journeymap.toml) for both sides, "
            "instead of the one the working tree has above each file.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    color: ColorOption = "auto",
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
    from journeymap.output.atomic import OutputError, refuse_overwriting_inputs
    from journeymap.output.destination import deliver, output_file, wrote
    from journeymap.runner.diff import (
        DRAWN_FORMATS,
        draw_changes,
        exit_findings,
        read_paths,
        write_diff,
    )
    from journeymap.textsafe import visible

    with exits.handled(SideError):
        outcome = run(arguments, exclude or (), lint, jobs, config)
    for stale in outcome.stale:
        sys.stderr.write(
            f"journeymap: warning: {visible(str(stale.path))} is not a valid journey there "
            f"({stale.code} line {stale.line}: {stale.message}); compared as absent\n"
        )
    if outcome.invalid:
        files = len({d.path for d in outcome.invalid})
        exits.fail_invalid(outcome.invalid, files, outcome.unreadable)
    result = outcome.result
    target = output_file(output)
    with exits.handled(OutputError):
        if target is not None:
            refuse_overwriting_inputs(target, read_paths(result))
        if output_format in DRAWN_FORMATS:
            written = draw_changes(result, output_format, output if target else None, _tell)
            if written:
                _tell(wrote(written))
        else:
            deliver(lambda stream: write_diff(result, output_format, stream, color), target)
    found = exit_findings(result, fail_on, exit_code)
    if found is not None:
        raise SystemExit(exits.FINDINGS if found else exits.OK)


def _tell(line: str) -> None:
    sys.stderr.write(f"{line}\n")


def register(app: typer.Typer) -> None:
    app.command("diff", cls=Command)(diff)
