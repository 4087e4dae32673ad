"""Journeys written to be hard on the site's reader: many of them, a huge one, long and
foreign texts, texts that look like markup, no figures at all and every figure.

Written as YAML (through PyYAML, so quoting is right) into a folder that the browser
tests build once with the real CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

BULK = 200
CHANNELS = [
    ("web", "Website", "digital"),
    ("app", "Mobile app", "digital"),
    ("phone", "Call centre", "phone"),
    ("store", "Store", "physical"),
    ("mail", "Letter", "mail"),
    ("chat", "Chat", "messaging"),
]
OWNERS = ["CX team", "Digital", "Retail network", "Claims", "Billing", None]
STATUSES = ["draft", "validated", "archived", None]
LONG = (
    "I read the whole of the terms and conditions on a small screen, scroll back to the "
    "fees table twice because the figures moved when the cookie banner closed, and still "
    "do not know what the transfer will cost me in the end, nor when it will arrive "
) * 3
LONG_WORD = "Supercalifragilisticexpialidocious-reference-number-" * 4
RTL_AR = "أقارن 3 عروض على الموقع قبل أن أشترك."
RTL_HE = "אני משווה את ההצעות באתר (2 אתרים) לפני ההרשמה!"
ZH = "我在网站上比较各种报价然后再注册"
EMOJI = "I pay with my phone 📱💳 and it works 🎉👍🏽"
HTML = "I type <script>alert('x')</script> & see &amp; in the <b>form</b>"
SEVERE = "The page said <b>done</b> but nothing & nobody called"


def _touchpoint(channel: str, volume: int | None, csat: int | None) -> dict[str, Any]:
    found: dict[str, Any] = {"channel": channel}
    if volume is not None:
        found["volume"] = volume
    if csat is not None:
        found["metrics"] = {"csat": csat, "nps": csat - 60, "ces": round(7 - csat / 20, 1)}
    return found


def bulk(number: int) -> dict[str, Any]:
    """One of the many small journeys: channels, owners and statuses in rotation."""
    channels = [CHANNELS[(number + k) % len(CHANNELS)] for k in range(2)]
    owner = OWNERS[number % len(OWNERS)]
    status = STATUSES[number % len(STATUSES)]
    stages = []
    for s in range(3):
        steps = []
        for t in range(2):
            step_id = f"s{s}t{t}"
            csat = None if number % 7 == 0 else 30 + (number * 7 + s * 11 + t * 5) % 65
            volume = None if number % 7 == 0 else 100 * (1 + (number * 13 + s + t) % 50)
            touchpoint = _touchpoint(channels[t % 2][0], volume, csat)
            if csat is not None and csat < 50:
                touchpoint["irritants"] = [f"I wait too long at step {s}.{t} of journey {number}"]
            steps.append(
                {
                    "id": step_id,
                    "text": f"I do thing {s}.{t} in journey {number}",
                    "emotion": (number + s + t) % 5 - 2,
                    "touchpoints": [touchpoint],
                }
            )
        stages.append({"id": f"stage-{s}", "name": f"Stage {s}", "steps": steps})
    journey: dict[str, Any] = {
        "journeymap": 1.1,
        "id": f"bulk-{number:03d}",
        "title": f"Bulk journey number {number}",
        "lang": "en",
        "channels": [{"id": i, "name": n, "kind": k} for i, n, k in channels],
        "stages": stages,
    }
    if owner:
        journey["owner"] = owner
    if status:
        journey["status"] = status
    return journey


def huge() -> dict[str, Any]:
    """40 stages, 300 steps, three channels."""
    stages = []
    number = 0
    for s in range(40):
        steps = []
        for _ in range(8 if s < 20 else 7):
            channel = CHANNELS[number % 3][0]
            step: dict[str, Any] = {
                "id": f"h{number}",
                "text": f"I go through step {number} of the long journey",
                "touchpoints": [_touchpoint(channel, 50 + number, 40 + number % 50)],
            }
            if number % 4:  # every fourth step unrated
                step["emotion"] = number % 5 - 2
            steps.append(step)
            number += 1
        stages.append({"id": f"hs{s}", "name": f"Stage {s}", "steps": steps})
    assert number == 300
    return {
        "journeymap": 1,
        "id": "huge",
        "title": "A journey of 40 stages and 300 steps",
        "lang": "en",
        "channels": [{"id": i, "name": n, "kind": k} for i, n, k in CHANNELS[:3]],
        "stages": stages,
    }


def writing() -> dict[str, Any]:
    """Long, right-to-left, Chinese, emoji and markup-looking texts."""
    texts = [LONG, LONG_WORD, RTL_AR, RTL_HE, ZH, EMOJI, HTML]
    steps = []
    for n, text in enumerate(texts):
        touchpoint = _touchpoint("web", 1000 + n, 35)
        touchpoint["irritants"] = [{"text": LONG + text, "category": "process"}]
        touchpoint["name"] = text if n != 0 else "Fees page"
        steps.append({"id": f"w{n}", "text": text, "emotion": -1, "touchpoints": [touchpoint]})
    return {
        "journeymap": 1,
        "id": "writing",
        "title": "Hard writing <b>bold</b> & co 🎉",
        "lang": "en",
        "persona": {"name": "Reader of " + RTL_AR, "description": LONG},
        "channels": [{"id": "web", "name": "Website <web>", "kind": "digital"}],
        "stages": [
            {"id": "read", "name": "Read & sign", "steps": steps[:4]},
            {"id": "sign", "name": ZH, "steps": steps[4:]},
        ],
    }


WEB = {"channel": "web"}


def bare() -> dict[str, Any]:
    """No figure anywhere: no volume, no score, no emotion."""
    return {
        "journeymap": 1,
        "id": "bare",
        "title": "A journey without any figure",
        "lang": "en",
        "channels": [{"id": "web", "name": "Website", "kind": "digital"}],
        "stages": [
            {
                "id": "look",
                "name": "Look",
                "steps": [
                    {"id": "b1", "text": "I look at the offer", "touchpoints": [WEB]},
                    {"id": "b2", "text": "I ask a question", "touchpoints": [WEB]},
                ],
            }
        ],
    }


def full() -> dict[str, Any]:
    """Every metric, on every touchpoint, with KPIs and their sources."""
    metrics = {
        "csat": 22,
        "nps": -55,
        "ces": 6.1,
        "source": "Survey",
        "period": "2026-Q3",
        "n": 800,
        "method": "top-2 box",
        "kpis": [{"name": "Drop-off", "value": 31, "unit": "%", "target": 10}],
    }
    return {
        "journeymap": 1.1,
        "id": "full",
        "title": "A journey with every figure",
        "lang": "en",
        "owner": "Claims",
        "status": "validated",
        "kpis": [{"name": "Claims closed", "value": 71, "unit": "%", "target": 90}],
        "channels": [{"id": "phone", "name": "Call centre", "kind": "phone"}],
        "stages": [
            {
                "id": "claim",
                "name": "Claim",
                "steps": [
                    {
                        "id": "f1",
                        "text": "I call to declare the damage",
                        "emotion": -2,
                        "touchpoints": [
                            {
                                "channel": "phone",
                                "volume": 90000,
                                "metrics": metrics,
                                "irritants": [SEVERE],
                                "breakpoints": ["I am cut off after 20 minutes"],
                            }
                        ],
                    }
                ],
            }
        ],
    }


def write_journeys(folder: Path, journeys: list[dict[str, Any]]) -> list[str]:
    """Each journey as a YAML file in `folder`; their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for journey in journeys:
        text = yaml.safe_dump(journey, allow_unicode=True, sort_keys=False, width=1000)
        (folder / f"{journey['id']}.yaml").write_text(text, encoding="utf-8")
    return [journey["id"] for journey in journeys]


def write_hard(folder: Path) -> list[str]:
    """Every hard journey as a YAML file in `folder`; their ids."""
    return write_journeys(
        folder, [bulk(n) for n in range(BULK)] + [huge(), writing(), bare(), full()]
    )
