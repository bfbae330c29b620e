"""``dagwire validate MODULE`` (or ``FILE.py``): load the Definitions and report every
problem (exit 1)."""

from __future__ import annotations

import argparse
import sys

from dagwire.cli.loading import LoadError, load_definitions
from dagwire.cli.text import MODULE_HELP, plural
from dagwire.runtime.errors import DagwireError

HELP = "Load the Definitions in MODULE and report unbound resources and other problems."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("module", help=MODULE_HELP)


def run(args: argparse.Namespace) -> int:
    try:
        definitions = load_definitions(args.module)
        definitions.validate()
    except (LoadError, DagwireError) as error:
        print(f"{args.module}: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(plural(len(items), word) for items, word in (
        (definitions.assets, "asset"), (definitions.all_jobs(), "job"),
        (definitions.sensors, "sensor"), (definitions.schedules, "schedule"),
        (definitions.resources, "resource"),
    ))
    print(f"{args.module}: OK ({counts})")
    return 0
