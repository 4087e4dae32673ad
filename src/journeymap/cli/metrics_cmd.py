"""`journeymap metrics`: survey exports into journeys (`import`), and what to ask next (`plan`)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, ClassVar

import typer

from journeymap.cli import exits
from journeymap.cli.options import Command, ExcludeOption, OutputFileOption, PathsArgument
from journeymap.runner.metrics import PlanFormat

metrics_app = typer.Typer(
    name="metrics",
    help="Feedback metrics: import NPS, CSAT and CES from survey exports; plan what to ask.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class ImportCommand(Command):
    retired: ClassVar[Mapping[str, tuple[str, str]]] = {
        "-j": ("--journey", "--jobs"),
        "-m": ("--map", "--metric"),
    }


def import_survey(
    survey: Annotated[
        Path,
        typer.Argument(
            help=(
                "The survey export, CSV, JSON or .xlsx: Qualtrics, SurveyMonkey, Typeform, "
                "Forms; - reads it from standard input."
            ),
            metavar="SURVEY.csv",
            show_default=False,
        ),
    ],
    mapping: Annotated[
        Path,
        typer.Option(
            "--map",
            metavar="MAPPING.yaml",
            help="Which column is which metric of which touchpoint (see the README).",
            show_default=False,
        ),
    ],
    journeys: Annotated[
        list[Path] | None,
        typer.Option(
            "--journey",
            metavar="FILE",
            help="A journey file to update (repeatable); default: the mapping's journeys.",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        bool,
        typer.Option("--write", help="Update the journey files in place (atomically)."),
    ] = False,
) -> None:
    """Compute NPS, CSAT and CES per touchpoint from a survey export; --write records them.

    Without --write, prints what would change (old -> new, n, period) and changes nothing.
    Bad rows are counted and listed; metrics on fewer answers than the mapping's min-n
    are reported, not written. Exit code 0 when done, 1 when a journey is invalid or
    could not be updated, 2 for an unreadable export or mapping.
    """
    from journeymap.cli.loading import note
    from journeymap.runner.metrics import import_survey as run

    with exits.handled():
        done = run(survey, mapping, journeys or [], write, note)
    sys.stdout.write(done.report)
    for message in done.failed.values():
        exits.say(message)
    raise typer.Exit(exits.FINDINGS if done.failed else exits.OK)


def plan(
    paths: PathsArgument,
    exclude: ExcludeOption = None,
    output_format: Annotated[
        PlanFormat,
        typer.Option("--format", "-f", help="markdown for a wiki or a ticket, csv for a sheet."),
    ] = "markdown",
    min_volume: Annotated[
        int | None,
        typer.Option(
            "--min-volume",
            min=0,
            metavar="N",
            help="High volume from N customers per period; default: the journey's median.",
            show_default=False,
        ),
    ] = None,
    max_age: Annotated[
        int,
        typer.Option(
            "--max-age",
            min=0,
            metavar="DAYS",
            help="A metric older than this (from its period's end) is not recent.",
        ),
    ] = 365,
    output: OutputFileOption = None,
) -> None:
    """Which question to ask, and after which step, where a journey lacks a recent metric.

    Lists each moment of truth and each high-volume touchpoint with no metric, or none
    measured within --max-age days, with an NPS, CSAT or CES question in the journey's
    language and the moment to ask it.
    """
    from journeymap.cli.loading import note
    from journeymap.output.atomic import OutputError
    from journeymap.output.destination import deliver, output_file
    from journeymap.runner.metrics import plan_report

    with exits.handled():
        rendered, read = plan_report(paths, exclude or (), max_age, min_volume, output_format, note)
    with exits.handled(OutputError):
        deliver(lambda stream: stream.write(rendered), output_file(output), read)


def schema() -> None:
    """Print the JSON Schema of the mapping file (for editors and CI checks)."""
    import json

    from journeymap.metrics.mapping import mapping_schema

    sys.stdout.write(json.dumps(mapping_schema(), indent=2, ensure_ascii=False) + "\n")


metrics_app.command("import", cls=ImportCommand)(import_survey)
metrics_app.command("plan", cls=Command)(plan)
metrics_app.command("schema", cls=Command)(schema)


def register(app: typer.Typer) -> None:
    app.add_typer(metrics_app)
