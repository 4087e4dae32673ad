"""Journeys in languages other than French and English, as their readers get them: the
words maps and matrices print in the journey's language (or English, said in the docs),
the tag as written in the site's `<html lang>`, right to left for Arabic and Hebrew,
wide characters given the room they are drawn in, and the lint leaving alone a
language it cannot read. Maps are drawn by the real `dot`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from journeymap.render.text import width_of, wrap
from tests.conftest import ROOT, invoke, run_cli

CJK_FONTS = ROOT / ".tools" / "fonts" / "usr" / "share" / "fonts"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is needed")

TEXTS = {
    "es": ("Pedido", "Elijo una pizza en la app", "La app es lenta", "Fotos bonitas"),
    "de": ("Bestellung", "Ich wähle eine Pizza in der App", "Die App ist langsam", "Schöne Fotos"),
    "it": ("Ordine", "Scelgo una pizza nell'app", "L'app è lenta", "Belle foto"),
    "pt-BR": ("Pedido", "Escolho uma pizza no app", "O app é lento", "Fotos bonitas"),
    "nl": ("Bestelling", "Ik kies een pizza in de app", "De app is traag", "Mooie foto's"),
    "ja": (
        "注文",
        "アプリでメニューを見て、好きなピザとトッピングを選び、配達の時間を指定します",
        "アプリの読み込みがとても遅くて、何度も画面が固まってしまう",
        "写真がきれいで選びやすい",
    ),
    "ar": ("الطلب", "أختار بيتزا في التطبيق", "التطبيق بطيء", "صور جميلة"),
    "he": ("הזמנה", "אני בוחר פיצה באפליקציה", "האפליקציה איטית", "תמונות יפות"),
}
"""The stage, step, irritant and delight of one small journey, in each language."""

# What a reader of each language finds on the map: the legend's delights and irritants,
# the phase over the stage, the emotion curve's name. Japanese, Arabic and Hebrew have no
# words of journeymap's own yet: English, as docs/rendering.md says.
MAP_WORDS = {
    "es": ("puntos positivos", "puntos de fricción", "DURANTE LA COMPRA", "Emoción"),
    "de": ("Pluspunkte", "Ärgernisse", "WÄHREND DES KAUFS", "Emotion"),
    "it": ("punti positivi", "criticità", "DURANTE L'ACQUISTO", "Emozione"),
    "pt-BR": ("pontos positivos", "pontos de atrito", "DURANTE A COMPRA", "Emoção"),
    "nl": ("pluspunten", "ergernissen", "TIJDENS DE AANKOOP", "Emotie"),
    "ja": ("delights", "irritants", "DURING PURCHASE", "Emotion"),
    "ar": ("delights", "irritants", "DURING PURCHASE", "Emotion"),
}


def journey_in(folder: Path, lang: str, texts: tuple[str, str, str, str] | None = None) -> Path:
    stage, step, irritant, delight = texts or TEXTS[lang]
    path = folder / f"{lang}.yaml"
    path.write_text(
        f"""journeymap: 1
id: pizza-{lang.lower().replace("_", "-")}
title: Pizza {lang}
lang: {lang}
persona: {{name: Persona}}
scope: {{targets: [B2C], offers: [Pizza]}}
stakeholders:
  - {{id: web, name: Web}}
channels:
  - {{id: app, name: App, kind: digital}}
stages:
  - id: order
    name: "{stage}"
    phase: during
    steps:
      - id: choose
        text: "{step}"
        emotion: 1
        touchpoints:
          - channel: app
            owner: web
            volume: 12000
            metrics: {{csat: 72.5}}
            irritants: [{{text: "{irritant}", category: productivity}}]
            delights: [{{text: "{delight}"}}]
