"""The command-line layer: argument parsing and exit codes only, no journey logic."""
