"""Which tool wrote an export (Qualtrics, SurveyMonkey, Typeform, Google Forms, plain CSV),
told from its header rows, and the columns those header rows name."""

from __future__ import annotations

import json

from journeymap.metrics.survey import Column, fold

TIMESTAMP_HEADERS = {
    "timestamp": "mdy",
    "horodateur": "dmy",
    "marca temporal": "dmy",
    "zeitstempel": "dmy",
    "informazioni cronologiche": "dmy",
    "carimbo de data/hora": "dmy",
    # As public scripts that read those sheets name the column (tests/data/surveys/README.md).
    "tijdstempel": "dmy",
    "sygnatura czasowa": "dmy",
    "отметка времени": "dmy",
    "タイムスタンプ": "ymd",
    "타임스탬프": "ymd",  # Korean: `2026. 9. 1 오후 3:00:00`
}
"""Google Forms' first column in the sheet's language, and how that locale writes dates."""


HEADER_ROWS = {"qualtrics": 3, "surveymonkey": 2}


def header_rows(shape: str, records: list[tuple[int, list[str]]]) -> int:
    """How many rows head the export: Qualtrics wrote two before its ImportId row (2017)."""
    if shape == "qualtrics" and len(records) > 1 and records[0][1][:2] == ["V1", "V2"]:
        third = records[2][1] if len(records) > 2 else []
        if not any(c.strip().startswith('{"ImportId"') for c in third):
            return 2
    if shape == "typeform" and grouped_typeform(records):
        return 2
    if shape == "surveymonkey" and len(records) > 1 and records[1][1][0].strip():
        # The condensed export leaves its second header row blank (`,,,,`): blank rows are
        # not records, so the next record already holds an answer (its Respondent ID,
        # which the real second header row leaves empty).
        return 1
    return HEADER_ROWS.get(shape, 1)


def blank_second_header(shape: str, records: list[tuple[int, list[str]]], rows: int) -> bool:
    """Whether a SurveyMonkey export's second header row was the blank one: that row is
    part of the header, not an empty answer to report."""
    if shape != "surveymonkey" or rows != 1 or len(records) < 2:
        return False
    header_lines = 1 + sum(cell.count("\n") for cell in records[0][1])
    return records[1][0] > records[0][0] + header_lines


def detect_shape(records: list[tuple[int, list[str]]]) -> str:
    header = [c.strip() for c in records[0][1]] if records else []
    third = records[2][1] if len(records) > 2 else []
    if any(c.strip().startswith('{"ImportId"') for c in third):
        return "qualtrics"
    folded = {fold(c) for c in header}
    second = {fold(c) for c in records[1][1]} if len(records) > 1 else set()
    if header[:2] == ["V1", "V2"] and "responseid" in second:
        return "qualtrics"  # the export before 2017: V1, V2... over ResponseID, StartDate...
    if {"respondent id", "collector id"} <= folded or (
        "respondent id" in folded and second & {"response", "open-ended response"}
    ):
        return "surveymonkey"
    if header and fold(header[0]) in TIMESTAMP_HEADERS:
        return "google-forms"
    # Typeform's own columns; `Submitted At` alone is any form tool's (and still a date).
    if folded & {"submit date (utc)", "network id"} or header[:1] == ["#"]:
        return "typeform"
    if grouped_typeform(records):
        return "typeform"
    return "csv"


def grouped_typeform(records: list[tuple[int, list[str]]]) -> bool:
    """A Typeform export with a row of group titles above its header (a multi-choice
    question's text over the columns of its choices, blank elsewhere; the Cantera user
    survey's `responses.csv`): the `#` token column heads the second row, not the first."""
    if len(records) < 2 or not records[0][1] or not records[1][1]:
        return False
    return not records[0][1][0].strip() and records[1][1][0].strip() == "#"


def qualtrics_columns(records: list[tuple[int, list[str]]]) -> list[Column]:
    ids, texts, imports = (records[i][1] for i in range(3))
    columns = []
    for index, key in enumerate(ids):
        names = [key.strip()]
        if index < len(texts) and texts[index].strip():
            names.append(texts[index].strip())
        if index < len(imports):
            try:
                info = json.loads(imports[index])
            except ValueError:
                info = None
            if isinstance(info, dict) and isinstance(info.get("ImportId"), str):
                names.append(info["ImportId"])
        columns.append(Column(index, tuple(names)))
    return columns


def surveymonkey_columns(records: list[tuple[int, list[str]]]) -> list[Column]:
    """Two header rows, a question over the columns of its answers (SurveyMonkey, and a
    Typeform export with group titles): each column named by both, and by its own."""
    questions, answers = records[0][1], records[1][1] if len(records) > 1 else []
    columns = []
    current = ""
    for index, heading in enumerate(questions):
        if heading.strip():
            current = heading.strip()
        sub = answers[index].strip() if index < len(answers) else ""
        if sub and not current:
            names: tuple[str, ...] = (sub,)
        elif sub and sub.casefold() not in {"response", "open-ended response"}:
            names = (f"{current} - {sub}", sub)
        else:
            names = (current,)
        columns.append(Column(index, names))
    return columns
