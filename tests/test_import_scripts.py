"""Import gives a journey in another script the language that script most often writes:
the site's `lang` and direction follow it (an Arabic journey reads right to left), where
every such journey used to be `lang: en`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import invoke

DIAGRAMS = {
    "ja": "journey\n  title 買い物\n  section 検索\n    商品を探す: 5: 私\n"
    "    カートに入れる: 3: 私\n",
    "zh": "journey\n  title 购物\n  section 搜索\n    寻找商品: 5: 我\n    加入购物车: 3: 我\n",
    "ko": "journey\n  title 쇼핑\n  section 검색\n    상품을 찾는다: 5: 나\n",
    "ar": "journey\n  title التسوق\n  section البحث\n    أبحث عن منتج: 5: أنا\n",
    "he": "journey\n  title קניות\n  section חיפוש\n    אני מחפש מוצר: 5: אני\n",
    "ru": "journey\n  title Покупка\n  section Поиск\n    Я ищу товар: 5: Я\n",
}


@pytest.mark.parametrize("lang", list(DIAGRAMS))
def test_the_script_names_the_language(lang: str, tmp_path: Path) -> None:
    source = tmp_path / f"{lang}.mmd"
    source.write_text(DIAGRAMS[lang], encoding="utf-8")
    result = invoke("import", source)
    assert result.code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["lang"] == lang
    line = next(line for line in result.stdout.splitlines() if line.startswith("lang:"))
    assert "guessed from the script" in line  # said to be a guess, with what to do


def test_an_imported_arabic_journey_reads_right_to_left_on_the_site(tmp_path: Path) -> None:
    source = tmp_path / "ar.mmd"
    source.write_text(DIAGRAMS["ar"], encoding="utf-8")
    journey = tmp_path / "ar.yaml"
    assert invoke("import", source, "-o", journey).code == 0
    site = tmp_path / "site"
    result = invoke("site", journey, "-o", site)
    assert result.code in (0, 1), result.stderr
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert any('lang="ar"' in page and 'dir="rtl"' in page for page in pages)
