"""Changes of the journey's structure: stages and steps added, removed, renamed, reworded,
moved, and moments of truth; each kept step then compares its touchpoints."""

from __future__ import annotations

from journeymap.diff.fields import walk
from journeymap.diff.pairing import in_new_order, stable_order
from journeymap.diff.recorder import Recorder
from journeymap.diff.records import Where
from journeymap.diff.scores import score
from journeymap.diff.touchpoints import touchpoints
from journeymap.diff.words import plural, quote, signed
from journeymap.model.journey import Stage, Step


def stages(record: Recorder) -> None:
    olds = {s.id: s for s in record.old.stages}
    news = {s.id: s for s in record.new.stages}
    kept = stable_order(list(olds), list(news))
    new_order = list(news)
    for key, before, stage in in_new_order(olds, news):
        if stage is None:
            assert before is not None
            summary = f"stage removed with its {plural(len(before.steps), 'step')}"
            record.add("stage-removed", summary, record.stage_where(before), before=before.name)
            continue
        where = record.stage_where(stage)
        if before is None:
            summary = f"new stage with {plural(len(stage.steps), 'step')}"
            record.add("stage-added", summary, where, after=stage.name)
            continue
        if before.name != stage.name:
            record.add(
                "stage-renamed",
                f"stage renamed from {quote(before.name)} to {quote(stage.name)}",
                where,
                field="name",
                before=before.name,
                after=stage.name,
            )
        if key not in kept:
            index = new_order.index(key)
            previous = news[new_order[index - 1]].name if index else None
            was = list(olds).index(key)
            _reordered(record, "stage", where, previous, "the journey", was, index)
        walk(before, stage, "", ("id", "name", "steps"), record.field(where, "stage"))


def _reordered(
    record: Recorder,
    noun: str,
    where: Where,
    previous: str | None,
    whole: str,
    before: int,
    after: int,
) -> None:
    """A stage or step that left the order the others kept (positions from 0)."""
    summary = (
        f"{noun} moved, now after {quote(previous)}"
        if previous
        else f"{noun} moved to the start of {whole}"
    )
    record.add(f"{noun}-moved", summary, where, field="order", before=before, after=after)


def steps(record: Recorder) -> None:
    olds = {step.id: (stage, step) for _, stage, _, step in record.old.iter_steps()}
    news = {step.id: (stage, step) for _, stage, _, step in record.new.iter_steps()}
    # order within a stage: a step whose whole stage moved has not moved itself
    kept: set[str] = set()
    old_stages = {s.id: s for s in record.old.stages}
    for stage in record.new.stages:
        before = old_stages.get(stage.id)
        if before is not None:
            kept |= stable_order([s.id for s in before.steps], [s.id for s in stage.steps])
    for key, was, now in in_new_order(olds, news):
        if now is None:
            assert was is not None
            old_stage, old_step = was
            where = record.step_where(old_stage, old_step)
            record.add("step-removed", "step removed", where, before=old_step.text)
            continue
        stage, step = now
        where = record.step_where(stage, step)
        if was is None:
            _step_added(record, step, where)
            continue
        old_stage, old_step = was
        if old_stage.id != stage.id:
            record.add(
                "step-moved",
                f"step moved from stage {quote(old_stage.name)} to {quote(stage.name)}",
                where,
                field="stage",
                before=old_stage.id,
                after=stage.id,
            )
        elif key not in kept:
            position = [s.id for s in stage.steps].index(key)
            previous = stage.steps[position - 1].text if position else None
            before_at = [s.id for s in old_stage.steps].index(key)
            _reordered(record, "step", where, previous, quote(stage.name), before_at, position)
        step_changes(record, old_step, stage, step, where)


def _step_added(record: Recorder, step: Step, where: Where) -> None:
    channels = [record.channel_names.get(t.channel, t.channel) for t in step.touchpoints]
    detail = f" on {', '.join(channels)}" if channels else ""
    emotion = f", emotion {signed(step.emotion)}" if step.emotion is not None else ""
    mot = ", a moment of truth" if step.moment_of_truth else ""
    record.add("step-added", f"new step{detail}{emotion}{mot}", where, after=step.text)


def step_changes(record: Recorder, old: Step, stage: Stage, new: Step, where: Where) -> None:
    if old.text != new.text:
        record.add(
            "step-reworded",
            f"step reworded (was {quote(old.text)})",
            where,
            field="text",
            before=old.text,
            after=new.text,
        )
    if old.moment_of_truth != new.moment_of_truth:
        kind = "moment-of-truth-added" if new.moment_of_truth else "moment-of-truth-removed"
        summary = "now a moment of truth" if new.moment_of_truth else "no longer a moment of truth"
        record.add(
            kind,
            summary,
            where,
            field="moment_of_truth",
            before=old.moment_of_truth,
            after=new.moment_of_truth,
        )
    if old.emotion != new.emotion:
        score(record, "emotion-changed", "emotion", "emotion", old.emotion, new.emotion, where)
    skip = ("id", "text", "moment_of_truth", "emotion", "touchpoints")
    walk(old, new, "", skip, record.field(where, "step"))
    touchpoints(record, stage, old, new)
