"""Each rule fails on a variant of the clean base journey and passes on a near miss.

The near misses are the cases a careless rule gets wrong: a boundary value, an elided
"J’", a verb that looks like an internal word, a channel used only as a breakpoint's
destination.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from journeymap.lint.registry import all_rules
from tests.lint.base import BASE_EN, BASE_FR, codes, data, dump

Variant = Callable[[], str]


def edit(change: Callable[[dict[str, Any]], object], base: str = BASE_FR) -> Variant:
    def make() -> str:
        journey = data(base)
        change(journey)
        return dump(journey)

    return make


def comment(line: str, base: str = BASE_FR) -> Variant:
    return lambda: base + line + "\n"


def on_line(variant: Variant, needle: str, suppression: str) -> Variant:
    """The variant with `# journeymap: <suppression>` at the end of the line holding needle."""

    def make() -> str:
        lines = variant().splitlines()
        index = next(i for i, line in enumerate(lines) if needle in line)
        lines[index] += f"  # journeymap: {suppression}"
        return "\n".join(lines) + "\n"

    return make


def step(j: dict[str, Any], stage: int = 0, index: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = j["stages"][stage]["steps"][index]
    return found


def touchpoint(j: dict[str, Any], stage: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = step(j, stage)["touchpoints"][0]
    return found


def set_text(text: str, stage: int = 0) -> Callable[[dict[str, Any]], object]:
    return lambda j: step(j, stage).update(text=text)


def v11(change: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], object]:
    """A format 1.1 variant: the file opts in, names its owner, then changes."""

    def apply(j: dict[str, Any]) -> None:
        j.update(journeymap=1.1, owner="Équipe CX")
        change(j)

    return apply


def reviewed_days_ago(days: int) -> Callable[[dict[str, Any]], object]:
    from datetime import date, timedelta

    return lambda j: j.update(reviewed=date.today() - timedelta(days=days))


def drop_owners(j: dict[str, Any]) -> None:
    for stage in j["stages"]:
        for s in stage["steps"]:
            for t in s["touchpoints"]:
                t.pop("owner", None)


def drop_stakeholders(j: dict[str, Any]) -> None:
    j.pop("stakeholders")
    drop_owners(j)


def add_stages(count: int) -> Callable[[dict[str, Any]], object]:
    def change(j: dict[str, Any]) -> None:
        j["scope"].pop("stages")
        for n in range(count - len(j["stages"])):
            extra = {
                "id": f"etape-{n}",
                "name": f"Étape {n}",
                "steps": [
                    {
                        "id": f"pas-{n}",
                        "text": "Je reviens en boutique",
                        "touchpoints": [{"channel": "boutique", "owner": "magasin"}],
                    }
                ],
            }
            j["stages"].append(extra)
        for s in j["stages"][2:]:
            s["steps"][0]["touchpoints"][0]["metrics"] = {"csat": 80}

    return change


def add_steps(count: int) -> Callable[[dict[str, Any]], object]:
    def change(j: dict[str, Any]) -> None:
        steps = j["stages"][1]["steps"]
        for n in range(count - len(steps)):
            steps.append(
                {
                    "id": f"pas-{n}",
                    "text": "Je vérifie mon vélo",
                    "touchpoints": [
                        {"channel": "boutique", "owner": "magasin", "metrics": {"csat": 80}}
                    ],
                }
            )

    return change


def add_channels(count: int, on_step: bool) -> Callable[[dict[str, Any]], object]:
    def change(j: dict[str, Any]) -> None:
        for n in range(count - len(j["channels"])):
            j["channels"].append({"id": f"canal-{n}", "name": f"Canal {n}"})
            target = step(j)["touchpoints"] if on_step else None
            tp = {"channel": f"canal-{n}", "owner": "digital", "metrics": {"csat": 80}}
            if target is not None:
                target.append(tp)
            else:
                j["stages"][1]["steps"].append(
                    {"id": f"pas-{n}", "text": "Je continue", "touchpoints": [tp]}
                )

    return change


def unused_channel(j: dict[str, Any]) -> None:
    j["channels"].append({"id": "sms", "name": "SMS"})


def channel_only_as_breakpoint_target(j: dict[str, Any]) -> None:
    j["channels"].append({"id": "sms", "name": "SMS"})
    touchpoint(j, 1)["breakpoints"][0]["to"] = "sms"


def with_provenance(j: dict[str, Any], **changes: object) -> None:
    """Format 1.1, and every measured touchpoint sourced, recent and well sampled."""
    j["journeymap"] = 1.1
    for stage in (0, 1):
        metrics = touchpoint(j, stage)["metrics"]
        metrics.update(source="Enquête SMS J+1", period="2099-Q1", n=400)
        metrics.update(changes)
        for key in ("source", "period"):
            if metrics[key] is None:
                metrics.pop(key)


CASES: dict[str, tuple[Variant, Variant]] = {
    "JM101": (edit(lambda j: j.pop("scope")), edit(lambda j: j["scope"].pop("stages"))),
    "JM102": (
        edit(lambda j: j["scope"].pop("targets")),
        edit(lambda j: j["scope"].update(targets=["B2B"])),
    ),
    "JM103": (
        edit(lambda j: j["scope"].pop("offers")),
        edit(lambda j: j["scope"].update(offers=["Vélos cargo"])),
    ),
    "JM104": (
        edit(lambda j: j["scope"].update(stages=["achat"])),
        edit(lambda j: j["scope"].pop("stages")),
    ),
    "JM105": (
        edit(lambda j: j.pop("persona")),
        edit(lambda j: j.update(persona={"name": "Parent pressé"})),
    ),
    "JM201": (
        edit(drop_stakeholders),
        edit(
            lambda j: (
                j.update(stakeholders=j["stakeholders"][:1]),
                touchpoint(j, 1).update(owner="digital"),
            )
        ),
    ),
    "JM202": (
        edit(lambda j: touchpoint(j).pop("owner")),
        edit(drop_stakeholders),
    ),
    "JM203": (
        edit(lambda j: j["stakeholders"].append({"id": "sav", "name": "SAV"})),
        edit(
            lambda j: (
                j["stakeholders"].append({"id": "sav", "name": "SAV"}),
                step(j, 1)["touchpoints"].append({"channel": "site", "owner": "sav"}),
            )
        ),
    ),
    "JM204": (
        edit(lambda j: touchpoint(j, 1).pop("owner")),
        edit(
            lambda j: (
                touchpoint(j, 1).pop("owner"),
                step(j)
                .setdefault("touchpoints", [])
                .append({"channel": "boutique", "owner": "magasin", "metrics": {"csat": 80}}),
            )
        ),
    ),
    "JM301": (
        edit(set_text("Je reçois un mail du back office")),
        edit(set_text("Je saisis mon adresse si le vélo doit être livré")),
    ),
    "JM302": (
        edit(lambda j: j["stages"][1].update(name="Traitement back-office")),
        edit(lambda j: j["stages"][1].update(name="Attente du vélo")),
    ),
    "JM401": (
        edit(set_text("La température baisse")),
        edit(set_text("J’attends que le vélo arrive")),
    ),
    "JM402": (
        edit(set_text("Nous livrons le vélo")),
        edit(set_text("Puis j'appelle le conseiller")),
    ),
    "JM403": (
        edit(set_text("Le client récupère son vélo")),
        edit(set_text("Je récupère mon vélo, le client suivant attend")),
    ),
    "JM404": (
        edit(set_text("Simulation du crédit")),
        edit(set_text("Je simule mon crédit")),
    ),
    "JM501": (edit(add_stages(8)), edit(add_stages(7))),
    "JM502": (edit(add_steps(8)), edit(add_steps(7))),
    "JM503": (edit(add_channels(6, on_step=True)), edit(add_channels(5, on_step=True))),
    "JM504": (edit(add_channels(10, on_step=False)), edit(add_channels(9, on_step=False))),
    "JM505": (
        edit(set_text("Je " + "x" * 88)),
        edit(set_text("Je " + "x" * 87)),
    ),
    "JM601": (
        edit(lambda j: touchpoint(j, 1).update(irritants=["J'attends"])),
        edit(
            lambda j: touchpoint(j, 1).update(
                irritants=[{"text": "Trop cher", "category": "financial"}]
            )
        ),
    ),
    "JM602": (
        edit(lambda j: touchpoint(j, 1).pop("metrics")),
        edit(
            lambda j: (
                touchpoint(j, 1).pop("metrics"),
                touchpoint(j).pop("metrics"),
                step(j).pop("moment_of_truth"),
            )
        ),
    ),
    "JM603": (
        edit(lambda j: touchpoint(j, 1).pop("irritants")),
        edit(
            lambda j: (
                touchpoint(j, 1).pop("irritants"),
                touchpoint(j, 1).update(metrics={"csat": 60, "nps": 0, "ces": 4.9}),
            )
        ),
    ),
    "JM604": (
        edit(lambda j: touchpoint(j, 1).update(delights=["Le vendeur est sympa"])),
        edit(lambda j: touchpoint(j).update(metrics={"ces": 4.9}, delights=["Rapide"])),
    ),
    "JM605": (
        edit(lambda j: touchpoint(j, 1).update(breakpoints=["Je dois rappeler"])),
        edit(
            lambda j: touchpoint(j, 1).update(breakpoints=[{"text": "Bloqué", "kind": "blocked"}])
        ),
    ),
    "JM606": (
        edit(
            lambda j: j["stages"].append(
                {"id": "usage", "name": "Usage", "steps": [{"id": "roule", "text": "Je roule"}]}
            )
        ),
        edit(
            lambda j: j["stages"].append(
                {
                    "id": "usage",
                    "name": "Usage",
                    "steps": [
                        {"id": "roule", "text": "Je roule"},
                        {
                            "id": "revision",
                            "text": "Je fais réviser mon vélo",
                            "touchpoints": [
                                {"channel": "boutique", "owner": "magasin", "metrics": {"csat": 90}}
                            ],
                        },
                    ],
                }
            )
        ),
    ),
    "JM607": (edit(unused_channel), edit(channel_only_as_breakpoint_target)),
    "JM608": (
        edit(lambda j: touchpoint(j).pop("metrics")),
        edit(lambda j: touchpoint(j).update(metrics={"ces": 2})),
    ),
    "JM609": (
        edit(lambda j: touchpoint(j).update(volume=1200)),
        edit(lambda j: (touchpoint(j).update(volume=1200), touchpoint(j, 1).update(volume=0))),
    ),
    "JM610": (
        edit(lambda j: step(j).update(emotion=-1)),
        edit(lambda j: step(j, 1).update(emotion=-2)),
    ),
    "JM701": (
        edit(lambda j: with_provenance(j, period="2020-Q1")),
        edit(lambda j: with_provenance(j, period="2099-Q1")),
    ),
    "JM702": (
        edit(lambda j: with_provenance(j, source=None)),
        edit(lambda j: touchpoint(j).update(metrics={"csat": 82})),
    ),
    "JM703": (
        edit(lambda j: with_provenance(j, n=29)),
        edit(lambda j: with_provenance(j, n=30)),
    ),
    "JM704": (
        edit(lambda j: with_provenance(j, period=None)),
        edit(lambda j: touchpoint(j).update(metrics={"csat": 82})),
    ),
    "JM705": (
        edit(lambda j: touchpoint(j).update(metrics={"csat": 4.2})),
        edit(lambda j: touchpoint(j).update(metrics={"csat": 84, "nps": 8})),
    ),
    "JM801": (
        edit(v11(reviewed_days_ago(366))),
        edit(v11(reviewed_days_ago(365))),
    ),
    "JM802": (
        edit(lambda j: j.update(journeymap=1.1)),
        edit(v11(lambda j: None)),
    ),
    "JM803": (
        edit(v11(lambda j: step(j).update(opportunities=["Paiement en un clic"]))),
        edit(
            v11(
                lambda j: step(j).update(
                    opportunities=[{"text": "Paiement en un clic", "status": "done"}]
                )
            )
        ),
    ),
    "JM804": (
        edit(v11(lambda j: step(j).update(backstage=["Vérification du stock"]))),
        edit(
            v11(
                lambda j: step(j).update(
                    backstage=[{"text": "Vérification du stock", "owner": "magasin"}]
                )
            )
        ),
    ),
    "JM901": (
        comment("# journeymap: disable-file=JM401"),
        on_line(edit(set_text("La température baisse")), "température", "disable=JM401"),
    ),
    "JM902": (
        comment("# journeymap: disable-file=JM499"),
        on_line(edit(set_text("La température baisse")), "température", "disable=not-first-person"),
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fails_on_its_fixture(code: str) -> None:
    assert code in codes(CASES[code][0]())


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_passes_its_near_miss(code: str) -> None:
    found = codes(CASES[code][1]())
    assert code not in found


def test_the_base_journeys_are_clean() -> None:
    assert codes(BASE_FR) == []
    assert codes(BASE_EN) == []


def test_every_rule_has_a_failing_and_a_passing_fixture() -> None:
    assert set(CASES) == {r.code for r in all_rules()}


@pytest.mark.parametrize(
    ("metrics", "expected"),
    [
        ({"csat": 4.2}, ["JM705"]),  # out of 5: the scale is the finding, not a missing irritant
        ({"nps": 7.8}, ["JM705"]),
        ({"csat": 41}, ["JM603"]),  # a real percent, and poor
        ({"nps": -20}, ["JM603"]),
    ],
)
def test_a_figure_on_another_scale_is_not_also_read_as_poor(
    metrics: dict[str, float], expected: list[str]
) -> None:
    journey = edit(lambda j: touchpoint(j).update(metrics=metrics, irritants=[]))()
    found = [c for c in codes(journey) if c in {"JM603", "JM705"}]
    assert found == expected
