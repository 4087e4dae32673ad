"""`metrics import` and `metrics plan`: the files they read, the updates they write."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from journeymap.runner.errors import Refused

if TYPE_CHECKING:
    from journeymap.metrics.changes import TouchpointChange
    from journeymap.metrics.plan import PlanItem

PlanFormat = Literal["markdown", "csv"]


def read_bytes(path: Path) -> bytes:
    """A survey export's bytes (the readers find the encoding), or Refused."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Refused(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_text(path: Path) -> str:
    """A mapping file's text (a byte-order mark from a spreadsheet's editor dropped)."""
    try:
        return read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(f"{path}: not UTF-8 text") from None


def write_updates(changes: Sequence[TouchpointChange]) -> dict[Path, str]:
    """Each journey file updated in turn, in place and atomically; the files that could
    not be, with why. An update that would make its file invalid is not written: the
    file is loaded again from the new text first."""
    from journeymap.load.journey_file import load_text
    from journeymap.metrics.changes import updates_by_file
    from journeymap.output.atomic import OutputError, write_atomic
    from journeymap.output.metrics_yaml import UpdateError, apply_updates

    failed: dict[Path, str] = {}
    for path, updates in updates_by_file(changes).items():
        try:
            updated = apply_updates(path.read_bytes().decode("utf-8"), updates, str(path))
            check = load_text(str(path), updated)
            if not check.ok:
                first = check.diagnostics[0]
                raise UpdateError(
                    f"{path}: the update would make the file invalid ({first.message}); "
                    "not written: please report this file"
                )
            write_atomic(path, updated)
        except (UpdateError, OutputError) as exc:
            failed[path] = str(exc)
        except (OSError, UnicodeDecodeError) as exc:
            failed[path] = f"{path}: cannot update: {exc}"
    return failed


def plan_text(items: Sequence[PlanItem], fmt: PlanFormat) -> str:
    from journeymap.output import metrics_plan

    return metrics_plan.csv_text(items) if fmt == "csv" else metrics_plan.markdown(items)
