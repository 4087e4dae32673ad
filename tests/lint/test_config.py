"""Configuration found above the linted files, or given with --config; every key checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke
from tests.lint.base import BASE_FR

BAD_STEP = BASE_FR.replace(
    "Je commande mon vélo sur le site", "Saisie de ma commande Vélociti dans l'ERP"
)


def _project(tmp_path: Path, config_name: str, config: str, journey: str = BAD_STEP) -> Path:
    (tmp_path / config_name).write_text(config, encoding="utf-8")
    folder = tmp_path / "journeys" / "web"
    folder.mkdir(parents=True)
    path = folder / "velo.yaml"
    path.write_text(journey, encoding="utf-8")
    return path


def _codes(*args: str | Path) -> dict[str, str]:
    result = invoke("lint", "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return {d["code"]: d["severity"] for d in json.loads(result.stdout)}


def test_without_configuration_the_defaults_apply(tmp_path: Path) -> None:
    path = _project(tmp_path, "README.md", "")
    assert _codes(path) == {"JM301": "warning", "JM404": "warning"}


def test_pyproject_found_upward_selects_ignores_and_regrades(tmp_path: Path) -> None:
    path = _project(
        tmp_path,
        "pyproject.toml",
        """
[project]
name = "cx-maps"

[tool.journeymap.lint]
ignore = ["step-without-subject"]
fail-on = "warning"

[tool.journeymap.lint.severity]
internal-process-step = "error"
""",
    )
    assert _codes(path) == {"JM301": "error"}
    assert invoke("lint", path).code == 1


def test_the_nearest_configuration_wins(tmp_path: Path) -> None:
    path = _project(tmp_path, "journeymap.toml", "[lint]\nignore = ['JM3']\n")
    (path.parent / "journeymap.toml").write_text("[lint]\nignore = ['JM4']\n", "utf-8")
    assert _codes(path) == {"JM301": "warning"}


def test_a_pyproject_without_the_section_is_skipped(tmp_path: Path) -> None:
    path = _project(tmp_path, "journeymap.toml", "[lint]\nselect = ['JM3']\n")
    (path.parent / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    assert _codes(path) == {"JM301": "warning"}


def test_a_configuration_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad and some Windows editors start UTF-8 files with a BOM, which tomllib refuses."""
    path = _project(tmp_path, "journeymap.toml", "\ufeff[lint]\nselect = ['JM3']\n")
    assert _codes(path) == {"JM301": "warning"}


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    path = _project(tmp_path, "journeymap.toml", "[lint]\nselect = ['JM3']\n")
    other = tmp_path / "strict.toml"
    other.write_text("[lint]\nselect = ['JM4']\n", encoding="utf-8")
    assert _codes("--config", other, path) == {"JM404": "warning"}


