"""A JSON export of survey answers, as the rows a CSV export would hold.

Tools and their APIs give answers as JSON: SurveyJS stores each respondent's results as
one object (`{"nps_score": 9, ...}`), Alchemer (SurveyGizmo) wraps its responses in
`{"result_ok": true, "data": [...]}`, Typeform's Responses API in `{"items": [...]}`
with each answer as `{"field": {"ref": ...}, "type": "number", "number": 9}`, Qualtrics'
JSON export in `{"responses": [{"responseId": ..., "values": {...}, "labels": {...}}]}`,
LimeSurvey in `{"responses": [{"12": {...}}]}` (each response under its id), Jotform's
API in `{"content": [...]}` with each answer under its question id (`{"text": ...,
"answer": ...}`); JSON Lines holds one object a line. Each response becomes a row, each key a
column (a nested object's keys as `hidden.step`), each record keeps the line it starts
on, so that every reader (dates, decimal commas, labels) works unchanged and a bad row
is named by its line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from journeymap.metrics.survey import SurveyError, as_exported

Records = list[tuple[int, list[str]]]
Aliases = dict[str, tuple[str, ...]]
"""A column's other names: a Typeform answer is named by its field's `ref`, and found by
its field `id` or its question's title too (a webhook payload's `definition.fields`)."""


class NotJson(SurveyError):
    """Text that starts like JSON but does not parse as JSON or JSON Lines."""


WRAPPERS = (
    "responses",
    "items",
    "data",
    "content",
    "results",
    "answers",
    "submissions",
    "records",
)
"""Keys that hold the list of responses in the tools' JSON, tried in this order."""


def looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    return head in {"[", "{"}


def tabular(text: str) -> bool:
    """Whether a text that starts like JSON but is none is a CSV whose first header starts
    with a bracket (`[question(2)],...`): a separator on its first line and no JSON key."""
    first = text.lstrip().split("\n", 1)[0]
    return any(sep in first for sep in ",;\t|") and '":' not in first and '" :' not in first


def read_json(text: str, name: str) -> tuple[Records, str, str, Aliases]:
    """The header and one record per response, where they were found ("responses under
    'data'"), the shape ('qualtrics' for Qualtrics' JSON export, whose status and
    finished flags then set rows aside as in its CSV; else 'json') and the other names of
    its columns (a Typeform answer's field id and question title besides its `ref`), or
    SurveyError naming the file and what is wrong."""
    try:
        return _read(text, name)
    except RecursionError:
        raise SurveyError(
            f"{name}: JSON nested too deeply to hold survey responses; export the responses as CSV"
        ) from None


def _read(text: str, name: str) -> tuple[Records, str, str, Aliases]:
    starts: list[int] | None
    try:
        document = json.loads(text)
    except ValueError as exc:
        lines = _json_lines(text, name)
        if lines is None:
            line = getattr(exc, "lineno", 1)
            message = getattr(exc, "msg", str(exc))
            raise NotJson(
                f"{name}:{line}: not valid JSON ({message}); export the responses again"
            ) from None
        starts, items = [n for n, _ in lines], [item for _, item in lines]
        where = "one response a line (JSON Lines)"
    else:
        key, items = _responses(document, name)
        if key is None:
            where = "an array of responses"
        elif not key:
            where = "an object of responses keyed by id"
        else:
            where = f"responses under '{key}'"
        starts = _starts(text, key, len(items))
    items = [_unwrap(item) for item in items]
    if all(_is_surveymonkey(item) for item in items):
        raise SurveyError(
            f"{name}: SurveyMonkey API responses: their answers are choice ids "
            '(`"choice_id": "651972985"`), not the ratings; export the responses from '
            "SurveyMonkey as CSV or XLSX (All individual responses)"
        )
    qualtrics = all(_is_qualtrics(item) for item in items)
    if qualtrics:
        items = [_qualtrics(item) for item in items]
    aliases: dict[str, dict[str, None]] = {}
    rows = [_flatten(item, name, aliases=aliases) for item in items]
    header: dict[str, None] = {}
    for row in rows:
        header.update(dict.fromkeys(row))
    if not header:
        raise SurveyError(f"{name}: the responses in the JSON hold no answers")
    names = list(header)
    numbers = starts or [index + 1 for index in range(len(rows))]
    records: Records = [(1, names)]
    for line, row in zip(numbers, rows, strict=True):
        records.append((line, [row.get(k, "") for k in names]))
    others = {column: tuple(n for n in names if n != column) for column, names in aliases.items()}
    return records, where, "qualtrics" if qualtrics else "json", others


