"""JM9xx: findings about the lint run itself, raised by the linter rather than by a check."""

from __future__ import annotations

from journeymap.lint.rule import Rule

UNUSED_SUPPRESSION = Rule(
    "JM901",
    "unused-suppression",
    "warning",
    None,
    "A `# journeymap: disable=...` comment suppresses nothing.",
    """A suppression that no longer matches a finding hides the next real one: the
problem was fixed, the rule's code changed, or the comment sits on the wrong line.
A comment applies to findings on its own line; alone on its line, to the next line
that is not a comment.

Bad (fr): `text: Je compare les prix  # journeymap: disable=JM401`
Good (fr): `text: Je compare les prix`
Bad (en): `# journeymap: disable-file=JM202` in a file where every touchpoint has an owner.
Good (en): the comment removed.""",
)

UNKNOWN_SUPPRESSION = Rule(
    "JM902",
    "unknown-suppression",
    "error",
    None,
    "A `# journeymap: disable=...` comment names a rule that does not exist.",
    """A misspelt code or name in a suppression would otherwise silently suppress
nothing. Codes and names are listed by `journeymap rules`; validity errors (JM001 to
JM008) cannot be suppressed, since an invalid file is not a journey.

Bad (fr): `text: Nous envoyons le devis  # journeymap: disable=company-vocie`
Good (fr): `text: Nous envoyons le devis  # journeymap: disable=company-voice`
Bad (en): `# journeymap: disable=JM4O2` (letter O)
Good (en): `# journeymap: disable=JM402`""",
)