def test_words_and_thresholds(tmp_path: Path) -> None:
    config = """
[lint]
allowed-words = ["ERP"]
select = ["JM3", "JM5"]

[lint.internal-words]
fr = ["Vélociti"]

[lint.thresholds]
max-step-length = 20
"""
    path = _project(tmp_path, "journeymap.toml", config)
    found = json.loads(invoke("lint", "--format", "json", path).stdout)
    messages = {d["code"]: d["message"] for d in found}
    assert set(messages) == {"JM301", "JM505"}
    assert "'saisie'" in messages["JM301"].casefold()
    assert "more than 20" in messages["JM505"]
    # The team's own word is found once the default ones are allowed.
    (tmp_path / "journeymap.toml").write_text(
        config.replace('["ERP"]', '["ERP", "saisie"]'), encoding="utf-8"
    )
    found = json.loads(invoke("lint", "--format", "json", path).stdout)
    assert "'Vélociti'" in next(d["message"] for d in found if d["code"] == "JM301")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[lint]\nignor = ['JM4']\n", "unknown key 'ignor'; allowed keys:"),
        ("[lint]\nignore = ['JM499']\n", "ignore: unknown rule 'JM499'"),
        ("[lint]\nselect = 'company-vocie'\n", "select: unknown rule 'company-vocie'"),
        (
            "[lint.severity]\nJM401 = 'fatal'\n",
            "severity.JM401 must be one of error, warning, info",
        ),
        ("[lint.thresholds]\nmax-stage = 3\n", "thresholds: unknown key 'max-stage'"),
        (
            "[lint.thresholds]\nmax-stages = 'five'\n",
            "thresholds.max-stages must be a whole number",
        ),
        ("[lint.internal-words]\nde = ['Auftrag']\n", "unknown language 'de'"),
        ("[render]\nx = 1\n", "unknown key 'render'; known sections: lint"),
        ("ignore = ['JM4']\n", "unknown key 'ignore'; lint settings go in the [lint] table"),
        ("[lint\n", "invalid TOML"),
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML: nested too deeply to read"),
        ("# padding\n" * 500_000, "is 4.8 MB, over the 4.0 MB limit; is it the right file?"),
    ],
)
def test_configuration_errors_exit_2_with_the_file_and_key(
    tmp_path: Path, config: str, message: str
) -> None:
    path = _project(tmp_path, "journeymap.toml", config)
    result = invoke("lint", path)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"journeymap: error: {tmp_path / 'journeymap.toml'}")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_lint_keys_put_directly_under_tool_journeymap_are_pointed_to_their_table(
    tmp_path: Path,
) -> None:
    path = _project(tmp_path, "pyproject.toml", "[tool.journeymap]\nignore = ['JM4']\n")
    result = invoke("lint", path)
    assert result.code == 2
    assert (
        "unknown key [tool.journeymap] 'ignore'; lint settings go in the "
        "[tool.journeymap.lint] table"
    ) in result.stderr


def test_missing_explicit_config_is_a_usage_error(tmp_path: Path) -> None:
    path = _project(tmp_path, "README.md", "")
    result = invoke("lint", "--config", tmp_path / "nope.toml", path)
    assert result.code == 2
    assert "nope.toml: no such configuration file" in result.stderr