def _is_surveymonkey(item: dict[str, Any]) -> bool:
    """A response of SurveyMonkey's API (`/surveys/{id}/responses/bulk`): `pages`, each
    with `questions`, each with `answers` of choice ids."""
    pages = item.get("pages")
    return (
        isinstance(pages, list)
        and bool(pages)
        and all(isinstance(p, dict) and isinstance(p.get("questions"), list) for p in pages)
    )


def _is_qualtrics(item: dict[str, Any]) -> bool:
    """A response of Qualtrics' JSON export: `{"responseId": "R_...", "values": {...},
    "labels": {...}, "displayedFields": [...], "displayedValues": {...}}`."""
    return isinstance(item.get("responseId"), str) and isinstance(item.get("values"), dict)


def _qualtrics(item: dict[str, Any]) -> dict[str, Any]:
    """Its values under their own names (`QID1`, `recordedDate`, `status`, `finished`),
    as the CSV export's columns; the choices' text as `labels.QID1`."""
    labels = item.get("labels")
    return {
        "responseId": item["responseId"],
        **item["values"],
        **({"labels": labels} if isinstance(labels, dict) else {}),
    }


def _json_lines(text: str, name: str) -> list[tuple[int, Any]] | None:
    """JSON Lines (one object a line, as streamed exports and collected webhooks write),
    None when the first line is no object on its own (then the text is broken JSON), or
    SurveyError naming the first line that is not one."""
    found: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            if not found:
                return None
            raise SurveyError(
                f"{name}:{number}: not valid JSON ({getattr(exc, 'msg', exc)}) in JSON Lines "
                "(one response object a line)"
            ) from None
        if not isinstance(item, dict):
            if not found:
                return None
            raise SurveyError(
                f"{name}:{number}: a JSON {type(item).__name__}, not a response object, in "
                "JSON Lines (one response object a line)"
            )
        found.append((number, item))
    return found or None


def _responses(document: Any, name: str, depth: int = 0) -> tuple[str | None, list[Any]]:
    """The list of responses: the document itself, or the list under one of its keys."""
    if isinstance(document, list):
        if not document:
            raise SurveyError(f"{name}: the JSON array is empty: no responses to read")
        if not all(isinstance(item, dict) for item in document):
            kinds = sorted({type(item).__name__ for item in document if not isinstance(item, dict)})
            raise SurveyError(
                f"{name}: the JSON array holds {', '.join(kinds)} values, not one object per "
                "response"
            )
        return None, document
    if isinstance(document, dict):
        for key in [k for k in document if k.casefold() in WRAPPERS]:
            if _keyed(document[key]):
                return key, list(document[key].values())
        if depth == 0 and len(document) > 1 and _keyed(document):
            return "", list(document.values())
        lists = {k: v for k, v in document.items() if isinstance(v, list)}
        for key in [*(k for k in lists if k.casefold() in WRAPPERS), *lists]:
            if lists[key] and all(isinstance(item, dict) for item in lists[key]):
                return key, lists[key]
        for key in WRAPPERS:
            if key in lists and not lists[key]:
                raise SurveyError(f"{name}: '{key}' in the JSON is empty: no responses to read")
        if depth == 0:
            for value in document.values():
                if isinstance(value, dict):
                    try:
                        inner, items = _responses(value, name, 1)
                    except SurveyError:
                        continue
                    return inner, items
        keys = ", ".join(list(document)[:8])
        raise SurveyError(
            f"{name}: no list of responses in the JSON (top-level keys: {keys}); export the "
            "responses as CSV, or as a JSON array of one object per response"
        )
    raise SurveyError(f"{name}: the JSON holds a single value, not survey responses")