""",
        encoding="utf-8",
    )
    return path


def svg_texts(svg: str) -> list[str]:
    import html

    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_any_well_formed_language_tag_is_taken_as_written(tmp_path: Path) -> None:
    for lang in ("pt-BR", "zh-Hant-TW", "ar", "sr-Latn", "en-GB"):
        path = journey_in(tmp_path, lang, TEXTS["es"])
        result = invoke("validate", path)
        assert result.code == 0, (lang, result.stdout)
    wrong = journey_in(tmp_path, "fr_FR", TEXTS["es"])
    result = invoke("validate", wrong)
    assert result.code == 1
    assert result.stdout.splitlines()[0] == (
        f"{wrong}:4:7: error[JM006] 'lang' is the text 'fr_FR'; write a BCP 47 language "
        "tag like fr, en, es, de, pt-BR, ja or ar"
    )


@needs_dot
@pytest.mark.parametrize("lang", sorted(MAP_WORDS))
def test_the_map_prints_its_own_words_in_the_journeys_language(tmp_path: Path, lang: str) -> None:
    path = journey_in(tmp_path, lang)
    result = run_cli("render", path, "-o", tmp_path / "map.svg")
    assert result.code == 0, result.stderr
    texts = svg_texts((tmp_path / "map.svg").read_text(encoding="utf-8"))
    joined = "\n".join(texts)
    for expected in MAP_WORDS[lang]:
        assert expected in texts or f"\n{expected}\n" in f"\n{joined}\n", (expected, texts)
    if lang not in ("ja", "ar"):
        assert "delights" not in texts and "DURING PURCHASE" not in texts


def test_the_matrix_speaks_the_journeys_language_and_writes_its_numbers(tmp_path: Path) -> None:
    result = invoke("matrix", journey_in(tmp_path, "de"))
    assert result.code == 0, result.stdout
    assert "1 Phase · 1 Schritt · 1 Kanal · 1 Kontaktpunkt · 1 Pluspunkt" in result.stdout
    assert "Legende: ◆ Moment der Wahrheit  + Pluspunkt  ! Ärgernis" in result.stdout
    assert "12\u00a0000" in result.stdout or "12k" in result.stdout.lower()


def test_the_lint_leaves_alone_a_language_it_cannot_read(tmp_path: Path) -> None:
    """Read as French (the default before), every Spanish step was 'without a subject';
    a regional English tag is still read as English."""
    spanish = invoke("lint", journey_in(tmp_path, "es"))
    assert not re.search(r"JM4\d\d|JM30\d", spanish.stdout), spanish.stdout
    british = journey_in(
        tmp_path, "en-GB", ("Order", "We send the quote", "Slow app", "Nice photos")
    )
    found = invoke("lint", british)
    assert "JM402" in found.stdout, found.stdout


def test_a_line_of_wide_characters_is_counted_at_their_width() -> None:
    """Ideographs are drawn two Latin letters wide: a line of 20 columns holds 10."""
    text = TEXTS["ja"][1]
    lines = wrap(text, 20)
    assert "".join(lines) == text
    assert all(width_of(line) <= 20 for line in lines)
    assert max(width_of(line) for line in lines) >= 18
    assert not any(line[0] in "、。" for line in lines)  # never a comma opening a line
    assert wrap("I choose a pizza in the app", 10) == ["I choose a", "pizza in", "the app"]


@needs_dot
@pytest.mark.skipif(not CJK_FONTS.is_dir(), reason="python3 tasks.py setup unpacks the CJK font")
def test_japanese_cells_keep_the_width_the_map_planned(tmp_path: Path) -> None:
    """dot measures the text with the real CJK font: a cell whose lines were counted as
    Latin letters was widened by dot past its column (488 pt for 137), pushing the map
    apart and its header lines out of step."""
    from tests.test_render_fonts import _dejavu, _fontconfig

    env = _fontconfig(tmp_path, "cjk", _dejavu(), CJK_FONTS)
    path = journey_in(tmp_path, "ja")
    for fmt in ("dot", "svg"):
        result = run_cli("render", path, "-o", tmp_path / f"map.{fmt}", env=env)
        assert result.code == 0, result.stderr
    dot = (tmp_path / "map.dot").read_text(encoding="utf-8")
    planned = {
        name: float(width) * 72
        for name, width in re.findall(r"^\s*(c\d+_\d+) \[.*width=([\d.]+)\]$", dot, re.M)
    }
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    drawn = {}
    for name, body in re.findall(
        r'<g id="node\d+" class="node">\s*<title>(c\d+_\d+)</title>(.*?)</g>', svg, re.S
    ):
        points = re.search(r'<(?:path|polygon)[^>]*\s(?:d|points)="([^"]*)"', body)
        assert points, body
        xs = [float(x) for x in re.findall(r"(-?[\d.]+),-?[\d.]+", points.group(1))]
        drawn[name] = max(xs) - min(xs)
    assert planned and drawn.keys() == planned.keys()
    for name, width in planned.items():
        assert drawn[name] <= width + 1, (name, drawn[name], width)


def test_the_mermaid_export_and_the_changes_map_of_a_spanish_journey(tmp_path: Path) -> None:
    """Their words exist in French and English only (the export's `accDescr`, which
    `import` recognises) or in the map's languages (the changes' legend)."""
    old = journey_in(tmp_path, "es")
    exported = invoke("render", old, "-o", "-", "--format", "mmd")
    assert exported.code == 0, exported.stderr
    assert "accDescr: Customer journey (Persona), 1 stage, 1 step." in exported.stdout
    (tmp_path / "new").mkdir()
    new = tmp_path / "new" / "es.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("emotion: 1", "emotion: -1"))
    drawn = run_cli("diff", old, new, "--format", "dot", "-o", "-")
    assert drawn.code in (0, 1), drawn.stderr
    assert f"Cambios desde {old}" in drawn.stdout and "peor" in drawn.stdout
