"""The changes of one journey as they are found, and where each one sits."""

from __future__ import annotations

from typing import Any

from journeymap.diff.fields import Emit
from journeymap.diff.records import JOURNEY_WIDE, Change, Where
from journeymap.diff.words import said
from journeymap.model.journey import Journey, Stage, Step


class Recorder:
    """Collects the changes from `old` to `new`, one journey, in the order they are found."""

    def __init__(self, old: Journey, new: Journey) -> None:
        self.old, self.new = old, new
        self.id = new.id
        self.changes: list[Change] = []
        self.channel_names = {c.id: c.name for c in old.channels} | {
            c.id: c.name for c in new.channels
        }

    def add(
        self,
        kind: str,
        summary: str,
        where: Where = JOURNEY_WIDE,
        **values: Any,
    ) -> None:
        self.changes.append(Change(self.id, kind, summary, where, **values))

    def field(self, where: Where, noun: str = "") -> Emit:
        """Report any other field; `noun` says whose field it is ('step notes')."""

        def emit(path: str, before: Any, after: Any, item: str | None = None) -> None:
            name = f"{noun} {path}" if noun else path
            if item is not None:
                summary = f"{name}: {item}"
            elif before is None:
                summary = f"{name} set to {said(after)}"
            elif after is None:
                summary = f"{name} removed (was {said(before)})"
            else:
                summary = f"{name} changed from {said(before)} to {said(after)}"
            self.add("field-changed", summary, where, field=path, before=before, after=after)

        return emit

    def stage_where(self, stage: Stage) -> Where:
        return Where(stage=stage.id, stage_name=stage.name)

    def step_where(self, stage: Stage, step: Step, channel: str | None = None) -> Where:
        return Where(
            stage=stage.id,
            stage_name=stage.name,
            step=step.id,
            step_text=step.text,
            channel=channel,
            channel_name=self.channel_names.get(channel) if channel else None,
        )
