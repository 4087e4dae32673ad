"""Feedback metrics from survey exports: readers, the mapping file and the computation.

Pure: bytes in, figures out. Nothing here reads journeys' YAML or writes files; the CLI
hands the survey's bytes and the mapping's text in, and output/ writes the results.
"""
