"""What a lint rule is: a stable code, a name, a severity, its documentation and a pure check.

A rule reads only the validated model and says *where* in the data the problem is (a data
path); the linter turns that path into a line and column. So rules never see YAML, and
reporters never see rules' logic. A rule declares the options it reads next to its
check (`options=`), so the loader and the documentation learn them from the registry.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeymap.diagnostics import Severity
from journeymap.lint.settings import LintConfig as LintConfig
from journeymap.lint.settings import Option as Option
from journeymap.load.positions import Loc as Loc
from journeymap.load.positions import Target as Target

if TYPE_CHECKING:
    from journeymap.model.journey import Journey


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule says: where in the journey (a data path) and what to do about it.

    Not a diagnostic: a rule knows neither the file, the line, its own severity (the
    configuration may change it) nor whether a comment silences it, so it stays a pure
    function of the model. The linter makes each finding a `Diagnostic` (through the
    file's `Placer`), and only that reaches a reporter.
    """

    loc: Loc
    message: str
    target: Target = "value"


Check = Callable[["Journey", "LintConfig"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the catalogue; `check` is None for the findings the linter raises itself."""

    code: str
    name: str
    severity: Severity
    check: Check | None
    summary: str
    doc: str
    options: tuple[Option, ...] = ()
    """The configuration options the check reads, with their defaults and ranges."""

    @property
    def family(self) -> str:
        return self.code[:3]


def rule(
    code: str, name: str, severity: Severity, options: Sequence[Option] = ()
) -> Callable[[Check], Rule]:
    """Declare a rule from its check function; the docstring is its public documentation.

    The docstring's first line is the summary shown by `journeymap rules`; the rest,
    with its bad and good examples, is what `journeymap rules CODE` and docs/rules.md show.
    """

    def wrap(check: Check) -> Rule:
        doc = inspect.cleandoc(check.__doc__ or "")
        summary, _, rest = doc.partition("\n")
        return Rule(code, name, severity, check, summary.strip(), rest.strip(), tuple(options))

    return wrap
