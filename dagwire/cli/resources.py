"""``dagwire resources MODULE``: the resource catalog (key, class, config with EnvVars by
name, and the assets / ops / sensors / schedules that use each resource)."""

from __future__ import annotations

import argparse
import sys

from dagwire.cli.loading import MODULE_HELP, LoadError, load_definitions
from dagwire.runtime.catalog import format_catalog, resource_catalog
from dagwire.runtime.errors import DagwireError

HELP = "List the resources bound in MODULE's Definitions, their config and their users."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("module", help=MODULE_HELP)


def run(args: argparse.Namespace) -> int:
    try:
        definitions = load_definitions(args.module)
        entries = resource_catalog(definitions)
    except (LoadError, DagwireError) as error:
        print(f"{args.module}: {error}", file=sys.stderr)
        return 1
    print(format_catalog(entries) if entries else "(no resources bound)")
    return 0
