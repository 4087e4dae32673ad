"""One module per family of rules; the family digit is the golden rule it enforces."""
