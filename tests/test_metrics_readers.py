"""The survey readers and formulas on small inputs, each figure worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.metrics.compute import (
    ces,
    compute,
    csat,
    nps,
    period_text,
    read_answer,
    round_half_away,
)
from journeymap.metrics.mapping import MappingError, Question, parse_mapping
from journeymap.metrics.readers import (
    SurveyError,
    decode,
    parse_day,
    read_survey,
    sniff_separator,
)


def test_nps_csat_ces_by_hand() -> None:
    # 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0..6): (3 - 5) / 10 = -20
    assert nps([9, 10, 10, 7, 8, 0, 3, 6, 6, 5]) == -20
    # top-2 box on 1-5: 4 and 5 count, 3 of 4 answers
    assert csat([5, 4, 4, 1], (1, 5)) == 75
    # top-2 box on 0-10 is 9-10
    assert csat([10, 9, 8, 2], (0, 10)) == 50
    # CES on 1-7 as is; an agreement turned round: 8 - (7, 6) = (1, 2), mean 1.5
    assert ces([2, 3, 4], (1, 7), reverse=False) == 3
    assert ces([7, 6], (1, 7), reverse=True) == 1.5
    # 1-5 answers put on 1-7: 1 -> 1, 5 -> 7, 3 -> 4
    assert ces([1, 5, 3], (1, 5), reverse=False) == 4


def test_rounding_is_half_away_from_zero() -> None:
    assert round_half_away(12.5) == 13
    assert round_half_away(-12.5) == -13
    assert round_half_away(2.45, 1) == 2.5
    assert round_half_away(100 * 2 / 3) == 67


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9", 9.0),
        (" 10 - Extremely likely ", 10.0),
        ("0 - Not at all likely", 0.0),
        ("", None),
        ("11", "Q1 '11' is outside 0-10"),
        ("7,5", "Q1 '7,5' is not a whole number on 0-10"),
        ("dix", "Q1 'dix' is not a number on 0-10; add it to the question's labels"),
    ],
)
def test_nps_answers(cell: str, expected: object) -> None:
    assert read_answer(cell, Question(column="Q1"), "nps", (0, 10)) == expected


def test_labels_and_decimal_commas() -> None:
    question = Question.model_validate({"column": "Q2", "labels": {"Très satisfait": 5}})
    assert read_answer("très satisfait", question, "csat", (1, 5)) == 5
    assert read_answer("4,5", Question(column="Q3"), "ces", (1, 7)) == 4.5


def test_decoding() -> None:
    text = "Date;Note\n01/09/2026;5\n"
    assert decode(b"\xef\xbb\xbf" + text.encode(), "x") == (text, "utf-8-sig")
    assert decode(b"\xff\xfe" + text.encode("utf-16-le"), "x") == (text, "utf-16")
    assert decode(text.encode("utf-16-le"), "x") == (text, "utf-16-le")
    assert decode("Qualité;Note\n".encode("cp1252"), "x") == ("Qualité;Note\n", "cp1252")
    with pytest.raises(SurveyError, match="unknown encoding"):
        decode(b"a", "x", "klingon")


def test_separators() -> None:
    assert sniff_separator("a,b,c\n1,2,3\n") == ","
    assert sniff_separator("a;b;c\n1,5;2;3\n") == ";"
    assert sniff_separator("a\tb\n1,5\t2\n") == "\t"
    assert sniff_separator('a,"b;c"\n1,2\n') == ","


def test_dates_in_the_tools_formats() -> None:
    assert parse_day("2026-07-03 09:12:44", "dmy") == date(2026, 7, 3)
    assert parse_day("07/03/2026 09:12:44 AM", "mdy") == date(2026, 7, 3)
    assert parse_day("03/07/2026 09:12:44", "dmy") == date(2026, 7, 3)
    assert parse_day("2026-07-03T09:12:44Z", "dmy") == date(2026, 7, 3)
    assert parse_day("3.7.2026", "dmy") == date(2026, 7, 3)
    assert parse_day("31/02/2026", "dmy") is None
    assert parse_day("yesterday", "dmy") is None


def test_ambiguous_dates_follow_the_data_then_the_tool() -> None:
    day_first = "Timestamp,Q\n01/02/2026 10:00:00,9\n25/02/2026 10:00:00,9\n"
    survey = read_survey(day_first.encode(), "gf.csv")
    assert survey.shape == "google-forms" and survey.date_order == "dmy"
    assert [r.day for r in survey.rows] == [date(2026, 2, 1), date(2026, 2, 25)]
    unknown = "Timestamp,Q\n01/02/2026 10:00:00,9\n"
    guessed = read_survey(unknown.encode(), "gf.csv")
    assert guessed.date_order == "mdy" and guessed.date_order_guessed
    assert not survey.date_order_guessed
    forced = read_survey(unknown.encode(), "gf.csv", date_order="dmy")
    assert forced.rows[0].day == date(2026, 2, 1)


def test_period_text_is_the_shortest_exact_form() -> None:
    assert period_text(date(2026, 7, 1), date(2026, 9, 30)) == "2026-Q3"
    assert period_text(date(2026, 9, 1), date(2026, 9, 30)) == "2026-09"
    assert period_text(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert period_text(date(2026, 7, 1), date(2026, 12, 31)) == "2026-H2"
    assert period_text(date(2026, 9, 3), date(2026, 9, 3)) == "2026-09-03"
    assert period_text(date(2026, 9, 3), date(2026, 10, 2)) == "2026-09-03..2026-10-02"


def test_a_column_may_be_named_by_id_text_or_import_id() -> None:
    data = (
        b'Q1,Status,Finished\n"How likely?",Response Type,Finished\n'
        b'"{""ImportId"":""QID1""}","{""ImportId"":""status""}","{""ImportId"":""finished""}"\n'
        b"9,0,1\n"
    )
    survey = read_survey(data, "q.csv")
    assert survey.shape == "qualtrics"
    column = survey.column("Q1")
    assert column is not None
    assert survey.column("how likely?") == column == survey.column("QID1")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("period: 20261", "m.yaml: period: write a period like '2026', '2026-Q3'"),
        ("period: 2026-09-30", None),
        ("period: 2026", None),
        (
            "filter: {from: 2026-10-01, to: 2026-09-30}",
            "m.yaml: filter: 'to' (2026-09-30) is before",
        ),
        ("min-n: 0", "m.yaml: min-n: Input should be greater than or equal to 1"),
        ("format: excel", "m.yaml: format: Input should be 'auto', 'qualtrics'"),
    ],
)
def test_mapping_errors_name_the_key(text: str, message: str | None) -> None:
    body = f"source: x\n{text}\ntouchpoints: [{{step: s, channel: c, nps: Q}}]\n"
    if message is None:
        parse_mapping(body, "m.yaml")
        return
    with pytest.raises(MappingError) as caught:
        parse_mapping(body, "m.yaml")
    assert str(caught.value).startswith(message)


MAPPING = parse_mapping("source: x\nmin-n: 1\ntouchpoints: [{step: s, channel: c, nps: Q}]\n", "m")


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_figures_or_a_survey_error(data: bytes) -> None:
    try:
        survey = read_survey(b"Q,Date\n" + data, "fuzz.csv")
        compute(survey, MAPPING)
    except SurveyError as exc:
        assert str(exc).startswith("fuzz.csv")


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.text(max_size=6), min_size=1, max_size=4), max_size=8))
def test_any_table_gives_figures_or_a_survey_error(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Q", "Date"], *rows])
    try:
        survey = read_survey(buffer.getvalue().encode(), "fuzz.csv")
        result = compute(survey, MAPPING)
    except SurveyError:
        return
    lines = {bad.line for bad in result.bad}
    counted = sum(f.n for r in result.results for f in r.figures)
    assert counted + len(lines) <= len(rows)


def test_surveymonkey_choice_columns_and_ambiguous_names() -> None:
    data = (
        b"Respondent ID,Collector ID,Which plan?,,Which add-on?,\n"
        b",,Team,Other,SSO,Other\n"
        b"1,2,Team,,SSO,\n"
    )
    survey = read_survey(data, "sm.csv")
    assert survey.shape == "surveymonkey"
    team = survey.column("Which plan? - Team")
    assert team is not None and team.index == 2
    assert survey.column("Which plan?") is None
    with pytest.raises(SurveyError, match=r"'Other' names 2 columns"):
        survey.column("Other")


def test_empty_rows_and_broken_quoting_are_counted() -> None:
    survey = read_survey(b'Q,R\n9,1\n,\n\n8,"2\n', "e.csv")
    assert survey.skipped["empty rows"] == 2
    assert [(b.line, b.reason[:15]) for b in survey.bad] == [(5, "broken quoting ")]
    assert [r.cells for r in survey.rows] == [("9", "1")]
