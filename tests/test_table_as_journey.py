"""A journey map kept in a spreadsheet and saved as CSV, given to `validate`, `lint` or
`import`: one line saying it is a table, and what to write instead.

The header is the one a public journey-mapping guide gives for its CSV export
(`Stage,Touchpoint,User Action,Thought/Quote,Emotion,Pain Point,Opportunity,Confidence`,
index of public GitHub files, ids 52017545392 and 52339331840, the row from its example).
Before, `validate` said "the top level is a single value" (YAML reads the CSV as one
string), or "invalid YAML: did not find expected <document start>" when the first cell
was quoted; `import` said it was "neither a Mermaid journey ... nor Enablement Map Studio".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import invoke

GUIDE = (
    "Stage,Touchpoint,User Action,Thought/Quote,Emotion,Pain Point,Opportunity,Confidence\n"
    'Awareness,Welcome email from HR,"Opens email, skims onboarding agenda, clicks link to '
    'company wiki","There\'s a lot of information here. Where do I start?",Overwhelmed,'
    "Email contains 8 links and no clear priority order,Restructure welcome email,High\n"
)
FIX = "write the journey as a journey file ('journeymap: 1', stages, steps: see the README's"


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("journey.csv", GUIDE, "',' between 'Stage', 'Touchpoint', 'User Action', ..."),
        ("quoted.csv", '"Stage","Step","Emotion"\n"Buy","Pay, then wait","-1"\n', "','"),
        ("excel-fr.csv", "Étape;Action;Émotion\nAchat;Payer;-1\n", "';' between 'Étape'"),
        ("sheet.tsv", "Stage\tStep\tEmotion\nBuy\tPay: by card\t-1\n", "tabs between"),
    ],
)
def test_a_table_given_as_a_journey_is_one_line(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", path)
    assert result.code == 1
    first, summary = result.stdout.splitlines()
    assert first.startswith(f"{path}:1:1: error[JM005] not a journey file: a CSV table (")
    assert said in first and FIX in first
    assert summary == "✗ 1 error in 1 of 1 file"
    imported = invoke("import", path, "-o", tmp_path / "out")
    assert imported.code == 2
    assert imported.stderr.startswith(f"{path}: error[JM009] a CSV table (")
    assert "`import` reads Mermaid journeys and Enablement Map Studio" in imported.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Broken YAML whose lines hold commas stays broken YAML, named where it breaks.
        ("title: Hello, world\nname: Foo, bar\n  bad: [\n", "error[JM002] invalid YAML"),
        ("[a, b]\n[c, d]\n", "error[JM002] invalid YAML"),
        # One line of words and commas is no table.
        ("just, a sentence, with commas\n", "the top level is a single value"),
    ],
)
def test_yaml_with_commas_is_not_taken_for_a_table(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", path)
    assert result.code == 1
    assert expected in result.stdout and "CSV table" not in result.stdout
