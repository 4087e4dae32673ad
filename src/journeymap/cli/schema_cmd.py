"""`journeymap schema`."""

from __future__ import annotations

import sys

import typer


def schema() -> None:
    """Print the JSON Schema of the journey format (for editors' YAML language server)."""
    from journeymap.schema import journey_schema_text

    sys.stdout.write(journey_schema_text())


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
