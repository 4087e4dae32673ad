"""The method rules on real writing: the corpus measurement may not fall below its floor.

The floor is the measured value rounded down (README.md gives the numbers); a change that
makes the rules misread real journeys fails here before it reaches a user.
"""

from __future__ import annotations

import pytest
from benchmarks.corpus import scores

FLOOR = {
    ("fr", "voice"): (0.98, 0.98),
    ("en", "voice"): (0.98, 0.98),
    ("fr", "internal"): (0.97, 0.95),
    ("en", "internal"): (0.97, 0.95),
}


@pytest.mark.parametrize(("lang", "family"), list(FLOOR))
def test_precision_and_recall_stay_above_their_floor(lang: str, family: str) -> None:
    precision, recall = scores(heldout=False)[lang][family]
    floor_precision, floor_recall = FLOOR[lang, family]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)


# The second set (tests/corpus/second-*.yaml): new sources, measured blind once. Its floor
# guards what the categories read from it; recall there is still well below the others.
SECOND_FLOOR = {"fr": (0.93, 0.63), "en": (0.93, 0.70)}


@pytest.mark.parametrize("lang", list(SECOND_FLOOR))
def test_the_second_set_stays_above_its_floor(lang: str) -> None:
    precision, recall = scores(heldout="second")[lang]["internal"]
    floor_precision, floor_recall = SECOND_FLOOR[lang]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)
    assert min(scores(heldout="second")[lang]["voice"]) >= 0.95


# The third set (tests/corpus/third-*.yaml): measured blind at the end of the session that
# read the second. Its floor was that blind measurement; since the set has been read (the
# classes of h13c), it is the measure now minus a margin, so no later change loses the
# ground recovered on writing the rules were not first built on.
THIRD_FLOOR = {"fr": (0.91, 0.51), "en": (0.89, 0.56)}


@pytest.mark.parametrize("lang", list(THIRD_FLOOR))
def test_the_third_set_stays_above_its_blind_measure(lang: str) -> None:
    precision, recall = scores(heldout="third")[lang]["internal"]
    floor_precision, floor_recall = THIRD_FLOOR[lang]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)
    assert min(scores(heldout="third")[lang]["voice"]) >= 0.95


# The fourth set (tests/corpus/fourth-*.yaml): collected outside the repository while the
# detector was improved by others, measured blind at the end of that session, then
# brought in. Its floor is that blind measure: no later change may lose ground on it.
FOURTH_FLOOR = {"fr": (0.74, 0.38), "en": (0.86, 0.56)}


@pytest.mark.parametrize("lang", list(FOURTH_FLOOR))
def test_the_fourth_set_stays_above_its_blind_measure(lang: str) -> None:
    precision, recall = scores(heldout="fourth")[lang]["internal"]
    floor_precision, floor_recall = FOURTH_FLOOR[lang]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)
    assert min(scores(heldout="fourth")[lang]["voice"]) >= 0.95
