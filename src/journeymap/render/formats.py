"""What `render` can write and draw: the one list of formats, views and themes.

Kept apart from the pipeline, which imports the model and the drawing code, so that the
command line reads these lists at start-up for nothing.
"""

from __future__ import annotations

from typing import Literal, get_args

RenderFormat = Literal["svg", "png", "pdf", "dot", "mmd"]
FORMATS: tuple[RenderFormat, ...] = get_args(RenderFormat)
ENGINE_FORMATS: frozenset[RenderFormat] = frozenset({"svg", "png", "pdf"})
"""The formats Graphviz lays out; DOT and Mermaid are written as text."""

View = Literal["map", "path", "emotion"]
"""map: the grid of stages and channels; path: the customer's path as a storyline;
emotion: the emotion curve alone."""
VIEWS: tuple[View, ...] = get_args(View)

ThemeName = Literal["default", "dark", "print"]
"""The colour sets of `render/themes.py`: default, dark, and print (grey)."""
