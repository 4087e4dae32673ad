"""A JSON list of diagnostics, for scripts: stable keys, stable order.

The text is what `json.dump(..., indent=2, ensure_ascii=False)` writes, byte for byte,
but built from the C encoder's output for each value: with `indent`, the json module
falls back to its pure-Python encoder and writes in thousands of small pieces, which
made the JSON report of 1,000 files cost more than linting them.
"""

from __future__ import annotations

import json
from typing import TextIO

from journeymap.output.report import Report

_encode = json.JSONEncoder(ensure_ascii=False).encode


class JsonReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        objects = [
            "  {\n"
            + ",\n".join(
                f"    {_encode(key)}: {_encode(value)}" for key, value in d.as_dict().items()
            )
            + "\n  }"
            for d in report.diagnostics
        ]
        stream.write("[\n" + ",\n".join(objects) + "\n]\n" if objects else "[]\n")
