"""``dagwire resources MODULE[:ATTR]`` / ``dagwire resources --static PATH``: the resource
catalog (each key, its class and config with secrets hidden, where it is used, the
problems) as text, JSON or a self-contained HTML page.

The static mode reads the source and imports nothing of the project: it works on projects
whose dependencies are not installed, real ``dagster`` ones included.
"""

from __future__ import annotations

import argparse
import os
import sys

from dagwire.catalog.html_page import render_html
from dagwire.catalog.json_format import render_json
from dagwire.catalog.model import Catalog
from dagwire.catalog.text_format import render_text
from dagwire.cli.text import MODULE_HELP

HELP = "Show the resources bound in a project, their config, their users and the problems."

RENDERERS = {"text": render_text, "json": render_json, "html": render_html}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        help=f"{MODULE_HELP}; with --static, a file or folder (PATH or PATH:NAME)",
    )
    parser.add_argument("--static", action="store_true",
                        help="read the source only: import nothing of the project")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")


def _loaded(target: str) -> Catalog | str:
    """The catalog of a loaded Definitions, or why it cannot be had."""
    from dagwire.cli.loading import LoadError, load_definitions
    from dagwire.runtime.catalog import build_catalog
    from dagwire.runtime.errors import DagwireError

    try:
        return build_catalog(load_definitions(target), target)
    except (LoadError, DagwireError) as error:
        return str(error)


def _static(target: str) -> Catalog | str:
    """The catalog read from source (the runtime is not even imported), or why not."""
    from dagwire.catalog.static import StaticCatalogError, build_static_catalog

    try:
        return build_static_catalog(target)
    except StaticCatalogError as error:
        return str(error)


def run(args: argparse.Namespace) -> int:
    catalog = _static(args.target) if args.static else _loaded(args.target)
    if isinstance(catalog, str):
        print(f"{args.target}: {catalog}", file=sys.stderr)
        return 1
    text = RENDERERS[args.format](catalog)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0
