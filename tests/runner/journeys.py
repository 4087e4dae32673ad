"""Small journey files for the runner's tests: valid ones with a chosen id, and broken ones."""

from __future__ import annotations

from pathlib import Path


def journey_text(ident: str) -> str:
    return (
        f"journeymap: 1\nid: {ident}\ntitle: t\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: x\n        text: Je paie\n        touchpoints:\n          - channel: web\n"
        "channels:\n  - id: web\n    name: Web\n    kind: digital\n"
    )


def write_journey(folder: Path, name: str, ident: str | None = None) -> Path:
    path = folder / name
    path.write_text(journey_text(ident or path.stem), encoding="utf-8")
    return path


def write_invalid(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("journeymap: 1\nid: a\ntitle: [unclosed\n", encoding="utf-8")
    return path
