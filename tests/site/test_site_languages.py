"""The site of a journey in Spanish, Brazilian Portuguese, Arabic or Japanese: the page
says its language as written (screen readers pick their voice from it), its
navigation is in that language where journeymap has the words, and an Arabic journey's
page reads right to left in a real browser: text, the map's channel column on the right."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.site.conftest import build
from tests.test_languages import journey_in

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _site(tmp_path: Path, lang: str) -> Path:
    folder = tmp_path / lang / "journeys"
    folder.mkdir(parents=True)
    journey_in(folder, lang)
    return build(tmp_path / lang / "site", folder)


def _head(page: Path) -> str:
    found = re.search(r"<html[^>]*>", page.read_text(encoding="utf-8"))
    assert found
    return found.group(0)


@pytest.mark.parametrize(
    ("lang", "head", "words"),
    [
        ("es", '<html lang="es">', ("Todos los recorridos", "Mapa del recorrido", "Leyenda")),
        ("pt-BR", '<html lang="pt-BR">', ("Todas as jornadas", "Mapa da jornada", "Legenda")),
        ("ar", '<html lang="ar" dir="rtl">', ("All journeys", "Journey map", "Legend")),
        ("ja", '<html lang="ja">', ("All journeys", "Journey map", "Legend")),
    ],
)
def test_a_page_says_the_journeys_language_and_direction(
    tmp_path: Path, lang: str, head: str, words: tuple[str, ...]
) -> None:
    site = _site(tmp_path, lang)
    page = site / "journeys" / f"pizza-{lang.lower()}.html"
    assert _head(page) == head
    assert _head(site / "index.html") == head  # every journey in one language: the site's
    text = page.read_text(encoding="utf-8") + (site / "index.html").read_text(encoding="utf-8")
    for word in words:
        assert word in text, word


def test_an_arabic_journey_reads_right_to_left(tmp_path: Path, page: Page) -> None:
    site = _site(tmp_path, "ar")
    page.goto((site / "journeys" / "pizza-ar.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    first_row = page.locator("table.map tbody tr").first
    channel, step = first_row.locator(":scope > *").nth(0), first_row.locator(":scope > *").nth(1)
    channel_box, step_box = channel.bounding_box(), step.bounding_box()
    assert channel_box and step_box
    assert channel_box["x"] > step_box["x"]  # the row starts on the right
    bar = page.locator("table.map td.tp").first
    assert bar.evaluate("e => getComputedStyle(e).borderRightWidth") == "5px"
    assert bar.evaluate("e => getComputedStyle(e).borderLeftWidth") == "0px"
