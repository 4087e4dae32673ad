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


# The sets measured blind once, then brought in (tests/corpus/<part>-*.yaml): internal
# precision and recall per language may not fall below these, and voice stays >= 0.95.
# - second: new sources, measured blind once; the floor guards what the categories read
#   from it (recall there is still well below the others).
# - third: measured blind at the end of the session that read the second; since it has
#   been read (the classes of h13c), the measure now minus a margin, so no later change
#   loses the ground recovered on writing the rules were not first built on.
# - fourth: collected outside the repository while the detector was improved by others,
#   measured blind at the end of that session, then brought in; read since (h13d: named
#   persons, the journey's cast, refunds issued, runs of back-office signs), so its floor
#   is now the measure minus a margin, as for the second and third.
# - fifth: collected outside the repository while h13d worked, measured blind, then read
#   for the voice regression it showed (four questions), and by h13e with the fourth for
#   the classes read from who does what (job titles, status lines, seller's verb and
#   object pairs, work in progress, progress marked); its floor is the measure now
#   minus a margin.
# - h13f raised the recall floors for what the sentence's structure reads (a third party
#   at work with no customer in sight, a file or goods worked on in an agentless passive,
#   a checklist over every item): the measure now minus a margin of about 0.01. The third
#   party is read in French only and the agentless passive in English only, as the
#   seventh blind set measured (tests/lint/test_internal_structure.py): floors lowered to
#   match.
# - #13 (context13): the agentless passive read in French too (verdicts, successes and
#   limits set by law told apart), and a weak sign between signed steps of a journey
#   that follows a staff procedure, a stage named with one in a journey of back-office
#   steps, tasks in steps read as back-office work four in five: recall floors raised
#   to the measure now minus about 0.01; the eighth set (two readers, adjudicated) gets
#   its floor.
# - #13 (precision9): the customer's side of a text (addressed as the one who acts, told,
#   a capability, a price, a procedure named) no longer read as back-office work: 35
#   false alarms removed, none added, no true finding lost; the eighth set's precision
#   floors raised, the ninth set (labelled blind, measured blind twice) gets its floor:
#   the measure now minus about 0.01.
# - #13 (tenth): the tenth set, labelled blind and measured once by the rules of 0366e42
#   (en 0.818 / 0.586, fr 0.857 / 0.545, unchanged on the merged main), gets its floor:
#   the measure minus about 0.01, before any rule is tuned on it.
PART_FLOOR = {
    ("second", "fr"): (0.96, 0.70),
    ("second", "en"): (0.95, 0.75),
    ("third", "fr"): (0.94, 0.59),
    ("third", "en"): (0.92, 0.67),
    ("fourth", "fr"): (0.84, 0.63),
    ("fourth", "en"): (0.91, 0.68),
    ("fifth", "fr"): (0.90, 0.80),
    ("fifth", "en"): (0.91, 0.51),
    ("eighth", "fr"): (0.77, 0.48),
    ("eighth", "en"): (0.77, 0.47),
    ("ninth", "fr"): (0.69, 0.53),
    ("ninth", "en"): (0.81, 0.56),
    ("tenth", "fr"): (0.84, 0.53),
    ("tenth", "en"): (0.80, 0.57),
}


@pytest.mark.parametrize(("part", "lang"), list(PART_FLOOR))
def test_each_set_measured_blind_stays_above_its_floor(part: str, lang: str) -> None:
    precision, recall = scores(heldout=part)[lang]["internal"]
    floor_precision, floor_recall = PART_FLOOR[part, lang]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)
    assert min(scores(heldout=part)[lang]["voice"]) >= 0.95
