"""A JSON list of diagnostics, for scripts: stable keys, stable order."""

from __future__ import annotations

import json
from typing import TextIO

from journeymap.output.report import Report


class JsonReporter:
    def write(self, report: Report, stream: TextIO) -> None:
        json.dump([d.as_dict() for d in report.diagnostics], stream, indent=2, ensure_ascii=False)
        stream.write("\n")
