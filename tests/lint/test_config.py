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
