"""Maps in any script: a PNG or PDF whose words no installed font has says so, and with
a font for them the glyphs are drawn (`render/fonts.py`).

fontconfig is pointed at a chosen set of fonts (FONTCONFIG_FILE) so that the tests do
not depend on what the machine has: DejaVu alone, or DejaVu and WenQuanYi Micro Hei,
which `tasks.py setup` unpacks into .tools/fonts (it installs nothing). Each test
renders one or two small maps (about 1 s each).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeymap.render import fonts
from tests.conftest import EXAMPLE_FILES, ROOT, run_cli

PURE = Path(sys.executable).parent / ("graphviz-pure.exe" if os.name == "nt" else "graphviz-pure")
CJK_FONTS = ROOT / ".tools" / "fonts" / "usr" / "share" / "fonts"

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None or shutil.which("fc-match") is None,
    reason="Graphviz's dot and fontconfig are needed",
)

JAPANESE = """journey
    title オンラインで服を買う
    section 発見
      商品を検索する: 4: 私
    section 購入
      支払いをする: 2: 私
"""

WARNING = re.compile(r"^journeymap: warning: .*drawn as empty boxes", re.M)


def _dejavu() -> Path:
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=False
    ).stdout
    if "DejaVu" not in found:
        pytest.skip("DejaVu Sans is not installed")
    return Path(found).parent


def _fontconfig(tmp_path: Path, name: str, *folders: Path) -> dict[str, str]:
    """An environment whose fontconfig sees only `folders` (with the system's rules)."""
    dirs = "".join(f"<dir>{folder}</dir>" for folder in folders)
    config = tmp_path / f"{name}.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'{dirs}<include ignore_missing="yes">/etc/fonts/conf.d</include>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(config)}


@pytest.fixture
def japanese(tmp_path: Path) -> Path:
    """The Japanese Mermaid journey of the report, imported as a user does."""
    (tmp_path / "ja.mmd").write_text(JAPANESE, encoding="utf-8")
    imported = run_cli("import", tmp_path / "ja.mmd", "-o", tmp_path / "ja.yaml")
    assert imported.code == 0, imported.stderr
    text = (tmp_path / "ja.yaml").read_text(encoding="utf-8")
    assert "lang: ja  # guessed from the script" in text  # map words: English fallback
    return tmp_path / "ja.yaml"


def test_a_japanese_png_without_a_font_for_it_says_so_once(japanese: Path, tmp_path: Path) -> None:
    only_dejavu = _fontconfig(tmp_path, "dejavu", _dejavu())
    result = run_cli("render", japanese, "-o", tmp_path / "ja.png", env=only_dejavu)
    assert result.code == 0, result.stderr
    warned = WARNING.findall(result.stderr)
    assert len(warned) == 1, result.stderr
    line = result.stderr.splitlines()[0]
    assert f"{tmp_path / 'ja.png'}: no installed font has Japanese kana, CJK ideographs" in line
    assert '(e.g. "オンラインで服を買う")' in line
    assert "apt-get install fonts-noto-cjk" in line and "render .svg" in line
    assert (tmp_path / "ja.png").read_bytes().startswith(b"\x89PNG")


def test_one_pdf_per_journey_says_so_too(japanese: Path, tmp_path: Path) -> None:
    """The batch path (`-o DIR/`, drawn by `pipeline.draw_files`) warns the same way."""
    only_dejavu = _fontconfig(tmp_path, "dejavu", _dejavu())
    result = run_cli("render", japanese, "-o", f"{tmp_path / 'out'}/", "-f", "pdf", env=only_dejavu)
    assert result.code == 0, result.stderr
    assert len(WARNING.findall(result.stderr)) == 1, result.stderr
    assert "in this PDF" in result.stderr


@pytest.mark.skipif(not CJK_FONTS.is_dir(), reason="python3 tasks.py setup unpacks the CJK font")
def test_with_a_cjk_font_the_glyphs_are_drawn(japanese: Path, tmp_path: Path) -> None:
    """fontconfig falls back to the CJK font by itself (the theme names none): no
    warning, a PNG that differs from the boxes drawn without it, the font embedded in
    the PDF, and a Latin map byte for byte the same with or without that font."""
    only_dejavu = _fontconfig(tmp_path, "dejavu", _dejavu())
    with_cjk = _fontconfig(tmp_path, "cjk", _dejavu(), CJK_FONTS)
    boxes = run_cli("render", japanese, "-o", tmp_path / "boxes.png", env=only_dejavu)
    drawn = run_cli("render", japanese, "-o", tmp_path / "drawn.png", env=with_cjk)
    assert boxes.code == drawn.code == 0
    assert WARNING.search(boxes.stderr) and not WARNING.search(drawn.stderr), drawn.stderr
    assert (tmp_path / "boxes.png").read_bytes() != (tmp_path / "drawn.png").read_bytes()

    pdf = run_cli("render", japanese, "-o", tmp_path / "drawn.pdf", env=with_cjk)
    assert pdf.code == 0 and not WARNING.search(pdf.stderr), pdf.stderr
    assert b"WenQuanYi" in (tmp_path / "drawn.pdf").read_bytes()

    latin = EXAMPLE_FILES[0]
    for env, name in ((only_dejavu, "a.png"), (with_cjk, "b.png")):
        done = run_cli("render", latin, "-o", tmp_path / name, env=env)
        assert done.code == 0 and not WARNING.search(done.stderr), done.stderr
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


@pytest.mark.skipif(not PURE.exists(), reason="graphviz-pure is not installed")
def test_graphviz_pure_png_names_itself(japanese: Path, tmp_path: Path) -> None:
    """graphviz-pure draws with its own fonts, whatever fontconfig has."""
    result = run_cli(
        "render", japanese, "-o", tmp_path / "ja.png", env={"JOURNEYMAP_DOT": str(PURE)}
    )
    assert result.code == 0, result.stderr
    assert "graphviz-pure's PNG has no font for Japanese kana" in result.stderr
    assert len(WARNING.findall(result.stderr)) == 1


def test_svg_and_mermaid_keep_every_script_as_text(japanese: Path, tmp_path: Path) -> None:
    """SVG (drawn by the browser's fonts) and Mermaid carry the text itself, right-to-left
    scripts in their logical order (the browser lays them out), and never warn."""
    source = japanese.read_text(encoding="utf-8")
    source = source.replace("支払いをする", "קניית בגדים").replace("商品を検索する", "شراء الملابس")
    japanese.write_text(source, encoding="utf-8")
    only_dejavu = _fontconfig(tmp_path, "dejavu", _dejavu())
    for fmt in ("svg", "mmd"):
        result = run_cli("render", japanese, "-f", fmt, "-o", "-", env=only_dejavu)
        assert result.code == 0 and not WARNING.search(result.stderr), result.stderr
        for text in ("オンラインで服を買う", "発見", "קניית בגדים", "شراء الملابس"):
            assert text in result.stdout, (fmt, text)


def test_latin_maps_never_ask_fontconfig() -> None:
    """Every example's DOT (French and English, all views, every detail, marks and
    legends, alone and compared) has no character that would cost a look-up: the
    common case does nothing more than one regular expression."""
    from journeymap.load.journey_file import load_file
    from journeymap.render.dot import SHOW_FIELDS, Options
    from journeymap.render.pipeline import source_of
    from journeymap.render.themes import THEMES

    journeys = [load_file(example).journey for example in EXAMPLE_FILES]
    assert all(journeys)
    every = Options(THEMES["default"], frozenset(SHOW_FIELDS), True)
    for drawn in [(journey,) for journey in journeys] + [tuple(journeys[:2])]:
        for view in ("map", "path", "emotion"):
            dot = source_of(drawn, "png", every, None, view)  # type: ignore[arg-type]
            assert fonts.unusual(dot) == {}, (drawn[0].id, view)  # type: ignore[union-attr]


def test_each_script_is_named_with_its_package() -> None:
    assert fonts.script("お") == ("Japanese kana", "fonts-noto-cjk")
    assert fonts.script("한") == ("Korean", "fonts-noto-cjk")
    assert fonts.script("ش") == ("Arabic", "fonts-noto-core")
    assert fonts.script("ก") == ("Thai", "fonts-noto-core")
    assert fonts.script("😀") == ("emoji", "fonts-noto-color-emoji")
    assert fonts.script("ሀ") == ("Ethiopic", "fonts-noto-core")
    assert fonts.missing({"Ж": "Ж", "ש": "ש", "ش": "ش"}, pure=True) == {"ش": "ش"}
    # a variation selector is drawn as nothing: only the heart needs a font
    assert list(fonts.unusual("J'adore ❤️ le magasin")) == ["❤"]


def test_the_site_keeps_japanese_as_text(japanese: Path, tmp_path: Path) -> None:
    """The site's pages are HTML drawn by the browser with its own fonts (about 3 s)."""
    built = run_cli("site", japanese, "-o", tmp_path / "site")
    assert built.code == 0, built.stderr
    pages = list((tmp_path / "site" / "journeys").glob("*.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert "オンラインで服を買う" in page and "支払いをする" in page
