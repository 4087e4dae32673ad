"""`journeymap schema`."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from journeymap.cli.options import Command


class SchemaFormat(StrEnum):
    json = "json"
    markdown = "markdown"


def schema(
    fmt: Annotated[
        SchemaFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: the JSON Schema; markdown: the format reference (docs/format.md).",
        ),
    ] = SchemaFormat.json,
) -> None:
    """Print the JSON Schema of the journey format (for editors' YAML language server)."""
    if fmt is SchemaFormat.markdown:
        from journeymap.reference import format_reference

        sys.stdout.write(format_reference())
        return
    from journeymap.schema import journey_schema_text

    sys.stdout.write(journey_schema_text())


def register(app: typer.Typer) -> None:
    app.command("schema", cls=Command)(schema)
