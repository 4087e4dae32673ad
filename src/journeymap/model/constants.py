"""Values of the format that plain-data readers need without importing pydantic."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
