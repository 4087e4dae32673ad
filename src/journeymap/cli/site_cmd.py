"""`journeymap site`."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeymap.cli import exits
from journeymap.cli.options import Command, ExcludeOption, JobsOption, PathsArgument

if TYPE_CHECKING:
    from journeymap.site.run import Outcome


def site(
    paths: PathsArgument,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder to write the site into (created; an existing one must be empty "
            "or hold an earlier site).",
            file_okay=False,
        ),
    ],
    exclude: ExcludeOption = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", metavar="TITLE", help="The site's title (default: 'Customer journeys')."
        ),
    ] = None,
    repo_url: Annotated[
        str | None,
        typer.Option(
            "--repo-url",
            metavar="URL",
            help="Base URL of the files on the repository host, to link each journey to its "
            "file there (e.g. https://github.com/ORG/REPO/blob/main).",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            metavar="FILE",
            help="Lint configuration instead of the one found above each file.",
            dir_okay=False,
        ),
    ] = None,
    serve: Annotated[
        bool,
        typer.Option("--serve", help="Serve the site locally and rebuild it when a file changes."),
    ] = False,
    port: Annotated[
        int,
        typer.Option(
            "--port", min=0, max=65535, metavar="PORT", help="Port for --serve (0: any free)."
        ),
    ] = 8000,
    jobs: JobsOption = None,
) -> None:
    """Build a static site of every journey: index, maps, matrices, priorities, portfolio.

    The site opens from file:// with no server and no network; publish the folder as it
    is (GitHub Pages, any web server). Paths of the YAML sources are linked relative to the
    current folder when --repo-url is given.
    """
    from journeymap.cli.loading import journey_paths
    from journeymap.lint.config import ConfigError, Resolver
    from journeymap.output.atomic import OutputError
    from journeymap.site.build import SiteOptions
    from journeymap.site.run import build_to

    options = SiteOptions(title=title, repo_url=repo_url)
    if str(output) == "-":  # it built the site in a folder named '-'
        exits.fail("-o -: a site is a folder of files, not a stream; give -o a folder name")
    try:
        resolver = Resolver(config)
    except ConfigError as exc:
        exits.fail(str(exc))

    def once(quiet: bool) -> Outcome | None:
        try:
            files = journey_paths(paths, exclude)
            outcome = build_to(files, output, options, resolver, jobs)
        except (ConfigError, OutputError) as exc:
            if quiet:
                exits.say(str(exc))
                return None
            exits.fail(str(exc))
        except SystemExit:
            if quiet:
                return None
            raise
        _report(outcome, output)
        return outcome

    outcome = once(quiet=False)
    if outcome is None:
        raise typer.Exit(exits.USAGE)
    if not serve:
        if outcome.invalid:
            raise typer.Exit(exits.USAGE if outcome.unreadable else exits.FINDINGS)
        return
    from journeymap.site.run import serve as serve_site

    try:
        serve_site(paths, exclude or (), output, functools.partial(once, True), port=port)
    except OSError as exc:
        exits.fail(f"cannot serve on port {port}: {exc.strerror or exc}")


def _report(outcome: Outcome, output: Path) -> None:
    from journeymap.output.report import pluralise
    from journeymap.textsafe import short_words, visible

    if outcome.invalid:
        exits.report_invalid(outcome.invalid, outcome.journeys)
        sys.stderr.write(
            f"site not written: fix the files above ({short_words(visible(str(output)))} is "
            "unchanged)\n"
        )
        return
    sys.stdout.write(
        f"wrote {visible(str(output))}/index.html: {pluralise(outcome.journeys, 'journey')}, "
        f"{outcome.changed} files changed in {outcome.seconds:.2f} s\n"
    )
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    app.command("site", cls=Command)(site)
