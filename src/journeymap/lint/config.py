"""Lint configuration: `[tool.journeymap.lint]` in pyproject.toml, or `[lint]` in journeymap.toml.

The nearest configuration above each linted file applies, as with ruff and yamllint, so
a monorepo can hold teams with different word lists. Every key is checked: a misspelt
threshold that silently fell back to its default would be worse than an error. The
thresholds a file may set are the options the rules declare (journeymap.lint.settings),
collected by the registry; the rules never import this loader.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from journeymap.diagnostics import SEVERITIES, SEVERITY_RANK, Severity
from journeymap.lint import registry
from journeymap.lint.rule import Rule
from journeymap.lint.settings import ConfigError as ConfigError
from journeymap.lint.settings import LintConfig as LintConfig
from journeymap.lint.settings import today as today
from journeymap.load.source import is_file

CONFIG_FILES = ("journeymap.toml", "pyproject.toml")

# Sections other commands may own under [tool.journeymap]; only `lint` is read here.
KNOWN_SECTIONS = frozenset({"lint"})

_LINT_KEYS = frozenset(
    {
        "select",
        "ignore",
        "fail-on",
        "severity",
        "thresholds",
        "internal-words",
        "company-words",
        "allowed-words",
    }
)
_LANGS = ("fr", "en")


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"{type(value).__name__} {value!r}"


def __getattr__(name: str) -> Any:
    """THRESHOLDS and THRESHOLD_RANGES, read from the options the rules declare."""
    if name == "THRESHOLDS":
        return {key: option.default for key, option in registry.options().items()}
    if name == "THRESHOLD_RANGES":
        return {key: (option.low, option.high) for key, option in registry.options().items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def enabled_codes(config: LintConfig) -> frozenset[str]:
    """Codes of the rules that run: selected, minus ignored (codes, names or families)."""
    chosen = {r.code for s in config.select for r in _resolve(s, config.source, "select")}
    dropped = {r.code for s in config.ignore for r in _resolve(s, config.source, "ignore")}
    return frozenset(chosen - dropped)


def with_overrides(
    config: LintConfig,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> LintConfig:
    """Command-line selections replace the file's, as they do in ruff."""
    updated = config
    if select:
        updated = replace(updated, select=_split(select))
    if ignore:
        updated = replace(updated, ignore=(*updated.ignore, *_split(ignore)))
    enabled_codes(updated)
    return updated


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _resolve(selector: str, source: str | None, key: str) -> tuple[Rule, ...]:
    found = registry.select(selector)
    if not found:
        where = f"{source}: " if source else ""
        raise ConfigError(
            f"{where}{key}: unknown rule {selector!r}; "
            "use a code (JM401), a name (company-voice) or a family (JM4); "
            "`journeymap rules` lists them"
        )
    return found


MAX_WORDS = 1000
"""Per list. A team's jargon is dozens of words; every rule reading steps scans them all
in one pattern, which took 36 s to build for 20,000 words."""


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where} must be a list of non-empty strings")
    if len(value) > MAX_WORDS:
        raise ConfigError(
            f"{where} holds {len(value)} entries, over the {MAX_WORDS} a list may hold; "
            "keep the words your journeys use"
        )
    return tuple(v.strip() for v in value)


