"""The site's pages as a reader's browser gets them: bytes, first paint, interactive.

    .venv/bin/python benchmarks/site_pages.py [--sizes 50 200 500] [--repeat 3]

Builds a site of N small journeys (tests/site/hard.py's `bulk`, which share six moments
across every journey) with the real CLI, then opens the index, the portfolio and a
journey page in Debian's Chromium from file://: the HTML's bytes, first contentful
paint, DOMContentLoaded and load (medians over `--repeat` loads, in ms, with 4x CPU
slow-down so the figures are those of a modest laptop, not of this server).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.site.hard import bulk, write_journeys  # noqa: E402

BIN = Path(sys.executable).parent
JOURNEYMAP = str(BIN / "journeymap") if (BIN / "journeymap").exists() else "journeymap"
PAGES = ("index.html", "portfolio.html", "journeys/bulk-001.html")
TIMING = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd, nodes: document.getElementsByTagName('*').length};
}"""


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("chromium is missing: python3 tasks.py setup")


def measure(sizes: list[int], repeat: int, slowdown: int) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium())
        for size in sizes:
            folder = Path(tmp) / str(size)
            write_journeys(folder / "journeys", [bulk(n) for n in range(size)])
            subprocess.run(
                [JOURNEYMAP, "site", str(folder / "journeys"), "-o", str(folder / "site")],
                check=True,
                capture_output=True,
            )
            for name in PAGES:
                path = folder / "site" / name
                samples = []
                for _ in range(repeat):
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                    page.goto(path.as_uri(), wait_until="load")
                    page.wait_for_function(
                        "performance.getEntriesByName('first-contentful-paint').length > 0",
                        timeout=30_000,
                    )
                    samples.append(page.evaluate(TIMING))
                    context.close()
                row: dict[str, object] = {"journeys": size, "page": name}
                row["kb"] = round(path.stat().st_size / 1024, 1)
                for key in ("fcp", "dcl", "load"):
                    row[key + "_ms"] = round(statistics.median(s[key] for s in samples))
                row["elements"] = samples[0]["nodes"]
                rows.append(row)
                print(json.dumps(row), flush=True)
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slowdown", type=int, default=4)
    args = parser.parse_args()
    measure(args.sizes, args.repeat, args.slowdown)


if __name__ == "__main__":
    main()
