"""Reading journey files: bytes -> text -> YAML nodes with positions -> model or diagnostics."""
