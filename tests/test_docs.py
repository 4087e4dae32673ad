"""Every word of the documentation stays true: links resolve, journeys validate, sessions
print what they show.

- Every relative link and `#anchor` of README.md, CONTRIBUTING.md and docs/*.md points at
  a file of the repository and a heading (or `<a id>`) of the page it names.
- Every ```yaml block is a journey that `journeymap validate` accepts, or one of the
  FRAGMENTS listed below (a configuration, a workflow, part of a file, on purpose).
- Every ```console session of the README runs in a shell, from a folder holding the
  repository's examples/ and tests/, and prints what it shows, byte for byte (`...`
  for lines left out), except the ILLUSTRATIVE ones and the commands NOT_RUN listed below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.docs_blocks import PAGES, Block, blocks, mismatch, run_shell, session, without_code

# ```yaml blocks that are not journeys, by page and the start of their first line.
FRAGMENTS = {
    # the editor's comment on a journey's first lines (test_editor_setup.py checks it)
    ("README.md", "# yaml-language-server: $schema="),
    # suppression comments, shown inside a journey's steps
    ("README.md", "text: Nous livrons le jour même   # journeymap: disable=JM402"),
    # a GitHub Actions job's steps
    ("README.md", "- run: pip install journeymap"),
    # .pre-commit-config.yaml
    ("README.md", "repos:"),
    # a metrics mapping (test_the_readmes_survey_mapping_imports runs it)
    ("README.md", "source: Enquête à chaud après retrait (Qualtrics)"),
    # a GitHub Pages workflow
    ("README.md", "# .github/workflows/journeys-site.yml"),
}

# ```console sessions that cannot run as written, by their first command: each says why.
ILLUSTRATIVE = {
    # revisions and files of the reader's own repository (tests/diff/ runs the example's)
    "journeymap diff old.yaml new.yaml          # two files, or two folders",
}
# Commands of runnable sessions that are not run: a server that runs until Ctrl-C.
NOT_RUN = {"journeymap site journeys/ -o public/ --serve      # preview at http://127.0.0.1:8000/"}
# The reader's journeys/ folder, where a session needs one: five of the examples.
JOURNEYS = {
    "journeymap site journeys/ -o public/": [
        "meubles-magasin.yaml",
        "meubles-web-retrait.yaml",
        "retail-omnicanal.yaml",
        "saas-subscription.yaml",
        "veste-hiver.yaml",
    ]
}

# Sessions whose files another test writes first (tests/test_first_journey.py).
ELSEWHERE = {"journeymap validate journeys/", "journeymap render journeys/pizza.yaml -o pizza.svg"}


def _all_blocks() -> list[Block]:
    return [block for page in PAGES for block in blocks(page)]


def _first_line(block: Block) -> str:
    return block.text.split("\n", 1)[0].strip()


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"<[^>]+>", "", heading).strip().lower()
    return "".join("-" if ch == " " else ch for ch in text if ch.isalnum() or ch in "-_ ")


def _anchors(page: Path) -> set[str]:
    markdown = page.read_text("utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"', markdown))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", without_code(markdown, inline=False), re.M):
        slug = _slug(heading.replace("`", ""))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(page: Path) -> list[tuple[int, str]]:
    text = without_code(page.read_text("utf-8"))
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for target in re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", line):
            if not re.match(r"[a-z][a-z+.-]*:", target):  # http:, https:, mailto:
                found.append((number, target))
    return found


def test_the_slug_is_githubs() -> None:
    assert _slug("`journeymap validate`") == "journeymap-validate"
    assert _slug("Matrix and render (issue 19)") == "matrix-and-render-issue-19"
    assert _slug("Journey changes: `spring` → `HEAD`".replace("`", "")) == (
        "journey-changes-spring--head"
    )


def test_every_relative_link_and_anchor_resolves() -> None:
    broken = []
    checked = 0
    for page in PAGES:
        for number, target in _links(page):
            checked += 1
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            where = f"{page.relative_to(ROOT)}:{number}: {target}"
            if not file.exists() or ROOT not in file.parents:
                broken.append(f"{where}: no such file in the repository")
            elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
                broken.append(f"{where}: no heading #{anchor} in {file.relative_to(ROOT)}")
    assert checked > 90, checked  # the pages' links were found at all
    assert not broken, "\n".join(broken)


def test_a_broken_link_or_anchor_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n## A `code` part\n\n[ok](#a-code-part) [no](#nowhere)\n")
    assert "a-code-part" in _anchors(page)
    assert "nowhere" not in _anchors(page)
    assert _links(page) == [(5, "#a-code-part"), (5, "#nowhere")]


def _yaml_blocks() -> list[Block]:
    return [b for b in _all_blocks() if b.lang in {"yaml", "yml"}]


def test_every_yaml_block_is_a_journey_or_a_listed_fragment() -> None:
    unlisted = []
    listed = set()
    for block in _yaml_blocks():
        first = _first_line(block)
        key = next(
            (f for f in FRAGMENTS if f[0] == block.page.name and first.startswith(f[1])), None
        )
        is_journey = re.search(r"^journeymap: ", block.text, re.M) is not None
        if key is not None:
            listed.add(key)
        elif not is_journey:
            unlisted.append(f"{block.where}: {_first_line(block)!r}")
    assert not unlisted, "a ```yaml block is neither a journey nor in FRAGMENTS:\n" + "\n".join(
        unlisted
    )
    assert listed == FRAGMENTS, (
        f"FRAGMENTS lists blocks the pages no longer hold: {FRAGMENTS - listed}"
    )


def _is_fragment(block: Block) -> bool:
    first = _first_line(block)
    return any(page == block.page.name and first.startswith(start) for page, start in FRAGMENTS)


JOURNEY_BLOCKS = [
    b
    for b in _yaml_blocks()
    if re.search(r"^journeymap: ", b.text, re.M) is not None and not _is_fragment(b)
]
# broken.yaml is the README's example of errors: it must fail, with what the page shows.
INVALID_ON_PURPOSE = {"id: achat-appli"}


@pytest.mark.parametrize("block", JOURNEY_BLOCKS, ids=[b.where for b in JOURNEY_BLOCKS])
def test_every_journey_block_validates(block: Block, tmp_path: Path) -> None:
    journey = tmp_path / "journey.yaml"
    journey.write_text(block.text, "utf-8")
    result = run_cli("validate", journey)
    if any(marker in block.text for marker in INVALID_ON_PURPOSE):
        assert result.code == 1, result.stdout
    else:
        assert result.code == 0, f"{block.where}:\n{result.stdout}{result.stderr}"


def test_the_journey_blocks_were_found() -> None:
    assert len(JOURNEY_BLOCKS) >= 3, [b.where for b in JOURNEY_BLOCKS]


def _sessions() -> list[Block]:
    return [b for b in blocks(ROOT / "README.md") if b.lang == "console"]


RUNNABLE = [
    b
    for b in _sessions()
    if session(b)[0].line not in ILLUSTRATIVE and session(b)[0].line not in ELSEWHERE
]


def test_every_listed_session_is_in_the_readme() -> None:
    firsts = {session(b)[0].line for b in _sessions()}
    assert firsts >= ILLUSTRATIVE, ILLUSTRATIVE - firsts
    assert firsts >= ELSEWHERE, ELSEWHERE - firsts
    assert firsts >= set(JOURNEYS), set(JOURNEYS) - firsts
    commands = {c.line for b in _sessions() for c in session(b)}
    assert commands >= NOT_RUN, NOT_RUN - commands
    assert len(RUNNABLE) >= 7


def _workspace(tmp_path: Path, block: Block) -> Path:
    """A folder where the README's commands run: the repository's examples and data."""
    for name in ("examples", "tests", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    for name in JOURNEYS.get(session(block)[0].line, []):
        (tmp_path / "journeys").mkdir(exist_ok=True)
        (tmp_path / "journeys" / name).symlink_to(ROOT / "examples" / name)
    page = block.page.read_text("utf-8")
    before = page[: page.find(block.text)]
    # a file the page gives just before the session ("With this `broken.yaml`:")
    given = re.findall(
        r"With this `([\w.-]+)`:\n\n```yaml\n(.*?)```\n\n```console\n$", before, re.S
    )
    for name, text in given:
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


_TIMING = re.compile(r"in \d+\.\d+ s$")


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.where for b in RUNNABLE])
def test_every_readme_session_prints_what_it_shows(block: Block, tmp_path: Path) -> None:
    cwd = _workspace(tmp_path, block)
    for command in (c for c in session(block) if c.line not in NOT_RUN):
        code, printed = run_shell(command.line, cwd)
        assert code in {0, 1}, f"{block.where}: `{command.line}` exited {code}:\n" + "\n".join(
            printed
        )
        shown = [_TIMING.sub("in N s", line) for line in command.shown]
        printed = [_TIMING.sub("in N s", line) for line in printed]
        problem = mismatch(shown, printed)
        assert problem is None, f"{block.where}: `{command.line}`\n{problem}"


def test_a_session_that_prints_otherwise_is_caught() -> None:
    assert mismatch(["a", "b"], ["a", "b"]) is None
    assert mismatch(["a", "b"], ["a", "b "]) is not None
    assert mismatch(["a", "...", "c"], ["a", "b", "c"]) is None
    assert mismatch(["a", "...", "c"], ["a", "b", "c", "d"]) is not None
    assert mismatch(["c", "...", "a"], ["a", "b", "c"]) is not None


def test_the_readmes_configuration_is_accepted(tmp_path: Path) -> None:
    toml = [b for b in blocks(ROOT / "README.md") if b.lang == "toml"]
    assert len(toml) == 1
    config = tmp_path / "pyproject.toml"
    config.write_text(toml[0].text, "utf-8")
    # its max-metric-age-days is 365 where the examples' own journeymap.toml says 3650:
    # pinned to a day when their survey periods are recent, so the test does not age
    today = {"JOURNEYMAP_TODAY": "2026-12-02"}
    result = run_cli("lint", "--config", config, ROOT / "examples", env=today)
    assert result.code == 0, result.stdout + result.stderr  # 2 would be a refused configuration
    config.write_text(toml[0].text.replace("max-stages = 7", "max-stagse = 7"), "utf-8")
    assert run_cli("lint", "--config", config, ROOT / "examples", env=today).code == 2


def test_the_readmes_survey_mapping_imports(tmp_path: Path) -> None:
    # the mapping block, with the journey it names beside it and an export with its columns
    mapping = next(b for b in _yaml_blocks() if _first_line(b).startswith("source: Enquête"))
    (tmp_path / "retrait.map.yaml").write_text(mapping.text, "utf-8")
    journey = (ROOT / "examples" / "meubles-web-retrait.yaml").read_text("utf-8")
    (tmp_path / "meubles-web-retrait.yaml").write_text(journey, "utf-8")
    header = "Date,Magasin,point_de_contact,Q1,QID2,L'entreprise m'a facilité le retrait"
    labels = ["Très satisfait", "Satisfait", "Neutre"]
    rows = [
        f"2026-08-{day % 28 + 1:02d},Lyon,retrait,{day % 11},{labels[day % 3]},{day % 7 + 1}"
        for day in range(32)
    ]
    rows.append("2026-10-02,Lyon,retrait,10,Très satisfait,7")  # after filter.to
    rows.append("2026-08-02,Paris,retrait,10,Très satisfait,7")  # another store
    (tmp_path / "export.csv").write_text("\n".join([header, *rows]) + "\n", "utf-8")
    result = run_cli("metrics", "import", "export.csv", "--map", "retrait.map.yaml", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert "32 answers kept, period 2026-Q3" in result.stdout
    assert "4 figures in 1 touchpoint of 1 file would change" in result.stdout
