"""``dagwire validate MODULE``: load the Definitions and report every problem (exit 1)."""

from __future__ import annotations

import argparse
import sys

from dagwire.cli.loading import LoadError, load_definitions
from dagwire.runtime.errors import DagwireError

HELP = "Load the Definitions in MODULE and report unbound resources and other problems."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("module", help="module (package.module or package.module:defs)")


def run(args: argparse.Namespace) -> int:
    try:
        definitions = load_definitions(args.module)
        definitions.validate()
    except (LoadError, DagwireError) as error:
        print(f"{args.module}: {error}", file=sys.stderr)
        return 1
    print(
        f"{args.module}: OK ({len(definitions.assets)} assets, "
        f"{len(definitions.all_jobs())} jobs, {len(definitions.sensors)} sensors, "
        f"{len(definitions.schedules)} schedules, {len(definitions.resources)} resources)"
    )
    return 0
