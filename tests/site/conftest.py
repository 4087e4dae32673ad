"""The examples' site, built once through the real CLI, and the system Chromium to browse it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import EXAMPLES, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BLUEPRINT = FIXTURES / "account-opening.yaml"
REPO_URL = "https://example.org/journeys/blob/main"


def build(out: Path, *paths: Path, extra: tuple[str, ...] = ()) -> Path:
    result = run_cli("site", *paths, "-o", out, *extra)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the format-1.1 fixture, with a repository host configured."""
    out = tmp_path_factory.mktemp("site") / "site"
    return build(out, EXAMPLES, FIXTURES, extra=("--repo-url", REPO_URL))


def chromium_path() -> str:
    """Debian's Chromium; `python3 tasks.py setup` installs it (never a downloaded build)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is missing: run `python3 tasks.py setup` (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path())
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page at a desktop size, failing its test on any script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert errors == []
