"""Importers: other tools' journey texts -> journey data, comments and warnings.

Pure functions of the text (no files, no output), so the CLI stays a thin layer and the
tests feed them real files directly.
"""
