"""Any edit of a journey, compared both ways: exit 0, 1 or 2 with words, never a traceback.

Mutations come from the main fuzz campaign's strategies (tests/test_fuzz.py, profiles
there too); here the mutated journey is compared with the example it came from, so most
runs reach deep into the comparison rather than stopping at "journey added".
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import jsonschema
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import EXAMPLE_FILES, ROOT, invoke
from tests.test_fuzz import EXAMPLES, mutate

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


@st.composite
def edited(draw: st.DrawFn) -> tuple[Path, str]:
    index = draw(st.integers(min_value=0, max_value=len(EXAMPLES) - 1))
    document = copy.deepcopy(EXAMPLES[index])
    mutate(draw, document, ["replace", "delete", "duplicate", "swap"])
    return EXAMPLE_FILES[index], yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@given(edited())
def test_any_edit_compares_cleanly(case: tuple[Path, str]) -> None:
    example, text = case
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "edited.yaml"
        target.write_text(text, encoding="utf-8")
        for old, new in ((example, target), (target, example)):
            result = invoke("diff", old, new, "--format", "json")
            assert result.code in (0, 1, 2), result
            if result.code:
                assert result.stderr.strip()
                continue
            jsonschema.validate(
                json.loads(result.stdout), SCHEMA, cls=jsonschema.Draft202012Validator
            )
            for fmt in ("text", "markdown"):
                assert invoke("diff", old, new, "--format", fmt).code == 0
        assert target.read_text(encoding="utf-8") == text