def _per_lang(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of word lists by language, e.g. fr = [...]")
    unknown = sorted(set(value) - set(_LANGS))
    if unknown:
        raise ConfigError(f"{where}: unknown language {unknown[0]!r}; use fr or en")
    return {lang: _strings(words, f"{where}.{lang}") for lang, words in value.items()}


def _severity(value: Any, where: str) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(f"{where} must be one of error, warning, info, not {value!r}")
    severity: Severity = value
    return severity


def parse(table: Mapping[str, Any], source: str) -> LintConfig:
    """A LintConfig from the `lint` table; `source` names it in error messages."""
    unknown = sorted(set(table) - _LINT_KEYS)
    if unknown:
        raise ConfigError(
            f"{source}: unknown key {unknown[0]!r}; allowed keys: {', '.join(sorted(_LINT_KEYS))}"
        )
    config = LintConfig(source=source)
    if "select" in table:
        config = replace(config, select=_strings(table["select"], f"{source}: select"))
    if "ignore" in table:
        config = replace(config, ignore=_strings(table["ignore"], f"{source}: ignore"))
    if "fail-on" in table:
        config = replace(config, fail_on=_severity(table["fail-on"], f"{source}: fail-on"))
    if "severity" in table:
        raw = table["severity"]
        if not isinstance(raw, dict):
            raise ConfigError(f"{source}: severity must be a table such as {{JM401 = 'error'}}")
        overrides: dict[str, Severity] = {}
        for key, value in raw.items():
            target = registry.find(key)
            if target is None:
                raise ConfigError(f"{source}: severity: unknown rule {key!r}")
            overrides[target.code] = _severity(value, f"{source}: severity.{key}")
        config = replace(config, severity=overrides)
    if "thresholds" in table:
        raw = table["thresholds"]
        if not isinstance(raw, dict):
            raise ConfigError(f"{source}: thresholds must be a table such as {{max-stages = 8}}")
        declared = registry.options()
        values: dict[str, int] = {}
        for key, value in raw.items():
            if key not in declared:
                raise ConfigError(
                    f"{source}: thresholds: unknown key {key!r}; "
                    f"known: {', '.join(sorted(declared))}"
                )
            # A threshold outside its range is a typo that would silence (or fire) a rule
            # everywhere; each rule declares what its options can mean.
            low, high = declared[key].low, declared[key].high
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(
                    f"{source}: thresholds.{key} must be a whole number from {low} to {high}, "
                    f"not {_kind(value)}"
                )
            if not low <= value <= high:
                raise ConfigError(
                    f"{source}: thresholds.{key} must be from {low} to {high}, not {value}"
                )
            values[key] = value
        config = replace(config, thresholds=values)
    if "internal-words" in table:
        words = _per_lang(table["internal-words"], f"{source}: internal-words")
        config = replace(config, internal_words=words)
    if "company-words" in table:
        words = _per_lang(table["company-words"], f"{source}: company-words")
        config = replace(config, company_words=words)
    if "allowed-words" in table:
        allowed = _strings(table["allowed-words"], f"{source}: allowed-words")
        config = replace(config, allowed_words=allowed)
    enabled_codes(config)
    return config


def load(path: Path) -> LintConfig | None:
    """The configuration in `path`, or None for a pyproject.toml without [tool.journeymap]."""
    from journeymap.diagnostics import Diagnostic
    from journeymap.load.limits import LimitError, Limits
    from journeymap.load.source import not_utf8, read_bytes

    try:
        # Read as journeys are: bounded by the same size limit (a 50 MB file is no
        # configuration, and tomllib would take minutes over it), a device refused.
        read = read_bytes(path, Limits.from_env(), kind="a configuration file")
        if isinstance(read, Diagnostic):
            raise ConfigError(f"{path}: {read.message}")
        raw = read
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except LimitError as exc:
        raise ConfigError(str(exc)) from None
    except UnicodeDecodeError as exc:
        line, column, what = not_utf8(raw, exc)
        raise ConfigError(f"{path}:{line}:{column}: {what}; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(
            f"{path}: invalid TOML: nested too deeply to read; a configuration needs two levels"
        ) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(
                f"{path}: 'tool' must be a table ([tool.journeymap]), not {_kind(tool)}"
            )
        if "journeymap" not in tool:
            return None
        section, prefix = tool["journeymap"], "[tool.journeymap]"
    else:
        section, prefix = data, ""
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: {prefix or 'the file'} must be a table, not {_kind(section)}")
    unknown = sorted(set(section) - KNOWN_SECTIONS)
    if unknown:
        key = unknown[0]
        where = f"{prefix} " if prefix else ""
        hint = (
            f"; lint settings go in the {prefix[:-1] + '.lint]' if prefix else '[lint]'} table"
            if key in _LINT_KEYS
            else f"; known sections: {', '.join(sorted(KNOWN_SECTIONS))}"
        )
        raise ConfigError(f"{path}: unknown key {where}{key!r}{hint}")
    lint = section.get("lint", {})
    if not isinstance(lint, dict):
        where = "[tool.journeymap.lint]" if prefix else "[lint]"
        raise ConfigError(f"{path}: 'lint' must be a table ({where}), not {_kind(lint)}")
    name = f"{path} [tool.journeymap.lint]" if prefix else f"{path} [lint]"
    return parse(lint, name)


class Resolver:
    """The configuration for each linted file: --config if given, else the nearest one above."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_explicit(explicit) if explicit is not None else None
        self._by_dir: dict[Path, LintConfig] = {}

    def for_file(self, path: Path) -> LintConfig:
        if self._explicit is not None:
            return self._explicit
        return self._for_dir(Path(os.path.realpath(path)).parent)

    def _for_dir(self, directory: Path) -> LintConfig:
        """The nearest configuration in `directory` or above, climbing without recursion
        (a file 1,000 folders deep went past Python's recursion limit: exit 3)."""
        climbed: list[Path] = []
        config: LintConfig | None = None
        while config is None:
            config = self._by_dir.get(directory)
            if config is not None:
                break
            climbed.append(directory)
            for name in CONFIG_FILES:
                candidate = directory / name
                if is_file(candidate):
                    config = load(candidate)
                    if config is not None:
                        break
            if config is None and directory.parent == directory:
                config = LintConfig()
            directory = directory.parent
        for folder in climbed:
            self._by_dir[folder] = config
        return config


def load_explicit(path: Path) -> LintConfig:
    try:
        path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not is_file(path):
        raise ConfigError(f"{path}: not a regular file; give a pyproject.toml or journeymap.toml")
    config = load(path)
    if config is None:
        raise ConfigError(f"{path}: no [tool.journeymap] section")
    return config


def at_least(severity: Severity, threshold: Severity) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
