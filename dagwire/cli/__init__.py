"""The ``dagwire`` command line: one module per command (``validate``, ``run``,
``resources``); ``main`` dispatches. Later commands (``migrate``) register the same way:
add the module to ``COMMANDS``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# command name -> module with ``add_arguments(parser)`` and ``run(args) -> int``
COMMANDS: dict[str, str] = {
    "validate": "dagwire.cli.validate",
    "run": "dagwire.cli.run",
    "resources": "dagwire.cli.resources",
    "migrate": "dagwire.cli.migrate",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dagwire", description="Check and run dagwire (and Dagster-style) definitions."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
