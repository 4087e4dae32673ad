"""Choosing the importer for a text, and naming the journeys of one run."""

from __future__ import annotations

from journeymap.diagnostics import UNKNOWN_SOURCE
from journeymap.importers.common import Imported, ImportProblem
from journeymap.importers.ems import import_ems, is_ems
from journeymap.importers.mermaid import (
    find_diagrams,
    import_mermaid,
    no_journey,
    other_diagrams,
)
from journeymap.importers.mermaid_parse import bare_journey
from journeymap.load.yamldoc import table_header


def detect(text: str) -> str | None:
    """'mermaid' or 'ems' from the content alone (file names lie: .md, .txt, .yml...)."""
    if is_ems(text):
        return "ems"
    if find_diagrams(text) or other_diagrams(text):
        return "mermaid"
    return None


def import_source(
    text: str, source: str, source_format: str | None = None, channel: str | None = None
) -> list[Imported]:
    chosen = source_format or detect(text)
    if chosen == "ems":
        return import_ems(text, source)
    if chosen == "mermaid":
        return import_mermaid(text, source, channel)
    structured = _structured_keys(text) if source.lower().endswith(_DATA_SUFFIXES) else None
    if structured is not None and "journeymap" in structured:
        raise ImportProblem(
            "already a journey file ('journeymap' key): nothing to import; "
            "`journeymap validate` or `lint` it",
            check=UNKNOWN_SOURCE,
        )
    if structured is not None:
        keys = ", ".join(structured[:4]) or "none"
        raise ImportProblem(
            f"YAML or JSON in a layout `import` does not read (top-level keys: {keys}); it "
            "reads Mermaid journeys and Enablement Map Studio (`kind: cjm`): rewrite it as "
            "a journey file (`journeymap: 1`, stages, steps; see the README's format "
            "reference)",
            check=UNKNOWN_SOURCE,
        )
    if bare_journey(text) is not None:
        raise no_journey(text)
    table = table_header(text)
    if table is not None:
        raise ImportProblem(
            f"{table}: `import` reads Mermaid journeys and Enablement Map Studio "
            "(`kind: cjm`), not tables; write the journey as a journey file "
            "(`journeymap: 1`, stages, steps; see the README's format reference)",
            check=UNKNOWN_SOURCE,
        )
    raise ImportProblem(
        "neither a Mermaid journey (a .mmd starting with `journey`, or Markdown with "
        '```mermaid, `::: mermaid`, <pre class="mermaid">, {% mermaid %}, {{< mermaid >}}, '
        "`.. mermaid::`, `[mermaid]` or MDX chart={`...`} journey blocks) nor "
        "Enablement Map Studio YAML (`kind: cjm`); "
        "say which with --from mermaid|ems",
        check=UNKNOWN_SOURCE,
    )


_DATA_SUFFIXES = (".yaml", ".yml", ".json")


def _structured_keys(text: str) -> list[str] | None:
    """The top-level keys when the text is a YAML (or JSON) mapping, else None: a journey
    written as data in another layout, or already a journey file."""
    from journeymap.load.limits import Limits
    from journeymap.load.yamldoc import parse

    if not text.lstrip().startswith(("{", "---", "#")) and ":" not in text.split("\n", 1)[0]:
        return None
    parsed = parse(text, Limits.from_env())
    if parsed.problems or not isinstance(parsed.data, dict):
        return None
    return [str(key) for key in parsed.data]


def name_outputs(journeys: list[Imported]) -> list[str]:
    """File names from journey ids, '-2', '-3' when two journeys share an id; the journey's
    id follows its file name so that the two files validate together."""
    used: set[str] = set()
    names: list[str] = []
    for journey in journeys:
        name, n = journey.id, 2
        while name in used:
            name, n = f"{journey.id}-{n}", n + 1
        used.add(name)
        journey.data["id"] = name
        names.append(name)
    return names