WRONG_SHAPES: dict[str, tuple[str, str, str]] = {
    "tool-is-a-number": (
        "pyproject.toml",
        "tool = 5\n",
        "'tool' must be a table ([tool.journeymap]), not int 5",
    ),
    "journeymap-is-a-number": (
        "pyproject.toml",
        "[tool]\njourneymap = 5\n",
        "[tool.journeymap] must be a table, not int 5",
    ),
    "journeymap-is-a-list": (
        "pyproject.toml",
        "[tool]\njourneymap = [1]\n",
        "[tool.journeymap] must be a table, not a list",
    ),
    "lint-is-a-list": (
        "pyproject.toml",
        "[tool.journeymap]\nlint = [1]\n",
        "'lint' must be a table ([tool.journeymap.lint]), not a list",
    ),
    "lint-is-text": (
        "journeymap.toml",
        "lint = 'x'\n",
        "'lint' must be a table ([lint]), not the text 'x'",
    ),
    "negative-threshold": (
        "journeymap.toml",
        "[lint.thresholds]\nmax-stages = -3\n",
        "thresholds.max-stages must be from 1 to 1000, not -3",
    ),
    "zero-threshold": (
        "journeymap.toml",
        "[lint.thresholds]\nmax-channels = 0\n",
        "thresholds.max-channels must be from 1 to 1000, not 0",
    ),
    "absurd-threshold": (
        "journeymap.toml",
        "[lint.thresholds]\nmax-stages = 99999999999999999999\n",
        "thresholds.max-stages must be from 1 to 1000",
    ),
    "csat-off-scale": (
        "journeymap.toml",
        "[lint.thresholds]\npoor-csat = 200\n",
        "thresholds.poor-csat must be from 0 to 100, not 200",
    ),
    "ces-off-scale": (
        "journeymap.toml",
        "[lint.thresholds]\npoor-ces = 9\n",
        "thresholds.poor-ces must be from 1 to 7, not 9",
    ),
    "threshold-text": (
        "journeymap.toml",
        "[lint.thresholds]\nmax-stages = '7'\n",
        "thresholds.max-stages must be a whole number from 1 to 1000, not the text '7'",
    ),
    "threshold-bool": (
        "journeymap.toml",
        "[lint.thresholds]\nmax-stages = true\n",
        "thresholds.max-stages must be a whole number from 1 to 1000, not a boolean",
    ),
    "thresholds-list": (
        "journeymap.toml",
        "[lint]\nthresholds = [1]\n",
        "thresholds must be a table",
    ),
    "unknown-rule": (
        "journeymap.toml",
        "[lint]\nignore = ['JM999']\n",
        "ignore: unknown rule 'JM999'",
    ),
    "select-number": (
        "journeymap.toml",
        "[lint]\nselect = [5]\n",
        "select must be a list of non-empty strings",
    ),
    "severity-number": (
        "journeymap.toml",
        "[lint.severity]\nJM402 = 3\n",
        "severity.JM402 must be one of error, warning, info, not 3",
    ),
    "severity-unknown-rule": (
        "journeymap.toml",
        "[lint.severity]\nJM999 = 'error'\n",
        "severity: unknown rule 'JM999'",
    ),
    "words-number": (
        "journeymap.toml",
        "[lint.internal-words]\nfr = 5\n",
        "internal-words.fr must be a list of non-empty strings",
    ),
    "words-unknown-lang": (
        "journeymap.toml",
        "[lint.company-words]\nde = ['x']\n",
        "company-words: unknown language 'de'",
    ),
    "fail-on-number": (
        "journeymap.toml",
        "[lint]\nfail-on = 1\n",
        "fail-on must be one of error, warning, info, not 1",
    ),
    "unknown-key": ("journeymap.toml", "[lint]\nignroe = ['JM1']\n", "unknown key 'ignroe'"),
    "not-toml": ("journeymap.toml", "[lint\n", "invalid TOML"),
}


@pytest.mark.parametrize("name", sorted(WRONG_SHAPES))
def test_every_wrong_shape_is_one_error_naming_the_key(name: str, tmp_path: Path) -> None:
    config_name, config, message = WRONG_SHAPES[name]
    path = _project(tmp_path, config_name, config)
    result = invoke("lint", path)
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"journeymap: error: {tmp_path / config_name}")
    assert message in result.stderr


@pytest.mark.parametrize("target", ["/dev/null", "{dir}"])
def test_a_configuration_that_is_not_a_file(target: str, tmp_path: Path) -> None:
    path = _project(tmp_path, "README.md", "")
    result = invoke("lint", path, "--config", target.replace("{dir}", str(tmp_path)))
    assert result.code == 2
    assert result.stderr.count("\n") <= 5  # click's own usage error for a folder


def test_every_threshold_has_a_range() -> None:
    from journeymap.lint.config import THRESHOLD_RANGES, THRESHOLDS

    assert set(THRESHOLD_RANGES) == set(THRESHOLDS)
    for key, default in THRESHOLDS.items():
        low, high = THRESHOLD_RANGES[key]
        assert low <= default <= high, key


def test_the_thresholds_a_file_may_set_are_the_options_the_rules_declare(
    tmp_path: Path,
) -> None:
    from journeymap.lint.registry import all_rules

    declared = sorted({option.key for r in all_rules() for option in r.options})
    assert "max-stages" in declared and "poor-csat" in declared
    path = _project(tmp_path, "journeymap.toml", "[lint.thresholds]\nmax-stage = 3\n")
    result = invoke("lint", path)
    assert result.code == 2
    assert result.stderr.rstrip("\n").endswith(f"known: {', '.join(declared)}")
