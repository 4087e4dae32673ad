"""The journey writer: one line changes, whatever the line ends; other files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.metrics.changes import Update
from journeymap.output.metrics_yaml import UpdateError, apply_updates
from tests.conftest import EXAMPLES, invoke
from tests.lint.base import BASE_FR

UPDATE = [Update(1, 0, 0, {"nps": 5})]
OLD = "            metrics: {csat: 55}"
NEW = "            metrics: {csat: 55, nps: 5}"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (BASE_FR, BASE_FR.replace(OLD, NEW)),
        ("---\n" + BASE_FR, "---\n" + BASE_FR.replace(OLD, NEW)),
        (
            "# note\n---\n" + BASE_FR + "...\n",
            "# note\n---\n" + BASE_FR.replace(OLD, NEW) + "...\n",
        ),
        (BASE_FR.replace("\n", "\r\n"), BASE_FR.replace(OLD, NEW).replace("\n", "\r\n")),
        ("\ufeff" + BASE_FR, "\ufeff" + BASE_FR.replace(OLD, NEW)),
    ],
    ids=["plain", "document-start", "document-markers", "crlf", "bom"],
)
def test_only_the_metrics_line_changes(before: str, after: str) -> None:
    assert apply_updates(before, UPDATE, "velo.yaml") == after


SHARED = BASE_FR.replace(
    "metrics: {csat: 82, nps: 30, ces: 2}", "metrics: &mesures {csat: 82, nps: 30, ces: 2}"
).replace("metrics: {csat: 55}", "metrics: *mesures")


def test_metrics_shared_through_an_alias_are_refused() -> None:
    with pytest.raises(UpdateError, match=r"^velo\.yaml:23: these metrics are shared"):
        apply_updates(SHARED, UPDATE, "velo.yaml")
    with pytest.raises(UpdateError, match=r"^velo\.yaml:23: these metrics are shared"):
        apply_updates(SHARED, [Update(0, 0, 0, {"nps": 5})], "velo.yaml")


def test_wrapped_flow_mappings_stay_wrapped() -> None:
    text = (EXAMPLES / "banque-ouverture-compte.yaml").read_text(encoding="utf-8")
    old = (
        "            metrics: {csat: 71, n: 520, period: 2026-Q3, source: Enquête sur la page "
        "des offres,\n                      method: CSAT top-2 sur une échelle de 1 à 5}\n"
    )
    new = (
        "            metrics: {csat: 64, n: 31, period: 2026-Q4, source: 'Enquête, offres',\n"
        "                      method: CSAT top-2 sur une échelle de 1 à 5, nps: -3}\n"
    )
    assert old in text
    update = Update(
        0, 0, 0, {"csat": 64, "nps": -3, "source": "Enquête, offres", "period": "2026-Q4", "n": 31}
    )
    assert apply_updates(text, [update], "banque.yaml") == text.replace(old, new)


def test_an_empty_metrics_key_gets_a_mapping() -> None:
    text = BASE_FR.replace("metrics: {csat: 55}", "metrics:")
    assert apply_updates(text, UPDATE, "velo.yaml") == BASE_FR.replace(
        "metrics: {csat: 55}", "metrics: {nps: 5}"
    )


def test_the_cli_leaves_a_refused_file_untouched(tmp_path: Path) -> None:
    journey = tmp_path / "velo.yaml"
    journey.write_text(SHARED, encoding="utf-8")
    before = journey.read_bytes()
    survey = tmp_path / "s.csv"
    survey.write_text("Q1,Q2\n9,1\n10,2\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "source: x\nmin-n: 1\ntouchpoints: [{step: retrait, channel: boutique, nps: Q1}]\n",
        encoding="utf-8",
    )
    result = invoke("metrics", "import", survey, "--map", mapping, "--journey", journey, "--write")
    assert result.code == 1
    assert "these metrics are shared with another place" in result.stderr
    assert result.stdout.rstrip().endswith(
        "0 figures in 0 touchpoints of 0 files changed; 1 file not written (see the errors)"
    )
    assert journey.read_bytes() == before


EXAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}


def _places(text: str) -> list[tuple[int, int, int]]:
    data = yaml.safe_load(text)
    return [
        (si, pi, ti)
        for si, stage in enumerate(data["stages"])
        for pi, step in enumerate(stage.get("steps", []))
        for ti, _ in enumerate(step.get("touchpoints", []))
    ]


@st.composite
def updates(draw: st.DrawFn) -> tuple[str, list[Update]]:
    name = draw(st.sampled_from(sorted(EXAMPLE_TEXTS)))
    places = draw(
        st.lists(st.sampled_from(_places(EXAMPLE_TEXTS[name])), min_size=1, max_size=3, unique=True)
    )
    made = []
    for place in places:
        metrics: dict[str, object] = {}
        if draw(st.booleans()):
            metrics["nps"] = draw(st.integers(-100, 100))
        if draw(st.booleans()):
            metrics["ces"] = draw(st.sampled_from([1.0, 2.5, 6.9, 7.0]))
        metrics["source"] = draw(st.text(min_size=1, max_size=30).filter(lambda t: t.strip()))
        metrics["period"] = draw(
            st.sampled_from(["2026", "2026-Q3", "2026-09-30", "2026-07-01..2026-09-30"])
        )
        metrics["n"] = draw(st.integers(0, 10**6))
        volume = draw(st.none() | st.integers(0, 10**6))
        made.append(Update(*place, metrics, volume))
    return name, made


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(updates())
def test_any_update_of_the_examples_changes_exactly_the_values(
    case: tuple[str, list[Update]],
) -> None:
    name, made = case
    text = EXAMPLE_TEXTS[name]
    updated = apply_updates(text, made, name)  # raises UpdateError if the data differ
    old_lines, new_lines = text.splitlines(), updated.splitlines()
    assert len(new_lines) - len(old_lines) <= 2 * len(made)
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b]
    assert len(changed) <= 10 * len(made)


@pytest.mark.parametrize("source", ["0?", "a:b", "x#1", "why?", "ok: now"])
def test_flow_mappings_quote_what_some_parser_would_split(source: str) -> None:
    """Found by the property test: libyaml reads `source: 0?,` inside {...}, PyYAML's own
    scanner does not; the writer quotes such values so that every parser agrees."""
    text = (EXAMPLES / "banque-ouverture-compte.yaml").read_text(encoding="utf-8")
    update = Update(stage=0, step=0, touchpoint=0, metrics={"source": source}, volume=None)
    updated = apply_updates(text, [update], "banque-ouverture-compte.yaml")
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        data = yaml.load(updated, Loader=loader)
        metrics = data["stages"][0]["steps"][0]["touchpoints"][0]["metrics"]
        assert metrics["source"] == source
