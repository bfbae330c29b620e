"""The ``dagwire`` command line: one module per command (``validate``, ``run``,
``resources``, ``migrate``, ``check``); ``main`` dispatches. A new command registers by adding
its module to ``COMMANDS``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dagwire import __version__

# command name -> module with ``add_arguments(parser)`` and ``run(args) -> int``
COMMANDS: dict[str, str] = {
    "validate": "dagwire.cli.validate",
    "run": "dagwire.cli.run",
    "resources": "dagwire.cli.resources",
    "migrate": "dagwire.cli.migrate",
    "check": "dagwire.cli.check",
    "hook": "dagwire.cli.hook",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that command's module is imported (``migrate`` must
    not pay for importing the runtime that the other commands load)."""
    parser = argparse.ArgumentParser(
        prog="dagwire", description="Check and run dagwire (and Dagster-style) definitions."
    )
    parser.add_argument("--version", action="version", version=f"dagwire {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    only = arguments[0] if arguments and arguments[0] in COMMANDS else None
    args = build_parser(only).parse_args(arguments)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
