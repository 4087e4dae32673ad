"""journeymap: customer journeys as plain YAML files that can be validated, linted and drawn."""

__version__ = "0.1.0"