def _keyed(value: Any) -> bool:
    """Responses keyed by their ids, as a Firebase export stores them: `{"-NxA1": {...},
    "-NxA2": {...}}`."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(item, dict) and item for item in value.values())
    )


def _unwrap(item: dict[str, Any]) -> dict[str, Any]:
    """LimeSurvey's `{"12": {"id": "12", ...}}`: a response under its own id; a Typeform
    webhook's `{"event_id", "event_type": "form_response", "form_response": {...}}`: the
    response in it."""
    inner = item.get("form_response")
    if isinstance(inner, dict) and isinstance(inner.get("answers"), list):
        return inner
    if len(item) == 1:
        ((key, value),) = item.items()
        if isinstance(value, dict) and key.strip().isdigit():
            return value
    return item


def _flatten(
    item: dict[str, Any],
    name: str,
    prefix: str = "",
    *,
    aliases: dict[str, dict[str, None]] | None = None,
) -> dict[str, str]:
    flat: dict[str, str] = {}
    titles = _titles(item.get("definition"))
    for key, value in item.items():
        column = f"{prefix}{key}"
        if key == "definition" and titles:
            continue  # the form's questions (Typeform): the answers' other names, no answer
        if isinstance(value, dict) and value and all(_is_jotform(v) for v in value.values()):
            for question in value.values():
                label = question.get("text") or question.get("name") or ""
                flat[" ".join(str(label).split())] = _scalar(question.get("answer"))
        elif isinstance(value, dict):
            flat.update(_flatten(value, name, f"{column}.", aliases=aliases))
        elif isinstance(value, list) and value and all(_is_answer(v) for v in value):
            for answer in value:
                flat.update(_answer(answer, titles, aliases))
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                flat[column] = ", ".join(_scalar(v) for v in value)
            else:
                flat[column] = json.dumps(value, ensure_ascii=False)
        else:
            flat[column] = _scalar(value)
    return flat


def _is_answer(value: Any) -> bool:
    """One of Typeform's answers: `{"field": {"id": ..., "ref": ...}, "type": "number",
    "number": 9}`."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("field"), dict)
        and isinstance(value.get("type"), str)
    )


def _is_jotform(value: Any) -> bool:
    """One of Jotform's answers, under its question id: `{"name": "nps", "text": "How
    likely...", "type": "control_scale", "answer": "9"}` (a question left blank has no
    `answer`)."""
    return isinstance(value, dict) and "text" in value and "type" in value


def _titles(definition: Any) -> dict[str, dict[str, Any]]:
    """Each question of a Typeform webhook's `definition` (`{"fields": [{"id", "title",
    "type", "ref"}]}`) by its field id: an answer's field may give its id alone."""
    if not isinstance(definition, dict) or not isinstance(definition.get("fields"), list):
        return {}
    return {str(f["id"]): f for f in definition["fields"] if isinstance(f, dict) and f.get("id")}


def _answer(
    answer: dict[str, Any],
    titles: dict[str, dict[str, Any]] | None = None,
    aliases: dict[str, dict[str, None]] | None = None,
) -> dict[str, str]:
    field = {**(titles or {}).get(str(answer["field"].get("id")), {}), **answer["field"]}
    title = " ".join(str(field.get("title") or "").split())
    names = [str(n) for n in (field.get("ref"), field.get("id"), title) if n]
    column = names[0] if names else ""
    if aliases is not None and len(names) > 1:
        aliases.setdefault(column, {}).update(dict.fromkeys(names))
    value = answer.get(answer["type"])
    if isinstance(value, dict):  # a choice {"label": ...}, several {"labels": [...]}
        value = value.get("labels", value.get("label", value.get("other", "")))
    if isinstance(value, list):
        return {column: ", ".join(_scalar(v) for v in value)}
    return {column: _scalar(value)}


def _scalar(value: Any) -> str:
    """A value as a CSV export writes it (`as_exported`), an object or a list joined."""
    if isinstance(value, dict):  # Jotform's full name: {"first": ..., "last": ...}
        return " ".join(_scalar(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value)
    return as_exported(value, ("true", "false"))


def _starts(text: str, key: str | None, count: int) -> list[int] | None:
    """The line each response starts on, or None when they cannot be told apart: in the
    array (or the object of responses keyed by id) that is the document (`key` None or
    '') or under `key`."""
    if not key:
        found = re.search(r"[\[{]", text)
        position = found.start() if found else -1
    else:
        match = re.search(r'"' + re.escape(json.dumps(key)[1:-1]) + r'"\s*:\s*[\[{]', text)
        position = match.end() - 1 if match else -1
    if position < 0:
        return None
    keyed, closing = text[position] == "{", "}" if text[position] == "{" else "]"
    decoder = json.JSONDecoder()
    starts: list[int] = []
    line, counted = 1, 0
    position += 1
    try:
        while True:
            position = _skip(text, position, " \t\r\n,")
            if position >= len(text) or text[position] == closing:
                break
            if keyed:  # "id": {...}
                _, position = decoder.raw_decode(text, position)
                position = _skip(text, position, " \t\r\n:")
            line += text.count("\n", counted, position)
            counted = position
            starts.append(line)
            _, position = decoder.raw_decode(text, position)
    except ValueError:
        return None
    return starts if len(starts) == count else None


def _skip(text: str, position: int, characters: str) -> int:
    while position < len(text) and text[position] in characters:
        position += 1
    return position
